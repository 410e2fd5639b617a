package de.konferenzbuero.afterevent;

/** The registration gets no certificate (yet): it did not attend, or the conference is not over. */
public class NoCertificate extends RuntimeException {

    NoCertificate() {
        super("No certificate of attendance for this registration");
    }
}
