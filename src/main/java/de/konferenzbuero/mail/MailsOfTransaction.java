package de.konferenzbuero.mail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.transaction.TransactionScoped;

import de.konferenzbuero.registration.RegistrationNotice;

/**
 * The notice mails stored by the current transaction, by registration. A later notice for the same registration adds
 * its kinds to the earlier ones, and the one mail is rendered again from the registration as it is now: an attendee
 * gets one mail per transaction, about the heaviest change and mentioning the others, never an out-of-date one.
 */
@TransactionScoped
class MailsOfTransaction implements java.io.Serializable {

    private record Sent(long mailId, RegistrationNotice notice) implements java.io.Serializable {
    }

    private final Map<Long, Sent> byRegistration = new HashMap<>();

    /** This notice together with what the transaction noticed before for the same registration. */
    RegistrationNotice merged(RegistrationNotice notice) {
        Sent earlier = byRegistration.get(notice.registration().id);
        if (earlier == null) {
            return notice;
        }
        Set<RegistrationNotice.Kind> kinds = EnumSet.copyOf(earlier.notice().kinds());
        kinds.addAll(notice.kinds());
        List<RegistrationNotice.Release> released = new ArrayList<>(earlier.notice().released());
        notice.released().stream().filter(r -> !released.contains(r)).forEach(released::add);
        return new RegistrationNotice(kinds, notice.registration(), released);
    }

    /** Remembers the mail of this (merged) notice and returns the id of the one it replaces, if any. */
    Long replace(RegistrationNotice notice, long mailId) {
        Sent earlier = byRegistration.put(notice.registration().id, new Sent(mailId, notice));
        return earlier == null ? null : earlier.mailId();
    }
}
