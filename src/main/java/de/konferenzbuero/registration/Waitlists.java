package de.konferenzbuero.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;

/**
 * Gives freed places to the people waiting, oldest first. Callers hold the conference row lock (see {@link Places}) and
 * call this once their own changes are done, so that a place freed in one step is never handed to a booking the same
 * transaction is about to end.
 */
@ApplicationScoped
class Waitlists {

    private final Places places;
    private final Bookings bookings;
    private final History history;
    private final Clock clock;
    private final OptionPlaces optionPlaces;

    Waitlists(Places places, Bookings bookings, History history, Clock clock, OptionPlaces optionPlaces) {
        this.optionPlaces = optionPlaces;
        this.places = places;
        this.bookings = bookings;
        this.history = history;
        this.clock = clock;
    }

    /**
     * While places of this mode are free, the oldest waitlisted registration gets one: at once, or as an offer held
     * until it is accepted where the conference uses {@link Offers} (then only confirmed addresses get one, and none
     * once the offers have ended before the start).
     */
    void fillConference(long conferenceId, Attendance attendance, String actor, Notices notices) {
        Conference conference = Conference.findById(conferenceId);
        boolean offers = Offers.used(conference);
        while (true) {
            Instant offerUntil = offers ? Offers.until(conference, clock.instant()) : null;
            if (offers && offerUntil == null) {
                return;
            }
            Registration next = Registration.find(
                    "conference.id = ?1 and attendance = ?2 and status = ?3"
                            + (offers ? " and holdExpiresAt is null" : "") + " order by waitlistSeq",
                    conferenceId, attendance, RegistrationStatus.WAITLISTED).firstResult();
            if (next == null || !places.tryTake(conferenceId, attendance)) {
                return;
            }
            next.status = RegistrationStatus.CONFIRMED;
            next.waitlistSeq = null;
            next.offerExpiresAt = offerUntil;
            history.record(next, offers ? HistoryKind.OFFERED : HistoryKind.PROMOTED, actor);
            notices.add(offers ? RegistrationNotice.Kind.OFFERED : RegistrationNotice.Kind.PROMOTED, next);
            decideRequestedItems(next, actor);
        }
    }

    /**
     * A registration just got its conference place: its wished-for items and chosen options get a place or a waitlist
     * slot.
     */
    void decideRequestedItems(Registration registration, String actor) {
        optionPlaces.decideRequested(registration);
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
     * Places of these items were freed (their bookings already ended): the counters go down, then the oldest waiting
     * get them. A promoted booking that completes a swap releases the booking it replaces, whose place is handed on
     * too.
     */
    void handOn(Collection<Long> freedItemIds, String actor, Notices notices) {
        List<Long> sorted = freedItemIds.stream().sorted().toList();
        sorted.forEach(places::releaseItem);
        fillItems(sorted, actor, notices);
    }

    /**
     * After capacities were raised or places freed and counted: the oldest waiting get the free places, at once or,
     * where the conference uses {@link Offers}, as an offer ({@link PlaceOffers}; a swap is still completed at once, as
     * its attendee asked for exactly this, and so is every place once no offer can be made before the start).
     */
    void fillItems(Collection<Long> itemIds, String actor, Notices notices) {
        Deque<Long> toFill = new ArrayDeque<>(itemIds.stream().sorted().distinct().toList());
        while (!toFill.isEmpty()) {
            long id = toFill.pop();
            Conference conference = AgendaItem.<AgendaItem> findById(id).conference;
            boolean offers = Offers.used(conference);
            while (true) {
                // too close to the start for an offer: the place is given at once, as without offers
                Instant offerUntil = offers ? Offers.until(conference, clock.instant()) : null;
                SessionBooking next = SessionBooking.find("item.id = ?1 and status = ?2"
                        + (offerUntil != null ? " and " + PlaceOffers.PLACE_IS_THEIRS : "") + " order by waitlistSeq",
                        id, BookingStatus.WAITLISTED).firstResult();
                if (next == null || !places.tryTakeItem(id)) {
                    break;
                }
                if (offerUntil != null && next.replaces.isEmpty()) {
                    next.status = BookingStatus.CONFIRMED;
                    next.waitlistSeq = null;
                    next.offerExpiresAt = offerUntil;
                    history.record(next, HistoryKind.ITEM_OFFERED, actor);
                    notices.add(RegistrationNotice.Kind.ITEM_OFFERED, next.registration);
                    continue;
                }
                List<Long> released = bookings.grant(next, HistoryKind.ITEM_PROMOTED, actor);
                notices.add(RegistrationNotice.Kind.ITEM_PROMOTED, next.registration);
                released.forEach(places::releaseItem);
                toFill.addAll(released);
            }
        }
    }

    /**
     * Two attendees each waiting to swap into the item the other holds get each other's places at once: neither place
     * would ever come free otherwise. Nobody else waiting loses anything, as no place was free. Called when this
     * registration queued for a swap.
     */
    void exchange(Registration registration, String actor, Notices notices) {
        for (SessionBooking mine : List.copyOf(registration.activeBookings())) {
            if (mine.status != BookingStatus.WAITLISTED || mine.replaces.isEmpty()) {
                continue;
            }
            for (SessionBooking given : List.copyOf(mine.replaces)) {
                SessionBooking theirs = SessionBooking.find("""
                        select p from SessionBooking p join p.replaces r
                        where p.item = ?1 and p.status = ?2 and r.item = ?3 and r.status = ?4
                        order by p.waitlistSeq
                        """, given.item, BookingStatus.WAITLISTED, mine.item, BookingStatus.CONFIRMED).firstResult();
                if (theirs != null) {
                    swapPlaces(mine, theirs, actor, notices);
                    break;
                }
            }
        }
    }

    /**
     * {@code mine} waits for the item {@code theirs} replaces, and {@code theirs} for one {@code mine} replaces: both
     * get their places, the replaced bookings are released, and the counts of the two items stay as they are. Any other
     * booking a swap replaced frees its place, handed on as usual.
     */
    private void swapPlaces(SessionBooking mine, SessionBooking theirs, String actor, Notices notices) {
        long mineItem = mine.item.id;
        long theirItem = theirs.item.id;
        List<Long> freed = new java.util.ArrayList<>();
        freed.addAll(bookings.grant(mine, HistoryKind.ITEM_EXCHANGED, actor));
        freed.addAll(bookings.grant(theirs, HistoryKind.ITEM_EXCHANGED, actor));
        // each released place of the two items went straight to the other attendee
        freed.remove(Long.valueOf(mineItem));
        freed.remove(Long.valueOf(theirItem));
        notices.add(RegistrationNotice.Kind.ITEM_PROMOTED, mine.registration);
        notices.add(RegistrationNotice.Kind.ITEM_PROMOTED, theirs.registration);
        handOn(freed, actor, notices);
    }
}
