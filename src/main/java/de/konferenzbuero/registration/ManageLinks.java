package de.konferenzbuero.registration;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.limits.Limit;
import de.konferenzbuero.limits.RateLimiter;

/**
 * The manage link by mail. Lost (asked for with the address on the conference page): the link is sent again, unchanged,
 * so a stranger who knows the address cannot make it stop working. Passed on (asked for on the manage page, with the
 * link): the secret is replaced, so the old link stops working at once, also in earlier mails, and the new one is only
 * in the mail to the registration's address. Either mail at most {@code mails-per-address} times a window.
 */
@ApplicationScoped
public class ManageLinks {

    private final RateLimiter limiter;
    private final History history;
    private final Event<RegistrationNotice> noticeEvent;

    ManageLinks(RateLimiter limiter, History history, Event<RegistrationNotice> noticeEvent) {
        this.limiter = limiter;
        this.history = history;
        this.noticeEvent = noticeEvent;
    }

    /**
     * From the manage page: the link in use is replaced.
     *
     * @throws RegistrationCancelled
     *             when the registration has ended
     *
     * @throws de.konferenzbuero.limits.TooManyRequests
     *             when this address was sent its limit of mails in the window
     */
    @Transactional
    public Registration renew(String secret) {
        if (!ManageSecret.looksValid(secret)) {
            throw new UnknownRegistration();
        }
        Registration registration = Registration.findBySecret(secret).orElseThrow(UnknownRegistration::new);
        if (!registration.isActive()) {
            throw new RegistrationCancelled();
        }
        limiter.check(Limit.MAIL_TO_ADDRESS, registration.email);
        replace(registration);
        return registration;
    }

    /**
     * From the conference page: if the address has an active registration for the conference, its link is mailed to it
     * again. The caller answers the same whether or not it has one, so nobody learns who is registered.
     *
     * @throws InvalidInput
     *             when the address is not one
     */
    @Transactional
    public void sendByAddress(String slug, String address) {
        String email = EmailAddresses.required("email", address);
        Conference conference = Conference.findBySlug(slug).filter(Conference::isVisible)
                .orElseThrow(() -> new UnknownConference(slug));
        Optional<Registration> registration = Registration.findActive(conference, email);
        if (registration.isEmpty()) {
            return;
        }
        if (limiter.allows(Limit.MAIL_TO_ADDRESS, email)) {
            Notices notices = new Notices();
            notices.add(RegistrationNotice.Kind.YOUR_LINK, registration.get());
            notices.fire(noticeEvent);
        } else {
            Log.infof("Link asked for again for registration %d: no further mail to its address this window",
                    registration.get().id);
        }
    }

    private void replace(Registration registration) {
        registration.newManageSecret();
        history.record(registration, HistoryKind.LINK_RENEWED, RegistrationService.ATTENDEE);
        Notices notices = new Notices();
        notices.add(RegistrationNotice.Kind.NEW_LINK, registration);
        notices.fire(noticeEvent);
    }
}
