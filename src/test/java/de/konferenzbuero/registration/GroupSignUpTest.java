package de.konferenzbuero.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import de.konferenzbuero.StoredMails;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.OutboxMessage;

/**
 * Group sign-up: one person registers colleagues in one request; each gets their own registration, mail and manage
 * link, decided in the order given by the same capacity rule; a refused field of anyone registers nobody.
 */
@QuarkusTest
class GroupSignUpTest {

    @Test
    void eachColleagueGetsTheirOwnRegistrationAndMailInTheOrderGiven() {
        Conference c = TestConferences.create("group-api", conf -> conf.onsiteCapacity = 2);
        Instant start = c.startsAt.plus(Duration.ofHours(2));
        AgendaItem workshop = TestConferences.addItem(c, "Workshop Open Data", AgendaItemKind.WORKSHOP, start,
                Duration.ofHours(1), 1);

        JsonPath outcome = given().contentType(ContentType.JSON)
                .body(Map.of("people",
                        List.of(person("Anna", "anna@kreis.example", List.of(workshop.id)),
                                person("Bernd", "bernd@kreis.example", List.of(workshop.id)),
                                person("Clara", "clara@kreis.example", List.of()))))
                .post("/api/conferences/{slug}/group-registrations", c.slug).then().statusCode(200).extract()
                .jsonPath();
        assertThat(outcome.getList("email")).containsExactly("anna@kreis.example", "bernd@kreis.example",
                "clara@kreis.example");
        assertThat(outcome.getList("status")).containsExactly("CONFIRMED", "CONFIRMED", "WAITLISTED");
        assertThat(outcome.getLong("[2].waitlistPosition")).isEqualTo(1);
        assertThat(outcome.getString("[0]")).as("manage links go to each person only").doesNotContain("registrations/");

        Registration anna = registration("anna@kreis.example");
        Registration bernd = registration("bernd@kreis.example");
        assertThat(anna.manageSecretHash).isNotEqualTo(bernd.manageSecretHash);
        assertThat(anna.bookings.get(0).status).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(bernd.bookings.get(0).status).as("the workshop's one place went to the first")
                .isEqualTo(BookingStatus.WAITLISTED);
        for (String email : List.of("anna@kreis.example", "bernd@kreis.example", "clara@kreis.example")) {
            OutboxMessage mail = latestMail(email);
            assertThat(mail.recipient).isEqualTo(email);
            assertThat(mail.text).contains("/registrations/");
        }
        assertThat(latestMail("clara@kreis.example").template).isEqualTo("waitlisted");
        assertThat(latestMail("clara@kreis.example").text).as("they did not fill in the form themselves")
                .contains("Diese Anmeldung hat eine andere Person für Sie vorgenommen");
        de.konferenzbuero.Attendees.signUp(c.slug, "einzeln@kreis.example");
        assertThat(latestMail("einzeln@kreis.example").text).doesNotContain("andere Person");
        assertThat(consentChannel(anna.id)).isEqualTo("GROUP");

        // an address registered already: that person's owner is told by mail, the others are registered
        JsonPath again = given().contentType(ContentType.JSON)
                .body(Map.of("people",
                        List.of(person("Anna", "ANNA@kreis.example", List.of()),
                                person("Dora", "dora@kreis.example", List.of()))))
                .post("/api/conferences/{slug}/group-registrations", c.slug).then().statusCode(200).extract()
                .jsonPath();
        assertThat(again.getList("status")).containsExactly("ALREADY_REGISTERED", "WAITLISTED");
        assertThat(again.getLong("[1].waitlistPosition")).isEqualTo(3);
        assertThat(latestMail("anna@kreis.example").template).isEqualTo("alreadyRegistered");
    }

    @Test
    void aRefusedFieldOfAnyoneRegistersNobody() {
        Conference c = TestConferences.create("group-invalid", conf -> conf.onsiteCapacity = 10);
        given().contentType(ContentType.JSON)
                .body(Map.of("people",
                        List.of(person("Erik", "erik@kreis.example", List.of()),
                                person("", "kein-name@kreis.example", List.of()),
                                person("Erik", "Erik@kreis.example", List.of()))))
                .post("/api/conferences/{slug}/group-registrations", c.slug).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("people[1].firstName", "people[2].email"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count("conference.id", c.id))).isZero();

