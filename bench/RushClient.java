import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rush when registration opens, as people live it (not part of the application; run as
 * {@code java bench/RushClient.java --url URL --slug SLUG --people N --duration S}, Java 17, no dependencies).
 *
 * <p>
 * Open loop: person i arrives at {@code i * S / N} seconds, whatever the server does, and then, one step after the
 * other, like a browser: opens the catalogue, opens the conference page (a first visit: it gets its CSRF cookie there),
 * signs up with the page's form choosing one of the parallel workshops at random, opens the registration page the form
 * leads to, and (a share {@code --cancel} of them) cancels right away through the API with the manage link. Each step's
 * latency is measured from its send; a person's total from the moment they arrived, so time spent queued because the
 * server fell behind counts.
 *
 * <p>
 * Prints one {@code RUSH step=...} line per step and one {@code RUSH_TOTAL} line; latencies in milliseconds.
 */
public class RushClient {

    private static final Pattern CSRF_COOKIE = Pattern.compile("((?:__Host-)?csrf-token)=([^;]+)");
    private static final Pattern CHOICE = Pattern
            .compile("<input type=\"radio\" id=\"item-(\\d+)\" name=\"([^\"]+)\" value=\"(\\d+)\"");
    private static final Pattern SECRET = Pattern.compile("/registrations/([A-Za-z0-9_-]+)");
    private static final List<String> STEPS = List.of("catalogue", "conference page", "sign-up (form)",
            "registration page", "cancel (API)", "person, arrival to last answer");

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstError = new ConcurrentHashMap<>();
    private final HttpClient client;
    private final String base;
    private final String slug;
    private final double cancelShare;

