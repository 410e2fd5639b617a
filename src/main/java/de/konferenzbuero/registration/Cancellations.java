package de.konferenzbuero.registration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Cancels registrations and hands the freed places on; shared by the attendee's self-service and the organiser's
 * actions. Callers hold the conference row lock. Everything of the registration ends first and the places are handed on
 * after, so a freed place never goes to one of its own bookings on the way out.
 */
@ApplicationScoped
class Cancellations {

    private final Places places;
    private final Bookings bookings;
    private final Waitlists waitlists;
    private final History history;
    private final Clock clock;
    private final OptionPlaces optionPlaces;

    Cancellations(Places places, Bookings bookings, Waitlists waitlists, History history, Clock clock,
            OptionPlaces optionPlaces) {
        this.optionPlaces = optionPlaces;
        this.places = places;
        this.bookings = bookings;
        this.waitlists = waitlists;
        this.history = history;
        this.clock = clock;
    }

    /** Cancels an active registration and its bookings; freed places go to the next in line. */
    void cancel(Registration registration, String actor, Notices notices) {
        handOn(registration, HistoryKind.CANCELLED, actor, notices);
        notices.add(RegistrationNotice.Kind.CANCELLED, registration);
    }

    /**
     * Cancels a registration whose address was not confirmed in time, like {@link #cancel}; nobody is mailed, as the
     * address may belong to someone who never signed up (the notice only tells receivers of events).
     */
    void expire(Registration registration, Notices notices) {
        if (registration.hasOffer()) {
            handOn(registration, HistoryKind.OFFER_EXPIRED, Holds.ACTOR, notices);
            notices.add(RegistrationNotice.Kind.OFFER_EXPIRED, registration);
        } else {
            handOn(registration, HistoryKind.HOLD_EXPIRED, Holds.ACTOR, notices);
            notices.add(RegistrationNotice.Kind.HOLD_EXPIRED, registration);
        }
    }

    /** The organisers rejected a pending sign-up: it ends, holding nothing (its items and options were wished for). */
    void reject(Registration registration, String actor, Notices notices) {
        handOn(registration, HistoryKind.REJECTED, actor, notices);
        registration.rejectedAt = registration.cancelledAt;
        notices.add(RegistrationNotice.Kind.REJECTED, registration);
    }

    /** The attendee declined the place offered to them: like {@link #cancel}, the place is offered to the next. */
    void declineOffer(Registration registration, Notices notices) {
        handOn(registration, HistoryKind.OFFER_DECLINED, RegistrationService.ATTENDEE, notices);
        notices.add(RegistrationNotice.Kind.CANCELLED, registration);
    }

    private void handOn(Registration registration, HistoryKind kind, String actor, Notices notices) {
        boolean heldPlace = registration.status == RegistrationStatus.CONFIRMED;
        List<Long> freedOptions = optionPlaces.end(registration);
        List<Long> freedItems = end(registration, kind, actor);
        if (heldPlace) {
            places.release(registration, registration.attendance);
            waitlists.fillConference(registration.conference.id, registration.attendance, actor, notices);
        }
        waitlists.handOn(freedItems, actor, notices);
        optionPlaces.handOn(freedOptions, notices);
    }

    /**
     * Cancels a registration because its whole conference is cancelled: nobody moves up; the caller resets counters.
     */
    void cancelWithConference(Registration registration, String actor, Notices notices) {
        optionPlaces.end(registration);
        end(registration, HistoryKind.CANCELLED, actor);
        notices.add(RegistrationNotice.Kind.CONFERENCE_CANCELLED, registration);
    }

    /** Ends the registration and all its bookings; returns the items whose places it held. */
    private List<Long> end(Registration registration, HistoryKind kind, String actor) {
        registration.status = RegistrationStatus.CANCELLED;
        registration.waitlistSeq = null;
        registration.cancelledAt = clock.instant();
        history.record(registration, kind, actor);
        List<Long> freed = new ArrayList<>();
        for (SessionBooking booking : registration.activeBookings()) {
            if (bookings.end(booking, HistoryKind.ITEM_CANCELLED, actor)) {
                freed.add(booking.item.id);
            }
        }
        return freed;
    }
}
