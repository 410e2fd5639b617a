package de.konferenzbuero.registration;

import java.util.List;

import de.konferenzbuero.conference.AgendaItem;

/** What a sign-up ended in. */
public sealed interface SignUpResult {

    /**
     * The conference asks for confirmed addresses (double opt-in): the submitter is told only to read their mail, the
     * same for a new and an existing registration, and sees no manage link.
     */
    boolean confirmationRequired();

    /** A new registration: confirmed, or waitlisted at {@code waitlistPosition}. */
    record Registered(Registration registration, long waitlistPosition, List<BookedItem> items)
            implements SignUpResult {

        @Override
        public boolean confirmationRequired() {
            return registration.awaitsConfirmation();
        }
    }

    /**
     * The address already holds an active registration for this conference: nothing was created, and the manage link
     * went to that address by mail.
     */
    record AlreadyRegistered(boolean confirmationRequired) implements SignUpResult {
    }

    /** One booked item and where it stands; the position is 0 unless waitlisted. */
    record BookedItem(AgendaItem item, BookingStatus status, long waitlistPosition) {
    }
}
