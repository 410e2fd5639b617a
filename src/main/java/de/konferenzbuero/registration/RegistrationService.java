package de.konferenzbuero.registration;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.RegistrationState;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.sealing.Sealing;

/**
 * What attendees do with their registration through the private manage link: look at it, change items or attendance
 * mode (one at a time or both at once), cancel. Every change locks the conference row first and hands freed places on.
 */
@ApplicationScoped
public class RegistrationService {

    static final String ATTENDEE = "attendee";

    private final Places places;
    private final Waitlists waitlists;
    private final Rebooking rebooking;
    private final Cancellations cancellations;
    private final Holds holds;
    private final History history;
    private final Event<RegistrationNotice> noticeEvent;
    private final EntityManager em;
    private final Clock clock;
    private final ConsentLog consents;
    private final OptionPlaces optionPlaces;
    private final PlaceOffers placeOffers;

    RegistrationService(Places places, Waitlists waitlists, Rebooking rebooking, Cancellations cancellations,
            Holds holds, History history, Event<RegistrationNotice> noticeEvent, EntityManager em, Clock clock,
            ConsentLog consents, OptionPlaces optionPlaces, PlaceOffers placeOffers) {
        this.optionPlaces = optionPlaces;
        this.placeOffers = placeOffers;
        this.consents = consents;
        this.holds = holds;
        this.places = places;
        this.waitlists = waitlists;
        this.rebooking = rebooking;
        this.cancellations = cancellations;
        this.history = history;
        this.noticeEvent = noticeEvent;
        this.em = em;
        this.clock = clock;
    }

    /** The registration behind a manage link (read only; lazy parts load while the request lasts). */
    public Registration find(String secret) {
        if (!ManageSecret.looksValid(secret)) {
            throw new UnknownRegistration();
        }
        return Registration.findBySecret(secret).orElseThrow(UnknownRegistration::new);
    }

    /**
     * Replaces the booked items with {@code itemIds} (see {@link Rebooking}): a new item is granted at once if it has a
     * place, else the attendee joins its waitlist and keeps an overlapping item they hold until the new one is granted.
     */
    @Transactional
    public Registration changeItems(String secret, List<Long> itemIds) {
        return change(secret, null, itemIds);
    }

    /** Switches between on-site and online at a hybrid conference, if the other mode has a place. */
    @Transactional
    public Registration changeAttendance(String secret, Attendance attendance) {
        if (attendance == null) {
            throw new InvalidInput("attendance", Problem.ATTENDANCE_NOT_OFFERED);
        }
        return change(secret, attendance, null);
    }

    /**
     * Changes the attendance mode and/or the items in one transaction: both happen or neither. {@code null} leaves that
     * part as it is. The items (the new ones, or the ones kept) must be offered to the mode the registration ends in.
     *
     * @throws RegistrationCancelled
     *             when the registration was cancelled meanwhile
     */
    @Transactional
    public Registration change(String secret, Attendance attendance, List<Long> itemIds) {
        Registration registration = lockAndLoad(secret);
        if (!registration.isActive()) {
            throw new RegistrationCancelled();
        }
        Conference conference = registration.conference;
        requireOpen(conference);
        Attendance mode = attendance == null ? registration.attendance : attendance;
        List<AgendaItem> items = SignUpRules.check(conference, mode,
                itemIds == null ? registration.wantedItemIds() : itemIds);
        Notices notices = new Notices();
        boolean changed = false;
        if (mode != registration.attendance) {
            switchMode(registration, mode, notices);
            changed = true;
        }
        if (itemIds != null || changed) {
            changed |= rebooking.rebook(registration, items, ATTENDEE, notices);
        }
        if (changed) {
            notices.add(RegistrationNotice.Kind.CHANGED, registration);
        }
        notices.fire(noticeEvent);
        return registration;
    }

