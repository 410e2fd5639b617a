package de.konferenzbuero.registration;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what registrations went through, for {@code /q/metrics}: sign-ups by outcome once their transaction committed,
 * and waitlist promotions and cancellations from the notices of committed transactions (a rolled-back change counts as
 * nothing). A sign-up's own notices are not counted: its mail is prepared as a confirmation before the place is
 * decided.
 */
@ApplicationScoped
public class RegistrationMetrics {

    private final Map<RegistrationNotice.Kind, Counter> byKind = new EnumMap<>(RegistrationNotice.Kind.class);
    private final Counter confirmed;
    private final Counter waitlisted;
    private final Counter pending;
    private final Counter already;
    private final Counter invalid;
    private final Counter closed;

    RegistrationMetrics(MeterRegistry registry) {
        confirmed = signUps(registry, "confirmed");
        waitlisted = signUps(registry, "waitlisted");
        pending = signUps(registry, "pending");
        already = signUps(registry, "already_registered");
        byKind.put(RegistrationNotice.Kind.PROMOTED, promotions(registry, "conference"));
        byKind.put(RegistrationNotice.Kind.ITEM_PROMOTED, promotions(registry, "item"));
        byKind.put(RegistrationNotice.Kind.CANCELLED, Counter.builder("konferenzbuero.cancellations")
                .description("Registrations cancelled by their attendees or organisers").register(registry));
        invalid = signUps(registry, "invalid");
        closed = signUps(registry, "closed");
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistrationNotice notice) {
        notice.kinds().forEach(kind -> {
            Counter counter = byKind.get(kind);
            if (counter != null) {
                counter.increment();
            }
        });
    }

    /** A sign-up whose transaction committed. */
    void signedUp(SignUpResult result) {
        if (result instanceof SignUpResult.Registered registered) {
            (switch (registered.registration().status) {
            case CONFIRMED -> confirmed;
            case PENDING -> pending;
            default -> waitlisted;
            }).increment();
        } else {
            already.increment();
        }
    }

    /** A sign-up refused for its input (400). */
    void refusedInvalid() {
        invalid.increment();
    }

    /** A sign-up refused because the conference takes none now (409). */
    void refusedClosed() {
        closed.increment();
    }

    private static Counter signUps(MeterRegistry registry, String outcome) {
        return Counter.builder("konferenzbuero.signups").tag("outcome", outcome)
                .description("Sign-ups by outcome: confirmed, waitlisted, already_registered, invalid, closed")
                .register(registry);
    }

    private static Counter promotions(MeterRegistry registry, String place) {
        return Counter.builder("konferenzbuero.waitlist.promotions").tag("place", place)
                .description("Waitlist entries that got a place, of the conference or of an item").register(registry);
    }
}
