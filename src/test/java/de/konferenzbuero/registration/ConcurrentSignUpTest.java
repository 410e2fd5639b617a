package de.konferenzbuero.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.sealing.Sealing;

import javax.sql.DataSource;

/**
 * The capacity rules under load, over the real JSON API, checked afterwards in the database.
 * <ul>
 * <li>{@link #capacityAndWaitlistsHoldUnderParallelSignUpsAndCancellations()}: the load – 300 parallel sign-ups
 * at a conference with 50 places, each also booking a workshop with 20, and 60 cancellations (of confirmed and of
 * waitlisted registrations) fired while the sign-ups are still running.</li>
 * <li>{@link #aPlaceFreedWhileNobodyWaitsGoesToOneOfTheSignUpsRacingForIt()}: the one moment that load never produces,
 * a place freed while nobody waits, with sign-ups racing for it.</li>
 * </ul>
 * Checked in SQL for each: (1) confirmed ≤ capacity everywhere and equal to the taken counters; (2) no free place while
 * someone waits; (3) the waitlist of the ones still waiting in arrival order; (4) every place given to the oldest entry
 * waiting at that moment; (5) a replay of the event trail, transaction by transaction, holding (1), (2) and (4) after
 * every single commit, not only at the end; and no request failed with a 5xx.
 *
 * <h2>Why the event id is the clock</h2> Every change of a registration or booking of one conference holds that
 * conference's row lock until it commits ({@link Places}), and writes its {@code registration_event} rows (identity
 * ids) while holding it. So for one conference the event ids are drawn in the order the changes were serialised and
 * committed: a transaction's events form one contiguous run of ids. The replay below checks that claim (the
 * {@code xmin} of the events must never interleave) instead of trusting it.
 *
 * <h2>Arrival on a waitlist</h2> An entry arrives on a waitlist with its {@code WAITLISTED} (conference) or
 * {@code ITEM_WAITLISTED} (item) event, not with its row id: someone waitlisted for the conference only wishes for the
 * workshop ({@code REQUESTED}) and joins the workshop's waitlist when they move up, long after their
 * {@code registration.id} and {@code session_booking.id} were drawn. And an identity value is drawn when the row is
 * inserted, which only reflects the serialised order because the insert happens under the lock; the event is the one
 * record the application writes for "joined the waitlist now" (in the same transaction, under the same lock, as the
 * {@code nextval('waitlist_seq')} that orders the waitlist). So arrival = the id of the entry's latest
 * {@code WAITLISTED}/{@code ITEM_WAITLISTED} event.
 *
 * <h2>The seq a promoted entry had</h2> {@code waitlist_seq} is set to null on promotion, and the API returns only the
 * position, never the seq. Promotions are therefore checked against the arrival order above, which equals the seq order
 * because both are drawn in the same locked transaction. Two checks back that up: for the entries still waiting the seq
 * order must equal the arrival order (check 3), and a sampler reads the live waitlists every few milliseconds during
 * the run, so for every entry it caught while waiting (including many later promoted or cancelled) the seq it really
 * had is compared with its arrival too (check 6).
 */
@QuarkusTest
class ConcurrentSignUpTest {

    private static final int CONFERENCE_CAPACITY = 50;
    private static final int WORKSHOP_CAPACITY = 20;
    private static final int SIGN_UPS = 300;
    private static final int CANCELLATIONS = 60;
    private static final int THREADS = 32;
    /** The first cancellation is queued after this sign-up, then one after every {@link #CANCEL_EVERY}th. */
    private static final int CANCEL_FROM = 60;
    private static final int CANCEL_EVERY = 3;

    /** The race for a freed place: a small full conference, rounds of one cancellation and racing sign-ups. */
    private static final int RACE_CAPACITY = 10;
    private static final int RACE_ROUNDS = 8;
    private static final int RACERS = 16;
    private static final int RACER_STAGGER_MS = 3;

