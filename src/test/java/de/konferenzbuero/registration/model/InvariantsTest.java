package de.konferenzbuero.registration.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.registration.model.Snapshot.Booking;
import de.konferenzbuero.registration.model.Snapshot.Reg;
import de.konferenzbuero.registration.model.Walk.Op;
import de.konferenzbuero.registration.model.Walk.Outcome;

import javax.sql.DataSource;

/**
 * The model-checked core: seeded random walks of every operation that changes places (attendees over the public API,
 * organisers through the back office) against the real services and PostgreSQL. After every step the rows alone are
 * checked against the promises ({@link Invariants}); the concurrent variant runs the same operations from many threads
 * and checks once everything is quiet. A failure prints the seed and the last steps; rerun it with
 * {@code -Dinvariants.seed=<seed>}. {@code ./mvnw verify} runs a short walk, {@code -Dinvariants.steps=20000} a long
 * one, which must run every operation at least 100 times (answers to waitlist offers: see {@link #MIN_OFFER_ANSWERS}).
 */
@QuarkusTest
class InvariantsTest {

    static final int STEPS = Integer.getInteger("invariants.steps", 300);
    static final long SEED = Long.getLong("invariants.seed", System.nanoTime());
    static final int THREADS = Integer.getInteger("invariants.threads", 8);
    /** From this many steps on, a walk must have applied every operation at least {@link #MIN_RUNS} times. */
    static final int LONG_RUN = 20_000;
    static final int MIN_RUNS = 100;
    /**
     * Answering an offer needs one to be open: a place freed while someone with a confirmed address waits, with offers
     * on. The walk's waitlists are short (someone waits in about one step of seven), so a long walk answers offers a
     * few dozen times each, not hundreds; {@code WaitlistOffersTest} covers each answer by name.
     */
    static final int MIN_OFFER_ANSWERS = 5;
    static final Set<Op> OFFER_ANSWERS = EnumSet.of(Op.ACCEPT_OFFER, Op.DECLINE_OFFER, Op.EXPIRE_OFFERS,
            Op.ACCEPT_PLACE_OFFER, Op.DECLINE_PLACE_OFFER);

    @Inject
    DataSource dataSource;

    @Test
    void everyStepOfARandomWalkKeepsTheRules() {
        Invariants invariants = new Invariants();
        Map<Op, Map<Outcome, AtomicLong>> counts = counts();
        boolean confirmEmail = true;
        World world = World.create("walk " + SEED, confirmEmail);
        Walk walk = new Walk(SEED, world, dataSource, EnumSet.allOf(Op.class));
        Deque<String> recent = new ArrayDeque<>();
        for (int step = 1; step <= STEPS; step++) {
            Snapshot before = Snapshot.load(dataSource, world.conferenceId);
            Op op = walk.pick();
            Walk.Result result;
            try {
                result = walk.run(op);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(failure(step, op, recent, List.of("threw " + e)), e);
            }
            remember(recent, step, result);
            counts.get(result.op()).get(result.outcome()).incrementAndGet();
            Snapshot after = Snapshot.load(dataSource, world.conferenceId);
            List<String> violations = new ArrayList<>(invariants.state(after));
            violations.addAll(invariants.step(before, after, result.exempt()));
            violations.addAll(answerMatchesRows(result, after));
            if (!violations.isEmpty()) {
                throw new AssertionError(failure(step, op, recent, violations));
            }
            if (result.op() == Op.CANCEL_CONFERENCE && result.outcome() == Outcome.APPLIED) {
                confirmEmail = !confirmEmail;
                world = World.create("walk " + SEED + " " + step, confirmEmail);
                walk.world = world;
            }
        }
        report("sequential", STEPS, counts, invariants);
        if (STEPS >= LONG_RUN) {
            counts.forEach((op, outcomes) -> assertThat(outcomes.get(Outcome.APPLIED).get())
                    .as("%s applied in a long walk (seed %d)", op, SEED)
                    .isGreaterThanOrEqualTo(OFFER_ANSWERS.contains(op) ? MIN_OFFER_ANSWERS : MIN_RUNS));
        }
    }

