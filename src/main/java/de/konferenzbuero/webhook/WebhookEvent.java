package de.konferenzbuero.webhook;

import java.util.Arrays;

/** The events a receiver can subscribe to, with their names on the wire (the {@code type} of the body). */
public enum WebhookEvent {
    /** A new registration was stored (its status says where it stands). */
    REGISTRATION_CREATED("registration.created"),
    /**
     * The registration holds a place for sure: right at sign-up, or once its address is confirmed or it is approved.
     */
    REGISTRATION_CONFIRMED("registration.confirmed"),
    /** The registration is on the waitlist, for sure (as above). */
    REGISTRATION_WAITLISTED("registration.waitlisted"),
    /** The registration moved up from the waitlist to a place (or accepted the place offered to it). */
    REGISTRATION_PROMOTED("registration.promoted"),
    /**
     * The registration ended: cancelled, rejected, not confirmed or not accepted in time, or the conference cancelled.
     */
    REGISTRATION_CANCELLED("registration.cancelled"),
    /** The conference or its programme changed, or it was published. */
    CONFERENCE_CHANGED("conference.changed"),
    /** The organisers cancelled the conference. */
    CONFERENCE_CANCELLED("conference.cancelled"),
    /** Sent by the "send test event" button only, to the one receiver; never subscribed to. */
    TEST("webhook.test");

    private final String wire;

    WebhookEvent(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The events an organiser can choose. */
    public static java.util.List<WebhookEvent> subscribable() {
        return Arrays.stream(values()).filter(e -> e != TEST).toList();
    }

    static WebhookEvent fromWire(String wire) {
        return Arrays.stream(values()).filter(e -> e.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown webhook event " + wire));
    }
}
