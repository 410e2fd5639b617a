package de.konferenzbuero.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.Management;
import de.konferenzbuero.StoredMails;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.registration.RegistrationStatus;
import de.konferenzbuero.security.Organisers;

/**
 * DSGVO by default: the classification of columns covers the schema, the export holds every personal field, retention
 * and erasure leave no trace of the person in any table while the counts stay.
 */
@QuarkusTest
class PersonalDataTest {

    @Inject
    EntityManager em;

    @Inject
    Retention retention;

    @Inject
    ObjectMapper json;

    @Test
    void everyColumnOfTheSchemaIsClassified() {
        List<Object[]> columns = QuarkusTransaction.requiringNew().call(() -> columns(false));
        Set<String> classified = PersonalData.columns().stream().map(c -> c.table() + "." + c.name())
                .collect(Collectors.toSet());
        List<String> missing = columns.stream().filter(c -> !PersonalData.OTHER_TABLES.contains((String) c[0]))
                .map(c -> c[0] + "." + c[1]).filter(c -> !classified.contains(c)).toList();
        assertThat(missing).as("columns that hold attendee data but are not classified in PersonalData").isEmpty();
        assertThat(PersonalData.personalColumns()).allSatisfy(c -> assertThat(c.exportedAs()).isNotNull());
    }

