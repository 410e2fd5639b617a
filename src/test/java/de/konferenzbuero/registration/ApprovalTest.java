package de.konferenzbuero.registration;

import static de.konferenzbuero.Attendees.secret;
import static de.konferenzbuero.Attendees.signUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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

import de.konferenzbuero.Attendees;
import de.konferenzbuero.StoredMails;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.security.Organisers;

/**
 * Approval: at a conference that approves sign-ups, a sign-up waits (PENDING) holding no place until an organiser
 * approves it, then takes a place by the capacity rule or joins the waitlist, in the order people arrived; a rejection
 * ends it; every step mails the attendee, with the organisers' message.
 */
@QuarkusTest
class ApprovalTest {

    @Test
    void aSignUpWaitsHoldingNothingUntilApprovedThenTakesItsPlaceInArrivalOrder() {
        Conference c = TestConferences.create("approval-basic", conf -> {
            conf.onsiteCapacity = 1;
            conf.approvalRequired = true;
        });
        Instant start = c.startsAt.plus(Duration.ofHours(2));
        AgendaItem workshop = TestConferences.addItem(c, "Workshop Datenräume", AgendaItemKind.WORKSHOP, start,
                Duration.ofHours(1), 1);
        assertThat(given().get("/conferences/{slug}", c.slug).asString())
                .contains("Die Veranstalter prüfen jede Anmeldung.");

        JsonPath first = signUp(c.slug, "erste@freigabe.example", workshop.id);
        String second = secret(signUp(c.slug, "zweite@freigabe.example", workshop.id));
        String third = secret(signUp(c.slug, "dritte@freigabe.example", workshop.id));
        assertThat(first.getString("status")).isEqualTo("PENDING");
        assertThat(first.getLong("waitlistPosition")).isZero();
        assertThat(first.getString("items[0].status")).isEqualTo("REQUESTED");
        assertThat(taken(c)).as("a pending sign-up holds no place").isZero();
        OutboxMessage received = latestMail("erste@freigabe.example");
        assertThat(received.template).isEqualTo("pending");
        assertThat(received.subject).isEqualTo("Anmeldung eingegangen: " + c.title);
        assertThat(received.text).contains("Die Veranstalter prüfen jede Anmeldung",
                "Status: wartet auf Freigabe durch die Veranstalter");
        assertThat(received.attachments).as("no calendar file before approval").isEmpty();
        assertThat(given().get("/registrations/{secret}", secret(first)).asString())
                .contains("wartet auf die Freigabe durch die Veranstalter");

        // the organiser sees them in the order they arrived and approves the third and the first at once
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        String path = "/organiser/conferences/" + c.id + "/approvals";
        String page = organiser.page(path);
        assertThat(page.indexOf("erste@freigabe.example")).isLessThan(page.indexOf("zweite@freigabe.example"));
        assertThat(page.indexOf("zweite@freigabe.example")).isLessThan(page.indexOf("dritte@freigabe.example"));
        long firstId = id(page, "erste@freigabe.example");
        long thirdId = id(page, "dritte@freigabe.example");
        Response decided = organiser.post(path, Map.of("ids", List.of(String.valueOf(thirdId), String.valueOf(firstId)),
                "message", "Bitte bringen Sie Ihren Dienstausweis mit.", "decision", "approve"));
        assertThat(decided.statusCode()).isEqualTo(303);
        assertThat(organiser.follow(decided)).contains("Freigegeben: 2").doesNotContain("erste@freigabe.example")
                .contains("zweite@freigabe.example");

        // the first to arrive took the one place and the workshop; the third waits, first in line
        JsonPath approved = Attendees.get(secret(first));
        assertThat(approved.getString("status")).isEqualTo("CONFIRMED");
        assertThat(approved.getString("items[0].status")).isEqualTo("CONFIRMED");
        JsonPath waiting = Attendees.get(third);
        assertThat(waiting.getString("status")).isEqualTo("WAITLISTED");
        assertThat(waiting.getLong("waitlistPosition")).isEqualTo(1);
        assertThat(waiting.getString("items[0].status")).isEqualTo("REQUESTED");
        OutboxMessage placed = latestMail("erste@freigabe.example");
        assertThat(placed.template).isEqualTo("approved");
        assertThat(placed.subject).isEqualTo("Anmeldung freigegeben: " + c.title);
        assertThat(placed.text).contains("Ihr Platz ist bestätigt", "Nachricht der Veranstalter:",
                "Bitte bringen Sie Ihren Dienstausweis mit.");
        assertThat(placed.attachments).as("calendar files once the place is theirs").isNotEmpty();
        assertThat(latestMail("dritte@freigabe.example").text).contains("Platz 1 der Warteliste",
                "Bitte bringen Sie Ihren Dienstausweis mit.");

        // the second is rejected over the API, with a reason; deciding again changes nothing
        String token = Organisers.apiToken(Organisers.KTS, "approval-basic");
        JsonPath rejected = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("ids", List.of(id(page, "zweite@freigabe.example")), "message",
                        "Die Tagung ist leider den Kommunen vorbehalten."))
                .post("/api/organiser/conferences/{id}/registrations/reject", c.id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(rejected.getList("status")).containsExactly("CANCELLED");
        OutboxMessage no = latestMail("zweite@freigabe.example");
        assertThat(no.template).isEqualTo("rejected");
        assertThat(no.text).contains("leider nicht angenommen", "Die Tagung ist leider den Kommunen vorbehalten.");
        assertThat(given().get("/registrations/{secret}", second).asString())
                .contains("Die Veranstalter haben Ihre Anmeldung nicht angenommen.");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("ids", List.of(firstId)))
                .post("/api/organiser/conferences/{id}/registrations/approve", c.id).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(0));
        assertThat(Attendees.get(secret(first)).getString("status")).isEqualTo("CONFIRMED");
        assertThat(taken(c)).isEqualTo(1);

        // nothing selected: a field error on the page and on the API
        assertThat(organiser.post(path, Map.of("decision", "approve")).then().statusCode(400).extract().asString())
                .contains("Bitte wählen Sie mindestens einen Eintrag aus.");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("message", "x"))
                .post("/api/organiser/conferences/{id}/registrations/approve", c.id).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("ids"));

        // an approved place frees up like any other: the waitlist moves up
        Attendees.cancel(secret(first));
        assertThat(Attendees.get(third).getString("status")).isEqualTo("CONFIRMED");
        assertThat(Attendees.get(third).getString("items[0].status")).isEqualTo("CONFIRMED");
    }

    @Test
    void withDoubleOptInTheAddressIsConfirmedFirstAndAnOrganiserAddingSomeoneApprovesThem() {
        Conference c = TestConferences.create("approval-opt-in", conf -> {
            conf.onsiteCapacity = 5;
            conf.approvalRequired = true;
            conf.confirmEmail = true;
        });
        given().contentType(ContentType.JSON)
                .body(Map.of("firstName", "Erika", "lastName", "Muster", "email", "doi@freigabe.example", "attendance",
                        "ON_SITE", "privacyConsent", true))
                .post("/api/conferences/{slug}/registrations", c.slug).then().statusCode(202);
        OutboxMessage request = latestMail("doi@freigabe.example");
        assertThat(request.template).isEqualTo("confirmAddress");
        assertThat(request.text).contains("Bitte bestätigen Sie noch Ihre E-Mail-Adresse",
                "Die Veranstalter prüfen jede Anmeldung");
        Matcher link = Pattern.compile("/registrations/([A-Za-z0-9_-]{43})/confirm").matcher(request.text);
        assertThat(link.find()).isTrue();
        given().contentType(ContentType.JSON).post("/api/registrations/{secret}/confirm", link.group(1)).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.is("PENDING"));
        assertThat(latestMail("doi@freigabe.example").template).isEqualTo("pending");
        assertThat(taken(c)).isZero();

        // someone the organiser enters by hand is approved with it
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        organiser.post("/organiser/conferences/" + c.id + "/registrations", Map.of("firstName", "Per", "lastName",
                "Telefon", "email", "hand@freigabe.example", "privacyConsent", "true")).then().statusCode(303);
        assertThat(latestMail("hand@freigabe.example").template).isEqualTo("confirmed");
        assertThat(taken(c)).isEqualTo(1);
    }

    @Test
    void approvingAnUnconfirmedAddressReservesThePlaceAndAnEndedHoldIsNotApproved() {
        Conference c = TestConferences.create("approval-unconfirmed", conf -> {
            conf.onsiteCapacity = 2;
            conf.approvalRequired = true;
            conf.confirmEmail = true;
        });
        for (String email : List.of("offen@freigabe.example", "abgelaufen@freigabe.example")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("firstName", "Erika", "lastName", "Muster", "email", email, "attendance", "ON_SITE",
                            "privacyConsent", true))
                    .post("/api/conferences/{slug}/registrations", c.slug).then().statusCode(202)
                    .body("detail", org.hamcrest.Matchers.containsString("lapses if it is not confirmed in time"));
        }
        String token = Organisers.apiToken(Organisers.KTS, "approval-unconfirmed");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("ids", List.of(registrationId("offen@freigabe.example"))))
                .post("/api/organiser/conferences/{id}/registrations/approve", c.id).then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.is("CONFIRMED"));
        assertThat(taken(c)).as("the approved place is reserved while the address awaits confirmation").isEqualTo(1);
        OutboxMessage approved = latestMail("offen@freigabe.example");
        assertThat(approved.template).isEqualTo("approved");
        assertThat(approved.text).contains("Ihr Platz ist für Sie reserviert", "/confirm")
                .doesNotContain("Ihr Platz ist bestätigt", "Kalenderdateien");
        assertThat(approved.attachments).as("no calendar file before the address is confirmed").isEmpty();

        // the other one's hold ended before the expiry job came by: approving it ends it instead
        QuarkusTransaction.requiringNew().run(() -> Registration.update("holdExpiresAt = ?1 where email = ?2",
                Instant.now().minusSeconds(60), "abgelaufen@freigabe.example"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("ids", List.of(registrationId("abgelaufen@freigabe.example"))))
                .post("/api/organiser/conferences/{id}/registrations/approve", c.id).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(0));
        assertThat(QuarkusTransaction.requiringNew().call(
                () -> Registration.<Registration> find("email", "abgelaufen@freigabe.example").firstResult().status))
                        .isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(taken(c)).isEqualTo(1);
    }

    private static long registrationId(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration> find("email", email).firstResult().id);
    }

    private static long id(String page, String email) {
        Matcher m = Pattern
                .compile("name=\"ids\" value=\"(\\d+)\"(?:(?!name=\"ids\").)*?" + Pattern.quote(email), Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("a checkbox for " + email).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static int taken(Conference c) {
        return QuarkusTransaction.requiringNew().call(() -> Conference.<Conference> findById(c.id).onsiteTaken);
    }

    private static OutboxMessage latestMail(String email) {
        StoredMails.render();
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage m = OutboxMessage.<OutboxMessage> find("recipient = ?1 order by id desc", email)
                    .firstResult();
            m.attachments.size();
            return m;
        });
    }
}
