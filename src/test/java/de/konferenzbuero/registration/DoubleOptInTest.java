package de.konferenzbuero.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.StoredMails;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.sealing.Sealing;

/**
 * Double opt-in: a sign-up holds its place until the address is confirmed from the mail; the submitter learns nothing
 * about whether the address was registered before; unconfirmed holds expire and hand their place on.
 */
@QuarkusTest
class DoubleOptInTest {

    private static final Pattern CONFIRM_LINK = Pattern.compile("/registrations/([A-Za-z0-9_-]{43})/confirm");

    @Inject
    Holds holds;

    @Test
    void aSignUpIsHeldUntilTheAddressIsConfirmedFromTheMail() {
        Conference c = optIn("doi-confirm", 10);
        Response answer = Attendees.post(c.slug, body("erika@doi.example"));
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.jsonPath().getString("status")).isEqualTo("CONFIRMATION_PENDING");
        assertThat(answer.asString()).as("no manage link before the address is confirmed")
                .doesNotContain("/registrations/");

        OutboxMessage request = onlyMail("erika@doi.example");
        assertThat(request.template).isEqualTo("confirmAddress");
        assertThat(request.subject).startsWith("Bitte bestätigen Sie Ihre Anmeldung");
        assertThat(request.attachments).as("no calendar file before confirming")
                .noneMatch(a -> a.contentType().startsWith("text/calendar"));
        String secret = confirmLink(request.text);

        io.restassured.path.json.JsonPath held = Attendees.get(secret);
        assertThat(held.getString("status")).isEqualTo("CONFIRMED");
        assertThat(held.getString("confirmAddressBy")).as("the hold's end is shown").isNotNull();
        assertThat(given().get("/registrations/{secret}", secret).asString()).contains("Anmeldung bestätigen")
                .doesNotContain("calendar.ics");
        given().get("/registrations/{secret}/calendar.ics", secret).then().statusCode(404);
        given().redirects().follow(false).get("/registrations/{secret}/confirm", secret).then().statusCode(200);

        Response confirmed = confirm(secret);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.jsonPath().getString("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.jsonPath().getString("confirmAddressBy")).isNull();
        List<OutboxMessage> mails = mails("erika@doi.example");
        assertThat(mails).extracting(m -> m.template).containsExactly("confirmAddress", "confirmed");
        assertThat(mails.get(1).attachments).anyMatch(a -> a.contentType().startsWith("text/calendar"));
        assertThat(mails.get(1).text).doesNotContain("/confirm");

        confirm(secret).then().statusCode(200);
        assertThat(mails("erika@doi.example")).as("confirming twice sends nothing more").hasSize(2);
        given().redirects().follow(false).get("/registrations/{secret}/confirm", secret).then().statusCode(303);
    }

    @Test
    void aSecondSignUpWithARegisteredAddressLooksLikeAFirstAndSendsOneExplainingMail() {
        Conference c = optIn("doi-enumeration", 10);
        Response first = Attendees.post(c.slug, body("max@doi.example"));
        Response second = Attendees.post(c.slug, body("max@doi.example"));
        Response stranger = Attendees.post(c.slug, body("new@doi.example"));
        assertThat(second.statusCode()).isEqualTo(first.statusCode()).isEqualTo(stranger.statusCode());
        assertThat(second.asString()).isEqualTo(first.asString()).isEqualTo(stranger.asString());
        assertThat(second.contentType()).isEqualTo(first.contentType());
        assertThat(mails("max@doi.example")).extracting(m -> m.template).containsExactly("confirmAddress",
                "alreadyRegistered");
        assertThat(mails("max@doi.example").get(1).text).as("the explaining mail carries the confirmation link")
                .containsPattern(CONFIRM_LINK);

        Response formFirst = form(c.slug, "form@doi.example");
        Response formAgain = form(c.slug, "form@doi.example");
        assertThat(formFirst.statusCode()).isEqualTo(303).isEqualTo(formAgain.statusCode());
        assertThat(formAgain.header("Location")).isEqualTo(formFirst.header("Location"))
                .endsWith("/conferences/" + c.slug + "/check-your-mail");
        assertThat(given().get(formFirst.header("Location")).asString())
                .contains("Bitte bestätigen Sie Ihre E-Mail-Adresse").doesNotContain("/registrations/");
    }