    @Test
    void theExportContainsEveryPersonalFieldAsStored() throws Exception {
        Conference c = TestConferences.create("privacy-export", conf -> {
        });
        QuarkusTransaction.requiringNew().run(() -> {
            Question q = new Question();
            q.conference = Conference.findById(c.id);
            q.kind = QuestionKind.TEXT;
            q.labelDe = "Ihr Projekt";
            q.position = 1;
            q.persist();
        });
        String secret = signUpWithEverything(c.slug, "export@privacy.example");
        StoredMails.render();
        given().contentType(ContentType.URLENC).when().get("/registrations/{s}/data", secret).then().statusCode(200);
        Response download = given().when().get("/registrations/{s}/data.json", secret);
        download.then().statusCode(200).header("Content-Disposition",
                org.hamcrest.Matchers.containsString("attachment"));
        JsonNode export = json.readTree(download.asString());

        long id = registrationId("export@privacy.example");
        for (PersonalData.Column column : PersonalData.personalColumns()) {
            if (column.table().equals("audit_log")) {
                continue; // no organiser has acted on this registration; covered by the erasure test
            }
            JsonNode value = export.at(column.exportedAs());
            assertThat(value.isMissingNode()).as(column.exportedAs()).isFalse();
            if (column.table().equals("registration")) {
                Object stored = QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("select " + column.name() + " from registration where id = ?1")
                                .setParameter(1, id).getSingleResult());
                assertThat(value.asText()).as(column.name()).isEqualTo(String.valueOf(stored));
            }
        }
        assertThat(export.at("/consents/0/consent").asText()).isEqualTo("PRIVACY_NOTICE");
        assertThat(export.at("/consents/0/channel").asText()).isEqualTo("API");
        assertThat(export.at("/mails/0/text").asText()).contains("Erika");
    }

    @Test
    void withdrawingThePhotoConsentIsLogged() throws Exception {
        Conference c = TestConferences.create("privacy-consent", conf -> {
        });
        String secret = signUpWithEverything(c.slug, "photo@privacy.example");
        String page = given().when().get("/registrations/{s}", secret).then().statusCode(200).extract().asString();
        String csrf = page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        given().cookie("csrf-token", csrf).contentType(ContentType.URLENC).formParam("csrf-token", csrf).redirects()
                .follow(false).when().post("/registrations/{s}/consents", secret).then().statusCode(303);
        JsonNode export = json.readTree(given().get("/registrations/{s}/data.json", secret).asString());
        assertThat(export.at("/registration/photoConsent").asBoolean()).isFalse();
        JsonNode last = export.at("/consents/2");
        assertThat(last.at("/consent").asText()).isEqualTo("PHOTOS");
        assertThat(last.at("/given").asBoolean()).isFalse();
        assertThat(last.at("/channel").asText()).isEqualTo("MANAGE_PAGE");
    }

    @Test
    void retentionAnonymisesAPastConferenceAndKeepsItsCounts() {
        Conference c = TestConferences.create("privacy-retention", conf -> {
        });
        signUpWithEverything(c.slug, "kept@privacy.example", "Aufbewahrung");
        String cancelled = signUpWithEverything(c.slug, "gone@privacy.example", "Aufbewahrung");
        Attendees.cancel(cancelled);
        long keptId = registrationId("kept@privacy.example");
        markMailsSent();

        // just after the end: special categories are gone, names stay, the cancellation is not a month old yet
        Instant end = QuarkusTransaction.requiringNew().call(() -> Conference.<Conference> findById(c.id).endsAt);
        retention.run(end.plus(Duration.ofHours(1)));
        assertThat(stored(keptId, "dietary_needs")).isNull();
        assertThat(stored(keptId, "needs_wheelchair")).isEqualTo("false");
        assertThat(stored(keptId, "email")).isEqualTo("kept@privacy.example");
        assertThat(textsContaining("gone@privacy.example")).isNotEmpty();

        // a month after the cancellation: the cancelled one goes, the other keeps its name until 90 days after the end
        List<Retention.Done> first = retention.run(Instant.now().plus(Duration.ofDays(31)));
        assertThat(first).anySatisfy(d -> {
            assertThat(d.conferenceId()).isEqualTo(c.id);
            assertThat(d.anonymised()).isEqualTo(1);
        });
        assertThat(stored(keptId, "email")).isEqualTo("kept@privacy.example");
        assertThat(textsContaining("gone@privacy.example")).isEmpty();

        // 90 days after the end: nobody is named any more, the counts stay
        double anonymisedBefore = anonymisedMetric();
        List<Retention.Done> last = retention.run(end.plus(Duration.ofDays(91)));
        assertThat(last).anySatisfy(d -> assertThat(d.anonymised()).isEqualTo(1));
        assertThat(anonymisedMetric()).isGreaterThanOrEqualTo(anonymisedBefore + 1);
        assertThat(textsContaining("kept@privacy.example")).isEmpty();
        assertThat(textsContaining("Aufbewahrung-Spezial")).isEmpty();
        assertThat(textsContaining("Mustermann-Aufbewahrung")).isEmpty();
        assertThat(stored(keptId, "status")).isEqualTo(RegistrationStatus.CONFIRMED.name());
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select onsite_taken from conference where id = ?1")
                        .setParameter(1, c.id).getSingleResult()).intValue())).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_log where conference_id = ?1 and actor = 'retention' and action = 'retention'")
                .setParameter(1, c.id).getSingleResult()).intValue())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void erasureFromTheManageLinkLeavesNoPersonalDataInAnyTable() {
        Conference c = TestConferences.create("privacy-erase", conf -> {
        });
        String secret = signUpWithEverything(c.slug, "erase@privacy.example", "Loeschtest");
        long id = registrationId("erase@privacy.example");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into audit_log (actor, conference_id, subject, subject_id, action, details) values ('o@kts.example', ?1, 'REGISTRATION', ?2, 'checked in', 'Erika Mustermann-Loeschtest')")
                .setParameter(1, c.id).setParameter(2, id).executeUpdate());
        String csrf = csrf("/registrations/" + secret);
        given().when().get("/registrations/{s}/erase", secret).then().statusCode(200);
        // still active before the event: erasing waits for a cancellation
        given().cookie("csrf-token", csrf).contentType(ContentType.URLENC).formParam("csrf-token", csrf).redirects()
                .follow(false).when().post("/registrations/{s}/erase", secret).then().statusCode(409);
        Attendees.cancel(secret);
        given().cookie("csrf-token", csrf).contentType(ContentType.URLENC).formParam("csrf-token", csrf).redirects()
                .follow(false).when().post("/registrations/{s}/erase", secret).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/privacy?notice=erased"));

        for (String value : List.of("erase@privacy.example", "Mustermann-Loeschtest", "Stadtverwaltung Loeschtestdorf",
                "Datenschutzbeauftragte Loeschtest", "Loeschtest-Spezial", "Gebärden-Loeschtest", secret)) {
            assertThat(textsContaining(value)).as(value).isEmpty();
        }
        assertThat(stored(id, "manage_secret_sealed")).isNull();
        given().when().get("/registrations/{s}", secret).then().statusCode(404);
        assertThat(stored(id, "status")).isEqualTo("CANCELLED");
    }

    @Test
    void anOrganiserAnswersAnAccessRequestAndErasesWhatIsNoLongerActive() throws Exception {
        String email = "anfrage@privacy.example";
        Conference cancelledHere = TestConferences.create("privacy-request-a", conf -> conf.title = "Anfrage A");
        Conference activeHere = TestConferences.create("privacy-request-b", conf -> conf.title = "Anfrage B");
        Conference elsewhere = TestConferences.create("privacy-request-c", conf -> {
            conf.title = "Anfrage C";
            conf.organisation = de.konferenzbuero.organisation.Organisation.findBySlug("digital-interkommunal")
                    .orElseThrow();
        });
        Attendees.cancel(signUpWithEverything(cancelledHere.slug, email, "Anfrage"));
        signUpWithEverything(activeHere.slug, email, "Anfrage");
        signUpWithEverything(elsewhere.slug, email, "Anfrage");
        Organisers.Session kts = Organisers.login(Organisers.KTS);

        String found = kts.post("/organiser/privacy/lookup", Map.of("email", " Anfrage@Privacy.example ")).then()
                .statusCode(200).extract().asString();
        assertThat(found).contains("Anfrage A", "Anfrage B", "sofort löschbar", "zuerst stornieren")
                .doesNotContain("Anfrage C");
        kts.post("/organiser/privacy/lookup", Map.of("email", "keine-adresse")).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("gültige E-Mail-Adresse"));

        Response file = kts.post("/organiser/privacy/export", Map.of("email", email));
        file.then().statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"));
        JsonNode answer = json.readTree(file.asString());
        assertThat(answer.get("registrations")).hasSize(2);
        assertThat(answer.at("/registrations/0/registration/lastName").asText()).isEqualTo("Mustermann-Anfrage");
        assertThat(answer.at("/registrations/0/mails/0/recipient").asText()).isEqualTo(email);
        assertThat(auditActions(cancelledHere.id)).contains("data exported on request");

        kts.post("/organiser/privacy/erase", Map.of("email", email)).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("Bitte bestätigen Sie die Löschung."));
        String erased = kts.post("/organiser/privacy/erase", Map.of("email", email, "confirm", "yes")).then()
                .statusCode(200).extract().asString();
        assertThat(erased).contains("1 Anmeldung wurde gelöscht", "Anfrage B").doesNotContain("Anfrage A</a>");

        assertThat(emailsOf(cancelledHere.id)).singleElement().asString().startsWith("anonymised-");
        assertThat(emailsOf(activeHere.id)).containsExactly(email);
        assertThat(emailsOf(elsewhere.id)).containsExactly(email);
        assertThat(auditActions(cancelledHere.id)).contains("erased on request");
        String other = Organisers.login(Organisers.DIGITAL).post("/organiser/privacy/lookup", Map.of("email", email))
                .then().statusCode(200).extract().asString();
        assertThat(other).contains("Anfrage C").doesNotContain("Anfrage B");
    }

    @Test
    void theRecordOfProcessingNamesTheFieldsAndPeriods() {
        TestConferences.create("privacy-record", conf -> {
            conf.title = "Eigene Frist";
            conf.retentionDays = 14;
        });
        String record = Organisers.login(Organisers.KTS).page("/organiser/privacy/record");
        assertThat(record)
                .contains("Verzeichnis von Verarbeitungstätigkeiten", "registration.dietary_needs",
                        "outbox_message.text", "90 Tage nach dem Ende", "Eigene Frist", "<td>14</td>")
                .doesNotContain("registration.status<");
    }

    private static double anonymisedMetric() {
        String metrics = Management.request().get("/q/metrics").then().statusCode(200).extract().asString();
        var m = java.util.regex.Pattern
                .compile("^konferenzbuero_retention_deleted_total\\{[^}]*what=\"registrations\"[^}]*} ([0-9.eE+-]+)$",
                        java.util.regex.Pattern.MULTILINE)
                .matcher(metrics);
        assertThat(m.find()).as("retention metric in /q/metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private List<String> emailsOf(long conferenceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> emails = em.createNativeQuery("select email from registration where conference_id = ?1")
                    .setParameter(1, conferenceId).getResultList();
            return emails;
        });
    }

    private List<String> auditActions(long conferenceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> actions = em.createNativeQuery("select action from audit_log where conference_id = ?1")
                    .setParameter(1, conferenceId).getResultList();
            return actions;
        });
    }

    private String csrf(String path) {
        String page = given().when().get(path).then().statusCode(200).extract().asString();
        return page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
    }

    private static String signUpWithEverything(String slug, String email) {
        return signUpWithEverything(slug, email, "Privat");
    }

    /** Every field filled; {@code tag} makes the texts unique to one test. */
    private static String signUpWithEverything(String slug, String email, String tag) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", "Erika");
        body.put("lastName", "Mustermann-" + tag);
        body.put("email", email);
        body.put("organisation", "Stadtverwaltung " + tag + "dorf");
        body.put("role", "Datenschutzbeauftragte " + tag);
        body.put("attendance", "ON_SITE");
        body.put("needsWheelchair", true);
        body.put("needsSignLanguage", true);
        body.put("needsInductionLoop", true);
        body.put("needsOther", "Gebärden-" + tag);
        body.put("dietaryNeeds", "vegetarisch, " + tag + "-Spezial");
        body.put("privacyConsent", true);
        body.put("photoConsent", true);
        body.put("locale", "de");
        body.put("answers", given().get("/api/conferences/{slug}", slug).jsonPath().getList("questions.id", Long.class)
                .stream().map(id -> Map.of("question", id, "answer", "Antwort " + tag)).toList());
        Response response = Attendees.post(slug, body);
        response.then().statusCode(201);
        return Attendees.secret(response.jsonPath());
    }

    private long registrationId(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select id from registration where email = ?1")
                        .setParameter(1, email).getSingleResult()).longValue());
    }

    private Object stored(long id, String column) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object value = em.createNativeQuery("select " + column + " from registration where id = ?1")
                    .setParameter(1, id).getSingleResult();
            return value == null ? null : String.valueOf(value);
        });
    }

    /** As the dispatcher would: the waiting mails rendered, then all sent. */
    private void markMailsSent() {
        StoredMails.render();
        QuarkusTransaction.requiringNew()
                .run(() -> em
                        .createNativeQuery(
                                "update outbox_message set status = 'SENT', sent_at = now() where status = 'PENDING'")
                        .executeUpdate());
    }

    /** Every text column of every table, as table.column, that holds {@code value} in some row (opened if sealed). */
    private List<String> textsContaining(String value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> found = new ArrayList<>();
            for (Object[] column : columns(true)) {
                @SuppressWarnings("unchecked")
                List<Object> values = em.createNativeQuery(
                        "select " + column[1] + "::text from " + column[0] + " where " + column[1] + " is not null")
                        .getResultList();
                for (Object v : values) {
                    String text = de.konferenzbuero.sealing.Sealing.open(String.valueOf(v));
                    if (text.contains(value)) {
                        found.add(column[0] + "." + column[1]);
                        break;
                    }
                }
            }
            return found;
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> columns(boolean textOnly) {
        return em.createNativeQuery("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                """ + (textOnly ? " and c.data_type in ('text', 'character varying', 'jsonb')" : "") + " order by 1, 2")
                .getResultList();
    }
}
