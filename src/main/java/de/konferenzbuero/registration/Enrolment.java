package de.konferenzbuero.registration;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;

/**
 * Enters a new registration, keeping the conference lock as short as possible: the registration and its bookings are
 * stored and the confirmation mail is rendered first, as if every place were free; only then the conference row is
 * locked and places are taken in two statements. Uncommitted rows are invisible to everyone else, so nothing is seen
 * before the decision. When a place was not free, the registration is put on the waitlist and its mail is rendered
 * again (the mail package keeps one mail per registration and transaction).
 */
@ApplicationScoped
class Enrolment {

    private final Places places;
    private final Event<RegistrationNotice> noticeEvent;
    private final EntityManager em;
    private final AppConfig config;
    private final Clock clock;

    Enrolment(Places places, Event<RegistrationNotice> noticeEvent, EntityManager em, AppConfig config, Clock clock) {
        this.clock = clock;
        this.places = places;
        this.noticeEvent = noticeEvent;
        this.em = em;
        this.config = config;
    }

    /** Enters the registration; the caller has checked the input and that the address holds no active one. */
    Registration enrol(Conference conference, SignUp in, String email, List<AgendaItem> items, String addedBy) {
        Registration r = newRegistration(conference, in, email, addedBy);
        r.persist();
        for (AgendaItem item : items) {
            SessionBooking booking = new SessionBooking();
            booking.registration = r;
            booking.item = item;
            booking.status = BookingStatus.CONFIRMED;
            booking.persist();
            r.bookings.add(booking);
        }
        fire(RegistrationNotice.Kind.CONFIRMED, r);
        em.flush();

        boolean confirmed = places.decide(r);
        boolean everyItem = items.isEmpty() || (confirmed ? places.decideItems(r.id) : places.requestItems(r.id));
        if (!confirmed || !everyItem) {
            em.refresh(r);
            r.bookings.forEach(em::refresh);
            fire(confirmed ? RegistrationNotice.Kind.CONFIRMED : RegistrationNotice.Kind.WAITLISTED, r);
        }
        return r;
    }

    private Registration newRegistration(Conference conference, SignUp in, String email, String addedBy) {
        Registration r = new Registration();
        r.conference = conference;
        r.manageSecret = ManageSecret.next();
        r.checkinCode = ManageSecret.checkinCode();
        r.firstName = in.firstName().strip();
        r.lastName = in.lastName().strip();
        r.email = email;
        r.organisation = blankToNull(in.organisation());
        r.role = blankToNull(in.role());
        r.attendance = in.attendance();
        r.status = RegistrationStatus.CONFIRMED;
        r.locale = "en".equals(in.locale()) ? "en" : "de";
        r.needsWheelchair = in.needsWheelchair();
        r.needsSignLanguage = in.needsSignLanguage();
        r.needsInductionLoop = in.needsInductionLoop();
        r.needsOther = blankToNull(in.needsOther());
        r.dietaryNeeds = blankToNull(in.dietaryNeeds());
        r.privacyPolicyVersion = config.privacyPolicyVersion();
        r.privacyConsentedAt = clock.instant();
        r.photoConsent = in.photoConsent();
        r.addedBy = addedBy;
        return r;
    }

    private void fire(RegistrationNotice.Kind kind, Registration r) {
        Notices notices = new Notices();
        notices.add(kind, r);
        notices.fire(noticeEvent);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
