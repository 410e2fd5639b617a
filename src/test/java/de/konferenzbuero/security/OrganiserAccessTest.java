package de.konferenzbuero.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.backoffice.AuditEntry;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.conference.Contingent;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.organisation.ApiToken;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.organisation.OrganiserSession;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.Invitation;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;
import de.konferenzbuero.registration.SessionBooking;
import de.konferenzbuero.web.organiser.ConferencesResource;
import de.konferenzbuero.webhook.WebhookDelivery;
import de.konferenzbuero.webhook.WebhookEndpoint;
import de.konferenzbuero.webhook.WebhookEvent;

/**
 * Who may do what in the organiser area and the organiser API. The routes are not listed here: they are read from the
 * compiled resource classes (every {@code @GET/@POST/@PUT/@DELETE} method of {@code de.konferenzbuero.web.organiser},
 * {@code de.konferenzbuero.web.attendee} and {@link de.konferenzbuero.api.OrganiserApi}), so a new route is checked
 * without touching this test. Path parameters are filled with ids of one fixture conference (see {@link Fixture}); a
 * route with a parameter this test does not know fails {@link #example} until one is added there.
 */
@QuarkusTest
class OrganiserAccessTest {

    @TestHTTPResource("/")
    URI root;

    /**
     * The organiser routes anyone may use: the login form, logging out, and setting a new password from the link an
     * administrator sent (the link is the proof).
     */
    static final Set<String> PUBLIC_ORGANISER_ROUTES = Set.of("GET /organiser/login", "POST /organiser/login",
            "POST /organiser/logout", "GET /organiser/password-reset/{token}",
            "POST /organiser/password-reset/{token}");

    // --- (1) anonymous visitors -----------------------------------------------------------------------------------

