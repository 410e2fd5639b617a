package de.konferenzbuero.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;

import de.konferenzbuero.AppConfig;

/**
 * Public answers that are the same for every visitor, kept rendered in memory (Caffeine): the catalogue, the conference
 * page, the public JSON of a conference. A stored answer is used while
 * <ul>
 * <li>the content stamp it was rendered at (see {@code conference.ContentStamps}: every row the answer is made of,
 * places included) is still the database's, checked at most {@code konferenzbuero.public-pages-checked-after} (1 s)
 * after the last check, so a change by any instance shows on every instance within that time, and no message has to be
 * sent or can be lost;</li>
 * <li>no turning point of its conferences (registration opens or closes, the conference starts or ends) has passed
 * since it was rendered.</li>
 * </ul>
 * The visitor's CSRF token is never stored: the stored page holds a placeholder where it was, filled in for each
 * visitor. The ETag is known before the body is built, so a 304 costs neither rendering nor copying.
 */
@ApplicationScoped
public class PageCache {

    /** Where the visitor's token goes; a control character no rendered text can hold (see input/Text). */
    private static final String TOKEN = "\u0000csrf\u0000";

    /** What a page is rendered into, with the moments after which it would be rendered differently. */
    public record Rendered(String body, List<Instant> turningPoints) {
    }

    private record Stored(String body, MediaType type, byte[] digest, String stamp, List<Instant> turningPoints,
            long phase, long checkedAt) {

        Stored checked(long at) {
            return new Stored(body, type, digest, stamp, turningPoints, phase, at);
        }
    }

    private static final CacheControl SHARED = CacheControl.valueOf("no-cache");

    private final CaffeineCache cache;
    private final CsrfTokenParameterProvider csrf;
    private final Clock clock;
    private final long checkAfterNanos;

    PageCache(@CacheName("public-pages") Cache cache, CsrfTokenParameterProvider csrf, Clock clock, AppConfig config) {
        this.cache = cache.as(CaffeineCache.class);
        this.csrf = csrf;
        this.clock = clock;
        this.checkAfterNanos = config.publicPagesCheckedAfter().toNanos();
    }

    /**
     * A page as the answer to a GET: 304 when the client's {@code If-None-Match} names its tag, else 200. Private, as
     * it carries the visitor's CSRF token.
     *
     * @param key
     *            everything the page depends on besides the database and the visitor's token: its path, language
     * @param stamp
     *            reads the content stamp of what the page shows
     * @param render
     *            renders it from the database; called only when the stored page is missing or out of date
     */
    public Response page(Request request, String key, Supplier<String> stamp, Supplier<Rendered> render) {
        return answer(request, key, ETags.HTML, csrf.getToken(), ETags.REVALIDATE, stamp, render);
    }

    /** Like {@link #page}, for JSON: the same for everybody, so any cache may keep it while it revalidates. */
    public Response json(Request request, String key, Supplier<String> stamp, Supplier<Rendered> render) {
        return answer(request, key, ETags.JSON, null, SHARED, stamp, render);
    }

    private Response answer(Request request, String key, MediaType type, String token, CacheControl cache,
            Supplier<String> stamp, Supplier<Rendered> render) {
        Stored page = current(key, type, token, stamp, render);
        EntityTag tag = tag(page.digest(), token);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged == null) {
            String body = token == null ? page.body() : page.body().replace(TOKEN, token);
            unchanged = Response.ok(body.getBytes(StandardCharsets.UTF_8), page.type());
        }
        return unchanged.tag(tag).cacheControl(cache).build();
    }

    private Stored current(String key, MediaType type, String token, Supplier<String> stamp,
            Supplier<Rendered> render) {
        long now = System.nanoTime();
        CompletableFuture<Stored> stored = cache.getIfPresent(key);
        Stored page = stored == null ? null : stored.getNow(null);
        if (page != null && page.phase() != phase(page.turningPoints(), clock.instant())) {
            page = null;
        }
        String current = null;
        if (page != null && now - page.checkedAt() >= checkAfterNanos) {
            current = stamp.get();
            page = page.stamp().equals(current) ? page.checked(now) : null;
            if (page != null) {
                cache.put(key, CompletableFuture.completedFuture(page));
            }
        }
        if (page == null) {
            // The stamp and the time are taken before rendering: a change while rendering gives another stamp at the
            // next check, and a turning point passed while rendering another phase.
            String before = current != null ? current : stamp.get();
            Instant renderedAt = clock.instant();
            Rendered rendered = render.get();
            String body = token == null ? rendered.body() : rendered.body().replace(token, TOKEN);
            page = new Stored(body, type, ETags.sha256(body.getBytes(StandardCharsets.UTF_8)), before,
                    List.copyOf(rendered.turningPoints()), phase(rendered.turningPoints(), renderedAt), now);
            cache.put(key, CompletableFuture.completedFuture(page));
        }
        return page;
    }

    /** How many turning points have passed: a stored page is used only in the phase it was rendered in. */
    private static long phase(List<Instant> turningPoints, Instant at) {
        return turningPoints.stream().filter(t -> !t.isAfter(at)).count();
    }

    /** The page's tag for this visitor: equal pages and tokens give equal tags, on every instance. */
    private static EntityTag tag(byte[] digest, String token) {
        if (token == null) {
            return new EntityTag(HexFormat.of().formatHex(digest, 0, 16));
        }
        byte[] visitor = Arrays.copyOf(digest, digest.length + token.length());
        System.arraycopy(token.getBytes(StandardCharsets.US_ASCII), 0, visitor, digest.length, token.length());
        return ETags.of(visitor);
    }
}
