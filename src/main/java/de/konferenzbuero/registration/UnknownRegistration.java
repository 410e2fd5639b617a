package de.konferenzbuero.registration;

/** No registration has this manage secret. */
public class UnknownRegistration extends RuntimeException {

    public UnknownRegistration() {
        super("No registration for this link");
    }
}
