package de.konferenzbuero.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;

import javax.xml.parsers.DocumentBuilderFactory;

/**
 * The JSON feed city apps poll: filters, pages by cursor that neither skip nor repeat, 304 while a page is unchanged,
 * refused parameters as problem+json; and the Atom feed for news readers.
 */
@QuarkusTest
class FeedApiTest {

    @Test
    void anAppPagesThroughTheFeedAndGets304WhenItPollsAnUnchangedPage() {
        Instant far = Instant.parse("2031-05-04T08:00:00Z");
        List<String> slugs = List.of("feed-api-a", "feed-api-b", "feed-api-c");
        for (int i = 0; i < slugs.size(); i++) {
            Instant start = far.plus(Duration.ofDays(i));
            TestConferences.create(slugs.get(i), c -> {
                c.startsAt = start;
                c.endsAt = start.plus(Duration.ofHours(6));
                c.format = ConferenceFormat.HYBRID;
                c.onlineCapacity = 100;
            });
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParam("from", "2031-05-01").queryParam("to", "2031-05-31")
                    .queryParam("format", "HYBRID").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/feed/conferences").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.slug", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        assertThat(seen).as("every one once, by start").containsExactlyElementsOf(slugs);

        Response first = may();
        JsonPath entry = first.jsonPath();
        assertThat(entry.getString("items[0].slug")).isEqualTo("feed-api-a");
        assertThat(entry.getLong("items[0].id")).isPositive();
        assertThat(entry.getString("items[0].url")).endsWith("/conferences/feed-api-a");
        assertThat(entry.getString("items[0].agendaCalendarUrl")).endsWith("/feeds/conferences/feed-api-a/agenda.ics");
        assertThat(entry.getInt("items[0].freePlaces.ONLINE")).isEqualTo(100);
        assertThat(entry.getString("items[0].organisation")).isEqualTo("kts");
        String etag = first.header("ETag");
        assertThat(first.header("Cache-Control")).contains("max-age=60");
        assertThat(given().header("If-None-Match", etag).queryParam("from", "2031-05-01").queryParam("to", "2031-05-31")
                .get("/api/feed/conferences").statusCode()).isEqualTo(304);

        // a change shows on the next poll
        QuarkusTransaction.requiringNew().run(() -> Conference.findBySlug("feed-api-b").orElseThrow().title = "Neu");
        assertThat(given().header("If-None-Match", etag).queryParam("from", "2031-05-01").queryParam("to", "2031-05-31")
                .get("/api/feed/conferences").statusCode()).isEqualTo(200);

        // only the ones with free places; only an organisation's
        QuarkusTransaction.requiringNew().run(() -> {
            Conference c = Conference.findBySlug("feed-api-c").orElseThrow();
            c.onsiteCapacity = 0;
            c.onlineCapacity = 0;
        });
        assertThat(given().queryParam("from", "2031-05-01").queryParam("freePlaces", true).get("/api/feed/conferences")
                .jsonPath().getList("items.slug", String.class)).contains("feed-api-a", "feed-api-b")
                        .doesNotContain("feed-api-c");
        assertThat(given().queryParam("organisation", "digital-interkommunal").get("/api/feed/conferences").jsonPath()
                .getList("items.slug", String.class)).isNotEmpty().doesNotContain("feed-api-a");
    }

    @Test
    void appsSelectByRegionAndTagAsTheOrganiserSetThem() {
        assertThat(given().queryParam("region", "brandenburg").get("/api/feed/conferences").jsonPath()
                .getList("items.slug", String.class)).containsExactly("regionalkonferenz-bad-belzig");
        JsonPath rural = given().queryParam("tag", "Ländlicher Raum").get("/api/feed/conferences").jsonPath();
        assertThat(rural.getList("items.slug", String.class))
                .containsExactlyInAnyOrder("regionalkonferenz-kalletal-lemgo", "regionalkonferenz-bad-belzig");
        assertThat(rural.getList("items.find { it.slug == 'regionalkonferenz-bad-belzig' }.tags", String.class))
                .contains("Mobilität");
        String calendar = given().queryParam("region", "Brandenburg").get("/feeds/conferences.ics").asString();
        assertThat(calendar)
                .contains("X-WR-CALNAME:Konferenzbüro – Brandenburg", "/conferences/regionalkonferenz-bad-belzig")
                .doesNotContain("/conferences/mpsc-kongress");
        assertThat(given().get("/conferences/regionalkonferenz-bad-belzig").asString()).contains("<dt>Region</dt>",
                "<dd>Brandenburg</dd>", "<dt>Schlagworte</dt>");
    }

    @Test
    void refusedParametersAreNamedAndTheAtomFeedParses() throws Exception {
        given().queryParam("from", "gestern").queryParam("format", "VR").queryParam("limit", 1000)
                .queryParam("cursor", "%%%").get("/api/feed/conferences").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field.sort()", equalTo(List.of("cursor", "format", "from", "limit")));

        Response atom = given().get("/feeds/conferences.atom");
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new InputSource(new StringReader(atom.asString())));
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength())
                .isGreaterThanOrEqualTo(5);
        assertThat(atom.asString()).contains("<title>MPSC-Kongress</title>", "/conferences/mpsc-kongress\"/>");
        assertThat(given().header("If-None-Match", atom.header("ETag")).get("/feeds/conferences.atom").statusCode())
                .isEqualTo(304);
        assertThat(given().get("/").asString()).contains("type=\"application/atom+xml\"",
                "href=\"/api/feed/conferences\"");
    }

    private static Response may() {
        return given().queryParam("from", "2031-05-01").queryParam("to", "2031-05-31").get("/api/feed/conferences");
    }
}
