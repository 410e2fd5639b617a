package de.konferenzbuero.organisation;

import java.time.Instant;

/** What a login attempt ended in. */
public sealed interface LoginResult {

    /** Logged in; {@code token} goes into the session cookie. */
    record Success(String token, Instant expiresAt) implements LoginResult {
    }

    /** Wrong address or password (which of the two is not told). */
    record Failed() implements LoginResult {
    }

    /** Too many failed attempts: the account takes no logins until {@code until}. */
    record Locked(Instant until) implements LoginResult {
    }
}
