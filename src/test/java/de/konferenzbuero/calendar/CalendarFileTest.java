package de.konferenzbuero.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyListAccessor;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.util.Configurator;

/** Calendar files are read back with ical4j's parser and checked value by value. */
class CalendarFileTest {

    static final CalendarOrganizer ORGANIZER = new CalendarOrganizer("Stadt Bad Belzig, Kulturamt",
            "kultur@bad-belzig.example");

    static final CalendarAttendee ATTENDEE = new CalendarAttendee("Jürgen Müller", "juergen.mueller@example.org");

    /** 10:00–17:00 in Berlin in winter (CET, UTC+1). */
    static final CalendarEvent WINTER = new CalendarEvent("registration-42-conference@konferenzbuero.example",
            Instant.parse("2027-02-11T09:00:00Z"), Instant.parse("2027-02-11T16:00:00Z"), "Fachtag Jugendarbeit",
            "Ihre Anmeldung verwalten: https://konferenzbuero.example/anmeldung/abc", "Rathaus, Großer Saal",
            "https://konferenzbuero.example/konferenzen/fachtag");

    /** 10:00–12:30 in Berlin in summer (CEST, UTC+2). */
    static final CalendarEvent SUMMER = new CalendarEvent("registration-42-item-7@konferenzbuero.example",
            Instant.parse("2027-05-11T08:00:00Z"), Instant.parse("2027-05-11T10:30:00Z"),
            "Workshop: Wasser, Wald; Wiese", "Zeile 1\nZeile 2", "Haus B; Raum 2.01", null);

