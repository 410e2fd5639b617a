package de.konferenzbuero.conference;

/** How one attendee takes part in a conference. */
public enum Attendance {
    ON_SITE, ONLINE
}
