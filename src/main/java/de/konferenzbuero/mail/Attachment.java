package de.konferenzbuero.mail;

/** A text attachment of a mail, such as a calendar file. */
public record Attachment(String name, String contentType, String content) {
}
