package de.konferenzbuero.afterevent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.security.Organisers;

/**
 * The "done when": after the event the organiser sends the thank-you mail, an attendee opens its link,
 * downloads a correct PDF certificate and answers the survey, and the organiser sees the results. Only those who
 * attended get certificates; the survey's answers point to nobody.
 */
@QuarkusTest
class AfterTheEventTest {

    @Inject
    EntityManager em;

    @Inject
    FollowUps followUps;

    @Inject
    Feedback feedback;

    @Test
    void thankYouMailCertificateSurveyAndResults() throws IOException {
        Conference c = TestConferences.create("after-event", conf -> conf.title = "Regionalkonferenz Nachlese");
        AgendaItem workshop = TestConferences.addItem(c, "Workshop Datenräume", AgendaItemKind.WORKSHOP,
                c.startsAt.plus(Duration.ofHours(2)), Duration.ofMinutes(90), 20);
        AgendaItem keynote = TestConferences.addItem(c, "Keynote Stadtentwicklung", AgendaItemKind.KEYNOTE, c.startsAt,
                Duration.ofHours(1), null);
        String came = Attendees.secret(Attendees.signUp(c.slug, "came@after.example", workshop.id));
        String stayedAway = Attendees.secret(Attendees.signUp(c.slug, "away@after.example"));
        List<Long> others = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Attendees.signUp(c.slug, "other" + i + "@after.example", workshop.id);
            others.add(registration("other" + i + "@after.example").id);
        }
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        assertThat(organiser
                .post("/organiser/conferences/{id}/checkin", Map.of("code", checkinCode("came@after.example")), c.id)
                .getHeader("Location")).contains("outcome=CHECKED_IN");

        // before the end: no certificate, no follow-up mails
        given().get("/registrations/{s}/certificate.pdf", came).then().statusCode(404);
        assertThat(organiser.page("/organiser/conferences/{id}/after", c.id))
                .contains("nach dem Ende der Veranstaltung");

        organiser
                .post("/organiser/conferences/{id}/agenda/{item}/documents",
                        Map.of("documentTitle", "Folien", "documentUrl", "javascript:alert(1)"), c.id, keynote.id)
                .then().statusCode(400);
        assertThat(
                organiser.follow(organiser.post("/organiser/conferences/{id}/agenda/{item}/documents",
                        Map.of("documentTitle", "Folien der Keynote (PDF)", "documentUrl",
                                "https://www.example.org/k.pdf"),
                        c.id, keynote.id))).contains("Der Link ist hinzugefügt.", "Folien der Keynote (PDF)");
        assertThat(given().get("/conferences/{slug}", c.slug).asString()).as("documentation once it is over")
                .doesNotContain("https://www.example.org/k.pdf");

        held(c);
        assertThat(given().get("/conferences/{slug}", c.slug).asString()).contains("Dokumentation",
                "Keynote Stadtentwicklung: <a href=\"https://www.example.org/k.pdf\">Folien der Keynote (PDF)</a>");
        Response saved = organiser.post("/organiser/conferences/{id}/after",
                Map.of("signer", "Dr. Maria Muster, Projektleitung", "followUpHours", "", "documentationUrl",
                        "https://www.example.org/nachlese", "feedbackOpen", "on"),
                c.id);
        assertThat(organiser.follow(saved)).contains("Die Einstellungen sind gespeichert.");

        String page = organiser.follow(organiser.post("/organiser/conferences/{id}/after/follow-ups", c.id));
        assertThat(page).contains("Gesendet: 1 Dankesmail, 5 Mails an Nicht-Erschienene.");
        assertThat(organiser.follow(organiser.post("/organiser/conferences/{id}/after/follow-ups", c.id)))
                .as("each person gets one mail").contains("Alle haben ihre Mail bekommen.");

        String thanks = lastMailText("came@after.example");
        assertThat(thanks).contains("vielen Dank, dass Sie bei Regionalkonferenz Nachlese dabei waren",
                "https://www.example.org/nachlese");
        assertThat(lastMailText("away@after.example")).contains("nicht begrüßen", "https://www.example.org/nachlese")
                .doesNotContain("certificate.pdf").doesNotContain("/feedback");

