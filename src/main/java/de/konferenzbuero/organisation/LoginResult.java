package de.konferenzbuero.organisation;

import java.time.Instant;

/** What a login attempt ended in. */
public sealed interface LoginResult {

    /** Logged in; {@code token} goes into the session cookie. */
    record Success(String token, Instant expiresAt) implements LoginResult {
    }

    /**
     * Wrong address or password, or an account waiting after repeated failures: which of these is not told, so the
     * answer shows no one whether an account exists.
     */
    record Failed() implements LoginResult {
    }
}
