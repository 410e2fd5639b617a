package de.konferenzbuero.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.registration.Registration;

/**
 * Hostile input over the sign-up API, the sign-up form and the manage API: control characters, unpaired surrogates,
 * direction overrides, invisible names, huge and deeply nested bodies, wrong types and content types. Each is refused
 * with a 4xx that names the field where there is one, never a 5xx, and nothing of a refused request is stored. A seeded
 * generator mixes such fragments into every field ({@code -Dhostile.seed=} replays a run, {@code -Dhostile.cases=} sets
 * how many).
 */
@QuarkusTest
class HostileInputTest {

    static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    static final int CASES = Integer.getInteger("hostile.cases", 120);

    /** Fragments a script or a confused client sends; some harmless (accents, emoji), most not. */
    static final List<String> FRAGMENTS = List.of("\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\ud800",
            "\udc00", "\udbff", "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\ufffe", "\uffff", "\n", "\r\n",
            "\t", "\ud83d\udc69\u200d\ud83d\udcbb", "Zoë", "Straße", "Ørsted", "' or 1=1 --",
            "<script>alert(1)</script>", "%00", "\\u0000", "{inject:x}", "\"", " ", "\u00a0", "\u3164", "مرحبا",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");

    static final List<String> TEXT_FIELDS = List.of("firstName", "lastName", "email", "organisation", "role",
            "needsOther", "dietaryNeeds");

    @ParameterizedTest
    @ValueSource(strings = { "firstName", "lastName", "organisation", "role", "needsOther", "dietaryNeeds", "email" })
    void aNulByteIsAFieldErrorAndStoresNothing(String field) {
        Conference c = conference("hostile-nul-" + field.toLowerCase());
        Map<String, Object> body = signUp("nul-" + field.toLowerCase() + "@hostile.example");
        body.put(field, field.equals("email") ? "nul\u0000@hostile.example" : "Erika\u0000Mustermann");
        Response answer = postJson(c.slug, body);
        assertRefused(answer, field, "CHARACTERS_NOT_ALLOWED");
        assertThat(stored(c)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\ud800", "\udc00x", "\u202eDrahcir", "Erika\u2066", "\u0007", "\u001b[2J", "\ufffe",
            "Erika\nMustermann" })
    void controlsSurrogatesAndDirectionOverridesInANameAreRefused(String name) {
        Conference c = conference("hostile-chars-" + Integer.toHexString(name.hashCode()));
        Map<String, Object> body = signUp("chars@hostile.example");
        body.put("lastName", name);
        assertRefused(postJson(c.slug, body), "lastName", "CHARACTERS_NOT_ALLOWED");
        assertThat(stored(c)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u200b", "\u200b\u200d\ufeff", " \u00a0\u2060 ", "\u3164" })
    void aNameOfInvisibleCharactersIsEmpty(String name) {
        Conference c = conference("hostile-invisible-" + Integer.toHexString(name.hashCode()));
        Map<String, Object> body = signUp("invisible@hostile.example");
        body.put("firstName", name);
        assertRefused(postJson(c.slug, body), "firstName", "REQUIRED");
    }

    @Test
    void namesOfEveryScriptAndLineBreaksInLongTextsAreKeptExactly() {
        Conference c = conference("hostile-scripts");
        Map<String, Object> body = signUp("scripts@hostile.example");
        body.put("firstName", "Zoë \ud83d\udc69\u200d\ud83d\udcbb");
        body.put("lastName", "مرحبا‌نام");
        body.put("needsOther", "Zeile eins\r\nZeile zwei\tmit Tab");
        Response answer = postJson(c.slug, body);
        answer.then().statusCode(201);
        JsonPath stored = Attendees.get(Attendees.secret(answer.jsonPath()));
        assertThat(stored.getString("firstName")).isEqualTo("Zoë \ud83d\udc69\u200d\ud83d\udcbb");
        assertThat(stored.getString("lastName")).isEqualTo("مرحبا‌نام");
    }

    @Test
    void aLongFieldIsTooLongAndABodyOverTheLimitIs413() throws Exception {
        Conference c = conference("hostile-size");
        Map<String, Object> body = signUp("size@hostile.example");
        body.put("organisation", "x".repeat(200_000));
        assertRefused(postJson(c.slug, body), "organisation", "TOO_LONG");

        body.put("organisation", "x".repeat(5 * 1024 * 1024));
        HttpResponse<String> huge = postLarge("/api/conferences/" + c.slug + "/registrations", "application/json",
                json(body));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(stored(c)).isZero();

        HttpResponse<String> hugeForm = postLarge("/conferences/" + c.slug + "/registrations",
                "application/x-www-form-urlencoded", "firstName=Erika&lastName=" + "x".repeat(5 * 1024 * 1024));
        assertThat(hugeForm.statusCode()).isEqualTo(413);
        assertThat(stored(c)).isZero();
    }

    @Test
    void deeplyNestedWrongTypedAndWronglyTypedBodiesAreRefused() {
        Conference c = conference("hostile-shape");
        String nested = "{\"firstName\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(postRaw(c.slug, nested, "application/json").statusCode()).isEqualTo(400);
        for (String wrong : List.of("{\"firstName\":{\"a\":1}}", "{\"items\":\"eins\"}", "{\"items\":[\"x\"]}",
                "{\"items\":[null]}", "{\"attendance\":42}", "{\"attendance\":\"MARS\"}", "{\"privacyConsent\":[]}",
                "[1,2,3]", "\"text\"", "null", "", "{", "{\"firstName\":\"\\ud800\"}", "\u0000")) {
            Response answer = postRaw(c.slug, wrong, "application/json");
            assertThat(answer.statusCode()).as("answer to %s", wrong).isEqualTo(400);
            assertThat(answer.contentType()).as("type of the answer to %s", wrong).startsWith(ProblemDetail.MEDIA_TYPE);
        }
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x")) {
            Response answer = postRaw(c.slug, "{}", type);
            assertThat(answer.statusCode()).as("answer to %s", type).isEqualTo(415);
            assertThat(answer.contentType()).startsWith(ProblemDetail.MEDIA_TYPE);
        }
        assertThat(stored(c)).isZero();
    }

    @Test
    void theSignUpFormShowsTheRefusedFieldAndStoresNothing() {
        Conference c = conference("hostile-form");
        Response answer = form(c.slug, Map.of("firstName", "Erika\u0000", "lastName", "\u202eMustermann", "email",
                "form@hostile.example", "attendance", "ON_SITE", "privacyConsent", "true"));
        assertThat(answer.statusCode()).isEqualTo(400);
        String page = answer.asString();
        assertThat(page).contains("id=\"f-firstName\"").contains("aria-invalid=\"true\"");
        assertThat(page).contains("Steuer- oder Sonderzeichen");
        assertThat(stored(c)).isZero();
    }

    @Test
    void theManageApiRefusesWrongShapesAndKeepsTheRegistration() {
        Conference c = conference("hostile-manage");
        String secret = Attendees.secret(Attendees.signUp(c.slug, "manage@hostile.example"));
        JsonPath before = Attendees.get(secret);
        for (String wrong : List.of("{\"items\":[\"\\u0000\"]}", "{\"items\":[null]}", "{\"items\":{}}",
                "{\"attendance\":\"\\u0000\"}", "{\"items\":[" + "1,".repeat(20_000) + "1]}",
                "{\"items\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "", "null", "\u0000")) {
            Response answer = given().contentType("application/json").body(wrong).when()
                    .patch("/api/registrations/{secret}", secret);
            assertThat(answer.statusCode()).as("answer to %s", abbreviated(wrong)).isBetween(400, 499);
        }
        Response typed = given().contentType("text/plain").body("{}").when().patch("/api/registrations/{secret}",
                secret);
        assertThat(typed.statusCode()).isEqualTo(415);
        assertThat(Attendees.get(secret).getMap("")).isEqualTo(before.getMap(""));
    }

    /**
     * Generated sign-ups with hostile fragments in random fields, over the API and the form: never a 5xx; a refused one
     * stores nothing; an accepted one is stored exactly as sent (no character replaced by "?").
     */
    @Test
    void generatedHostileSignUpsNeverFailTheServer() {
        System.out.printf("HostileInputTest seed %d (replay with -Dhostile.seed=%d), %d cases%n", SEED, SEED, CASES);
        Random random = new Random(SEED);
        Conference c = conference("hostile-generated");
        AgendaItem workshop = TestConferences.addItem(c, "Workshop", AgendaItemKind.WORKSHOP, c.startsAt,
                Duration.ofHours(1), 20);
        int accepted = 0;
        int refused = 0;
        for (int n = 0; n < CASES; n++) {
            String email = "gen-" + n + "@hostile.example";
            Map<String, Object> body = signUp(email);
            if (random.nextInt(4) == 0) {
                body.put("items", List.of(workshop.id));
            }
            int hostileFields = 1 + random.nextInt(3);
            for (int f = 0; f < hostileFields; f++) {
                String field = TEXT_FIELDS.get(random.nextInt(TEXT_FIELDS.size()));
                String value = field.equals("email") ? "gen-" + n + mix(random) + "@hostile.example"
                        : "Erika" + mix(random);
                body.put(field, value);
            }
            boolean viaForm = random.nextBoolean();
            if (viaForm) {
                body.replaceAll((name, value) -> value instanceof String text ? asBrowserSends(text) : value);
            }
            Response answer = viaForm ? form(c.slug, asForm(body)) : postJson(c.slug, body);
            String what = (viaForm ? "form " : "API ") + escaped(body) + " (seed " + SEED + ", case " + n + ")";
            assertThat(answer.statusCode()).as("status of %s", what).isIn(201, 303, 400);
            String storedEmail = EmailAddresses.normalise(body.get("email").toString()).orElse("-");
            Registration registration = QuarkusTransaction.requiringNew().call(() -> Registration
                    .<Registration> find("conference.id = ?1 and email = ?2", c.id, storedEmail).firstResult());
            if (answer.statusCode() == 400) {
                refused++;
                assertThat(registration).as("stored after refusing %s", what).isNull();
            } else {
                accepted++;
                assertThat(registration).as("stored after accepting %s", what).isNotNull();
                assertThat(registration.firstName).as("first name stored for %s", what)
                        .isEqualTo(body.get("firstName").toString().strip());
                assertThat(registration.lastName).as("last name stored for %s", what)
                        .isEqualTo(body.get("lastName").toString().strip());
            }
        }
        System.out.printf(
                "HostileInputTest: %d generated sign-ups, %d accepted, %d refused with 400, 0 server errors%n", CASES,
                accepted, refused);
        assertThat(refused).as("refused cases (the generator must produce hostile input)").isPositive();
    }

    private static String mix(Random random) {
        StringBuilder value = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            value.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        return value.toString();
    }

    private static void assertRefused(Response answer, String field, String code) {
        assertThat(answer.statusCode()).as("status").isEqualTo(400);
        assertThat(answer.contentType()).startsWith(ProblemDetail.MEDIA_TYPE);
        List<Map<String, String>> errors = answer.jsonPath().getList("errors");
        assertThat(errors).as("field errors").anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(field);
            assertThat(e.get("code")).isEqualTo(code);
        });
    }

    private static Conference conference(String slug) {
        return TestConferences.create(slug, conf -> conf.onsiteCapacity = 500);
    }

    private static Map<String, Object> signUp(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", "Erika");
        body.put("lastName", "Mustermann");
        body.put("email", email);
        body.put("attendance", "ON_SITE");
        body.put("items", List.of());
        body.put("privacyConsent", true);
        body.put("locale", "de");
        return body;
    }

    private static Map<String, String> asForm(Map<String, Object> body) {
        Map<String, String> form = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (name.equals("items")) {
                List<?> items = (List<?>) value;
                if (!items.isEmpty()) {
                    form.put("items-1", items.get(0).toString());
                }
            } else {
                form.put(name, value.toString());
            }
        });
        return form;
    }

