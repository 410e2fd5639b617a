package de.konferenzbuero.input;

/**
 * Why an input was refused. Pages show the text next to the field, the API lists it per field; the texts live in the
 * message bundle ({@code problem_<NAME>}).
 */
public enum Problem {
    REQUIRED, TOO_LONG, EMAIL_INVALID, CONSENT_REQUIRED, ATTENDANCE_NOT_OFFERED, ITEM_UNKNOWN, ITEM_OVERLAP,
    ATTENDANCE_FULL, STALE_FORM, PASSWORD_TOO_SHORT, EMAIL_TAKEN, END_BEFORE_START, SLUG_INVALID, SLUG_TAKEN,
    VENUE_REQUIRED, CAPACITY_REQUIRED, CAPACITY_BELOW_CONFIRMED, WINDOW_INVALID, EDITED_BY_SOMEONE_ELSE, DATE_INVALID,
    ITEM_HAS_BOOKINGS, ITEM_NOT_FOR_MODE, MODE_IN_USE, WINDOW_AFTER_END, CHARACTERS_NOT_ALLOWED, CONFIRM_WITHIN_RANGE,
    RETENTION_RANGE, OFFER_HOURS_RANGE, URL_INVALID, PASSWORD_WRONG, PASSWORDS_DIFFER, ANSWER_NOT_OFFERED,
    NUMBER_INVALID, PHONE_INVALID, CONDITION_INVALID, QUESTION_IN_USE, NOTHING_SELECTED, GROUP_TOO_LARGE, EMAIL_TWICE,
    CONTINGENT_TOO_LARGE, INVITATION_OTHER_ADDRESS,
    /** A filter or page mark of a feed that is not one of its values. */
    FILTER_INVALID,
    /** A webhook receiver must be an https address that resolves to public addresses only. */
    WEBHOOK_URL,
    /** A site that may embed the list must be an https origin without path (at most ten). */
    EMBED_SITE,
    /** The hours after the end when follow-up mails go out: 1 to 720, or empty. */
    FOLLOW_UP_HOURS_RANGE,
    /** An image to upload must be a PNG or JPEG file of at most 200 KB. */
    IMAGE_INVALID
}
