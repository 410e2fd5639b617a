package de.konferenzbuero.registration;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Cancels registrations and bookings and hands the freed places on; shared by the attendee's self-service and the
 * organiser's actions. Callers hold the conference row lock.
 */
@ApplicationScoped
class Cancellations {

    private final Places places;
    private final Waitlists waitlists;
    private final History history;
    private final Clock clock;

    Cancellations(Places places, Waitlists waitlists, History history, Clock clock) {
        this.places = places;
        this.waitlists = waitlists;
        this.history = history;
        this.clock = clock;
    }

    /** Cancels an active registration and its bookings; freed places go to the next in line. */
    void cancel(Registration registration, String actor, Notices notices) {
        RegistrationStatus previous = registration.status;
        release(registration, actor);
        for (SessionBooking booking : registration.activeBookings()) {
            cancelBooking(booking, actor, notices);
        }
        if (previous == RegistrationStatus.CONFIRMED) {
            places.release(registration.conference.id, registration.attendance);
            waitlists.fillConference(registration.conference.id, registration.attendance, actor, notices);
        }
        notices.add(RegistrationNotice.Kind.CANCELLED, registration);
    }

    /**
     * Cancels a registration because its whole conference is cancelled: nobody moves up. Returns whether it held a
     * conference place, so the caller can reset the counters once.
     */
    void cancelWithConference(Registration registration, String actor, Notices notices) {
        release(registration, actor);
        for (SessionBooking booking : registration.activeBookings()) {
            booking.status = BookingStatus.CANCELLED;
            booking.waitlistSeq = null;
            history.record(booking, HistoryKind.ITEM_CANCELLED, actor);
        }
        notices.add(RegistrationNotice.Kind.CONFERENCE_CANCELLED, registration);
    }

    void cancelBooking(SessionBooking booking, String actor, Notices notices) {
        BookingStatus previous = booking.status;
        booking.status = BookingStatus.CANCELLED;
        booking.waitlistSeq = null;
        history.record(booking, HistoryKind.ITEM_CANCELLED, actor);
        if (previous == BookingStatus.CONFIRMED) {
            places.releaseItem(booking.item.id);
            waitlists.fillItem(booking.item.id, actor, notices);
        }
    }

    private void release(Registration registration, String actor) {
        registration.status = RegistrationStatus.CANCELLED;
        registration.waitlistSeq = null;
        registration.cancelledAt = clock.instant();
        history.record(registration, HistoryKind.CANCELLED, actor);
    }
}
