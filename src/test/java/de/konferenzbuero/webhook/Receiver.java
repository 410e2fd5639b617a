package de.konferenzbuero.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: a real HTTP server on a free local port that records each request (headers in lower
 * case, body) and answers with the queued status codes, then 204.
 */
final class Receiver implements AutoCloseable {

    record Received(Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers
                        .put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
                synchronized (this) {
                    received.add(new Received(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            int status;
            synchronized (this) {
                status = answers.isEmpty() ? 204 : answers.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    synchronized void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
