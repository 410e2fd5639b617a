package de.konferenzbuero.registration;

import java.util.List;
import java.util.Set;

import de.konferenzbuero.conference.AgendaItem;

/**
 * What happened to a registration that its attendee must be told about by mail: every kind of change one action made to
 * it, and the items an organiser's change released. Fired as a synchronous CDI event inside the transaction that made
 * the change, so the mail is stored with it; the mail is about the heaviest kind and mentions the others.
 */
public record RegistrationNotice(Set<Kind> kinds, Registration registration, List<Release> released) {

    /** A booked item an organiser's change took from the attendee, and why. */
    public record Release(AgendaItem item, Reason reason) {
    }

    public enum Reason {
        /** After a move it overlapped another booking of the attendee, booked earlier. */
        OVERLAP,
        /** The item was removed from the programme or is no longer bookable. */
        WITHDRAWN
    }

    /** In rising weight: the heaviest kind decides which mail is sent. */
    public enum Kind {
        /**
         * The address was not confirmed in time and the registration ended: never mailed (the address may belong to
         * someone who never signed up), but receivers of events are told.
         */
        HOLD_EXPIRED,
        /**
         * A new registration was stored (fired with CONFIRMED, PENDING or WAITLISTED; it never decides the mail): for
         * receivers of events that tell a new registration from a changed one.
         */
        SIGNED_UP,
        /** The attendee confirmed their address (with the kind of where they stand; it never decides the mail). */
        ADDRESS_CONFIRMED,
        /** The attendee changed items or attendance mode. */
        CHANGED,
        /** The organisers changed the time or place of an item the attendee booked. */
        AGENDA_CHANGED,
        /**
         * An organiser's change took a booked item from the attendee: it overlapped an earlier booking after a move, or
         * the item is no longer offered.
         */
        ITEM_RELEASED,
        /** A place of an item or option offered to the attendee was not accepted in time and went to the next. */
        ITEM_OFFER_EXPIRED,
        /** A waitlisted booking of a workshop or excursion got a place: outweighs the changes that made it free. */
        ITEM_PROMOTED,
        /** A freed place of an item or option the attendee waits for is offered to them, to accept or decline. */
        ITEM_OFFERED,
        /** Moved up from the conference's waitlist. */
        PROMOTED,
        /** Offered a freed place from the waitlist, to accept or decline before the offer ends. */
        OFFERED,
        /** The attendee asked for their manage link again, with the address (it is unchanged). */
        YOUR_LINK,
        /** The attendee asked for a new manage link; the one before no longer works. */
        NEW_LINK,
        /** Someone tried to register again with the same address: the manage link, nothing else. */
        ALREADY_REGISTERED,
        /** Registered and got a place. */
        CONFIRMED,
        /**
         * Registered at a conference that approves sign-ups: waits for the organisers' decision (outweighs the mail of
         * a place, which a sign-up prepares before its decision).
         */
        PENDING,
        /** Registered and put on the waitlist. */
        WAITLISTED,
        /** The organisers approved the sign-up: it got a place or joined the waitlist. */
        APPROVED,
        /** The organisers rejected the sign-up; the registration ended. */
        REJECTED, CANCELLED,
        /** The offered place was not accepted in time; the registration ended. */
        OFFER_EXPIRED,
        /** The organisers cancelled the whole conference. */
        CONFERENCE_CANCELLED
    }

    public RegistrationNotice {
        kinds = Set.copyOf(kinds);
        released = List.copyOf(released);
    }

    /** The kind the mail is about. */
    public Kind kind() {
        return kinds.stream().max(Enum::compareTo).orElseThrow();
    }
}
