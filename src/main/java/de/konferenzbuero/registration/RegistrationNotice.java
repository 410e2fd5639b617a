package de.konferenzbuero.registration;

/**
 * Something happened to a registration that its attendee must be told about by mail. Fired as a synchronous CDI event
 * inside the transaction that made the change, so the mail is stored with it.
 */
public record RegistrationNotice(Kind kind, Registration registration) {

    /** In rising weight: when several happen to one registration in one transaction, the heaviest is sent. */
    public enum Kind {
        /** A waitlisted booking of a workshop or excursion got a place. */
        ITEM_PROMOTED,
        /** The attendee changed items or attendance mode. */
        CHANGED,
        /** The organisers changed the time or place of an item the attendee booked. */
        AGENDA_CHANGED,
        /** Moved up from the conference's waitlist. */
        PROMOTED,
        /** Someone tried to register again with the same address: the manage link, nothing else. */
        ALREADY_REGISTERED,
        /** Registered and got a place. */
        CONFIRMED,
        /** Registered and put on the waitlist. */
        WAITLISTED, CANCELLED,
        /** The organisers cancelled the whole conference. */
        CONFERENCE_CANCELLED
    }
}
