package de.konferenzbuero;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.conference.Venue;
import de.konferenzbuero.organisation.Organisation;

/** Creates conferences for tests, each in its own committed transaction. */
public final class TestConferences {

    private TestConferences() {
    }

    /**
     * A published on-site conference in four weeks with registration open and without double opt-in; adjust it with
     * {@code changes}.
     */
    public static Conference create(String slug, Consumer<Conference> changes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Conference c = new Conference();
            c.organisation = Organisation.findBySlug("kts").orElseThrow();
            c.slug = slug;
            c.title = "Testkonferenz " + slug;
            c.startsAt = Instant.now().plus(Duration.ofDays(28));
            c.endsAt = c.startsAt.plus(Duration.ofHours(7));
            c.format = ConferenceFormat.ON_SITE;
            c.venue = new Venue();
            c.venue.name = "Rathaus";
            c.venue.city = "Lemgo";
            c.onsiteCapacity = 50;
            c.registrationOpensAt = Instant.now().minus(Duration.ofDays(1));
            c.status = ConferenceStatus.PUBLISHED;
            // tests of other behaviour register at once; the tests of double opt-in switch it on
            c.confirmEmail = false;
            changes.accept(c);
            c.persist();
            return c;
        });
    }

    /** Adds an agenda item to a conference created before. */
    public static AgendaItem addItem(Conference conference, String title, AgendaItemKind kind, Instant start,
            Duration length, Integer capacity) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AgendaItem item = new AgendaItem();
            item.conference = Conference.findById(conference.id);
            item.title = title;
            item.kind = kind;
            item.startsAt = start;
            item.endsAt = start.plus(length);
            item.bookable = capacity != null;
            item.capacity = capacity;
            item.persist();
            return item;
        });
    }
}
