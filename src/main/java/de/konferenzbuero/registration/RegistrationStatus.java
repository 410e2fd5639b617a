package de.konferenzbuero.registration;

/** Where a registration stands for its conference. */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED;

    public boolean isActive() {
        return this != CANCELLED;
    }
}
