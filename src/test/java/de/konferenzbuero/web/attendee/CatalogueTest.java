package de.konferenzbuero.web.attendee;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.ConferenceStatus;

@QuarkusTest
class CatalogueTest {

    @Test
    void listsTheDemoConferencesUpcomingFirstAndPastBelow() {
        String html = given().when().get("/").then().statusCode(200).header("Content-Language", "de")
                .body(containsString("<html lang=\"de\">"), containsString("<h1>Konferenzen</h1>")).extract()
                .asString();
        int upcoming = html.indexOf("Kommende Veranstaltungen");
        int past = html.indexOf("Vergangene Veranstaltungen");
        org.assertj.core.api.Assertions.assertThat(upcoming).isPositive().isLessThan(past);
        org.assertj.core.api.Assertions.assertThat(html.indexOf("Regionalkonferenz Kalletal-Lemgo")).isBetween(upcoming,
                past);
        org.assertj.core.api.Assertions.assertThat(html.indexOf("MPSC-Kongress")).isBetween(upcoming, past);
        org.assertj.core.api.Assertions.assertThat(html.indexOf("Regionalkonferenz Mayen-Koblenz")).isGreaterThan(past);
    }

    @Test
    void showsDateFormatPlaceAndFreePlaces() {
        TestConferences.create("katalog-plaetze", c -> {
            c.onsiteCapacity = 77;
            c.venue.city = "Detmold";
        });
        given().when().get("/").then().statusCode(200).body(containsString("Vor Ort · Hamburg"),
                containsString("Vor Ort · Detmold"), containsString("77 Plätze frei"), containsString("10:00 Uhr – "),
                containsString("Online</p>"));
    }

    @Test
    void draftConferencesAreNotListed() {
        TestConferences.create("entwurf-im-katalog", c -> {
            c.title = "Geheimer Entwurf";
            c.status = ConferenceStatus.DRAFT;
        });
        given().when().get("/").then().statusCode(200).body(not(containsString("Geheimer Entwurf")));
    }

    @Test
    void cancelledConferencesAreListedAndMarked() {
        TestConferences.create("abgesagt-im-katalog", c -> {
            c.title = "Abgesagte Tagung";
            c.status = ConferenceStatus.CANCELLED;
        });
        given().when().get("/").then().statusCode(200).body(containsString("Abgesagte Tagung"),
                containsString("badge-cancelled\">Abgesagt<"));
    }

    @Test
    void englishFromAcceptLanguage() {
        given().header("Accept-Language", "en-GB,en;q=0.8").when().get("/").then().statusCode(200)
                .header("Content-Language", "en").body(containsString("<html lang=\"en\">"),
                        containsString("<h1>Conferences</h1>"), containsString("Upcoming events"),
                        containsString("On site · Hamburg"), containsString("places left"),
                        containsString("href=\"/?lang=de\""));
    }

    @Test
    void languageSwitchIsRememberedInACookie() {
        given().queryParam("lang", "en").when().get("/").then().statusCode(200).cookie("lang", "en")
                .body(containsString("<h1>Conferences</h1>"));
        given().cookie("lang", "en").header("Accept-Language", "de").when().get("/").then()
                .body(containsString("<h1>Conferences</h1>"));
        given().cookie("lang", "en").queryParam("lang", "de").when().get("/").then()
                .body(allOf(containsString("<h1>Konferenzen</h1>"), containsString("href=\"/?lang=en\"")));
    }
}