        // a signature image; a file that is no image is refused
        assertThat(organiser.request().multiPart(Organisers.CSRF, organiser.csrf())
                .multiPart("signature", "unterschrift.png", "kein Bild".getBytes(), "image/png")
                .post("/organiser/conferences/{id}/after/signature", c.id).then().statusCode(400).extract().asString())
                        .contains("PNG oder JPEG");
        organiser.request().multiPart(Organisers.CSRF, organiser.csrf())
                .multiPart("signature", "unterschrift.png", png(), "image/png")
                .post("/organiser/conferences/{id}/after/signature", c.id).then().statusCode(303);

        // the link in the mail gives the certificate
        String certificateUrl = link(thanks, "/certificate.pdf");
        Response pdf = given().get(certificateUrl.replaceFirst("^https?://[^/]+", ""));
        pdf.then().statusCode(200).contentType("application/pdf").header("Cache-Control", "no-store");
        assertThat(pdf.getHeader("Content-Disposition")).contains("Teilnahmebescheinigung-came-Test-");
        String text = text(pdf.asByteArray());
        assertThat(text).contains("Teilnahmebescheinigung", "Test came", "Regionalkonferenz Nachlese",
                "Workshop Datenräume", "Dr. Maria Muster, Projektleitung", "Rathaus, Lemgo",
                de.konferenzbuero.EventTime.shortDate(c.startsAt, java.util.Locale.GERMAN));
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            var resources = document.getPage(0).getResources();
            boolean image = false;
            for (var name : resources.getXObjectNames()) {
                image |= resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
            }
            assertThat(image).as("the signature image on the certificate").isTrue();
        }
        Matcher code = Pattern.compile("Prüfcode: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})").matcher(text);
        assertThat(code.find()).as("verification code in %s", text).isTrue();
        assertThat(text(given().get(certificateUrl.replaceFirst("^https?://[^/]+", "")).asByteArray()))
                .as("the same code every time").contains(code.group(1));

        // anyone checks the code; a code never issued is refused; those who did not come get none
        assertThat(given().get("/certificates/{code}", code.group(1)).then().statusCode(200).extract().asString())
                .contains("Die Bescheinigung ist echt", "Test came", "Regionalkonferenz Nachlese");
        given().get("/certificates?code={code}", code.group(1).toLowerCase().replace("-", " ")).then().statusCode(200);
        given().get("/certificates/{code}", "ABCD-EFGH-JKLM-NPQR").then().statusCode(404);
        given().get("/registrations/{s}/certificate.pdf", stayedAway).then().statusCode(404);
        assertThat(given().get("/registrations/{s}", stayedAway).asString())
                .doesNotContain("Teilnahmebescheinigung herunterladen");

        // the survey, once; its answer names nobody
        String feedbackUrl = link(thanks, "/feedback").replaceFirst("^https?://[^/]+", "");
        String form = given().get(feedbackUrl).then().statusCode(200).extract().asString();
        assertThat(form).contains("Workshop Datenräume", "Keynote Stadtentwicklung");
        String csrf = Organisers.csrfToken();
        given().redirects().follow(false).cookie(Organisers.CSRF, csrf).contentType(ContentType.URLENC)
                .formParams(Map.of(Organisers.CSRF, csrf, "overall", "9")).post(feedbackUrl).then().statusCode(400);
        given().redirects().follow(false).cookie(Organisers.CSRF, csrf).contentType(ContentType.URLENC)
                .formParams(Map.of(Organisers.CSRF, csrf, "overall", "4", "item-" + workshop.id, "5",
                        "item-" + keynote.id, "3", "comment", "Mehr Pausen, bitte."))
                .post(feedbackUrl).then().statusCode(303);
        given().redirects().follow(false).cookie(Organisers.CSRF, csrf).contentType(ContentType.URLENC)
                .formParams(Map.of(Organisers.CSRF, csrf, "overall", "1")).post(feedbackUrl).then().statusCode(303);
        assertThat(given().get(feedbackUrl).asString()).contains("schon beantwortet");
        List<?> answers = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select a::text from feedback_answer a where conference_id = ?1")
                        .setParameter(1, c.id).getResultList());
        assertThat(answers).hasSize(1);
        assertThat((String) answers.get(0)).contains("Mehr Pausen").doesNotContain("came@after.example")
                .doesNotContain(Instant.now().toString().substring(0, 10));
        List<String> columns = QuarkusTransaction.requiringNew()
                .call(() -> ((List<?>) em.createNativeQuery(
                        "select column_name from information_schema.columns where table_name in ('feedback_answer',"
                                + " 'feedback_rating') order by table_name, ordinal_position")
                        .getResultList()).stream().map(String::valueOf).toList());
        assertThat(columns).as("nothing in an answer points to a registration or a time").containsExactly("id",
                "conference_id", "overall", "comment", "id", "agenda_item_id", "rating");

        assertThat(organiser.page("/organiser/conferences/{id}/after", c.id)).as("one answer alone is never shown")
                .contains("1 Antwort bisher. Ergebnisse zeigen wir ab 5").doesNotContain("Mehr Pausen");
        for (long other : others) {
            feedback.answer(other, "5", Map.of(workshop.id, "5"), null);
        }
        String results = organiser.page("/organiser/conferences/{id}/after", c.id);
        assertThat(results)
                .contains("5 Antworten, im Durchschnitt 4,8 von 5.", "Mehr Pausen, bitte.", "data-chart=\"bars\"",
                        "Workshop Datenräume", "/webjars/uplot/")
                .as("an item rated once is not shown").doesNotContain("Keynote Stadtentwicklung");
        assertThat(organiser.get("/organiser/conferences/{id}/after/feedback.csv", c.id).then().statusCode(200)
                .extract().asString()).contains("\"Workshop Datenräume\";\"5\";\"5,0\"");

        // every certificate in one ZIP: only the one who came
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(
                new ByteArrayInputStream(organiser.get("/organiser/conferences/{id}/after/certificates.zip", c.id)
                        .then().statusCode(200).extract().asByteArray()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                names.add(entry.getName());
                assertThat(text(zip.readAllBytes())).contains("Test came");
            }
        }
        assertThat(names).hasSize(1).allMatch(n -> n.startsWith("Teilnahmebescheinigung-came-Test-"));
    }

    @Test
    void followUpMailsGoOutByThemselvesTheSetHoursAfterTheEnd() {
        Conference due = TestConferences.create("after-due", conf -> conf.followUpAfterHours = 2);
        Conference later = TestConferences.create("after-later", conf -> conf.followUpAfterHours = 24);
        Conference unrecorded = TestConferences.create("after-unrecorded", conf -> conf.followUpAfterHours = 1);
        Attendees.signUp(due.slug, "due-in@after.example");
        Attendees.signUp(due.slug, "due-out@after.example");
        Attendees.signUp(later.slug, "later@after.example");
        Attendees.signUp(unrecorded.slug, "unrecorded@after.example");
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        organiser.post("/organiser/conferences/{id}/checkin", Map.of("code", checkinCode("due-in@after.example")),
                due.id).then().statusCode(303);
        organiser.post("/organiser/conferences/{id}/checkin", Map.of("code", checkinCode("later@after.example")),
                later.id).then().statusCode(303);
        for (Conference c : List.of(due, later, unrecorded)) {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                            "update conference set starts_at = now() - interval '10 hours', ends_at = now() - interval"
                                    + " '3 hours' where id = ?1")
                            .setParameter(1, c.id).executeUpdate());
        }

        followUps.sendDue();
        followUps.sendDue();

        assertThat(mailsTo("due-in@after.example")).as("one thank-you mail, once").containsOnlyOnce("thankYou");
        assertThat(mailsTo("due-out@after.example")).containsOnlyOnce("missedYou");
        assertThat(mailsTo("later@after.example")).as("not yet").doesNotContain("missedYou", "thankYou");
        assertThat(mailsTo("unrecorded@after.example")).as("nobody checked in: nobody is told they were missed")
                .doesNotContain("missedYou", "thankYou");
        assertThat(organiser.follow(organiser.post("/organiser/conferences/{id}/after/follow-ups", unrecorded.id)))
                .contains("Niemand ist als teilgenommen vermerkt");
    }

    @Test
    void organisersWriteToThoseWhoCameOrDidNot() {
        Conference c = TestConferences.create("after-audience", conf -> {
        });
        AgendaItem workshop = TestConferences.addItem(c, "Exkursion Reallabor", AgendaItemKind.EXCURSION,
                c.startsAt.plus(Duration.ofHours(3)), Duration.ofHours(2), 10);
        Attendees.signUp(c.slug, "in-ws@after-audience.example", workshop.id);
        Attendees.signUp(c.slug, "in@after-audience.example");
        Attendees.signUp(c.slug, "out@after-audience.example", workshop.id);
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        for (String email : List.of("in-ws@after-audience.example", "in@after-audience.example")) {
            organiser.post("/organiser/conferences/{id}/checkin", Map.of("code", checkinCode(email)), c.id).then()
                    .statusCode(303);
        }

        assertThat(message(organiser, c, Map.of("audience", "NOT_CHECKED_IN")))
                .containsExactly("out@after-audience.example");
        assertThat(message(organiser, c, Map.of("audience", "CHECKED_IN")))
                .containsExactlyInAnyOrder("in-ws@after-audience.example", "in@after-audience.example");
        assertThat(message(organiser, c, Map.of("audience", "ITEM_CHECKED_IN", "item", workshop.id.toString())))
                .containsExactly("in-ws@after-audience.example");
        organiser
                .post("/organiser/conferences/{id}/message",
                        Map.of("audience", "ITEM_CHECKED_IN", "subject", "Fotos", "body", "Hier"), c.id)
                .then().statusCode(400);
    }

    /** Sends a message to an audience; the addresses it went to. */
    private List<String> message(Organisers.Session organiser, Conference c, Map<String, String> audience) {
        String subject = "Nachricht " + audience;
        Map<String, String> fields = new java.util.HashMap<>(audience);
        fields.put("subject", subject);
        fields.put("body", "Die Fotos sind online.");
        organiser.post("/organiser/conferences/{id}/message", fields, c.id).then().statusCode(303);
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage> list("subject = ?1 and recipient like ?2 order by recipient",
                        subject, "%@after-audience.example").stream().map(m -> m.recipient).toList());
    }

    private static List<String> mailsTo(String email) {
        return QuarkusTransaction.requiringNew().call(
                () -> OutboxMessage.<OutboxMessage> list("recipient", email).stream().map(m -> m.template).toList());
    }

    /** A small signature-like PNG. */
    private static byte[] png() throws IOException {
        var image = new java.awt.image.BufferedImage(120, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 120, 40);
        g.setColor(java.awt.Color.BLUE);
        g.drawLine(5, 30, 115, 10);
        g.dispose();
        var bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private void held(Conference c) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update conference set starts_at = now() - interval '2 days', ends_at = now() - interval '2 days'"
                        + " + interval '7 hours', registration_opens_at = now() - interval '10 days' where id = ?1")
                .setParameter(1, c.id).executeUpdate());
    }

    private static String checkinCode(String email) {
        return QuarkusTransaction.requiringNew().call(() -> registration(email).checkinCode);
    }

    private static Registration registration(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration> find("email", email).firstResult());
    }

    private static String lastMailText(String email) {
        return QuarkusTransaction.requiringNew().call(
                () -> OutboxMessage.<OutboxMessage> find("recipient = ?1 order by id desc", email).firstResult().text);
    }

    private static String link(String text, String ending) {
        Matcher m = Pattern.compile("(https?://\\S+" + Pattern.quote(ending) + ")").matcher(text);
        assertThat(m.find()).as("a link ending in %s in%n%s", ending, text).isTrue();
        return m.group(1);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
