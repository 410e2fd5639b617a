package de.konferenzbuero.privacy;

/**
 * Erasing at once was asked for a registration that still holds a place or waits for one in a conference not over yet:
 * it must be cancelled first, so that the place goes to the next person by the one capacity rule.
 */
public class NotErasable extends RuntimeException {

    public NotErasable() {
        super(null, null, false, false);
    }
}
