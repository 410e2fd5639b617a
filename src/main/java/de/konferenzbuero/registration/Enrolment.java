package de.konferenzbuero.registration;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import org.hibernate.exception.ConstraintViolationException;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.RegistrationState;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/**
 * Enters a new registration, keeping the conference lock as short as possible: the registration, its bookings and its
 * mail are stored first, as if every place were free; only then the conference row is locked and places are taken, the
 * lock and the decisions on the conference place and on the items sent in one round trip. Uncommitted rows are
 * invisible to everyone else, so nothing is seen before the decision. When a place was not free, the registration is
 * put on the waitlist and its mail stored again (the mail package keeps one mail per registration and transaction).
 */
@ApplicationScoped
class Enrolment {

    /** An item was removed from the programme while the sign-up was on its way. */
    private static final String ITEM_GONE = "session_booking_agenda_item_id_fkey";

    private final Places places;
    private final Event<RegistrationNotice> noticeEvent;
    private final EntityManager em;
    private final AppConfig config;
    private final Clock clock;
    private final ConsentLog consents;
    private final OptionPlaces optionPlaces;

    Enrolment(Places places, Event<RegistrationNotice> noticeEvent, EntityManager em, AppConfig config, Clock clock,
            ConsentLog consents, OptionPlaces optionPlaces) {
        this.optionPlaces = optionPlaces;
        this.clock = clock;
        this.consents = consents;
        this.places = places;
        this.noticeEvent = noticeEvent;
        this.em = em;
        this.config = config;
    }

    /**
     * Enters the registration; the caller has checked the input and that the address holds no active one.
     *
     * @param answers
     *            the checked answers to the organiser's questions
     * @param addedBy
     *            the organiser adding someone by hand (any time while the conference is not cancelled), or null
     * @param channel
     *            where the consents were given, for the consent log
     * @param invitation
     *            the invitation it is made with (already counted as used), or null
     *
     * @throws RegistrationClosed
     *             when, under the lock, the conference turns out to take no registrations any more
     * @throws InvalidInput
     *             when, under the lock, the mode or an item turns out not to be offered any more, or two items to
     *             overlap after the programme changed
     */
    Registration enrol(Conference conference, SignUp in, String email, List<AgendaItem> items,
            List<Answers.Checked> answers, String addedBy, ConsentChannel channel, Invitation invitation) {
        Registration r = newRegistration(conference, in, email, addedBy);
        if (invitation != null) {
            r.invitation = invitation;
            if (invitation.isPersonal()) {
                // the link reached this address by mail, and only this address may use it: confirmed with it
                r.holdExpiresAt = null;
                r.emailConfirmedAt = clock.instant();
            }
        }
        r.byGroup = channel == ConsentChannel.GROUP;
        try {
            r.persist();
            consents.signedUp(r, channel);
            for (AgendaItem item : items) {
                SessionBooking booking = new SessionBooking();
                booking.registration = r;
                booking.item = item;
                booking.status = BookingStatus.CONFIRMED;
                booking.persist();
                r.bookings.add(booking);
            }
            optionPlaces.store(r, answers);
            Notices created = new Notices();
            created.add(RegistrationNotice.Kind.SIGNED_UP, r);
            created.add(RegistrationNotice.Kind.CONFIRMED, r);
            created.fire(noticeEvent);
            em.flush();
        } catch (ConstraintViolationException e) {
            throw ITEM_GONE.equals(e.getConstraintName()) ? new InvalidInput("items", Problem.ITEM_UNKNOWN) : e;
        }

        // an organiser adding someone by hand approves them with it, and so does an invitation
        Places.Access how = addedBy != null ? Places.Access.ORGANISER
                : invitation != null ? Places.Access.INVITED : Places.Access.PUBLIC;
        Places.SignUpDecision decided = places.decide(r, clock.instant(), how,
                invitation == null || invitation.contingent == null ? null : invitation.contingent.id,
                !items.isEmpty());
        Places.Decision decision = decided.decision();
        if (decision == Places.Decision.REFUSED) {
            throw refusal(conference, how);
        }
        boolean confirmed = decision == Places.Decision.CONFIRMED;
        boolean pending = decision == Places.Decision.PENDING;
        Places.ItemDecision itemDecision = decided.items();
        if (itemDecision.refusal() != null) {
            throw new InvalidInput("items", itemDecision.refusal());
        }
        boolean everyOption = answers.isEmpty() || optionPlaces.decideNew(r, confirmed);
        if (!confirmed || !itemDecision.everyPlace() || !everyOption) {
            em.refresh(r);
            r.bookings.forEach(em::refresh);
            fire(confirmed ? RegistrationNotice.Kind.CONFIRMED
                    : pending ? RegistrationNotice.Kind.PENDING : RegistrationNotice.Kind.WAITLISTED, r);
        }
        return r;
    }

    /** Why the decision refused: the conference as it is now takes no registrations, or not in this mode. */
    private RuntimeException refusal(Conference conference, Places.Access how) {
        em.refresh(conference);
        RegistrationState state = conference.registrationState(clock.instant());
        boolean open = switch (how) {
        case ORGANISER -> !conference.isCancelled();
        case INVITED -> conference.takesInvitedSignUps(clock.instant());
        case PUBLIC -> state.isOpen();
        };
        return open ? new InvalidInput("attendance", Problem.ATTENDANCE_NOT_OFFERED)
                : new RegistrationClosed(conference.isCancelled() ? RegistrationState.CANCELLED
                        : state == RegistrationState.NOT_PUBLISHED ? RegistrationState.CLOSED : state);
    }

    private Registration newRegistration(Conference conference, SignUp in, String email, String addedBy) {
        Registration r = new Registration();
        r.conference = conference;
        r.newManageSecret();
        r.checkinCode = ManageSecret.checkinCode();
        r.firstName = in.firstName().strip();
        r.lastName = in.lastName().strip();
        r.email = email;
        r.organisation = Checks.strippedOrNull(in.organisation());
        r.role = Checks.strippedOrNull(in.role());
        r.attendance = in.attendance();
        r.status = RegistrationStatus.CONFIRMED;
        r.locale = "en".equals(in.locale()) ? "en" : "de";
        r.needsWheelchair = in.needsWheelchair();
        r.needsSignLanguage = in.needsSignLanguage();
        r.needsInductionLoop = in.needsInductionLoop();
        r.needsOther = Checks.strippedOrNull(in.needsOther());
        r.dietaryNeeds = Checks.strippedOrNull(in.dietaryNeeds());
        r.privacyPolicyVersion = config.privacyPolicyVersion();
        r.privacyConsentedAt = clock.instant();
        r.photoConsent = in.photoConsent();
        r.addedBy = addedBy;
        if (conference.confirmEmail && addedBy == null) {
            r.holdExpiresAt = Holds.until(conference, clock.instant());
        }
        return r;
    }

    private void fire(RegistrationNotice.Kind kind, Registration r) {
        Notices notices = new Notices();
        notices.add(kind, r);
        notices.fire(noticeEvent);
    }
}
