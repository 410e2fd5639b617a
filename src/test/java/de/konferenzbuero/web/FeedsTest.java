package de.konferenzbuero.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceStatus;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/**
 * The calendar feeds people subscribe to: every public conference, an organisation's, one conference's programme. They
 * parse with two libraries, keep UIDs while raising SEQUENCE on a change, show cancellations as cancelled, and answer
 * 304 to a conditional request while nothing changed.
 */
@QuarkusTest
class FeedsTest {

    @Test
    void theFeedOfAllConferencesParsesKeepsItsUidsAndAnswers304WhileUnchanged() throws Exception {
        Conference c = TestConferences.create("feed-all", conf -> conf.motto = "Daten, die verbinden");
        Response first = given().get("/feeds/conferences.ics");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/calendar");
        assertThat(first.header("Cache-Control")).contains("max-age=300");
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();
        VEvent entry = event(first.asString(), "conference-" + c.id + "@");
        assertThat(entry.getSummary().getValue()).isEqualTo(c.title);
        assertThat(entry.getLocation().getValue()).startsWith("Rathaus");
        assertThat(entry.getUrl().getValue()).endsWith("/conferences/feed-all");
        assertThat(entry.getDescription().getValue()).isEqualTo("Daten, die verbinden");
        assertThat(entry.getStatus().isConfirmed()).isTrue();
        assertThat(ical4j(first.asString()).getComponents("VEVENT")).hasSizeGreaterThanOrEqualTo(5);

        // unchanged: 304 by ETag; by date alone the whole feed, as one leaving the feed moves no entry's date
        assertThat(given().header("If-None-Match", etag).get("/feeds/conferences.ics").statusCode()).isEqualTo(304);
        assertThat(given().header("If-Modified-Since", lastModified).get("/feeds/conferences.ics").statusCode())
                .isEqualTo(200);
        assertThat(given().get("/feeds/conferences.ics").header("ETag")).as("the same text twice").isEqualTo(etag);

        int before = entry.getSequence().getValue();
        QuarkusTransaction.requiringNew().run(() -> {
            Conference edited = Conference.findById(c.id);
            edited.startsAt = edited.startsAt.plus(Duration.ofHours(1));
        });
        Response moved = given().header("If-None-Match", etag).get("/feeds/conferences.ics");
        assertThat(moved.statusCode()).as("changed: the whole feed again").isEqualTo(200);
        assertThat(moved.header("ETag")).isNotEqualTo(etag);
        VEvent movedEntry = event(moved.asString(), "conference-" + c.id + "@");
        assertThat(movedEntry.getSequence().getValue()).isGreaterThan(before);
        assertThat(movedEntry.getDateStart().getValue().toInstant())
                .isEqualTo(c.startsAt.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        QuarkusTransaction.requiringNew()
                .run(() -> Conference.<Conference> findById(c.id).status = ConferenceStatus.CANCELLED);
        VEvent cancelled = event(given().get("/feeds/conferences.ics").asString(), "conference-" + c.id + "@");
        assertThat(cancelled.getStatus().isCancelled()).as("kept in the feed, cancelled").isTrue();
        assertThat(cancelled.getSequence().getValue()).isGreaterThan(movedEntry.getSequence().getValue());
    }

    @Test
    void anOrganisationsFeedListsItsConferencesAndAProgrammeFeedItsItemsInTheirRooms() throws Exception {
        Response organisation = given().get("/feeds/organisations/{slug}/conferences.ics", "digital-interkommunal");
        assertThat(organisation.statusCode()).isEqualTo(200);
        ICalendar theirs = Biweekly.parse(organisation.asString()).first();
        assertThat(theirs.getEvents()).isNotEmpty();
        assertThat(organisation.asString()).contains("X-WR-CALNAME:digital.interkommunal Kalletal.Lemgo\r\n");
        assertThat(theirs.getEvents()).extracting(e -> e.getSummary().getValue())
                .noneMatch(title -> title.startsWith("Testkonferenz"));
        assertThat(given().get("/feeds/organisations/{slug}/conferences.ics", "unbekannt").statusCode()).isEqualTo(404);

        Conference c = TestConferences.create("feed-agenda", conf -> {
        });
        AgendaItem talk = TestConferences.addItem(c, "Eröffnung", AgendaItemKind.WELCOME, c.startsAt,
                Duration.ofMinutes(30), null);
        AgendaItem workshop = TestConferences.addItem(c, "Workshop Datenräume", AgendaItemKind.WORKSHOP,
                c.startsAt.plus(Duration.ofHours(1)), Duration.ofHours(2), 20);
        QuarkusTransaction.requiringNew()
                .run(() -> AgendaItem.<AgendaItem> findById(workshop.id).location = "Raum 2.14");
        Response agenda = given().get("/feeds/conferences/{slug}/agenda.ics", c.slug);
        assertThat(agenda.statusCode()).isEqualTo(200);
        List<VEvent> items = Biweekly.parse(agenda.asString()).first().getEvents();
        assertThat(items).extracting(e -> e.getSummary().getValue()).containsExactly("Eröffnung",
                "Workshop Datenräume");
        assertThat(event(agenda.asString(), "-item-" + workshop.id + "@").getLocation().getValue())
                .isEqualTo("Raum 2.14, Rathaus");
        assertThat(event(agenda.asString(), "-item-" + talk.id + "@").getLocation().getValue()).startsWith("Rathaus");
        assertThat(ical4j(agenda.asString()).getComponents("VEVENT")).hasSize(2);
        assertThat(given().get("/feeds/conferences/{slug}/agenda.ics", "gibt-es-nicht").statusCode()).isEqualTo(404);

        // the pages announce their feeds
        assertThat(given().get("/").asString()).contains("<link rel=\"alternate\" type=\"text/calendar\"",
                "href=\"/feeds/conferences.ics\"");
        assertThat(given().get("/conferences/{slug}", c.slug).asString()).contains(
                "href=\"/feeds/conferences/feed-agenda/agenda.ics\"",
                "href=\"/feeds/organisations/kts/conferences.ics\"");
    }

    @Test
    void searchEnginesFindThePublicPagesAndOnlyThose() {
        Conference c = TestConferences.create("findable", conf -> conf.motto = "Gemeinsam digital");
        String robots = given().get("/robots.txt").then().statusCode(200).extract().asString();
        assertThat(robots).contains("Disallow: /registrations/", "Disallow: /organiser", "Disallow: /invitations/",
                "Sitemap: http://localhost:8080/sitemap.xml");
        String sitemap = given().get("/sitemap.xml").then().statusCode(200).extract().asString();
        assertThat(sitemap).contains("<loc>http://localhost:8080/conferences/findable</loc><lastmod>",
                "<loc>http://localhost:8080/conferences/mpsc-kongress</loc>");
        String page = given().get("/conferences/{slug}", c.slug).asString();
        assertThat(page).contains("<meta name=\"description\" content=\"", ": Gemeinsam digital\">",
                "<meta property=\"og:title\" content=\"" + c.title + "\">", "<link rel=\"icon\" href=\"/favicon.svg\"");
        assertThat(given().get("/").asString()).contains("<meta name=\"description\" content=\"Anmeldung zu");
        assertThat(given().get("/favicon.svg").then().statusCode(200).extract().contentType()).startsWith("image/svg");
        assertThat(given().get("/favicon.ico").then().statusCode(200).extract().asByteArray()).hasSizeGreaterThan(100);
    }

    /** The entry with this UID part, read by biweekly. */
    private static VEvent event(String feed, String uidPart) {
        return Biweekly.parse(feed).first().getEvents().stream().filter(e -> e.getUid().getValue().contains(uidPart))
                .findFirst().orElseThrow(() -> new AssertionError("no entry " + uidPart + " in\n" + feed));
    }

    private static Calendar ical4j(String feed) throws Exception {
        return new CalendarBuilder().build(new StringReader(feed));
    }
}