    /**
     * The attendee confirms their address by the link in the mail (double opt-in): the held place or waitlist position
     * becomes theirs, and the mail of a registration (with calendar files) follows. A hold that has ended is expired
     * here at once, as the expiry job would; confirming twice changes nothing.
     */
    @Transactional
    public Registration confirmAddress(String secret) {
        Registration registration = lockAndLoad(secret);
        if (!registration.awaitsConfirmation() || holds.expireIfDue(registration)) {
            return registration;
        }
        registration.holdExpiresAt = null;
        registration.emailConfirmedAt = clock.instant();
        history.record(registration, HistoryKind.ADDRESS_CONFIRMED, ATTENDEE);
        Notices notices = new Notices();
        if (registration.status == RegistrationStatus.WAITLISTED && Offers.used(registration.conference)) {
            // offers go to confirmed addresses only: a place freed meanwhile may wait for this one
            waitlists.fillConference(registration.conference.id, registration.attendance, ATTENDEE, notices);
        }
        placeOffers.servePassedOver(registration, notices);
        notices.add(RegistrationNotice.Kind.ADDRESS_CONFIRMED, registration);
        notices.add(switch (registration.status) {
        case CONFIRMED -> registration.hasOffer() ? RegistrationNotice.Kind.OFFERED : RegistrationNotice.Kind.CONFIRMED;
        case PENDING -> RegistrationNotice.Kind.PENDING;
        default -> RegistrationNotice.Kind.WAITLISTED;
        }, registration);
        notices.fire(noticeEvent);
        return registration;
    }

    /**
     * The attendee takes the place offered to them from the waitlist: it is theirs, and the mail of a promotion (with
     * calendar files) follows. An offer that has ended is expired here at once, as the expiry job would; accepting
     * twice, or without an offer, changes nothing.
     */
    @Transactional
    public Registration acceptOffer(String secret) {
        Registration registration = lockAndLoad(secret);
        if (!registration.hasOffer() || holds.expireIfDue(registration)) {
            return registration;
        }
        registration.offerExpiresAt = null;
        history.record(registration, HistoryKind.OFFER_ACCEPTED, ATTENDEE);
        Notices notices = new Notices();
        notices.add(RegistrationNotice.Kind.PROMOTED, registration);
        placeOffers.servePassedOver(registration, notices);
        notices.fire(noticeEvent);
        return registration;
    }

    /**
     * The attendee takes the offered place of a workshop, excursion or chosen option ({@link PlaceOffers}); the mail of
     * a place in an item follows. An ended offer is expired here at once; without an open offer nothing changes.
     *
     * @return whether an open offer was accepted
     */
    @Transactional
    public boolean acceptPlaceOffer(String secret, OfferedPlace which) {
        Registration registration = lockAndLoad(secret);
        Notices notices = new Notices();
        boolean accepted = placeOffers.accept(registration, which, notices);
        notices.fire(noticeEvent);
        return accepted;
    }

    /**
     * The attendee does not want the offered place of an item or option: it goes to the next person waiting, the
     * registration stays. An ended offer is expired here at once; without an open offer nothing changes.
     *
     * @return whether an open offer was declined
     */
    @Transactional
    public boolean declinePlaceOffer(String secret, OfferedPlace which) {
        Registration registration = lockAndLoad(secret);
        Notices notices = new Notices();
        boolean declined = placeOffers.decline(registration, which, notices);
        notices.fire(noticeEvent);
        return declined;
    }

    /**
     * The attendee does not want the place offered to them: the registration ends and the place is offered to the next
     * person waiting, in this transaction. Without an open offer nothing changes.
     */
    @Transactional
    public Registration declineOffer(String secret) {
        Registration registration = lockAndLoad(secret);
        if (!registration.hasOffer() || holds.expireIfDue(registration)) {
            return registration;
        }
        Notices notices = new Notices();
        cancellations.declineOffer(registration, notices);
        notices.fire(noticeEvent);
        return registration;
    }

