package de.konferenzbuero.registration;

import java.util.List;

import de.konferenzbuero.conference.AgendaItem;

/** What a sign-up ended in. */
public sealed interface SignUpResult {

    /** A new registration: confirmed, or waitlisted at {@code waitlistPosition}. */
    record Registered(Registration registration, long waitlistPosition, List<BookedItem> items)
            implements SignUpResult {
    }

    /**
     * The address already holds an active registration for this conference: nothing was created, and the manage link
     * went to that address by mail.
     */
    record AlreadyRegistered() implements SignUpResult {
    }

    /** One booked item and where it stands; the position is 0 unless waitlisted. */
    record BookedItem(AgendaItem item, BookingStatus status, long waitlistPosition) {
    }
}
