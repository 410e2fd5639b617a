package de.konferenzbuero.web.attendee;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.RawString;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.EventTime;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.Venue;

/**
 * The schema.org {@code Event} of a conference page as JSON-LD, for search engines and apps that read pages: dates,
 * status, attendance mode, the venue as {@code Place} with {@code PostalAddress} or the online part as
 * {@code VirtualLocation}, the organiser, a free {@code Offer} with its availability and the agenda as
 * {@code subEvent}s. Templates write it with {@code {inject:eventData.of(conference)}} into a
 * {@code <script type="application/ld+json">}, which is data, not code (the CSP allows no inline script).
 */
@ApplicationScoped
@Named("eventData")
public class EventData {

    private static final String SCHEMA = "https://schema.org/";

    /** Under this many free places, the offer is "limited availability". */
    static final int FEW_PLACES = 10;

    private final ObjectMapper json;
    private final String baseUrl;

    EventData(ObjectMapper json, AppConfig config) {
        this.json = json;
        this.baseUrl = config.baseUrl();
    }

    /** The JSON-LD text, safe inside a script element (no "<", ">" or "&" as such). */
    public RawString of(Conference c) {
        try {
            String text = json.writeValueAsString(event(c));
            return new RawString(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> event(Conference c) {
        String page = baseUrl + "/conferences/" + c.slug;
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@context", "https://schema.org");
        event.put("@type", "Event");
        event.put("@id", page);
        event.put("name", c.title);
        if (c.motto != null || c.description != null) {
            event.put("description", c.motto != null ? c.motto : c.description);
        }
        event.put("url", page);
        event.put("inLanguage", "de");
        event.put("startDate", time(c.startsAt));
        event.put("endDate", time(c.endsAt));
        event.put("eventStatus", SCHEMA + (c.isCancelled() ? "EventCancelled" : "EventScheduled"));
        event.put("eventAttendanceMode", SCHEMA + switch (c.format) {
        case ON_SITE -> "OfflineEventAttendanceMode";
        case ONLINE -> "OnlineEventAttendanceMode";
        case HYBRID -> "MixedEventAttendanceMode";
        });
        event.put("location", locations(c, page));
        Map<String, Object> organizer = new LinkedHashMap<>();
        organizer.put("@type", "Organization");
        organizer.put("name", c.organisation.name);
        if (c.organisation.website != null) {
            organizer.put("url", c.organisation.website);
        }
        event.put("organizer", organizer);
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@type", "Offer");
        offer.put("price", 0);
        offer.put("priceCurrency", "EUR");
        offer.put("availability", SCHEMA + availability(c));
        offer.put("url", page);
        if (c.registrationOpensAt != null) {
            offer.put("validFrom", time(c.registrationOpensAt));
        }
        event.put("offers", offer);
        List<Map<String, Object>> subEvents = new ArrayList<>();
        for (AgendaItem item : c.agenda.stream()
                .sorted(java.util.Comparator.comparing((AgendaItem i) -> i.startsAt).thenComparing(i -> i.id))
                .toList()) {
            Map<String, Object> sub = new LinkedHashMap<>();
            sub.put("@type", "Event");
            sub.put("name", item.title);
            sub.put("startDate", time(item.startsAt));
            sub.put("endDate", time(item.endsAt));
            sub.put("eventStatus", event.get("eventStatus"));
            sub.put("eventAttendanceMode", event.get("eventAttendanceMode"));
            sub.put("location", item.location != null && !item.location.isBlank()
                    ? Map.of("@type", "Place", "name", item.location) : event.get("location"));
            subEvents.add(sub);
        }
        if (!subEvents.isEmpty()) {
            event.put("subEvent", subEvents);
        }
        return event;
    }

    private static List<Map<String, Object>> locations(Conference c, String page) {
        List<Map<String, Object>> locations = new ArrayList<>();
        if (c.format.hasVenue() && c.venue != null) {
            Venue v = c.venue;
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            if (v.street != null) {
                address.put("streetAddress", v.street);
            }
            if (v.postalCode != null) {
                address.put("postalCode", v.postalCode);
            }
            address.put("addressLocality", v.city);
            address.put("addressCountry", "DE");
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            place.put("name", v.name);
            place.put("address", address);
            locations.add(place);
        }
        if (c.format != ConferenceFormat.ON_SITE) {
            // the access link goes to confirmed attendees only: the public one is the page
            locations.add(Map.of("@type", "VirtualLocation", "url", page));
        }
        return locations;
    }

    /** SoldOut when no mode has a free place, LimitedAvailability under {@link #FEW_PLACES}, else InStock. */
    private static String availability(Conference c) {
        if (c.isFull()) {
            return "SoldOut";
        }
        boolean few = c.attendances().stream().map(c::freePlaces).allMatch(free -> free != null && free < FEW_PLACES);
        return few ? "LimitedAvailability" : "InStock";
    }

    private static String time(Instant instant) {
        return EventTime.local(instant).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
