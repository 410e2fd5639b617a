package de.konferenzbuero.registration;

/** The kinds of steps in a registration's history (table registration_event). */
public enum HistoryKind {
    CONFIRMED, WAITLISTED, PROMOTED,
    /** An organiser confirmed the registration ahead of the waitlist. */
    PROMOTED_OUT_OF_ORDER, CANCELLED, ATTENDANCE_CHANGED, ITEM_CONFIRMED, ITEM_WAITLISTED, ITEM_REQUESTED,
    ITEM_PROMOTED,
    /** An organiser confirmed the booking ahead of the item's waitlist. */
    ITEM_PROMOTED_OUT_OF_ORDER, ITEM_CANCELLED,
    /** Released because the booking that replaces it in a swap got its place. */
    ITEM_RELEASED,
    /** Two attendees waiting to swap into each other's places got them, in one step. */
    ITEM_EXCHANGED,
    /** The attendee confirmed their address by the link in the mail (double opt-in). */
    ADDRESS_CONFIRMED,
    /** Cancelled because the address was not confirmed in time: the held place went to the next in line. */
    HOLD_EXPIRED,
    /** Offered a freed place from the waitlist, held until accepted, declined or expired. */
    OFFERED,
    /** The attendee accepted the offered place: it is theirs. */
    OFFER_ACCEPTED,
    /** The attendee declined the offered place: the registration ended, the place went on. */
    OFFER_DECLINED,
    /** Cancelled because the offered place was not accepted in time: it went to the next in line. */
    OFFER_EXPIRED,
    /** The attendee asked for a new manage link; the one before stopped working. */
    LINK_RENEWED,
    /** Registered at a conference that approves sign-ups: waits for the organisers' decision, holding no place. */
    PENDING,
    /** The organisers approved the sign-up; the next step records the place or waitlist number it got. */
    APPROVED,
    /** The organisers rejected the sign-up; it held nothing, so nothing was handed on. */
    REJECTED,
    /** A freed place of the item offered to this waiting booking, held until accepted, declined or expired. */
    ITEM_OFFERED,
    /** The attendee accepted the offered place of the item. */
    ITEM_OFFER_ACCEPTED,
    /** The attendee declined the offered place of the item: the booking ended, the place went on. */
    ITEM_OFFER_DECLINED,
    /** The offered place of the item was not accepted in time: the booking ended, the place went on. */
    ITEM_OFFER_EXPIRED
}
