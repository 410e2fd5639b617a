package de.konferenzbuero.registration;

/** What an attendee agrees to; the consent log records each one given or withdrawn. */
public enum Consent {
    /** The privacy notice of the version in force; required to register. */
    PRIVACY_NOTICE,
    /** Photos and film at the event; optional, withdrawn on the manage page at any time. */
    PHOTOS
}
