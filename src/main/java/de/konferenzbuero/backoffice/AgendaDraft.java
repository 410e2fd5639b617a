package de.konferenzbuero.backoffice;

import java.time.Instant;
import java.util.List;

import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Speaker;

/**
 * An agenda item as an organiser enters it; {@code version} is the one the organiser saw (null when new);
 * {@code attendance} limits a bookable item to one mode (null: every mode the conference offers).
 */
public record AgendaDraft(Instant startsAt, Instant endsAt, String title, String description, AgendaItemKind kind,
        String location, boolean bookable, Integer capacity, List<Speaker> speakers, Integer version,
        Attendance attendance) {
}
