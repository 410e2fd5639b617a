package de.konferenzbuero.mail;

import java.util.HashMap;
import java.util.Map;

import jakarta.transaction.TransactionScoped;

/**
 * The notice mails stored by the current transaction, by registration: a later notice for the same registration
 * replaces the earlier mail, so an attendee gets one mail per change, telling how it ended.
 */
@TransactionScoped
class MailsOfTransaction implements java.io.Serializable {

    private final Map<Long, Long> mailByRegistration = new HashMap<>();

    /** Remembers the new mail and returns the id of the one it replaces, if any. */
    Long replace(long registrationId, long mailId) {
        return mailByRegistration.put(registrationId, mailId);
    }
}
