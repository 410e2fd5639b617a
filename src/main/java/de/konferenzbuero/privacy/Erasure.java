package de.konferenzbuero.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.backoffice.Audit;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationService;

/**
 * Erasure on request (Art. 17 GDPR): the attendee from the manage link, or an organiser for an address. Only what no
 * longer holds or waits for a place is erased at once (a cancelled registration, or any of a conference that is over);
 * an active one is cancelled first, so its place is handed on like any other.
 */
@ApplicationScoped
public class Erasure {

    private final RegistrationService registrations;
    private final Anonymiser anonymiser;
    private final Audit audit;
    private final Clock clock;

    Erasure(RegistrationService registrations, Anonymiser anonymiser, Audit audit, Clock clock) {
        this.registrations = registrations;
        this.anonymiser = anonymiser;
        this.audit = audit;
        this.clock = clock;
    }

    public static boolean erasable(Registration registration, Instant now) {
        return registration.anonymisedAt == null
                && (!registration.isActive() || !now.isBefore(registration.conference.endsAt));
    }

    /**
     * Erases the registration behind this manage link, which stops working; returns the conference's slug.
     *
     * @throws NotErasable
     *             while it is active and the conference not over
     */
    @Transactional
    public String bySecret(String secret) {
        Registration registration = registrations.find(secret);
        if (!erasable(registration, clock.instant())) {
            throw new NotErasable();
        }
        String slug = registration.conference.slug;
        erase(registration, "attendee");
        return slug;
    }

    /**
     * Erases every erasable registration of this address in the conferences the organiser manages; returns how many.
     * Active registrations of conferences not over stay (the organiser page lists them: cancel them first).
     */
    @Transactional
    public int byOrganiser(Organiser organiser, String email) {
        Instant now = clock.instant();
        List<Registration> erasable = DataExport.registrationsOf(organiser, email).stream()
                .filter(r -> erasable(r, now)).toList();
        erasable.forEach(r -> erase(r, organiser.email));
        return erasable.size();
    }

    private void erase(Registration registration, String actor) {
        long id = registration.id;
        long conferenceId = registration.conference.id;
        anonymiser.anonymise(List.of(id), clock.instant());
        audit.record(actor, conferenceId, "REGISTRATION", id, "erased on request", null);
    }
}
