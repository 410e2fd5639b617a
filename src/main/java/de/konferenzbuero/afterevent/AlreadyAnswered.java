package de.konferenzbuero.afterevent;

/** This registration has answered the survey before: each answers once. */
public class AlreadyAnswered extends RuntimeException {

    AlreadyAnswered() {
        super("This registration has answered the survey");
    }
}
