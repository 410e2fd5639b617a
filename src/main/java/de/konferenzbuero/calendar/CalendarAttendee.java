package de.konferenzbuero.calendar;

import java.util.Objects;

/**
 * The registered person, shown as ATTENDEE ({@code mailto:}). The address must be the one the mail goes to: calendar
 * programs only offer to add an invitation when they find their own user among the attendees.
 *
 * @param name
 *            optional
 * @param email
 *            required
 */
public record CalendarAttendee(String name, String email) {

    public CalendarAttendee {
        Objects.requireNonNull(email, "email");
        if (email.isBlank()) {
            throw new IllegalArgumentException("email must not be blank");
        }
    }
}
