package de.konferenzbuero.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An attachment of a mail: text such as a calendar file, or binary such as an image (stored as base64). An attachment
 * with a {@code contentId} is shown inside the HTML part ({@code <img src="cid:...">}).
 */
public record Attachment(String name, String contentType, String content, boolean base64, String contentId) {

    public Attachment(String name, String contentType, String content) {
        this(name, contentType, content, false, null);
    }

    /** An image shown inside the HTML part under {@code cid:<contentId>}. */
    public static Attachment inlineImage(String name, String contentType, byte[] bytes, String contentId) {
        return new Attachment(name, contentType, Base64.getEncoder().encodeToString(bytes), true, contentId);
    }

    public byte[] bytes() {
        return base64 ? Base64.getDecoder().decode(content) : content.getBytes(StandardCharsets.UTF_8);
    }
}
