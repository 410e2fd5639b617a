package de.konferenzbuero.registration;

/** No visible conference has this slug. */
public class UnknownConference extends RuntimeException {

    public UnknownConference(String slug) {
        super("No conference " + slug);
    }
}
