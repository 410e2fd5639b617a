package de.konferenzbuero.registration;

/** Where a registration stands for its conference. */
public enum RegistrationStatus {
    /**
     * Waits for the organisers' approval (conferences that approve each sign-up): holds no place and no waitlist
     * number; its items and chosen options are only wished for.
     */
    PENDING, CONFIRMED, WAITLISTED, CANCELLED;

    public boolean isActive() {
        return this != CANCELLED;
    }
}
