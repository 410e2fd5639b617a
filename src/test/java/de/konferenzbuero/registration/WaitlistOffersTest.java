package de.konferenzbuero.registration;

import static de.konferenzbuero.Attendees.secret;
import static de.konferenzbuero.Attendees.signUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.backoffice.ConferenceDraft;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.organisation.Organiser;

/**
 * Waitlist offers: where the organiser wants them, a freed place is offered to the next person waiting, held for them
 * until they accept, decline or the offer expires, and then offered on; the mails say so, with the links to answer.
 */
@QuarkusTest
class WaitlistOffersTest {

    @Inject
    Holds holds;

    @Inject
    ConferenceEditing conferences;

    @Test
    void aFreedPlaceIsOfferedHeldAndPassedOnWhenDeclinedThenAccepted() {
        Conference c = TestConferences.create("offers-basic", conf -> {
            conf.onsiteCapacity = 1;
            conf.offerHours = 24;
        });
        String first = secret(signUp(c.slug, "erste@angebot.example"));
        String second = secret(signUp(c.slug, "zweite@angebot.example"));
        String third = secret(signUp(c.slug, "dritte@angebot.example"));
        assertThat(registration(second).getString("status")).isEqualTo("WAITLISTED");

        given().delete("/api/registrations/{secret}", first).then().statusCode(200);

        // the place is held for the first in line, and counts as taken: the third still waits
        JsonPath offered = registration(second);
        assertThat(offered.getString("status")).isEqualTo("CONFIRMED");
        Instant until = Instant.parse(offered.getString("offerExpiresAt"));
        assertThat(until).isCloseTo(Instant.now().plus(Duration.ofHours(24)), within(2, ChronoUnit.MINUTES));
        assertThat(registration(third).getString("status")).isEqualTo("WAITLISTED");
        assertThat(registration(third).getLong("waitlistPosition")).isEqualTo(1);
        OutboxMessage mail = latestMail("zweite@angebot.example");
        assertThat(mail.template).isEqualTo("offered");
        assertThat(mail.subject).isEqualTo("Ein Platz ist für Sie frei: " + c.title);
        assertThat(mail.text).contains("/registrations/" + second + "/offer", "Platz annehmen", "Platz ablehnen",
                "Platz für Sie reserviert bis");
        assertThat(mail.attachments).as("no calendar file before the place is accepted").isEmpty();
        // the page behind the link decides nothing by itself: two buttons
        assertThat(given().get("/registrations/{secret}/offer", second).then().statusCode(200).extract().asString())
                .contains("action=\"/registrations/" + second + "/offer/accept\"",
                        "action=\"/registrations/" + second + "/offer/decline\"");

        given().contentType(ContentType.JSON).post("/api/registrations/{secret}/offer/decline", second).then()
                .statusCode(200);

        assertThat(registration(second).getString("status")).isEqualTo("CANCELLED");
        assertThat(latestMail("zweite@angebot.example").template).isEqualTo("cancelled");
        JsonPath next = registration(third);
        assertThat(next.getString("status")).isEqualTo("CONFIRMED");
        assertThat(next.getString("offerExpiresAt")).isNotNull();
        assertThat(latestMail("dritte@angebot.example").template).isEqualTo("offered");

        given().contentType(ContentType.JSON).post("/api/registrations/{secret}/offer/accept", third).then()
                .statusCode(200);

        JsonPath accepted = registration(third);
        assertThat(accepted.getString("status")).isEqualTo("CONFIRMED");
        assertThat(accepted.getString("offerExpiresAt")).isNull();
        OutboxMessage promoted = latestMail("dritte@angebot.example");
        assertThat(promoted.template).isEqualTo("promoted");
        assertThat(promoted.attachments).as("calendar file once the place is theirs").isNotEmpty();
        // answering again changes nothing
        given().contentType(ContentType.JSON).post("/api/registrations/{secret}/offer/decline", third).then()
                .statusCode(200);
        assertThat(registration(third).getString("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void anExpiredOfferEndsTheRegistrationWithAMailAndOffersThePlaceOn() {
        Conference c = TestConferences.create("offers-expiry", conf -> {
            conf.onsiteCapacity = 1;
            conf.offerHours = 2;
        });
        String first = secret(signUp(c.slug, "erste@ablauf.example"));
        String second = secret(signUp(c.slug, "zweite@ablauf.example"));
        String third = secret(signUp(c.slug, "dritte@ablauf.example"));
        given().delete("/api/registrations/{secret}", first).then().statusCode(200);
        Instant until = Instant.parse(registration(second).getString("offerExpiresAt"));

        assertThat(holds.expireDue(until.minusSeconds(60))).as("before the offer ends").isZero();
        assertThat(holds.expireDue(until.plusSeconds(1))).isEqualTo(1);

        assertThat(registration(second).getString("status")).isEqualTo("CANCELLED");
        OutboxMessage expired = latestMail("zweite@ablauf.example");
        assertThat(expired.template).isEqualTo("offerExpired");
        assertThat(expired.subject).isEqualTo("Platzangebot abgelaufen: " + c.title);
        assertThat(expired.text).contains("nicht rechtzeitig angenommen");
        assertThat(registration(third).getString("offerExpiresAt")).as("offered on in the same step").isNotNull();
        assertThat(latestMail("dritte@ablauf.example").template).isEqualTo("offered");
        // the place offered on is held, and counts as taken
        long counted = QuarkusTransaction.requiringNew().call(() -> Conference.<Conference> findById(c.id).onsiteTaken);
        assertThat(counted).as("the held place counts as taken").isEqualTo(1);
    }

    @Test
    void offersGoToConfirmedAddressesOnlyAndAnUnconfirmedOneGetsItsTurnOnceConfirmed() {
        Conference c = TestConferences.create("offers-opt-in", conf -> {
            conf.onsiteCapacity = 1;
            conf.offerHours = 24;
            conf.confirmEmail = true;
        });
        String first = confirmed(c, "erste@optin.example");
        String unconfirmed = pending(c, "zweite@optin.example");
        String later = confirmed(c, "dritte@optin.example");

        given().delete("/api/registrations/{secret}", first).then().statusCode(200);

        assertThat(registration(unconfirmed).getString("status")).as("passed over").isEqualTo("WAITLISTED");
        assertThat(registration(later).getString("offerExpiresAt")).isNotNull();

        given().contentType(ContentType.JSON).post("/api/registrations/{secret}/offer/decline", later).then()
                .statusCode(200);
        // nobody confirmed waits: the place stays free until the address is confirmed
        assertThat(registration(unconfirmed).getString("status")).isEqualTo("WAITLISTED");

        JsonPath confirmedNow = given().contentType(ContentType.JSON)
                .post("/api/registrations/{secret}/confirm", unconfirmed).then().statusCode(200).extract().jsonPath();

        assertThat(confirmedNow.getString("status")).isEqualTo("CONFIRMED");
        assertThat(confirmedNow.getString("offerExpiresAt")).isNotNull();
        assertThat(latestMail("zweite@optin.example").template).isEqualTo("offered");
    }

    @Test
    void closeToTheStartNoOfferIsMadeAndTheFreedPlaceStaysFree() {
        Conference c = TestConferences.create("offers-cutoff", conf -> {
            conf.onsiteCapacity = 1;
            conf.offerHours = 24;
            conf.startsAt = Instant.now().plus(Duration.ofMinutes(90));
            conf.endsAt = conf.startsAt.plus(Duration.ofHours(6));
        });
        String first = secret(signUp(c.slug, "erste@kurzfristig.example"));
        String second = secret(signUp(c.slug, "zweite@kurzfristig.example"));

        given().delete("/api/registrations/{secret}", first).then().statusCode(200);

        assertThat(registration(second).getString("status")).isEqualTo("WAITLISTED");
        assertThat(latestMail("zweite@kurzfristig.example").template).isEqualTo("waitlisted");
    }

    @Test
    void anOfferLastsAtMostHalfTheTimeLeftAndNoneIsMadeWithLessThanAnHour() {
        Conference c = new Conference();
        c.offerHours = 48;
        Instant now = Instant.parse("2026-05-01T08:00:00Z");
        c.startsAt = now.plus(Duration.ofHours(200));
        assertThat(Offers.until(c, now)).isEqualTo(now.plus(Duration.ofHours(48)));
        c.startsAt = now.plus(Duration.ofHours(10));
        assertThat(Offers.until(c, now)).isEqualTo(now.plus(Duration.ofHours(5)));
        c.startsAt = now.plus(Duration.ofMinutes(119));
        assertThat(Offers.until(c, now)).isNull();
    }

    @Test
    void offerHoursOutsideOneToAWeekAreAFieldError() {
        Conference c = TestConferences.create("offers-range", conf -> {
        });
        for (int hours : List.of(0, 169)) {
            ConferenceDraft draft = QuarkusTransaction.requiringNew().call(() -> {
                Conference now = Conference.findById(c.id);
                return new ConferenceDraft(now.organisation.id, now.slug, now.title, null, null, now.startsAt,
                        now.endsAt, now.format, now.venue.name, null, null, now.venue.city, null, null,
                        now.onsiteCapacity, null, now.registrationOpensAt, null, null, null, null, false, 24, null,
                        hours, now.approvalRequired, now.region, List.copyOf(now.tags), now.version);
            });
            assertThatThrownBy(
                    () -> QuarkusTransaction.requiringNew().run(() -> conferences.update(organiser(), c.id, draft)))
                            .isInstanceOfSatisfying(InvalidInput.class,
                                    e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.problem())
                                            .containsExactly("offerHours " + Problem.OFFER_HOURS_RANGE));
        }
    }

    /** A sign-up at a double opt-in conference whose address is not confirmed yet. */
    private static String pending(Conference c, String email) {
        var response = de.konferenzbuero.Attendees.post(c.slug,
                java.util.Map.of("firstName", "Test", "lastName", "Optin", "email", email, "attendance", "ON_SITE",
                        "items", List.of(), "privacyConsent", true, "locale", "de"));
        response.then().statusCode(202);
        return QuarkusTransaction.requiringNew()
                .call(() -> Registration.findActive(Conference.findById(c.id), email).orElseThrow().manageSecret);
    }

    private static String confirmed(Conference c, String email) {
        String secret = pending(c, email);
        given().contentType(ContentType.JSON).post("/api/registrations/{secret}/confirm", secret).then()
                .statusCode(200);
        return secret;
    }

    private static JsonPath registration(String secret) {
        return given().get("/api/registrations/{secret}", secret).then().statusCode(200).extract().jsonPath();
    }

    private static OutboxMessage latestMail(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage m = OutboxMessage.<OutboxMessage> find("recipient = ?1 order by id desc", email)
                    .firstResult();
            m.attachments.size();
            return m;
        });
    }

    private static Organiser organiser() {
        return Organiser.findByEmail("organisator@kts.example").orElseThrow();
    }
}
