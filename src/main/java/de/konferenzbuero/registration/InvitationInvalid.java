package de.konferenzbuero.registration;

/** No invitation has this secret, or it was revoked or used up: it lets nobody register (any more). */
public class InvitationInvalid extends RuntimeException {

    public InvitationInvalid() {
        super("The invitation is unknown, revoked or used up");
    }
}
