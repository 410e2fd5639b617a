package de.konferenzbuero.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.security.Organisers;

/**
 * The embeddable list as a municipal website uses it: the organiser lists the site, the site puts the iframe on a page
 * (here a page served from another origin by a server in this test) and a real browser shows the list; a site not
 * listed gets a frame the browser refuses to fill. Every other page of the app still refuses all frames.
 */
@QuarkusTest
class EmbedTest {

    private static final String ORGANISATION = "embed-test";
    private static final String OTHER = "embed-test-nachbar";
    private static final String ORGANISER = "embed@embed-test.example";

    @TestHTTPResource("/")
    URL root;

    static Browser browser;
    static HttpServer sites;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.launch();
        // two "municipal websites" on other origins, each a page with the iframe given in ?src=
        sites = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sites.createContext("/", exchange -> {
            String src = java.net.URLDecoder.decode(exchange.getRequestURI().getQuery().substring(4),
                    StandardCharsets.UTF_8);
            byte[] page = ("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Stadt</title></head>"
                    + "<body><main><h1>Stadt Musterhausen</h1><iframe src=\"" + src
                    + "\" title=\"Veranstaltungen\" width=\"600\" height=\"500\"></iframe></main></body></html>")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        // a site that includes the HTML block on its server, as a content management system does
        sites.createContext("/include", exchange -> {
            String src = java.net.URLDecoder.decode(exchange.getRequestURI().getQuery().substring(4),
                    StandardCharsets.UTF_8);
            String block;
            try {
                block = java.net.http.HttpClient.newHttpClient()
                        .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(src)).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] page = ("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Stadt</title></head>"
                    + "<body><main><h1>Stadt Musterhausen</h1>" + block + "</main></body></html>")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        sites.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (sites != null) {
            sites.stop(0);
        }
    }

    @Test
    void aListedSiteShowsTheListInAFrameAndAnotherSiteDoesNot() {
        fixture();
        String site = "http://127.0.0.1:" + sites.getAddress().getPort();
        Organisers.Session organiser = organiser();
        organiser.post("/organiser/embed/{id}/sites", Map.of("sites", site + "/\nhttps://www.musterhausen.example"),
                organisationId(ORGANISATION)).then().statusCode(303);
        String embed = url("/embed/" + ORGANISATION + "/conferences?accent=teal");

        Page page = browser.newPage("de-DE");
        try {
            page.navigate(site + "/?src=" + java.net.URLEncoder.encode(embed, StandardCharsets.UTF_8));
            assertThat(page.frameLocator("iframe").getByRole(AriaRole.HEADING,
                    new com.microsoft.playwright.FrameLocator.GetByRoleOptions().setLevel(1)))
                            .hasText("Veranstaltungen von Einbettungsverband");
            assertThat(
                    page.frameLocator("iframe")
                            .getByRole(AriaRole.LINK,
                                    new com.microsoft.playwright.FrameLocator.GetByRoleOptions()
                                            .setName("Einbettung Frühjahr").setExact(false))).hasAttribute("target",
                                                    "_blank");

            // the same page on a site the organisation no longer lists: the browser refuses to show the frame (in a
            // fresh browser: one that showed the list keeps its copy for up to five minutes)
            organiser.post("/organiser/embed/{id}/sites", Map.of("sites", "https://www.musterhausen.example"),
                    organisationId(ORGANISATION)).then().statusCode(303);
            page.context().close();
            page = browser.newPage("de-DE");
            page.navigate(site + "/?src=" + java.net.URLEncoder.encode(embed, StandardCharsets.UTF_8));
            page.waitForLoadState();
            Frame frame = child(page);
            page.waitForTimeout(500);
            assertThat(frame.content()).doesNotContain("Einbettung Frühjahr");

            // and an ordinary page of the app is never shown in a frame
            page.navigate(site + "/?src=" + java.net.URLEncoder.encode(url("/"), StandardCharsets.UTF_8));
            page.waitForLoadState();
            Frame catalogue = child(page);
            page.waitForTimeout(500);
            assertThat(catalogue.content()).doesNotContain("Veranstaltungen");
        } finally {
            page.context().close();
        }
    }

    @Test
    void theHtmlBlockIncludedInAnotherSitesPageIsAccessible() {
        fixture();
        String site = "http://127.0.0.1:" + sites.getAddress().getPort();
        for (String lang : java.util.List.of("de", "en")) {
            Page page = browser.newPage(lang.equals("de") ? "de-DE" : "en-GB");
            try {
                String block = url("/embed/" + ORGANISATION + "/conferences/fragment?lang=" + lang);
                page.navigate(site + "/include?src=" + java.net.URLEncoder.encode(block, StandardCharsets.UTF_8));
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2))).hasText(
                        lang.equals("de") ? "Veranstaltungen von Einbettungsverband" : "Events by Einbettungsverband");
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(3)).first())
                        .containsText("Einbettung Frühjahr");
                AccessibilityTest.assertNoAxeViolations(page, "the HTML block in a host page (" + lang + ")");
            } finally {
                page.context().close();
            }
        }
    }

    @Test
    void theListHasItsOwnFramePolicyAndShowsUpcomingConferencesOnly() {
        fixture();
        organiser().post("/organiser/embed/{id}/sites",
                Map.of("sites", "https://www.musterhausen.example/\nHTTPS://*.Kreis.example"),
                organisationId(ORGANISATION)).then().statusCode(303);
        Response list = given().get("/embed/{slug}/conferences", ORGANISATION);
        list.then().statusCode(200);
        assertThat(list.header("Content-Security-Policy"))
                .endsWith("frame-ancestors 'self' https://www.musterhausen.example https://*.kreis.example")
                .contains("default-src 'none'").doesNotContain("script-src");
        assertThat(list.header("X-Frame-Options")).isNull();
        assertThat(list.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String html = list.asString();
        assertThat(html).contains("Einbettung Frühjahr", "Einbettung Sommer", "Abgesagt")
                .doesNotContain("Einbettung Vergangen").doesNotContain("Einbettung Nachbarn")
                .contains("href=\"http://localhost:8080/conferences/embed-fruehjahr?lang=de\" target=\"_blank\"")
                .contains("class=\"accent-blue background-white\"").doesNotContain("<script");
        assertThat(html.indexOf("Einbettung Frühjahr")).as("by date").isLessThan(html.indexOf("Einbettung Sommer"));

        String region = given().queryParam("region", "testland").queryParam("all", "true")
                .queryParam("accent", "purple").queryParam("background", "light").queryParam("limit", "5")
                .get("/embed/{slug}/conferences", ORGANISATION).then().statusCode(200).extract().asString();
        assertThat(region).contains("Einbettung Nachbarn", "Einbettung Frühjahr").doesNotContain("Einbettung Sommer")
                .contains("Veranstaltungen in der Region testland").contains("accent-purple background-light");
        assertThat(given().queryParam("limit", "1").get("/embed/{slug}/conferences", ORGANISATION).asString())
                .contains("Einbettung Frühjahr").doesNotContain("Einbettung Sommer");

        Response english = given().queryParam("lang", "en").get("/embed/{slug}/conferences", ORGANISATION);
        assertThat(english.asString()).contains("<html lang=\"en\">", "Events by Einbettungsverband", "Cancelled");

        Response fragment = given().get("/embed/{slug}/conferences/fragment", ORGANISATION);
        fragment.then().statusCode(200);
        assertThat(fragment.asString()).startsWith("<section class=\"kb-embed\" lang=\"de\"").doesNotContain("<html")
                .contains("Einbettung Frühjahr");
        assertThat(fragment.header("Content-Security-Policy")).endsWith("frame-ancestors 'none'");

        Response other = given().get("/");
        assertThat(other.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(other.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void unknownChoicesAreRefusedWithTheAllowedValues() {
        fixture();
        Response refused = given().queryParam("accent", "pink").queryParam("limit", "99")
                .get("/embed/{slug}/conferences", ORGANISATION);
        refused.then().statusCode(400);
        assertThat(refused.asString()).contains("<code>accent</code>", "<code>limit</code>", "blue, green, teal")
                .doesNotContain("Einbettung Frühjahr");
        given().queryParam("all", "true").get("/embed/{slug}/conferences", ORGANISATION).then().statusCode(400);
        given().get("/embed/{slug}/conferences", "gibt-es-nicht").then().statusCode(404);

        Organisers.Session organiser = organiser();
        Response badSites = organiser.post("/organiser/embed/{id}/sites",
                Map.of("sites", "https://www.musterhausen.example/veranstaltungen\njavascript:alert(1)"),
                organisationId(ORGANISATION));
        badSites.then().statusCode(400);
        assertThat(badSites.asString()).contains("error-summary", "ohne Pfad");
        Response code = organiser.get("/organiser/embed?organisation={id}&region=testland&all=true&accent=green",
                organisationId(ORGANISATION));
        code.then().statusCode(200);
        assertThat(code.asString()).contains(
                "/embed/embed-test/conferences?region=testland&amp;all=true&amp;accent=green",
                "/embed/embed-test/conferences/fragment?region=testland");
        organiser.get("/organiser/embed?organisation={id}&limit=0", organisationId(ORGANISATION)).then()
                .statusCode(400);
        // the list's language is chosen for the code only: the organiser's own pages stay German
        Response english = organiser.get("/organiser/embed?organisation={id}&language=en",
                organisationId(ORGANISATION));
        assertThat(english.asString()).contains("<html lang=\"de\">", "/embed/embed-test/conferences?lang=en")
                .contains("src=\"/embed/embed-test/conferences\"");
        Organisers.login(Organisers.KTS).get("/organiser/embed?organisation={id}", organisationId(ORGANISATION)).then()
                .statusCode(404);
    }

    private static Frame child(Page page) {
        return page.frames().stream().filter(f -> f != page.mainFrame()).findFirst().orElseThrow();
    }

    private String url(String path) {
        return root.getProtocol() + "://" + root.getAuthority() + path;
    }

    private static long organisationId(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug(slug).orElseThrow().id);
    }

    private static synchronized void fixture() {
        boolean made = QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug(ORGANISATION).isPresent());
        if (made) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] o : new String[][] { { ORGANISATION, "Einbettungsverband" }, { OTHER, "Nachbarkreis" } }) {
                Organisation organisation = new Organisation();
                organisation.slug = o[0];
                organisation.name = o[1];
                organisation.persist();
            }
        });
        Instant now = Instant.now();
        conference("embed-fruehjahr", "Einbettung Frühjahr", ORGANISATION, now.plus(Duration.ofDays(20)), "Testland",
                false);
        conference("embed-sommer", "Einbettung Sommer", ORGANISATION, now.plus(Duration.ofDays(60)), null, true);
        conference("embed-vergangen", "Einbettung Vergangen", ORGANISATION, now.minus(Duration.ofDays(20)), "Testland",
                false);
        conference("embed-nachbarn", "Einbettung Nachbarn", OTHER, now.plus(Duration.ofDays(30)), "Testland", false);
        Organisers.createOrganiser(ORGANISER, Organisers.PASSWORD, ORGANISATION);
    }

    private static void conference(String slug, String title, String organisation, Instant start, String region,
            boolean cancelled) {
        TestConferences.create(slug, c -> {
            c.organisation = Organisation.findBySlug(organisation).orElseThrow();
            c.title = title;
            c.startsAt = start;
            c.endsAt = start.plus(Duration.ofHours(6));
            c.region = region;
            if (cancelled) {
                c.status = ConferenceStatus.CANCELLED;
            }
            if (start.isBefore(Instant.now())) {
                c.registrationOpensAt = start.minus(Duration.ofDays(30));
            }
        });
    }

    private static Organisers.Session organiser() {
        fixture();
        return Organisers.login(ORGANISER);
    }

}
