package de.konferenzbuero.runtime;

import java.time.Duration;

/**
 * The one rule for waiting after failed attempts (mails, webhook deliveries): base, 2×base, 4×base, ... at most max.
 */
public final class Backoff {

    private Backoff() {
    }

    /** The wait after the n-th failed attempt (n ≥ 1). */
    public static Duration after(int attempts, Duration base, Duration max) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