    /** A browser sends U+FFFD for a character UTF-8 cannot hold (an unpaired surrogate). */
    private static String asBrowserSends(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(ch).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(ch) ? '\ufffd' : ch);
            }
        }
        return out.toString();
    }

    /**
     * The body as JSON with every character outside printable ASCII escaped (as JSON escapes), so an unpaired surrogate
     * reaches the server as it is, not replaced on the way.
     */
    private static Response postJson(String slug, Map<String, Object> body) {
        return postRaw(slug, json(body), "application/json");
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> members = new ArrayList<>();
            map.forEach((k, v) -> members.add(json(k) + ":" + json(v)));
            return "{" + String.join(",", members) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(HostileInputTest::json).toList()) + "]";
        }
        if (value instanceof String text) {
            StringBuilder out = new StringBuilder("\"");
            text.chars().forEach(ch -> out.append(ch < 0x20 || ch > 0x7e || ch == '"' || ch == '\\'
                    ? String.format("\\u%04x", ch) : String.valueOf((char) ch)));
            return out.append('"').toString();
        }
        return String.valueOf(value);
    }

    /** Posts the sign-up form as a browser does: with the CSRF cookie of the page and its token. */
    private static Response form(String slug, Map<String, String> fields) {
        Response page = given().when().get("/conferences/{slug}", slug);
        String csrf = page.getCookie("csrf-token");
        assertThat(csrf).as("CSRF cookie of the conference page").isNotBlank();
        StringBuilder body = new StringBuilder("csrf-token=").append(csrf);
        fields.forEach((name, value) -> body.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return given().redirects().follow(false).cookie("csrf-token", csrf)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body.toString()).when()
                .post("/conferences/{slug}/registrations", slug);
    }

    private static Response postRaw(String slug, String body, String type) {
        return given().contentType(type).body(body.getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/conferences/{slug}/registrations", slug);
    }

    /**
     * A body over the limit, sent as a careful client does ({@code Expect: 100-continue}): the server refuses it from
     * its length before it is sent.
     */
    private static HttpResponse<String> postLarge(String path, String type, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .version(HttpClient.Version.HTTP_1_1).expectContinue(true).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long stored(Conference c) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.count("conference.id", c.id));
    }

    private static String escaped(Map<String, Object> body) {
        List<String> parts = new ArrayList<>();
        body.forEach((k, v) -> parts.add(k + "=" + abbreviated(String.valueOf(v))));
        return String.join(", ", parts);
    }

    private static String abbreviated(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().limit(80).forEach(
                ch -> out.append(ch < 0x20 || ch > 0x7e ? String.format("\\u%04x", ch) : String.valueOf((char) ch)));
        return value.length() > 80 ? out + "…(" + value.length() + ")" : out.toString();
    }
}
