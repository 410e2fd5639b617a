package de.konferenzbuero.conference;

/** The kinds of an organiser's own question, each with its own form control and check. */
public enum QuestionKind {
    TEXT, LONG_TEXT, NUMBER, YES_NO, SINGLE_CHOICE, MULTIPLE_CHOICE, DATE, PHONE, COUNTRY, EMAIL,
    /** A checkbox with the organiser's own text; the answer stores the text agreed to. */
    CONSENT;

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** Whether other questions may be shown depending on this one's answer. */
    public boolean canBeCondition() {
        return this == YES_NO || hasOptions();
    }
}
