package de.konferenzbuero.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database stores about attendees, column by column: the one classification that the export, the
 * anonymisation, the record of processing and the schema test ({@code PersonalDataTest}) rely on. Tables that hold no
 * attendee data are listed as a whole in {@link #OTHER_TABLES}; every column of every other table is classified here,
 * so a new column or table fails the test until it is.
 */
public final class PersonalData {

    /** How a column is treated. */
    public enum Kind {
        /** Names or describes the person: in the export; removed when the registration is anonymised. */
        PERSONAL,
        /** Special categories (Art. 9 GDPR: health-related and dietary needs): also deleted right after the event. */
        SPECIAL,
        /** An access code (manage link, check-in code): not in the export (the attendee holds it); removed. */
        SECRET,
        /** Process and statistics (status, mode, times, counts): kept after anonymisation, names nobody. */
        KEPT,
        /** The organiser or staff member who acted: the audit trail of the operator's own staff. */
        STAFF
    }

    /**
     * A classified column, and where the export shows it: a JSON pointer into the export (an array is given by its
     * first element), or null when it is not exported (secrets, bookkeeping).
     */
    public record Column(String table, String name, Kind kind, String exportedAs) {

        public boolean personal() {
            return kind == Kind.PERSONAL || kind == Kind.SPECIAL;
        }
    }

    /** Tables without attendee data: conferences, agenda, organisations, organiser accounts, scheduling. */
    public static final Set<String> OTHER_TABLES = Set.of("organisation", "conference", "conference_host",
            "agenda_item", "agenda_item_speaker", "agenda_item_document", "certificate_signature", "conference_tag",
            "question", "question_option", "contingent", "organiser", "organiser_membership", "organiser_session",
            "api_token", "scheduled_job", "webhook_endpoint", "webhook_attempt", "flyway_schema_history");

    private static final Map<String, Column> COLUMNS = new LinkedHashMap<>();

    static {
        String r = "registration";
        kept(r, "id", "conference_id", "attendance", "status", "waitlist_seq", "created_at", "updated_at",
                "cancelled_at", "change_count", "version", "reminder_sent_at", "checked_in_at", "hold_expires_at",
                "offer_expires_at", "email_confirmed_at", "privacy_policy_version", "privacy_consented_at",
                "special_deleted_at", "anonymised_at", "rejected_at", "by_group", "invitation_id", "contingent_id",
                "follow_up_sent_at", "certificate_issued_at");
        personal(r, "first_name", "/registration/firstName");
        personal(r, "last_name", "/registration/lastName");
        personal(r, "email", "/registration/email");
        personal(r, "organisation", "/registration/organisation");
        personal(r, "role", "/registration/role");
        personal(r, "locale", "/registration/language");
        personal(r, "photo_consent", "/registration/photoConsent");
        personal(r, "decision_message", "/registration/decisionMessage");
        special(r, "needs_wheelchair", "/registration/needs/wheelchair");
        special(r, "needs_sign_language", "/registration/needs/signLanguage");
        special(r, "needs_induction_loop", "/registration/needs/inductionLoop");
        special(r, "needs_other", "/registration/needs/other");
        special(r, "dietary_needs", "/registration/dietaryNeeds");
        // The certificate's code shows the name to whoever has the certificate (its public check).
        secret(r, "manage_secret", "manage_secret_hash", "manage_secret_sealed", "checkin_code", "certificate_code");
        staff(r, "checked_in_by", "added_by");

        kept("session_booking", "id", "registration_id", "agenda_item_id", "status", "waitlist_seq", "created_at",
                "updated_at", "starts_at", "ends_at", "offer_expires_at");
        // A chosen option is kept like the mode (a count); a typed answer may name anyone and is removed.
        kept("answer", "id", "registration_id", "question_id", "option_id", "status", "waitlist_seq",
                "offer_expires_at");
        personal("answer", "value", "/answers/0/answer");
        kept("booking_swap", "pending_booking_id", "replaced_booking_id");
        kept("registration_event", "id", "registration_id", "agenda_item_id", "kind", "at");
        staff("registration_event", "actor");
        kept("consent_record", "id", "registration_id", "consent", "version", "given", "channel", "locale", "at");

        String o = "outbox_message";
        kept(o, "id", "message_id", "registration_id", "template", "locale", "subject", "status", "attempts",
                "next_attempt_at", "locked_until", "created_at", "sent_at", "body_removed_at");
        personal(o, "recipient", "/mails/0/recipient");
        personal(o, "html", "/mails/0/html");
        personal(o, "text", "/mails/0/text");
        personal(o, "attachments", "/mails/0/attachments");
        personal(o, "last_error", "/mails/0/lastError");
        staff(o, "reply_to");

        kept("audit_log", "id", "at", "conference_id", "subject", "subject_id", "action");
        staff("audit_log", "actor");
        // Names in the details of entries about a registration or its mails (e.g. "checked in: Anna Beispiel").
        personal("audit_log", "details", "/organiserActions/0/details");

        // Invitations name a group, not a person; a personal one keeps only a SHA-256 of the invited address (like the
        // rate limit keys): it finds nobody without the address itself, which is in the invitation mail only.
        kept("invitation", "id", "conference_id", "contingent_id", "label", "email_hash", "max_uses", "uses",
                "created_at", "revoked_at");
        secret("invitation", "token_hash");
        staff("invitation", "created_by");

        // Webhook bodies name nobody: ids, states and links, read through the organiser API by the organisation itself.
        kept("webhook_delivery", "id", "endpoint_id", "event_id", "event_type", "conference_id", "registration_id",
                "payload", "status", "attempts", "next_attempt_at", "locked_until", "last_status", "last_error",
                "created_at", "delivered_at");

        // The survey: which registrations answered, and answers that point to nobody (a random id, no time, no
        // registration; item ratings apart from the answer); the form asks not to name anyone in the free text, which
        // is emptied with the conference's retention (Retention) all the same.
        kept("feedback_given", "registration_id");
        kept("feedback_answer", "id", "conference_id", "overall", "comment");
        kept("feedback_rating", "id", "agenda_item_id", "rating");

        // Counters of the rate limits: the key is a SHA-256 of the client or target address, gone after its window.
        kept("rate_limit", "bucket", "window_start", "hits");
    }

    private PersonalData() {
    }

    public static List<Column> columns() {
        return List.copyOf(COLUMNS.values());
    }

    public static List<Column> personalColumns() {
        return COLUMNS.values().stream().filter(Column::personal).toList();
    }

    private static void kept(String table, String... names) {
        for (String name : names) {
            add(new Column(table, name, Kind.KEPT, null));
        }
    }

    private static void staff(String table, String... names) {
        for (String name : names) {
            add(new Column(table, name, Kind.STAFF, null));
        }
    }

    private static void secret(String table, String... names) {
        for (String name : names) {
            add(new Column(table, name, Kind.SECRET, null));
        }
    }

    private static void personal(String table, String name, String exportedAs) {
        add(new Column(table, name, Kind.PERSONAL, exportedAs));
    }

    private static void special(String table, String name, String exportedAs) {
        add(new Column(table, name, Kind.SPECIAL, exportedAs));
    }

    private static void add(Column column) {
        COLUMNS.put(column.table() + "." + column.name(), column);
    }
}
