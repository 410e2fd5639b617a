package de.konferenzbuero.registration;

import static de.konferenzbuero.Attendees.cancel;
import static de.konferenzbuero.Attendees.get;
import static de.konferenzbuero.Attendees.patch;
import static de.konferenzbuero.Attendees.post;
import static de.konferenzbuero.Attendees.secret;
import static de.konferenzbuero.Attendees.signUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.mail.OutboxMessage;

/** Sign-up, waitlists, swaps and cancellation over the JSON API, with the mails each step stores. */
@QuarkusTest
class SignUpFlowTest {

    @Test
    void confirmedWhilePlacesLastThenWaitlistedInOrder() {
        Conference c = TestConferences.create("flow-waitlist", conf -> conf.onsiteCapacity = 2);
        assertThat(signUp(c.slug, "a@flow.example").getString("status")).isEqualTo("CONFIRMED");
        assertThat(signUp(c.slug, "b@flow.example").getString("status")).isEqualTo("CONFIRMED");
        JsonPath third = signUp(c.slug, "c@flow.example");
        JsonPath fourth = signUp(c.slug, "d@flow.example");
        assertThat(third.getString("status")).isEqualTo("WAITLISTED");
        assertThat(third.getLong("waitlistPosition")).isEqualTo(1);
        assertThat(fourth.getLong("waitlistPosition")).isEqualTo(2);
        assertThat(mails("c@flow.example")).containsExactly("waitlisted");
    }

    @Test
    void cancellingAConfirmedPlacePromotesTheOldestWaiting() {
        Conference c = TestConferences.create("flow-promote", conf -> conf.onsiteCapacity = 1);
        String first = secret(signUp(c.slug, "first@promote.example"));
        String second = secret(signUp(c.slug, "second@promote.example"));
        String third = secret(signUp(c.slug, "third@promote.example"));

        assertThat(cancel(first).getString("status")).isEqualTo("CANCELLED");

        assertThat(get(second).getString("status")).isEqualTo("CONFIRMED");
        assertThat(get(third).getString("status")).isEqualTo("WAITLISTED");
        assertThat(get(third).getLong("waitlistPosition")).isEqualTo(1);
        assertThat(mails("first@promote.example")).containsExactly("confirmed", "cancelled");
        assertThat(mails("second@promote.example")).containsExactly("waitlisted", "promoted");
        given().when().get("/api/conferences/{slug}", c.slug).then().statusCode(200)
                .body("places.ON_SITE.confirmed", equalTo(1)).body("places.ON_SITE.waitlisted", equalTo(1))
                .body("places.ON_SITE.free", equalTo(0));
    }

    @Test
    void cancellingAWaitlistedEntryMovesTheOthersUp() {
        Conference c = TestConferences.create("flow-leave-queue", conf -> conf.onsiteCapacity = 1);
        signUp(c.slug, "held@queue.example");
        String waiting1 = secret(signUp(c.slug, "w1@queue.example"));
        String waiting2 = secret(signUp(c.slug, "w2@queue.example"));
        cancel(waiting1);
        assertThat(get(waiting2).getLong("waitlistPosition")).isEqualTo(1);
        assertThat(get(waiting2).getString("status")).isEqualTo("WAITLISTED");
    }

