package de.konferenzbuero.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.ws.rs.core.EntityTag;

/** The ETag of an answer's body: the first 16 bytes of its SHA-256, so an equal body gives an equal tag. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(byte[] body) {
        try {
            return new EntityTag(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
