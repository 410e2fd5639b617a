package de.konferenzbuero.registration;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.RegistrationState;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.registration.SignUpResult.BookedItem;

/**
 * Registers attendees: the hot path. Checks everything it can before taking the conference lock, then takes a place (or
 * a waitlist slot) and books items in as few statements as possible.
 */
@ApplicationScoped
public class SignUpService {

    private final Places places;
    private final Validator validator;
    private final Event<RegistrationNotice> noticeEvent;
    private final EntityManager em;
    private final Clock clock;
    private final AppConfig config;

    SignUpService(Places places, Validator validator, Event<RegistrationNotice> noticeEvent, EntityManager em,
            Clock clock, AppConfig config) {
        this.places = places;
        this.validator = validator;
        this.noticeEvent = noticeEvent;
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Registers for a published conference whose registration is open.
     *
     * @throws UnknownConference
     *             when no visible conference has this slug
     * @throws RegistrationClosed
     *             when the conference takes no sign-ups now
     * @throws InvalidInput
     *             listing every refused field
     */
    public SignUpResult signUp(String slug, SignUp in) {
        Conference conference = Conference.findBySlug(slug).filter(Conference::isVisible)
                .orElseThrow(() -> new UnknownConference(slug));
        SignUpRules.checkAll(validator, conference, in);
        String email = in.email().strip().toLowerCase(Locale.ROOT);
        try {
            return QuarkusTransaction.requiringNew().call(() -> register(slug, in, email));
        } catch (ConstraintViolationException e) {
            if (!"registration_active_email".equals(e.getConstraintName())) {
                throw e;
            }
            // A parallel sign-up with the same address won the race.
            return QuarkusTransaction.requiringNew().call(() -> alreadyRegistered(openConference(slug), email));
        }
    }

    private SignUpResult register(String slug, SignUp in, String email) {
        Conference conference = openConference(slug);
        List<AgendaItem> items = SignUpRules.check(conference, in.attendance(), in.items());
        if (Registration.findActive(conference, email).isPresent()) {
            return alreadyRegistered(conference, email);
        }
        String locale = "en".equals(in.locale()) ? "en" : "de";
        Places.SignUpOutcome outcome = places.register(conference.id, ManageSecret.next(), in, email, locale,
                config.privacyPolicyVersion(), null);
        if (!items.isEmpty()) {
            if (outcome.confirmed()) {
                places.bookItems(outcome.registrationId(), items.stream().map(item -> item.id).toList());
            } else {
                requestItems(outcome.registrationId(), items);
            }
        }
        Registration registration = Registration.findById(outcome.registrationId());
        Notices notices = new Notices();
        notices.add(outcome.confirmed() ? RegistrationNotice.Kind.CONFIRMED : RegistrationNotice.Kind.WAITLISTED,
                registration);
        notices.fire(noticeEvent);
        return new SignUpResult.Registered(registration, registration.waitlistPosition(), registration.activeBookings()
                .stream().map(b -> new BookedItem(b.item, b.status, b.waitlistPosition())).toList());
    }

    private Conference openConference(String slug) {
        Conference conference = Conference.findBySlug(slug).filter(Conference::isVisible)
                .orElseThrow(() -> new UnknownConference(slug));
        RegistrationState state = conference.registrationState(clock.instant());
        if (!state.isOpen()) {
            throw new RegistrationClosed(state);
        }
        return conference;
    }

    private SignUpResult alreadyRegistered(Conference conference, String email) {
        Registration existing = Registration.findActive(conference, email).orElseThrow();
        Notices notices = new Notices();
        notices.add(RegistrationNotice.Kind.ALREADY_REGISTERED, existing);
        notices.fire(noticeEvent);
        return new SignUpResult.AlreadyRegistered();
    }

    /** Items of someone on the conference's waitlist are wishes, decided when they move up. */
    private void requestItems(long registrationId, List<AgendaItem> items) {
        for (AgendaItem item : items) {
            em.createNativeQuery("""
                    with b as (insert into session_booking (registration_id, agenda_item_id, status)
                        values (?1, ?2, 'REQUESTED') returning registration_id, agenda_item_id)
                    insert into registration_event (registration_id, agenda_item_id, kind)
                    select registration_id, agenda_item_id, 'ITEM_REQUESTED' from b
                    """).setParameter(1, registrationId).setParameter(2, item.id).executeUpdate();
        }
    }

}
