package de.konferenzbuero.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * ETags of answers: the first 16 bytes of the body's SHA-256, so an equal body gives an equal tag, on every instance.
 */
public final class ETags {

    public static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    public static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private ETags() {
    }

    /** Public pages: the browser asks again every time and gets 304 while the page is the same for it. */
    public static final CacheControl REVALIDATE = CacheControl.valueOf("private, no-cache");

    /**
     * A page as the answer to a GET: 304 without a body when the client's {@code If-None-Match} names its tag, else 200
     * with it. Private, since every page carries the visitor's CSRF cookie and token.
     */
    public static Response page(Request request, String html) {
        return answer(request, html.getBytes(StandardCharsets.UTF_8), HTML, REVALIDATE);
    }

    /** A body as the answer to a GET, with its tag: 304 when the client has it already. */
    public static Response answer(Request request, byte[] body, MediaType type, CacheControl cache) {
        EntityTag tag = of(body);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(body, type)).tag(tag).cacheControl(cache).build();
    }

    public static EntityTag of(byte[] body) {
        return new EntityTag(HexFormat.of().formatHex(sha256(body), 0, 16));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
