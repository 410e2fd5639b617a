package de.konferenzbuero.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.backoffice.Audit;
import de.konferenzbuero.backoffice.AuditEntry;
import de.konferenzbuero.mail.Attachment;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.ConsentRecord;
import de.konferenzbuero.registration.HistoryKind;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationService;

/** Collects everything stored about a person (Art. 15 GDPR): from their manage link, or for an organiser's request. */
@ApplicationScoped
public class DataExport {

    private final RegistrationService registrations;
    private final EntityManager em;
    private final Clock clock;
    private final AppConfig.Privacy privacy;
    private final Audit audit;

    DataExport(RegistrationService registrations, EntityManager em, Clock clock, AppConfig config, Audit audit) {
        this.audit = audit;
        this.registrations = registrations;
        this.em = em;
        this.clock = clock;
        this.privacy = config.privacy();
    }

    /** What is stored about the registration behind this manage link. */
    @Transactional
    public StoredData bySecret(String secret) {
        return of(registrations.find(secret));
    }

    /** The registrations of an address in the conferences this organiser manages, for the request page. */
    @Transactional
    public List<RequestMatch> matches(Organiser organiser, String email) {
        Instant now = clock.instant();
        return registrationsOf(organiser, email).stream()
                .map(r -> new RequestMatch(r.id, r.conference.id, r.conference.title, r.conference.startsAt, r.status,
                        r.awaitsConfirmation(), r.createdAt, r.anonymisedAt != null, Erasure.erasable(r, now)))
                .toList();
    }

    /**
     * Everything stored about an address in the organiser's conferences (Art. 15), with an audit entry per registration
     * naming who exported it (and no personal data).
     */
    @Transactional
    public List<StoredData> answer(Organiser organiser, String email) {
        List<Registration> found = registrationsOf(organiser, email);
        found.forEach(r -> audit.record(organiser.email, r.conference.id, "REGISTRATION", r.id,
                "data exported on request", null));
        return found.stream().map(this::of).toList();
    }

    static List<Registration> registrationsOf(Organiser organiser, String email) {
        List<Registration> found = Registration.list("email = ?1 order by id", email);
        return found.stream().filter(r -> organiser.manages(r.conference)).toList();
    }

    StoredData of(Registration r) {
        RetentionDates dates = RetentionDates.of(r.conference, privacy);
        var registration = new StoredData.RegistrationData(r.id, r.conference.title, r.conference.startsAt,
                r.conference.endsAt, r.firstName, r.lastName, r.email, r.organisation, r.role, r.locale, r.attendance,
                r.status,
                new StoredData.Needs(r.needsWheelchair, r.needsSignLanguage, r.needsInductionLoop, r.needsOther),
                r.dietaryNeeds, r.photoConsent, r.privacyPolicyVersion, r.privacyConsentedAt, r.createdAt,
                r.emailConfirmedAt, r.cancelledAt, r.rejectedAt, r.decisionMessage, r.checkedInAt, r.addedBy,
                r.specialDeletedAt, dates.specialCategoriesAt(), dates.anonymisedAt());
        var bookings = r.bookings.stream().map(
                b -> new StoredData.BookingData(b.item.title, b.item.startsAt, b.item.endsAt, b.status, b.createdAt))
                .toList();
        Locale language = "en".equals(r.locale) ? Locale.ENGLISH : Locale.GERMAN;
        var answers = r.answerLines(language).stream().map(a -> new StoredData.AnswerData(a.question(), a.answer()))
                .toList();
        var consents = ConsentRecord.of(r.id).stream()
                .map(c -> new StoredData.ConsentData(c.consent, c.version, c.given, c.channel, c.locale, c.at))
                .toList();
        var mails = OutboxMessage.forRegistration(r.id).stream()
                .map(m -> new StoredData.MailData(m.subject, m.recipient, m.template, m.status.name(), m.createdAt,
                        m.sentAt, m.text, m.html, m.attachments.stream().map(Attachment::name).toList(), m.lastError,
                        m.bodyRemovedAt))
                .toList();
        var actions = AuditEntry.<AuditEntry> list("""
                (subject = 'REGISTRATION' and subjectId = ?1)
                or (subject = 'MAIL' and subjectId in (select m.id from OutboxMessage m where m.registrationId = ?1))
                order by id""", r.id).stream().map(a -> new StoredData.ActionData(a.action, a.actor, a.at, a.details))
                .toList();
        return new StoredData(clock.instant(), registration, bookings, answers, consents, history(r.id), mails,
                actions);
    }

    private List<StoredData.HistoryData> history(long registrationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select e.kind, i.title, e.actor, e.at from registration_event e
                left join agenda_item i on i.id = e.agenda_item_id
                where e.registration_id = ?1 order by e.id
                """).setParameter(1, registrationId).getResultList();
        return rows.stream().map(row -> new StoredData.HistoryData(HistoryKind.valueOf((String) row[0]),
                (String) row[1], (String) row[2], toInstant(row[3]))).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
