package de.konferenzbuero.limits;

/** A client went over a rate limit: answered 429 with {@code Retry-After}; nothing was done. */
public class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequests(Limit limit, long retryAfterSeconds) {
        super(limit + " limit reached; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
