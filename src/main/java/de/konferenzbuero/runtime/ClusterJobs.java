package de.konferenzbuero.runtime;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Lets a scheduled job run once per period across every instance of the app on one database: each instance's scheduler
 * fires, and the first to claim the period in {@code scheduled_job} runs the job; the others skip it. The claim is one
 * UPDATE, so it holds under any number of instances and survives their restarts (nothing lives in memory). Jobs whose
 * work is claimed row by row (the mail dispatcher, reminders) need no claim: every instance shares that work.
 */
@ApplicationScoped
public class ClusterJobs {

    /** This instance as the claim records it: process id and host, for an operator reading the table. */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final EntityManager em;

    ClusterJobs(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims the current period of the job and runs it, or returns false when another instance has run it within the
     * period (slightly shorter than {@code every}, so a late scheduler does not lose a round).
     */
    public boolean runOnce(String job, String every, Runnable work) {
        Duration period = period(every).multipliedBy(9).dividedBy(10);
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery(
                    "insert into scheduled_job (name, next_run_at) values (?1, now()) on conflict do nothing")
                    .setParameter(1, job).executeUpdate();
            return em.createNativeQuery("""
                    update scheduled_job set next_run_at = now() + make_interval(secs => ?2), last_run_at = now(),
                        last_run_by = ?3
                    where name = ?1 and next_run_at <= now()
                    """).setParameter(1, job).setParameter(2, period.toMillis() / 1000.0).setParameter(3, INSTANCE)
                    .executeUpdate() == 1;
        });
        if (claimed) {
            work.run();
        }
        return claimed;
    }

    /** A period as the scheduler's {@code every} writes it: "15m", "1h", "2d" or ISO-8601 ("PT15M"). */
    static Duration period(String every) {
        String value = every.strip().toUpperCase(Locale.ROOT);
        if (value.startsWith("P")) {
            return Duration.parse(value);
        }
        return value.endsWith("D") ? Duration.parse("P" + value) : Duration.parse("PT" + value);
    }
}
