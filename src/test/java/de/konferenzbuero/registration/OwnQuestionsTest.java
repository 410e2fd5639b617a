package de.konferenzbuero.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.security.Organisers;

/**
 * The organiser's own questions: added in the organiser area and over the API, asked on the sign-up form and the API,
 * their conditions and required rules enforced on the server, answers changed on the manage page and read in the
 * registration detail, the exports and the API; removed questions keep their answers readable.
 */
@QuarkusTest
class OwnQuestionsTest {

    @Test
    void conditionsAndRequiredAnswersAreEnforcedOnTheServerAndTheAnswersAreReadEverywhere() throws Exception {
        Conference c = TestConferences.create("own-questions", conf -> {
        });
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        String path = "/organiser/conferences/" + c.id + "/questions";

        // the organiser adds a yes/no question and a conditional text in the organiser area
        organiser.post(path, Map.of("kind", "YES_NO", "labelDe", "Möchten Sie Ihr Projekt vorstellen?", "labelEn",
                "Would you like to present your project?")).then().statusCode(303);
        String page = organiser.page(path);
        assertThat(page).contains("Möchten Sie Ihr Projekt vorstellen?");
        String condition = page.replaceAll("(?s).*<option value=\"(\\d+:true)\">.*", "$1");
        assertThat(condition).matches("\\d+:true");
        organiser.post(path, Map.of("kind", "LONG_TEXT", "labelDe", "Kurzbeschreibung Ihres Projekts", "required",
                "true", "condition", condition)).then().statusCode(303);
        // a choice without options is refused with a field error
        organiser.post(path, Map.of("kind", "SINGLE_CHOICE", "labelDe", "Anreise")).then().statusCode(400)
                .body(containsString("Antwortmöglichkeiten"));
        organiser.post(path,
                Map.of("kind", "SINGLE_CHOICE", "labelDe", "Anreise", "options",
                        "Mit dem Shuttlebus ab Bahnhof | By shuttle bus from the station\nMit dem eigenen Auto",
                        "onBadge", "true"))
                .then().statusCode(303);
        organiser.post(path, Map.of("kind", "NUMBER", "labelDe", "Wie viele Personen vertreten Sie?")).then()
                .statusCode(303);
        organiser
                .post(path,
                        Map.of("kind", "CONSENT", "labelDe",
                                "Ich bin mit der Veröffentlichung meines Namens "
                                        + "in der Teilnehmendenliste einverstanden.",
                                "required", "true"))
                .then().statusCode(303);

        // the conference's questions as API clients read them
        JsonPath conference = given().get("/api/conferences/{slug}", c.slug).then().statusCode(200).extract()
                .jsonPath();
        assertThat(conference.getList("questions")).hasSize(5);
        long project = conference.getLong("questions[0].id");
        long description = conference.getLong("questions[1].id");
        long travel = conference.getLong("questions[2].id");
        long shuttle = conference.getLong("questions[2].options[0].id");
        long people = conference.getLong("questions[3].id");
        long consent = conference.getLong("questions[4].id");
        assertThat(conference.getLong("questions[1].shownIf.question")).isEqualTo(project);

        // the form shows the condition as a hint, so it works without JavaScript
        String form = given().get("/conferences/{slug}", c.slug).then().statusCode(200).extract().asString();
        assertThat(form).contains("Weitere Angaben", "Kurzbeschreibung Ihres Projekts",
                "Nur wenn Sie bei „Möchten Sie Ihr Projekt vorstellen?“ „Ja“ angeben.", "name=\"q-" + travel + "\"",
                "Mit dem Shuttlebus ab Bahnhof");

        // required: the consent; when the project is presented, its description; numbers must be numbers
        Response refused = Attendees.post(c.slug,
                body("anna@own-questions.example", List.of(answer(project, "true"), answer(people, "viele"))));
        refused.then().statusCode(400).contentType("application/problem+json");
        assertThat(refused.jsonPath().getList("errors.field")).containsExactly("q-" + description, "q-" + people,
                "q-" + consent);
        assertThat(refused.jsonPath().getString("errors.find { it.field == 'q-" + people + "' }.message"))
                .contains("Zahl");
        Attendees
                .post(c.slug,
                        body("anna@own-questions.example",
                                List.of(answer(consent, "true"), Map.of("question", travel, "options", List.of(-5)))))
                .then().statusCode(400).body("errors[0].field", equalTo("q-" + travel));
        Attendees
                .post(c.slug,
                        body("anna@own-questions.example", List.of(answer(consent, "true"), answer(9999999L, "x"))))
                .then().statusCode(400).body("errors[0].field", equalTo("answers"));

        // not presenting: the description is not asked, and one sent anyway is not kept
        JsonPath anna = Attendees
                .post(c.slug,
                        body("anna@own-questions.example", List.of(answer(project, "false"),
                                answer(description, "wird verworfen"), answer(consent, "true"),
                                Map.of("question", travel, "options", List.of(shuttle)), answer(people, "3,5"))))
                .then().statusCode(201).extract().jsonPath();
        assertThat(anna.getList("answers.question", Long.class)).containsExactly(project, travel, people, consent);
        assertThat(anna.getString("answers.find { it.question == " + travel + " }.text"))
                .isEqualTo("Mit dem Shuttlebus ab Bahnhof");
        assertThat(anna.getString("answers.find { it.question == " + people + " }.answer")).isEqualTo("3.5");
        assertThat(anna.getString("answers.find { it.question == " + consent + " }.text"))
                .startsWith("Zugestimmt: Ich bin mit der Veröffentlichung");

        // on the manage page the answers are shown and can be changed with the same rules
        String secret = Attendees.secret(anna);
        String manage = given().get("/registrations/{s}", secret).then().statusCode(200).extract().asString();
        assertThat(manage).contains("Ihre weiteren Angaben", "Mit dem Shuttlebus ab Bahnhof");
        String csrf = manage.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        given().cookie("csrf-token", csrf).contentType(ContentType.URLENC).formParam("csrf-token", csrf)
                .formParam("q-" + project, "true").formParam("q-" + consent, "true").redirects().follow(false)
                .post("/registrations/{s}/answers", secret).then().statusCode(400)
                .body(containsString("Kurzbeschreibung Ihres Projekts: "));
        given().cookie("csrf-token", csrf).contentType(ContentType.URLENC).formParam("csrf-token", csrf)
                .formParam("q-" + project, "true").formParam("q-" + description, "Ein Dorfladen mit App")
                .formParam("q-" + consent, "true").formParam("q-" + travel, String.valueOf(shuttle))
                .formParam("q-" + people, "3,5").redirects().follow(false).post("/registrations/{s}/answers", secret)
                .then().statusCode(303);
        assertThat(Attendees.get(secret).getString("answers.find { it.question == " + description + " }.answer"))
                .isEqualTo("Ein Dorfladen mit App");

        // the organiser reads them in the registration detail, the API and both exports
        String token = Organisers.apiToken(Organisers.KTS, "own-questions");
        JsonPath registrations = given().auth().oauth2(token).get("/api/organiser/conferences/{id}/registrations", c.id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(registrations.getString("[0].answers.find { it.question == " + description + " }.text"))
                .isEqualTo("Ein Dorfladen mit App");
        long registrationId = registrations.getLong("[0].id");
        assertThat(organiser.page("/organiser/conferences/{id}/registrations/{r}", c.id, registrationId))
                .contains("Kurzbeschreibung Ihres Projekts", "Ein Dorfladen mit App");
        String csv = new String(organiser.get("/organiser/conferences/{id}/attendees.csv", c.id).asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("\"Kurzbeschreibung Ihres Projekts\"", "\"Ein Dorfladen mit App\"",
                "\"Mit dem Shuttlebus ab Bahnhof\"", "\"Ja\"");
        // the travel answer was chosen for the name badges, the others not
        assertThat(organiser.page("/organiser/conferences/{id}/badges", c.id))
                .contains("<p class=\"badge-answer\">Mit dem Shuttlebus ab Bahnhof</p>")
                .doesNotContain("<p class=\"badge-answer\">Ein Dorfladen mit App</p>");

        // removing an answered question keeps its answers readable; the question is no longer asked
        given().auth().oauth2(token).delete("/api/organiser/conferences/{id}/questions/{q}", c.id, people).then()
                .statusCode(200).body("$", hasSize(4));
        String xlsx = xlsxText(organiser.get("/organiser/conferences/{id}/attendees.xlsx", c.id).asByteArray());
        assertThat(xlsx).contains("Wie viele Personen vertreten Sie? (entfernte Frage)", "3.5",
                "Ein Dorfladen mit App");
        assertThat(given().get("/conferences/{slug}", c.slug).asString()).doesNotContain("name=\"q-" + people + "\"");
        assertThat(Attendees.get(secret).getList("answers.question", Long.class)).contains(people);

        // a question others depend on cannot be removed; its kind cannot change once answered
        given().auth().oauth2(token).delete("/api/organiser/conferences/{id}/questions/{q}", c.id, project).then()
                .statusCode(400).body("errors[0].field", equalTo("question"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "TEXT", "labelDe", "Projekt?", "version", 0))
                .put("/api/organiser/conferences/{id}/questions/{q}", c.id, project).then().statusCode(400)
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void theApiAddsReordersAndEditsQuestionsAndConditionsStayBeforeWhatTheyDecide() {
        Conference c = TestConferences.create("own-questions-api", conf -> {
        });
        String token = Organisers.apiToken(Organisers.KTS, "own-questions-api");
        String path = "/api/organiser/conferences/" + c.id + "/questions";
        JsonPath list = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "MULTIPLE_CHOICE", "labelDe", "Interessen", "options",
                        List.of(Map.of("labelDe", "Mobilität"),
                                Map.of("labelDe", "Verwaltung", "labelEn", "Administration"))))
                .post(path).then().statusCode(201).extract().jsonPath();
        long interests = list.getLong("[0].id");
        long mobility = list.getLong("[0].options[0].id");
        list = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "PHONE", "labelDe", "Telefon für Rückfragen zur Mobilität", "shownIfQuestion",
                        interests, "shownIfValue", String.valueOf(mobility)))
                .post(path).then().statusCode(201).extract().jsonPath();
        long phone = list.getLong("[1].id");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "TEXT", "labelDe", "Falsch", "shownIfQuestion", phone, "shownIfValue", "true"))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("condition"));
        // the dependent question cannot move above its condition
        given().auth().oauth2(token).contentType(ContentType.JSON).queryParam("direction", "up")
                .post(path + "/{q}/move", phone).then().log().ifValidationFails().statusCode(400)
                .body("errors[0].field", equalTo("question"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("kind", "COUNTRY", "labelDe", "Land"))
                .post(path).then().statusCode(201);
        long country = given().auth().oauth2(token).get(path).jsonPath().getLong("[2].id");
        JsonPath moved = given().auth().oauth2(token).contentType(ContentType.JSON).queryParam("direction", "up")
                .post(path + "/{q}/move", country).then().statusCode(200).extract().jsonPath();
        assertThat(moved.getList("labelDe")).containsExactly("Interessen", "Land",
                "Telefon für Rückfragen zur Mobilität");

        // the phone is asked only with "Mobilität"; then it must look like a phone number
        Attendees
                .post(c.slug,
                        body("p@own-questions-api.example",
                                List.of(Map.of("question", interests, "options", List.of(mobility)),
                                        answer(phone, "call me"))))
                .then().statusCode(400).body("errors[0].field", equalTo("q-" + phone));
        JsonPath registered = Attendees
                .post(c.slug, body("p@own-questions-api.example", List.of(
                        Map.of("question", interests, "options", List.of(mobility)), answer(phone, "+49 5261 213-0"))))
                .then().statusCode(201).extract().jsonPath();
        assertThat(registered.getList("answers.question", Long.class)).containsExactly(interests, phone);

        // renaming an option retires the old one (answers keep their text) and offers the new one
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "MULTIPLE_CHOICE", "labelDe", "Interessen", "version", 0, "options",
                        List.of(Map.of("labelDe", "Mobilität"), Map.of("labelDe", "Digitale Verwaltung"))))
                .put(path + "/{q}", interests).then().statusCode(200)
                .body("[0].options.labelDe", equalTo(List.of("Mobilität", "Digitale Verwaltung")));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "MULTIPLE_CHOICE", "labelDe", "Interessen", "version", 0, "options",
                        List.of(Map.of("labelDe", "Mobilität"))))
                .put(path + "/{q}", interests).then().statusCode(400).body("errors[0].field", equalTo("version"));
    }

    @Test
    void aShuttleWithTwoPlacesWaitlistsTheThirdWhoMovesUpWhenAPlaceFreesUp() {
        Conference c = TestConferences.create("own-questions-shuttle", conf -> {
        });
        String token = Organisers.apiToken(Organisers.KTS, "own-questions-shuttle");
        String path = "/api/organiser/conferences/" + c.id + "/questions";
        JsonPath list = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "SINGLE_CHOICE", "labelDe", "Anreise", "required", true, "options",
                        List.of(Map.of("labelDe", "Shuttlebus ab Bahnhof", "capacity", 2),
                                Map.of("labelDe", "Eigenes Auto"))))
                .post(path).then().statusCode(201).extract().jsonPath();
        long travel = list.getLong("[0].id");
        long shuttle = list.getLong("[0].options[0].id");
        long car = list.getLong("[0].options[1].id");
        assertThat(list.getInt("[0].options[0].free")).isEqualTo(2);

        List<String> secrets = new java.util.ArrayList<>();
        for (String who : List.of("eins", "zwei", "drei")) {
            JsonPath r = Attendees
                    .post(c.slug,
                            body(who + "@shuttle.example",
                                    List.of(Map.of("question", travel, "options", List.of(shuttle)))))
                    .then().statusCode(201).extract().jsonPath();
            secrets.add(Attendees.secret(r));
        }
        assertThat(Attendees.get(secrets.get(0)).getString("answers[0].text")).isEqualTo("Shuttlebus ab Bahnhof");
        assertThat(Attendees.get(secrets.get(2)).getString("answers[0].text"))
                .isEqualTo("Shuttlebus ab Bahnhof (Warteliste, Platz 1)");
        assertThat(given().get("/conferences/{slug}", c.slug).asString()).contains("Shuttlebus ab Bahnhof",
                "Warteliste");
        // the third waits: their confirmation mail says so
        assertThat(lastMailText(secrets.get(2))).contains("Shuttlebus ab Bahnhof (Warteliste, Platz 1)");

        // the second takes the car instead: the third moves up and is told by mail
        given().contentType(ContentType.JSON).body(List.of(Map.of("question", travel, "options", List.of(car))))
                .put("/api/registrations/{s}/answers", secrets.get(1)).then().statusCode(200)
                .body("answers[0].text", equalTo("Eigenes Auto"));
        assertThat(Attendees.get(secrets.get(2)).getString("answers[0].text")).isEqualTo("Shuttlebus ab Bahnhof");
        assertThat(lastMailText(secrets.get(2))).contains("ein Platz frei geworden, auf den Sie gewartet haben",
                "- Anreise: Shuttlebus ab Bahnhof\n");

        // a fourth waits; the first cancels and the fourth gets the seat
        String fourth = Attendees
                .secret(Attendees
                        .post(c.slug,
                                body("vier@shuttle.example",
                                        List.of(Map.of("question", travel, "options", List.of(shuttle)))))
                        .then().statusCode(201).extract().jsonPath());
        assertThat(Attendees.get(fourth).getString("answers[0].text")).endsWith("(Warteliste, Platz 1)");
        Attendees.cancel(secrets.get(0));
        assertThat(Attendees.get(fourth).getString("answers[0].text")).isEqualTo("Shuttlebus ab Bahnhof");

        // fewer places than are taken is refused; more places let the next one move up
        String fifth = Attendees
                .secret(Attendees
                        .post(c.slug,
                                body("fuenf@shuttle.example",
                                        List.of(Map.of("question", travel, "options", List.of(shuttle)))))
                        .then().statusCode(201).extract().jsonPath());
        Map<String, Object> fewer = Map.of("kind", "SINGLE_CHOICE", "labelDe", "Anreise", "required", true, "version",
                0, "options",
                List.of(Map.of("labelDe", "Shuttlebus ab Bahnhof", "capacity", 1), Map.of("labelDe", "Eigenes Auto")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(fewer).put(path + "/{q}", travel).then()
                .statusCode(400).body("errors[0].code", equalTo("CAPACITY_BELOW_CONFIRMED"));
        Map<String, Object> more = new HashMap<>(fewer);
        more.put("options",
                List.of(Map.of("labelDe", "Shuttlebus ab Bahnhof", "capacity", 3), Map.of("labelDe", "Eigenes Auto")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(more).put(path + "/{q}", travel).then()
                .statusCode(200).body("[0].options[0].free", equalTo(0));
        assertThat(Attendees.get(fifth).getString("answers[0].text")).isEqualTo("Shuttlebus ab Bahnhof");
        assertThat(io.quarkus.arc.Arc.container().instance(PlaceCounts.class).get().drift(c.id)).isEmpty();
    }

    @Test
    void aRushForTheShuttleGivesExactlyItsPlacesInArrivalOrder() throws Exception {
        Conference c = TestConferences.create("own-questions-rush", conf -> conf.onsiteCapacity = 100);
        String token = Organisers.apiToken(Organisers.KTS, "own-questions-rush");
        JsonPath list = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "SINGLE_CHOICE", "labelDe", "Anreise", "options",
                        List.of(Map.of("labelDe", "Shuttle", "capacity", 5), Map.of("labelDe", "Auto"))))
                .post("/api/organiser/conferences/{id}/questions", c.id).then().statusCode(201).extract().jsonPath();
        long travel = list.getLong("[0].id");
        long shuttle = list.getLong("[0].options[0].id");
        int people = 24;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < people; i++) {
            String email = "rush" + i + "@shuttle.example";
            answers.add(
                    pool.submit(
                            () -> Attendees
                                    .post(c.slug,
                                            body(email,
                                                    List.of(Map.of("question", travel, "options", List.of(shuttle)))))
                                    .statusCode()));
        }
        for (java.util.concurrent.Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(201);
        }
        pool.shutdown();
        List<Object[]> rows = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Answer.<Answer> list("option.id = ?1 order by id", shuttle).stream()
                        .map(a -> new Object[] { a.status, a.waitlistSeq }).toList());
        assertThat(rows).hasSize(people);
        assertThat(rows.stream().filter(r -> r[0] == BookingStatus.CONFIRMED)).hasSize(5);
        List<Long> seqs = rows.stream().filter(r -> r[0] == BookingStatus.WAITLISTED).map(r -> (Long) r[1]).toList();
        assertThat(seqs).hasSize(people - 5).doesNotHaveDuplicates();
        assertThat(io.quarkus.arc.Arc.container().instance(PlaceCounts.class).get().drift(c.id)).isEmpty();
    }

    /** The text of the latest mail to a registration (rendered into the outbox, not sent in tests). */
    private static String lastMailText(String secret) {
        de.konferenzbuero.StoredMails.render();
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Registration r = Registration.findBySecret(secret).orElseThrow();
            return de.konferenzbuero.mail.OutboxMessage.<de.konferenzbuero.mail.OutboxMessage> list(
                    "registrationId = ?1 order by id desc", r.id).get(0).text;
        });
    }

    private static Map<String, Object> body(String email, List<Map<String, Object>> answers) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Anna", "lastName", "Beispiel", "email", email,
                "attendance", "ON_SITE", "privacyConsent", true, "locale", "de"));
        body.put("answers", answers);
        return body;
    }

    private static Map<String, Object> answer(long question, String value) {
        return Map.of("question", question, "answer", value);
    }

    /** The text of a workbook's sheet and shared strings. */
    private static String xlsxText(byte[] bytes) throws Exception {
        Path file = Files.createTempFile("answers", ".xlsx");
        StringBuilder text = new StringBuilder();
        try {
            Files.write(file, bytes);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (entry.getName().startsWith("xl/worksheets/")
                            || entry.getName().equals("xl/sharedStrings.xml")) {
                        text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
        return text.toString();
    }
}