    RushClient(String base, String slug, double cancelShare) {
        this.base = base;
        this.slug = slug;
        this.cancelShare = cancelShare;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(4)).build();
        STEPS.forEach(s -> {
            latencies.put(s, Collections.synchronizedList(new ArrayList<>()));
            errors.put(s, new AtomicInteger());
        });
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int people = Integer.parseInt(opt.getOrDefault("people", "10000"));
        double seconds = Double.parseDouble(opt.getOrDefault("duration", "60"));
        RushClient rush = new RushClient(opt.get("url"), opt.get("slug"),
                Double.parseDouble(opt.getOrDefault("cancel", "0.03")));
        rush.run(people, seconds, opt.getOrDefault("prefix", "rush"));
    }

    void run(int people, double seconds, String prefix) throws InterruptedException {
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch done = new CountDownLatch(people);
        AtomicInteger started = new AtomicInteger();
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < people; i++) {
            int person = i;
            long due = start + (long) (person * seconds * 1e9 / people);
            arrivals.schedule(() -> {
                started.incrementAndGet();
                person(prefix + "-" + person, due).whenComplete((ok, e) -> done.countDown());
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        long deadline = start + (long) ((seconds + 180) * 1e9);
        while (!done.await(10, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
            System.out.printf("  %.0f s: %d arrived, %d done%n", (System.nanoTime() - start) / 1e9, started.get(),
                    people - done.getCount());
        }
        double took = (System.nanoTime() - start) / 1e9;
        arrivals.shutdownNow();
        int failed = 0;
        for (String step : STEPS) {
            long[] sorted = latencies.get(step).stream().mapToLong(Long::longValue).sorted().toArray();
            if (!step.startsWith("person")) { // failed requests; a failed person is counted on its own line
                failed += errors.get(step).get();
            }
            System.out.printf(Locale.ROOT, "RUSH step=%s n=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d%s%n",
                    step.replace(' ', '_'), sorted.length, pct(sorted, 0.5), pct(sorted, 0.99), pct(sorted, 1.0),
                    errors.get(step).get(),
                    firstError.containsKey(step) ? " first_error=" + firstError.get(step).replace(' ', '_') : "");
        }
        System.out.printf(Locale.ROOT, "RUSH_TOTAL people=%d unfinished=%d errors=%d seconds=%.1f%n", people,
                done.getCount(), failed, took);
        System.exit(0);
    }

    private CompletableFuture<Void> person(String name, long arrived) {
        return get("catalogue", "/", 200).thenCompose(catalogue -> get("conference page", "/conferences/" + slug, 200))
                .thenCompose(page -> signUp(name, page)).thenCompose(location -> get("registration page", location, 200)
                        .thenCompose(registration -> cancelSome(location)))
                .handle((ok, e) -> {
                    if (e == null) {
                        record("person, arrival to last answer", arrived);
                    } else {
                        errors.get("person, arrival to last answer").incrementAndGet();
                    }
                    return null;
                });
    }

    private CompletableFuture<String> signUp(String name, HttpResponse<String> page) {
        Matcher cookie = CSRF_COOKIE.matcher(String.join(";", page.headers().allValues("set-cookie")));
        if (!cookie.find()) {
            return failed("sign-up (form)", "no CSRF cookie on the conference page");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf-token", cookie.group(2));
        form.put("firstName", "Rush");
        form.put("lastName", name);
        form.put("email", name + "@rush.example.org");
        form.put("privacyConsent", "true");
        List<String[]> choices = new ArrayList<>();
        Matcher choice = CHOICE.matcher(page.body());
        while (choice.find()) {
            choices.add(new String[] { choice.group(2), choice.group(3) });
        }
        if (!choices.isEmpty()) {
            String[] picked = choices.get(ThreadLocalRandom.current().nextInt(choices.size()));
            form.put(picked[0], picked[1]);
        }
        String body = String.join("&",
                form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .toList());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/conferences/" + slug + "/registrations"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie.group(1) + "=" + cookie.group(2))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send("sign-up (form)", request, 303).thenCompose(response -> {
            String location = response.headers().firstValue("location").orElse("");
            if (!SECRET.matcher(location).find()) {
                return failed("sign-up (form)", "303 to " + location + " instead of a registration");
            }
            return CompletableFuture.completedFuture(URI.create(base).resolve(location).toString());
        });
    }

    private CompletableFuture<Void> cancelSome(String location) {
        if (ThreadLocalRandom.current().nextDouble() >= cancelShare) {
            return CompletableFuture.completedFuture(null);
        }
        Matcher secret = SECRET.matcher(location);
        secret.find();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/registrations/" + secret.group(1)))
                .timeout(Duration.ofSeconds(60)).DELETE().build();
        return send("cancel (API)", request, 200).thenApply(r -> null);
    }

    private CompletableFuture<HttpResponse<String>> get(String step, String path, int expected) {
        URI uri = path.startsWith("http") ? URI.create(path) : URI.create(base + path);
        return send(step, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(), expected);
    }

    private CompletableFuture<HttpResponse<String>> send(String step, HttpRequest request, int expected) {
        long sent = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, e) -> {
            if (e != null) {
                throw fail(step, e);
            }
            if (response.statusCode() != expected) {
                throw fail(step, new IllegalStateException("status " + response.statusCode() + " for "
                        + request.uri().getPath() + ": " + response.body().substring(0, Math.min(200, response.body().length()))));
            }
            record(step, sent);
            return response;
        });
    }

    private <T> CompletableFuture<T> failed(String step, String why) {
        return CompletableFuture.failedFuture(fail(step, new IllegalStateException(why)));
    }

    private RuntimeException fail(String step, Throwable e) {
        if (e instanceof Counted counted) {
            return counted;
        }
        errors.get(step).incrementAndGet();
        firstError.putIfAbsent(step, String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        return new Counted(e);
    }

    /** A failure already counted at the step where it happened. */
    private static final class Counted extends RuntimeException {
        Counted(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private void record(String step, long fromNanos) {
        latencies.get(step).add((System.nanoTime() - fromNanos) / 1000);
    }

    /** The percentile in milliseconds of microsecond values. */
    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1 < 0 ? 0
                : (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }
}
