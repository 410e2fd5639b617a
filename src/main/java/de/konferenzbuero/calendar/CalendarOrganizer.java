package de.konferenzbuero.calendar;

import java.util.Objects;

/**
 * Who runs the event, shown as ORGANIZER ({@code mailto:}). Calendar programs send replies there, and some show the
 * name as the sender of the invitation.
 *
 * @param name
 *            optional, e.g. the organisation's name
 * @param email
 *            required
 */
public record CalendarOrganizer(String name, String email) {

    public CalendarOrganizer {
        Objects.requireNonNull(email, "email");
        if (email.isBlank()) {
            throw new IllegalArgumentException("email must not be blank");
        }
    }
}
