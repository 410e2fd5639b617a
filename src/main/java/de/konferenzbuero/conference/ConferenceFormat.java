package de.konferenzbuero.conference;

/** How attendees take part. Hybrid conferences offer both modes, each with its own capacity. */
public enum ConferenceFormat {
    ON_SITE, ONLINE, HYBRID;

    public boolean hasVenue() {
        return this != ONLINE;
    }

    public boolean offers(Attendance attendance) {
        return switch (this) {
        case ON_SITE -> attendance == Attendance.ON_SITE;
        case ONLINE -> attendance == Attendance.ONLINE;
        case HYBRID -> true;
        };
    }
}
