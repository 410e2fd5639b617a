package de.konferenzbuero.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What an operator sets up before following the README's production section: a PostgreSQL server with a database for
 * the app, an SMTP server that wants a login (GreenMail), and a value for every variable the README exports, nothing
 * more. Also the organiser's first steps after the start (log in, create an organisation and a conference), done
 * through the organiser area and API as an organiser would.
 */
final class ProductionSetup implements AutoCloseable {

    static final String ADMIN_EMAIL = "admin@musterland.example";
    static final String ADMIN_PASSWORD = "Erstes-Passwort-2026";
    static final String SMTP_USER = "anmeldung@musterland.example";
    static final String SMTP_PASSWORD = "smtp-secret";
    static final String BASE_URL = "https://anmeldung.musterland.example";
    /** A key made for these tests, as an operator makes one with: openssl rand -base64 32. */
    static final String SEALING_KEY = "q2Z3n0nVh6m8JcYwqL9s1xP4dT7bR5eK0aU3iF6gH2o=";
    /** The CSRF cookie in production: a "__Host-" cookie, which only this host can set, over HTTPS. */
    static final String CSRF_COOKIE = "__Host-csrf-token";

    final ThrowawayPostgres postgres;
    final GreenMail smtp;
    final ReadmeProduction readme;
    private final Map<String, String> environment;

    private ProductionSetup(ThrowawayPostgres postgres, GreenMail smtp, ReadmeProduction readme,
            Map<String, String> environment) {
        this.postgres = postgres;
        this.smtp = smtp;
        this.readme = readme;
        this.environment = environment;
    }

    static ProductionSetup start() {
        // GreenMail logs a line for every recipient it has not seen; a rush would bury the test's own output.
        java.util.logging.Logger.getLogger("com.icegreen").setLevel(java.util.logging.Level.WARNING);
        ReadmeProduction readme = ReadmeProduction.read();
        ThrowawayPostgres postgres = ThrowawayPostgres.start();
        GreenMail smtp;
        int httpPort;
        int managementPort;
        try {
            smtp = new GreenMail(new ServerSetup(ThrowawayPostgres.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_USER, SMTP_PASSWORD));
            httpPort = ThrowawayPostgres.freePort();
            managementPort = ThrowawayPostgres.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtp.start();

        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", ThrowawayPostgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", ThrowawayPostgres.PASSWORD);
        env.put("KONFERENZBUERO_BASE_URL", BASE_URL);
        env.put("KONFERENZBUERO_SEALING_KEY", SEALING_KEY);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("KONFERENZBUERO_LEGAL_OPERATOR_NAME", "Landkreis Musterland");
        env.put("KONFERENZBUERO_LEGAL_OPERATOR_ADDRESS", "Kreishaus | Hauptstraße 1 | 12345 Musterstadt");
        env.put("KONFERENZBUERO_LEGAL_OPERATOR_EMAIL", "kontakt@musterland.example");
        env.put("KONFERENZBUERO_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("KONFERENZBUERO_ADMIN_INITIAL_PASSWORD", ADMIN_PASSWORD);
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(smtp.getSmtp().getPort()));
        // GreenMail speaks no STARTTLS; DISABLED is one of the values the README lists.
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        env.put("QUARKUS_MAILER_USERNAME", SMTP_USER);
        env.put("QUARKUS_MAILER_PASSWORD", SMTP_PASSWORD);
        env.put("QUARKUS_MAILER_FROM", "Konferenzbüro Musterland <" + SMTP_USER + ">");
        assertThat(env.keySet()).as("the variables the README's production section exports")
                .containsExactlyInAnyOrderElementsOf(readme.variables());
        return new ProductionSetup(postgres, smtp, readme, env);
    }

    /** For load from one address (127.0.0.1), as in the benchmarks: the rate limits would refuse most of it. */
    static final Map<String, String> NO_RATE_LIMITS = Map.of("KONFERENZBUERO_RATE_LIMITS_ENABLED", "false");

    /** Exactly the README's variables with this setup's values. */
    Map<String, String> environment() {
        return new LinkedHashMap<>(environment);
    }

    /** Starts the app with the README's command and variables. */
    PackagedApp startApp(String name) {
        return PackagedApp.start(name, readme, environment);
    }

