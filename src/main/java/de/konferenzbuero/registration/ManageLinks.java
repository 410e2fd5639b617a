package de.konferenzbuero.registration;

import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.limits.Limit;
import de.konferenzbuero.limits.RateLimiter;
import de.konferenzbuero.runtime.DatabaseOutage;

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

    /**
     * Looks for the registration of a lost link and mails it after the answer: nothing the request waits for depends on
     * whether the address is registered. No context is carried over, each task opens its own transaction.
     */
    private ManagedExecutor afterAnswer;

    ManageLinks(RateLimiter limiter, History history, Event<RegistrationNotice> noticeEvent) {
        this.limiter = limiter;
        this.history = history;
        this.noticeEvent = noticeEvent;
    }

    @PostConstruct
    void start() {
        afterAnswer = ManagedExecutor.builder().maxAsync(2).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
    }

    @PreDestroy
    void stop() {
        afterAnswer.shutdown();
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
     * again. The caller answers the same whether or not it has one, so nobody learns who is registered: neither from
     * the answer nor from its timing, as the registration is looked up and mailed only after this returns (a request
     * lost to a crash in between is asked for again).
     *
     * @throws InvalidInput
     *             when the address is not one
     */
    public void sendByAddress(String slug, String address) {
        String email = EmailAddresses.required("email", address);
        long conferenceId = Conference.findBySlug(slug).filter(Conference::isVisible)
                .orElseThrow(() -> new UnknownConference(slug)).id;
        afterAnswer.execute(() -> {
            try {
                DatabaseOutage.tolerate("Link request",
                        () -> QuarkusTransaction.requiringNew().run(() -> mailIfRegistered(conferenceId, email)));
            } catch (RuntimeException e) {
                Log.errorf(e, "A lost link for conference %d could not be sent", conferenceId);
            }
        });
    }

    private void mailIfRegistered(long conferenceId, String email) {
        Conference conference = Conference.findById(conferenceId);
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
