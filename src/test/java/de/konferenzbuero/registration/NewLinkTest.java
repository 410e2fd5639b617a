package de.konferenzbuero.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.OutboxMessage;

/**
 * The manage link by mail: a new one asked for on the manage page (a link passed on; the old one stops working at
 * once), the same one again asked for with the address (a link lost; the answer never tells whether the address is
 * registered).
 */
@QuarkusTest
class NewLinkTest {

    private static final Pattern MANAGE_LINK = Pattern.compile("/registrations/([A-Za-z0-9_-]{43})");

    @Test
    void onTheManagePageTheOldLinkStopsWorkingAndTheNewOneComesByMail() {
        Conference c = TestConferences.create("link-renew", conf -> {
        });
        String old = Attendees.secret(Attendees.signUp(c.slug, "renew@link.example"));

        Response manage = given().get("/registrations/{secret}", old);
        assertThat(manage.asString()).contains("Neuen Link per E-Mail anfordern");
        Response answer = form(manage, "/registrations/" + old + "/new-link", Map.of());
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/conferences/" + c.slug + "/link?notice=renewed");
        assertThat(given().get(answer.header("Location")).asString()).contains("neuen Link per E-Mail geschickt");

        given().get("/registrations/{secret}", old).then().statusCode(404);
        given().get("/api/registrations/{secret}", old).then().statusCode(404);
        OutboxMessage mail = last("renew@link.example");
        assertThat(mail.template).isEqualTo("newLink");
        assertThat(mail.subject).isEqualTo("Ihr neuer Link zur Anmeldung: " + c.title);
        assertThat(mail.text).contains("Der bisherige Link gilt ab sofort nicht mehr");
        String fresh = link(mail.text);
        assertThat(fresh).isNotEqualTo(old);
        assertThat(Attendees.get(fresh).getString("status")).as("the registration itself is unchanged")
                .isEqualTo("CONFIRMED");
    }

    @Test
    void overTheApiTheSameHappens() {
        Conference c = TestConferences.create("link-renew-api", conf -> {
        });
        String old = Attendees.secret(Attendees.signUp(c.slug, "api@link.example"));
        Response answer = given().contentType(ContentType.JSON).post("/api/registrations/{secret}/new-link", old);
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.jsonPath().getString("status")).isEqualTo("NEW_LINK_SENT");
        assertThat(answer.asString()).doesNotContain("/registrations/");
        given().get("/api/registrations/{secret}", old).then().statusCode(404);
        Attendees.get(link(last("api@link.example").text));
    }

    @Test
    void byAddressTheLinkIsSentAgainUnchangedWithTheSameAnswerWhetherOrNotTheAddressIsRegistered() {
        Conference c = TestConferences.create("link-lost", conf -> {
        });
        String old = Attendees.secret(Attendees.signUp(c.slug, "lost@link.example"));
        int mailsBefore = mails("lost@link.example").size();

        Response known = form(given().get("/conferences/{slug}/link", c.slug), "/conferences/" + c.slug + "/link",
                Map.of("email", "  Lost@Link.example "));
        Response unknown = form(given().get("/conferences/{slug}/link", c.slug), "/conferences/" + c.slug + "/link",
                Map.of("email", "nobody@link.example"));
        assertThat(known.statusCode()).isEqualTo(303);
        assertThat(unknown.statusCode()).isEqualTo(303);
        assertThat(known.header("Location")).isEqualTo(unknown.header("Location"));

        // the link goes out after the answer, so that its timing tells nothing either
        awaitMails("lost@link.example", mailsBefore + 1);
        assertThat(mails("nobody@link.example")).isEmpty();
        OutboxMessage mail = last("lost@link.example");
        assertThat(mail.template).isEqualTo("yourLink");
        assertThat(link(mail.text)).as("a stranger who knows the address cannot end the link").isEqualTo(old);
        given().get("/registrations/{secret}", old).then().statusCode(200);

        Response apiKnown = given().contentType(ContentType.JSON).body(Map.of("email", "lost@link.example"))
                .post("/api/conferences/{slug}/link-requests", c.slug);
        Response apiUnknown = given().contentType(ContentType.JSON).body(Map.of("email", "nobody@link.example"))
                .post("/api/conferences/{slug}/link-requests", c.slug);
        assertThat(apiKnown.statusCode()).isEqualTo(202);
        assertThat(apiKnown.asString()).isEqualTo(apiUnknown.asString());
    }

    @Test
    void anEndedRegistrationGetsNoNewLink() {
        Conference c = TestConferences.create("link-cancelled", conf -> {
        });
        String secret = Attendees.secret(Attendees.signUp(c.slug, "ended@link.example"));
        Attendees.cancel(secret);
        assertThat(
                given().contentType(ContentType.JSON).post("/api/registrations/{secret}/new-link", secret).statusCode())
                        .isEqualTo(409);
        assertThat(given().get("/registrations/{secret}", secret).asString())
                .doesNotContain("/registrations/" + secret + "/new-link");
        assertThat(last("ended@link.example").template).isEqualTo("cancelled");
    }

    @Test
    void anAddressThatIsNoneGetsAFieldError() {
        Conference c = TestConferences.create("link-invalid", conf -> {
        });
        Response page = form(given().get("/conferences/{slug}/link", c.slug), "/conferences/" + c.slug + "/link",
                Map.of("email", "kein-at-zeichen"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString()).contains("error-summary").contains("aria-invalid=\"true\"");
        Response api = given().contentType(ContentType.JSON).body(Map.of("email", ""))
                .post("/api/conferences/{slug}/link-requests", c.slug);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.jsonPath().getString("errors[0].field")).isEqualTo("email");
    }

    /** Submits a form the way the page does, with the CSRF token the page came with. */
    private static Response form(Response page, String action, Map<String, String> fields) {
        String csrf = page.getCookie("csrf-token");
        return given().redirects().follow(false).cookie("csrf-token", csrf).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).formParams(fields).post(action);
    }

    private static void awaitMails(String email, int count) {
        for (int i = 0; i < 100 && mails(email).size() < count; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(mails(email)).hasSize(count);
    }

    private static String link(String text) {
        Matcher m = MANAGE_LINK.matcher(text);
        assertThat(m.find()).as("a manage link in: %s", text).isTrue();
        return m.group(1);
    }

    private static OutboxMessage last(String email) {
        List<OutboxMessage> mails = mails(email);
        return mails.get(mails.size() - 1);
    }

    private static List<OutboxMessage> mails(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.list("recipient = ?1 order by id", email));
    }
}
