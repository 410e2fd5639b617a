package de.konferenzbuero.afterevent;

/** Nobody of the conference is marked as attended, so follow-up mails would tell everyone they were missed. */
public class NobodyCheckedIn extends RuntimeException {

    NobodyCheckedIn() {
        super("Nobody of this conference is marked as attended");
    }
}
