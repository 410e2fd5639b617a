package de.konferenzbuero.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.runtime.ClusterJobs;
import de.konferenzbuero.runtime.DatabaseOutage;

/**
 * The holds that end by time: a sign-up whose address is not confirmed yet holds its place or waitlist position until
 * {@link Registration#holdExpiresAt} (double opt-in), a place offered from the waitlist is held until
 * {@link Registration#offerExpiresAt} ({@link Offers}). Then the registration is cancelled and the place handed on, in
 * one transaction under the conference lock, like any cancellation.
 */
@ApplicationScoped
public class Holds {

    /** The actor in the history of an expired hold. */
    static final String ACTOR = "hold expiry";

    /** The shortest hold, even minutes before the start. */
    static final Duration SHORTEST = Duration.ofMinutes(15);

    private final Places places;
    private final Cancellations cancellations;
    private final PlaceOffers placeOffers;
    private final Event<RegistrationNotice> noticeEvent;
    private final EntityManager em;
    private final ClusterJobs jobs;
    private final Clock clock;

    Holds(Places places, Cancellations cancellations, PlaceOffers placeOffers, Event<RegistrationNotice> noticeEvent,
            EntityManager em, ClusterJobs jobs, Clock clock) {
        this.places = places;
        this.placeOffers = placeOffers;
        this.cancellations = cancellations;
        this.noticeEvent = noticeEvent;
        this.em = em;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Until when a sign-up made {@code now} holds its place: the conference's confirmation time, but at most half the
     * time left until the conference starts (and never less than {@link #SHORTEST}), so that places held close to the
     * event still go to someone else in time.
     */
    static Instant until(Conference conference, Instant now) {
        Duration configured = Duration.ofHours(conference.confirmWithinHours);
        Duration halfTheRest = Duration.between(now, conference.startsAt).dividedBy(2);
        Duration hold = configured.compareTo(halfTheRest) <= 0 ? configured : halfTheRest;
        return now.plus(hold.compareTo(SHORTEST) < 0 ? SHORTEST : hold);
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class, identity = "hold-expiry")
    void onSchedule() {
        DatabaseOutage.tolerate("Hold expiry", () -> jobs.runOnce("hold-expiry", "1m", () -> {
            int expired = expireDue(clock.instant());
            if (expired > 0) {
                Log.infof("%d unconfirmed sign-ups or waitlist offers expired; their places were handed on", expired);
            }
        }));
    }

    /**
     * Cancels every registration whose hold or offer ended before {@code now}, and ends every offer of an item's or
     * option's place that ended ({@link PlaceOffers}), one conference per transaction under its lock; returns how many.
     */
    public int expireDue(Instant now) {
        List<Long> conferences = QuarkusTransaction.requiringNew().call(() -> {
            java.util.SortedSet<Long> ids = new java.util.TreeSet<>(em
                    .createQuery("select distinct r.conference.id from Registration r where (r.holdExpiresAt < ?1"
                            + " or r.offerExpiresAt < ?1) and r.status <> ?2", Long.class)
                    .setParameter(1, now).setParameter(2, RegistrationStatus.CANCELLED).getResultList());
            for (String entity : List.of("SessionBooking", "Answer")) {
                ids.addAll(em.createQuery("select distinct x.registration.conference.id from " + entity
                        + " x where x.offerExpiresAt < ?1", Long.class).setParameter(1, now).getResultList());
            }
            return List.copyOf(ids);
        });
        int expired = 0;
        for (long conferenceId : conferences) {
            expired += QuarkusTransaction.requiringNew().call(() -> expire(conferenceId, now));
        }
        return expired;
    }

    private int expire(long conferenceId, Instant now) {
        places.lockConference(conferenceId);
        List<Registration> due = Registration.list(
                "conference.id = ?1 and (holdExpiresAt < ?2 or offerExpiresAt < ?2)"
                        + " and status <> ?3 order by coalesce(holdExpiresAt, offerExpiresAt), id",
                conferenceId, now, RegistrationStatus.CANCELLED);
        expireAll(due);
        Notices notices = new Notices();
        List<SessionBooking> bookings = SessionBooking.list(
                "registration.conference.id = ?1 and offerExpiresAt < ?2 order by offerExpiresAt, id", conferenceId,
                now);
        bookings.forEach(b -> placeOffers.expire(b, notices));
        List<Answer> answers = Answer.list(
                "registration.conference.id = ?1 and offerExpiresAt < ?2 order by offerExpiresAt, id", conferenceId,
                now);
        answers.forEach(a -> placeOffers.expire(a, notices));
        notices.fire(noticeEvent);
        return due.size() + bookings.size() + answers.size();
    }

    /** Expires this registration now if its hold or offer has ended; the caller holds the conference lock. */
    boolean expireIfDue(Registration registration) {
        Instant now = clock.instant();
        boolean holdEnded = registration.awaitsConfirmation() && !registration.holdExpiresAt.isAfter(now);
        boolean offerEnded = registration.hasOffer() && !registration.offerExpiresAt.isAfter(now);
        if (!holdEnded && !offerEnded) {
            return false;
        }
        expireAll(List.of(registration));
        return true;
    }

    /** Cancels these expired holds and offers and hands their places on, with one notice per registration told. */
    private void expireAll(List<Registration> expired) {
        Notices notices = new Notices();
        expired.forEach(r -> cancellations.expire(r, notices));
        notices.fire(noticeEvent);
    }
}
