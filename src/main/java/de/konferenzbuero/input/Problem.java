package de.konferenzbuero.input;

/**
 * Why an input was refused. Pages show the text next to the field, the API lists it per field; the texts live in the
 * message bundle ({@code problem_<NAME>}).
 */
public enum Problem {
    REQUIRED, TOO_LONG, EMAIL_INVALID, CONSENT_REQUIRED, ATTENDANCE_NOT_OFFERED, ITEM_UNKNOWN, ITEM_OVERLAP,
    ATTENDANCE_FULL, STALE_FORM, PASSWORD_TOO_SHORT, EMAIL_TAKEN, END_BEFORE_START, SLUG_INVALID, SLUG_TAKEN,
    VENUE_REQUIRED, CAPACITY_REQUIRED, CAPACITY_BELOW_CONFIRMED, WINDOW_INVALID, EDITED_BY_SOMEONE_ELSE, DATE_INVALID,
    ITEM_HAS_BOOKINGS
}
