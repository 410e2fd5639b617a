package de.konferenzbuero.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.EventTime;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.http.ETags;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/**
 * The public feed of conferences for city apps and municipal websites: stable ids, filters, pages by cursor (start time
 * and id of the last entry, so pages stay in order while conferences are added), an ETag with 304 for an unchanged
 * page.
 */
@Path("/api/feed/conferences")
@Produces(MediaType.APPLICATION_JSON)
public class FeedApi {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /** Private: every answer carries the CSRF cookie, which a shared cache must not pass on. */
    private static final CacheControl ONE_MINUTE = CacheControl.valueOf("private, max-age=60");

    /** One conference in the feed; {@code freePlaces} per mode, null when unlimited. */
    public record Entry(long id, String slug, String title, String motto, OffsetDateTime startsAt,
            OffsetDateTime endsAt, ConferenceFormat format, String status, String city, String organisation,
            String organisationName, String region, List<String> tags, String registration,
            Map<Attendance, Integer> freePlaces, String url, String agendaCalendarUrl, OffsetDateTime updatedAt) {
    }

    /** A page of the feed; {@code next} is the cursor of the following page, null on the last. */
    public record Page(List<Entry> items, String next) {
    }

    private final Clock clock;
    private final String baseUrl;
    private final ObjectMapper json;

    FeedApi(Clock clock, AppConfig config, ObjectMapper json) {
        this.clock = clock;
        this.baseUrl = config.baseUrl();
        this.json = json;
    }

    @GET
    @Operation(summary = "Public conferences for apps and websites", description = "Published and cancelled "
            + "conferences by start, in pages. Send the ETag back as If-None-Match to get 304 while nothing changed.")
    public Response list(@Context Request request,
            @Parameter(description = "Only conferences ending on or after this day", example = "2027-01-01") @QueryParam("from") String from,
            @Parameter(description = "Only conferences starting on or before this day", example = "2027-12-31") @QueryParam("to") String to,
            @Parameter(description = "ON_SITE, ONLINE or HYBRID", example = "HYBRID") @QueryParam("format") String format,
            @Parameter(description = "The organising or hosting organisation (its slug)", example = "kts") @QueryParam("organisation") String organisation,
            @Parameter(description = "Only conferences of this region (as the organiser names it, any case)", example = "Brandenburg") @QueryParam("region") String region,
            @Parameter(description = "Only conferences with this tag (any case)", example = "ländlicher Raum") @QueryParam("tag") String tag,
            @Parameter(description = "true: only conferences with a free place in some mode", example = "true") @QueryParam("freePlaces") String freePlaces,
            @Parameter(description = "Entries per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "The next value of the page before") @QueryParam("cursor") String cursor) {
        Filter filter = Filter.of(from, to, format, organisation, region, tag, freePlaces, limit, cursor);
        List<Conference> matching = Conference
                .listVisible().stream().filter(filter::matches).sorted(Comparator
                        .comparingLong((Conference c) -> c.startsAt.getEpochSecond()).thenComparing(c -> c.id))
                .toList();
        List<Conference> page = matching.stream().filter(filter::afterCursor).limit(filter.limit() + 1L).toList();
        boolean more = page.size() > filter.limit();
        List<Conference> shown = more ? page.subList(0, filter.limit()) : page;
        Instant now = clock.instant();
        List<Entry> items = shown.stream().map(c -> entry(c, now)).toList();
        Page answer = new Page(items, more ? cursorOf(shown.get(shown.size() - 1)) : null);
        EntityTag etag = ETags.of(bytes(answer));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(etag);
        if (unchanged != null) {
            return unchanged.tag(etag).cacheControl(ONE_MINUTE).build();
        }
        return Response.ok(answer).tag(etag).cacheControl(ONE_MINUTE).build();
    }

    private Entry entry(Conference c, Instant now) {
        Map<Attendance, Integer> free = new LinkedHashMap<>();
        c.attendances().forEach(mode -> free.put(mode, c.freePlaces(mode)));
        return new Entry(c.id, c.slug, c.title, c.motto, ConferenceJson.time(c.startsAt), ConferenceJson.time(c.endsAt),
                c.format, c.status.name(), c.venue == null ? null : c.venue.city, c.organisation.slug,
                c.organisation.name, c.region, List.copyOf(c.tags), c.registrationState(now).name(), free,
                baseUrl + "/conferences/" + c.slug, baseUrl + "/feeds/conferences/" + c.slug + "/agenda.ics",
                ConferenceJson.time(c.updatedAt));
    }

    private byte[] bytes(Page page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cursorOf(Conference c) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((c.startsAt.getEpochSecond() + ":" + c.id).getBytes(StandardCharsets.UTF_8));
    }

    /** The query, checked: every refused parameter is a field problem (400). */
    record Filter(LocalDate from, LocalDate to, ConferenceFormat format, String organisation, String region, String tag,
            boolean freePlaces, int limit, Long afterSecond, Long afterId) {

        static Filter of(String from, String to, String format, String organisation, String region, String tag,
                String freePlaces, String limit, String cursor) {
            List<FieldProblem> problems = new ArrayList<>();
            LocalDate fromDay = day("from", from, problems);
            LocalDate toDay = day("to", to, problems);
            ConferenceFormat mode = null;
            if (present(format)) {
                try {
                    mode = ConferenceFormat.valueOf(format.strip());
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("format", Problem.FILTER_INVALID));
                }
            }
            boolean onlyFree = false;
            if (present(freePlaces)) {
                onlyFree = freePlaces.strip().equals("true");
                if (!onlyFree && !freePlaces.strip().equals("false")) {
                    problems.add(new FieldProblem("freePlaces", Problem.FILTER_INVALID));
                }
            }
            int size = DEFAULT_LIMIT;
            if (present(limit)) {
                try {
                    size = Integer.parseInt(limit.strip());
                    if (size < 1 || size > MAX_LIMIT) {
                        problems.add(new FieldProblem("limit", Problem.FILTER_INVALID));
                    }
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem("limit", Problem.NUMBER_INVALID));
                }
            }
            Long second = null;
            Long id = null;
            if (present(cursor)) {
                try {
                    String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
                            .split(":");
                    second = Long.parseLong(parts[0]);
                    id = Long.parseLong(parts[1]);
                } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    problems.add(new FieldProblem("cursor", Problem.FILTER_INVALID));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new Filter(fromDay, toDay, mode, present(organisation) ? organisation.strip() : null,
                    present(region) ? region : null, present(tag) ? tag : null, onlyFree, size, second, id);
        }

        boolean matches(Conference c) {
            return (from == null || !EventTime.day(c.endsAt).isBefore(from))
                    && (to == null || !EventTime.day(c.startsAt).isAfter(to)) && (format == null || c.format == format)
                    && (organisation == null || c.involves(organisation)) && (region == null || c.inRegion(region))
                    && (tag == null || c.hasTag(tag)) && (!freePlaces || !c.isCancelled() && !c.isFull());
        }

        boolean afterCursor(Conference c) {
            if (afterSecond == null) {
                return true;
            }
            long second = c.startsAt.getEpochSecond();
            return second > afterSecond || second == afterSecond && c.id > afterId;
        }

        private static LocalDate day(String field, String value, List<FieldProblem> problems) {
            if (!present(value)) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field, Problem.DATE_INVALID));
                return null;
            }
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }
}
