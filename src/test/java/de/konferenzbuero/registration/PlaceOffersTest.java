package de.konferenzbuero.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.QuestionOption;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.security.Organisers;

/**
 * Offers of freed places of workshops and chosen options (a shuttle seat), where the conference offers freed places:
 * the next person waiting gets the place held with a mail to accept or decline it; declined or expired, it goes to the
 * next; the registration itself always stays.
 */
@QuarkusTest
class PlaceOffersTest {

    @Inject
    Holds holds;

    @Test
    void aFreedShuttleSeatIsOfferedAndAcceptedFromTheMailsPage() {
        Conference c = TestConferences.create("place-offers-shuttle", conf -> conf.offerHours = 24);
        String token = Organisers.apiToken(Organisers.KTS, "place-offers-shuttle");
        JsonPath questions = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "SINGLE_CHOICE", "labelDe", "Anreise", "required", true, "options",
                        List.of(Map.of("labelDe", "Shuttlebus ab Bahnhof", "capacity", 2),
                                Map.of("labelDe", "Eigenes Auto"))))
                .post("/api/organiser/conferences/" + c.id + "/questions").then().statusCode(201).extract().jsonPath();
        long travel = questions.getLong("[0].id");
        long shuttle = questions.getLong("[0].options[0].id");
        List<String> secrets = new ArrayList<>();
        for (String who : List.of("eins", "zwei", "drei", "vier")) {
            secrets.add(Attendees.secret(Attendees.post(c.slug, body(who + "@platzangebot.example", travel, shuttle))
                    .then().statusCode(201).extract().jsonPath()));
        }
        String third = secrets.get(2);
        assertThat(Attendees.get(third).getString("answers[0].text"))
                .isEqualTo("Shuttlebus ab Bahnhof (Warteliste, Platz 1)");

        Attendees.cancel(secrets.get(0));

        // the seat is held for the third, who is told by mail with the links to answer; the fourth still waits
        JsonPath offered = Attendees.get(third);
        assertThat(offered.getString("status")).isEqualTo("CONFIRMED");
        assertThat(offered.getString("answers[0].text"))
                .startsWith("Shuttlebus ab Bahnhof (Platz für Sie reserviert bis");
        assertThat(offered.getLong("placeOffers[0].optionId")).isEqualTo(shuttle);
        Instant until = Instant.parse(offered.getString("placeOffers[0].expiresAt"));
        assertThat(until).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(Attendees.get(secrets.get(3)).getString("answers[0].text")).endsWith("(Warteliste, Platz 1)");
        assertThat(taken(shuttle)).as("the held seat counts as taken").isEqualTo(2);
        OutboxMessage mail = latestMail(third);
        assertThat(mail.template).isEqualTo("itemOffered");
        assertThat(mail.subject).isEqualTo("Ein Platz von der Warteliste wartet auf Ihre Antwort: " + c.title);
        assertThat(mail.text).contains("/registrations/" + third + "/offer",
                "- Anreise: Shuttlebus ab Bahnhof (Platz für Sie reserviert bis",
                "Ihre Anmeldung zur Veranstaltung bleibt bestehen");

        // the mail's link opens a page with a button for each answer; accepting there makes the seat theirs
        Response page = given().get("/registrations/{secret}/offer", third);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Ein Platz ist für Sie frei geworden", "Anreise: Shuttlebus ab Bahnhof",
                "name=\"option\" value=\"" + shuttle + "\"", "Platz annehmen", "Platz ablehnen");
        String csrf = page.getCookie("csrf-token");
        Response accepted = given().redirects().follow(false).cookie("csrf-token", csrf).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).formParam("option", String.valueOf(shuttle))
                .post("/registrations/{secret}/offer/accept", third);
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.getHeader("Location")).endsWith("/registrations/" + third + "?notice=place-offer-accepted");
        assertThat(given().get("/registrations/{secret}?notice=place-offer-accepted", third).asString())
                .contains("Sie haben den Platz angenommen");
        JsonPath theirs = Attendees.get(third);
        assertThat(theirs.getString("answers[0].text")).isEqualTo("Shuttlebus ab Bahnhof");
        assertThat(theirs.getList("placeOffers")).isEmpty();
        assertThat(latestMail(third).template).isEqualTo("itemPromoted");
        // the page behind the old link now leads to the registration
        assertThat(given().redirects().follow(false).get("/registrations/{secret}/offer", third).statusCode())
                .isEqualTo(303);

        // the second gives up the seat; it is offered to the fourth, who declines: the answer goes, the seat stays free
        Attendees.cancel(secrets.get(1));
        assertThat(Attendees.get(secrets.get(3)).getLong("placeOffers[0].optionId")).isEqualTo(shuttle);
        given().contentType(ContentType.JSON)
                .post("/api/registrations/{s}/offer/decline?option=" + shuttle, secrets.get(3)).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("answers", org.hamcrest.Matchers.empty());
        assertThat(taken(shuttle)).isEqualTo(1);
        assertThat(latestMail(secrets.get(3)).template).isEqualTo("changed");
        // an id that is not a number is refused clearly
        given().contentType(ContentType.JSON).post("/api/registrations/{s}/offer/accept?option=x", secrets.get(3))
                .then().statusCode(400).body("errors[0].field", equalTo("option"));
    }

    @Test
    void aWorkshopPlaceOfferThatIsDeclinedOrExpiresGoesToTheNextAndTheRegistrationStays() {
        Conference c = TestConferences.create("place-offers-workshop", conf -> conf.offerHours = 4);
        AgendaItem workshop = TestConferences.addItem(c, "Workshop Datenräume", AgendaItemKind.WORKSHOP,
                c.startsAt.plus(Duration.ofHours(2)), Duration.ofHours(2), 1);
        String first = Attendees.secret(Attendees.signUp(c.slug, "eins@werkstatt.example", workshop.id));
        String second = Attendees.secret(Attendees.signUp(c.slug, "zwei@werkstatt.example", workshop.id));
        String third = Attendees.secret(Attendees.signUp(c.slug, "drei@werkstatt.example", workshop.id));
        assertThat(Attendees.get(second).getString("items[0].status")).isEqualTo("WAITLISTED");

        Attendees.patch(first, Map.of("items", List.of())).then().statusCode(200);

        JsonPath offered = Attendees.get(second);
        assertThat(offered.getString("items[0].status")).isEqualTo("CONFIRMED");
        assertThat(offered.getLong("placeOffers[0].agendaItemId")).isEqualTo(workshop.id);
        assertThat(latestMail(second).text).contains("Workshop Datenräume", "Platz für Sie reserviert bis",
                "/registrations/" + second + "/offer");
        assertThat(given().get("/registrations/{secret}", second).asString()).contains("Ein Platz ist für Sie frei",
                "name=\"item\" value=\"" + workshop.id + "\"");

        given().contentType(ContentType.JSON).post("/api/registrations/{s}/offer/decline?item=" + workshop.id, second)
                .then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("items", org.hamcrest.Matchers.empty());
        Instant until = Instant.parse(Attendees.get(third).getString("placeOffers[0].expiresAt"));
        assertThat(until).as("4 hours, the organiser's setting").isBetween(Instant.now().plus(Duration.ofMinutes(235)),
                Instant.now().plus(Duration.ofMinutes(245)));

        assertThat(holds.expireDue(until.minusSeconds(60))).as("before the offer ends").isZero();
        assertThat(holds.expireDue(until.plusSeconds(1))).isEqualTo(1);

        JsonPath expired = Attendees.get(third);
        assertThat(expired.getString("status")).as("the registration stays").isEqualTo("CONFIRMED");
        assertThat(expired.getList("items")).isEmpty();
        OutboxMessage mail = latestMail(third);
        assertThat(mail.template).isEqualTo("itemOfferExpired");
        assertThat(mail.subject).isEqualTo("Platzangebot abgelaufen: " + c.title);
        assertThat(mail.text).contains("nicht rechtzeitig angenommen", "Ihre Anmeldung zur Veranstaltung bleibt");
        long taken = QuarkusTransaction.requiringNew().call(() -> AgendaItem.<AgendaItem> findById(workshop.id).taken);
        assertThat(taken).as("nobody waits any more: the place is free").isZero();
    }

    private static Map<String, Object> body(String email, long question, long option) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Anna", "lastName", "Beispiel", "email", email,
                "attendance", "ON_SITE", "privacyConsent", true, "locale", "de"));
        body.put("answers", List.of(Map.of("question", question, "options", List.of(option))));
        return body;
    }

    private static int taken(long optionId) {
        return QuarkusTransaction.requiringNew().call(() -> QuestionOption.<QuestionOption> findById(optionId).taken);
    }

    private static OutboxMessage latestMail(String secret) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration r = Registration.findBySecret(secret).orElseThrow();
            return OutboxMessage.<OutboxMessage> list("registrationId = ?1 order by id desc", r.id).get(0);
        });
    }
}