    /** The key of the conference's own places in events (agenda_item_id null); items use their id. */
    private static final long CONFERENCE_PLACES = 0;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * The load: 300 sign-ups (each also booking the workshop) and 60 cancellations (half of registrations that
     * were confirmed, half of ones that were waitlisted when created) from 32 threads, the cancellations interleaved
     * with the sign-ups.
     */
    @Test
    void capacityAndWaitlistsHoldUnderParallelSignUpsAndCancellations() throws Exception {
        long startedAt = System.nanoTime();
        String slug = "last-" + Long.toString(System.nanoTime(), 36);
        Conference conference = TestConferences.create(slug, c -> {
            c.format = ConferenceFormat.ON_SITE;
            c.onsiteCapacity = CONFERENCE_CAPACITY;
        });
        AgendaItem workshop = TestConferences.addItem(conference, "Workshop unter Last", AgendaItemKind.WORKSHOP,
                conference.startsAt.plus(Duration.ofHours(1)), Duration.ofHours(2), WORKSHOP_CAPACITY);

        WaitlistSampler sampler = new WaitlistSampler(conference.id, workshop.id);
        Thread samplerThread = new Thread(sampler, "waitlist-sampler");
        samplerThread.start();
        Api api = new Api();
        Load load = new Load(api, slug, workshop.id);
        try {
            load.run();
        } finally {
            sampler.running = false;
            samplerThread.join(10_000);
        }

        // One soft assertion for everything, so a failing run reports all broken rules at once.
        SoftAssertions db = new SoftAssertions();
        // HTTP: nothing failed, everything really ran in parallel and interleaved.
        db.assertThat(api.failures()).as("requests that failed with a 5xx or got no response").isEmpty();
        db.assertThat(api.count("sign-up", 201)).as("sign-ups answered 201").isEqualTo(SIGN_UPS);
        db.assertThat(api.count("cancel", 200)).as("cancellations answered 200").isEqualTo(CANCELLATIONS);
        db.assertThat(api.maxInFlight.get()).as("requests in flight at once").isGreaterThanOrEqualTo(THREADS / 2);
        // Most cancellations must overlap the sign-ups; how many depends on the machine's speed, so half will do.
        db.assertThat(load.cancelledWhileSigningUp.get()).as("cancellations answered while sign-ups still ran")
                .isGreaterThanOrEqualTo(CANCELLATIONS / 2);

        try (Connection c = dataSource.getConnection()) {
            Verdict v = checkConference(db, c, conference.id, CONFERENCE_CAPACITY, workshop.id, WORKSHOP_CAPACITY);
            db.assertThat(v.conference().total()).as("registrations").isEqualTo(SIGN_UPS);
            db.assertThat(v.conference().cancelled()).as("cancelled registrations").isEqualTo(CANCELLATIONS);
            db.assertThat(v.workshop().total()).as("workshop bookings (one per registration)").isEqualTo(SIGN_UPS);
            // The load must really have exercised both kinds of cancellation and both kinds of promotion.
            db.assertThat(v.conferenceReplay().cancelledConfirmed).as("cancelled while confirmed").isGreaterThan(5);
            db.assertThat(v.conferenceReplay().cancelledWaiting).as("cancelled while waitlisted").isGreaterThan(5);
            db.assertThat(v.conferenceReplay().promotions).as("conference promotions").isGreaterThan(5);
            db.assertThat(v.workshopReplay().promotions).as("workshop promotions").isGreaterThan(5);

            // (6) the seqs the sampler saw live, including of entries promoted or cancelled since, follow arrival.
            db.assertThat(sampler.problems).as("sampler").isEmpty();
            int sampledPromoted = checkSampledSeqs(db, "conference", sampler.conferenceSeqs, v.conferenceReplay());
            checkSampledSeqs(db, "workshop", sampler.workshopSeqs, v.workshopReplay());
            db.assertThat(sampledPromoted).as("sampled conference waiters that were promoted later").isPositive();

            System.out.printf("ConcurrentSignUpTest (load): %d sign-ups + %d cancellations on %d threads in %.1f s"
                    + " (max %d in flight, %d cancellations during sign-ups), statuses %s; %s; sampler %d rounds saw"
                    + " %d+%d seqs (%d later promoted); total %.1f s%n", SIGN_UPS, CANCELLATIONS, THREADS, load.seconds,
                    api.maxInFlight.get(), load.cancelledWhileSigningUp.get(), api.statusCounts(), v.summary(),
                    sampler.rounds, sampler.conferenceSeqs.size(), sampler.workshopSeqs.size(), sampledPromoted,
                    (System.nanoTime() - startedAt) / 1e9);
        }
        db.assertAll();
    }

