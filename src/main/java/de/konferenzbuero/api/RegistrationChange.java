package de.konferenzbuero.api;

import java.util.List;

import de.konferenzbuero.conference.Attendance;

/** A PATCH of a registration: either field may be left out to keep it as it is. */
public record RegistrationChange(List<Long> items, Attendance attendance) {
}
