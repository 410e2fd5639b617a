import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's own load client (not part of the application; run as {@code java bench/LoadClient.java ...}, Java 17,
 * no dependencies). Every request is a sign-up with a new e-mail address.
 *
 * <p>
 * Open loop ({@code --rate R > 0}): requests are due at fixed intervals of 1/R from the start, whatever the server does
 * (like wrk2). A fixed pool of {@code --threads} workers takes the next due request, waits for its due time, and sends
 * it. Latency is measured from the <em>due</em> time, so a request that had to wait for a free worker because the
 * server fell behind counts that wait (no coordinated omission); the service time (from the actual send) is printed
 * too. Closed loop ({@code --rate 0}): each worker sends its next request as soon as the last one was answered.
 *
 * <p>
 * Prints one line starting with {@code RESULT}; latencies in milliseconds.
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = required(opt, "url");
        double rate = Double.parseDouble(opt.getOrDefault("rate", "0"));
        double seconds = Double.parseDouble(opt.getOrDefault("duration", "20"));
        double warmup = Double.parseDouble(opt.getOrDefault("warmup", "0"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", "16"));
        String prefix = opt.getOrDefault("prefix", "jc");

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // One request to open a connection and load the HTTP classes before the clock starts; not counted.
        send(client, url, prefix + "-w");

        int capacity = rate > 0 ? (int) Math.ceil(rate * seconds) + 1 : 1_000_000;
        long[] latency = new long[capacity];
        long[] service = new long[capacity];
        int[] status = new int[capacity];
        long[] due = new long[capacity];
        AtomicLong next = new AtomicLong();
        long intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
        long start = System.nanoTime() + 50_000_000L;
        long end = start + (long) (seconds * 1e9);
        long warmEnd = start + (long) (warmup * 1e9);
        AtomicLong lastDone = new AtomicLong(start);

        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                while (true) {
                    int i = (int) next.getAndIncrement();
                    if (i >= capacity) {
                        return;
                    }
                    long dueAt;
                    if (intervalNanos > 0) {
                        dueAt = start + i * intervalNanos;
                        if (dueAt >= end) {
                            return;
                        }
                        long wait;
                        while ((wait = dueAt - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    } else {
                        long now = System.nanoTime();
                        if (now < start) {
                            LockSupport.parkNanos(start - now);
                        }
                        dueAt = System.nanoTime();
                        if (dueAt >= end) {
                            return;
                        }
                    }
                    long sent = System.nanoTime();
                    int code;
                    try {
                        code = send(client, url, prefix + "-" + i);
                    } catch (Exception e) {
                        code = -1;
                    }
                    long done = System.nanoTime();
                    due[i] = dueAt;
                    latency[i] = done - dueAt;
                    service[i] = done - sent;
                    status[i] = code;
                    lastDone.accumulateAndGet(done, Math::max);
                }
            }, "load-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }

        int issued = (int) Math.min(next.get(), capacity);
        long[] lat = new long[issued];
        long[] svc = new long[issued];
        int n = 0;
        int ok = 0;
        int other = 0;
        int failed = 0;
        int okMeasured = 0;
        for (int i = 0; i < issued; i++) {
            if (status[i] == 0) {
                continue; // never sent: its due time was past the end
            }
            if (status[i] == 201) {
                ok++;
            } else if (status[i] < 0) {
                failed++;
            } else {
                other++;
            }
            if (due[i] >= warmEnd) {
                lat[n] = latency[i];
                svc[n] = service[i];
                n++;
                if (status[i] == 201) {
                    okMeasured++;
                }
            }
        }
        lat = Arrays.copyOf(lat, n);
        svc = Arrays.copyOf(svc, n);
        Arrays.sort(lat);
        Arrays.sort(svc);
        double elapsed = (lastDone.get() - start) / 1e9;
        double measuredSeconds = (lastDone.get() - Math.max(start, warmEnd)) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "RESULT mode=%s target_rate=%.1f threads=%d sent=%d ok=%d non201=%d io_errors=%d duration_s=%.3f"
                        + " ok_per_s=%.1f measured=%d measured_ok_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f"
                        + " p999_ms=%.2f max_ms=%.2f service_p50_ms=%.2f service_p99_ms=%.2f%n",
                rate > 0 ? "open" : "closed", rate, threads, ok + other + failed, ok, other, failed, elapsed,
                ok / elapsed, n, okMeasured / measuredSeconds, pct(lat, 50), pct(lat, 90), pct(lat, 99), pct(lat, 99.9),
                n == 0 ? 0 : lat[n - 1] / 1e6, pct(svc, 50), pct(svc, 99));
    }

    private static int send(HttpClient client, String url, String id) throws Exception {
        String body = "{\"firstName\":\"Bench\",\"lastName\":\"Load\",\"email\":\"" + id
                + "@bench.example.org\",\"attendance\":\"ON_SITE\",\"privacyConsent\":true,\"photoConsent\":false,"
                + "\"locale\":\"de\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static String required(Map<String, String> opt, String key) {
        String value = opt.get(key);
        if (value == null) {
            System.err.println("usage: java bench/LoadClient.java --url URL [--rate R] [--duration S] [--warmup S]"
                    + " [--threads N] [--prefix P]   (missing --" + key + ")");
            System.exit(2);
        }
        return value;
    }
}
