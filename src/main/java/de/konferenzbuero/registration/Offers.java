package de.konferenzbuero.registration;

import java.time.Duration;
import java.time.Instant;

import de.konferenzbuero.conference.Conference;

/**
 * Waitlist offers, for conferences that want them ({@link Conference#offerHours}): a freed place is not given at once
 * but offered to the next person waiting whose address is confirmed. The place is held for them (their registration is
 * CONFIRMED and counts as taken, with {@link Registration#offerExpiresAt}) until they accept, decline or the offer
 * expires; declined or expired, the registration ends and the place is offered to the next person in the same
 * transaction ({@link Cancellations}, {@link Holds}). Offers end before the start: each lasts the organiser's hours but
 * at most half the time left, and none is made once less than {@link #SHORTEST} would remain.
 */
final class Offers {

    /** The shortest offer; closer to the start, freed places stay free for the organisers to give by hand. */
    static final Duration SHORTEST = Duration.ofHours(1);

    private Offers() {
    }

    /** Whether freed places of this conference are offered rather than given. */
    static boolean used(Conference conference) {
        return conference.offerHours != null;
    }

    /**
     * Until when an offer made {@code now} holds its place: the organiser's hours, at most half the time left until the
     * start; null once that would be shorter than {@link #SHORTEST} (no more offers).
     */
    static Instant until(Conference conference, Instant now) {
        Duration configured = Duration.ofHours(conference.offerHours);
        Duration halfTheRest = Duration.between(now, conference.startsAt).dividedBy(2);
        Duration offer = configured.compareTo(halfTheRest) <= 0 ? configured : halfTheRest;
        return offer.compareTo(SHORTEST) < 0 ? null : now.plus(offer);
    }
}
