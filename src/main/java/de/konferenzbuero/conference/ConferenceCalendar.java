package de.konferenzbuero.conference;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.calendar.CalendarEvent;
import de.konferenzbuero.calendar.CalendarFile;
import de.konferenzbuero.calendar.CalendarOrganizer;

/**
 * The public calendars of conferences (RFC 5545 feeds that calendar programs subscribe to): conferences as entries, or
 * one conference's programme with one entry per agenda item and its room as location. UIDs stay the same for a
 * conference or item; SEQUENCE follows its versions, so every change raises it; a cancelled conference stays in the
 * feed with STATUS:CANCELLED, its items too.
 */
@ApplicationScoped
public class ConferenceCalendar {

    /** A feed's text and the last change of anything in it (null for an empty feed). */
    public record Feed(String text, Instant lastModified) {
    }

    private final String baseUrl;
    private final String host;
    private final String fallbackOrganizer;

    ConferenceCalendar(AppConfig config, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.baseUrl = config.baseUrl();
        this.host = URI.create(config.baseUrl()).getHost();
        this.fallbackOrganizer = from.replaceAll(".*<([^>]+)>.*", "$1").trim();
    }

    /** These conferences, one entry each, in a calendar of this name. */
    public Feed conferences(String name, List<Conference> conferences) {
        List<CalendarFile.FeedEntry> entries = new ArrayList<>();
        for (Conference c : conferences) {
            entries.add(new CalendarFile.FeedEntry(
                    new CalendarEvent("conference-" + c.id + "@" + host, c.startsAt, c.endsAt, c.title,
                            description(c.motto, c.audience), place(c), page(c)),
                    organizer(c), c.version, c.updatedAt, c.isCancelled()));
        }
        return feed(name, entries);
    }

    /** The programme of a conference: one entry per agenda item, in the item's room or else at the venue. */
    public Feed agenda(Conference c) {
        List<CalendarFile.FeedEntry> entries = new ArrayList<>();
        for (AgendaItem item : c.agenda.stream()
                .sorted(Comparator.comparing((AgendaItem i) -> i.startsAt).thenComparing(i -> i.id)).toList()) {
            String location = item.location != null && !item.location.isBlank()
                    ? item.location + (c.format.hasVenue() && c.venue != null ? ", " + c.venue.name : "") : place(c);
            Instant changed = item.updatedAt.isAfter(c.updatedAt) ? item.updatedAt : c.updatedAt;
            entries.add(new CalendarFile.FeedEntry(
                    new CalendarEvent("conference-" + c.id + "-item-" + item.id + "@" + host, item.startsAt,
                            item.endsAt, item.title, description(c.title, item.description), location, page(c)),
                    organizer(c), c.version + item.version, changed, c.isCancelled()));
        }
        return feed(c.title, entries);
    }

    /** Who organises the conference, as calendar entries name it: its contact, else its organisation. */
    public CalendarOrganizer organizer(Conference c) {
        if (c.contactEmail != null) {
            return new CalendarOrganizer(c.contactName != null ? c.contactName : c.organisation.name, c.contactEmail);
        }
        if (c.organisation.contactEmail != null) {
            return new CalendarOrganizer(c.organisation.name, c.organisation.contactEmail);
        }
        return new CalendarOrganizer(c.organisation.name, fallbackOrganizer);
    }

    private static Feed feed(String name, List<CalendarFile.FeedEntry> entries) {
        Instant last = entries.stream().map(CalendarFile.FeedEntry::changed).max(Comparator.naturalOrder())
                .orElse(null);
        return new Feed(CalendarFile.feed(name, entries), last);
    }

    private static String place(Conference c) {
        if (!c.format.hasVenue() || c.venue == null) {
            return "Online";
        }
        return c.venue.name + ", " + c.venue.address() + (c.format == ConferenceFormat.HYBRID ? " (auch online)" : "");
    }

    private String page(Conference c) {
        return baseUrl + "/conferences/" + c.slug;
    }

    private static String description(String first, String second) {
        return java.util.stream.Stream.of(first, second).filter(s -> s != null && !s.isBlank())
                .reduce((a, b) -> a + "\n\n" + b).orElse(null);
    }
}