    @Test
    void requestHasMethodTimeZoneAndOneEventPerItem() throws Exception {
        Calendar calendar = parse(CalendarFile.request(ORGANIZER, ATTENDEE, 0, List.of(WINTER, SUMMER)));

        assertThat(value(calendar, "METHOD")).isEqualTo("REQUEST");
        assertThat(value(calendar, "VERSION")).isEqualTo("2.0");
        assertThat(value(calendar, "PRODID")).isEqualTo("-//Konferenzbüro//Konferenzbüro//DE");
        assertThat(value(calendar, "CALSCALE")).isEqualTo("GREGORIAN");
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).singleElement().satisfies(zone -> assertThat(value(zone, "TZID")).isEqualTo("Europe/Berlin"));
        assertThat(events(calendar)).extracting(event -> value(event, "UID")).containsExactly(WINTER.uid(),
                SUMMER.uid());
        assertThat(events(calendar)).extracting(event -> value(event, "SUMMARY"))
                .containsExactly("Fachtag Jugendarbeit", "Workshop: Wasser, Wald; Wiese");
    }

    @Test
    void timesAreWrittenInBerlinTimeWithTheirTimeZone() throws Exception {
        String ics = CalendarFile.request(ORGANIZER, ATTENDEE, 0, List.of(WINTER, SUMMER));

        assertThat(unfold(ics)).contains("DTSTART;TZID=Europe/Berlin:20270211T100000\r\n",
                "DTEND;TZID=Europe/Berlin:20270211T170000\r\n", "DTSTART;TZID=Europe/Berlin:20270511T100000\r\n",
                "DTEND;TZID=Europe/Berlin:20270511T123000\r\n");
        // The parser resolves TZID with the VTIMEZONE in the file, so this checks the written zone too.
        List<VEvent> events = events(parse(ics));
        assertThat(start(events.get(0))).isEqualTo(Instant.parse("2027-02-11T09:00:00Z"));
        assertThat(end(events.get(0))).isEqualTo(Instant.parse("2027-02-11T16:00:00Z"));
        assertThat(start(events.get(1))).isEqualTo(Instant.parse("2027-05-11T08:00:00Z"));
        assertThat(end(events.get(1))).isEqualTo(Instant.parse("2027-05-11T10:30:00Z"));
    }

    @Test
    void timeZoneAgreesWithTheJdkOnEveryChangeUntil2040() throws Exception {
        // The zone ical4j builds from the VTIMEZONE in the file, as a calendar program would.
        VEvent event = events(parse(CalendarFile.request(ORGANIZER, ATTENDEE, 0, List.of(WINTER)))).get(0);
        ZoneRules written = ((ZonedDateTime) event.getStartDate().orElseThrow().getDate()).getZone().getRules();
        ZoneRules berlin = ZoneId.of("Europe/Berlin").getRules();

        int changes = 0;
        ZoneOffsetTransition change = berlin.nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        while (change != null && change.getInstant().isBefore(Instant.parse("2041-01-01T00:00:00Z"))) {
            for (long seconds : new long[] { -1, 0, 1, 3600, 12 * 3600 }) {
                Instant probe = change.getInstant().plusSeconds(seconds);
                assertThat(written.getOffset(probe)).as("offset at %s", probe).isEqualTo(berlin.getOffset(probe));
            }
            changes++;
            change = berlin.nextTransition(change.getInstant());
        }
        assertThat(changes).as("two changes a year, 2026 to 2040").isEqualTo(30);
    }

    @Test
    void keepsUidSequenceAndStampsInUtc() throws Exception {
        Instant before = Instant.now();
        String ics = CalendarFile.request(ORGANIZER, ATTENDEE, 3, List.of(WINTER, SUMMER));

        assertThat(unfold(ics)).contains("UID:registration-42-conference@konferenzbuero.example\r\n");
        for (VEvent event : events(parse(ics))) {
            assertThat(value(event, "SEQUENCE")).isEqualTo("3");
            assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
            assertThat(value(event, "DTSTAMP")).matches("\\d{8}T\\d{6}Z");
            assertThat(event.getDateStamp().orElseThrow().getDate()).isCloseTo(before, within(1, ChronoUnit.MINUTES));
        }
    }

    @Test
    void namesOrganizerAndAcceptedAttendee() throws Exception {
        String ics = CalendarFile.request(ORGANIZER, ATTENDEE, 0, List.of(WINTER));
        VEvent event = events(parse(ics)).get(0);

        Property organizer = event.getProperty("ORGANIZER").orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:kultur@bad-belzig.example");
        assertThat(parameter(organizer, "CN")).contains("Stadt Bad Belzig, Kulturamt");
        assertThat(unfold(ics))
                .contains("ORGANIZER;CN=\"Stadt Bad Belzig, Kulturamt\":mailto:kultur@bad-belzig.example\r\n");

        Property attendee = event.getProperty("ATTENDEE").orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:juergen.mueller@example.org");
        assertThat(parameter(attendee, "CN")).contains("Jürgen Müller");
        assertThat(parameter(attendee, "ROLE")).contains("REQ-PARTICIPANT");
        assertThat(parameter(attendee, "PARTSTAT")).contains("ACCEPTED");
        assertThat(parameter(attendee, "RSVP")).contains("FALSE");
    }

    @Test
    void escapesCommasSemicolonsBackslashesAndLineBreaks() throws Exception {
        CalendarEvent tricky = new CalendarEvent("tricky@konferenzbuero.example", WINTER.start(), WINTER.end(),
                "Übung für Größen: Wasser, Wald; Wiese", "Zeile 1\nZeile 2, mit Komma; Semikolon\r\nPfad C:\\Temp",
                "Rathaus, Saal 1; 2. OG", null);
        String ics = CalendarFile.request(ORGANIZER, ATTENDEE, 0, List.of(tricky));

        assertThat(unfold(ics)).contains("SUMMARY:Übung für Größen: Wasser\\, Wald\\; Wiese\r\n",
                "DESCRIPTION:Zeile 1\\nZeile 2\\, mit Komma\\; Semikolon\\nPfad C:\\\\Temp\r\n",
                "LOCATION:Rathaus\\, Saal 1\\; 2. OG\r\n");
        VEvent event = events(parse(ics)).get(0);
        assertThat(value(event, "SUMMARY")).isEqualTo("Übung für Größen: Wasser, Wald; Wiese");
        assertThat(value(event, "DESCRIPTION")).isEqualTo("Zeile 1\nZeile 2, mit Komma; Semikolon\nPfad C:\\Temp");
        assertThat(value(event, "LOCATION")).isEqualTo("Rathaus, Saal 1; 2. OG");
    }

    @Test
    void foldsLinesAtSeventyFiveOctetsAndEndsThemWithCrlf() throws Exception {
        String description = "Änderungen über Öffnungszeiten, Straßenbahn; Brücke 🚲\n".repeat(8) + "Ende";
        String summary = "Exkursion „Fläming“ – " + "Ü".repeat(60);
        String url = "https://konferenzbuero.example/anmeldung/" + "a".repeat(150);
        CalendarEvent longOne = new CalendarEvent("long@konferenzbuero.example", SUMMER.start(), SUMMER.end(), summary,
                description, "Hohe Straße 1", url);
        String ics = CalendarFile.request(ORGANIZER, ATTENDEE, 0, List.of(longOne));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        List<String> lines = Arrays.asList(ics.substring(0, ics.length() - 2).split("\r\n", -1));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line).doesNotContain("\r", "\n");
            assertThat(line.getBytes(UTF_8).length).as(line).isLessThanOrEqualTo(75);
        });
        assertThat(lines).filteredOn(line -> line.startsWith(" ")).hasSizeGreaterThan(10);
        // Folded by octets, not by characters: lines of umlauts are filled up to the limit, not beyond.
        assertThat(lines.stream().mapToInt(line -> line.getBytes(UTF_8).length).max().orElse(0)).isBetween(74, 75);

        VEvent event = events(parse(ics)).get(0);
        assertThat(value(event, "SUMMARY")).isEqualTo(summary);
        assertThat(value(event, "DESCRIPTION")).isEqualTo(description);
        assertThat(value(event, "URL")).isEqualTo(url);
    }

    @Test
    void foldNeverSplitsACharacter() {
        String line = "X-TEST:" + "😀".repeat(40) + "ä".repeat(40);

        String folded = CalendarFile.fold(line + "\r\n");

        assertThat(folded.split("\r\n")).allSatisfy(part -> {
            assertThat(part.getBytes(UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(new String(part.getBytes(UTF_8), UTF_8)).isEqualTo(part);
        });
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
    }

    @Test
    void cancelRemovesTheSameEntries() throws Exception {
        Calendar request = parse(CalendarFile.request(ORGANIZER, ATTENDEE, 0, List.of(WINTER, SUMMER)));
        Calendar cancel = parse(CalendarFile.cancel(ORGANIZER, ATTENDEE, 1, List.of(WINTER, SUMMER)));

        assertThat(value(cancel, "METHOD")).isEqualTo("CANCEL");
        assertThat(cancel.getComponents(Component.VTIMEZONE)).hasSize(1);
        assertThat(events(cancel)).extracting(event -> value(event, "UID"))
                .containsExactlyElementsOf(events(request).stream().map(event -> value(event, "UID")).toList());
        assertThat(events(cancel)).allSatisfy(event -> {
            assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
            assertThat(value(event, "SEQUENCE")).isEqualTo("1");
            assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue())
                    .isEqualTo("mailto:kultur@bad-belzig.example");
            Property attendee = event.getProperty("ATTENDEE").orElseThrow();
            assertThat(attendee.getValue()).isEqualTo("mailto:juergen.mueller@example.org");
            assertThat(parameter(attendee, "PARTSTAT")).isEmpty();
        });
        assertThat(start(events(cancel).get(1))).isEqualTo(SUMMER.start());
    }

    @Test
    void publishCarriesTheEntriesWithoutAttendee() throws Exception {
        Calendar calendar = parse(CalendarFile.publish(ORGANIZER, 2, List.of(WINTER, SUMMER)));

        assertThat(value(calendar, "METHOD")).isEqualTo("PUBLISH");
        assertThat(events(calendar)).hasSize(2).allSatisfy(event -> {
            assertThat(event.getProperty("ATTENDEE")).isEmpty();
            assertThat(event.getProperty("ORGANIZER")).isPresent();
            assertThat(value(event, "SEQUENCE")).isEqualTo("2");
            assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
        });
    }

    @Test
    void ical4jFindsNothingToCriticiseUnderItip() throws Exception {
        List<CalendarEvent> events = List.of(WINTER, SUMMER);
        for (String ics : List.of(CalendarFile.request(ORGANIZER, ATTENDEE, 0, events),
                CalendarFile.cancel(ORGANIZER, ATTENDEE, 1, events), CalendarFile.publish(ORGANIZER, 0, events))) {
            assertThat(parse(ics).validate().getEntries()).as(ics).isEmpty();
        }
    }

    @Test
    void keepsOptionalFieldsOutWhenMissing() throws Exception {
        CalendarEvent bare = new CalendarEvent("bare@konferenzbuero.example", WINTER.start(), WINTER.end(), "Online",
                null, " ", null);
        CalendarAttendee nameless = new CalendarAttendee(null, "anon@example.org");

        String ics = CalendarFile.request(ORGANIZER, nameless, 0, List.of(bare));

        assertThat(unfold(ics)).doesNotContain("DESCRIPTION", "LOCATION", "URL:")
                .contains("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:anon@example.org\r\n");
    }

    @Test
    void makesNamesPlainForParameters() throws Exception {
        CalendarAttendee quoted = new CalendarAttendee("Anna \"Nanni\" Schulze\nGast", "anna@example.org");

        String ics = CalendarFile.request(ORGANIZER, quoted, 0, List.of(WINTER));

        assertThat(ics).doesNotContain("^");
        Property attendee = events(parse(ics)).get(0).getProperty("ATTENDEE").orElseThrow();
        assertThat(parameter(attendee, "CN")).contains("Anna 'Nanni' Schulze Gast");
    }

    @Test
    void refusesWhatNoCalendarCouldUse() {
        List<CalendarEvent> one = List.of(WINTER);
        assertThatThrownBy(() -> CalendarFile.request(ORGANIZER, ATTENDEE, -1, one))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarFile.cancel(ORGANIZER, ATTENDEE, 0, one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raised sequence");
        assertThatThrownBy(() -> CalendarFile.request(ORGANIZER, ATTENDEE, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarFile.request(ORGANIZER, ATTENDEE, 0, List.of(WINTER, WINTER)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(WINTER.uid());
        assertThatThrownBy(() -> new CalendarEvent("x", WINTER.end(), WINTER.start(), "backwards", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarAttendee("Nobody", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ical4jIsConfiguredNeverToFetchTimeZones() {
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
        assertThat(new TimeZoneUpdater().isEnabled()).isFalse();
    }

    private static Calendar parse(String ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new ByteArrayInputStream(ics.getBytes(UTF_8)));
    }

    /** Content lines as written before folding. */
    private static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    private static String value(PropertyListAccessor container, String name) {
        return container.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static Optional<String> parameter(Property property, String name) {
        return property.getParameter(name).map(Parameter::getValue);
    }

    private static Instant start(VEvent event) {
        return Instant.from(event.getStartDate().orElseThrow().getDate());
    }

    private static Instant end(VEvent event) {
        return Instant.from(event.getEndDate().orElseThrow().getDate());
    }
}