    @Test
    void concurrentWalksKeepTheRules() throws Exception {
        Invariants invariants = new Invariants();
        Map<Op, Map<Outcome, AtomicLong>> counts = counts();
        World world = World.create("parallel " + SEED, true);
        Set<Op> ops = EnumSet.complementOf(EnumSet.of(Op.CANCEL_CONFERENCE));
        AtomicInteger steps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> walkers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Walk walk = new Walk(SEED + t, world, dataSource, ops);
            walkers.add(pool.submit(() -> {
                while (steps.incrementAndGet() <= STEPS) {
                    Walk.Result result = walk.run(walk.pick());
                    counts.get(result.op()).get(result.outcome()).incrementAndGet();
                }
                return null;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.MINUTES)).as("walkers finished within an hour").isTrue();
        for (Future<?> walker : walkers) {
            try {
                walker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("a walker failed (seed " + SEED + ")", e.getCause());
            }
        }
        List<String> violations = invariants.state(Snapshot.load(dataSource, world.conferenceId));
        assertThat(violations).as("after %d steps on %d threads, seed %d", STEPS, THREADS, SEED).isEmpty();
        report("concurrent (" + THREADS + " threads)", STEPS, counts, invariants);
    }

    /** The API's answer to an attendee is what the rows say about them. */
    private static List<String> answerMatchesRows(Walk.Result result, Snapshot after) {
        if (result.answer() == null) {
            return List.of();
        }
        Walk.Answer answer = result.answer();
        Reg reg = after.registrations().values().stream().filter(r -> r.secret().equals(answer.secret())).findFirst()
                .orElse(null);
        if (reg == null) {
            return List.of("the API answered for a registration that is not stored");
        }
        Map<Long, String> rows = after.activeBookingsOf(reg.id()).stream()
                .collect(Collectors.toMap(Booking::itemId, Booking::status));
        if (!reg.status().equals(answer.status()) || !reg.attendance().equals(answer.attendance())
                || !rows.equals(answer.items())) {
            return List.of("the API answered %s %s %s, the rows say %s %s %s".formatted(answer.status(),
                    answer.attendance(), answer.items(), reg.status(), reg.attendance(), rows));
        }
        return List.of();
    }

    private static Map<Op, Map<Outcome, AtomicLong>> counts() {
        Map<Op, Map<Outcome, AtomicLong>> counts = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            Map<Outcome, AtomicLong> outcomes = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new AtomicLong());
            }
            counts.put(op, outcomes);
        }
        return java.util.Collections.synchronizedMap(counts);
    }

    private static void remember(Deque<String> recent, int step, Walk.Result result) {
        recent.addLast("%d %s %s %s".formatted(step, result.op(), result.outcome(), result.detail()));
        if (recent.size() > 25) {
            recent.removeFirst();
        }
    }

    private static String failure(int step, Op op, Deque<String> recent, List<String> violations) {
        return "Invariant broken at step %d (%s), seed %d (rerun with -Dinvariants.seed=%d -Dinvariants.steps=%d):%n  %s%nLast steps:%n  %s"
                .formatted(step, op, SEED, SEED, step, String.join("\n  ", violations), String.join("\n  ", recent));
    }

    private static void report(String walk, int steps, Map<Op, Map<Outcome, AtomicLong>> counts,
            Invariants invariants) {
        StringBuilder out = new StringBuilder();
        out.append("Invariants walk, %s: %d steps, seed %d%n".formatted(walk, steps, SEED));
        counts.forEach((op,
                outcomes) -> out.append("  %-30s applied %6d  refused %6d  no target %6d%n".formatted(op,
                        outcomes.get(Outcome.APPLIED).get(), outcomes.get(Outcome.REFUSED).get(),
                        outcomes.get(Outcome.NO_TARGET).get())));
        invariants.checked.forEach((name, n) -> out.append("  checked %7d× %s%n".formatted(n.get(), name)));
        System.out.print(out);
    }
}
