package de.konferenzbuero.registration.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import de.konferenzbuero.EventTime;
import de.konferenzbuero.backoffice.AgendaDraft;
import de.konferenzbuero.backoffice.AgendaEditing;
import de.konferenzbuero.backoffice.ConferenceDraft;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.backoffice.Inviting;
import de.konferenzbuero.backoffice.QuestionDraft;
import de.konferenzbuero.backoffice.QuestionEditing;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.Contingent;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;

/**
 * The conference a walk plays on, created as an organiser would (organiser services): hybrid, few places, three
 * parallel workshops, an on-site excursion overlapping them, a lunch session and an online-only session, so that every
 * rule gets to work: full modes and items, waitlists, swaps, overlaps and modes.
 */
final class World {

    static final String ORGANISER = "organisator@kts.example";
    static final int ADDRESSES = 14;

    final long conferenceId;
    final String slug;
    final String domain;
    final Instant day;
    /** The travel question: a single choice with a shuttle of few places and an unlimited other answer. */
    long travelQuestion;
    long shuttle;
    long car;
    /** The shared link to the newest contingent; null until one exists. */
    volatile String invitation;

    private World(long conferenceId, String slug, String domain, Instant day) {
        this.conferenceId = conferenceId;
        this.slug = slug;
        this.domain = domain;
        this.day = day;
    }

    /** A published hybrid conference whose sign-ups confirm their address by mail, or register at once. */
    static World create(String name, boolean confirmEmail) {
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        Instant day = LocalDate.now(EventTime.ZONE).plusDays(40).atTime(LocalTime.of(9, 0)).atZone(EventTime.ZONE)
                .toInstant();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            ConferenceEditing conferences = Arc.container().instance(ConferenceEditing.class).get();
            Organiser organiser = organiser();
            long kts = Organisation.findBySlug("kts").orElseThrow().id;
            Conference c = conferences.create(organiser,
                    new ConferenceDraft(kts, slug, "Modellkonferenz " + name, null, null, day,
                            day.plus(Duration.ofHours(8)), ConferenceFormat.HYBRID, "Rathaus", null, null, "Lemgo",
                            null, "https://treffen.example/raum", 4, 3, null, null, null, "Team", "team@kts.example",
                            confirmEmail, 24, null, null, null, null, null, null));
            conferences.publish(organiser, c.id);
            return c.id;
        });
        World world = new World(id, slug, slug + ".example", day);
        world.addItem("Begrüßung", AgendaItemKind.WELCOME, 0, 30, null, null);
        world.addItem("Workshop Daten", AgendaItemKind.WORKSHOP, 60, 60, 2, null);
        world.addItem("Workshop Mobilität", AgendaItemKind.WORKSHOP, 60, 60, 2, null);
        world.addItem("Workshop Beteiligung", AgendaItemKind.WORKSHOP, 60, 60, 2, null);
        world.addItem("Exkursion Innenstadt", AgendaItemKind.EXCURSION, 90, 90, 2, Attendance.ON_SITE);
        world.addItem("Mittagsgespräch", AgendaItemKind.NETWORKING, 180, 60, 3, null);
        world.addItem("Web-Sprechstunde", AgendaItemKind.TALK, 300, 60, 2, Attendance.ONLINE);
        world.addTravelQuestion();
        QuarkusTransaction.requiringNew().run(() -> world.newContingent(1, null));
        return world;
    }

    /** Adds an item starting {@code offset} minutes after the conference day begins; bookable when it has places. */
    long addItem(String title, AgendaItemKind kind, int offset, int minutes, Integer capacity, Attendance mode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AgendaEditing agenda = Arc.container().instance(AgendaEditing.class).get();
            Instant start = day.plus(Duration.ofMinutes(offset));
            AgendaItem item = agenda.add(organiser(), conferenceId,
                    new AgendaDraft(start, start.plus(Duration.ofMinutes(minutes)), title, null, kind, "Raum " + offset,
                            capacity != null, capacity, List.of(), null, mode));
            return item.id;
        });
    }

    private void addTravelQuestion() {
        QuarkusTransaction.requiringNew().run(() -> {
            Question q = Arc.container().instance(QuestionEditing.class).get().add(organiser(), conferenceId,
                    travel(2, null));
            travelQuestion = q.id;
            shuttle = q.options.get(0).id;
            car = q.options.get(1).id;
        });
    }

    /** The travel question as its form would send it: the shuttle with these places. */
    static QuestionDraft travel(int shuttlePlaces, Integer version) {
        return new QuestionDraft(QuestionKind.SINGLE_CHOICE, "Anreise", null, null, null, false,
                List.of(new QuestionDraft.Option("Shuttle", null, shuttlePlaces),
                        new QuestionDraft.Option("Auto", null, null)),
                null, null, version, false);
    }

    /**
     * An organiser reserves on-site places for a group and shares a link to them (the caller runs it in a transaction);
     * the walk's invited sign-ups use the newest link.
     */
    void newContingent(int places, Instant releaseAt) {
        Inviting inviting = Arc.container().instance(Inviting.class).get();
        Contingent contingent = inviting.createContingent(organiser(), conferenceId,
                new Inviting.ContingentDraft("Gruppe " + places, Attendance.ON_SITE, places, releaseAt));
        invitation = token(inviting.share(organiser(), conferenceId,
                new Inviting.InvitationDraft("Gruppe", null, 1000, contingent.id, null)).link());
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** An address of the walk's pool: the same few people register, cancel and register again. */
    String address(int n) {
        return "person" + n + "@" + domain;
    }

    static Organiser organiser() {
        return Organiser.findByEmail(ORGANISER).orElseThrow();
    }

    /** The conference as the organiser's edit form would send it, with its current version. */
    static ConferenceDraft draft(Conference c, ConferenceFormat format, Integer onsite, Integer online) {
        return draft(c, format, onsite, online, c.offerHours, c.approvalRequired);
    }

    /** The conference as its edit form would send it, with waitlist offers of these hours (null: none). */
    static ConferenceDraft draft(Conference c, Integer offerHours) {
        return draft(c, c.format, c.onsiteCapacity, c.onlineCapacity, offerHours, c.approvalRequired);
    }

    /** The conference as its edit form would send it, asking for approval of sign-ups or not. */
    static ConferenceDraft draft(Conference c, boolean approvalRequired) {
        return draft(c, c.format, c.onsiteCapacity, c.onlineCapacity, c.offerHours, approvalRequired);
    }

    private static ConferenceDraft draft(Conference c, ConferenceFormat format, Integer onsite, Integer online,
            Integer offerHours, boolean approvalRequired) {
        return new ConferenceDraft(c.organisation.id, c.slug, c.title, c.motto, c.description, c.startsAt, c.endsAt,
                format, "Rathaus", null, null, "Lemgo", null, c.onlineAccessLink, onsite, online, c.registrationOpensAt,
                c.registrationClosesAt, c.audience, c.contactName, c.contactEmail, c.confirmEmail, c.confirmWithinHours,
                c.retentionDays, offerHours, approvalRequired, c.region, List.copyOf(c.tags), c.version);
    }

    /** The item as the agenda form would send it, with its current version. */
    static AgendaDraft draft(AgendaItem i, Instant start, Instant end, boolean bookable, Integer capacity,
            Attendance mode) {
        return new AgendaDraft(start, end, i.title, i.description, i.kind, i.location, bookable, capacity,
                List.copyOf(i.speakers), i.version, mode);
    }
}