    /**
     * Replaces the answers to the organiser's questions, while registration is open; the same rules as at sign-up. A
     * changed choice of an option with places is mailed like a change of items.
     *
     * @throws InvalidInput
     *             for every refused answer
     */
    @Transactional
    public Registration changeAnswers(String secret, List<Answered> answers) {
        Registration registration = lockAndLoad(secret);
        if (!registration.isActive()) {
            throw new RegistrationCancelled();
        }
        requireOpen(registration.conference);
        OptionPlaces.Change change = optionPlaces.replace(registration,
                SignUpRules.answers(registration.conference, answers, registration.locale, true));
        Notices notices = new Notices();
        optionPlaces.handOn(change.freed(), notices);
        if (change.choiceChanged()) {
            // a chosen option holds a place: the attendee is told where they stand, as after a change of items
            notices.add(RegistrationNotice.Kind.CHANGED, registration);
        }
        notices.fire(noticeEvent);
        return registration;
    }

    /** Gives or withdraws the optional consent to photos and film; recorded in the consent log. */
    @Transactional
    public Registration changePhotoConsent(String secret, boolean given) {
        // locked like every change of the registration row, so it never races a change of its places
        Registration registration = lockAndLoad(secret);
        if (registration.photoConsent != given) {
            registration.photoConsent = given;
            consents.changed(registration, Consent.PHOTOS, given, ConsentChannel.MANAGE_PAGE, clock.instant());
        }
        return registration;
    }

    /** Cancels the registration and its bookings; the freed places go to the next in line. */
    @Transactional
    public Registration cancel(String secret) {
        Registration registration = lockAndLoad(secret);
        if (!registration.isActive()) {
            return registration;
        }
        Conference conference = registration.conference;
        if (!conference.takesCancellations(clock.instant())) {
            throw new RegistrationClosed(conference.registrationState(clock.instant()));
        }
        Notices notices = new Notices();
        cancellations.cancel(registration, ATTENDEE, notices);
        notices.fire(noticeEvent);
        return registration;
    }

    /**
     * A confirmed registration takes a place in the other mode (or the switch is refused) and frees its old one; a
     * waitlisted one gets a place there if one is free, else joins the end of that mode's waitlist.
     */
    private void switchMode(Registration registration, Attendance mode, Notices notices) {
        Conference conference = registration.conference;
        Attendance previous = registration.attendance;
        if (registration.isPending()) {
            // holds nothing yet: the organisers' approval decides the place in the new mode
            registration.attendance = mode;
            history.record(registration, HistoryKind.ATTENDANCE_CHANGED, ATTENDEE);
            return;
        }
        boolean placed = places.tryTake(conference.id, mode);
        if (registration.status == RegistrationStatus.CONFIRMED && !placed) {
            throw new InvalidInput("attendance", Problem.ATTENDANCE_FULL);
        }
        registration.attendance = mode;
        history.record(registration, HistoryKind.ATTENDANCE_CHANGED, ATTENDEE);
        if (registration.status == RegistrationStatus.CONFIRMED) {
            places.release(registration, previous);
            waitlists.fillConference(conference.id, previous, ATTENDEE, notices);
        } else if (placed) {
            registration.status = RegistrationStatus.CONFIRMED;
            registration.waitlistSeq = null;
            history.record(registration, HistoryKind.PROMOTED, ATTENDEE);
            waitlists.decideRequestedItems(registration, ATTENDEE);
        } else {
            registration.waitlistSeq = places.nextWaitlistSeq();
        }
    }

    /** Locks the registration's conference, then loads the registration as it is now. */
    private Registration lockAndLoad(String secret) {
        if (!ManageSecret.looksValid(secret)) {
            throw new UnknownRegistration();
        }
        List<?> conferenceIds = em
                .createNativeQuery("select conference_id from registration where manage_secret_hash = ?1")
                .setParameter(1, Sealing.hash(secret)).getResultList();
        if (conferenceIds.isEmpty()) {
            throw new UnknownRegistration();
        }
        places.lockConference(((Number) conferenceIds.get(0)).longValue());
        return Registration.findBySecret(secret).orElseThrow(UnknownRegistration::new);
    }

    private void requireOpen(Conference conference) {
        RegistrationState state = conference.registrationState(clock.instant());
        if (!state.isOpen()) {
            throw new RegistrationClosed(state);
        }
    }
}
