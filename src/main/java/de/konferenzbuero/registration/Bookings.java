package de.konferenzbuero.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import de.konferenzbuero.conference.AgendaItem;

/**
 * The steps of one booking, under the conference lock: book an item, give a waiting booking its place (completing its
 * swap), drop or cancel a booking, link a swap. Counters change only through {@link Places}: a step that frees places
 * returns the items, and the caller hands them on through {@link Waitlists} once all its steps are done.
 */
@ApplicationScoped
class Bookings {

    private final Places places;
    private final History history;

    Bookings(Places places, History history) {
        this.places = places;
        this.history = history;
    }

    /**
     * A new booking: the item's place if one is free, else its waitlist; only wished for (REQUESTED) while the
     * registration itself waits for a conference place.
     */
    SessionBooking book(Registration registration, AgendaItem item, String actor) {
        SessionBooking booking = new SessionBooking();
        booking.registration = registration;
        booking.item = item;
        if (registration.status != RegistrationStatus.CONFIRMED) {
            booking.status = BookingStatus.REQUESTED;
        } else if (places.tryTakeItem(item.id)) {
            booking.status = BookingStatus.CONFIRMED;
        } else {
            booking.status = BookingStatus.WAITLISTED;
            booking.waitlistSeq = places.nextWaitlistSeq();
        }
        booking.persist();
        registration.bookings.add(booking);
        history.record(booking, HistoryKind.valueOf("ITEM_" + booking.status.name()), actor);
        return booking;
    }

    /**
     * A waiting booking gets the place the caller has taken for it; the confirmed bookings it replaces are released.
     *
     * @return the items whose places the released bookings freed
     */
    List<Long> grant(SessionBooking booking, HistoryKind kind, String actor) {
        booking.status = BookingStatus.CONFIRMED;
        booking.waitlistSeq = null;
        history.record(booking, kind, actor);
        List<SessionBooking> replaced = new ArrayList<>(booking.replaces);
        unlink(booking);
        List<Long> freed = new ArrayList<>();
        replaced.stream().sorted(Comparator.comparing(b -> b.id)).forEach(old -> {
            if (end(old, HistoryKind.ITEM_RELEASED, actor)) {
                freed.add(old.item.id);
            }
        });
        return freed;
    }

    /**
     * Ends a booking (dropped, cancelled or released) and every swap it takes part in.
     *
     * @return whether it held a place, which the caller must hand on
     */
    boolean end(SessionBooking booking, HistoryKind kind, String actor) {
        if (!booking.status.isActive()) {
            return false;
        }
        boolean held = booking.status == BookingStatus.CONFIRMED;
        booking.status = BookingStatus.CANCELLED;
        booking.waitlistSeq = null;
        booking.offerExpiresAt = null;
        unlink(booking);
        history.record(booking, kind, actor);
        return held;
    }

    /** A swap: {@code pending} waits for its place and, once it has one, releases {@code replaced}. */
    void link(SessionBooking pending, SessionBooking replaced) {
        pending.replaces.add(replaced);
        replaced.replacedBy.add(pending);
    }

    /** Removes every swap this booking takes part in, on either side. */
    void unlink(SessionBooking booking) {
        for (SessionBooking replaced : booking.replaces) {
            replaced.replacedBy.remove(booking);
        }
        booking.replaces.clear();
        for (SessionBooking pending : booking.replacedBy) {
            pending.replaces.remove(booking);
        }
        booking.replacedBy.clear();
    }
}
