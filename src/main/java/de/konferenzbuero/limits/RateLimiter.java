package de.konferenzbuero.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.runtime.DatabaseOutage;

/**
 * Fixed-window counters in the database ({@code rate_limit}), so every instance counts against the same limit: one
 * statement per attempt counts it and says whether it is over, in a transaction of its own (an attempt counts even when
 * what it tried fails, and no lock of the request waits on it). A fixed window lets at most twice the limit through
 * around a window's edge, which is enough to slow a script down to the configured rate. Keys are hashed: the table
 * holds no client or e-mail address, and rows older than their window are deleted.
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager em;
    private final AppConfig.RateLimits config;
    private final Clock clock;

    RateLimiter(EntityManager em, AppConfig config, Clock clock) {
        this.em = em;
        this.config = config.rateLimits();
        this.clock = clock;
    }

    /**
     * Counts an attempt of this kind by {@code key} (a client or e-mail address).
     *
     * @throws TooManyRequests
     *             when the key is over its limit in the current window
     */
    public void check(Limit limit, String key) {
        long retryAfter = count(limit, key);
        if (retryAfter > 0) {
            throw new TooManyRequests(limit, retryAfter);
        }
    }

    /** Counts an attempt; true if it is within the limit (for limits that drop silently instead of refusing). */
    public boolean allows(Limit limit, String key) {
        return count(limit, key) == 0;
    }

    /** Counts the attempt; 0 when within the limit, else the seconds until the window ends. */
    private long count(Limit limit, String key) {
        if (!config.enabled()) {
            return 0;
        }
        int max = max(limit);
        Duration window = window(limit);
        Instant now = clock.instant();
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                insert into rate_limit (bucket, window_start, hits) values (?1, ?2, 1)
                on conflict (bucket) do update set
                    hits = case when rate_limit.window_start <= ?3 then 1 else rate_limit.hits + 1 end,
                    window_start = case when rate_limit.window_start <= ?3 then excluded.window_start
                        else rate_limit.window_start end
                returning hits, window_start
                """).setParameter(1, bucket(limit, key)).setParameter(2, now).setParameter(3, now.minus(window))
                .getSingleResult());
        int hits = ((Number) row[0]).intValue();
        if (hits <= max) {
            return 0;
        }
        Instant start = row[1] instanceof OffsetDateTime o ? o.toInstant()
                : row[1] instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) row[1];
        return Math.max(1, Duration.between(now, start.plus(window)).toSeconds() + 1);
    }

    /** Deletes the counters of windows that have ended. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class, identity = "rate-limit-cleanup")
    void forgetEndedWindows() {
        Duration longest = java.util.stream.Stream.of(Limit.values()).map(this::window).max(Duration::compareTo)
                .orElseThrow();
        DatabaseOutage.tolerate("Rate limit clean-up",
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("delete from rate_limit where window_start < ?1")
                                .setParameter(1, clock.instant().minus(longest)).executeUpdate()));
    }

    private int max(Limit limit) {
        return switch (limit) {
        case SIGN_UP -> config.signUps();
        case MAIL_TO_ADDRESS -> config.mailsPerAddress();
        case LOGIN -> config.logins();
        };
    }

    private Duration window(Limit limit) {
        return switch (limit) {
        case SIGN_UP -> config.signUpWindow();
        case MAIL_TO_ADDRESS -> config.mailWindow();
        case LOGIN -> config.loginWindow();
        };
    }

    private static String bucket(Limit limit, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return limit.name().toLowerCase(java.util.Locale.ROOT) + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
