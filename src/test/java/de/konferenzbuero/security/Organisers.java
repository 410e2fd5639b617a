package de.konferenzbuero.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;

/**
 * Organisers in the back office over HTTP, as a browser would be: logs in through the login form and then carries the
 * session cookie and the CSRF token (cookie {@value #CSRF} plus the hidden form field of the same name) on every
 * request. Redirects are never followed, so a test sees the 303 and its {@code Location}.
 */
public final class Organisers {

    /** The password of every demo account (demo data is loaded in test mode). */
    public static final String PASSWORD = "Demo-Passwort-2026";
    /** Organiser of the organisations kts and bmwsb. */
    public static final String KTS = "organisator@kts.example";
    /** Organiser of the organisation digital-interkommunal only. */
    public static final String DIGITAL = "projektbuero@digital-interkommunal.example";
    /** The demo administrator (member of no organisation). */
    public static final String ADMIN = "admin@konferenzbuero.example";

    public static final String SESSION = "kb_session";
    public static final String CSRF = "csrf-token";

    private Organisers() {
    }

    /** A CSRF token as a browser gets it: the cookie set when the login page is shown. */
    public static String csrfToken() {
        Response page = given().redirects().follow(false).when().get("/organiser/login");
        page.then().statusCode(200);
        String token = page.getCookie(CSRF);
        assertThat(token).as("CSRF cookie set by GET /organiser/login").isNotBlank();
        return token;
    }

    /** Logs in with the demo password; fails unless the login succeeds. */
    public static Session login(String email) {
        return login(email, PASSWORD);
    }

    public static Session login(String email, String password) {
        String csrf = csrfToken();
        Response response = attemptLogin(email, password, csrf);
        response.then().statusCode(303);
        String session = response.getCookie(SESSION);
        assertThat(session).as("session cookie after logging in as %s", email).isNotBlank();
        return new Session(email, session, csrf);
    }

    /** Submits the login form (with a valid CSRF token) and returns the answer as it is. */
    public static Response attemptLogin(String email, String password) {
        return attemptLogin(email, password, csrfToken());
    }

    static Response attemptLogin(String email, String password, String csrf) {
        return given().redirects().follow(false).cookie(CSRF, csrf).contentType(ContentType.URLENC)
                .formParam("email", email).formParam("password", password).formParam("next", "/organiser")
                .formParam(CSRF, csrf).when().post("/organiser/login");
    }

    /**
     * Creates an organiser account (not admin) in the organisations with these slugs; for tests that change an account
     * (lock it, log it out), so the demo accounts stay usable.
     */
    public static String createOrganiser(String email, String password, String... organisationSlugs) {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<Organisation> organisations = new java.util.HashSet<>();
            for (String slug : organisationSlugs) {
                organisations.add(Organisation.findBySlug(slug).orElseThrow());
            }
            Arc.container().instance(Accounts.class).get().create(email, "Test " + email, password, false,
                    organisations);
        });
        return email;
    }

    /** An API token for the organiser with this address, created as the API key page does. */
    public static String apiToken(String email, String name) {
        long id = QuarkusTransaction.requiringNew().call(() -> Organiser.findByEmail(email).orElseThrow().id);
        return Arc.container().instance(Accounts.class).get().createApiToken(id, name);
    }

    /**
     * The fields a browser would submit for the form with this {@code action} on a page: inputs (checked radios and
     * checkboxes only), textareas and selected options; disabled controls are left out. One value per name.
     */
    public static Map<String, String> formOf(String html, String action) {
        Matcher form = Pattern
                .compile("<form[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(html);
        assertThat(form.find()).as("a form posting to %s on the page", action).isTrue();
        String body = form.group(1);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input\\b([^>]*)>").matcher(body);
        while (input.find()) {
            Map<String, String> a = attributes(input.group(1));
            String type = a.getOrDefault("type", "text");
            if (!a.containsKey("name") || a.containsKey("disabled")
                    || (type.equals("radio") || type.equals("checkbox")) && !a.containsKey("checked")) {
                continue;
            }
            fields.put(a.get("name"), a.getOrDefault("value", type.equals("checkbox") ? "on" : ""));
        }
        Matcher textarea = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL).matcher(body);
        while (textarea.find()) {
            fields.put(attributes(textarea.group(1)).get("name"), unescape(textarea.group(2)));
        }
        Matcher select = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL).matcher(body);
        while (select.find()) {
            Map<String, String> a = attributes(select.group(1));
            if (a.containsKey("disabled")) {
                continue;
            }
            Matcher option = Pattern.compile("<option\\b([^>]*)>").matcher(select.group(2));
            String value = null;
            while (option.find()) {
                Map<String, String> o = attributes(option.group(1));
                if (value == null || o.containsKey("selected")) {
                    value = o.get("value");
                }
            }
            fields.put(a.get("name"), value);
        }
        return fields;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new HashMap<>();
        Matcher m = Pattern.compile("([\\w-]+)(?:=\"([^\"]*)\")?").matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1), m.group(2) == null ? "" : unescape(m.group(2)));
        }
        return attributes;
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** A logged-in browser: session cookie and CSRF token. */
    public record Session(String email, String cookie, String csrf) {

        /** A request with the session and CSRF cookies; redirects are not followed. */
        public RequestSpecification request() {
            return given().redirects().follow(false).cookie(SESSION, cookie).cookie(CSRF, csrf);
        }

        public Response get(String path, Object... pathParams) {
            return request().when().get(path, pathParams);
        }

        /** The HTML of a page that must answer 200. */
        public String page(String path, Object... pathParams) {
            Response response = get(path, pathParams);
            response.then().statusCode(200);
            return response.asString();
        }

        /** Submits a form as the page would: form-encoded, with the CSRF token field. */
        public Response post(String path, Map<String, ?> fields, Object... pathParams) {
            Map<String, Object> all = new HashMap<>(fields);
            all.put(CSRF, csrf);
            return request().contentType(ContentType.URLENC).formParams(all).when().post(path, pathParams);
        }

        /** A form without fields (buttons such as publish or cancel). */
        public Response post(String path, Object... pathParams) {
            return post(path, Map.of(), pathParams);
        }

        /** The same form without the CSRF token field (the cookie is still sent). */
        public Response postWithoutCsrf(String path, Map<String, ?> fields, Object... pathParams) {
            RequestSpecification request = request().contentType(ContentType.URLENC);
            if (fields.isEmpty()) {
                request.formParam("unused", "x");
            } else {
                request.formParams(fields);
            }
            return request.when().post(path, pathParams);
        }

        /**
         * Submits the form with this {@code action} as shown on {@code html}, with some fields changed: what a person
         * does who edits a form in the browser. The hidden fields (version, CSRF token) go along as shown.
         */
        public Response submit(String html, String action, Map<String, ?> changes) {
            Map<String, Object> fields = new HashMap<>(formOf(html, action));
            fields.putAll(changes);
            return post(action, fields);
        }

        /** Follows the 303 of a form post and returns the page it leads to (which must answer 200). */
        public String follow(Response seeOther) {
            seeOther.then().statusCode(303);
            String location = seeOther.getHeader("Location");
            return page(location.replaceFirst("^https?://[^/]+", ""));
        }
    }
}
