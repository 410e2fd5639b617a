package de.konferenzbuero.web.attendee;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.ConferenceStatus;

@QuarkusTest
class ConferencePageTest {

    @Test
    void showsFactsVenueAndAgenda() {
        given().when().get("/conferences/regionalkonferenz-bad-belzig").then().statusCode(200).body(
                containsString("Dörfer, Daten, Daseinsvorsorge"),
                containsString("Kulturzentrum Bad Belzig<br>Weitzgrunder Str. 4<br>14806 Bad Belzig"),
                containsString("Kommunen aus Brandenburg und Umgebung"),
                containsString("Modellprojekt Bad Belzig, Modellprojekt Wiesenburg/Mark"),
                containsString("Paneldiskussion: Was bringt die Nähe zur Hauptstadtregion"),
                containsString("Markt der Möglichkeiten"), containsString("10:00–17:00 Uhr"));
    }

    @Test
    void parallelItemsShareASlotAndShowFreePlaces() {
        String html = given().when().get("/conferences/regionalkonferenz-kalletal-lemgo").then().statusCode(200).body(
                containsString("<span class=\"badge\">Parallel</span>"), containsString("45 von 45 Plätzen frei"),
                containsString(
                        "Nicole Baeumer <span class=\"speaker-role\">(Projektleiterin, digital.interkommunal)</span>"))
                .extract().asString();
        String parallelSlot = html.substring(html.indexOf("slot-items parallel"));
        parallelSlot = parallelSlot.substring(0, parallelSlot.indexOf("</ul>\n    </li>"));
        org.assertj.core.api.Assertions.assertThat(parallelSlot).contains("Mit Geschichten und Leitbildern",
                "Zukunftsideen digital simulieren", "Akteure vernetzen");
    }

    @Test
    void multiDayAgendaIsGroupedByDay() {
        given().when().get("/conferences/mpsc-kongress").then().statusCode(200).body(
                containsString("<h3 class=\"agenda-day\">Donnerstag,"), containsString("Bayerischer Vernetzungsabend"),
                containsString("Hofbräuhaus"));
    }

    @Test
    void onlineConferenceHasNoVenueAndNeverShowsTheAccessLink() {
        given().when().get("/conferences/regionalkonferenz-kalletal-lemgo").then().statusCode(200)
                .body(not(containsString("Veranstaltungsort")), not(containsString("stream.kts.example")));
    }

    @Test
    void registrationNotes() {
        given().when().get("/conferences/regionalkonferenz-bad-belzig").then()
                .body(containsString("Die Anmeldung öffnet am"));
        given().when().get("/conferences/mpsc-kongress").then().body(containsString("Die Anmeldung ist geöffnet bis"));
        given().when().get("/conferences/regionalkonferenz-mayen-koblenz-2022").then()
                .body(containsString("Diese Veranstaltung hat bereits stattgefunden."));
        TestConferences.create("abgesagt-seite", c -> c.status = ConferenceStatus.CANCELLED);
        given().when().get("/conferences/abgesagt-seite").then().statusCode(200)
                .body(containsString("Diese Veranstaltung wurde abgesagt."));
        TestConferences.create("geschlossen-seite", c -> {
            c.registrationOpensAt = Instant.now().minus(Duration.ofDays(10));
            c.registrationClosesAt = Instant.now().minus(Duration.ofDays(1));
        });
        given().when().get("/conferences/geschlossen-seite").then()
                .body(containsString("Die Anmeldung ist geschlossen."));
    }

    @Test
    void hybridConferenceShowsPlacesPerMode() {
        TestConferences.create("hybrid-seite", c -> {
            c.format = ConferenceFormat.HYBRID;
            c.onsiteCapacity = 80;
            c.onlineCapacity = null;
        });
        given().when().get("/conferences/hybrid-seite").then().statusCode(200)
                .body(containsString("Vor Ort: 80 Plätze frei"), containsString("Online: Plätze frei"));
    }

    @Test
    void englishPage() {
        given().queryParam("lang", "en").when().get("/conferences/mpsc-kongress").then().statusCode(200).body(
                containsString("<html lang=\"en\">"), containsString("At a glance"), containsString("Programme"),
                containsString("Thursday,"), containsString("Registration is open until"),
                containsString("href=\"/conferences/mpsc-kongress?lang=de\""));
    }

    @Test
    void unknownSlugGivesTheFriendlyNotFoundPage() {
        given().when().get("/conferences/gibt-es-nicht").then().statusCode(404)
                .body(containsString("<h1>Seite nicht gefunden</h1>"), not(containsString("Exception")));
        given().header("Accept-Language", "en").when().get("/conferences/gibt-es-nicht").then().statusCode(404)
                .body(containsString("<h1>Page not found</h1>"));
        given().when().get("/no/such/page").then().statusCode(404)
                .body(containsString("<h1>Seite nicht gefunden</h1>"));
    }

    @Test
    void draftConferenceIsNotFound() {
        TestConferences.create("entwurf-seite", c -> c.status = ConferenceStatus.DRAFT);
        given().when().get("/conferences/entwurf-seite").then().statusCode(404);
    }
}
