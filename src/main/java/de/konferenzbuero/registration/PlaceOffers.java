package de.konferenzbuero.registration;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Offers of freed places of workshops, excursions and chosen options (e.g. a shuttle seat), where the conference offers
 * freed places ({@link Offers}) instead of giving them: the place is held for the next person waiting (the booking or
 * answer is CONFIRMED, counted as taken, with an {@code offerExpiresAt}) until they accept or decline it or the offer
 * ends; declined or ended, the booking ends (a chosen option's answer goes) and the place is offered to the next in the
 * same transaction. Only people whose conference place is theirs get such offers; someone still confirming their
 * address or answering the offer of a conference place is passed over and served once that is done. The registration
 * itself always stays. Callers hold the conference lock.
 */
@ApplicationScoped
class PlaceOffers {

    /** The condition (HQL, on a waiting booking or answer) for getting an offer: the conference place is theirs. */
    static final String PLACE_IS_THEIRS = "registration.status = 'CONFIRMED' and registration.holdExpiresAt is null"
            + " and registration.offerExpiresAt is null";

    private final Bookings bookings;
    private final Waitlists waitlists;
    private final OptionPlaces optionPlaces;
    private final History history;
    private final Clock clock;

    PlaceOffers(Bookings bookings, Waitlists waitlists, OptionPlaces optionPlaces, History history, Clock clock) {
        this.bookings = bookings;
        this.waitlists = waitlists;
        this.optionPlaces = optionPlaces;
        this.history = history;
        this.clock = clock;
    }

    /**
     * The attendee takes the offered place: it is theirs. An offer that has ended is expired instead.
     *
     * @return whether an open offer was accepted
     */
    boolean accept(Registration registration, OfferedPlace which, Notices notices) {
        if (which.item()) {
            SessionBooking booking = booking(registration, which.id());
            if (booking == null || expireIfDue(booking, notices)) {
                return false;
            }
            booking.offerExpiresAt = null;
            history.record(booking, HistoryKind.ITEM_OFFER_ACCEPTED, RegistrationService.ATTENDEE);
        } else {
            Answer answer = answer(registration, which.id());
            if (answer == null || expireIfDue(answer, notices)) {
                return false;
            }
            answer.offerExpiresAt = null;
        }
        notices.add(RegistrationNotice.Kind.ITEM_PROMOTED, registration);
        return true;
    }

    /**
     * The attendee does not want the offered place: the booking ends (the option is no longer chosen) and the place is
     * offered to the next. An offer that has ended is expired instead.
     *
     * @return whether an open offer was declined
     */
    boolean decline(Registration registration, OfferedPlace which, Notices notices) {
        if (which.item()) {
            SessionBooking booking = booking(registration, which.id());
            if (booking == null || expireIfDue(booking, notices)) {
                return false;
            }
            bookings.end(booking, HistoryKind.ITEM_OFFER_DECLINED, RegistrationService.ATTENDEE);
            waitlists.handOn(List.of(booking.item.id), RegistrationService.ATTENDEE, notices);
        } else {
            Answer answer = answer(registration, which.id());
            if (answer == null || expireIfDue(answer, notices)) {
                return false;
            }
            drop(answer, notices);
        }
        notices.add(RegistrationNotice.Kind.CHANGED, registration);
        return true;
    }

    /** The offer of this item's place ended unanswered: the booking ends and the place is offered to the next. */
    void expire(SessionBooking booking, Notices notices) {
        if (!booking.hasOffer()) {
            return; // ended meanwhile, e.g. released by a swap completed in the same run
        }
        bookings.end(booking, HistoryKind.ITEM_OFFER_EXPIRED, Holds.ACTOR);
        waitlists.handOn(List.of(booking.item.id), Holds.ACTOR, notices);
        notices.add(RegistrationNotice.Kind.ITEM_OFFER_EXPIRED, booking.registration);
    }

    /** The offer of this option's place ended unanswered: the option is no longer chosen, the place goes on. */
    void expire(Answer answer, Notices notices) {
        if (!answer.hasOffer()) {
            return;
        }
        Registration registration = answer.registration;
        drop(answer, notices);
        notices.add(RegistrationNotice.Kind.ITEM_OFFER_EXPIRED, registration);
    }

    /**
     * The registration's conference place just became theirs (address confirmed, offer accepted): where offers are
     * made, its waiting bookings and options were passed over until now, and free places may wait for them.
     */
    void servePassedOver(Registration registration, Notices notices) {
        if (!Offers.used(registration.conference) || !registration.placeIsTheirs()) {
            return;
        }
        waitlists.fillItems(registration.activeBookings().stream().filter(b -> b.status == BookingStatus.WAITLISTED)
                .map(b -> b.item.id).toList(), RegistrationService.ATTENDEE, notices);
        optionPlaces.fill(registration.answers.stream().filter(a -> a.status == BookingStatus.WAITLISTED)
                .map(a -> a.option.id).toList(), notices);
    }

    private boolean expireIfDue(SessionBooking booking, Notices notices) {
        if (booking.offerExpiresAt.isAfter(clock.instant())) {
            return false;
        }
        expire(booking, notices);
        return true;
    }

    private boolean expireIfDue(Answer answer, Notices notices) {
        if (answer.offerExpiresAt.isAfter(clock.instant())) {
            return false;
        }
        expire(answer, notices);
        return true;
    }

    /**
     * The chosen option goes (its answer row is removed, as when the attendee unchooses it); its place is handed on.
     */
    private void drop(Answer answer, Notices notices) {
        long optionId = answer.option.id;
        answer.registration.answers.remove(answer);
        answer.delete();
        optionPlaces.handOn(List.of(optionId), notices);
    }

    private static SessionBooking booking(Registration registration, long itemId) {
        return registration.offeredBookings().stream().filter(b -> b.item.id == itemId).findFirst().orElse(null);
    }

    private static Answer answer(Registration registration, long optionId) {
        return registration.offeredAnswers().stream().filter(a -> a.option.id == optionId).findFirst().orElse(null);
    }
}
