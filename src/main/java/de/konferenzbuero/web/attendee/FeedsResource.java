package de.konferenzbuero.web.attendee;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceCalendar;
import de.konferenzbuero.http.ETags;
import de.konferenzbuero.organisation.Organisation;

/**
 * Calendar feeds to subscribe to (RFC 5545): every public conference, an organisation's conferences (organised or
 * hosted), one conference's programme; and the conferences as an Atom feed for news readers. Each answer carries an
 * ETag and Last-Modified and may be kept five minutes; a conditional request for an unchanged feed gets 304.
 */
@Path("/feeds")
@Produces("text/calendar")
public class FeedsResource {

    static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";

    /**
     * Private: every answer of this app carries the CSRF cookie, which a shared cache must not hand to others (the
     * filter sets it on every GET; limiting it to the form pages would allow public caching).
     */
    private static final CacheControl FIVE_MINUTES = CacheControl.valueOf("private, max-age=300");

    private final ConferenceCalendar calendar;
    private final String baseUrl;

    FeedsResource(ConferenceCalendar calendar, de.konferenzbuero.AppConfig config) {
        this.calendar = calendar;
        this.baseUrl = config.baseUrl();
    }

    /** Every public conference; with {@code ?region=} or {@code ?tag=} (any case) only those of a region or tag. */
    @GET
    @Path("/conferences.ics")
    public Response all(@QueryParam("region") String region, @QueryParam("tag") String tag, @Context Request request) {
        boolean byRegion = region != null && !region.isBlank();
        boolean byTag = tag != null && !tag.isBlank();
        List<Conference> selected = Conference.listVisible().stream()
                .filter(c -> (!byRegion || c.inRegion(region)) && (!byTag || c.hasTag(tag))).toList();
        String name = "Konferenzbüro" + (byRegion ? " – " + region.strip() : "") + (byTag ? " – " + tag.strip() : "");
        return answer(request, calendar.conferences(name, selected), "konferenzen.ics");
    }

    @GET
    @Path("/organisations/{slug}/conferences.ics")
    public Response organisation(@PathParam("slug") String slug, @Context Request request) {
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        List<Conference> theirs = Conference.listVisible().stream().filter(c -> c.involves(slug)).toList();
        return answer(request, calendar.conferences(organisation.name, theirs), slug + ".ics");
    }

    @GET
    @Path("/conferences/{slug}/agenda.ics")
    public Response agenda(@PathParam("slug") String slug, @Context Request request) {
        Conference conference = Conference.findBySlug(slug).filter(Conference::isVisible)
                .orElseThrow(NotFoundException::new);
        return answer(request, calendar.agenda(conference), slug + "-programm.ics");
    }

    /** The same conferences as an Atom feed for news readers, the most recently changed first. */
    @GET
    @Path("/conferences.atom")
    @Produces("application/atom+xml")
    public Response atom(@Context Request request) {
        List<Conference> conferences = Conference.listVisible().stream()
                .sorted(java.util.Comparator.comparing((Conference c) -> c.updatedAt).reversed()).toList();
        java.time.Instant updated = conferences.isEmpty() ? java.time.Instant.EPOCH : conferences.get(0).updatedAt;
        String host = java.net.URI.create(baseUrl).getHost();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">\n");
        xml.append("  <id>tag:").append(host).append(",2026:conferences</id>\n");
        xml.append("  <title>Konferenzbüro – Veranstaltungen</title>\n");
        xml.append("  <updated>").append(atomTime(updated)).append("</updated>\n");
        xml.append("  <link rel=\"self\" href=\"").append(baseUrl).append("/feeds/conferences.atom\"/>\n");
        xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(baseUrl).append("/\"/>\n");
        for (Conference c : conferences) {
            String page = baseUrl + "/conferences/" + c.slug;
            String summary = de.konferenzbuero.EventTime.shortDate(c.startsAt, java.util.Locale.GERMAN)
                    + (c.venue != null && c.format.hasVenue() ? ", " + c.venue.city : ", online")
                    + (c.isCancelled() ? " – abgesagt" : "") + (c.motto != null ? ": " + c.motto : "");
            xml.append("  <entry>\n");
            xml.append("    <id>tag:").append(host).append(",2026:conference-").append(c.id).append("</id>\n");
            xml.append("    <title>").append(escape(c.title)).append("</title>\n");
            xml.append("    <updated>").append(atomTime(c.updatedAt)).append("</updated>\n");
            xml.append("    <author><name>").append(escape(c.organisation.name)).append("</name></author>\n");
            xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(page).append("\"/>\n");
            xml.append("    <summary>").append(escape(summary)).append("</summary>\n");
            xml.append("  </entry>\n");
        }
        xml.append("</feed>\n");
        return answer(request, new ConferenceCalendar.Feed(xml.toString(), conferences.isEmpty() ? null : updated),
                "application/atom+xml; charset=UTF-8", null);
    }

    private static String atomTime(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Response answer(Request request, ConferenceCalendar.Feed feed, String fileName) {
        return answer(request, feed, MEDIA_TYPE, fileName);
    }

    private static Response answer(Request request, ConferenceCalendar.Feed feed, String mediaType, String fileName) {
        EntityTag tag = ETags.of(feed.text().getBytes(StandardCharsets.UTF_8));
        Date lastModified = feed.lastModified() == null ? null
                : Date.from(feed.lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        // the ETag alone decides: a feed can change without a newer entry (one left it, an organisation was renamed),
        // so a request with only If-Modified-Since gets the whole feed; Last-Modified is for information
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).cacheControl(FIVE_MINUTES).build();
        }
        Response.ResponseBuilder ok = Response.ok(feed.text(), mediaType).tag(tag).lastModified(lastModified)
                .cacheControl(FIVE_MINUTES);
        return (fileName == null ? ok : ok.header("Content-Disposition", "inline; filename=\"" + fileName + "\""))
                .build();
    }
}
