package de.konferenzbuero.registration;

/** Thrown when a cancelled registration is to be changed: nothing can be changed any more (sign up again instead). */
public class RegistrationCancelled extends RuntimeException {

    public RegistrationCancelled() {
        super("The registration is cancelled");
    }
}
