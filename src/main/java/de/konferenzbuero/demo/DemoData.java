package de.konferenzbuero.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

import de.konferenzbuero.EventTime;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.conference.Contingent;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.conference.QuestionOption;
import de.konferenzbuero.conference.Speaker;
import de.konferenzbuero.conference.Venue;
import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.organisation.Organisation;

/**
 * The five real Smart-City events of {@code demo/conferences.json}, loaded into an empty database. Upcoming events are
 * moved into the coming weeks relative to today so that registration is open for most of them; an event with a fixed
 * date stays in the past.
 */
@ApplicationScoped
public class DemoData {

    static final String RESOURCE = "demo/conferences.json";

    private final ObjectMapper json;
    private final Accounts accounts;
    private final ZoneId zone;
    private final Clock clock;

    public DemoData(ObjectMapper json, Accounts accounts, Clock clock) {
        this.json = json;
        this.accounts = accounts;
        this.zone = EventTime.ZONE;
        this.clock = clock;
    }

    /** Loads the demo data unless the database already holds conferences. */
    @Transactional
    public boolean loadIfEmpty() {
        if (Conference.count() > 0) {
            return false;
        }
        Seed seed = read();
        Map<String, Organisation> organisations = new HashMap<>();
        for (SeedOrganisation o : seed.organisations()) {
            Organisation organisation = new Organisation();
            organisation.slug = o.slug();
            organisation.name = o.name();
            organisation.contactEmail = o.contactEmail();
            organisation.website = o.website();
            organisation.persist();
            organisations.put(o.slug(), organisation);
        }
        for (SeedOrganiser o : seed.organisers()) {
            accounts.create(o.email(), o.name(), o.password(), o.admin(),
                    o.organisations().stream().map(organisations::get).collect(Collectors.toSet()));
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (SeedConference c : seed.conferences()) {
            persist(c, organisations, today);
        }
        Log.infof("Loaded %d demo conferences", seed.conferences().size());
        return true;
    }

    private void persist(SeedConference c, Map<String, Organisation> organisations, LocalDate today) {
        LocalDate day = c.date() != null ? LocalDate.parse(c.date())
                : DemoDates.startDay(today, c.startsInDays(), DayOfWeek.valueOf(c.weekday()), c.endDay(), c.land());
        Conference conference = new Conference();
        conference.slug = c.slug();
        conference.title = c.title();
        conference.motto = c.motto();
        conference.description = c.description();
        conference.startsAt = day.atTime(LocalTime.parse(c.start())).atZone(zone).toInstant();
        conference.endsAt = day.plusDays(c.endDay()).atTime(LocalTime.parse(c.end())).atZone(zone).toInstant();
        conference.format = ConferenceFormat.valueOf(c.format());
        if (c.venue() != null) {
            Venue venue = new Venue();
            venue.name = c.venue().name();
            venue.street = c.venue().street();
            venue.postalCode = c.venue().postalCode();
            venue.city = c.venue().city();
            venue.accessibility = c.venue().accessibility();
            conference.venue = venue;
        }
        conference.onlineAccessLink = c.onlineAccessLink();
        conference.onsiteCapacity = c.onsiteCapacity();
        conference.onlineCapacity = c.onlineCapacity();
        if (c.registrationOpensInDays() != null) {
            conference.registrationOpensAt = today.plusDays(c.registrationOpensInDays()).atStartOfDay(zone).toInstant();
        }
        // Registration closes at the end of the day before the conference.
        conference.registrationClosesAt = day.atStartOfDay(zone).toInstant();
        conference.status = ConferenceStatus.PUBLISHED;
        conference.audience = c.audience();
        conference.region = c.region();
        conference.tags.addAll(c.tags());
        conference.contactName = c.contactName();
        conference.contactEmail = c.contactEmail();
        conference.organisation = organisations.get(c.organisation());
        for (String host : c.hosts()) {
            conference.hosts.add(organisations.get(host));
        }
        conference.persist();
        for (SeedItem i : c.agenda()) {
            AgendaItem item = new AgendaItem();
            item.conference = conference;
            LocalDate itemDay = day.plusDays(i.day());
            item.startsAt = itemDay.atTime(LocalTime.parse(i.start())).atZone(zone).toInstant();
            item.endsAt = itemDay.atTime(LocalTime.parse(i.end())).atZone(zone).toInstant();
            item.title = i.title();
            item.description = i.description();
            item.kind = AgendaItemKind.valueOf(i.kind());
            item.location = i.location();
            item.bookable = i.bookable();
            item.capacity = i.capacity();
            for (SeedSpeaker s : i.speakers()) {
                item.speakers.add(new Speaker(s.name(), s.role(), s.organisation()));
            }
            item.persist();
            conference.agenda.add(item);
        }
        persistQuestions(conference, c.questions());
        for (SeedContingent k : c.contingents()) {
            Contingent contingent = new Contingent();
            contingent.conference = conference;
            contingent.name = k.name();
            contingent.attendance = Attendance.valueOf(k.attendance());
            contingent.places = k.places();
            contingent.releaseAt = day.minusDays(k.releaseDaysBefore()).atStartOfDay(zone).toInstant();
            contingent.persist();
            conference.contingents.add(contingent);
        }
    }

    /** The conference's own questions; a condition names an earlier question and answer by their place in the list. */
    private static void persistQuestions(Conference conference, List<SeedQuestion> seeds) {
        List<Question> made = new ArrayList<>();
        for (SeedQuestion seed : seeds) {
            Question q = new Question();
            q.conference = conference;
            q.position = made.size() + 1;
            q.kind = QuestionKind.valueOf(seed.kind());
            q.labelDe = seed.labelDe();
            q.labelEn = seed.labelEn();
            q.helpDe = seed.helpDe();
            q.helpEn = seed.helpEn();
            q.required = seed.required();
            if (seed.shownIf() != null) {
                q.shownIfQuestion = made.get(seed.shownIf());
                q.shownIfValue = q.shownIfQuestion.kind == QuestionKind.YES_NO ? seed.shownIfAnswer()
                        : String.valueOf(q.shownIfQuestion.options.get(Integer.parseInt(seed.shownIfAnswer())).id);
            }
            q.persist();
            for (SeedOption o : seed.options()) {
                QuestionOption option = new QuestionOption();
                option.question = q;
                option.position = q.options.size() + 1;
                option.labelDe = o.labelDe();
                option.labelEn = o.labelEn();
                option.capacity = o.capacity();
                option.persist();
                q.options.add(option);
            }
            made.add(q);
        }
    }

    private Seed read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return json.readValue(in, Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Seed(List<SeedOrganisation> organisations, List<SeedOrganiser> organisers,
            List<SeedConference> conferences) {
    }

    /** Demo accounts for dev mode (documented in the README); never loaded in production. */
    record SeedOrganiser(String email, String name, String password, boolean admin, List<String> organisations) {
    }

    record SeedOrganisation(String slug, String name, String contactEmail, String website) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedConference(String slug, String title, String motto, String description, String date, int startsInDays,
            String weekday, String start, int endDay, String end, String format, SeedVenue venue,
            String onlineAccessLink, Integer onsiteCapacity, Integer onlineCapacity, Integer registrationOpensInDays,
            String organisation, List<String> hosts, String audience, String contactName, String contactEmail,
            List<SeedItem> agenda, List<SeedQuestion> questions, List<SeedContingent> contingents, String land,
            String region, List<String> tags) {

        SeedConference {
            tags = tags == null ? List.of() : tags;
            hosts = hosts == null ? List.of() : hosts;
            questions = questions == null ? List.of() : questions;
            contingents = contingents == null ? List.of() : contingents;
        }
    }

    /** Places reserved for a group, released to everyone {@code releaseDaysBefore} days before the start. */
    record SeedContingent(String name, String attendance, int places, int releaseDaysBefore) {
    }

    /**
     * An own question; {@code shownIf} is the index of an earlier one, {@code shownIfAnswer} "true"/"false" or an
     * option's index.
     */
    record SeedQuestion(String kind, String labelDe, String labelEn, String helpDe, String helpEn, boolean required,
            List<SeedOption> options, Integer shownIf, String shownIfAnswer) {

        SeedQuestion {
            options = options == null ? List.of() : options;
        }
    }

    record SeedOption(String labelDe, String labelEn, Integer capacity) {
    }

    record SeedVenue(String name, String street, String postalCode, String city, String accessibility) {
    }

    record SeedItem(String kind, String title, String description, int day, String start, String end, String location,
            boolean bookable, Integer capacity, List<SeedSpeaker> speakers) {

        SeedItem {
            speakers = speakers == null ? List.of() : speakers;
        }
    }

    record SeedSpeaker(String name, String role, String organisation) {
    }
}
