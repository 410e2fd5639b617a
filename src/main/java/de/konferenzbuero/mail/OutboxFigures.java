package de.konferenzbuero.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.narayana.jta.QuarkusTransaction;

import de.konferenzbuero.AppConfig;

/**
 * How the outbox stands, for the health check and the metrics: mails due and not yet sent, how long the oldest of them
 * has waited, how many of them failed before, and how many were given up. Counted in one query and kept for a few
 * seconds, so neither scrapes nor probes load the database.
 */
@ApplicationScoped
public class OutboxFigures implements MeterBinder {

    /** The outbox at one moment; {@code oldestWaiting} is zero when nothing waits. */
    public record Figures(long pending, long retrying, long dead, Duration oldestWaiting, Instant at) {
    }

    private static final Duration KEPT = Duration.ofSeconds(5);

    private final EntityManager em;
    private final Duration degradedAfter;
    private volatile Figures last;

    OutboxFigures(EntityManager em, AppConfig config) {
        this.em = em;
        this.degradedAfter = config.mail().degradedAfter();
    }

    /** The figures, counted anew when the last count is older than a few seconds. */
    public Figures figures() {
        Figures known = last;
        if (known != null && known.at().plus(KEPT).isAfter(Instant.now())) {
            return known;
        }
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select count(*) filter (where status = 'PENDING'),
                       count(*) filter (where status = 'PENDING' and attempts > 0),
                       count(*) filter (where status = 'DEAD'),
                       coalesce(extract(epoch from now() - min(created_at) filter (where status = 'PENDING')), 0)
                from outbox_message
                """).getSingleResult());
        Figures counted = new Figures(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), Duration.ofMillis((long) (((Number) row[3]).doubleValue() * 1000)),
                Instant.now());
        last = counted;
        return counted;
    }

    /** Whether mail is late: the oldest mail waiting has waited longer than configured. */
    public boolean degraded(Figures figures) {
        return figures.oldestWaiting().compareTo(degradedAfter) > 0;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("konferenzbuero.outbox.pending", this, f -> f.gauge(Figures::pending))
                .description("Mails stored and not yet sent").register(registry);
        Gauge.builder("konferenzbuero.outbox.retrying", this, f -> f.gauge(Figures::retrying))
                .description("Mails not yet sent that failed at least once").register(registry);
        Gauge.builder("konferenzbuero.outbox.dead", this, f -> f.gauge(Figures::dead))
                .description("Mails given up after the configured attempts").register(registry);
        Gauge.builder("konferenzbuero.outbox.oldest.age", this,
                f -> f.gauge(figures -> figures.oldestWaiting().toMillis() / 1000.0)).baseUnit("seconds")
                .description("How long the oldest mail not yet sent has waited").register(registry);
    }

    /** A gauge's value: NaN while the database cannot be reached, never an exception in the scrape. */
    private double gauge(ToDoubleFunction<Figures> value) {
        try {
            return value.applyAsDouble(figures());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
