package de.konferenzbuero.registration;

import static de.konferenzbuero.Attendees.cancel;
import static de.konferenzbuero.Attendees.get;
import static de.konferenzbuero.Attendees.patch;
import static de.konferenzbuero.Attendees.post;
import static de.konferenzbuero.Attendees.secret;
import static de.konferenzbuero.Attendees.signUp;
import static de.konferenzbuero.registration.SignUpFlowTest.body;
import static de.konferenzbuero.registration.SignUpFlowTest.item;
import static de.konferenzbuero.registration.SignUpFlowTest.mails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.backoffice.AgendaEditing;
import de.konferenzbuero.backoffice.ConferenceDraft;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.backoffice.Consequences;
import de.konferenzbuero.backoffice.RegistrationAdmin;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.sealing.Sealing;
import de.konferenzbuero.security.Organisers;

import javax.sql.DataSource;

/**
 * The capacity rules in the situations that once broke them: swaps superseded or crossed, cancellations during a swap,
 * organiser changes that cause overlaps or take places, races for one address, and the rules the database keeps by
 * itself. The model-checked walk explores the rest.
 */
@QuarkusTest
class CapacityRulesTest {

    @Inject
    AgendaEditing agenda;

    @Inject
    ConferenceEditing conferences;

    @Inject
    RegistrationAdmin admin;

    @Inject
    PlaceCounts placeCounts;

    @Inject
    DataSource dataSource;

    /** The scenario of the issue, over the public API only. */
    @Test
    void swappingToAFullWorkshopThenChoosingAFreeOneLeavesExactlyOnePlace() {
        Conference c = TestConferences.create("rules-w123", conf -> {
        });
        AgendaItem w1 = item(c, "W1", 0, 1);
        AgendaItem w2 = item(c, "W2", 0, 1);
        AgendaItem w3 = item(c, "W3", 0, 1);
        String a = secret(signUp(c.slug, "a@w123.example", w1.id));
        signUp(c.slug, "holder@w123.example", w2.id);
        String next = secret(signUp(c.slug, "next@w123.example", w1.id));

        JsonPath queued = patch(a, Map.of("items", List.of(w2.id))).then().statusCode(200).extract().jsonPath();
        assertThat(queued.getList("items.status")).containsExactly("CONFIRMED", "WAITLISTED");

        JsonPath chosen = patch(a, Map.of("items", List.of(w3.id))).then().statusCode(200).extract().jsonPath();
        assertThat(chosen.getList("items.agendaItemId", Long.class)).containsExactly(w3.id);
        assertThat(chosen.getList("items.status")).containsExactly("CONFIRMED");
        assertThat(get(next).getString("items[0].status")).as("W1's place went to the next in line")
                .isEqualTo("CONFIRMED");
        assertThat(mails("next@w123.example")).containsExactly("confirmed", "itemPromoted");

        patch(a, Map.of("items", List.of(w3.id))).then().statusCode(200).body("items[0].status", equalTo("CONFIRMED"));
        assertThat(sql("select count(*) from session_booking b join registration r on r.id = b.registration_id "
                + "where r.manage_secret_hash = '" + Sealing.hash(a) + "' and b.status = 'CONFIRMED'")).isEqualTo(1);
        assertThat(placeCounts.drift(c.id)).isEmpty();
    }

    @Test
    void choosingNothingDuringASwapReleasesTheOldPlace() {
        Conference c = TestConferences.create("rules-swap-none", conf -> {
        });
        AgendaItem w1 = item(c, "W1", 0, 1);
        AgendaItem w2 = item(c, "W2", 0, 1);
        String a = secret(signUp(c.slug, "a@none.example", w1.id));
        signUp(c.slug, "holder@none.example", w2.id);
        String next = secret(signUp(c.slug, "next@none.example", w1.id));
        patch(a, Map.of("items", List.of(w2.id))).then().statusCode(200);

        patch(a, Map.of("items", List.of())).then().statusCode(200).body("items.size()", equalTo(0));

        assertThat(get(next).getString("items[0].status")).isEqualTo("CONFIRMED");
        assertThat(sql("select count(*) from booking_swap s join session_booking b on b.id = s.pending_booking_id "
                + "where b.agenda_item_id = " + w2.id)).isZero();
    }

