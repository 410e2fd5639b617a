package de.konferenzbuero.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which receiver addresses the app may call. Organisers type them, so unless the operator allows private targets (dev
 * and test mode) a receiver must be {@code https} without credentials in the URL, and every address its host resolves
 * to must be public: never loopback, the local network, link-local (cloud metadata) or multicast. Checked when the
 * receiver is saved and again before each attempt, as the name may resolve elsewhere later.
 */
final class Targets {

    private Targets() {
    }

    /** Why the URL may not be called, or empty when it may. */
    static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("not an absolute URL with a host and without credentials");
        }
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of("not https");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return Optional.of("resolves to a non-public address " + address.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + uri.getHost());
        }
        return Optional.empty();
    }

    private static InetAddress ipv4(byte[] b, int from) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // an IPv4 address inside: IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16 (IPv4-mapped ones
            // the JDK already returns as Inet4Address)
            boolean compatible = java.util.Arrays.equals(b, 0, 12, new byte[12], 0, 12);
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b && java.util.Arrays.equals(b, 4, 12, new byte[8], 0, 8);
            if (compatible || nat64) {
                return isPublic(ipv4(b, 12));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublic(ipv4(b, 2));
            }
            // unique local fc00::/7 and the old site-local fec0::/10
            return (b[0] & 0xfe) != 0xfc && !((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 (benchmarking), 240.0.0.0/4
        return !(first == 0 || first >= 240 || (first == 100 && second >= 64 && second < 128)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                || (first == 198 && (second == 18 || second == 19)));
    }
}
