package de.konferenzbuero.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL restart while attendees keep signing up, against two instances of the packaged app as it runs in
 * production, each taking half the clients: during the outage every request ends within a few seconds with 503 and
 * {@code Retry-After}; within 5 s of the database being back every request to either instance succeeds again, without
 * restarting either; every sign-up that was acknowledged is stored.
 */
class DatabaseRestartIT {

    static final int CLIENTS = 6;
    static final long STEADY_MILLIS = 4_000;
    static final long OUTAGE_MILLIS = 6_000;
    static final long AFTER_MILLIS = 10_000;
    /** How soon after the database is back every request must succeed again. */
    static final long RECOVERY_MILLIS = 5_000;
    /** How long a request may take while the database is down. */
    static final long OUTAGE_ANSWER_MILLIS = 5_000;

    static final int INSTANCES = 2;

    record Attempt(int instance, String email, long startedAt, long endedAt, int status, String retryAfter) {
    }

    @Test
    void aDatabaseRestartUnderLoadIsSurvivedWithoutRestartingTheApp() throws Exception {
        try (ProductionSetup setup = ProductionSetup.start();
                PackagedApp first = setup.startApp("database-restart-1", ProductionSetup.NO_RATE_LIMITS);
                PackagedApp second = setup.startApp("database-restart-2", ProductionSetup.NO_RATE_LIMITS)) {
            List<PackagedApp> apps = List.of(first, second);
            String slug = ProductionSetup.publishConference(first, "restart-musterland", 100_000, false);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger counter = new AtomicInteger();
            long t0 = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int instance = c % INSTANCES;
                clients.submit(() -> {
                    while (running.get()) {
                        String email = "teilnehmerin-" + counter.incrementAndGet() + "@musterland.example";
                        attempts.add(signUp(http, apps.get(instance), instance, slug, email, t0));
                    }
                    return null;
                });
            }

            Thread.sleep(STEADY_MILLIS);
            setup.postgres.stop();
            long stoppedAt = millisSince(t0);
            Thread.sleep(OUTAGE_MILLIS);
            long restartingAt = millisSince(t0);
            setup.postgres.startAgain();
            long backAt = millisSince(t0);
            Thread.sleep(AFTER_MILLIS);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<Attempt> all = new ArrayList<>(attempts);
            Map<Integer, Long> byStatus = all.stream()
                    .collect(Collectors.groupingBy(Attempt::status, TreeMap::new, Collectors.counting()));
            List<Attempt> duringOutage = all.stream()
                    .filter(a -> a.startedAt() >= stoppedAt && a.endedAt() < restartingAt).toList();
            long[] firstSuccessAfterBack = new long[INSTANCES];
            for (int i = 0; i < INSTANCES; i++) {
                int instance = i;
                firstSuccessAfterBack[i] = all.stream()
                        .filter(a -> a.instance() == instance && a.startedAt() >= backAt && a.status() == 201)
                        .mapToLong(Attempt::endedAt).min().orElse(Long.MAX_VALUE) - backAt;
            }
            long slowestOutageAnswer = duringOutage.stream().mapToLong(a -> a.endedAt() - a.startedAt()).max()
                    .orElse(0);
            List<String> acknowledged = all.stream().filter(a -> a.status() == 201).map(Attempt::email).toList();
            long stored = countStored(setup.postgres, acknowledged);
            System.out.printf(
                    "Database restart under load on %d instances (stopped at %d ms, restarting at %d ms, back at %d ms):"
                            + " %d sign-ups by status %s; outage %d ms with %d requests, slowest answer %d ms; first"
                            + " success per instance %s ms after the database was back; %d of %d acknowledged"
                            + " sign-ups stored%n",
                    INSTANCES, stoppedAt, restartingAt, backAt, all.size(), byStatus, restartingAt - stoppedAt,
                    duringOutage.size(), slowestOutageAnswer, Arrays.toString(firstSuccessAfterBack), stored,
                    acknowledged.size());

            assertThat(byStatus.keySet()).as("answers (never 500, never a hang)").containsOnly(201, 503);
            assertThat(all).filteredOn(a -> a.status() == 503).allSatisfy(a -> assertThat(a.retryAfter()).isNotNull());
            assertThat(duringOutage).as("requests while the database was down").isNotEmpty()
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(503));
            assertThat(slowestOutageAnswer).as("slowest answer during the outage, ms").isLessThan(OUTAGE_ANSWER_MILLIS);
            List<Attempt> recovered = all.stream().filter(a -> a.startedAt() >= backAt + RECOVERY_MILLIS).toList();
            assertThat(recovered).as("requests from 5 s after the database was back").isNotEmpty()
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
            for (int i = 0; i < INSTANCES; i++) {
                int instance = i;
                assertThat(recovered).as("instance %d answers again", i + 1).anyMatch(a -> a.instance() == instance);
                assertThat(firstSuccessAfterBack[i])
                        .as("instance %d: first success after the database was back, ms", i + 1)
                        .isLessThan(RECOVERY_MILLIS);
            }
            assertThat(stored).as("acknowledged sign-ups stored").isEqualTo(acknowledged.size());
            for (int i = 0; i < INSTANCES; i++) {
                assertThat(apps.get(i).output()).as("log of instance %d", i + 1).doesNotContain("ERROR");
            }
        }
    }

    private static Attempt signUp(HttpClient http, PackagedApp app, int instance, String slug, String email, long t0) {
        String body = """
                {"firstName":"Erika","lastName":"Mustermann","email":"%s","attendance":"ON_SITE","items":[],
                 "privacyConsent":true,"locale":"de"}""".formatted(email);
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(app.url() + "/api/conferences/" + slug + "/registrations"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long started = millisSince(t0);
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Attempt(instance, email, started, millisSince(t0), response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Attempt(instance, email, started, millisSince(t0), -1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(instance, email, started, millisSince(t0), -2, null);
        }
    }

    private static long countStored(ThrowawayPostgres postgres, List<String> emails) throws Exception {
        try (Connection c = postgres.connect();
                PreparedStatement s = c.prepareStatement("select count(*) from registration where email = any(?)")) {
            s.setArray(1, c.createArrayOf("varchar", emails.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
