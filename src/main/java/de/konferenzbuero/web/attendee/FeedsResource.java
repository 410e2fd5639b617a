package de.konferenzbuero.web.attendee;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceCalendar;
import de.konferenzbuero.organisation.Organisation;

/**
 * Calendar feeds to subscribe to (RFC 5545): every public conference, an organisation's conferences (organised or
 * hosted), one conference's programme. Each answer carries an ETag and Last-Modified and may be kept five minutes;
 * a conditional request for an unchanged feed gets 304.
 */
@Path("/feeds")
@jakarta.ws.rs.Produces("text/calendar")
public class FeedsResource {

    static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";

    /**
     * Private: every answer of this app carries the CSRF cookie, which a shared cache must not hand to others (the
     * filter sets it on every GET; limiting it to the form pages would allow public caching).
     */
    private static final CacheControl FIVE_MINUTES = CacheControl.valueOf("private, max-age=300");

    private final ConferenceCalendar calendar;

    FeedsResource(ConferenceCalendar calendar) {
        this.calendar = calendar;
    }

    @GET
    @Path("/conferences.ics")
    public Response all(@Context Request request) {
        return answer(request, calendar.conferences("Konferenzbüro", Conference.listVisible()), "konferenzen.ics");
    }

    @GET
    @Path("/organisations/{slug}/conferences.ics")
    public Response organisation(@PathParam("slug") String slug, @Context Request request) {
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        List<Conference> theirs = Conference.listVisible().stream()
                .filter(c -> c.organisation.id.equals(organisation.id)
                        || c.hosts.stream().anyMatch(h -> h.id.equals(organisation.id)))
                .toList();
        return answer(request, calendar.conferences(organisation.name, theirs), slug + ".ics");
    }

    @GET
    @Path("/conferences/{slug}/agenda.ics")
    public Response agenda(@PathParam("slug") String slug, @Context Request request) {
        Conference conference = Conference.findBySlug(slug).filter(Conference::isVisible)
                .orElseThrow(NotFoundException::new);
        return answer(request, calendar.agenda(conference), slug + "-programm.ics");
    }

    private static Response answer(Request request, ConferenceCalendar.Feed feed, String fileName) {
        EntityTag tag = new EntityTag(hash(feed.text()));
        Date lastModified = feed.lastModified() == null ? null
                : Date.from(feed.lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Response.ResponseBuilder unchanged = lastModified == null ? request.evaluatePreconditions(tag)
                : request.evaluatePreconditions(lastModified, tag);
        if (unchanged != null) {
            return unchanged.tag(tag).cacheControl(FIVE_MINUTES).build();
        }
        return Response.ok(feed.text(), MEDIA_TYPE).tag(tag).lastModified(lastModified).cacheControl(FIVE_MINUTES)
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
