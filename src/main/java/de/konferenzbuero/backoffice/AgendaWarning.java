package de.konferenzbuero.backoffice;

import de.konferenzbuero.conference.AgendaItem;

/** Something in the agenda the organiser should look at; saving is still allowed. */
public record AgendaWarning(Kind kind, AgendaItem item, AgendaItem other, String detail) {

    public enum Kind {
        /** Two items at overlapping times in the same room. */
        ROOM_DOUBLE_BOOKED,
        /** One speaker in two items at overlapping times. */
        SPEAKER_DOUBLE_BOOKED,
        /** The item is on a day outside the conference. */
        OUTSIDE_CONFERENCE_DAYS
    }
}
