package de.konferenzbuero.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.conference.Contingent;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.security.Organisers;

/**
 * Invitations and contingents: an invited person registers through a personal link before the public window opens and
 * takes a reserved place; a shared link counts its uses; reserved places are no one else's until released, and then go
 * to the waitlist.
 */
@QuarkusTest
class InvitationsTest {

    @Test
    void aPersonalInvitationRegistersBeforeTheWindowOpensWithAReservedPlace() {
        Conference c = TestConferences.create("einladung-persoenlich", conf -> {
            conf.onsiteCapacity = 3;
            conf.registrationOpensAt = Instant.now().plus(Duration.ofDays(7));
            conf.confirmEmail = true;
            conf.approvalRequired = true;
        });
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        String path = "/organiser/conferences/" + c.id + "/invitations";
        assertThat(organiser.page("/organiser/conferences/" + c.id)).contains("Einladungen und Kontingente");

        // more places than are free are refused at the field
        assertThat(organiser
                .post(path + "/contingents", Map.of("name", "Stadtrat Lemgo", "attendance", "ON_SITE", "places", "4"))
                .then().statusCode(400).extract().asString()).contains("So viele Plätze sind nicht für alle frei");
        Response created = organiser.post(path + "/contingents",
                Map.of("name", "Stadtrat Lemgo", "attendance", "ON_SITE", "places", "2"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(organiser.follow(created)).contains("Das Kontingent wurde angelegt.", "Stadtrat Lemgo", "0 / 2");
        long contingent = contingentId(c, "Stadtrat Lemgo");

        Response sent = organiser.post(path + "/personal", Map.of("email", "Rat@Lemgo.example", "label",
                "Stadtrat Lemgo", "contingentId", String.valueOf(contingent), "language", "de"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(organiser.follow(sent)).contains("Die Einladung wurde versendet.", "persönlich (eine Adresse)",
                "0 von 1");
        OutboxMessage mail = latestMail("rat@lemgo.example");
        assertThat(mail.template).isEqualTo("invitation");
        assertThat(mail.subject).isEqualTo("Einladung zur Anmeldung: " + c.title);
        assertThat(mail.text).contains("lädt Sie ein, sich für „" + c.title + "“ anzumelden",
                "Kontingent „Stadtrat Lemgo“", "rat@lemgo.example");
        String token = token(mail.text);

        // the public form is not open yet, the invitation's page is
        assertThat(given().get("/conferences/{slug}", c.slug).asString()).doesNotContain("signup-heading\" class");
        String page = given().get("/invitations/{token}", token).then().statusCode(200).extract().asString();
        assertThat(page).contains("Sie sind eingeladen (Stadtrat Lemgo)", "Kontingent „Stadtrat Lemgo“",
                "action=\"/invitations/" + token + "\"");

        // another address is refused; the invited one is confirmed at once, without approval, on a reserved place
        given().contentType(ContentType.JSON).body(person("jemand@anders.example"))
                .post("/api/invitations/{token}/registrations", token).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("email"));
        JsonPath registered = given().contentType(ContentType.JSON).body(person("rat@lemgo.example"))
                .post("/api/invitations/{token}/registrations", token).then().statusCode(201).extract().jsonPath();
        assertThat(registered.getString("status")).isEqualTo("CONFIRMED");
        assertThat(latestMail("rat@lemgo.example").template).isEqualTo("confirmed");
        assertThat(contingentTaken(contingent)).isEqualTo(1);
        assertThat(free(c)).as("3 places, 1 taken, 1 still reserved").isEqualTo(1);

        // used once: the link is no longer valid
        assertThat(given().get("/invitations/{token}", token).then().statusCode(404).extract().asString())
                .contains("Einladung nicht gültig");
        given().contentType(ContentType.JSON).body(person("rat@lemgo.example"))
                .post("/api/invitations/{token}/registrations", token).then().statusCode(404);

        // the organiser's detail names the invitation and the contingent
        String list = organiser.page("/organiser/conferences/" + c.id + "/registrations");
        Matcher detail = Pattern.compile("/organiser/conferences/" + c.id + "/registrations/(\\d+)").matcher(list);
        assertThat(detail.find()).isTrue();
        assertThat(organiser.page(detail.group())).contains("Angemeldet mit der Einladung „Stadtrat Lemgo“",
                "Platz aus dem Kontingent „Stadtrat Lemgo“");

        // cancelled, the place goes back to the contingent, not to everyone
        Attendees.cancel(Attendees.secret(registered));
        assertThat(contingentTaken(contingent)).isZero();
        assertThat(free(c)).isEqualTo(1);
    }

    @Test
    void aSharedLinkOpensADraftCountsItsUsesAndReleasedPlacesGoToTheWaitlist() {
        Conference c = TestConferences.create("einladung-gemeinsam", conf -> conf.onsiteCapacity = 2);
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        String path = "/organiser/conferences/" + c.id + "/invitations";
        organiser.post(path + "/contingents", Map.of("name", "Modellprojekte", "attendance", "ON_SITE", "places", "1"))
                .then().statusCode(303);
        long contingent = contingentId(c, "Modellprojekte");
        String shared = organiser.post(path + "/shared", Map.of("codeLabel", "Verteiler Modellprojekte", "maxUses", "2",
                "codeContingentId", String.valueOf(contingent))).then().statusCode(200).extract().asString();
        assertThat(shared).contains("Der Einladungslink wurde erzeugt.");
        String token = token(shared);
        assertThat(organiser.page(path)).contains("Verteiler Modellprojekte", "gemeinsamer Link", "0 von 2")
                .doesNotContain(token);

        // the public fill the one place for everyone and wait; the reserved one is not theirs
        assertThat(Attendees.signUp(c.slug, "oeffentlich1@einladung.example").getString("status"))
                .isEqualTo("CONFIRMED");
        JsonPath waiting = Attendees.signUp(c.slug, "oeffentlich2@einladung.example");
        assertThat(waiting.getString("status")).isEqualTo("WAITLISTED");

        // back to draft: the link still opens the registration; two uses, then it is used up
        QuarkusTransaction.requiringNew()
                .run(() -> Conference.update("status = ?1 where id = ?2", ConferenceStatus.DRAFT, c.id));
        given().get("/conferences/{slug}", c.slug).then().statusCode(404);
        assertThat(given().get("/invitations/{token}", token).then().statusCode(200).extract().asString())
                .contains("Diese Veranstaltung ist noch nicht öffentlich angekündigt.");
        given().contentType(ContentType.JSON).body(person("projekt1@einladung.example"))
                .post("/api/invitations/{token}/registrations", token).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.is("CONFIRMED"));
        given().contentType(ContentType.JSON).body(person("projekt2@einladung.example"))
                .post("/api/invitations/{token}/registrations", token).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.is("WAITLISTED"));
        given().contentType(ContentType.JSON).body(person("projekt3@einladung.example"))
                .post("/api/invitations/{token}/registrations", token).then().statusCode(404);
        assertThat(organiser.page(path)).contains("2 von 2");

        // the first invited person cancels: the place is reserved again, nobody moves up
        QuarkusTransaction.requiringNew()
                .run(() -> Conference.update("status = ?1 where id = ?2", ConferenceStatus.PUBLISHED, c.id));
        Attendees.cancel(secretOf("projekt1@einladung.example"));
        assertThat(Attendees.get(Attendees.secret(waiting)).getString("status")).isEqualTo("WAITLISTED");

        // released by its date: the first on the waitlist gets the place
        QuarkusTransaction.requiringNew().run(
                () -> Contingent.update("releaseAt = ?1 where id = ?2", Instant.now().minusSeconds(1), contingent));
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> io.quarkus.arc.Arc.container().instance(Contingents.class).get().releaseDue(Instant.now())))
                        .isEqualTo(1);
        assertThat(Attendees.get(Attendees.secret(waiting)).getString("status")).isEqualTo("CONFIRMED");
        assertThat(organiser.page(path)).contains("freigegeben");
    }

    private static Map<String, Object> person(String email) {
        return Map.of("firstName", "Erika", "lastName", "Muster", "email", email, "attendance", "ON_SITE",
                "privacyConsent", true);
    }

    private static String token(String text) {
        Matcher m = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(m.find()).as("an invitation link").isTrue();
        return m.group(1);
    }

    private static long contingentId(Conference c, String name) {
        return QuarkusTransaction.requiringNew().call(
                () -> Contingent.<Contingent> find("conference.id = ?1 and name = ?2", c.id, name).firstResult().id);
    }

    private static int contingentTaken(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Contingent.<Contingent> findById(id).taken);
    }

    private static int free(Conference c) {
        return QuarkusTransaction.requiringNew().call(() -> Conference.<Conference> findById(c.id)
                .freePlaces(de.konferenzbuero.conference.Attendance.ON_SITE));
    }

    private static String secretOf(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration> find("email", email).firstResult().manageSecret);
    }

    private static OutboxMessage latestMail(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage m = OutboxMessage.<OutboxMessage> find("recipient = ?1 order by id desc", email)
                    .firstResult();
            m.attachments.size();
            return m;
        });
    }
}
