package de.konferenzbuero.registration;

import de.konferenzbuero.conference.RegistrationState;

/** Thrown when a conference takes no sign-ups or changes now (not published, not open, cancelled, over). */
public class RegistrationClosed extends RuntimeException {

    private final RegistrationState state;

    public RegistrationClosed(RegistrationState state) {
        super("Registration is not open: " + state);
        this.state = state;
    }

    public RegistrationState state() {
        return state;
    }
}
