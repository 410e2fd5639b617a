package de.konferenzbuero.organisation;

/** A link to set a new password that is unknown, used or expired. */
public class UnknownResetLink extends RuntimeException {

    public UnknownResetLink() {
        super("unknown, used or expired password reset link", null, false, false);
    }
}
