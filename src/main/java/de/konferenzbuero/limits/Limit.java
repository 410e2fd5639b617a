package de.konferenzbuero.limits;

/** What is limited, and by what key: a client address or a target e-mail address. */
public enum Limit {
    /** Sign-ups from one client address, over the form and the API. */
    SIGN_UP,
    /** "Already registered" mails to one address. */
    MAIL_TO_ADDRESS,
    /** Login attempts from one client address. */
    LOGIN
}
