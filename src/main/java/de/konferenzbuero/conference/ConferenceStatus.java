package de.konferenzbuero.conference;

/** Only published and cancelled conferences are visible to the public. */
public enum ConferenceStatus {
    DRAFT, PUBLISHED, CANCELLED
}
