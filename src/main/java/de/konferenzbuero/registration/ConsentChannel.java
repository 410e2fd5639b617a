package de.konferenzbuero.registration;

/** Where a consent was given or withdrawn. */
public enum ConsentChannel {
    /** The sign-up form on the conference page. */
    FORM,
    /** The public JSON API. */
    API,
    /** An organiser who entered or edited the registration. */
    ORGANISER,
    /** The attendee's manage page. */
    MANAGE_PAGE,
    /**
     * A group sign-up (form or API): a colleague registered them and declared that they were told about the privacy
     * notice.
     */
    GROUP
}
