package de.konferenzbuero.conference;

/** What sort of programme point an agenda item is. */
public enum AgendaItemKind {
    WELCOME, KEYNOTE, TALK, PANEL, WORKSHOP, EXCURSION, MARKETPLACE, NETWORKING, BREAK, CLOSING
}