        List<Map<String, Object>> eleven = IntStream.range(0, 11)
                .mapToObj(i -> person("P" + i, "p" + i + "@kreis.example", List.of())).toList();
        given().contentType(ContentType.JSON).body(Map.of("people", eleven))
                .post("/api/conferences/{slug}/group-registrations", c.slug).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("people"));
        given().contentType(ContentType.JSON).body(Map.of("people", List.of()))
                .post("/api/conferences/{slug}/group-registrations", c.slug).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("people"));
        given().contentType(ContentType.JSON).body("{\"people\": \"Anna\"}")
                .post("/api/conferences/{slug}/group-registrations", c.slug).then().statusCode(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count("conference.id", c.id))).isZero();
    }

    @Test
    void theFormRegistersEachPersonShowsTheOutcomeAndKeepsEntriesOnErrors() {
        Conference c = TestConferences.create("group-form", conf -> conf.onsiteCapacity = 1);
        String page = given().get("/conferences/{slug}", c.slug).asString();
        assertThat(page).contains("href=\"/conferences/group-form/group\"", "Mehrere Personen gemeinsam anmelden");
        var form = given().get("/conferences/{slug}/group", c.slug);
        String csrf = form.getCookie("csrf-token");
        assertThat(form.asString()).contains("<legend>Person 1</legend>", "<legend>Person 3</legend>",
                "name=\"p2-email\"", "id=\"f-p2-email\"", "for=\"f-p2-email\"");

        // another section, entries kept
        String more = given().cookie("csrf-token", csrf).contentType(ContentType.URLENC).formParam("csrf-token", csrf)
                .formParam("count", "3").formParam("p1-firstName", "Greta").formParam("more", "1")
                .post("/conferences/{slug}/group", c.slug).then().statusCode(200).extract().asString();
        assertThat(more).contains("<legend>Person 4</legend>", "value=\"Greta\"");

        // a missing address and no declaration: errors at the fields, nobody registered
        String refused = given().cookie("csrf-token", csrf).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).formParam("count", "3").formParam("all-organisation", "Amt Beispiel")
                .formParam("p1-firstName", "Greta").formParam("p1-lastName", "Gruppe")
                .formParam("p1-email", "greta@amt.example").formParam("p2-firstName", "Hans")
                .formParam("p2-lastName", "Gruppe").post("/conferences/{slug}/group", c.slug).then().statusCode(400)
                .extract().asString();
        assertThat(refused).contains("href=\"#f-p2-email\"",
                "Person 2, E-Mail-Adresse: Bitte füllen Sie dieses Feld aus.", "href=\"#f-all-privacyConsent\"",
                "Bitte bestätigen Sie, dass Sie die genannten Personen informiert haben", "value=\"Greta\"",
                "value=\"Amt Beispiel\"", "id=\"f-p2-email-error\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count("conference.id", c.id))).isZero();

        String outcome = given().cookie("csrf-token", csrf).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).formParam("count", "3").formParam("all-organisation", "Amt Beispiel")
                .formParam("all-privacyConsent", "true").formParam("p1-firstName", "Greta")
                .formParam("p1-lastName", "Gruppe").formParam("p1-email", "greta@amt.example")
                .formParam("p2-firstName", "Hans").formParam("p2-lastName", "Gruppe")
                .formParam("p2-email", "hans@amt.example").formParam("p2-needsWheelchair", "true")
                .post("/conferences/{slug}/group", c.slug).then().statusCode(200).extract().asString();
        assertThat(outcome).contains("Ihre Gruppenanmeldung", "Greta Gruppe", "Angemeldet, der Platz ist bestätigt",
                "Hans Gruppe", "Auf der Warteliste, Platz 1").doesNotContain("/registrations/");
        Registration hans = registration("hans@amt.example");
        assertThat(hans.organisation).isEqualTo("Amt Beispiel");
        assertThat(hans.needsWheelchair).isTrue();
        assertThat(hans.photoConsent).as("photos are for each person to decide").isFalse();
        assertThat(latestMail("hans@amt.example").template).isEqualTo("waitlisted");
        assertThat(latestMail("greta@amt.example").template).isEqualTo("confirmed");
        assertThat(latestMail("greta@amt.example").html).contains("Gruppenanmeldung");
    }

    private static Map<String, Object> person(String firstName, String email, List<Long> items) {
        Map<String, Object> p = new HashMap<>();
        p.put("firstName", firstName);
        p.put("lastName", "Kollegin");
        p.put("email", email);
        p.put("organisation", "Landkreis Beispiel");
        p.put("attendance", "ON_SITE");
        p.put("items", items);
        p.put("privacyConsent", true);
        return p;
    }

    private static Registration registration(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration r = Registration.<Registration> find("email", email).firstResult();
            r.bookings.size();
            return r;
        });
    }

    private static String consentChannel(long registrationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ConsentRecord.<ConsentRecord> find("registrationId", registrationId).firstResult().channel
                        .name());
    }

    private static OutboxMessage latestMail(String email) {
        StoredMails.render();
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage> find("recipient = ?1 order by id desc", email).firstResult());
    }
}
