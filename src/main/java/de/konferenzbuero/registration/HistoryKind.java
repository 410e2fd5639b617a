package de.konferenzbuero.registration;

/** The kinds of steps in a registration's history (table registration_event). */
public enum HistoryKind {
    CONFIRMED, WAITLISTED, PROMOTED, CANCELLED, ATTENDANCE_CHANGED, ITEM_CONFIRMED, ITEM_WAITLISTED, ITEM_REQUESTED,
    ITEM_PROMOTED, ITEM_CANCELLED
}
