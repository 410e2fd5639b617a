package de.konferenzbuero.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.security.Organisers;

/**
 * The rate limits with their default numbers, as in production: a script's flood of sign-ups and logins from one
 * address is answered 429 after the limit, mails to one address are capped, and bots filling the hidden field get
 * nothing.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LimitsOn.class)
class RateLimitTest {

    /** The test profile switches the limits off, as every test request comes from 127.0.0.1. */
    public static class LimitsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("konferenzbuero.rate-limits.enabled", "true");
        }
    }

    @BeforeEach
    void newWindow() {
        QuarkusTransaction.requiringNew()
                .run(() -> Registration.getEntityManager().createNativeQuery("delete from rate_limit").executeUpdate());
    }

    @Test
    void aLoopOf200SignUpsFromOneClientIsAnswered429AfterTheLimit() {
        Conference c = TestConferences.create("limit-flood", conf -> conf.onsiteCapacity = 1000);
        List<Integer> answers = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 200; i++) {
            Response answer = Attendees.post(c.slug, body("flood" + i + "@limit.example"));
            answers.add(answer.statusCode());
            if (answer.statusCode() == 429 && refused == null) {
                refused = answer;
            }
        }
        assertThat(answers.subList(0, 30)).as("the default: 30 sign-ups per client address and 10 minutes")
                .containsOnly(201);
        assertThat(answers.subList(30, 200)).containsOnly(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).endsWith("/too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 601L);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count("conference.id", c.id)))
                .as("nothing stored for a refused attempt").isEqualTo(30);

        Response page = form(c.slug, Map.of("email", "browser@limit.example"));
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("Zu viele Versuche").contains("<main");
        assertThat(page.header("Retry-After")).isNotBlank();
    }

    @Test
    void atMostThreeAlreadyRegisteredMailsGoToOneAddressAnHour() {
        Conference c = TestConferences.create("limit-mails", conf -> conf.confirmEmail = true);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Response answer = Attendees.post(c.slug, body("victim@limit.example"));
            assertThat(answer.statusCode()).isEqualTo(202);
            answers.add(answer.asString());
        }
        assertThat(answers).as("the submitter sees the same answer every time").containsOnly(answers.get(0));
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage> list("recipient = ?1 order by id", "victim@limit.example")
                        .stream().map(m -> m.template).toList())).containsExactly("confirmAddress", "alreadyRegistered",
                                "alreadyRegistered", "alreadyRegistered");
    }

    @Test
    void wrongLoginsFromOneClientAreAnswered429AfterTheLimit() {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String csrf = Organisers.csrfToken();
            answers.add(given().redirects().follow(false).cookie(Organisers.CSRF, csrf).contentType(ContentType.URLENC)
                    .formParam(Organisers.CSRF, csrf).formParam("email", "nobody" + i + "@limit.example")
                    .formParam("password", "wrong").post("/organiser/login").statusCode());
        }
        assertThat(answers.subList(0, 30)).doesNotContain(429);
        assertThat(answers.subList(30, 32)).containsOnly(429);
    }

    @Test
    void aFormWithTheHiddenFieldFilledInRegistersNobody() {
        Conference c = TestConferences.create("limit-trap", conf -> {
        });
        Response answer = form(c.slug, Map.of("email", "bot@limit.example", "website", "https://spam.example"));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/check-your-mail");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count("email", "bot@limit.example")))
                .isZero();
        assertThat(given().get("/conferences/{slug}", c.slug).asString())
                .contains("<div class=\"trap\" aria-hidden=\"true\">").contains("tabindex=\"-1\"");
    }

    private static Map<String, Object> body(String email) {
        return Map.of("firstName", "Test", "lastName", "Person", "email", email, "attendance", "ON_SITE", "items",
                List.of(), "privacyConsent", true, "locale", "de");
    }

    private static Response form(String slug, Map<String, String> fields) {
        String csrf = given().get("/conferences/{slug}", slug).getCookie("csrf-token");
        var request = given().redirects().follow(false).cookie("csrf-token", csrf).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).formParam("firstName", "Test").formParam("lastName", "Person")
                .formParam("privacyConsent", "true");
        fields.forEach(request::formParam);
        return request.post("/conferences/{slug}/registrations", slug);
    }
}
