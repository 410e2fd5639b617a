package de.konferenzbuero.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.ConferenceStatus;

/**
 * Every conference page carries its schema.org Event as JSON-LD. The data is checked against what the schema.org
 * vocabulary expects of each property used (its range: a type, an enumeration member, a date-time), so search engines
 * and apps can read it; and it tells a cancelled, a full and an online-only conference as such.
 */
@QuarkusTest
class EventDataTest {

    private static final String SCHEMA = "https://schema.org/";

    /** The members of the schema.org enumerations used, from the vocabulary. */
    private static final Map<String, Set<String>> ENUMERATIONS = Map.of("eventStatus",
            Set.of("EventScheduled", "EventCancelled", "EventPostponed", "EventRescheduled", "EventMovedOnline"),
            "eventAttendanceMode",
            Set.of("OfflineEventAttendanceMode", "OnlineEventAttendanceMode", "MixedEventAttendanceMode"),
            "availability", Set.of("InStock", "LimitedAvailability", "SoldOut", "OutOfStock", "PreOrder", "PreSale",
                    "OnlineOnly", "InStoreOnly", "Discontinued", "BackOrder"));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDemoConferencePageCarriesAnEventOfTheExpectedTypes() throws Exception {
        JsonNode event = eventOf("regionalkonferenz-kalletal-lemgo");
        checkEvent(event, true);
        assertThat(event.get("name").asText()).isNotBlank();
        assertThat(event.get("url").asText()).endsWith("/conferences/regionalkonferenz-kalletal-lemgo");
        assertThat(event.get("subEvent")).as("the agenda").hasSizeGreaterThan(3);
        for (JsonNode sub : event.get("subEvent")) {
            checkEvent(sub, false);
        }
        assertThat(event.get("organizer").get("name").asText())
                .isEqualTo("Koordinierungs- und Transferstelle Modellprojekte Smart Cities (KTS)");
    }

    @Test
    void aCancelledAFullAndAnOnlineConferenceSaySo() throws Exception {
        Conference cancelled = TestConferences.create("event-data-cancelled",
                c -> c.status = ConferenceStatus.CANCELLED);
        JsonNode gone = eventOf(cancelled.slug);
        checkEvent(gone, true);
        assertThat(gone.get("eventStatus").asText()).isEqualTo(SCHEMA + "EventCancelled");
        JsonNode place = gone.get("location").get(0);
        assertThat(place.get("@type").asText()).isEqualTo("Place");
        assertThat(place.get("address").get("addressLocality").asText()).isEqualTo("Lemgo");
        assertThat(gone.get("eventAttendanceMode").asText()).isEqualTo(SCHEMA + "OfflineEventAttendanceMode");

        Conference full = TestConferences.create("event-data-full", c -> c.onsiteCapacity = 1);
        de.konferenzbuero.Attendees.signUp(full.slug, "einzige@eventdata.example");
        assertThat(eventOf(full.slug).get("offers").get("availability").asText()).isEqualTo(SCHEMA + "SoldOut");
        Conference few = TestConferences.create("event-data-few", c -> c.onsiteCapacity = 5);
        assertThat(eventOf(few.slug).get("offers").get("availability").asText())
                .isEqualTo(SCHEMA + "LimitedAvailability");

        Conference online = TestConferences.create("event-data-online", c -> {
            c.format = ConferenceFormat.ONLINE;
            c.venue = null;
            c.onsiteCapacity = null;
            c.onlineCapacity = 300;
            c.onlineAccessLink = "https://meet.example/geheim";
        });
        TestConferences.addItem(online, "Begrüßung </script><b>", AgendaItemKind.WELCOME, online.startsAt,
                Duration.ofMinutes(20), null);
        String page = given().get("/conferences/{slug}", online.slug).asString();
        assertThat(page).as("the access link stays private").doesNotContain("meet.example/geheim");
        JsonNode virtual = eventOf(online.slug);
        checkEvent(virtual, true);
        assertThat(virtual.get("eventAttendanceMode").asText()).isEqualTo(SCHEMA + "OnlineEventAttendanceMode");
        assertThat(virtual.get("location")).hasSize(1);
        assertThat(virtual.get("location").get(0).get("@type").asText()).isEqualTo("VirtualLocation");
        assertThat(virtual.get("offers").get("availability").asText()).isEqualTo(SCHEMA + "InStock");
        assertThat(virtual.get("subEvent").get(0).get("name").asText()).as("text that looks like markup stays text")
                .isEqualTo("Begrüßung </script><b>");
    }

    /** The JSON-LD of a conference page, exactly one script element of it. */
    private JsonNode eventOf(String slug) throws Exception {
        String page = given().get("/conferences/{slug}", slug).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("JSON-LD on " + slug).isTrue();
        String data = m.group(1);
        assertThat(m.find()).as("one JSON-LD block").isFalse();
        return json.readTree(data);
    }

    /** The ranges schema.org gives the properties used, checked for an Event (top level or a subEvent). */
    private static void checkEvent(JsonNode event, boolean topLevel) {
        assertThat(event.get("@type").asText()).isEqualTo("Event");
        if (topLevel) {
            assertThat(event.get("@context").asText()).isEqualTo("https://schema.org");
        }
        OffsetDateTime start = OffsetDateTime.parse(event.get("startDate").asText());
        OffsetDateTime end = OffsetDateTime.parse(event.get("endDate").asText());
        assertThat(end).isAfter(start);
        member(event, "eventStatus");
        member(event, "eventAttendanceMode");
        List<JsonNode> locations = new java.util.ArrayList<>();
        if (event.get("location").isArray()) {
            event.get("location").forEach(locations::add);
        } else {
            locations.add(event.get("location"));
        }
        assertThat(locations).isNotEmpty();
        for (JsonNode location : locations) {
            String type = location.get("@type").asText();
            assertThat(type).isIn("Place", "VirtualLocation", "PostalAddress");
            if (type.equals("Place")) {
                assertThat(location.get("name").asText()).isNotBlank();
                if (location.has("address")) {
                    assertThat(location.get("address").get("@type").asText()).isEqualTo("PostalAddress");
                    assertThat(location.get("address").get("addressCountry").asText()).isEqualTo("DE");
                }
            } else if (type.equals("VirtualLocation")) {
                assertThat(location.get("url").asText()).startsWith("http");
            }
        }
        if (!topLevel) {
            return;
        }
        assertThat(event.get("organizer").get("@type").asText()).isIn("Organization", "Person");
        JsonNode offer = event.get("offers");
        assertThat(offer.get("@type").asText()).isEqualTo("Offer");
        assertThat(offer.get("price").isNumber()).isTrue();
        assertThat(offer.get("price").asInt()).isZero();
        assertThat(offer.get("priceCurrency").asText()).isEqualTo("EUR");
        member(offer, "availability");
        if (offer.has("validFrom")) {
            OffsetDateTime.parse(offer.get("validFrom").asText());
        }
    }

    private static void member(JsonNode node, String property) {
        String value = node.get(property).asText();
        assertThat(value).startsWith(SCHEMA);
        assertThat(ENUMERATIONS.get(property)).as(property).contains(value.substring(SCHEMA.length()));
    }
}
