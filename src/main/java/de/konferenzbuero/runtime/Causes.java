package de.konferenzbuero.runtime;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/** Looks through a failure for the one that matters: its causes and what was suppressed on the way. */
public final class Causes {

    private Causes() {
    }

    /**
     * Whether {@code failure}, anything that caused it, or anything suppressed on the way matches (a failed commit, for
     * example, carries the driver's or Hibernate's error as a suppressed exception).
     */
    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        return any(failure, test, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Whether PostgreSQL aborted the transaction to resolve a conflict with another one (a deadlock, or a serialization
     * failure): nothing of it was saved, and running it again is safe.
     */
    public static boolean transactionConflict(Throwable failure) {
        return any(failure, t -> t instanceof SQLException e
                && ("40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState())));
    }

    /**
     * Whether PostgreSQL refused a text the app passed on (a NUL byte, a character its encoding cannot hold): the input
     * was bad, nothing of the transaction was saved.
     */
    public static boolean refusedCharacters(Throwable failure) {
        return any(failure, t -> t instanceof SQLException e
                && ("22021".equals(e.getSQLState()) || "22P05".equals(e.getSQLState())));
    }

    private static boolean any(Throwable t, Predicate<Throwable> test, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (test.test(t)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (any(suppressed, test, seen)) {
                return true;
            }
        }
        return any(t.getCause(), test, seen);
    }
}