    /**
     * The moment the main load never produces: a place frees up while nobody waits (there, every freed place is handed
     * on inside the cancelling transaction). A full conference with an empty waitlist; in each round one confirmed
     * registration is cancelled while {@link #RACERS} sign-ups arrive, staggered, around it. Exactly one of them may
     * take the place, the rest must be waitlisted (and promoted in order) – never a 5xx, never more than the capacity,
     * never a free place while someone waits. After each round the waiting ones are cancelled, so the next round starts
     * full with nobody waiting again.
     */
    @Test
    void aPlaceFreedWhileNobodyWaitsGoesToOneOfTheSignUpsRacingForIt() throws Exception {
        long startedAt = System.nanoTime();
        String slug = "frei-" + Long.toString(System.nanoTime(), 36);
        Conference conference = TestConferences.create(slug, c -> {
            c.format = ConferenceFormat.ON_SITE;
            c.onsiteCapacity = RACE_CAPACITY;
        });
        Api api = new Api();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        List<Integer> notFullOrWaiting = new ArrayList<>();
        try {
            all(pool, RACE_CAPACITY, i -> api.signUp(slug, next.getAndIncrement(), null));
            for (int round = 0; round < RACE_ROUNDS; round++) {
                List<String> confirmed = secrets(conference.id, "CONFIRMED");
                if (confirmed.size() != RACE_CAPACITY || !secrets(conference.id, "WAITLISTED").isEmpty()) {
                    notFullOrWaiting.add(round);
                    break;
                }
                String victim = confirmed.get(round % confirmed.size());
                List<Future<?>> futures = new ArrayList<>();
                futures.add(pool.submit(() -> api.cancel(victim)));
                for (int j = 0; j < RACERS; j++) {
                    int n = next.getAndIncrement();
                    long delay = (long) j * RACER_STAGGER_MS;
                    futures.add(pool.submit(() -> {
                        Thread.sleep(delay);
                        return api.signUp(slug, n, null);
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(120, TimeUnit.SECONDS);
                }
                List<String> waiting = secrets(conference.id, "WAITLISTED");
                all(pool, waiting.size(), i -> api.cancel(waiting.get(i)));
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }

        SoftAssertions db = new SoftAssertions();
        int signUps = RACE_CAPACITY + RACE_ROUNDS * RACERS;
        db.assertThat(notFullOrWaiting).as("rounds that did not start full with nobody waiting").isEmpty();
        db.assertThat(api.failures()).as("requests that failed with a 5xx or got no response").isEmpty();
        db.assertThat(api.count("sign-up", 201)).as("sign-ups answered 201").isEqualTo(signUps);
        db.assertThat(api.count("cancel", 200)).as("cancellations answered 200").isEqualTo(api.count("cancel", null));
        try (Connection c = dataSource.getConnection()) {
            Verdict v = checkConference(db, c, conference.id, RACE_CAPACITY, null, 0);
            // Each freed place had sign-ups racing for it, so one of them must hold it now.
            db.assertThat(v.conference().confirmed()).as("confirmed after the last round").isEqualTo(RACE_CAPACITY);
            db.assertThat(v.conference().total()).as("registrations").isEqualTo(signUps);
            System.out.printf(
                    "ConcurrentSignUpTest (race): %d rounds of 1 cancellation + %d sign-ups at a full"
                            + " conference of %d, statuses %s; %s; total %.1f s%n",
                    RACE_ROUNDS, RACERS, RACE_CAPACITY, api.statusCounts(), v.summary(),
                    (System.nanoTime() - startedAt) / 1e9);
        }
        db.assertAll();
    }

    /** Runs {@code n} tasks on the pool and waits for all. */
    private static void all(ExecutorService pool, int n, IntTask task) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                task.run(k);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(120, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    interface IntTask {
        void run(int i) throws Exception;
    }

    /** The manage secrets of a conference's registrations in this status, oldest first. */
    private List<String> secrets(long conferenceId, String status) throws SQLException {
        List<String> secrets = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select manage_secret_sealed from registration where conference_id = ? and status = ? order by id")) {
            s.setLong(1, conferenceId);
            s.setString(2, status);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    secrets.add(Sealing.open(rs.getString(1)));
                }
            }
        }
        return secrets;
    }

    // --- the HTTP side ---------------------------------------------------------------------------------------------

    record Call(String kind, int status, String detail) {
    }

    /** A registration as its 201 answer described it. */
    record Created(String secret, String status) {
    }

    /** The JSON API over real HTTP connections, recording every answer. */
    private final class Api {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        /** Signs attendee {@code n} up, with the item if one is given; null unless answered 201. */
        Created signUp(String slug, int n, Long itemId) {
            String body = """
                    {"firstName":"Test","lastName":"N%d","email":"t%d@example.org","attendance":"ON_SITE",\
                    "items":[%s],"privacyConsent":true}""".formatted(n, n, itemId == null ? "" : itemId);
            HttpRequest request = HttpRequest.newBuilder(uri("api/conferences/" + slug + "/registrations"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = send("sign-up", request);
            if (response == null || response.statusCode() != 201) {
                return null;
            }
            try {
                JsonNode created = json.readTree(response.body());
                String manageUrl = created.get("manageUrl").asText();
                return new Created(manageUrl.substring(manageUrl.lastIndexOf('/') + 1), created.get("status").asText());
            } catch (IOException | RuntimeException e) {
                calls.add(new Call("sign-up-body", -1, e + ": " + response.body()));
                return null;
            }
        }

        int cancel(String secret) {
            HttpRequest request = HttpRequest.newBuilder(uri("api/registrations/" + secret))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json").DELETE().build();
            HttpResponse<String> response = send("cancel", request);
            return response == null ? -1 : response.statusCode();
        }

        private HttpResponse<String> send(String kind, HttpRequest request) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                calls.add(new Call(kind, response.statusCode(), response.statusCode() >= 300 ? response.body() : null));
                return response;
            } catch (IOException e) {
                calls.add(new Call(kind, -1, e.toString()));
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                calls.add(new Call(kind, -1, "interrupted"));
                return null;
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private URI uri(String path) {
            String root = base.toString();
            return URI.create((root.endsWith("/") ? root : root + "/") + path);
        }

        /** Answers of this kind with this status (any status if null). */
        long count(String kind, Integer status) {
            synchronized (calls) {
                return calls.stream()
                        .filter(call -> call.kind().equals(kind) && (status == null || call.status() == status))
                        .count();
            }
        }

        /** The failed requests (5xx or no answer) by kind and status, with their count and first answer. */
        Map<String, String> failures() {
            Map<String, String> failures = new TreeMap<>();
            synchronized (calls) {
                calls.stream().filter(call -> call.status() >= 500 || call.status() < 0)
                        .collect(Collectors.groupingBy(call -> call.kind() + " " + call.status()))
                        .forEach((key, list) -> failures.put(key, list.size() + " x, first: " + list.get(0).detail()));
            }
            return failures;
        }

        Map<String, Map<Integer, Long>> statusCounts() {
            synchronized (calls) {
                return calls.stream().collect(Collectors.groupingBy(Call::kind, TreeMap::new,
                        Collectors.groupingBy(Call::status, TreeMap::new, Collectors.counting())));
            }
        }
    }

    /** Fires the sign-ups and, interleaved with them, the cancellations, from one pool of {@link #THREADS}. */
    private static final class Load {
        final Api api;
        final String slug;
        final long workshopId;
        /** Registrations not cancelled yet, by status in their 201 answer; guarded by itself. */
        final Map<String, List<Created>> candidates = Map.of("CONFIRMED", new ArrayList<>(), "WAITLISTED",
                new ArrayList<>());
        final Random random = new Random(20260301);
        final AtomicInteger signUpsDone = new AtomicInteger();
        final AtomicInteger cancelledWhileSigningUp = new AtomicInteger();
        double seconds;

        Load(Api api, String slug, long workshopId) {
            this.api = api;
            this.slug = slug;
            this.workshopId = workshopId;
        }

        void run() throws Exception {
            List<Runnable> tasks = new ArrayList<>();
            int cancellations = 0;
            for (int i = 0; i < SIGN_UPS; i++) {
                int n = i;
                tasks.add(() -> signUp(n));
                if (i >= CANCEL_FROM && (i - CANCEL_FROM) % CANCEL_EVERY == 0 && cancellations < CANCELLATIONS) {
                    // Alternate: a registration that was confirmed, then one that was waitlisted when created.
                    String status = cancellations++ % 2 == 0 ? "CONFIRMED" : "WAITLISTED";
                    tasks.add(() -> cancel(status));
                }
            }
            assertThat(cancellations).isEqualTo(CANCELLATIONS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long start = System.nanoTime();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Runnable task : tasks) {
                    futures.add(pool.submit(task));
                }
                for (Future<?> future : futures) {
                    future.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
                seconds = (System.nanoTime() - start) / 1e9;
            }
        }

        void signUp(int n) {
            Created created = api.signUp(slug, n, workshopId);
            signUpsDone.incrementAndGet();
            if (created != null && candidates.containsKey(created.status())) {
                synchronized (candidates) {
                    candidates.get(created.status()).add(created);
                    candidates.notifyAll();
                }
            }
        }

        void cancel(String preferred) {
            Created victim;
            try {
                victim = pick(preferred);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (victim == null) {
                api.calls.add(new Call("cancel", -1, "no registration to cancel"));
                return;
            }
            api.cancel(victim.secret());
            if (signUpsDone.get() < SIGN_UPS) {
                cancelledWhileSigningUp.incrementAndGet();
            }
        }

        /** A random not yet cancelled registration of the preferred status, else (after 5 s) of the other. */
        private Created pick(String preferred) throws InterruptedException {
            String other = preferred.equals("CONFIRMED") ? "WAITLISTED" : "CONFIRMED";
            long start = System.nanoTime();
            synchronized (candidates) {
                while (true) {
                    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    List<Created> list = candidates.get(preferred);
                    if (list.isEmpty() && waited > 5_000) {
                        list = candidates.get(other);
                    }
                    if (!list.isEmpty()) {
                        return list.remove(random.nextInt(list.size()));
                    }
                    if (waited > 30_000) {
                        return null;
                    }
                    candidates.wait(100);
                }
            }
        }
    }

    /**
     * Reads both live waitlists every few milliseconds during the load, remembering the seq each entry had while it
     * waited (the column is emptied on promotion and cancellation).
     */
    private final class WaitlistSampler implements Runnable {
        final long conferenceId;
        final long workshopId;
        final Map<Long, Long> conferenceSeqs = new ConcurrentHashMap<>();
        final Map<Long, Long> workshopSeqs = new ConcurrentHashMap<>();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        volatile boolean running = true;
        volatile int rounds;

        WaitlistSampler(long conferenceId, long workshopId) {
            this.conferenceId = conferenceId;
            this.workshopId = workshopId;
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
            sample();
        }

        private void sample() {
            try (Connection c = dataSource.getConnection()) {
                read(c, "select id, waitlist_seq from registration where conference_id = ? and status = 'WAITLISTED'",
                        conferenceId, conferenceSeqs, "conference");
                read(c, "select registration_id, waitlist_seq from session_booking"
                        + " where agenda_item_id = ? and status = 'WAITLISTED'", workshopId, workshopSeqs, "workshop");
                rounds++;
            } catch (SQLException e) {
                problems.add(e.toString());
            }
        }

        private void read(Connection c, String sql, long id, Map<Long, Long> seqs, String what) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long reg = rs.getLong(1);
                        long seq = rs.getLong(2);
                        Long before = seqs.putIfAbsent(reg, seq);
                        if (before != null && before != seq) {
                            problems.add("%s: registration %d waited with seq %d, later with %d".formatted(what, reg,
                                    before, seq));
                        }
                    }
                }
            }
        }
    }

    // --- the checks on one conference ------------------------------------------------------------------------------

    record Verdict(Counts conference, Counts workshop, Replay conferenceReplay, Replay workshopReplay, int events,
            int transactions) {

        String summary() {
            return "conference %d/%d confirmed, %d waiting, %d promoted, cancelled %d confirmed + %d waiting%s;"
                    .formatted(conference.confirmed(), conference.capacity(), conference.waiting(),
                            conferenceReplay.promotions, conferenceReplay.cancelledConfirmed,
                            conferenceReplay.cancelledWaiting,
                            workshop == null ? ""
                                    : "; workshop %d/%d confirmed, %d waiting, %d promoted".formatted(
                                            workshop.confirmed(), workshop.capacity(), workshop.waiting(),
                                            workshopReplay.promotions))
                    + " %d events in %d transactions".formatted(events, transactions);
        }
    }

    /**
     * Checks (1) to (5) on one conference and, if given, one of its items; see the class comment and the check methods.
     */
    private static Verdict checkConference(SoftAssertions db, Connection c, long conferenceId, int capacity,
            Long workshopId, int workshopCapacity) throws SQLException {
        // (1) confirmed ≤ capacity and equal to the counter; (2) no free place while someone waits.
        Counts conf = counts(c, """
                select c.onsite_capacity, c.onsite_taken,
                    count(r.id) filter (where r.status = 'CONFIRMED' and r.attendance = 'ON_SITE'),
                    count(r.id) filter (where r.status = 'WAITLISTED'),
                    count(r.id) filter (where r.status = 'CANCELLED'),
                    count(r.id)
                from conference c left join registration r on r.conference_id = c.id
                where c.id = ? group by c.id
                """, conferenceId);
        Counts ws = workshopId == null ? null : counts(c, """
                select a.capacity, a.taken,
                    count(b.id) filter (where b.status = 'CONFIRMED'),
                    count(b.id) filter (where b.status = 'WAITLISTED'),
                    count(b.id) filter (where b.status = 'CANCELLED'),
                    count(b.id)
                from agenda_item a left join session_booking b on b.agenda_item_id = a.id
                where a.id = ? group by a.id
                """, workshopId);
        for (Counts n : workshopId == null ? List.of(conf) : List.of(conf, ws)) {
            String what = n == conf ? "conference" : "workshop";
            db.assertThat(n.confirmed()).as("%s: confirmed ≤ capacity", what).isLessThanOrEqualTo(n.capacity());
            db.assertThat(n.confirmed()).as("%s: confirmed = taken counter", what).isEqualTo(n.taken());
            if (n.confirmed() < n.capacity()) {
                db.assertThat(n.waiting())
                        .as("%s: waiting although %d of %d places are taken", what, n.confirmed(), n.capacity())
                        .isZero();
            }
        }
        if (workshopId != null) {
            // A booking's state must fit its registration's: confirmed or waitlisted items only with a place at the
            // conference, only wishes (REQUESTED) while waiting for one, nothing active once cancelled.
            db.assertThat(single(c, """
                    select count(*) from session_booking b join registration r on r.id = b.registration_id
                    where b.agenda_item_id = ? and case r.status
                        when 'CONFIRMED' then b.status not in ('CONFIRMED', 'WAITLISTED')
                        when 'WAITLISTED' then b.status <> 'REQUESTED'
                        else b.status <> 'CANCELLED' end
                    """, workshopId)).as("bookings whose state contradicts their registration's").isZero();
        }

        // (3) the ones still waiting: seq order = arrival order (latest WAITLISTED event, see class comment).
        String conferenceWaiting = "select id, waitlist_seq from registration where conference_id = ?"
                + " and status = 'WAITLISTED'";
        String workshopWaiting = "select registration_id, waitlist_seq from session_booking where agenda_item_id = ?"
                + " and status = 'WAITLISTED'";
        checkWaitingInArrivalOrder(db, c, "conference", conferenceWaiting, conferenceId, CONFERENCE_PLACES,
                "WAITLISTED");
        if (workshopId != null) {
            checkWaitingInArrivalOrder(db, c, "workshop", workshopWaiting, workshopId, workshopId, "ITEM_WAITLISTED");
        }

        // (4) every place given went to the oldest entry waiting at that moment.
        checkPlacesGivenOldestFirst(db, c, "conference", conferenceId, CONFERENCE_PLACES);
        if (workshopId != null) {
            checkPlacesGivenOldestFirst(db, c, "workshop", conferenceId, workshopId);
        }

        // (5) replay of the whole event trail, transaction by transaction.
        List<Event> events = events(c, conferenceId);
        Replay confReplay = new Replay("conference", capacity);
        Replay wsReplay = workshopId == null ? null : new Replay("workshop", workshopCapacity);
        Map<Long, Replay> replays = workshopId == null ? Map.of(CONFERENCE_PLACES, confReplay)
                : Map.of(CONFERENCE_PLACES, confReplay, workshopId, wsReplay);
        int transactions = replay(events, replays, db);
        for (Replay r : replays.values()) {
            db.assertThat(r.problems).as("%s: replay of the event trail", r.name).isEmpty();
        }
        db.assertThat(confReplay.confirmed).as("conference: confirmed in replay").isEqualTo(conf.confirmed());
        db.assertThat(confReplay.waitingInOrder()).as("conference: waitlist in replay vs. database")
                .isEqualTo(regsBySeq(c, conferenceWaiting, conferenceId));
        if (workshopId != null) {
            db.assertThat(wsReplay.confirmed).as("workshop: confirmed in replay").isEqualTo(ws.confirmed());
            db.assertThat(wsReplay.waitingInOrder()).as("workshop: waitlist in replay vs. database")
                    .isEqualTo(regsBySeq(c, workshopWaiting, workshopId));
        }
        return new Verdict(conf, ws, confReplay, wsReplay, events.size(), transactions);
    }

    // --- the SQL checks --------------------------------------------------------------------------------------------

    record Counts(int capacity, int taken, int confirmed, int waiting, int cancelled, int total) {
    }

    private static Counts counts(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("row for %d", id).isTrue();
                return new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6));
            }
        }
    }

    private static long single(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * (3) For the entries still waiting: no pair whose seq order differs from their arrival order, where arrival is the
     * id of the entry's latest WAITLISTED (or ITEM_WAITLISTED) event for this waitlist; and every waiting entry has
     * such an event.
     */
    private static void checkWaitingInArrivalOrder(SoftAssertions db, Connection c, String what, String waitingSql,
            long id, long eventItem, String waitKind) throws SQLException {
        String sql = """
                with waiting(reg, seq) as (%s),
                arrival as (
                    select w.reg, w.seq, (select max(e.id) from registration_event e where e.registration_id = w.reg
                        and coalesce(e.agenda_item_id, 0) = ? and e.kind = ?) as arrived
                    from waiting w
                )
                select (select count(*) from arrival),
                    (select count(*) from arrival where arrived is null),
                    (select count(*) from arrival a join arrival b on a.seq < b.seq and a.arrived > b.arrived),
                    (select string_agg(pair, '; ') from (
                        select a.reg || ' (seq ' || a.seq || ', arrived ' || a.arrived || ') vs. ' || b.reg
                            || ' (seq ' || b.seq || ', arrived ' || b.arrived || ')' as pair
                        from arrival a join arrival b on a.seq < b.seq and a.arrived > b.arrived limit 5) x)
                """.formatted(waitingSql.strip());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.setLong(2, eventItem);
            s.setString(3, waitKind);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                db.assertThat(rs.getLong(2)).as("%s: waiting entries without a %s event", what, waitKind).isZero();
                db.assertThat(rs.getLong(3)).as(
                        "%s: pairs of the %d waiting entries whose seq order differs from" + " their arrival order: %s",
                        what, rs.getLong(1), rs.getString(4)).isZero();
            }
        }
    }

    /**
     * (4) Every place given went to the oldest entry waiting at that moment. Over the events of one waitlist (the
     * conference's: agenda_item_id null; an item's: its id; kinds without the ITEM_ prefix):
     * <ul>
     * <li>a stay on the waitlist runs from a WAITLISTED event to the first PROMOTED or CANCELLED event of the same
     * registration after it (open if there is none);</li>
     * <li>a place is given by a CONFIRMED event (a newcomer taking a free place: it arrives at that very event) or a
     * PROMOTED event (arrival = the registration's latest WAITLISTED event before it, which must exist);</li>
     * <li>a place given to R at event G skipped W if W's stay began before R's arrival and had not ended before G.
     * There must be no such pair. For a newcomer this means nobody at all may be waiting.</li>
     * </ul>
     * Ids order these events correctly because all changes of one conference are serialised by its row lock (see the
     * class comment; the replay verifies it).
     */
    private static void checkPlacesGivenOldestFirst(SoftAssertions db, Connection c, String what, long conferenceId,
            long eventItem) throws SQLException {
        String trail = """
                with ev as (
                    select e.id, e.registration_id as reg, replace(e.kind, 'ITEM_', '') as kind
                    from registration_event e join registration r on r.id = e.registration_id
                    where r.conference_id = ? and coalesce(e.agenda_item_id, 0) = ?
                ), stays as (
                    select w.reg, w.id as joined, (select min(x.id) from ev x where x.reg = w.reg and x.id > w.id
                        and x.kind in ('PROMOTED', 'CANCELLED')) as left_at
                    from ev w where w.kind = 'WAITLISTED'
                ), grants as (
                    select g.id, g.reg, g.kind, case when g.kind = 'CONFIRMED' then g.id else (select max(s.joined)
                        from stays s where s.reg = g.reg and s.joined < g.id) end as arrived
                    from ev g where g.kind in ('CONFIRMED', 'PROMOTED')
                )
                """;
        try (PreparedStatement s = c.prepareStatement(trail + """
                select count(*) filter (where arrived is null)
                from grants
                """)) {
            s.setLong(1, conferenceId);
            s.setLong(2, eventItem);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                db.assertThat(rs.getLong(1)).as("%s: promotions of entries that never waited", what).isZero();
            }
        }
        try (PreparedStatement s = c.prepareStatement(trail + """
                select g.id, g.kind, g.reg, g.arrived, w.reg, w.joined, w.left_at
                from grants g join stays w on w.reg <> g.reg and w.joined < g.arrived
                    and (w.left_at is null or w.left_at > g.id)
                order by g.id, w.joined
                limit 10
                """)) {
            s.setLong(1, conferenceId);
            s.setLong(2, eventItem);
            List<String> skips = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    skips.add("event %d %s registration %d (arrived %d) while registration %d waited since %d (left %s)"
                            .formatted(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                    rs.getLong(6), rs.getObject(7)));
                }
            }
            db.assertThat(skips).as("%s: places given while an older entry waited", what).isEmpty();
        }
    }

    private static List<Long> regsBySeq(Connection c, String sql, long id) throws SQLException {
        List<Long> regs = new ArrayList<>();
        try (PreparedStatement s = c
                .prepareStatement("select reg from (" + sql.strip() + ") w(reg, seq) order by seq")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    regs.add(rs.getLong(1));
                }
            }
        }
        return regs;
    }

    // --- the replay ------------------------------------------------------------------------------------------------

    /** One registration_event row; {@code xid} is the transaction that wrote it ({@code xmin}). */
    record Event(long id, long reg, long item, String kind, long xid) {
    }

    private static List<Event> events(Connection c, long conferenceId) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select e.id, e.registration_id, coalesce(e.agenda_item_id, 0), e.kind, e.xmin::text::bigint
                from registration_event e join registration r on r.id = e.registration_id
                where r.conference_id = ? order by e.id
                """)) {
            s.setLong(1, conferenceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5)));
                }
            }
        }
        return events;
    }

    /**
     * (5) Replays the event trail in id order, one transaction (same xmin) at a time. A transaction's events must be
     * one contiguous run of ids (else the lock did not serialise the changes and ids would not be a clock). After each
     * transaction: confirmed ≤ capacity, and no one waits while a place is free. Every promotion must take the head of
     * the waitlist as it stands in the replay.
     *
     * @return the number of transactions
     */
    private static int replay(List<Event> events, Map<Long, Replay> replays, SoftAssertions db) {
        Set<Long> finished = new HashSet<>();
        List<String> interleaved = new ArrayList<>();
        long current = -1;
        int transactions = 0;
        for (Event e : events) {
            if (e.xid() != current) {
                if (current != -1) {
                    finished.add(current);
                    for (Replay r : replays.values()) {
                        r.commit(current);
                    }
                }
                if (finished.contains(e.xid()) && interleaved.size() < 10) {
                    interleaved
                            .add("event %d of transaction %d after another transaction's".formatted(e.id(), e.xid()));
                }
                current = e.xid();
                transactions++;
            }
            Replay r = replays.get(e.item());
            if (r != null) {
                r.apply(e);
            }
        }
        for (Replay r : replays.values()) {
            r.commit(current);
        }
        db.assertThat(interleaved).as("events of concurrent transactions interleaved").isEmpty();
        return transactions;
    }

    /** One waitlist (the conference's or an item's) rebuilt from its events. */
    private static final class Replay {
        final String name;
        final int capacity;
        final Map<Long, String> state = new HashMap<>();
        /** Waiting registrations by the id of the event that put them on the waitlist. */
        final TreeMap<Long, Long> queue = new TreeMap<>();
        final Map<Long, Long> joinedAt = new HashMap<>();
        /** Every WAITLISTED event id per registration, for the sampler check. */
        final Map<Long, List<Long>> joins = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        int confirmed;
        int promotions;
        int cancelledConfirmed;
        int cancelledWaiting;

        Replay(String name, int capacity) {
            this.name = name;
            this.capacity = capacity;
        }

        void apply(Event e) {
            long reg = e.reg();
            String before = state.get(reg);
            switch (e.kind().replaceFirst("^ITEM_", "")) {
            case "CONFIRMED" -> {
                expect(before == null || before.equals("REQUESTED"), e, before);
                confirmed++;
                state.put(reg, "CONFIRMED");
            }
            case "WAITLISTED" -> {
                expect(before == null || before.equals("REQUESTED"), e, before);
                queue.put(e.id(), reg);
                joinedAt.put(reg, e.id());
                joins.computeIfAbsent(reg, k -> new ArrayList<>()).add(e.id());
                state.put(reg, "WAITLISTED");
            }
            case "PROMOTED" -> {
                expect("WAITLISTED".equals(before), e, before);
                Long head = queue.isEmpty() ? null : queue.firstEntry().getValue();
                if (head == null || head != reg) {
                    problem("event %d promoted registration %d, but %s waited longer".formatted(e.id(), reg, head));
                }
                Long joined = joinedAt.remove(reg);
                if (joined != null) {
                    queue.remove(joined);
                }
                confirmed++;
                promotions++;
                state.put(reg, "CONFIRMED");
            }
            case "CANCELLED" -> {
                expect(before != null && !before.equals("CANCELLED"), e, before);
                if ("CONFIRMED".equals(before)) {
                    confirmed--;
                    cancelledConfirmed++;
                } else if ("WAITLISTED".equals(before)) {
                    queue.remove(joinedAt.remove(reg));
                    cancelledWaiting++;
                }
                state.put(reg, "CANCELLED");
            }
            case "REQUESTED" -> {
                expect(before == null, e, before);
                state.put(reg, "REQUESTED");
            }
            default -> problem("event %d: unexpected kind %s in this scenario".formatted(e.id(), e.kind()));
            }
        }

        void commit(long xid) {
            if (confirmed > capacity) {
                problem("after transaction %d: %d confirmed of %d places".formatted(xid, confirmed, capacity));
            }
            if (confirmed < capacity && !queue.isEmpty()) {
                problem("after transaction %d: %d of %d places taken while %d wait".formatted(xid, confirmed, capacity,
                        queue.size()));
            }
        }

        List<Long> waitingInOrder() {
            return new ArrayList<>(queue.values());
        }

        private void expect(boolean ok, Event e, String before) {
            if (!ok) {
                problem("event %d %s for registration %d in state %s".formatted(e.id(), e.kind(), e.reg(), before));
            }
        }

        private void problem(String text) {
            if (problems.size() < 10) {
                problems.add(text);
            }
        }
    }

    /**
     * (6) The seqs the sampler saw while entries waited, ordered, must give their arrivals (WAITLISTED event ids) in
     * the same order. Each entry waits at most once per waitlist in this scenario (no item or attendance changes).
     *
     * @return how many of the sampled entries were promoted later
     */
    private static int checkSampledSeqs(SoftAssertions db, String what, Map<Long, Long> sampled, Replay replay) {
        List<String> problems = new ArrayList<>();
        TreeMap<Long, Long> arrivalBySeq = new TreeMap<>();
        int promoted = 0;
        for (Map.Entry<Long, Long> e : sampled.entrySet()) {
            List<Long> joins = replay.joins.getOrDefault(e.getKey(), List.of());
            if (joins.size() != 1) {
                problems.add("registration %d joined the waitlist %d times".formatted(e.getKey(), joins.size()));
                continue;
            }
            arrivalBySeq.put(e.getValue(), joins.get(0));
            if ("CONFIRMED".equals(replay.state.get(e.getKey()))) {
                promoted++;
            }
        }
        long lastArrival = -1;
        for (Map.Entry<Long, Long> e : arrivalBySeq.entrySet()) {
            if (e.getValue() < lastArrival && problems.size() < 10) {
                problems.add("seq %d arrived at event %d, before an entry with a smaller seq (event %d)"
                        .formatted(e.getKey(), e.getValue(), lastArrival));
            }
            lastArrival = Math.max(lastArrival, e.getValue());
        }
        db.assertThat(problems).as("%s: sampled seqs vs. arrival order (%d sampled)", what, sampled.size()).isEmpty();
        return promoted;
    }
}
