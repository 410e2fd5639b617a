package de.konferenzbuero.privacy;

import java.time.Instant;
import java.util.List;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.Consent;
import de.konferenzbuero.registration.ConsentChannel;
import de.konferenzbuero.registration.HistoryKind;
import de.konferenzbuero.registration.RegistrationStatus;

/**
 * Everything stored about one registration (Art. 15 GDPR), as the attendee downloads it and the organiser exports it:
 * the registration, its bookings, consents, history, the mails sent and the organisers' actions about it. The JSON
 * names are the export paths in {@link PersonalData}.
 */
public record StoredData(Instant exportedAt, RegistrationData registration, List<BookingData> bookings,
        List<AnswerData> answers, List<ConsentData> consents, List<HistoryData> history, List<MailData> mails,
        List<ActionData> organiserActions) {

    public record RegistrationData(long id, String conference, Instant conferenceStartsAt, Instant conferenceEndsAt,
            String firstName, String lastName, String email, String organisation, String role, String language,
            Attendance attendance, RegistrationStatus status, Needs needs, String dietaryNeeds, boolean photoConsent,
            String privacyNoticeVersion, Instant privacyConsentedAt, Instant registeredAt, Instant emailConfirmedAt,
            Instant cancelledAt, Instant rejectedAt, String decisionMessage, Instant checkedInAt, String addedBy,
            Instant specialCategoriesDeletedAt, Instant specialCategoriesDeletedOn, Instant anonymisedOn) {
    }

    public record Needs(boolean wheelchair, boolean signLanguage, boolean inductionLoop, String other) {
    }

    public record BookingData(String item, Instant startsAt, Instant endsAt, BookingStatus status, Instant bookedAt) {
    }

    /** An answer to one of the organiser's questions, as the attendee read it. */
    public record AnswerData(String question, String answer) {
    }

    public record ConsentData(Consent consent, String version, boolean given, ConsentChannel channel, String language,
            Instant at) {
    }

    public record HistoryData(HistoryKind kind, String item, String by, Instant at) {
    }

    public record MailData(String subject, String recipient, String template, String status, Instant createdAt,
            Instant sentAt, String text, String html, List<String> attachments, String lastError,
            Instant bodyRemovedAt) {
    }

    public record ActionData(String action, String by, Instant at, String details) {
    }
}
