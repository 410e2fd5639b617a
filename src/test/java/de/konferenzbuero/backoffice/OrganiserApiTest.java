package de.konferenzbuero.backoffice;

import static de.konferenzbuero.Attendees.secret;
import static de.konferenzbuero.Attendees.signUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.organisation.ApiToken;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.security.Organisers;

/** The organiser JSON API under /api/organiser with a bearer API key, as an integration would use it. */
@QuarkusTest
class OrganiserApiTest {

    static final Instant START = Instant.now().plus(Duration.ofDays(35)).truncatedTo(ChronoUnit.HOURS);

    @Test
    void aKeyFromTheApiKeyPageWorksUntilItIsRevoked() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        Response created = organiser.post("/organiser/tokens", Map.of("name", "Anmeldesystem Kreis"));
        created.then().statusCode(200).header("Cache-Control", containsString("no-store"));
        Matcher shown = Pattern.compile("<code class=\"token\">([A-Za-z0-9_-]{43})</code>").matcher(created.asString());
        assertThat(shown.find()).as("the new key is shown once on the page").isTrue();
        String token = shown.group(1);
        assertThat(organiser.page("/organiser/tokens")).contains("Anmeldesystem Kreis").doesNotContain(token);

        api(token).when().get("/api/organiser/conferences").then().statusCode(200).body("conference.slug",
                hasItem("mpsc-kongress"));
        Matcher row = Pattern.compile(
                "<tr><th scope=\"row\">Anmeldesystem Kreis</th><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>")
                .matcher(organiser.page("/organiser/tokens"));
        assertThat(row.find()).isTrue();
        assertThat(row.group(1)).as("scope").isEqualTo("lesen und ändern");
        assertThat(row.group(2)).as("valid for 90 days by default").contains(String.valueOf(
                Instant.now().plus(Duration.ofDays(90)).atZone(java.time.ZoneId.of("Europe/Berlin")).getYear()));
        assertThat(row.group(3)).as("last used").matches(".*\\d{2}:\\d{2}.*");

        long tokenId = QuarkusTransaction.requiringNew()
                .call(() -> ApiToken.<ApiToken> find("name", "Anmeldesystem Kreis").firstResult().id);
        organiser.post("/organiser/tokens/{id}/revoke", tokenId).then().statusCode(303);
        assertThat(organiser.page("/organiser/tokens")).doesNotContain("Anmeldesystem Kreis");
        api(token).when().get("/api/organiser/conferences").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void aReadOnlyKeyReadsButChangesNothingAndAnExpiredKeyIsRefused() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        Response created = organiser.post("/organiser/tokens",
                Map.of("name", "Terminliste Website", "days", "30", "readOnly", "true"));
        Matcher shown = Pattern.compile("<code class=\"token\">([A-Za-z0-9_-]{43})</code>").matcher(created.asString());
        assertThat(shown.find()).isTrue();
        String token = shown.group(1);
        assertThat(organiser.page("/organiser/tokens")).contains("Terminliste Website</th><td>nur lesen</td>");

