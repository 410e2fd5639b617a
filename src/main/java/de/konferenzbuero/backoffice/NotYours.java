package de.konferenzbuero.backoffice;

/** The conference, item or registration does not exist, or belongs to an organisation the organiser is not in. */
public class NotYours extends RuntimeException {

    public NotYours() {
        super("Not found");
    }
}