    /**
     * Starts one more instance with the README's command and variables, on ports of its own, with {@code extra}
     * settings (shorter mail waits for fault tests).
     */
    PackagedApp startApp(String name, Map<String, String> extra) {
        Map<String, String> env = environment();
        try {
            env.put("QUARKUS_HTTP_PORT", String.valueOf(ThrowawayPostgres.freePort()));
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(ThrowawayPostgres.freePort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.putAll(extra);
        return PackagedApp.start(name, readme, env);
    }

    @Override
    public void close() {
        smtp.stop();
        postgres.close();
    }

    /** A request to the app that follows no redirects, so a test sees each answer as it is. */
    static RequestSpecification to(PackagedApp app) {
        return given().baseUri(app.url()).redirects().follow(false);
    }

    /**
     * The first administrator logs in, creates an organisation and an API key in the organiser area, and through the
     * organiser API a published on-site conference with this capacity whose registration is open, with or without
     * double opt-in; returns its slug.
     */
    static String publishConference(PackagedApp app, String slug, int capacity, boolean confirmEmail) {
        Response loginPage = to(app).get("/organiser/login");
        String csrf = loginPage.getCookie(ProductionSetup.CSRF_COOKIE);
        assertThat(csrf).as("CSRF cookie of the login page").isNotBlank();
        Response login = to(app).cookie(ProductionSetup.CSRF_COOKIE, csrf).contentType(ContentType.URLENC)
                .formParam("email", ADMIN_EMAIL).formParam("password", ADMIN_PASSWORD).formParam("next", "/organiser")
                .formParam("csrf-token", csrf).post("/organiser/login");
        assertThat(login.statusCode()).as("login of the first administrator").isEqualTo(303);
        String session = login.getCookie("kb_session");

        to(app).cookie(ProductionSetup.CSRF_COOKIE, csrf).cookie("kb_session", session).contentType(ContentType.URLENC)
                .formParam("name", "Landkreis Musterland").formParam("slug", slug + "-kreis")
                .formParam("contactEmail", "kontakt@musterland.example").formParam("csrf-token", csrf)
                .post("/organiser/admin/organisations").then().statusCode(303);
        String tokenPage = to(app).cookie(ProductionSetup.CSRF_COOKIE, csrf).cookie("kb_session", session)
                .contentType(ContentType.URLENC).formParam("name", "Produktionstest").formParam("csrf-token", csrf)
                .post("/organiser/tokens").then().statusCode(200).extract().asString();
        Matcher token = Pattern.compile("<code class=\"token\">([^<]+)</code>").matcher(tokenPage);
        assertThat(token.find()).as("the new API key on the page").isTrue();

        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("organisationId", organisationId(app, csrf, session, "Landkreis Musterland"));
        draft.put("slug", slug);
        draft.put("title", "Digitaltag Musterland");
        draft.put("startsAt", start.toString());
        draft.put("endsAt", start.plus(8, ChronoUnit.HOURS).toString());
        draft.put("format", "ON_SITE");
        draft.put("venueName", "Kreishaus");
        draft.put("venueStreet", "Hauptstraße 1");
        draft.put("venuePostalCode", "12345");
        draft.put("venueCity", "Musterstadt");
        draft.put("onsiteCapacity", capacity);
        draft.put("contactName", "Kreisverwaltung");
        draft.put("contactEmail", "digital@musterland.example");
        draft.put("confirmEmail", confirmEmail);
        String bearer = "Bearer " + token.group(1);
        long id = to(app).header("Authorization", bearer).contentType(ContentType.JSON).body(draft)
                .post("/api/organiser/conferences").then().statusCode(201).extract().jsonPath().getLong("id");
        to(app).header("Authorization", bearer).contentType(ContentType.JSON)
                .post("/api/organiser/conferences/" + id + "/publish").then().statusCode(200);
        return slug;
    }

    /** Signs up on site over the public API; returns the answer as it is. */
    static Response signUp(PackagedApp app, String slug, String email) {
        return to(app).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Erika", "lastName", "Mustermann", "email", email, "attendance", "ON_SITE",
                        "items", java.util.List.of(), "privacyConsent", true, "locale", "de"))
                .post("/api/conferences/" + slug + "/registrations");
    }

    /** The organisation's id as the new-conference form offers it. */
    private static long organisationId(PackagedApp app, String csrf, String session, String name) {
        String form = to(app).cookie(ProductionSetup.CSRF_COOKIE, csrf).cookie("kb_session", session)
                .get("/organiser/conferences/new").then().statusCode(200).extract().asString();
        Matcher option = Pattern.compile("<option value=\"(\\d+)\"[^>]*>" + Pattern.quote(name) + "</option>")
                .matcher(form);
        assertThat(option.find()).as("the organisation %s offered in the conference form", name).isTrue();
        return Long.parseLong(option.group(1));
    }
}