    @Test
    void duplicateAddressCreatesNothingAndMailsTheManageLink() {
        Conference c = TestConferences.create("flow-duplicate", conf -> {
        });
        signUp(c.slug, "twice@dup.example");
        post(c.slug, body("TWICE@dup.example", List.of())).then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("already-registered"));
        assertThat(registrations(c, "twice@dup.example")).isEqualTo(1);
        assertThat(mails("twice@dup.example")).containsExactly("confirmed", "alreadyRegistered");
    }

    @Test
    void eachItemIsDecidedOnItsOwn() {
        Conference c = TestConferences.create("flow-items", conf -> conf.onsiteCapacity = 10);
        AgendaItem workshop = item(c, "Workshop A", 0, 1);
        AgendaItem evening = item(c, "Abend", 8, 5);
        signUp(c.slug, "one@items.example", workshop.id);
        JsonPath second = signUp(c.slug, "two@items.example", workshop.id, evening.id);
        assertThat(second.getString("status")).isEqualTo("CONFIRMED");
        assertThat(second.getList("items.status")).containsExactly("WAITLISTED", "CONFIRMED");
        assertThat(second.getLong("items[0].waitlistPosition")).isEqualTo(1);
    }

    @Test
    void swapToAFreeItemFreesTheOldPlaceForTheNextInLine() {
        Conference c = TestConferences.create("flow-swap-free", conf -> {
        });
        AgendaItem w1 = item(c, "W1", 0, 1);
        AgendaItem w2 = item(c, "W2", 0, 1);
        String a = secret(signUp(c.slug, "a@swap.example", w1.id));
        String b = secret(signUp(c.slug, "b@swap.example", w1.id));

        patch(a, Map.of("items", List.of(w2.id))).then().statusCode(200)
                .body("items[0].agendaItemId", equalTo(w2.id.intValue())).body("items[0].status", equalTo("CONFIRMED"));

        assertThat(get(b).getString("items[0].status")).isEqualTo("CONFIRMED");
        assertThat(mails("a@swap.example")).containsExactly("confirmed", "changed");
        assertThat(mails("b@swap.example")).containsExactly("confirmed", "itemPromoted");
    }

    @Test
    void swapToAFullItemKeepsTheOldPlaceUntilTheNewOneIsGranted() {
        Conference c = TestConferences.create("flow-swap-full", conf -> {
        });
        AgendaItem w1 = item(c, "W1", 0, 1);
        AgendaItem w2 = item(c, "W2", 0, 1);
        String a = secret(signUp(c.slug, "a@keep.example", w1.id));
        String holder = secret(signUp(c.slug, "holder@keep.example", w2.id));
        String waitingForW1 = secret(signUp(c.slug, "next@keep.example", w1.id));

        JsonPath afterSwap = patch(a, Map.of("items", List.of(w2.id))).then().statusCode(200).extract().jsonPath();
        assertThat(afterSwap.getList("items.status")).containsExactly("CONFIRMED", "WAITLISTED");
        assertThat(afterSwap.getList("items.keptUntilSwap")).containsExactly(true, false);
        assertThat(get(waitingForW1).getString("items[0].status")).isEqualTo("WAITLISTED");

        cancel(holder);

        JsonPath swapped = get(a);
        assertThat(swapped.getList("items.agendaItemId", Long.class)).containsExactly(w2.id);
        assertThat(swapped.getList("items.status")).containsExactly("CONFIRMED");
        assertThat(get(waitingForW1).getString("items[0].status")).isEqualTo("CONFIRMED");
    }

    @Test
    void waitlistedAttendeesItemsAreDecidedWhenTheyMoveUp() {
        Conference c = TestConferences.create("flow-requested", conf -> conf.onsiteCapacity = 1);
        AgendaItem w = item(c, "W", 0, 5);
        String first = secret(signUp(c.slug, "first@req.example"));
        JsonPath waiting = signUp(c.slug, "second@req.example", w.id);
        assertThat(waiting.getList("items.status")).containsExactly("REQUESTED");
        cancel(first);
        assertThat(get(secret(waiting)).getList("items.status")).containsExactly("CONFIRMED");
    }

    @Test
    void hybridAttendanceSwitchFreesThePlaceForTheNextInLine() {
        Conference c = TestConferences.create("flow-hybrid", conf -> {
            conf.format = ConferenceFormat.HYBRID;
            conf.onsiteCapacity = 1;
            conf.onlineCapacity = 1;
        });
        String onsite = secret(signUp(c.slug, "onsite@hybrid.example"));
        String waiting = secret(signUp(c.slug, "waiting@hybrid.example"));
        signUp(c.slug, "online@hybrid.example", "ONLINE", "de");

        patch(onsite, Map.of("attendance", "ONLINE")).then().statusCode(400).body("errors.code",
                hasItem("ATTENDANCE_FULL"));
        patch(waiting, Map.of("attendance", "ONLINE")).then().statusCode(200).body("status", equalTo("WAITLISTED"));
        given().when().delete("/api/registrations/{s}", secretOf(c, "online@hybrid.example")).then().statusCode(200);
        assertThat(get(waiting).getString("status")).isEqualTo("CONFIRMED");
        assertThat(get(waiting).getString("attendance")).isEqualTo("ONLINE");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() {
        Conference c = TestConferences.create("flow-bad-input", conf -> {
        });
        Conference other = TestConferences.create("flow-bad-other", conf -> {
        });
        AgendaItem w1 = item(c, "W1", 0, 5);
        AgendaItem w2 = item(c, "W2", 0, 5);
        AgendaItem foreign = item(other, "Fremd", 0, 5);
        Map<String, Object> bad = body("not-an-address", List.of(w1.id, w2.id));
        bad.put("firstName", "x".repeat(101));
        bad.put("privacyConsent", false);
        post(c.slug, bad).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("firstName", "email", "items", "privacyConsent")))
                .body("errors.code", equalTo(List.of("TOO_LONG", "EMAIL_INVALID", "ITEM_OVERLAP", "CONSENT_REQUIRED")));
        post(c.slug, body("ok@bad.example", List.of(foreign.id))).then().statusCode(400).body("errors.code",
                hasItem("ITEM_UNKNOWN"));
        post(c.slug, body("ok@bad.example", List.of(424242L))).then().statusCode(400).body("errors.code",
                hasItem("ITEM_UNKNOWN"));
        given().contentType("application/json").body("{\"attendance\": \"FLYING\"}").when()
                .post("/api/conferences/{slug}/registrations", c.slug).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("attendance"));
        given().contentType("application/json").body("{not json").when()
                .post("/api/conferences/{slug}/registrations", c.slug).then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(registrations(c, "ok@bad.example")).isZero();
        assertThat(registrations(c, "not-an-address")).isZero();
    }

    @Test
    void onlyPublishedConferencesWithOpenRegistrationTakeSignUps() {
        Conference draft = TestConferences.create("flow-draft", conf -> conf.status = ConferenceStatus.DRAFT);
        Conference notYet = TestConferences.create("flow-not-yet",
                conf -> conf.registrationOpensAt = Instant.now().plus(Duration.ofDays(3)));
        Conference cancelled = TestConferences.create("flow-cancelled",
                conf -> conf.status = ConferenceStatus.CANCELLED);
        post(draft.slug, body("x@closed.example", List.of())).then().statusCode(404);
        post(notYet.slug, body("x@closed.example", List.of())).then().statusCode(409).body("type",
                containsString("registration-closed"));
        post(cancelled.slug, body("x@closed.example", List.of())).then().statusCode(409);
        post("gibt-es-nicht", body("x@closed.example", List.of())).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlineConferenceNeedsNoVenueCapacity() {
        Conference c = TestConferences.create("flow-online", conf -> {
            conf.format = ConferenceFormat.ONLINE;
            conf.venue = null;
            conf.onsiteCapacity = null;
            conf.onlineCapacity = null;
        });
        for (int i = 0; i < 5; i++) {
            assertThat(signUp(c.slug, "o" + i + "@online.example", "ONLINE", "de").getString("status"))
                    .isEqualTo("CONFIRMED");
        }
        post(c.slug, body("onsite@online.example", List.of())).then().statusCode(400).body("errors.code",
                hasItem("ATTENDANCE_NOT_OFFERED"));
    }

    @Test
    void unknownManageLinksAreNotFound() {
        given().when().get("/api/registrations/{s}", "x".repeat(43)).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/registrations/{s}", "short").then().statusCode(404);
        given().when().get("/registrations/{s}", "x".repeat(43)).then().statusCode(404)
                .body(containsString("Seite nicht gefunden"));
    }

    @Test
    void cancellingTwiceChangesNothingMore() {
        Conference c = TestConferences.create("flow-cancel-twice", conf -> conf.onsiteCapacity = 1);
        String a = secret(signUp(c.slug, "a@twice.example"));
        cancel(a);
        cancel(a);
        assertThat(mails("a@twice.example")).containsExactly("confirmed", "cancelled");
        given().when().get("/api/conferences/{slug}", c.slug).then().body("places.ON_SITE.confirmed", equalTo(0));
    }

    @Test
    void manageSecretsAreLongAndRandom() {
        Conference c = TestConferences.create("flow-secret", conf -> {
        });
        String a = secret(signUp(c.slug, "a@secret.example"));
        String b = secret(signUp(c.slug, "b@secret.example"));
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
        assertThat(a).doesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-.*");
        given().when().get("/api/conferences/{slug}", c.slug).then().body(not(containsString(a)));
    }

    private static String secretOf(Conference c, String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration> find("conference.id = ?1 and email = ?2 and status <> ?3", c.id,
                        email, RegistrationStatus.CANCELLED).firstResult().manageSecret);
    }

    static AgendaItem item(Conference c, String title, int startHour, int capacity) {
        return TestConferences.addItem(c, title, AgendaItemKind.WORKSHOP, c.startsAt.plus(Duration.ofHours(startHour)),
                Duration.ofHours(2), capacity);
    }

    static Map<String, Object> body(String email, List<Long> items) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Bad", "lastName", "Input", "email", email,
                "attendance", "ON_SITE", "items", items, "privacyConsent", true));
        return body;
    }

    static long registrations(Conference c, String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Registration.count("conference.id = ?1 and email = ?2", c.id, email));
    }

    /** The templates of the mails stored for this address, oldest first. */
    static List<String> mails(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage> list("recipient = ?1 order by id", email).stream().map(m -> m.template).toList());
    }
}