    @Test
    void twoAttendeesWaitingToSwapIntoEachOthersPlacesAreBothServed() {
        Conference c = TestConferences.create("rules-exchange", conf -> {
        });
        AgendaItem w1 = item(c, "W1", 0, 1);
        AgendaItem w2 = item(c, "W2", 0, 1);
        String a = secret(signUp(c.slug, "a@exchange.example", w1.id));
        String b = secret(signUp(c.slug, "b@exchange.example", w2.id));

        patch(a, Map.of("items", List.of(w2.id))).then().statusCode(200);
        JsonPath bAfter = patch(b, Map.of("items", List.of(w1.id))).then().statusCode(200).extract().jsonPath();

        assertThat(bAfter.getList("items.agendaItemId", Long.class)).containsExactly(w1.id);
        assertThat(bAfter.getList("items.status")).containsExactly("CONFIRMED");
        JsonPath aAfter = get(a);
        assertThat(aAfter.getList("items.agendaItemId", Long.class)).containsExactly(w2.id);
        assertThat(aAfter.getList("items.status")).containsExactly("CONFIRMED");
        assertThat(mails("a@exchange.example")).last().isEqualTo("itemPromoted");
        assertThat(placeCounts.drift(c.id)).isEmpty();
    }

    @Test
    void cancellingDuringASwapReleasesItsPlacesOnceWithATrail() {
        Conference c = TestConferences.create("rules-swap-cancel", conf -> {
        });
        AgendaItem w1 = item(c, "W1", 0, 1);
        AgendaItem w2 = item(c, "W2", 0, 1);
        String a = secret(signUp(c.slug, "a@swapcancel.example", w1.id));
        String holder = secret(signUp(c.slug, "holder@swapcancel.example", w2.id));
        String next = secret(signUp(c.slug, "next@swapcancel.example", w1.id));
        patch(a, Map.of("items", List.of(w2.id))).then().statusCode(200);

        cancel(a);

        assertThat(get(next).getString("items[0].status")).isEqualTo("CONFIRMED");
        assertThat(events(a)).containsExactly("CONFIRMED", "ITEM_CONFIRMED", "ITEM_WAITLISTED", "CANCELLED",
                "ITEM_CANCELLED", "ITEM_CANCELLED");
        cancel(holder);
        assertThat(sql("select taken from agenda_item where id = " + w1.id)).isEqualTo(1);
        assertThat(sql("select taken from agenda_item where id = " + w2.id)).isZero();
        assertThat(placeCounts.drift(c.id)).isEmpty();
    }

