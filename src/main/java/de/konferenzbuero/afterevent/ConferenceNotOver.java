package de.konferenzbuero.afterevent;

/** What belongs after the event was asked for before its end. */
public class ConferenceNotOver extends RuntimeException {

    ConferenceNotOver() {
        super("The conference is not over yet");
    }
}
