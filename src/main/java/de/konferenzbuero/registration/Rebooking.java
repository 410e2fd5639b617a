package de.konferenzbuero.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import de.konferenzbuero.conference.AgendaItem;

/**
 * Replaces a registration's items by the ones chosen now, under the conference lock. The choice is the whole wish:
 * <ul>
 * <li>a new item gets its place if one is free, else its waitlist;</li>
 * <li>a held item no longer chosen is released, unless a chosen item overlapping it still waits: then the attendee
 * keeps it until that one gets its place (a swap, stored as such and completed by {@link Waitlists});</li>
 * <li>waiting for an item no longer chosen ends, and so does every earlier swap: it is made again only for what is
 * still waiting.</li>
 * </ul>
 * So choosing something else while a swap is pending keeps the old place or gives the new free one, never both, and
 * choosing nothing releases everything. A held item not offered to the registration's mode (after a switch) is never
 * kept.
 */
@ApplicationScoped
class Rebooking {

    private final Bookings bookings;
    private final Waitlists waitlists;

    Rebooking(Bookings bookings, Waitlists waitlists) {
        this.bookings = bookings;
        this.waitlists = waitlists;
    }

    /** @return whether anything changed */
    boolean rebook(Registration registration, List<AgendaItem> chosen, String actor, Notices notices) {
        Set<Long> wanted = chosen.stream().map(item -> item.id).collect(Collectors.toSet());
        if (Set.copyOf(registration.wantedItemIds()).equals(wanted)
                && registration.activeBookings().stream().allMatch(b -> b.item.offers(registration.attendance))) {
            return false;
        }
        List<SessionBooking> before = registration.activeBookings();
        for (SessionBooking booking : before) {
            bookings.unlink(booking);
            if (booking.status != BookingStatus.CONFIRMED && !wanted.contains(booking.item.id)) {
                bookings.end(booking, HistoryKind.ITEM_CANCELLED, actor);
            }
        }
        Set<Long> held = before.stream().map(b -> b.item.id).collect(Collectors.toSet());
        for (AgendaItem item : chosen.stream().sorted(Comparator.comparing((AgendaItem i) -> i.id)).toList()) {
            if (!held.contains(item.id)) {
                bookings.book(registration, item, actor);
            }
        }
        List<Long> freed = new ArrayList<>();
        boolean swapping = false;
        List<SessionBooking> now = registration.activeBookings();
        for (SessionBooking given : now) {
            if (given.status != BookingStatus.CONFIRMED || wanted.contains(given.item.id)) {
                continue;
            }
            List<SessionBooking> overlapping = now.stream()
                    .filter(b -> b != given && wanted.contains(b.item.id) && b.item.overlaps(given.item)).toList();
            boolean stillWaiting = !overlapping.isEmpty()
                    && overlapping.stream().allMatch(b -> b.status == BookingStatus.WAITLISTED)
                    && given.item.offers(registration.attendance);
            if (stillWaiting) {
                overlapping.forEach(pending -> bookings.link(pending, given));
                swapping = true;
            } else if (bookings.end(given, HistoryKind.ITEM_CANCELLED, actor)) {
                freed.add(given.item.id);
            }
        }
        waitlists.handOn(freed, actor, notices);
        if (swapping) {
            waitlists.exchange(registration, actor, notices);
        }
        return true;
    }
}
