package de.konferenzbuero.mail;

/** PENDING until sent; DEAD after the configured number of failed attempts (shown to organisers). */
public enum OutboxStatus {
    PENDING, SENT, DEAD
}
