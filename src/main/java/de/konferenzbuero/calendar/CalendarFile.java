package de.konferenzbuero.calendar;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import de.konferenzbuero.EventTime;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Calendar files (RFC 5545) for the attendee: iTIP requests and cancellations (RFC 5546) for the mails, a published
 * copy for the download on the manage page. Times are written in Europe/Berlin with its VTIMEZONE, text is escaped and
 * lines are folded at 75 octets with CRLF endings.
 * <p>
 * One file may carry several events (the conference and the booked items), each with its own UID. Calendar programs
 * handle an invitation best when it carries one UID: Outlook, for one, offers only the first of several. Where every
 * entry must reach every program, build one request (and one cancellation) per event.
 * <p>
 * Nothing here touches the network: the time zone is written from the rules below, never fetched (see also
 * {@code ical4j.properties}).
 */
public final class CalendarFile {

    /** For a request: as mail part or attachment, calendar programs offer to add the entries. */
    public static final String MEDIA_TYPE_REQUEST = "text/calendar; charset=UTF-8; method=REQUEST";

    /** For a cancellation: calendar programs offer to remove the entries. */
    public static final String MEDIA_TYPE_CANCEL = "text/calendar; charset=UTF-8; method=CANCEL";

    /** For a plain download: the entries are imported, without invitation. */
    public static final String MEDIA_TYPE_PUBLISH = "text/calendar; charset=UTF-8; method=PUBLISH";

    public static final String PRODUCT_ID = "-//Konferenzbüro//Konferenzbüro//DE";

    private static final ZoneId ZONE = EventTime.ZONE;

    private static final int MAX_LINE_OCTETS = 75;

    static {
        // ical4j 4.2.1 creates its date formatters lazily and without synchronisation: parallel first uses can see a
        // half-built formatter ("Unsupported field: YearOfEra", a 500 on a fresh instance's first parallel sign-ups).
        // Formatting each kind once here, in class initialisation (which the JVM runs once, before any other use),
        // builds them safely.
        new DtStamp(Instant.EPOCH);
        new DtStart<>(Instant.EPOCH.atZone(ZONE));
        new DtEnd<>(Instant.EPOCH.atZone(ZONE));
    }

    private CalendarFile() {
    }

    /**
     * METHOD:REQUEST with one VEVENT per event, all CONFIRMED with the given SEQUENCE and the attendee as accepted
     * participant who need not reply. Send it again with a higher SEQUENCE when times or places change.
     */
    public static String request(CalendarOrganizer organizer, CalendarAttendee attendee, int sequence,
            List<CalendarEvent> events) {
        Objects.requireNonNull(attendee, "attendee");
        return build(ImmutableMethod.REQUEST, ImmutableStatus.VEVENT_CONFIRMED, organizer, attendee, sequence, events);
    }

    /**
     * METHOD:CANCEL for entries sent before: the same UIDs with STATUS:CANCELLED and a SEQUENCE raised above the last
     * request's (so at least 1), so calendar programs remove them.
     */
    public static String cancel(CalendarOrganizer organizer, CalendarAttendee attendee, int sequence,
            List<CalendarEvent> events) {
        Objects.requireNonNull(attendee, "attendee");
        if (sequence < 1) {
            throw new IllegalArgumentException("a cancellation needs a raised sequence, got " + sequence);
        }
        return build(ImmutableMethod.CANCEL, ImmutableStatus.VEVENT_CANCELLED, organizer, attendee, sequence, events);
    }

    /**
     * METHOD:PUBLISH for the download link: the same entries (same UIDs, so an import updates what a request added),
     * without attendee, since RFC 5546 forbids one in a published event.
     */
    public static String publish(CalendarOrganizer organizer, int sequence, List<CalendarEvent> events) {
        return build(ImmutableMethod.PUBLISH, ImmutableStatus.VEVENT_CONFIRMED, organizer, null, sequence, events);
    }

