package de.konferenzbuero.afterevent;

/** The survey takes no answer from this registration (now): not begun, closed, or the place was not theirs. */
public class SurveyClosed extends RuntimeException {

    SurveyClosed() {
        super("The survey takes no answer from this registration");
    }
}