    @Test
    void anOrganiserMovingAnItemIntoAnOverlapListsTheAttendeesThenKeepsThePlaceBookedFirst() {
        Conference c = TestConferences.create("rules-move-overlap", conf -> {
        });
        AgendaItem morning = item(c, "Vormittag", 0, 1);
        AgendaItem afternoon = item(c, "Nachmittag", 3, 1);
        String a = secret(signUp(c.slug, "a@overlap.example", morning.id, afternoon.id));
        String next = secret(signUp(c.slug, "next@overlap.example", afternoon.id));
        AgendaItem current = QuarkusTransaction.requiringNew().call(() -> AgendaItem.findById(afternoon.id));
        var draft = new de.konferenzbuero.backoffice.AgendaDraft(morning.startsAt.plus(Duration.ofMinutes(30)),
                morning.endsAt.plus(Duration.ofMinutes(30)), current.title, null, current.kind, null, true, 1,
                List.of(), current.version, null);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> agenda.update(organiser(), c.id, afternoon.id, draft, false))).isInstanceOfSatisfying(
                        Consequences.class,
                        e -> assertThat(e.losses())
                                .extracting(Consequences.Loss::email, Consequences.Loss::released,
                                        Consequences.Loss::kept)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("a@overlap.example", "Nachmittag",
                                        "Vormittag")));
        assertThat(get(a).getList("items.status")).as("nothing saved before confirming").containsExactly("CONFIRMED",
                "CONFIRMED");

        QuarkusTransaction.requiringNew().run(() -> agenda.update(organiser(), c.id, afternoon.id, draft, true));

        JsonPath after = get(a);
        assertThat(after.getList("items.agendaItemId", Long.class)).containsExactly(morning.id);
        assertThat(mails("a@overlap.example")).last().isEqualTo("itemReleased");
        assertThat(get(next).getString("items[0].status")).as("the released place went to the waitlist")
                .isEqualTo("CONFIRMED");
        assertThat(sql("select count(*) from booking_swap s join session_booking b on b.id = s.pending_booking_id "
                + "join registration r on r.id = b.registration_id where r.manage_secret_hash = '" + Sealing.hash(a)
                + "'")).isZero();

        // the attendee can swap back: the afternoon item is full now, so they wait for it and keep the morning
        JsonPath back = patch(a, Map.of("items", List.of(afternoon.id))).then().statusCode(200).extract().jsonPath();
        assertThat(back.getList("items.status")).containsExactly("CONFIRMED", "WAITLISTED");
    }

    @Test
    void oneEditThatAddsPlacesAndMovesTheItemTellsTheWaitingOfBoth() {
        Conference c = TestConferences.create("rules-raise-move", conf -> {
        });
        AgendaItem w = item(c, "W", 0, 1);
        signUp(c.slug, "held@raise.example", w.id);
        signUp(c.slug, "waiting@raise.example", w.id);
        AgendaItem current = QuarkusTransaction.requiringNew().call(() -> AgendaItem.findById(w.id));
        var draft = new de.konferenzbuero.backoffice.AgendaDraft(current.startsAt.plus(Duration.ofHours(1)),
                current.endsAt.plus(Duration.ofHours(1)), current.title, null, current.kind, "Saal 2", true, 2,
                List.of(), current.version, null);

        QuarkusTransaction.requiringNew().run(() -> agenda.update(organiser(), c.id, w.id, draft, false));

        OutboxMessage mail = latestMail("waiting@raise.example");
        assertThat(mail.template).isEqualTo("itemPromoted");
        assertThat(mail.text).contains("Außerdem hat sich das Programm geändert").contains("Saal 2");
        assertThat(latestMail("held@raise.example").template).isEqualTo("agendaChanged");
    }

    @Test
    void dropppingAModeThatStillHasRegistrationsIsRefused() {
        Conference c = TestConferences.create("rules-mode-drop", conf -> {
            conf.format = ConferenceFormat.HYBRID;
            conf.onlineCapacity = 1;
        });
        signUp(c.slug, "online@drop.example", "ONLINE", "de");
        signUp(c.slug, "waiting@drop.example", "ONLINE", "de");
        ConferenceDraft onSiteOnly = draft(c.id, ConferenceFormat.ON_SITE, null);

        assertThatThrownBy(
                () -> QuarkusTransaction.requiringNew().run(() -> conferences.update(organiser(), c.id, onSiteOnly)))
                        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                                .anyMatch(p -> p.field().equals("format") && p.problem() == Problem.MODE_IN_USE));
        assertThat(get(secretOf(c, "waiting@drop.example")).getString("status")).isEqualTo("WAITLISTED");
    }

    @Test
    void promotingOutOfOrderMakesAnOpenEditFormStale() {
        Conference c = TestConferences.create("rules-promote-version", conf -> conf.onsiteCapacity = 1);
        signUp(c.slug, "held@version.example");
        signUp(c.slug, "waiting@version.example");
        ConferenceDraft opened = draft(c.id, ConferenceFormat.ON_SITE, null);
        long waiting = QuarkusTransaction.requiringNew().call(
                () -> Registration.findActive(Conference.findById(c.id), "waiting@version.example").orElseThrow().id);

        QuarkusTransaction.requiringNew().run(() -> admin.promote(organiser(), c.id, waiting));

        assertThatThrownBy(
                () -> QuarkusTransaction.requiringNew().run(() -> conferences.update(organiser(), c.id, opened)))
                        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                                .extracting(p -> p.problem()).containsExactly(Problem.EDITED_BY_SOMEONE_ELSE));
        assertThat(sql("select onsite_capacity from conference where id = " + c.id)).isEqualTo(2);
    }

    @Test
    void registrationClosingAfterTheEndIsAFieldError() {
        Conference c = TestConferences.create("rules-window", conf -> {
        });
        ConferenceDraft late = draft(c.id, ConferenceFormat.ON_SITE, c.endsAt.plus(Duration.ofDays(1)));

        assertThatThrownBy(
                () -> QuarkusTransaction.requiringNew().run(() -> conferences.update(organiser(), c.id, late)))
                        .isInstanceOfSatisfying(InvalidInput.class,
                                e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.problem())
                                        .containsExactly("registrationClosesAt WINDOW_AFTER_END"));
    }

    @Test
    void addingByHandToACancelledConferenceIsRefused() {
        Conference c = TestConferences.create("rules-add-cancelled", conf -> {
        });
        QuarkusTransaction.requiringNew().run(() -> conferences.cancel(organiser(), c.id));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> admin.add(organiser(), c.id, signUpOf("late@cancelled.example"))))
                        .isInstanceOf(RegistrationClosed.class);
        assertThat(SignUpFlowTest.registrations(c, "late@cancelled.example")).isZero();
    }

    @Test
    void addingOneAddressByHandTwiceAtOnceGivesOneRegistrationAndAFormError() throws Exception {
        Conference c = TestConferences.create("rules-add-race", conf -> {
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String spelling = i % 2 == 0 ? "Anna.Muster@Rathaus.example" : " anna.muster@rathaus.EXAMPLE ";
            Callable<String> add = () -> {
                try {
                    QuarkusTransaction.requiringNew().run(() -> admin.add(organiser(), c.id, signUpOf(spelling)));
                    return "added";
                } catch (InvalidInput e) {
                    return e.problems().get(0).field() + " " + e.problems().get(0).problem();
                }
            };
            outcomes.add(pool.submit(add));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();
        assertThat(results).containsOnlyOnce("added").filteredOn(r -> !r.equals("added"))
                .containsOnly("email EMAIL_TAKEN");
        assertThat(SignUpFlowTest.registrations(c, "anna.muster@rathaus.example")).isEqualTo(1);
    }

    @Test
    void oneMailboxWrittenTwoWaysHoldsOneRegistration() {
        Conference c = TestConferences.create("rules-one-mailbox", conf -> {
        });
        JsonPath first = signUp(c.slug, "Jörg.Müller@Gemeinde-Süd.example");
        assertThat(first.getString("status")).isEqualTo("CONFIRMED");
        post(c.slug, body("  jörg.müller@xn--gemeinde-sd-2hb.example ", List.of())).then().statusCode(409).body("type",
                containsString("already-registered"));
        String decomposed = "jo\u0308rg.mu\u0308ller@gemeinde-su\u0308d.example";
        post(c.slug, body(decomposed, List.of())).then().statusCode(409).body("type",
                containsString("already-registered"));
        assertThat(SignUpFlowTest.registrations(c, "jörg.müller@xn--gemeinde-sd-2hb.example")).isEqualTo(1);

        String pastTheLimit = "a".repeat(60) + "@" + "ä.".repeat(90) + "example";
        post(c.slug, body(pastTheLimit, List.of())).then().statusCode(400)
                .body("errors.field", equalTo(List.of("email"))).body("errors.code", equalTo(List.of("EMAIL_INVALID")));
    }

    @Test
    void thePatchOfModeAndItemsIsAllOrNothing() {
        Conference c = TestConferences.create("rules-atomic-patch", conf -> {
            conf.format = ConferenceFormat.HYBRID;
            conf.onlineCapacity = 10;
        });
        AgendaItem talk = item(c, "Vortrag", 0, 5);
        AgendaItem excursion = item(c, "Exkursion", 3, 5);
        QuarkusTransaction.requiringNew().run(() -> {
            AgendaItem e = AgendaItem.findById(excursion.id);
            e.attendance = Attendance.ON_SITE;
        });
        String a = secret(signUp(c.slug, "a@atomic.example", talk.id));

        patch(a, Map.of("attendance", "ONLINE", "items", List.of(talk.id, excursion.id))).then().statusCode(400)
                .contentType("application/problem+json").body("errors.code", equalTo(List.of("ITEM_NOT_FOR_MODE")));

        JsonPath unchanged = get(a);
        assertThat(unchanged.getString("attendance")).isEqualTo("ON_SITE");
        assertThat(unchanged.getList("items.agendaItemId", Long.class)).containsExactly(talk.id);
        assertThat(sql("select online_taken from conference where id = " + c.id)).isZero();

        patch(a, Map.of("attendance", "ONLINE", "items", List.of(talk.id))).then().statusCode(200)
                .body("attendance", equalTo("ONLINE")).body("items[0].status", equalTo("CONFIRMED"));
    }

    @Test
    void theDatabaseRefusesOverlappingConfirmedBookingsAndItemsOfAnotherMode() throws SQLException {
        Conference c = TestConferences.create("rules-database", conf -> {
            conf.format = ConferenceFormat.HYBRID;
            conf.onlineCapacity = 10;
        });
        AgendaItem w1 = item(c, "W1", 0, 5);
        AgendaItem w2 = item(c, "W2", 1, 5);
        AgendaItem web = item(c, "Web", 4, 5);
        QuarkusTransaction.requiringNew().run(() -> {
            AgendaItem e = AgendaItem.findById(web.id);
            e.attendance = Attendance.ONLINE;
        });
        String a = secret(signUp(c.slug, "a@database.example", w1.id));
        long registration = sql("select id from registration where manage_secret_hash = '" + Sealing.hash(a) + "'");

        assertThatThrownBy(
                () -> execute("insert into session_booking (registration_id, agenda_item_id, status) values ("
                        + registration + ", " + w2.id + ", 'CONFIRMED')")).hasCauseInstanceOf(SQLException.class)
                                .hasMessageContaining("session_booking_no_overlap");
        assertThatThrownBy(
                () -> execute("insert into session_booking (registration_id, agenda_item_id, status) values ("
                        + registration + ", " + web.id + ", 'CONFIRMED')")).hasCauseInstanceOf(SQLException.class)
                                .hasMessageContaining("not offered to its attendance mode");
        assertThatThrownBy(
                () -> execute("update registration set email = 'a@gemeinde-süd.example' where id = " + registration))
                        .hasCauseInstanceOf(SQLException.class).hasMessageContaining("registration_email_normalised");
        assertThatThrownBy(() -> execute(
                "update conference set registration_closes_at = ends_at + interval '1 day' " + "where id = " + c.id))
                        .hasCauseInstanceOf(SQLException.class)
                        .hasMessageContaining("conference_registration_closes_by_end");

        // a waiting booking at the same time is allowed (that is a swap's pending half)
        execute("insert into session_booking (registration_id, agenda_item_id, status, waitlist_seq) values ("
                + registration + ", " + w2.id + ", 'WAITLISTED', nextval('waitlist_seq'))");
        assertThat(sql("select count(*) from session_booking where registration_id = " + registration
                + " and starts_at = (select starts_at from agenda_item where id = " + w2.id + ")")).isEqualTo(1);
    }

    @Test
    void countersThatDriftFromTheRowsAreReportedNotRepaired() {
        Conference c = TestConferences.create("rules-drift", conf -> {
        });
        AgendaItem w = item(c, "W", 0, 5);
        signUp(c.slug, "a@drift.example", w.id);
        execute("update agenda_item set taken = 3 where id = " + w.id);

        assertThat(placeCounts.drift(c.id)).singleElement().satisfies(d -> {
            assertThat(d.item()).isEqualTo("W");
            assertThat(d.counted()).isEqualTo(3);
            assertThat(d.confirmed()).isEqualTo(1);
        });
        assertThat(Organisers.login(Organisers.KTS).page("/organiser/conferences/{id}", c.id))
                .contains("Die Platzzähler dieser Konferenz stimmen nicht");
        assertThat(sql("select taken from agenda_item where id = " + w.id)).isEqualTo(3);
        execute("update agenda_item set taken = 1 where id = " + w.id);
    }

    /** The conference as its edit form shows it now, with another format and closing time. */
    private static ConferenceDraft draft(long id, ConferenceFormat format, java.time.Instant closesAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Conference c = Conference.findById(id);
            return new ConferenceDraft(c.organisation.id, c.slug, c.title, c.motto, c.description, c.startsAt, c.endsAt,
                    format, c.venue.name, c.venue.street, c.venue.postalCode, c.venue.city, null, c.onlineAccessLink,
                    c.onsiteCapacity, c.onlineCapacity, c.registrationOpensAt, closesAt, c.audience, c.contactName,
                    c.contactEmail, c.confirmEmail, c.confirmWithinHours, c.retentionDays, c.offerHours,
                    c.approvalRequired, c.region, List.copyOf(c.tags), c.version);
        });
    }

    private static OutboxMessage latestMail(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage> find("recipient = ?1 order by id desc", email).firstResult());
    }

    private static SignUp signUpOf(String email) {
        return new SignUp("Anna", "Muster", email, null, null, Attendance.ON_SITE, List.of(), false, false, false, null,
                null, true, false, "de", List.of());
    }

    private static String secretOf(Conference c, String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Registration.findActive(Conference.findById(c.id), email).orElseThrow().manageSecret);
    }

    /** The kinds of the registration's history, in order. */
    private List<String> events(String secret) {
        List<String> kinds = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                var rows = connection.createStatement()
                        .executeQuery("select e.kind from registration_event e join registration r on r.id = "
                                + "e.registration_id where r.manage_secret_hash = '" + Sealing.hash(secret)
                                + "' order by e.id")) {
            while (rows.next()) {
                kinds.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return kinds;
    }

    private long sql(String query) {
        try (Connection connection = dataSource.getConnection();
                var rows = connection.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One statement in its own transaction, as a hand-made change in psql would be. */
    private void execute(String statement) {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Organiser organiser() {
        return Organiser.findByEmail("organisator@kts.example").orElseThrow();
    }
}
