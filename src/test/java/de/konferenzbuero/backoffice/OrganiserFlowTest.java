package de.konferenzbuero.backoffice;

import static de.konferenzbuero.Attendees.secret;
import static de.konferenzbuero.Attendees.signUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.EventTime;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;
import de.konferenzbuero.security.Organisers;

/**
 * The organiser back office over HTTP, as an organiser uses it in the browser (forms with CSRF token,
 * POST-redirect-GET), with attendees signing up through the public JSON API.
 */
@QuarkusTest
class OrganiserFlowTest {

    /** The first day of the test conferences: in a month, so registration is open. */
    static final LocalDate DAY_1 = LocalDate.now(EventTime.ZONE).plusDays(30);
    static final LocalDate DAY_2 = DAY_1.plusDays(1);

    /**
     * The issue's "done when": create a two-day conference with agenda and a workshop, publish it, three sign-ups (the
     * third waits), a cancellation in the back office promotes the third, the list goes out as CSV and XLSX, and an
     * attendee is checked in (twice: the second time says "already").
     */
    @Test
    void fromNewConferenceToCheckIn() throws IOException {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);

        // create: the form offers the organiser's organisations
        String newForm = organiser.page("/organiser/conferences/new");
        assertThat(newForm).contains("Koordinierungs- und Transferstelle", "Bundesministerium für Wohnen")
                .doesNotContain("digital.interkommunal Kalletal.Lemgo</option>");
        long id = create(organiser, "bo-flow", "Backoffice-Ablauf", 2);
        String created = organiser.page("/organiser/conferences/{id}?notice=created", id);
        assertThat(created).contains("Backoffice-Ablauf");

        // a two-day agenda with a workshop of two places
        addItem(organiser, id, item("Eröffnung", "TALK", DAY_1, "09:30", "10:15", "Saal 1", null));
        long workshop = addItem(organiser, id,
                item("Workshop Datenstrategie", "WORKSHOP", DAY_1, "10:30", "12:00", "Raum 2", 2));
        addItem(organiser, id, item("Ausblick", "TALK", DAY_2, "10:00", "11:00", "Saal 1", null));
        String agenda = organiser.page("/organiser/conferences/{id}/agenda", id);
        assertThat(agenda).contains("Eröffnung", "Workshop Datenstrategie", "Ausblick", "0 von 2 Plätzen vergeben")
                .doesNotContain("doppelt belegt");

        // not public before publishing
        given().when().get("/api/conferences/bo-flow").then().statusCode(404);
        assertThat(organiser.follow(organiser.post("/organiser/conferences/{id}/publish", id)))
                .contains("veröffentlicht");
        JsonPath published = given().when().get("/api/conferences/bo-flow").then().statusCode(200).extract().jsonPath();
        assertThat(published.getString("status")).isEqualTo("PUBLISHED");
        assertThat(published.getString("registration")).isEqualTo("OPEN");
        assertThat(published.getList("agenda.title")).containsExactly("Eröffnung", "Workshop Datenstrategie",
                "Ausblick");

        // three sign-ups for the workshop; the conference has two places
        JsonPath anna = signUp("bo-flow", "anna@bo-flow.example", workshop);
        JsonPath bernd = signUp("bo-flow", "bernd@bo-flow.example", workshop);
        JsonPath clara = signUp("bo-flow", "clara@bo-flow.example", workshop);
        assertThat(List.of(anna.getString("status"), bernd.getString("status"), clara.getString("status")))
                .containsExactly("CONFIRMED", "CONFIRMED", "WAITLISTED");
        assertThat(clara.getLong("waitlistPosition")).isEqualTo(1);

        String list = organiser.page("/organiser/conferences/{id}/registrations", id);
        assertThat(list).contains("anna", "bernd", "clara", "anna@bo-flow.example");