    @Test
    void anUnconfirmedHoldExpiresAndItsPlaceGoesToTheNextInLineInTheSameStep() {
        Conference c = optIn("doi-expiry", 1);
        Attendees.post(c.slug, body("first@doi.example")).then().statusCode(202);
        Attendees.post(c.slug, body("second@doi.example")).then().statusCode(202);
        String first = confirmLink(onlyMail("first@doi.example").text);
        String second = confirmLink(onlyMail("second@doi.example").text);
        assertThat(Attendees.get(second).getString("status")).isEqualTo("WAITLISTED");
        Instant firstEnds = QuarkusTransaction.requiringNew()
                .call(() -> Registration.findBySecret(first).orElseThrow().holdExpiresAt);

        holds.expireDue(firstEnds.minusSeconds(1));
        assertThat(Attendees.get(first).getString("status")).as("nothing expires early").isEqualTo("CONFIRMED");
        assertThat(holds.expireDue(firstEnds.plusMillis(1))).isPositive();

        assertThat(Attendees.get(first).getString("status")).isEqualTo("CANCELLED");
        assertThat(Attendees.get(second).getString("status")).as("promoted in the same step").isEqualTo("CONFIRMED");
        assertThat(mails("first@doi.example")).as("an expired hold is not told").extracting(m -> m.template)
                .containsExactly("confirmAddress");
        List<OutboxMessage> secondMails = mails("second@doi.example");
        assertThat(secondMails).extracting(m -> m.template).containsExactly("confirmAddress", "promoted");
        assertThat(secondMails.get(1).text).as("still asks to confirm").containsPattern(CONFIRM_LINK);
        assertThat(given().get("/registrations/{secret}", first).asString()).contains("nicht rechtzeitig bestätigt");
        given().get("/api/conferences/{slug}", c.slug).then().statusCode(200);
    }

    @Test
    void confirmingAfterTheHoldEndedFindsItExpired() {
        Conference c = optIn("doi-late", 5);
        Attendees.post(c.slug, body("late@doi.example")).then().statusCode(202);
        String secret = confirmLink(onlyMail("late@doi.example").text);
        QuarkusTransaction.requiringNew()
                .run(() -> Registration.update("holdExpiresAt = ?1 where manageSecretHash = ?2",
                        Instant.now().minusSeconds(60), Sealing.hash(secret)));

        String csrf = given().get("/registrations/{secret}/confirm", secret).getCookie("csrf-token");
        Response page = given().redirects().follow(false).cookie("csrf-token", csrf).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).post("/registrations/{secret}/confirm", secret);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(Attendees.get(secret).getString("status")).isEqualTo("CANCELLED");
        assertThat(given().get("/registrations/{secret}", secret).asString()).contains("nicht rechtzeitig bestätigt");
    }

    @Test
    void holdsAreShorterCloseToTheStartAndWithoutDoubleOptInThePlaceIsConfirmedAtOnce() {
        Instant now = Instant.now();
        Conference soon = new Conference();
        soon.confirmWithinHours = 24;
        soon.startsAt = now.plus(Duration.ofHours(6));
        assertThat(Holds.until(soon, now)).isEqualTo(now.plus(Duration.ofHours(3)));
        soon.startsAt = now.plus(Duration.ofMinutes(10));
        assertThat(Holds.until(soon, now)).isEqualTo(now.plus(Holds.SHORTEST));
        soon.startsAt = now.plus(Duration.ofDays(30));
        assertThat(Holds.until(soon, now)).isEqualTo(now.plus(Duration.ofHours(24)));

        Response off = Attendees.post(TestConferences.create("doi-off", conf -> {
        }).slug, body("direct@doi.example"));
        assertThat(off.statusCode()).as("without double opt-in the place is confirmed at once").isEqualTo(201);
        assertThat(off.jsonPath().getString("manageUrl")).isNotBlank();
        assertThat(mails("direct@doi.example")).extracting(m -> m.template).containsExactly("confirmed");
    }

    /** What the confirmation link leads to, over the API. */
    private static Response confirm(String secret) {
        return given().contentType(ContentType.JSON).post("/api/registrations/{secret}/confirm", secret);
    }

    private static Conference optIn(String slug, int capacity) {
        return TestConferences.create(slug, conf -> {
            conf.confirmEmail = true;
            conf.onsiteCapacity = capacity;
        });
    }

    private static Map<String, Object> body(String email) {
        return Map.of("firstName", "Test", "lastName", "Person", "email", email, "attendance", "ON_SITE", "items",
                List.of(), "privacyConsent", true, "locale", "de");
    }

    private static Response form(String slug, String email) {
        Response page = given().get("/conferences/{slug}", slug);
        String csrf = page.getCookie("csrf-token");
        return given().redirects().follow(false).cookie("csrf-token", csrf).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).formParam("firstName", "Test").formParam("lastName", "Person")
                .formParam("email", email).formParam("privacyConsent", "true")
                .post("/conferences/{slug}/registrations", slug);
    }

    private static String confirmLink(String text) {
        Matcher link = CONFIRM_LINK.matcher(text);
        assertThat(link.find()).as("a confirmation link in: %s", text).isTrue();
        return link.group(1);
    }

    private static OutboxMessage onlyMail(String email) {
        List<OutboxMessage> mails = mails(email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<OutboxMessage> mails(String email) {
        StoredMails.render();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxMessage> found = OutboxMessage.list("recipient = ?1 order by id", email);
            found.forEach(m -> m.attachments.size());
            return found;
        });
    }
}
