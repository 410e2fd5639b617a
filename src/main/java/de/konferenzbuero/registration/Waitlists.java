package de.konferenzbuero.registration;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;

import jakarta.enterprise.context.ApplicationScoped;

import de.konferenzbuero.conference.Attendance;

/**
 * Gives freed places to the people waiting, oldest first. Callers hold the conference row lock (see {@link Places}) and
 * call this right after a place was released or a capacity raised.
 */
@ApplicationScoped
class Waitlists {

    private final Places places;
    private final History history;

    Waitlists(Places places, History history) {
        this.places = places;
        this.history = history;
    }

    /** Promotes the oldest waitlisted registrations of this mode while places are free. */
    void fillConference(long conferenceId, Attendance attendance, String actor, Notices notices) {
        while (true) {
            Registration next = Registration
                    .find("conference.id = ?1 and attendance = ?2 and status = ?3 order by waitlistSeq", conferenceId,
                            attendance, RegistrationStatus.WAITLISTED)
                    .firstResult();
            if (next == null || !places.tryTake(conferenceId, attendance)) {
                return;
            }
            next.status = RegistrationStatus.CONFIRMED;
            next.waitlistSeq = null;
            history.record(next, HistoryKind.PROMOTED, actor);
            notices.add(RegistrationNotice.Kind.PROMOTED, next);
            decideRequestedItems(next, actor);
        }
    }

    /** A registration just got its conference place: its wished-for items get a place or a waitlist slot. */
    void decideRequestedItems(Registration registration, String actor) {
        registration.bookings.stream().filter(b -> b.status == BookingStatus.REQUESTED)
                .sorted(Comparator.comparing(b -> b.item.id)).forEach(booking -> {
                    if (places.tryTakeItem(booking.item.id)) {
                        booking.status = BookingStatus.CONFIRMED;
                        history.record(booking, HistoryKind.ITEM_CONFIRMED, actor);
                    } else {
                        // draw the number first: the query flushes, and a waitlisted row needs its number
                        long seq = places.nextWaitlistSeq();
                        booking.status = BookingStatus.WAITLISTED;
                        booking.waitlistSeq = seq;
                        history.record(booking, HistoryKind.ITEM_WAITLISTED, actor);
                    }
                });
    }

    /**
     * Promotes the oldest waitlisted bookings of this item while places are free. A promoted booking that was a pending
     * swap releases the same attendee's overlapping booking, whose place is then filled too.
     */
    void fillItem(long itemId, String actor, Notices notices) {
        Deque<Long> freed = new ArrayDeque<>();
        freed.push(itemId);
        while (!freed.isEmpty()) {
            long id = freed.pop();
            while (true) {
                SessionBooking next = SessionBooking
                        .find("item.id = ?1 and status = ?2 order by waitlistSeq", id, BookingStatus.WAITLISTED)
                        .firstResult();
                if (next == null || !places.tryTakeItem(id)) {
                    break;
                }
                next.status = BookingStatus.CONFIRMED;
                next.waitlistSeq = null;
                history.record(next, HistoryKind.ITEM_PROMOTED, actor);
                notices.add(RegistrationNotice.Kind.ITEM_PROMOTED, next.registration);
                for (SessionBooking other : next.registration.bookings) {
                    if (other != next && other.status == BookingStatus.CONFIRMED && other.item.overlaps(next.item)) {
                        other.status = BookingStatus.CANCELLED;
                        history.record(other, HistoryKind.ITEM_CANCELLED, actor);
                        places.releaseItem(other.item.id);
                        freed.push(other.item.id);
                    }
                }
            }
        }
    }
}