        api(token).when().get("/api/organiser/conferences").then().statusCode(200);
        api(token).contentType(ContentType.JSON).body(draft("api-read-only", "Nur gelesen", 30, null)).when()
                .post("/api/organiser/conferences").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Conference.findBySlug("api-read-only").isPresent()))
                .as("nothing created").isFalse();

        QuarkusTransaction.requiringNew()
                .run(() -> ApiToken.<ApiToken> find("name", "Terminliste Website").firstResult().expiresAt = Instant
                        .now().minusSeconds(1));
        api(token).when().get("/api/organiser/conferences").then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(organiser.page("/organiser/tokens")).as("an expired key leaves the list")
                .doesNotContain("Terminliste Website");
        organiser.post("/organiser/tokens", Map.of("name", "Zu lange", "days", "9999")).then().statusCode(400);
    }

    @Test
    void aKeyForOneOrganisationReachesOnlyItsConferences() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        long bmwsb = QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug("bmwsb").orElseThrow().id);
        long digital = QuarkusTransaction.requiringNew()
                .call(() -> Organisation.findBySlug("digital-interkommunal").orElseThrow().id);
        long kalletal = QuarkusTransaction.requiringNew()
                .call(() -> Conference.findBySlug("regionalkonferenz-kalletal-lemgo").orElseThrow().id);
        long kongress = QuarkusTransaction.requiringNew()
                .call(() -> Conference.findBySlug("mpsc-kongress").orElseThrow().id);
        assertThat(organiser.page("/organiser/tokens")).contains("<option value=\"" + bmwsb + "\">");
        // an organisation the account does not work for is refused
        organiser.post("/organiser/tokens", Map.of("name", "Fremd", "days", "30", "organisationId", digital)).then()
                .statusCode(400);
        Matcher shown = Pattern.compile("<code class=\"token\">([A-Za-z0-9_-]{43})</code>")
                .matcher(organiser
                        .post("/organiser/tokens", Map.of("name", "Nur BMWSB", "days", "30", "organisationId", bmwsb))
                        .asString());
        assertThat(shown.find()).isTrue();
        String token = shown.group(1);
        assertThat(organiser.page("/organiser/tokens"))
                .contains("Nur BMWSB</th><td>lesen und ändern<br>Bundesministerium");

        api(token).when().get("/api/organiser/conferences").then().statusCode(200)
                .body("conference.slug", hasItem("mpsc-kongress"))
                .body("conference.slug", org.hamcrest.Matchers.not(hasItem("regionalkonferenz-kalletal-lemgo")));
        api(token).when().get("/api/organiser/conferences/{id}", kongress).then().statusCode(200);
        // the account manages the kts conference, the key does not reach it: as if it did not exist
        api(token).when().get("/api/organiser/conferences/{id}", kalletal).then().statusCode(404)
                .contentType("application/problem+json");
        api(token).when().get("/api/organiser/conferences/{id}/registrations", kalletal).then().statusCode(404);
        api(token).when().post("/api/organiser/conferences/{id}/cancel", kalletal).then().statusCode(404);
        api(token).contentType(ContentType.JSON).body(draft("api-scope-kts", "Außerhalb", 30, null)).when()
                .post("/api/organiser/conferences").then().statusCode(400).contentType("application/problem+json");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Conference.findBySlug("api-scope-kts").isPresent()))
                .as("nothing created outside the key's organisation").isFalse();
        assertThat(
                QuarkusTransaction.requiringNew().call(() -> Conference.<Conference> findById(kalletal).status.name()))
                        .isNotEqualTo("CANCELLED");
    }

    @Test
    void aKeyNameTooLongOrWithControlCharactersIsRefused() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        organiser.post("/organiser/tokens", Map.of("name", "x".repeat(101), "days", "30")).then().statusCode(400);
        organiser.post("/organiser/tokens", Map.of("name", "Schlüssel\u0000", "days", "30")).then().statusCode(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiToken.count("name like 'xxxxxxxx%'"))).isZero();
    }

    @Test
    void withoutAValidKeyTheApiAnswers401() {
        given().when().get("/api/organiser/conferences").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        api("x".repeat(43)).when().get("/api/organiser/conferences").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Basic b3JnYW5pc2F0b3JAa3RzLmV4YW1wbGU6RGVtby1QYXNzd29ydC0yMDI2").when()
                .get("/api/organiser/conferences").then().statusCode(401);
        // the session cookie of the organiser pages opens nothing in the API
        Organisers.Session session = Organisers.login(Organisers.KTS);
        session.request().when().get("/api/organiser/conferences").then().statusCode(401);
        // a key revoked through the accounts service is refused at once
        String token = Organisers.apiToken(Organisers.KTS, "api-revoke-direct");
        api(token).when().get("/api/organiser/conferences").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            ApiToken t = ApiToken.find("name", "api-revoke-direct").firstResult();
            t.revokedAt = Instant.now();
        });
        api(token).when().get("/api/organiser/conferences").then().statusCode(401);
    }

    @Test
    void conferenceAndAgendaItemCanBeCreatedReadChangedAndRemoved() {
        String token = Organisers.apiToken(Organisers.KTS, "api-crud");
        Response created = api(token).contentType(ContentType.JSON).body(draft("api-crud", "API-Konferenz", 30, null))
                .when().post("/api/organiser/conferences");
        created.then().statusCode(201).header("Location", matchesPattern(".*/api/organiser/conferences/\\d+$"));
        long id = created.jsonPath().getLong("id");
        int version = created.jsonPath().getInt("version");
        assertThat(created.jsonPath().getString("conference.status")).isEqualTo("DRAFT");
        assertThat(created.jsonPath().getString("conference.title")).isEqualTo("API-Konferenz");
        given().when().get("/api/conferences/api-crud").then().statusCode(404); // drafts are not public

        api(token).when().get("/api/organiser/conferences/{id}", id).then().statusCode(200)
                .body("conference.slug", equalTo("api-crud")).body("conference.places.ON_SITE.capacity", equalTo(30));

        // change with the version read; the old version is refused afterwards and changes nothing
        JsonPath changed = api(token).contentType(ContentType.JSON)
                .body(draft("api-crud", "API-Konferenz 2027", 40, version)).when()
                .put("/api/organiser/conferences/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(changed.getString("conference.title")).isEqualTo("API-Konferenz 2027");
        assertThat(changed.getInt("version")).isGreaterThan(version);
        api(token).contentType(ContentType.JSON).body(draft("api-crud", "Überschrieben", 40, version)).when()
                .put("/api/organiser/conferences/{id}", id).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("version"))
                .body("errors[0].code", equalTo("EDITED_BY_SOMEONE_ELSE"));
        // refused input names every field
        Map<String, Object> bad = draft("API CRUD", "", 30, changed.getInt("version"));
        bad.put("endsAt", START.minus(Duration.ofHours(1)).toString());
        api(token).contentType(ContentType.JSON).body(bad).when().put("/api/organiser/conferences/{id}", id).then()
                .statusCode(400).body("errors.code", hasItems("SLUG_INVALID", "REQUIRED", "END_BEFORE_START"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Conference.<Conference> findById(id).title))
                .isEqualTo("API-Konferenz 2027");

        // an agenda item
        Response added = api(token).contentType(ContentType.JSON)
                .body(agendaItem("Workshop API", START.plus(Duration.ofHours(1)), 12, null)).when()
                .post("/api/organiser/conferences/{id}/agenda", id);
        added.then().statusCode(201);
        Matcher location = Pattern.compile("/api/organiser/conferences/" + id + "/agenda/(\\d+)$")
                .matcher(added.getHeader("Location"));
        assertThat(location.find()).as("Location of the new item: %s", added.getHeader("Location")).isTrue();
        long itemId = Long.parseLong(location.group(1));
        assertThat(added.jsonPath().getList("conference.agenda.title")).containsExactly("Workshop API");
        assertThat(added.jsonPath().getInt("conference.agenda[0].places.capacity")).isEqualTo(12);

        // a new item has version 0 (the API does not show item versions, see aClientCanLearnTheVersionOfAnItem)
        JsonPath itemChanged = api(token).contentType(ContentType.JSON)
                .body(agendaItem("Workshop API neu", START.plus(Duration.ofHours(2)), 15, 0)).when()
                .put("/api/organiser/conferences/{id}/agenda/{item}", id, itemId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(itemChanged.getString("conference.agenda[0].title")).isEqualTo("Workshop API neu");
        assertThat(itemChanged.getInt("conference.agenda[0].places.capacity")).isEqualTo(15);
        api(token).contentType(ContentType.JSON).body(agendaItem("Veraltet", START.plus(Duration.ofHours(2)), 15, 0))
                .when().put("/api/organiser/conferences/{id}/agenda/{item}", id, itemId).then().statusCode(400)
                .body("errors[0].code", equalTo("EDITED_BY_SOMEONE_ELSE"));

        api(token).when().delete("/api/organiser/conferences/{id}/agenda/{item}", id, itemId).then().statusCode(200)
                .body("conference.agenda", empty());
        api(token).when().delete("/api/organiser/conferences/{id}/agenda/{item}", id, itemId).then().statusCode(404)
                .contentType("application/problem+json");

        // publish: now it is public
        api(token).contentType(ContentType.JSON).when().post("/api/organiser/conferences/{id}/publish", id).then()
                .statusCode(200).body("conference.status", equalTo("PUBLISHED"));
        given().when().get("/api/conferences/api-crud").then().statusCode(200).body("title",
                equalTo("API-Konferenz 2027"));
        api(token).when().get("/api/organiser/conferences").then().statusCode(200).body("conference.slug",
                hasItem("api-crud"));
    }

    /**
     * Editing an item needs its current version, so a client must be able to read it: after an edit in the organiser
     * area the version is no longer 0.
     */
    @Test
    void aClientCanLearnTheVersionOfAnItem() {
        String token = Organisers.apiToken(Organisers.KTS, "api-item-version");
        long id = api(token).contentType(ContentType.JSON).body(draft("api-item-version", "Versionen", 30, null)).when()
                .post("/api/organiser/conferences").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath added = api(token).contentType(ContentType.JSON)
                .body(agendaItem("Vortrag", START.plus(Duration.ofHours(1)), null, null)).when()
                .post("/api/organiser/conferences/{id}/agenda", id).then().statusCode(201).extract().jsonPath();
        long itemId = added.getLong("conference.agenda[0].id");
        api(token).contentType(ContentType.JSON).body(agendaItem("Vortrag 2", START.plus(Duration.ofHours(1)), null, 0))
                .when().put("/api/organiser/conferences/{id}/agenda/{item}", id, itemId).then().statusCode(200);

        JsonPath now = api(token).when().get("/api/organiser/conferences/{id}", id).then().statusCode(200).extract()
                .jsonPath();
        Integer version = now.get("conference.agenda[0].version");
        assertThat(version).as("the item's version in GET /api/organiser/conferences/{id}").isNotNull();
        api(token).contentType(ContentType.JSON)
                .body(agendaItem("Vortrag 3", START.plus(Duration.ofHours(1)), null, version)).when()
                .put("/api/organiser/conferences/{id}/agenda/{item}", id, itemId).then().statusCode(200);
    }

    @Test
    void organiserTextIsCheckedForLinksAddressesAndLengthsWithFieldErrors() {
        String token = Organisers.apiToken(Organisers.KTS, "api-input");
        Map<String, Object> draft = draft("api-input", "Eingaben", 10, null);
        draft.put("onlineAccessLink", "javascript:alert(1)");
        draft.put("contactEmail", "keine-adresse");
        draft.put("motto", "x".repeat(501));
        draft.put("confirmWithinHours", 0);
        JsonPath refused = api(token).contentType(ContentType.JSON).body(draft).when()
                .post("/api/organiser/conferences").then().statusCode(400).extract().jsonPath();
        assertThat(refused.getList("errors.field")).containsExactlyInAnyOrder("onlineAccessLink", "contactEmail",
                "motto", "confirmWithinHours");
        assertThat(refused.getList("errors.code")).contains("URL_INVALID", "EMAIL_INVALID", "TOO_LONG",
                "CONFIRM_WITHIN_RANGE");

        draft.put("onlineAccessLink", "https://treffen.example/raum");
        draft.put("contactEmail", "team@kts.example");
        draft.put("motto", "Gemeinsam digital");
        draft.remove("confirmWithinHours");
        draft.remove("confirmEmail");
        JsonPath created = api(token).contentType(ContentType.JSON).body(draft).when()
                .post("/api/organiser/conferences").then().statusCode(201).extract().jsonPath();
        assertThat(created.getBoolean("confirmEmail")).as("double opt-in is on unless switched off").isTrue();
        assertThat(created.getInt("confirmWithinHours")).isEqualTo(24);
    }

    @Test
    void registrationsCanBeListedExportedCancelledAndCheckedIn() {
        String token = Organisers.apiToken(Organisers.KTS, "api-registrations");
        long id = api(token).contentType(ContentType.JSON).body(draft("api-registrations", "Anmeldungen", 2, null))
                .when().post("/api/organiser/conferences").then().statusCode(201).extract().jsonPath().getLong("id");
        api(token).contentType(ContentType.JSON).when().post("/api/organiser/conferences/{id}/publish", id).then()
                .statusCode(200);
        String anna = secret(signUp("api-registrations", "anna@api-reg.example"));
        signUp("api-registrations", "bernd@api-reg.example");
        String clara = secret(signUp("api-registrations", "clara@api-reg.example"));

        JsonPath list = api(token).when().get("/api/organiser/conferences/{id}/registrations", id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(list.getList("email")).containsExactly("anna@api-reg.example", "bernd@api-reg.example",
                "clara@api-reg.example");
        assertThat(list.getList("status")).containsExactly("CONFIRMED", "CONFIRMED", "WAITLISTED");
        assertThat(list.getLong("[2].waitlistPosition")).isEqualTo(1);
        api(token).queryParam("status", "WAITLISTED").when().get("/api/organiser/conferences/{id}/registrations", id)
                .then().statusCode(200).body("email", equalTo(List.of("clara@api-reg.example")));
        api(token).queryParam("q", "BERND").when().get("/api/organiser/conferences/{id}/registrations", id).then()
                .statusCode(200).body("email", equalTo(List.of("bernd@api-reg.example")));

        Response csv = api(token).when().get("/api/organiser/conferences/{id}/registrations.csv", id);
        csv.then().statusCode(200).contentType("text/csv");
        assertThat(csv.asByteArray()).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).hasSize(4);
        assertThat(text).contains("\"anna\";\"Test\";\"anna@api-reg.example\"", "clara@api-reg.example");

        // cancel Anna: Clara moves up
        long annaId = list.getLong("[0].id");
        api(token).when().delete("/api/organiser/conferences/{id}/registrations/{r}", id, annaId).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertThat(Attendees.get(anna).getString("status")).isEqualTo("CANCELLED");
        assertThat(Attendees.get(clara).getString("status")).isEqualTo("CONFIRMED");
        assertThat(
                new String(api(token).when().get("/api/organiser/conferences/{id}/registrations.csv", id).asByteArray(),
                        StandardCharsets.UTF_8)).doesNotContain("anna@api-reg.example");

        // check-in twice
        String code = QuarkusTransaction.requiringNew().call(
                () -> Registration.<Registration> find("email", "clara@api-reg.example").firstResult().checkinCode);
        api(token).contentType(ContentType.JSON).when()
                .post("/api/organiser/conferences/{id}/checkins/{code}", id, code).then().statusCode(200)
                .body("outcome", equalTo("CHECKED_IN")).body("registration.email", equalTo("clara@api-reg.example"))
                .body("registration.checkedInAt", notNullValue());
        api(token).contentType(ContentType.JSON).when()
                .post("/api/organiser/conferences/{id}/checkins/{code}", id, code).then().statusCode(200)
                .body("outcome", equalTo("ALREADY_CHECKED_IN"));
        api(token).contentType(ContentType.JSON).when()
                .post("/api/organiser/conferences/{id}/checkins/{code}", id, "unbekannt").then().statusCode(200)
                .body("outcome", equalTo("UNKNOWN_CODE"));
        String annaCode = QuarkusTransaction.requiringNew().call(
                () -> Registration.<Registration> find("email", "anna@api-reg.example").firstResult().checkinCode);
        api(token).contentType(ContentType.JSON).when()
                .post("/api/organiser/conferences/{id}/checkins/{code}", id, annaCode).then().statusCode(200)
                .body("outcome", equalTo("NOT_CONFIRMED"));

        // cancelling the conference through the API cancels the rest
        api(token).contentType(ContentType.JSON).when().post("/api/organiser/conferences/{id}/cancel", id).then()
                .statusCode(200).body("conference.status", equalTo("CANCELLED"));
        api(token).when().get("/api/organiser/conferences/{id}/registrations", id).then().statusCode(200).body("status",
                everyItem(equalTo("CANCELLED")));
    }

    // --- helpers
    // ------------------------------------------------------------------------------------------------------

    static RequestSpecification api(String token) {
        return given().auth().oauth2(token);
    }

    /** A conference of the kts organisation on one day, on site with {@code capacity} places. */
    static Map<String, Object> draft(String slug, String title, int capacity, Integer version) {
        long kts = QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug("kts").orElseThrow().id);
        Map<String, Object> draft = new HashMap<>();
        draft.put("organisationId", kts);
        draft.put("slug", slug);
        draft.put("title", title);
        draft.put("startsAt", START.toString());
        draft.put("endsAt", START.plus(Duration.ofHours(8)).toString());
        draft.put("format", "ON_SITE");
        draft.put("confirmEmail", false); // these tests sign up and manage at once; DoubleOptInTest covers the default
        draft.put("venueName", "Stadthalle");
        draft.put("venueCity", "Detmold");
        draft.put("onsiteCapacity", capacity);
        draft.put("version", version);
        return draft;
    }

    /** A workshop with {@code capacity} places, or a talk when null. */
    static Map<String, Object> agendaItem(String title, Instant start, Integer capacity, Integer version) {
        Map<String, Object> item = new HashMap<>();
        item.put("title", title);
        item.put("kind", capacity == null ? "TALK" : "WORKSHOP");
        item.put("startsAt", start.toString());
        item.put("endsAt", start.plus(Duration.ofMinutes(90)).toString());
        item.put("location", "Raum 1");
        item.put("bookable", capacity != null);
        item.put("capacity", capacity);
        item.put("speakers", List.of(Map.of("name", "Dr. Erika Muster", "organisation", "Stadt Detmold")));
        item.put("version", version);
        return item;
    }
}
