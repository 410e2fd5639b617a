package de.konferenzbuero.runtime;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

import io.quarkus.logging.Log;

/**
 * Tells a failure because the database cannot be reached (stopped, restarting, network gone) from every other failure.
 * Such a failure says nothing about the request: pages and the API answer 503 with {@code Retry-After}, and the
 * scheduled jobs try again on their next round.
 */
public final class DatabaseOutage {

    /** How long clients are asked to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * PostgreSQL's "the server is shutting down or starting up" states: admin_shutdown, crash_shutdown,
     * cannot_connect_now; and too_many_connections while it is being restarted.
     */
    private static final Set<String> SERVER_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    /**
     * Runs one round of a scheduled job. When the database cannot be reached the round is given up with one warning
     * line (the next round tries again); any other failure is thrown on.
     */
    public static void tolerate(String job, Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            if (!causes(e)) {
                throw e;
            }
            Log.warnf("%s skipped a round: the database is unavailable", job);
        }
    }

    /** Whether {@code failure}, or anything behind it, says the database could not be reached. */
    public static boolean causes(Throwable failure) {
        return Causes.any(failure, t -> t instanceof SQLTransientConnectionException
                || t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isPoolTimeout(sql)));
    }

    /**
     * The pool found no connection within its acquisition timeout: the database is unreachable or overloaded, either
     * way the request is better answered "try again" than "error".
     */
    private static boolean isPoolTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /** SQL state class 08 is "connection exception"; the others are the server's own. */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || SERVER_STATES.contains(state));
    }
}
