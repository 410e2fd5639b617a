package de.konferenzbuero.registration;

/** Where a booking of a workshop, excursion or evening event stands. */
public enum BookingStatus {
    CONFIRMED, WAITLISTED,
    /** Wished for by someone still on the conference's waitlist; decided when they move up. */
    REQUESTED, CANCELLED;

    public boolean isActive() {
        return this != CANCELLED;
    }
}