    @Test
    void everyOrganiserPageAndApiRouteRefusesAnonymousVisitors() throws IOException {
        Fixture f = fixture();
        List<Route> routes = routes();
        assertThat(routes.stream().map(Route::key)).as("routes found by scanning the resource classes").contains(
                "GET /organiser", "GET /organiser/conferences/{id}", "POST /organiser/conferences/{id}/cancel",
                "GET /organiser/conferences/{id}/attendees.csv", "GET /organiser/conferences/{id}/attendees.xlsx",
                "POST /organiser/conferences/{id}/registrations/{registrationId}/cancel", "GET /organiser/admin",
                "GET /api/organiser/conferences",
                "DELETE /api/organiser/conferences/{id}/registrations/{registrationId}",
                "POST /conferences/{slug}/registrations");
        String csrf = Organisers.csrfToken();
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Route route : routes) {
            if (route.attendee() || PUBLIC_ORGANISER_ROUTES.contains(route.key())) {
                continue;
            }
            String path = example(route, f);
            checked++;
            if (route.api()) {
                Response response = send(given().redirects().follow(false), route, path, null);
                soft.assertThat(response.statusCode()).as("anonymous %s %s", route.method(), path).isEqualTo(401);
                soft.assertThat(response.contentType()).as("anonymous %s %s", route.method(), path)
                        .startsWith("application/problem+json");
            } else {
                Response response = send(given().redirects().follow(false).cookie(Organisers.CSRF, csrf), route, path,
                        csrf);
                soft.assertThat(response.statusCode()).as("anonymous %s %s", route.method(), path).isEqualTo(302);
                soft.assertThat(response.getHeader("Location")).as("anonymous %s %s", route.method(), path)
                        .contains("/organiser/login?next=");
            }
        }
        soft.assertAll();
        assertThat(checked).as("secured routes checked").isGreaterThan(30);
        f.assertUntouched();
    }

    @Test
    void aLoginLeadsBackToThePageAskedFor() {
        Fixture f = fixture();
        String asked = "/organiser/conferences/" + f.conferenceId + "/registrations";
        String location = given().redirects().follow(false).when().get(asked).then().statusCode(302).extract()
                .header("Location");
        String next = java.net.URLDecoder.decode(location.substring(location.indexOf("next=") + 5),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(next).isEqualTo(asked);
        String csrf = Organisers.csrfToken();
        given().redirects().follow(false).cookie(Organisers.CSRF, csrf).contentType(ContentType.URLENC)
                .formParam("email", Organisers.KTS).formParam("password", Organisers.PASSWORD).formParam("next", next)
                .formParam(Organisers.CSRF, csrf).when().post("/organiser/login").then().statusCode(303)
                .header("Location", endsWith(asked));
        // a link can never send someone elsewhere after logging in
        given().redirects().follow(false).cookie(Organisers.CSRF, csrf).contentType(ContentType.URLENC)
                .formParam("email", Organisers.KTS).formParam("password", Organisers.PASSWORD)
                .formParam("next", "//evil.example/organiser").formParam(Organisers.CSRF, csrf).when()
                .post("/organiser/login").then().statusCode(303).header("Location", not(containsString("evil")));
    }

    // --- (2) organisers see only their organisations' conferences --------------------------------------------------

    @Test
    void anotherOrganisationsConferenceIsNotFoundOnEveryPageExportAndForm() throws IOException {
        Fixture f = fixture();
        Organisers.Session outsider = Organisers.login(Organisers.DIGITAL);
        Organisers.Session member = Organisers.login(Organisers.KTS);
        long mpsc = conferenceId("mpsc-kongress");
        SoftAssertions soft = new SoftAssertions();
        for (Route route : routes()) {
            if (route.api() || route.attendee() || !route.template().contains("{id}")) {
                continue;
            }
            String path = example(route, f);
            Response refused = send(outsider.request(), route, path, outsider.csrf(), formFor(route, f));
            soft.assertThat(refused.statusCode())
                    .as("%s %s by an organiser of another organisation", route.method(), path).isIn(403, 404);
            soft.assertThat(refused.asString()).as("%s %s by an outsider shows nothing of it", route.method(), path)
                    .doesNotContain(Fixture.TITLE, "access-a@");
            if (route.method().equals("GET")) {
                soft.assertThat(send(member.request(), route, path, null).statusCode())
                        .as("%s %s by the organiser of the conference", route.method(), path).isEqualTo(200);
                if (route.template().equals(route.template().replaceAll("\\{(?!id})\\w+}", ""))) {
                    // the demo congress of the BMWSB, with only the conference id in the path
                    String demo = path.replace("/" + f.conferenceId, "/" + mpsc);
                    soft.assertThat(send(outsider.request(), route, demo, null).statusCode())
                            .as("GET %s (mpsc-kongress) by an outsider", demo).isIn(403, 404);
                    soft.assertThat(send(member.request(), route, demo, null).statusCode())
                            .as("GET %s (mpsc-kongress) by its organiser", demo).isEqualTo(200);
                }
            }
        }
        soft.assertAll();

        assertThat(outsider.page("/organiser")).doesNotContain(Fixture.TITLE, "MPSC-Kongress");
        assertThat(member.page("/organiser")).contains(Fixture.TITLE, "MPSC-Kongress");
        // an item of the other organisation through the outsider's own conference
        long own = conferenceId("niedersaechsische-smart-cities-in-lemgo");
        for (String export : List.of("attendees.csv", "attendees.xlsx", "print")) {
            outsider.get("/organiser/conferences/{id}/" + export + "?item=" + f.itemId, own).then().statusCode(404);
        }
        // revoking someone else's API key does nothing
        outsider.post("/organiser/tokens/{tokenId}/revoke", f.tokenId);
        f.assertUntouched();
    }

    @Test
    void anotherOrganisationsConferenceIsNotFoundOnEveryApiRoute() throws IOException {
        Fixture f = fixture();
        String outsider = Organisers.apiToken(Organisers.DIGITAL, "access-outsider");
        String member = Organisers.apiToken(Organisers.KTS, "access-member");
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Route route : routes()) {
            if (!route.api() || !route.template().contains("{id}")) {
                continue;
            }
            checked++;
            String path = example(route, f);
            Response refused = send(given().auth().oauth2(outsider), route, path, null, jsonFor(route, f));
            soft.assertThat(refused.statusCode()).as("%s %s with another organisation's token", route.method(), path)
                    .isIn(403, 404);
            soft.assertThat(refused.contentType()).as("%s %s", route.method(), path)
                    .startsWith("application/problem+json");
            soft.assertThat(refused.asString()).doesNotContain(Fixture.TITLE);
            if (route.method().equals("GET")) {
                soft.assertThat(send(given().auth().oauth2(member), route, path, null).statusCode())
                        .as("%s %s with the organiser's token", route.method(), path).isEqualTo(200);
            }
        }
        soft.assertAll();
        assertThat(checked).isGreaterThanOrEqualTo(10);
        given().auth().oauth2(outsider).when().get("/api/organiser/conferences").then().statusCode(200)
                .body("conference.slug", not(hasItem(f.slug)));
        given().auth().oauth2(member).when().get("/api/organiser/conferences").then().statusCode(200)
                .body("conference.slug", hasItems(f.slug, "mpsc-kongress"));
        f.assertUntouched();
    }

    @Test
    void nobodyCreatesAConferenceForAnOrganisationTheyAreNotIn() {
        Organisers.Session outsider = Organisers.login(Organisers.DIGITAL);
        long bmwsb = QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug("bmwsb").orElseThrow().id);
        Map<String, Object> form = new HashMap<>(Map.of("organisationId", bmwsb, "slug", "access-fremd-form", "title",
                "Fremd angelegt", "startsAt", "2031-03-03T10:00", "endsAt", "2031-03-03T16:00", "format", "ON_SITE",
                "venueName", "Rathaus", "venueCity", "Lemgo", "onsiteCapacity", "10"));
        outsider.post("/organiser/conferences", form).then().statusCode(400);
        Map<String, Object> json = new HashMap<>(Map.of("organisationId", bmwsb, "slug", "access-fremd-api", "title",
                "Fremd angelegt", "startsAt", "2031-03-03T10:00:00+01:00", "endsAt", "2031-03-03T16:00:00+01:00",
                "format", "ON_SITE", "venueName", "Rathaus", "venueCity", "Lemgo"));
        json.put("onsiteCapacity", 10);
        given().auth().oauth2(Organisers.apiToken(Organisers.DIGITAL, "access-create")).contentType(ContentType.JSON)
                .body(json).when().post("/api/organiser/conferences").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("organisationId"));
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> Conference.count("slug in ?1", List.of("access-fremd-form", "access-fremd-api")))).isZero();
    }

    // --- (3) CSRF ---------------------------------------------------------------------------------------------------

    @Test
    void everyFormRefusesAMissingCsrfTokenAndChangesNothing() throws IOException {
        Fixture f = fixture();
        Organisers.Session member = Organisers.login(Organisers.KTS);
        Organisers.Session admin = Organisers.login(Organisers.ADMIN);
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Route route : routes()) {
            if (route.api() || !route.method().equals("POST")) {
                continue;
            }
            checked++;
            String path = example(route, f);
            Map<String, Object> form = route.attendee() ? attendeeFormFor(route, f) : formFor(route, f);
            if (route.key().equals("POST /organiser/login")) {
                form = Map.of("email", Organisers.KTS, "password", Organisers.PASSWORD, "next", "/organiser");
            }
            Organisers.Session who = route.roles().contains("admin") ? admin : member;
            Response response = route.consumesMultipart()
                    ? who.request()
                            .multiPart("signature", "unterschrift.png",
                                    new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 }, "image/png")
                            .post(path)
                    : who.postWithoutCsrf(path, form);
            soft.assertThat(response.statusCode()).as("%s without CSRF token", path).isEqualTo(400);
            soft.assertThat(response.getCookie(Organisers.SESSION)).as("%s without CSRF token sets no session", path)
                    .isNull();
        }
        soft.assertAll();
        assertThat(checked).as("forms checked").isGreaterThan(15);

        // with the right token in the cookie but another one in the field
        Response mismatched = member.request().contentType(ContentType.URLENC)
                .formParam(Organisers.CSRF, Organisers.csrfToken())
                .post("/organiser/conferences/{id}/registrations/{r}/cancel", f.conferenceId, f.waitlistedId);
        assertThat(mismatched.statusCode()).isEqualTo(400);

        f.assertUntouched();
        member.get("/organiser").then().statusCode(200); // logout without token did not end the session
        admin.get("/organiser/admin").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Organisation.findBySlug("access-csrf-organisation")).isEmpty();
            assertThat(Organiser.findByEmail("access-csrf-organiser@example.org")).isEmpty();
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count("email", Fixture.NEW_ATTENDEE)))
                .as("sign-up without CSRF token stored nothing").isZero();
    }

    /**
     * The check must not depend on the request looking like a form: a button-only form (cancel, publish, promote,
     * remove, revoke) posted with another body type or with no body at all carries no token either. Browsers send such
     * requests from {@code <form enctype="text/plain">} and from {@code fetch(url, {method: "POST"})}.
     */
    @Test
    void postsWithoutAFormBodyAreRefusedToo() throws Exception {
        Fixture f = fixture("access-raw-body");
        Organisers.Session member = Organisers.login(Organisers.KTS);
        Organisers.Session admin = Organisers.login(Organisers.ADMIN);
        HttpClient client = HttpClient.newHttpClient();
        SoftAssertions soft = new SoftAssertions();
        for (Route route : routes()) {
            if (route.api() || route.attendee() || !route.method().equals("POST")
                    || PUBLIC_ORGANISER_ROUTES.contains(route.key())) {
                continue;
            }
            Organisers.Session session = route.roles().contains("admin") ? admin : member;
            String path = example(route, f);
            Response textPlain = session.request().contentType(ContentType.TEXT).body("a=b").when().post(path);
            soft.assertThat(textPlain.statusCode()).as("%s as text/plain without CSRF token", path).isIn(400, 415);
            HttpResponse<String> noBody = client.send(
                    HttpRequest.newBuilder(root.resolve(path))
                            .header("Cookie",
                                    Organisers.SESSION + "=" + session.cookie() + "; " + Organisers.CSRF + "="
                                            + session.csrf())
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            soft.assertThat(noBody.statusCode()).as("%s without body (no Content-Type) and CSRF token", path).isIn(400,
                    415);
        }
        soft.assertAll();
        f.assertUntouched();
    }

    // --- (4) administration -----------------------------------------------------------------------------------------

    @Test
    void adminPagesAreRefusedToOrganisersWhoAreNotAdmins() throws IOException {
        Fixture f = fixture();
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        Organisers.Session admin = Organisers.login(Organisers.ADMIN);
        long kts = QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug("kts").orElseThrow().id);
        List<Route> adminRoutes = routes().stream().filter(r -> r.roles().contains("admin")).toList();
        assertThat(adminRoutes).extracting(Route::key).contains("GET /organiser/admin",
                "POST /organiser/admin/organisations", "POST /organiser/admin/organisers");
        for (Route route : adminRoutes) {
            String path = example(route, f);
            Map<String, Object> form = Map.of("slug", "access-eigene-organisation", "name", "Eigene Organisation",
                    "email", "access-neuer-admin@example.org", "password", "ein-langes-passwort", "admin", "true",
                    "organisationIds", kts);
            Response refused = send(organiser.request(), route, path, organiser.csrf(), form);
            assertThat(refused.statusCode()).as("%s %s by a non-admin", route.method(), path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("text/html");
            assertThat(refused.asString()).contains("Kein Zugriff");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Organisation.findBySlug("access-eigene-organisation")).isEmpty();
            assertThat(Organiser.findByEmail("access-neuer-admin@example.org")).isEmpty();
        });
        assertThat(admin.page("/organiser/admin")).contains(Organisers.KTS, Organisers.DIGITAL);
        assertThat(organiser.page("/organiser")).doesNotContain("href=\"/organiser/admin\"");
    }

    // --- (5) login throttling ---------------------------------------------------------------------------------------

    @Test
    void afterFiveWrongPasswordsTheAccountWaitsAndAnswersLikeAnUnknownOne() {
        String email = Organisers.createOrganiser("access-throttle@example.org", "richtiges-passwort-1", "kts");
        String unknown = Organisers.attemptLogin("niemand-" + email, "falsch").asString();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Response failed = Organisers.attemptLogin(email, "falsch-" + attempt);
            assertThat(failed.statusCode()).isEqualTo(401);
            assertThat(failed.getCookie(Organisers.SESSION)).isNull();
            assertThat(failed.asString()).contains("E-Mail-Adresse oder Passwort sind nicht richtig");
        }
        Response waiting = Organisers.attemptLogin(email, "richtiges-passwort-1");
        assertThat(waiting.statusCode()).as("the right password waits too").isEqualTo(401);
        assertThat(waiting.getCookie(Organisers.SESSION)).isNull();
        assertThat(withoutTokens(waiting.asString().replace(email, ""))).as("the same page as for an unknown address")
                .isEqualTo(withoutTokens(unknown.replace("niemand-" + email, "")));
        assertThat(sessions(email)).isZero();
        Instant next = QuarkusTransaction.requiringNew()
                .call(() -> Organiser.findByEmail(email).orElseThrow().lockedUntil);
        assertThat(Duration.between(Instant.now(), next)).as("the first wait").isBetween(Duration.ofSeconds(20),
                Duration.ofSeconds(31));

        // one more failure once the wait is over doubles it
        QuarkusTransaction.requiringNew()
                .run(() -> Organiser.update("lockedUntil = ?1 where email = ?2", Instant.now().minusSeconds(1), email));
        Organisers.attemptLogin(email, "falsch-6");
        Instant doubled = QuarkusTransaction.requiringNew()
                .call(() -> Organiser.findByEmail(email).orElseThrow().lockedUntil);
        assertThat(Duration.between(Instant.now(), doubled)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));

        // after the wait the right password works and the count starts afresh
        QuarkusTransaction.requiringNew()
                .run(() -> Organiser.update("lockedUntil = ?1 where email = ?2", Instant.now().minusSeconds(1), email));
        assertThat(Organisers.attemptLogin(email, "richtiges-passwort-1").statusCode()).isEqualTo(303);
        assertThat(
                QuarkusTransaction.requiringNew().call(() -> Organiser.findByEmail(email).orElseThrow().failedLogins))
                        .isZero();

        // other accounts are not affected
        Organisers.login(Organisers.KTS);
    }

    @Test
    void anOrganiserChangesTheirPasswordAndTheirOtherSessionsEnd() {
        String email = Organisers.createOrganiser("access-password@example.org", "altes-passwort-123", "kts");
        Organisers.Session here = Organisers.login(email, "altes-passwort-123");
        Organisers.Session elsewhere = Organisers.login(email, "altes-passwort-123");

        Response wrong = here.post("/organiser/account/password", Map.of("currentPassword", "falsch", "newPassword",
                "neues-passwort-456", "repeatPassword", "neues-passwort-456"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("Das bisherige Passwort ist nicht richtig.")
                .doesNotContain("neues-passwort-456");
        Response differ = here.post("/organiser/account/password", Map.of("currentPassword", "altes-passwort-123",
                "newPassword", "neues-passwort-456", "repeatPassword", "neues-passwort-789"));
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(differ.asString()).contains("stimmen nicht überein");
        assertThat(here.post("/organiser/account/password",
                Map.of("currentPassword", "altes-passwort-123", "newPassword", "kurz", "repeatPassword", "kurz"))
                .statusCode()).isEqualTo(400);

        Response changed = here.post("/organiser/account/password", Map.of("currentPassword", "altes-passwort-123",
                "newPassword", "neues-passwort-456", "repeatPassword", "neues-passwort-456"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(here.get("/organiser").statusCode()).as("this session stays").isEqualTo(200);
        assertThat(elsewhere.get("/organiser").statusCode()).as("the other session ended").isNotEqualTo(200);
        assertThat(Organisers.attemptLogin(email, "altes-passwort-123").statusCode()).isEqualTo(401);
        Organisers.login(email, "neues-passwort-456");
    }

    /** A page without its CSRF token, which differs on every request. */
    private static String withoutTokens(String page) {
        return page.replaceAll("name=\"csrf-token\" value=\"[^\"]*\"", "TOKEN");
    }

    @Test
    void parallelWrongPasswordsAllCountAndNeverFail() throws Exception {
        String email = Organisers.createOrganiser("access-parallel@example.org", "richtiges-passwort-2", "kts");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < Accounts.FREE_FAILURES - 1; i++) {
            int n = i;
            answers.add(pool.submit(() -> Organisers.attemptLogin(email, "falsch-" + n).statusCode()));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<Integer> answer : answers) {
            assertThat(answer.get()).as("a wrong password is a 401, never a 500").isEqualTo(401);
        }
        int counted = QuarkusTransaction.requiringNew()
                .call(() -> Organiser.findByEmail(email).orElseThrow().failedLogins);
        assertThat(counted).as("wrong passwords checked in parallel all count").isEqualTo(Accounts.FREE_FAILURES - 1);
    }

    @Test
    void aSuccessfulLoginStartsTheCountAfresh() {
        String email = Organisers.createOrganiser("access-recount@example.org", "richtiges-passwort-2", "kts");
        for (int attempt = 1; attempt <= 4; attempt++) {
            Organisers.attemptLogin(email, "falsch").then().statusCode(401);
        }
        Organisers.login(email, "richtiges-passwort-2");
        for (int attempt = 1; attempt <= 4; attempt++) {
            Organisers.attemptLogin(email, "falsch").then().statusCode(401);
        }
        Organisers.login(email, "richtiges-passwort-2");
        Organisers.attemptLogin("access-nobody@example.org", "falsch").then().statusCode(401)
                .body(containsString("E-Mail-Adresse oder Passwort sind nicht richtig."));
    }

    // --- (6) the session cookie
    // ---------------------------------------------------------------------------------------

    @Test
    void sessionCookieIsHttpOnlyAndLaxAndLogoutEndsTheSession() {
        String email = Organisers.createOrganiser("access-logout@example.org", "richtiges-passwort-3", "kts");
        String csrf = Organisers.csrfToken();
        Response login = Organisers.attemptLogin(email, "richtiges-passwort-3", csrf);
        login.then().statusCode(303);
        String setCookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(Organisers.SESSION + "=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Path=/");
        String token = login.getCookie(Organisers.SESSION);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        Organisers.Session session = new Organisers.Session(email, token, csrf);
        assertThat(session.page("/organiser")).contains("Test " + email);
        assertThat(sessions(email)).isEqualTo(1);

        Response logout = session.post("/organiser/logout");
        logout.then().statusCode(303).header("Location", endsWith("/organiser/login?notice=logged-out"));
        String cleared = logout.getHeaders().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(Organisers.SESSION + "=")).findFirst().orElseThrow();
        assertThat(cleared).containsIgnoringCase("Max-Age=0");

        // the old cookie no longer opens anything
        session.get("/organiser").then().statusCode(302).header("Location", containsString("/organiser/login"));
        assertThat(sessions(email)).isZero();
        given().redirects().follow(false).cookie(Organisers.SESSION, "x".repeat(43)).when().get("/organiser").then()
                .statusCode(302);
    }

    // --- the fixture ------------------------------------------------------------------------------------------------

    /**
     * One published conference of the BMWSB (organisator@kts.example is a member, projektbuero@... is not) with a
     * bookable item of one place and three registrations: A confirmed with the item, B confirmed and waiting for the
     * item, C waiting for a place; plus an API key of organisator@kts.example.
     */
    static final class Fixture {
        static final String SLUG = "access-fixture";
        static final String TITLE = "Zugriffsprobe Konferenz";
        static final String NEW_ATTENDEE = "access-new@example.org";
        static final String WEBHOOK_SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

        final String slug;
        final String title;
        long organisationId;
        long conferenceId;
        long itemId;
        long questionId;
        long confirmedId;
        long waitlistedId;
        long bookingId;
        long mailId;
        long tokenId;
        long contingentId;
        long invitationId;
        long webhookId;
        String code;
        String secret;

        Fixture(String slug) {
            this.slug = slug;
            this.title = slug.equals(SLUG) ? TITLE : TITLE + " " + slug;
        }

        /** Nothing the refused requests tried has happened. */
        void assertUntouched() {
            QuarkusTransaction.requiringNew().run(() -> {
                Conference c = Conference.findById(conferenceId);
                assertThat(c.status).as("conference status").isEqualTo(ConferenceStatus.PUBLISHED);
                assertThat(c.title).isEqualTo(title);
                assertThat(c.onsiteCapacity).isEqualTo(2);
                AgendaItem item = AgendaItem.findById(itemId);
                assertThat(item).as("the agenda item").isNotNull();
                assertThat(item.title).isEqualTo("Zugriffsprobe Workshop");
                assertThat(item.capacity).isEqualTo(1);
                assertThat(c.agenda).as("agenda").hasSize(1);
                assertThat(Question.listShown(c)).as("questions").hasSize(1)
                        .allSatisfy(q -> assertThat(q.labelDe).isEqualTo("Zugriffsprobe Frage"));
                Registration a = Registration.findById(confirmedId);
                assertThat(a.status).as("A's status").isEqualTo(RegistrationStatus.CONFIRMED);
                assertThat(a.checkedInAt).as("A checked in").isNull();
                assertThat(Registration.<Registration> findById(waitlistedId).status).as("C's status")
                        .isEqualTo(RegistrationStatus.WAITLISTED);
                assertThat(SessionBooking.<SessionBooking> findById(bookingId).status).as("B's booking")
                        .isEqualTo(BookingStatus.WAITLISTED);
                assertThat(Registration.<Registration> list("conference.id", conferenceId)).as("registrations")
                        .hasSize(3).allSatisfy(r -> assertThat(r.firstName).isEqualTo("Test"));
                assertThat(Conference.count("slug like ?1", slug + "-kopie%")).as("copies").isZero();
                assertThat(Conference.count("slug", "access-csrf-new")).as("conferences created").isZero();
                assertThat(ApiToken.<ApiToken> findById(tokenId).revokedAt).as("API key revoked").isNull();
                assertThat(Contingent.<Contingent> findById(contingentId).released).as("contingent released").isFalse();
                assertThat(Contingent.count("conference.id", conferenceId)).as("contingents").isEqualTo(1);
                assertThat(Invitation.<Invitation> findById(invitationId).revokedAt).as("invitation revoked").isNull();
                assertThat(Invitation.count("conference.id", conferenceId)).as("invitations").isEqualTo(1);
                assertThat(ApiToken.count("name", "Eingeschleust")).as("API keys created").isZero();
                assertThat(OutboxMessage.count("template = 'organiserMessage' and registrationId in"
                        + " (select r.id from Registration r where r.conference.id = ?1)", conferenceId))
                                .as("organiser messages").isZero();
                assertThat(AuditEntry.count("conferenceId", conferenceId)).as("audit entries").isZero();
                WebhookEndpoint webhook = WebhookEndpoint.findById(webhookId);
                assertThat(webhook).as("the webhook receiver").isNotNull();
                assertThat(webhook.active).as("webhook receiver resumed").isFalse();
                assertThat(webhook.secret).as("webhook secret renewed").isEqualTo(Fixture.WEBHOOK_SECRET);
                assertThat(WebhookDelivery.count("endpoint.id", webhookId)).as("webhook test events").isZero();
                assertThat(WebhookEndpoint.count("url", "https://eingeschleust.example/hook"))
                        .as("webhook receivers created").isZero();
            });
        }

        /** The version an edit form of this conference, its item or registration C would carry now. */
        int version(String what) {
            return QuarkusTransaction.requiringNew().call(() -> switch (what) {
            case "conference" -> Conference.<Conference> findById(conferenceId).version;
            case "item" -> AgendaItem.<AgendaItem> findById(itemId).version;
            case "question" -> Question.<Question> findById(questionId).version;
            default -> Registration.<Registration> findById(waitlistedId).version;
            });
        }
    }

    private static final Map<String, Fixture> FIXTURES = new HashMap<>();

    static Fixture fixture() {
        return fixture(Fixture.SLUG);
    }

    static synchronized Fixture fixture(String slug) {
        if (FIXTURES.containsKey(slug)) {
            return FIXTURES.get(slug);
        }
        Fixture f = new Fixture(slug);
        Conference c = TestConferences.create(slug, conf -> {
            conf.organisation = Organisation.findBySlug("bmwsb").orElseThrow();
            conf.title = f.title;
            conf.onsiteCapacity = 2;
        });
        AgendaItem item = TestConferences.addItem(c, "Zugriffsprobe Workshop", AgendaItemKind.WORKSHOP,
                c.startsAt.plus(Duration.ofHours(1)), Duration.ofHours(2), 1);
        f.organisationId = c.organisation.id;
        f.conferenceId = c.id;
        f.itemId = item.id;
        f.questionId = QuarkusTransaction.requiringNew().call(() -> {
            Question q = new Question();
            q.conference = Conference.findById(c.id);
            q.kind = QuestionKind.TEXT;
            q.labelDe = "Zugriffsprobe Frage";
            q.position = 1;
            q.persist();
            return q.id;
        });
        QuarkusTransaction.requiringNew().run(() -> {
            // an empty contingent (it takes no place from anyone) and a shared invitation to it
            Contingent contingent = new Contingent();
            contingent.conference = Conference.findById(c.id);
            contingent.name = "Zugriffsprobe Kontingent";
            contingent.attendance = Attendance.ON_SITE;
            contingent.places = 0;
            contingent.releaseAt = c.startsAt;
            contingent.persist();
            Invitation invitation = new Invitation();
            invitation.conference = contingent.conference;
            invitation.contingent = contingent;
            invitation.label = "Zugriffsprobe Einladung";
            invitation.tokenHash = Invitation.tokenHash(Invitation.newToken());
            invitation.maxUses = 5;
            invitation.persist();
            f.contingentId = contingent.id;
            f.invitationId = invitation.id;
            // a paused receiver of the organisation: it gets no events of other tests
            WebhookEndpoint webhook = new WebhookEndpoint();
            webhook.organisation = contingent.conference.organisation;
            webhook.url = "https://hooks.example/" + slug;
            webhook.events(java.util.EnumSet.of(WebhookEvent.CONFERENCE_CHANGED));
            webhook.secret = Fixture.WEBHOOK_SECRET;
            webhook.active = false;
            webhook.createdAt = Instant.now();
            webhook.createdBy = Organisers.KTS;
            webhook.persist();
            f.webhookId = webhook.id;
        });
        f.secret = Attendees.secret(Attendees.signUp(c.slug, "access-a@" + slug + ".example", item.id));
        Attendees.signUp(c.slug, "access-b@" + slug + ".example", item.id);
        Attendees.signUp(c.slug, "access-c@" + slug + ".example");
        Organisers.apiToken(Organisers.KTS, slug + "-key");
        QuarkusTransaction.requiringNew().run(() -> {
            Registration a = Registration.find("email", "access-a@" + slug + ".example").firstResult();
            Registration b = Registration.find("email", "access-b@" + slug + ".example").firstResult();
            Registration waiting = Registration.find("email", "access-c@" + slug + ".example").firstResult();
            assertThat(a.status).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(waiting.status).isEqualTo(RegistrationStatus.WAITLISTED);
            f.confirmedId = a.id;
            f.code = a.checkinCode;
            f.waitlistedId = waiting.id;
            SessionBooking booking = b.bookings.get(0);
            assertThat(booking.status).isEqualTo(BookingStatus.WAITLISTED);
            f.bookingId = booking.id;
            f.mailId = OutboxMessage.<OutboxMessage> list("registrationId = ?1 order by id", a.id).get(0).id;
            f.tokenId = ApiToken.<ApiToken> find("name", slug + "-key").firstResult().id;
        });
        FIXTURES.put(slug, f);
        return f;
    }

    /** The route's path with every parameter replaced by an id of the fixture. */
    static String example(Route route, Fixture f) {
        Map<String, Object> values = Map.ofEntries(Map.entry("id", f.conferenceId), Map.entry("itemId", f.itemId),
                Map.entry("questionId", f.questionId), Map.entry("registrationId", f.waitlistedId),
                Map.entry("bookingId", f.bookingId), Map.entry("mailId", f.mailId), Map.entry("tokenId", f.tokenId),
                Map.entry("code", f.code), Map.entry("slug", f.slug), Map.entry("secret", f.secret),
                Map.entry("organisationId", f.conferenceId), Map.entry("token", "kein-gueltiger-link"),
                Map.entry("contingent", f.contingentId), Map.entry("invitation", f.invitationId),
                Map.entry("webhookId", f.webhookId), Map.entry("deliveryId", f.webhookId), Map.entry("position", 0));
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(route.template());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            assertThat(values).as("an example value for {%s} in %s: add one to OrganiserAccessTest.example", m.group(1),
                    route.key()).containsKey(m.group(1));
            m.appendReplacement(path, String.valueOf(values.get(m.group(1))));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** Plausible fields for the organiser form of a route, so a refusal is not only a reaction to empty input. */
    static Map<String, Object> formFor(Route route, Fixture f) {
        String t = route.template();
        if (t.endsWith("/agenda") || t.endsWith("/agenda/{itemId}")) {
            return Map.of("title", "Eingeschleust", "kind", "TALK", "startsAt", "2031-03-03T10:00", "endsAt",
                    "2031-03-03T11:00", "version", f.version("item"));
        }
        if (t.endsWith("/questions") || t.endsWith("/questions/{questionId}")) {
            return Map.of("kind", "TEXT", "labelDe", "Eingeschleust", "version", f.version("question"));
        }
        if (t.endsWith("/registrations")) {
            return Map.of("firstName", "Eingeschleust", "lastName", "Person", "email", "access-sneak@example.org",
                    "attendance", "ON_SITE", "privacyConsent", "true");
        }
        if (t.endsWith("/registrations/{registrationId}")) {
            return Map.of("firstName", "Eingeschleust", "lastName", "Person", "email", "access-sneak@example.org",
                    "version", f.version("registration"));
        }
        if (t.endsWith("/message")) {
            return Map.of("audience", "CONFIRMED", "subject", "Eingeschleust", "body", "Hallo");
        }
        if (t.endsWith("/invitations/contingents")) {
            return Map.of("name", "Eingeschleust", "attendance", "ON_SITE", "places", "0");
        }
        if (t.endsWith("/invitations/personal")) {
            return Map.of("label", "Eingeschleust", "email", "access-sneak@example.org", "contingentId",
                    f.contingentId);
        }
        if (t.endsWith("/invitations/shared")) {
            return Map.of("codeLabel", "Eingeschleust", "maxUses", "3", "codeContingentId", f.contingentId);
        }
        if (t.endsWith("/checkin")) {
            return Map.of("code", f.code);
        }
        if (t.equals("/organiser/conferences/{id}") || t.equals("/organiser/conferences")) {
            Map<String, Object> form = new HashMap<>(
                    Map.of("organisationId", f.organisationId, "slug", t.endsWith("{id}") ? f.slug : "access-csrf-new",
                            "title", "Eingeschleust", "startsAt", "2031-03-03T10:00", "endsAt", "2031-03-03T16:00",
                            "format", "ON_SITE", "venueName", "Rathaus", "venueCity", "Lemgo", "onsiteCapacity", "2"));
            form.put("version", f.version("conference"));
            return form;
        }
        if (t.startsWith("/organiser/admin/")) {
            return Map.of("slug", "access-csrf-organisation", "name", "CSRF", "email",
                    "access-csrf-organiser@example.org", "password", "ein-langes-passwort", "organisationIds",
                    f.organisationId);
        }
        if (t.equals("/organiser/tokens")) {
            return Map.of("name", "Eingeschleust");
        }
        if (t.equals("/organiser/webhooks")) {
            return Map.of("url", "https://eingeschleust.example/hook", "events", "conference.changed", "organisationId",
                    f.organisationId);
        }
        return Map.of();
    }

    /** A complete public form: sign-up of a new attendee, a new choice, online attendance. */
    static Map<String, Object> attendeeFormFor(Route route, Fixture f) {
        if (route.template().endsWith("/registrations")) {
            return Map.of("firstName", "Neu", "lastName", "Person", "email", Fixture.NEW_ATTENDEE, "attendance",
                    "ON_SITE", "privacyConsent", "true");
        }
        if (route.template().endsWith("/items")) {
            return Map.of("items-" + f.itemId, "");
        }
        if (route.template().endsWith("/attendance")) {
            return Map.of("attendance", "ONLINE");
        }
        return Map.of();
    }

    /** A JSON body for the API routes that take one: valid drafts that would change the conference. */
    static Map<String, Object> jsonFor(Route route, Fixture f) {
        if (!route.consumesJson()) {
            return null;
        }
        if (route.template().contains("/questions")) {
            return Map.of("kind", "TEXT", "labelDe", "Eingeschleust", "version", f.version("question"));
        }
        if (route.template().contains("/agenda")) {
            Map<String, Object> item = new HashMap<>(Map.of("title", "Eingeschleust", "kind", "TALK", "startsAt",
                    "2031-03-03T10:00:00+01:00", "endsAt", "2031-03-03T11:00:00+01:00", "bookable", false));
            item.put("speakers", List.of());
            item.put("version", f.version("item"));
            return item;
        }
        Map<String, Object> draft = new HashMap<>(Map.of("slug", f.slug, "title", "Eingeschleust", "startsAt",
                "2031-03-03T10:00:00+01:00", "endsAt", "2031-03-03T16:00:00+01:00", "format", "ON_SITE", "venueName",
                "Rathaus", "venueCity", "Lemgo"));
        draft.put("onsiteCapacity", 2);
        draft.put("version", f.version("conference"));
        return draft;
    }

    static Response send(RequestSpecification request, Route route, String path, String csrf) {
        return send(request, route, path, csrf, null);
    }

    /** Sends the route's request; page forms carry {@code csrf} (if given) and {@code body} as form fields. */
    static Response send(RequestSpecification request, Route route, String path, String csrf, Object body) {
        request.redirects().follow(false);
        if (!route.api() && route.consumesMultipart()) {
            // a form with a file (the certificate signature): the file, and the token as a field of the form
            request.multiPart("signature", "unterschrift.png",
                    new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 }, "image/png");
            request.multiPart(csrf != null ? Organisers.CSRF : "unused", csrf != null ? csrf : "x");
        } else if (!route.api() && !route.method().equals("GET")) {
            request.contentType(ContentType.URLENC);
            if (body instanceof Map<?, ?> fields) {
                fields.forEach((k, v) -> request.formParam((String) k, v));
            }
            request.formParam(csrf != null ? Organisers.CSRF : "unused", csrf != null ? csrf : "x");
        } else if (route.consumesJson()) {
            request.contentType(ContentType.JSON).body(body != null ? body : Map.of());
        } else if (!route.method().equals("GET")) {
            // REST Assured would send a form content type, which the CSRF filter then checks
            request.contentType(ContentType.JSON);
        }
        return switch (route.method()) {
        case "GET" -> request.when().get(path);
        case "POST" -> request.when().post(path);
        case "PUT" -> request.when().put(path);
        case "DELETE" -> request.when().delete(path);
        default -> throw new IllegalStateException(route.method());
        };
    }

    static long conferenceId(String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Conference.<Conference> find("slug", slug).firstResult().id);
    }

    static long sessions(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OrganiserSession.count("organiser.email", email));
    }

    // --- finding the routes
    // -------------------------------------------------------------------------------------------

    /** One HTTP route: method, path template, where it lives and the roles it requires. */
    record Route(String method, String template, String resource, Set<String> roles, boolean consumesJson,
            boolean consumesMultipart) {

        String key() {
            return method + " " + template;
        }

        boolean api() {
            return template.startsWith("/api/");
        }

        boolean attendee() {
            return resource.startsWith("de.konferenzbuero.web.attendee.");
        }
    }

    static final List<String> SCANNED = List.of("de/konferenzbuero/web/organiser", "de/konferenzbuero/web/attendee",
            "de/konferenzbuero/api/OrganiserApi.class");
    static final Map<DotName, String> HTTP_METHODS = Map.of(DotName.createSimple("jakarta.ws.rs.GET"), "GET",
            DotName.createSimple("jakarta.ws.rs.POST"), "POST", DotName.createSimple("jakarta.ws.rs.PUT"), "PUT",
            DotName.createSimple("jakarta.ws.rs.DELETE"), "DELETE");
    static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    static final DotName CONSUMES = DotName.createSimple("jakarta.ws.rs.Consumes");
    static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");

    private static List<Route> routes;

    /**
     * Every route of the scanned classes, read with Jandex from the compiled classes: the class {@code @Path} joined
     * with the method's, parameter expressions removed. Not covered: paths inherited from interfaces or superclasses
     * and sub-resource locators (there are none).
     */
    static synchronized List<Route> routes() throws IOException {
        if (routes != null) {
            return routes;
        }
        Index index = index();
        List<Route> found = new ArrayList<>();
        for (ClassInfo resource : index.getKnownClasses()) {
            AnnotationInstance classPath = resource.declaredAnnotation(PATH);
            if (classPath == null) {
                continue;
            }
            for (MethodInfo method : resource.methods()) {
                for (Map.Entry<DotName, String> http : HTTP_METHODS.entrySet()) {
                    if (!method.hasDeclaredAnnotation(http.getKey())) {
                        continue;
                    }
                    AnnotationInstance roles = method.declaredAnnotation(ROLES_ALLOWED);
                    if (roles == null) {
                        roles = resource.declaredAnnotation(ROLES_ALLOWED);
                    }
                    AnnotationInstance consumes = method.declaredAnnotation(CONSUMES);
                    found.add(new Route(http.getValue(),
                            template(value(classPath), value(method.declaredAnnotation(PATH))),
                            resource.name().toString(),
                            roles == null ? Set.of() : Set.of(roles.value().asStringArray()),
                            consumes != null && Stream.of(consumes.value().asStringArray())
                                    .anyMatch(type -> type.contains("json")),
                            consumes != null && Stream.of(consumes.value().asStringArray())
                                    .anyMatch(type -> type.contains("multipart"))));
                }
            }
        }
        found.sort(Comparator.comparing(Route::key));
        routes = List.copyOf(found);
        return routes;
    }

    static String value(AnnotationInstance path) {
        return path == null || path.value() == null ? "" : path.value().asString();
    }

    static String template(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}")
                .replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    static Index index() throws IOException {
        Path root = classesRoot();
        Indexer indexer = new Indexer();
        for (String scanned : SCANNED) {
            Path start = root.resolve(scanned);
            assertThat(start).as("compiled classes at %s", start).exists();
            try (Stream<Path> files = Files.walk(start)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        indexer.index(in);
                    }
                }
            }
        }
        return indexer.complete();
    }

    /** The directory the main classes were compiled to (Maven's target/classes). */
    static Path classesRoot() {
        try {
            Path location = Path
                    .of(ConferencesResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location.resolve("de/konferenzbuero/web/organiser"))) {
                return location;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to Maven's layout
        }
        return Path.of("target", "classes");
    }
}
