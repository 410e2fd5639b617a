package de.konferenzbuero.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client a rate limit counts: the peer address, or behind a configured reverse proxy
 * ({@code quarkus.http.proxy.proxy-address-forwarding} with {@code trusted-proxies}) the address the proxy forwards.
 * IPv6 clients count per /64 network, as one household or office gets a whole /64.
 */
@RequestScoped
public class ClientAddress {

    private final CurrentVertxRequest request;

    ClientAddress(CurrentVertxRequest request) {
        this.request = request;
    }

    public String key() {
        SocketAddress peer = request.getCurrent() == null ? null : request.getCurrent().request().remoteAddress();
        String host = peer == null ? null : peer.hostAddress();
        if (host == null) {
            return "unknown";
        }
        if (!host.contains(":")) {
            return host;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.getAddress().length == 4) {
                return address.getHostAddress(); // an IPv4 address written as IPv6
            }
            byte[] network = Arrays.copyOf(address.getAddress(), 8);
            return InetAddress.getByAddress(Arrays.copyOf(network, 16)).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