        // the organiser cancels Anna; Clara moves up, with her workshop place
        long annaId = registrationId(id, "anna@bo-flow.example");
        String cancelled = organiser
                .follow(organiser.post("/organiser/conferences/{id}/registrations/{r}/cancel", id, annaId));
        assertThat(cancelled).contains("Die Anmeldung ist storniert");
        JsonPath claraNow = Attendees.get(secret(clara));
        assertThat(claraNow.getString("status")).isEqualTo("CONFIRMED");
        assertThat(claraNow.getList("items.status")).containsExactly("CONFIRMED");
        assertThat(Attendees.get(secret(anna)).getString("status")).isEqualTo("CANCELLED");
        assertThat(mails("anna@bo-flow.example")).containsExactly("confirmed", "cancelled");
        assertThat(mails("clara@bo-flow.example")).containsExactly("waitlisted", "promoted");
        assertThat(organiser.page("/organiser/conferences/{id}/registrations/{r}", id, annaId))
                .contains(Organisers.KTS); // the history names who cancelled

        // CSV for German Excel: BOM, semicolons, the two confirmed, not the cancelled
        Response csv = organiser.get("/organiser/conferences/{id}/attendees.csv", id);
        csv.then().statusCode(200).contentType("text/csv").header("Content-Disposition",
                containsString("bo-flow-teilnehmende.csv"));
        byte[] csvBytes = csv.asByteArray();
        assertThat(csvBytes).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(csvBytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("\"Nachname\";\"Vorname\";");
        assertThat(String.join("\n", lines))
                .contains("\"bernd\";\"Test\";\"bernd@bo-flow.example\"",
                        "\"clara\";\"Test\";\"clara@bo-flow.example\"", "Workshop Datenstrategie")
                .doesNotContain("anna");

        // XLSX: a workbook (zip) whose sheet holds the same names
        Response xlsx = organiser.get("/organiser/conferences/{id}/attendees.xlsx", id);
        xlsx.then().statusCode(200).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString("bo-flow-teilnehmende.xlsx"));
        Map<String, String> workbook = unzip(xlsx.asByteArray());
        assertThat(workbook).containsKey("xl/worksheets/sheet1.xml");
        String cells = workbook.get("xl/worksheets/sheet1.xml") + workbook.getOrDefault("xl/sharedStrings.xml", "");
        assertThat(cells).contains("Nachname", "bernd@bo-flow.example", "clara@bo-flow.example")
                .doesNotContain("anna@bo-flow.example");

        // print list and badges show the confirmed
        assertThat(organiser.page("/organiser/conferences/{id}/print", id)).contains("bernd", "clara")
                .doesNotContain("anna@bo-flow.example");
        assertThat(organiser.page("/organiser/conferences/{id}/badges", id)).contains("bernd", "clara");

