package de.konferenzbuero.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;

/**
 * What an administrator does with an account: deactivate and reactivate it, end its sessions, take it out of an
 * organisation.
 */
@QuarkusTest
class AccountLifecycleTest {

    private static final String PASSWORD = "lebenszyklus-2026";

    @Test
    void aDeactivatedAccountLosesItsSessionsItsTokensAndItsLogin() {
        String email = Organisers.createOrganiser("lifecycle-off@example.org", PASSWORD, "kts");
        Organisers.Session session = Organisers.login(email, PASSWORD);
        String token = Organisers.apiToken(email, "lifecycle-off");
        session.get("/organiser").then().statusCode(200);
        given().auth().oauth2(token).get("/api/organiser/conferences").then().statusCode(200);

        Organisers.Session admin = Organisers.login(Organisers.ADMIN);
        String page = admin.page("/organiser/admin");
        String deactivate = "/organiser/admin/organisers/" + id(email) + "/deactivate";
        assertThat(page).contains(deactivate);
        assertThat(page).as("no button to deactivate oneself")
                .doesNotContain("/organiser/admin/organisers/" + id(Organisers.ADMIN) + "/deactivate");
        assertThat(admin.post(deactivate).header("Location")).endsWith("/organiser/admin?notice=deactivated");
        assertThat(admin.page("/organiser/admin?notice=deactivated")).contains("Das Konto ist deaktiviert");

        assertThat(session.get("/organiser").statusCode()).as("the open session ended").isNotEqualTo(200);
        given().auth().oauth2(token).get("/api/organiser/conferences").then().statusCode(401);
        assertThat(Organisers.attemptLogin(email, PASSWORD).statusCode()).as("no login").isNotEqualTo(303);

        admin.post("/organiser/admin/organisers/" + id(email) + "/activate").then().statusCode(303);
        Organisers.login(email, PASSWORD).get("/organiser").then().statusCode(200);
        assertThat(admin.post("/organiser/admin/organisers/" + id(Organisers.ADMIN) + "/deactivate").statusCode())
                .as("an administrator cannot lock themselves out").isEqualTo(404);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> Organiser.findByEmail(Organisers.ADMIN).orElseThrow().active)).isTrue();
    }

    @Test
    void anAdministratorSendsAOneTimeLinkToSetANewPassword() {
        String email = Organisers.createOrganiser("lifecycle-reset@example.org", PASSWORD, "kts");
        Organisers.Session before = Organisers.login(email, PASSWORD);
        Organisers.Session admin = Organisers.login(Organisers.ADMIN);
        String send = "/organiser/admin/organisers/" + id(email) + "/password-link";
        assertThat(admin.page("/organiser/admin")).contains(send);
        assertThat(admin.post(send).header("Location")).endsWith("/organiser/admin?notice=password-link-sent");
        assertThat(admin.page("/organiser/admin?notice=password-link-sent")).contains("Er gilt 24 Stunden");

        OutboxMessage mail = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage> find("recipient = ?1 and template = 'passwordReset'", email).singleResult());
        assertThat(mail.subject).isEqualTo("Neues Passwort für Ihr Konto im Konferenzbüro");
        Matcher link = Pattern.compile("/organiser/password-reset/[A-Za-z0-9_-]{43}").matcher(mail.text);
        assertThat(link.find()).as("the link in the mail").isTrue();
        assertThat(mail.html).contains(link.group());
        String path = link.group();
        assertThat(Organisers.login(email, PASSWORD).cookie()).as("the old password works until a new one is set")
                .isNotBlank();

        given().when().get(path).then().statusCode(200).header("Cache-Control", "no-store")
                .body(org.hamcrest.Matchers.containsString(email));
        String csrf = Organisers.csrfToken();
        given().cookie(Organisers.CSRF, csrf).contentType(ContentType.URLENC).formParam(Organisers.CSRF, csrf)
                .formParam("newPassword", "neues-passwort-2026").formParam("repeatPassword", "anders-2026-abc").when()
                .post(path).then().statusCode(400).body(org.hamcrest.Matchers.containsString("f-repeatPassword-error"));
        given().redirects().follow(false).cookie(Organisers.CSRF, csrf).contentType(ContentType.URLENC)
                .formParam(Organisers.CSRF, csrf).formParam("newPassword", "neues-passwort-2026")
                .formParam("repeatPassword", "neues-passwort-2026").when().post(path).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/organiser/login?notice=password-set"));

        assertThat(before.get("/organiser").statusCode()).as("sessions of the old password ended").isNotEqualTo(200);
        assertThat(Organisers.attemptLogin(email, PASSWORD).statusCode()).isEqualTo(401);
        Organisers.login(email, "neues-passwort-2026").get("/organiser").then().statusCode(200);
        given().when().get(path).then().statusCode(410)
                .body(org.hamcrest.Matchers.containsString("Dieser Link gilt nicht mehr"));
        given().cookie(Organisers.CSRF, csrf).contentType(ContentType.URLENC).formParam(Organisers.CSRF, csrf)
                .formParam("newPassword", "noch-ein-passwort-1").formParam("repeatPassword", "noch-ein-passwort-1")
                .when().post(path).then().statusCode(410);
        given().when().get("/organiser/password-reset/gibt-es-nicht").then().statusCode(410);
    }

    @Test
    void endingAllSessionsLogsTheAccountOutEverywhere() {
        String email = Organisers.createOrganiser("lifecycle-sessions@example.org", PASSWORD, "kts");
        Organisers.Session laptop = Organisers.login(email, PASSWORD);
        Organisers.Session phone = Organisers.login(email, PASSWORD);

        Organisers.login(Organisers.ADMIN).post("/organiser/admin/organisers/" + id(email) + "/end-sessions").then()
                .statusCode(303);

        assertThat(laptop.get("/organiser").statusCode()).isNotEqualTo(200);
        assertThat(phone.get("/organiser").statusCode()).isNotEqualTo(200);
        Organisers.login(email, PASSWORD).get("/organiser").then().statusCode(200);
    }

    @Test
    void aMemberRemovedFromAnOrganisationNoLongerManagesItsConferences() {
        String email = Organisers.createOrganiser("lifecycle-member@example.org", PASSWORD, "kts");
        String token = Organisers.apiToken(email, "lifecycle-member");
        assertThat(given().auth().oauth2(token).get("/api/organiser/conferences").jsonPath().getList("slug"))
                .isNotEmpty();
        long kts = QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug("kts").orElseThrow().id);

        Organisers.Session admin = Organisers.login(Organisers.ADMIN);
        String remove = "/organiser/admin/organisers/" + id(email) + "/memberships/" + kts + "/remove";
        assertThat(admin.page("/organiser/admin")).contains(remove);
        admin.post(remove).then().statusCode(303);

        assertThat(given().auth().oauth2(token).get("/api/organiser/conferences").jsonPath().getList("slug"))
                .as("conferences of the organisation it left").isEmpty();
        assertThat(admin.page("/organiser/admin")).doesNotContain(remove);
    }

    private static long id(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Organiser.findByEmail(email).orElseThrow().id);
    }
}
