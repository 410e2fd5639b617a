package de.konferenzbuero.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import de.konferenzbuero.http.OrganiserAuthentication;

/**
 * The security headers of application.properties are on every page of {@link AccessibilityTest#ROUTES} (the pages of
 * the organiser area requested with the session cookie of the route's {@link Account}, so the page itself answers, not
 * the redirect to the login) and on the static files, and no page needs what the Content-Security-Policy forbids:
 * inline scripts (a JSON-LD data block is data, not a script), style elements, style attributes or inline event
 * handlers.
 */
@QuarkusTest
class SecurityHeadersTest {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** The pages of the accessibility test: (language, example, index in its ROUTES). */
    static Stream<Arguments> pages() {
        return AccessibilityTest.pages();
    }

    static String url(String lang, int index) {
        return AccessibilityTest.withLang(AccessibilityTest.ROUTES.get(index).path(), lang);
    }

    /** A request as the route's account: with its session cookie, as the browser after logging in. */
    static RequestSpecification as(int index) {
        Account account = AccessibilityTest.ROUTES.get(index).account();
        RequestSpecification request = given().redirects().follow(false);
        return account == null ? request : request.cookie(OrganiserAuthentication.SESSION_COOKIE, account.session());
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("pages")
    void pagesCarryTheSecurityHeaders(String lang, String example, int index) {
        Response page = as(index).when().get(url(lang, index));
        assertThat(page.statusCode()).isEqualTo(AccessibilityTest.ROUTES.get(index).status());
        String template = AccessibilityTest.ROUTES.get(index).template();
        if (template != null && template.startsWith("/embed/")) {
            assertEmbedHeaders(page);
        } else {
            assertSecurityHeaders(page);
        }
    }

    /**
     * The embeddable list may be framed by the sites its organisation lists (none in the demo data: only the app
     * itself, for the organisers' preview), so it sends a policy of its own and no X-Frame-Options; nothing else
     * relaxes.
     */
    private static void assertEmbedHeaders(Response response) {
        assertThat(response.header("Content-Security-Policy")).isEqualTo(
                "default-src 'none'; img-src 'self' data:; style-src 'self'; form-action 'none'; base-uri 'none'; "
                        + "object-src 'none'; frame-ancestors 'self'");
        assertThat(response.headers().getValues("Content-Security-Policy")).as("one CSP header only").hasSize(1);
        assertThat(response.header("X-Frame-Options")).isNull();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    /** The pages behind a login, once each: (example, index in the accessibility test's ROUTES). */
    static Stream<Arguments> pagesBehindALogin() {
        return IntStream.range(0, AccessibilityTest.ROUTES.size())
                .filter(i -> AccessibilityTest.ROUTES.get(i).account() != null)
                .mapToObj(i -> Arguments.of(AccessibilityTest.ROUTES.get(i).example(), i));
    }

    /** Without a session, a page of the organiser area answers with the way to the login, headers and all. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pagesBehindALogin")
    void loginRedirectCarriesTheSecurityHeaders(String example, int index) {
        AccessibilityTest.Route route = AccessibilityTest.ROUTES.get(index);
        Response redirect = given().redirects().follow(false).when().get(route.path());
        assertThat(redirect.statusCode()).as("status of %s without a session", route.path()).isEqualTo(302);
        assertThat(redirect.header("Location")).startsWith("/organiser/login?next=");
        assertSecurityHeaders(redirect);
    }

    @Test
    void staticFilesCarryTheSecurityHeaders() {
        Response css = given().when().get("/css/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertSecurityHeaders(css);
    }

    @Test
    void hstsOnlyInProduction() {
        assertThat(given().when().get("/").header("Strict-Transport-Security")).as("HSTS in test mode (plain http)")
                .isNull();
        String prod = ConfigProvider.getConfig()
                .getConfigValue("%prod.quarkus.http.header.\"Strict-Transport-Security\".value").getValue();
        assertThat(prod).as("HSTS configured for the prod profile").isEqualTo(HSTS);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("pages")
    void pagesNeedNoInlineScriptOrStyle(String lang, String example, int index) {
        String url = url(lang, index);
        Response page = as(index).when().get(url);
        assertThat(page.statusCode()).as("status of %s", url).isEqualTo(AccessibilityTest.ROUTES.get(index).status());
        String html = page.asString();
        assertThat(inlineCode(html)).as("what the CSP blocks in %s", url).isEmpty();
    }

    private static void assertSecurityHeaders(Response response) {
        assertThat(response.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isIn("same-origin", "strict-origin-when-cross-origin");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.headers().getValues("Content-Security-Policy")).as("one CSP header only").hasSize(1);
    }

    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>(.*?)</script\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern STYLE_ELEMENT = Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern FORBIDDEN_ATTRIBUTE = Pattern.compile("\\s(style|on[a-z]+)\\s*=",
            Pattern.CASE_INSENSITIVE);

    /** Inline script bodies, style elements, style attributes and on...= handlers in a page, as found. */
    static List<String> inlineCode(String html) {
        List<String> found = new ArrayList<>();
        Matcher script = SCRIPT.matcher(html);
        while (script.find()) {
            // a JSON-LD data block is data, not code: browsers never run it, and the CSP does not apply to it
            boolean data = script.group().startsWith("<script type=\"application/ld+json\">");
            if (!script.group(1).isBlank() && !data) {
                found.add("inline script: " + abbreviate(script.group()));
            }
        }
        Matcher style = STYLE_ELEMENT.matcher(html);
        while (style.find()) {
            found.add("style element at offset " + style.start());
        }
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            if (FORBIDDEN_ATTRIBUTE.matcher(tag.group()).find()) {
                found.add("inline attribute: " + abbreviate(tag.group()));
            }
        }
        return found;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