        // check-in by code, twice
        String code = checkinCode(id, "bernd@bo-flow.example");
        assertThat(organiser.page("/organiser/conferences/{id}/checkin?code=" + code, id)).contains("Test bernd",
                "Einlassen");
        Response first = organiser.post("/organiser/conferences/{id}/checkin", Map.of("code", code), id);
        assertThat(first.getHeader("Location")).contains("outcome=CHECKED_IN");
        assertThat(organiser.follow(first)).contains("Eingelassen: Test bernd",
                "1 von 2 bestätigten Teilnehmenden sind eingelassen.");
        Response second = organiser.post("/organiser/conferences/{id}/checkin", Map.of("code", code), id);
        assertThat(second.getHeader("Location")).contains("outcome=ALREADY_CHECKED_IN");
        assertThat(organiser.follow(second)).contains("Bereits eingelassen um").contains("Test bernd")
                .contains("1 von 2 bestätigten Teilnehmenden sind eingelassen.");
        assertThat(organiser.page("/organiser/conferences/{id}/checkin?code=" + code, id))
                .contains("Bereits eingelassen um");
        Response unknown = organiser.post("/organiser/conferences/{id}/checkin", Map.of("code", "gibt-es-nicht"), id);
        assertThat(organiser.follow(unknown)).contains("Dieser Code gehört zu keiner Anmeldung dieser Konferenz.");
        // a waiting or cancelled attendee is not admitted
        Response cancelledCode = organiser.post("/organiser/conferences/{id}/checkin",
                Map.of("code", checkinCode(id, "anna@bo-flow.example")), id);
        assertThat(cancelledCode.getHeader("Location")).contains("outcome=NOT_CONFIRMED");
        QuarkusTransaction.requiringNew().run(() -> {
            Registration bernd2 = Registration.findById(registrationId(id, "bernd@bo-flow.example"));
            assertThat(bernd2.checkedInAt).isNotNull();
            assertThat(bernd2.checkedInBy).isEqualTo(Organisers.KTS);
        });
        String csvAfter = new String(organiser.get("/organiser/conferences/{id}/attendees.csv", id).asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csvAfter.lines().filter(l -> l.contains("bernd@")).findFirst().orElseThrow())
                .matches(".*\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?\"$");
    }

    @Test
    void anEditWithAStaleVersionIsRefusedAndChangesNothing() {
        Organisers.Session first = Organisers.login(Organisers.KTS);
        Organisers.Session second = Organisers.login(Organisers.KTS);
        long id = create(first, "bo-stale", "Alter Titel", 10);
        String firstForm = first.page("/organiser/conferences/{id}/edit", id);
        String secondForm = second.page("/organiser/conferences/{id}/edit", id);

        first.submit(firstForm, "/organiser/conferences/" + id, Map.of("title", "Titel von eins")).then()
                .statusCode(303);
        Response stale = second.submit(secondForm, "/organiser/conferences/" + id,
                Map.of("title", "Titel von zwei", "onsiteCapacity", "99"));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.asString()).contains("Jemand anderes hat diese Angaben inzwischen geändert")
                .contains("Titel von zwei"); // the input is kept
        QuarkusTransaction.requiringNew().run(() -> {
            Conference c = Conference.findById(id);
            assertThat(c.title).isEqualTo("Titel von eins");
            assertThat(c.onsiteCapacity).isEqualTo(10);
        });

        // the same for an agenda item
        long item = addItem(first, id, item("Vortrag", "TALK", DAY_1, "10:00", "11:00", "Saal 1", null));
        String itemPath = "/organiser/conferences/" + id + "/agenda/" + item;
        String firstItem = first.page(itemPath);
        String secondItem = second.page(itemPath);
        first.submit(firstItem, itemPath, Map.of("title", "Vortrag neu")).then().statusCode(303);
        Response staleItem = second.submit(secondItem, itemPath, Map.of("title", "Vortrag zwei"));
        assertThat(staleItem.statusCode()).isEqualTo(400);
        assertThat(staleItem.asString()).contains("Jemand anderes hat diese Angaben inzwischen geändert");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AgendaItem.<AgendaItem> findById(item).title))
                .isEqualTo("Vortrag neu");
    }

    @Test
    void raisingTheCapacityPromotesTheOldestWaitingAndLoweringBelowTheConfirmedIsRefused() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        long id = create(organiser, "bo-capacity", "Kapazität", 1);
        organiser.post("/organiser/conferences/{id}/publish", id).then().statusCode(303);
        signUp("bo-capacity", "one@bo-capacity.example");
        String second = secret(signUp("bo-capacity", "two@bo-capacity.example"));
        String third = secret(signUp("bo-capacity", "three@bo-capacity.example"));

        String form = organiser.page("/organiser/conferences/{id}/edit", id);
        organiser.submit(form, "/organiser/conferences/" + id, Map.of("onsiteCapacity", "2")).then().statusCode(303);
        assertThat(Attendees.get(second).getString("status")).isEqualTo("CONFIRMED");
        assertThat(Attendees.get(third).getString("status")).isEqualTo("WAITLISTED");
        assertThat(Attendees.get(third).getLong("waitlistPosition")).isEqualTo(1);
        assertThat(mails("two@bo-capacity.example")).containsExactly("waitlisted", "promoted");
        assertThat(mails("three@bo-capacity.example")).containsExactly("waitlisted");

        form = organiser.page("/organiser/conferences/{id}/edit", id);
        Response lowered = organiser.submit(form, "/organiser/conferences/" + id, Map.of("onsiteCapacity", "1"));
        assertThat(lowered.statusCode()).isEqualTo(400);
        assertThat(lowered.asString())
                .contains("Die Zahl der Plätze kann nicht unter die Zahl der bestätigten Anmeldungen und der in"
                        + " Kontingenten noch reservierten Plätze sinken.");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Conference.<Conference> findById(id).onsiteCapacity))
                .isEqualTo(2);

        // the same rule for a workshop's places: two confirmed attendees book it, one place is refused
        long workshop = addItem(organiser, id, item("Workshop", "WORKSHOP", DAY_1, "13:00", "14:00", null, 2));
        bookWorkshop(id, workshop, "one@bo-capacity.example");
        bookWorkshop(id, workshop, "two@bo-capacity.example");
        String itemPath = "/organiser/conferences/" + id + "/agenda/" + workshop;
        Response itemLowered = organiser.submit(organiser.page(itemPath), itemPath, Map.of("capacity", "1"));
        assertThat(itemLowered.statusCode()).isEqualTo(400);
        assertThat(itemLowered.asString()).contains("Die Zahl der Plätze kann nicht unter die Zahl der bestätigten");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AgendaItem.<AgendaItem> findById(workshop).capacity))
                .isEqualTo(2);
    }

    @Test
    void movingABookedWorkshopTellsItsAttendeesByMail() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        long id = create(organiser, "bo-move", "Verschieben", 10);
        long workshop = addItem(organiser, id, item("Workshop", "WORKSHOP", DAY_1, "10:00", "11:00", "Raum 1", 5));
        long talk = addItem(organiser, id, item("Vortrag", "TALK", DAY_1, "14:00", "15:00", "Saal", null));
        organiser.post("/organiser/conferences/{id}/publish", id).then().statusCode(303);
        signUp("bo-move", "a@bo-move.example", workshop);
        signUp("bo-move", "b@bo-move.example", workshop);
        signUp("bo-move", "c@bo-move.example");

        // a change of the title alone tells nobody
        String itemPath = "/organiser/conferences/" + id + "/agenda/" + workshop;
        organiser.submit(organiser.page(itemPath), itemPath, Map.of("title", "Workshop Daten")).then().statusCode(303);
        assertThat(mails("a@bo-move.example")).containsExactly("confirmed");

        organiser
                .submit(organiser.page(itemPath), itemPath,
                        Map.of("startsAt", local(DAY_1, "11:30"), "endsAt", local(DAY_1, "12:30")))
                .then().statusCode(303);
        assertThat(mails("a@bo-move.example")).containsExactly("confirmed", "agendaChanged");
        assertThat(mails("b@bo-move.example")).containsExactly("confirmed", "agendaChanged");
        assertThat(mails("c@bo-move.example")).containsExactly("confirmed");
        OutboxMessage mail = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage
                        .<OutboxMessage> find("recipient = ?1 and template = 'agendaChanged'", "a@bo-move.example")
                        .firstResult());
        assertThat(mail.text).contains("Workshop Daten", "11:30");

        // the unbooked talk moves without mail
        String talkPath = "/organiser/conferences/" + id + "/agenda/" + talk;
        organiser.submit(organiser.page(talkPath), talkPath, Map.of("location", "Saal 2")).then().statusCode(303);
        assertThat(mails("c@bo-move.example")).containsExactly("confirmed");
        assertThat(organiser.page("/organiser/conferences/{id}/audit", id)).contains("2 attendees told");
    }

    @Test
    void cancellingAConferenceCancelsEveryRegistrationAndTellsEveryone() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        long id = create(organiser, "bo-cancel", "Absage", 2);
        organiser.post("/organiser/conferences/{id}/publish", id).then().statusCode(303);
        List<String> emails = List.of("a@bo-cancel.example", "b@bo-cancel.example", "c@bo-cancel.example");
        List<String> secrets = emails.stream().map(e -> secret(signUp("bo-cancel", e))).toList();

        assertThat(organiser.page("/organiser/conferences/{id}/cancel", id)).contains("Alle 3 aktiven Anmeldungen");
        String done = organiser.follow(organiser.post("/organiser/conferences/{id}/cancel", id));
        assertThat(done).contains("Die Konferenz ist abgesagt. 3 Anmeldungen wurden storniert");

        for (String secret : secrets) {
            assertThat(Attendees.get(secret).getString("status")).isEqualTo("CANCELLED");
        }
        for (String email : emails) {
            assertThat(mails(email)).endsWith("conferenceCancelled").doesNotContain("promoted");
        }
        JsonPath conference = given().when().get("/api/conferences/bo-cancel").then().statusCode(200).extract()
                .jsonPath();
        assertThat(conference.getString("status")).isEqualTo("CANCELLED");
        assertThat(conference.getInt("places.ON_SITE.confirmed")).isZero();
        Attendees.post("bo-cancel", Map.of("firstName", "Zu", "lastName", "Spät", "email", "late@bo-cancel.example",
                "attendance", "ON_SITE", "items", List.of(), "privacyConsent", true)).then().statusCode(409);
        // cancelling again tells nobody twice
        organiser.post("/organiser/conferences/{id}/cancel", id).then().statusCode(303);
        assertThat(mails("a@bo-cancel.example").stream().filter("conferenceCancelled"::equals)).hasSize(1);
    }

    @Test
    void duplicateMakesADraftCopyWithTheAgenda() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        long id = create(organiser, "bo-original", "Original", 20);
        addItem(organiser, id, item("Begrüßung", "TALK", DAY_1, "09:00", "09:30", "Saal", null));
        addItem(organiser, id, item("Workshop", "WORKSHOP", DAY_2, "10:00", "12:00", "Raum 3", 8));
        organiser.post("/organiser/conferences/{id}/publish", id).then().statusCode(303);
        signUp("bo-original", "someone@bo-original.example");

        Response duplicated = organiser.post("/organiser/conferences/{id}/duplicate", id);
        duplicated.then().statusCode(303);
        Matcher m = Pattern.compile("/organiser/conferences/(\\d+)/edit\\?notice=duplicated")
                .matcher(duplicated.getHeader("Location"));
        assertThat(m.find()).isTrue();
        long copyId = Long.parseLong(m.group(1));
        assertThat(copyId).isNotEqualTo(id);
        assertThat(organiser.follow(duplicated)).contains("bo-original-kopie");

        QuarkusTransaction.requiringNew().run(() -> {
            Conference original = Conference.findById(id);
            Conference copy = Conference.findById(copyId);
            assertThat(copy.status).isEqualTo(ConferenceStatus.DRAFT);
            assertThat(copy.slug).isEqualTo("bo-original-kopie");
            assertThat(copy.title).isEqualTo("Original");
            assertThat(copy.onsiteCapacity).isEqualTo(20);
            assertThat(copy.organisation.id).isEqualTo(original.organisation.id);
            assertThat(facts(copy.agenda)).hasSize(2).containsExactlyInAnyOrderElementsOf(facts(original.agenda));
            assertThat(copy.agenda).extracting(i -> i.id)
                    .doesNotContainAnyElementsOf(original.agenda.stream().map(i -> i.id).toList());
            assertThat(Registration.count("conference.id", copyId)).isZero();
            assertThat(original.status).isEqualTo(ConferenceStatus.PUBLISHED);
        });
        given().when().get("/api/conferences/bo-original-kopie").then().statusCode(404); // a draft is not public
        assertThat(organiser.post("/organiser/conferences/{id}/duplicate", id).getHeader("Location"))
                .doesNotContain("/" + copyId + "/");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Conference.count("slug", "bo-original-kopie-2")))
                .isEqualTo(1);
    }

    @Test
    void agendaWarningsShowARoomOrSpeakerBookedTwice() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        long id = create(organiser, "bo-warnings", "Warnungen", 20);
        Map<String, Object> keynote = item("Keynote", "TALK", DAY_1, "10:00", "11:00", "Saal A", null);
        keynote.put("speakers", "Dr. Erika Muster; Stadt Lemgo");
        addItem(organiser, id, keynote);
        addItem(organiser, id, item("Workshop Süd", "WORKSHOP", DAY_1, "11:00", "12:00", "Saal A", 10));
        assertThat(organiser.page("/organiser/conferences/{id}/agenda", id)).doesNotContain("doppelt belegt")
                .doesNotContain("eingeplant");

        addItem(organiser, id, item("Podium", "PANEL", DAY_1, "10:30", "11:30", "saal a", null));
        Map<String, Object> other = item("Parallelvortrag", "TALK", DAY_1, "10:45", "11:15", "Raum B", null);
        other.put("speakers", "Dr. Erika Muster");
        addItem(organiser, id, other);
        addItem(organiser, id, item("Nachlese", "TALK", DAY_2.plusDays(3), "10:00", "11:00", "Raum B", null));

        String agenda = organiser.page("/organiser/conferences/{id}/agenda", id);
        assertThat(agenda).contains("Raum „Saal A“ ist zur selben Zeit doppelt belegt: „Keynote“ und „Podium“.")
                .contains("Dr. Erika Muster ist zur selben Zeit in „Keynote“ und „Parallelvortrag“ eingeplant.")
                .contains("„Nachlese“ liegt außerhalb der Konferenztage.")
                .doesNotContain("„Keynote“ und „Workshop Süd“"); // back to back is fine
    }

    @Test
    void promotingOutOfOrderIsLoggedInTheAuditLog() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        long id = create(organiser, "bo-promote", "Vorziehen", 1);
        organiser.post("/organiser/conferences/{id}/publish", id).then().statusCode(303);
        signUp("bo-promote", "first@bo-promote.example");
        String oldest = secret(signUp("bo-promote", "oldest@bo-promote.example"));
        String chosen = secret(signUp("bo-promote", "chosen@bo-promote.example"));

        long chosenId = registrationId(id, "chosen@bo-promote.example");
        String page = organiser
                .follow(organiser.post("/organiser/conferences/{id}/registrations/{r}/promote", id, chosenId));
        assertThat(page).contains("chosen");
        assertThat(Attendees.get(chosen).getString("status")).isEqualTo("CONFIRMED");
        assertThat(Attendees.get(oldest).getString("status")).isEqualTo("WAITLISTED");
        assertThat(Attendees.get(oldest).getLong("waitlistPosition")).isEqualTo(1);
        assertThat(mails("chosen@bo-promote.example")).containsExactly("waitlisted", "promoted");
        // the conference got one more place for her, nobody else moved
        given().when().get("/api/conferences/bo-promote").then().body("places.ON_SITE.capacity", equalTo(2))
                .body("places.ON_SITE.confirmed", equalTo(2));

        String audit = organiser.page("/organiser/conferences/{id}/audit", id);
        assertThat(audit).contains("Änderungsprotokoll");
        Matcher row = Pattern.compile("<tr>(?:(?!</tr>).)*promoted out of order(?:(?!</tr>).)*</tr>", Pattern.DOTALL)
                .matcher(audit);
        assertThat(row.find()).as("an audit row for the promotion").isTrue();
        assertThat(row.group()).contains(Organisers.KTS, "REGISTRATION " + chosenId, "Test chosen");
        assertThat(audit).contains("published");
    }

    @Test
    void aMessageReachesOnlyTheChosenAudience() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        long id = create(organiser, "bo-message", "Nachricht", 2);
        long workshop = addItem(organiser, id, item("Workshop", "WORKSHOP", DAY_1, "10:00", "11:00", null, 5));
        organiser.post("/organiser/conferences/{id}/publish", id).then().statusCode(303);
        signUp("bo-message", "workshop@bo-message.example", workshop);
        signUp("bo-message", "plain@bo-message.example");
        signUp("bo-message", "waiting@bo-message.example", workshop);
        Attendees.cancel(secret(signUp("bo-message", "gone@bo-message.example")));

        String path = "/organiser/conferences/" + id + "/message";
        assertThat(organiser.page(path)).contains("Workshop");
        Response sent = organiser.post(path,
                Map.of("audience", "CONFIRMED", "subject", "Anreise", "body", "Bitte Ausweis mitbringen."));
        assertThat(sent.getHeader("Location")).contains("notice=sent", "count=2");
        assertThat(organiser.follow(sent)).contains("Die Nachricht ist an 2 Personen unterwegs.");
        assertThat(messages("Anreise")).containsExactlyInAnyOrder("workshop@bo-message.example",
                "plain@bo-message.example");

        organiser.post(path, Map.of("audience", "WAITLISTED", "subject", "Warteliste", "body", "Geduld.")).then()
                .statusCode(303);
        assertThat(messages("Warteliste")).containsExactly("waiting@bo-message.example");

        organiser.post(path, Map.of("audience", "ITEM", "item", workshop, "subject", "Raum", "body", "Raum 3.")).then()
                .statusCode(303);
        assertThat(messages("Raum")).containsExactly("workshop@bo-message.example");

        // a message without subject goes to nobody
        Response refused = organiser.post(path, Map.of("audience", "CONFIRMED", "subject", "", "body", "Leer"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count("template = 'organiserMessage' and text like ?1", "%Leer%"))).isZero();
        OutboxMessage message = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage> find("template = 'organiserMessage' and subject like ?1", "%Anreise%").firstResult());
        assertThat(message.text).contains("Bitte Ausweis mitbringen.", "/registrations/");
    }

    @Test
    void removingAnItemWithBookingsListsThemFirstAndCancelsThemWithMailsWhenConfirmed() {
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        long id = create(organiser, "bo-remove", "Entfernen", 5);
        long booked = addItem(organiser, id, item("Gebucht", "WORKSHOP", DAY_1, "10:00", "11:00", null, 5));
        long free = addItem(organiser, id, item("Frei", "TALK", DAY_1, "12:00", "13:00", null, null));
        organiser.post("/organiser/conferences/{id}/publish", id).then().statusCode(303);
        signUp("bo-remove", "a@bo-remove.example", booked);

        Response asked = organiser.post("/organiser/conferences/{id}/agenda/{item}/remove", id, booked);
        assertThat(asked.statusCode()).isEqualTo(409);
        assertThat(asked.asString()).contains("Diese Änderung beendet Buchungen", "a@bo-remove.example", "Gebucht",
                "Trotzdem speichern");
        organiser.post("/organiser/conferences/{id}/agenda/{item}/remove", id, free).then().statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(AgendaItem.<AgendaItem> findById(booked)).isNotNull();
            assertThat(AgendaItem.<AgendaItem> findById(free)).isNull();
        });

        organiser.post("/organiser/conferences/{id}/agenda/{item}/remove", Map.of("confirmed", "true"), id, booked)
                .then().statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(AgendaItem.<AgendaItem> findById(booked)).isNull();
            OutboxMessage mail = OutboxMessage
                    .<OutboxMessage> find("recipient = ?1 order by id desc", "a@bo-remove.example").firstResult();
            assertThat(mail.template).isEqualTo("itemReleased");
            assertThat(mail.text).contains("„Gebucht“ wird nicht mehr angeboten");
        });
    }

    // --- helpers
    // ------------------------------------------------------------------------------------------------------

    /** Creates an on-site conference over DAY_1 and DAY_2 for the organisation kts through the form; its id. */
    static long create(Organisers.Session organiser, String slug, String title, int capacity) {
        long kts = QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug("kts").orElseThrow().id);
        Map<String, Object> form = new HashMap<>();
        form.put("organisationId", kts);
        form.put("slug", slug);
        form.put("title", title);
        form.put("startsAt", local(DAY_1, "09:00"));
        form.put("endsAt", local(DAY_2, "17:00"));
        form.put("format", "ON_SITE");
        form.put("venueName", "Kulturhaus");
        form.put("venueCity", "Lemgo");
        form.put("onsiteCapacity", String.valueOf(capacity));
        form.put("contactEmail", "team@" + slug + ".example");
        Response response = organiser.post("/organiser/conferences", form);
        response.then().statusCode(303);
        Matcher m = Pattern.compile("/organiser/conferences/(\\d+)\\?notice=created")
                .matcher(response.getHeader("Location"));
        assertThat(m.find()).as("redirect to the new conference: %s", response.getHeader("Location")).isTrue();
        return Long.parseLong(m.group(1));
    }

    static Map<String, Object> item(String title, String kind, LocalDate day, String from, String to, String location,
            Integer capacity) {
        Map<String, Object> item = new HashMap<>();
        item.put("title", title);
        item.put("kind", kind);
        item.put("startsAt", local(day, from));
        item.put("endsAt", local(day, to));
        if (location != null) {
            item.put("location", location);
        }
        if (capacity != null) {
            item.put("bookable", "true");
            item.put("capacity", String.valueOf(capacity));
        }
        return item;
    }

    /** Adds an agenda item through the form; its id. */
    static long addItem(Organisers.Session organiser, long conferenceId, Map<String, Object> item) {
        organiser.post("/organiser/conferences/{id}/agenda", item, conferenceId).then().statusCode(303)
                .header("Location", containsString("notice=added"));
        return QuarkusTransaction.requiringNew()
                .call(() -> AgendaItem.<AgendaItem> find("conference.id = ?1 and title = ?2 order by id desc",
                        conferenceId, item.get("title")).firstResult().id);
    }

    static String local(LocalDate day, String time) {
        return LocalDateTime.of(day, LocalTime.parse(time)).toString();
    }

    static long registrationId(long conferenceId, String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Registration
                        .<Registration> find("conference.id = ?1 and email = ?2 order by id desc", conferenceId, email)
                        .firstResult().id);
    }

    static String checkinCode(long conferenceId, String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration> find("conference.id = ?1 and email = ?2", conferenceId, email)
                        .firstResult().checkinCode);
    }

    /** A confirmed attendee books the item through the public API. */
    static void bookWorkshop(long conferenceId, long itemId, String email) {
        String secret = QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration> find("conference.id = ?1 and email = ?2 and status = ?3",
                        conferenceId, email, RegistrationStatus.CONFIRMED).firstResult().manageSecret);
        Attendees.patch(secret, Map.of("items", List.of(itemId))).then().statusCode(200).body("items[0].status",
                equalTo("CONFIRMED"));
    }

    static List<String> mails(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage> list("recipient = ?1 order by id", email).stream().map(m -> m.template).toList());
    }

    /** The recipients of the organiser messages whose subject contains {@code subject}. */
    static List<String> messages(String subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage
                        .<OutboxMessage> list("template = 'organiserMessage' and subject like ?1"
                                + " and recipient like '%@bo-message.example' order by id", "%" + subject + "%")
                        .stream().map(m -> m.recipient).toList());
    }

    /** What an agenda item says, without its id. */
    static List<List<Object>> facts(List<AgendaItem> agenda) {
        return agenda.stream().map(i -> java.util.Arrays.<Object> asList(i.title, i.kind, i.startsAt, i.endsAt,
                i.location, i.bookable, i.capacity)).toList();
    }

    /** The entries of a zip file (an XLSX workbook) as text. */
    static Map<String, String> unzip(byte[] bytes) throws IOException {
        assertThat(bytes).startsWith('P', 'K');
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, bytes);
            Map<String, String> entries = new HashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return entries;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