    private static String build(Method method, Status status, CalendarOrganizer organizer, CalendarAttendee attendee,
            int sequence, List<CalendarEvent> events) {
        Objects.requireNonNull(organizer, "organizer");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, got " + sequence);
        }
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("a calendar file needs at least one event");
        }
        Set<String> uids = new HashSet<>();
        for (CalendarEvent event : events) {
            if (!uids.add(event.uid())) {
                throw new IllegalArgumentException("UID " + event.uid() + " occurs twice");
            }
        }
        Calendar calendar = calendar(method);
        Instant stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (CalendarEvent event : events) {
            calendar.add(vevent(event, sequence, stamp, status, organizer, attendee, method));
        }
        return fold(calendar.toString());
    }

    /**
     * One entry of a published feed (a subscribed calendar): its own SEQUENCE (raised with every change), the time of
     * its last change (DTSTAMP) and whether it is cancelled (STATUS:CANCELLED, kept in the feed so that subscribers see
     * it).
     */
    public record FeedEntry(CalendarEvent event, CalendarOrganizer organizer, int sequence, Instant changed,
            boolean cancelled) {
    }

    /**
     * METHOD:PUBLISH with one VEVENT per entry, under a calendar name calendar programs show for the subscription. The
     * text depends on the entries alone (no current time), so equal entries give an equal file and an equal ETag.
     */
    public static String feed(String name, List<FeedEntry> entries) {
        Set<String> uids = new HashSet<>();
        Calendar calendar = calendar(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", text(name)));
        for (FeedEntry entry : entries) {
            if (!uids.add(entry.event().uid())) {
                throw new IllegalArgumentException("UID " + entry.event().uid() + " occurs twice");
            }
            calendar.add(vevent(entry.event(), entry.sequence(), entry.changed().truncatedTo(ChronoUnit.SECONDS),
                    entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED,
                    entry.organizer(), null, ImmutableMethod.PUBLISH));
        }
        return fold(calendar.toString());
    }

    private static Calendar calendar(Method method) {
        Calendar calendar = new Calendar();
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(berlin());
        return calendar;
    }

    private static VEvent vevent(CalendarEvent event, int sequence, Instant stamp, Status status,
            CalendarOrganizer organizer, CalendarAttendee attendee, Method method) {
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(event.uid()));
        vevent.add(new Sequence(sequence));
        vevent.add(new DtStamp(stamp));
        vevent.add(new DtStart<>(event.start().atZone(ZONE)));
        vevent.add(new DtEnd<>(event.end().atZone(ZONE)));
        vevent.add(new Summary(text(event.summary())));
        if (present(event.description())) {
            vevent.add(new Description(text(event.description())));
        }
        if (present(event.location())) {
            vevent.add(new Location(text(event.location())));
        }
        if (present(event.url())) {
            vevent.add(new Url(URI.create(event.url().strip())));
        }
        vevent.add(new Organizer(new ParameterList(named(organizer.name())), mailto(organizer.email())));
        if (attendee != null) {
            vevent.add(attendee(attendee, method == ImmutableMethod.REQUEST));
        }
        vevent.add(status);
        return vevent;
    }

    /**
     * The registered person as required participant. In a request also ACCEPTED without RSVP: the registration is made
     * already, so calendar programs need not ask for a reply.
     */
    private static Attendee attendee(CalendarAttendee attendee, boolean accepted) {
        List<Parameter> parameters = named(attendee.name());
        parameters.add(Role.REQ_PARTICIPANT);
        if (accepted) {
            parameters.add(PartStat.ACCEPTED);
            parameters.add(Rsvp.FALSE);
        }
        return new Attendee(new ParameterList(parameters), mailto(attendee.email()));
    }

    /**
     * Europe/Berlin as observed since 1996: CEST from the last Sunday in March, 02:00, to the last Sunday in October,
     * 03:00. This two-rule form is the one Google and Outlook write themselves and every client reads; ical4j's bundled
     * definition would carry the zone's history since 1893 and a TZURL. A test checks it against the JDK's rules.
     */
    private static VTimeZone berlin() {
        ZoneOffset winter = ZoneOffset.ofHours(1);
        ZoneOffset summer = ZoneOffset.ofHours(2);
        Daylight daylight = new Daylight();
        observance(daylight, "CEST", winter, summer, LocalDateTime.of(1970, 3, 29, 2, 0), 3);
        Standard standard = new Standard();
        observance(standard, "CET", summer, winter, LocalDateTime.of(1970, 10, 25, 3, 0), 10);
        VTimeZone zone = new VTimeZone(new ComponentList<Observance>(List.of(daylight, standard)));
        zone.add(new TzId(ZONE.getId()));
        return zone;
    }

    private static void observance(Observance observance, String name, ZoneOffset from, ZoneOffset to,
            LocalDateTime first, int month) {
        observance.add(new TzName(name));
        observance.add(new TzOffsetFrom(from));
        observance.add(new TzOffsetTo(to));
        observance.add(new DtStart<>(first));
        observance.add(new RRule<>("FREQ=YEARLY;BYMONTH=" + month + ";BYDAY=-1SU"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * TEXT allows no control characters but tab; every kind of line break becomes LF, which ical4j escapes as
     * {@code \n} (as it escapes backslash, comma and semicolon).
     */
    private static String text(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
    }

    /**
     * CN=... when there is a name. A parameter value cannot hold double quotes or line breaks; ical4j would write them
     * as RFC 6868 carets, which Outlook shows as they are, so they become single quotes and spaces.
     */
    private static List<Parameter> named(String name) {
        List<Parameter> parameters = new ArrayList<>();
        if (present(name)) {
            parameters.add(new Cn(name.replace('"', '\'').replaceAll("\\p{Cntrl}+", " ").strip()));
        }
        return parameters;
    }

    private static URI mailto(String email) {
        try {
            return new URI("mailto", email.strip(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a mail address: " + email, e);
        }
    }

    /**
     * Folds each content line at 75 octets of UTF-8 (RFC 5545, 3.1), never inside a character; ical4j's own folding
     * counts chars, so a line of umlauts would grow to 146 octets. Every line ends with CRLF.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length();) {
                int codePoint = line.codePointAt(i);
                int size = utf8Length(codePoint);
                if (octets + size > MAX_LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
