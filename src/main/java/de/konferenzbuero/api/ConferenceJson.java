package de.konferenzbuero.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import de.konferenzbuero.EventTime;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.RegistrationState;
import de.konferenzbuero.conference.Speaker;
import de.konferenzbuero.conference.Venue;
import de.konferenzbuero.registration.Occupancy;

/** The JSON shapes of conferences. Times are ISO-8601 with the Europe/Berlin offset. */
final class ConferenceJson {

    private ConferenceJson() {
    }

    record Summary(String slug, String title, String motto, OffsetDateTime startsAt, OffsetDateTime endsAt,
            ConferenceFormat format, String city, ConferenceStatus status, RegistrationState registration,
            Map<Attendance, Places> places) {
    }

    record Detail(String slug, String title, String motto, String description, OffsetDateTime startsAt,
            OffsetDateTime endsAt, ConferenceFormat format, VenueJson venue, ConferenceStatus status,
            RegistrationState registration, OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt,
            String audience, String organiser, List<String> hosts, String contactName, String contactEmail,
            Map<Attendance, Places> places, List<Item> agenda, List<QuestionJson> questions, String region,
            List<String> tags) {
    }

    record VenueJson(String name, String street, String postalCode, String city, String accessibility) {
    }

    /** Capacity and free are null when unlimited. */
    record Places(Integer capacity, long confirmed, long waitlisted, Integer free) {

        static Places of(Occupancy.Count count) {
            return new Places(count.capacity(), count.confirmed(), count.waitlisted(), count.free());
        }
    }

    record Item(long id, int version, AgendaItemKind kind, String title, String description, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String location, List<SpeakerJson> speakers, boolean bookable, Places places) {
    }

    record SpeakerJson(String name, String role, String organisation) {
    }

    static Summary summary(Conference c, RegistrationState state, Occupancy.Report occupancy) {
        return new Summary(c.slug, c.title, c.motto, time(c.startsAt), time(c.endsAt), c.format,
                c.venue == null ? null : c.venue.city, c.status, state, places(occupancy));
    }

    static Detail detail(Conference c, RegistrationState state, Occupancy.Report occupancy) {
        return detail(c, state, occupancy, Question.listShown(c));
    }

    static Detail detail(Conference c, RegistrationState state, Occupancy.Report occupancy, List<Question> questions) {
        Venue v = c.venue;
        return new Detail(c.slug, c.title, c.motto, c.description, time(c.startsAt), time(c.endsAt), c.format,
                v == null ? null : new VenueJson(v.name, v.street, v.postalCode, v.city, v.accessibility), c.status,
                state, time(c.registrationOpensAt), time(c.registrationCloses()), c.audience, c.organisation.name,
                c.hosts.stream().map(h -> h.name).toList(), c.contactName, c.contactEmail, places(occupancy),
                c.agenda.stream().map(item -> item(item, occupancy)).toList(), QuestionJson.of(questions), c.region,
                List.copyOf(c.tags));
    }

    private static Item item(AgendaItem i, Occupancy.Report occupancy) {
        Occupancy.Count count = occupancy.items().get(i.id);
        return new Item(i.id, i.version, i.kind, i.title, i.description, time(i.startsAt), time(i.endsAt), i.location,
                i.speakers.stream().map(ConferenceJson::speaker).toList(), i.bookable,
                count == null ? null : Places.of(count));
    }

    private static SpeakerJson speaker(Speaker s) {
        return new SpeakerJson(s.name, s.role, s.organisation);
    }

    private static Map<Attendance, Places> places(Occupancy.Report occupancy) {
        return occupancy.modes().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> Places.of(e.getValue()), (a, b) -> a, () -> new java.util.EnumMap<>(Attendance.class)));
    }

    static OffsetDateTime time(java.time.Instant instant) {
        return instant == null ? null : EventTime.local(instant).toOffsetDateTime();
    }
}
