package de.konferenzbuero.conference;

/** Whether a conference takes sign-ups at a given moment, and if not, why not. */
public enum RegistrationState {
    NOT_YET_OPEN, OPEN, CLOSED, CANCELLED, NOT_PUBLISHED;

    public boolean isOpen() {
        return this == OPEN;
    }
}
