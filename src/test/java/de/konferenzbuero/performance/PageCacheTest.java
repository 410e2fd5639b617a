package de.konferenzbuero.performance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;

/**
 * The catalogue, the conference page and its public JSON are kept rendered (http/PageCache) and checked against the
 * database's content stamp: a stored page costs one statement, carries each visitor's own CSRF token, and shows any
 * change of what it is made of, by this instance or another one (a change made in SQL stands for the other instance),
 * on the next request (in tests the stamp is checked on every request; in production at most a second later). When
 * registration opens, the stored page is rendered anew without any change in the database.
 */
@QuarkusTest
class PageCacheTest {

    static final String CSRF = ConditionalPagesTest.CSRF;

    private static final Pattern TOKEN_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void aStoredPageCostsOneStatementAndCarriesTheVisitorsOwnToken() {
        Conference c = TestConferences.create("cache-token", conf -> conf.onsiteCapacity = 20);
        String path = "/conferences/" + c.slug;
        Response first = given().when().get(path);
        first.then().statusCode(200);
        assertThat(token(first)).isEqualTo(first.getCookie(CSRF));

        Response other = given().header(StatementCounting.ASK, "1").when().get(path);
        other.then().statusCode(200);
        assertThat(other.getHeader(StatementCounting.ANSWER)).as("statements of a stored page").isEqualTo("1");
        String token = other.getCookie(CSRF);
        assertThat(token).isNotEqualTo(first.getCookie(CSRF));
        assertThat(token(other)).as("the second visitor's own token").isEqualTo(token);
        assertThat(other.asString()).doesNotContain(first.getCookie(CSRF)).contains("20 Plätze frei");
        assertThat(other.getHeader("ETag")).isNotEqualTo(first.getHeader("ETag"));

        Response again = given().cookie(CSRF, token).header("If-None-Match", other.getHeader("ETag"))
                .header(StatementCounting.ASK, "1").when().get(path);
        again.then().statusCode(304);
        assertThat(again.getHeader(StatementCounting.ANSWER)).isEqualTo("1");

        given().redirects().follow(false).cookie(CSRF, token).contentType(ContentType.URLENC)
                .formParam(CSRF, token(other)).formParam("firstName", "Erika").formParam("lastName", "Muster")
                .formParam("email", "erika@cache.example").formParam("privacyConsent", "true").when()
                .post(path + "/registrations").then().statusCode(303);
        assertThat(given().get(path).asString()).contains("19 Plätze frei");

        Response english = given().queryParam("lang", "en").when().get(path);
        assertThat(english.asString()).contains("lang=\"en\"").contains("19 places left");
        assertThat(given().cookie("lang", "de").get(path).asString()).contains("lang=\"de\"");
    }

    @Test
    void aChangeMadeByAnotherInstanceShowsOnTheNextRequest() {
        Conference c = TestConferences.create("cache-change", conf -> conf.onsiteCapacity = 20);
        AgendaItem item = TestConferences.addItem(c, "Workshop Datenräume", AgendaItemKind.WORKSHOP,
                c.startsAt.plus(Duration.ofHours(1)), Duration.ofHours(1), 10);
        String page = "/conferences/" + c.slug;
        String json = "/api/conferences/" + c.slug;
        assertThat(given().get(page).asString()).contains("Workshop Datenräume").contains("10 von 10");
        assertThat(given().get("/").asString()).contains(c.title);
        Response api = given().get(json);
        api.then().statusCode(200).body("title", org.hamcrest.Matchers.equalTo(c.title));
        given().header("If-None-Match", api.getHeader("ETag")).get(json).then().statusCode(304);

        sql("update agenda_item set title = 'Workshop Offene Daten', taken = 3 where id = " + item.id);
        assertThat(given().get(page).asString()).contains("Workshop Offene Daten").contains("7 von 10")
                .doesNotContain("Workshop Datenräume");
        given().header("If-None-Match", api.getHeader("ETag")).get(json).then().statusCode(200).body("agenda[0].title",
                org.hamcrest.Matchers.equalTo("Workshop Offene Daten"));

        sql("update organisation set name = name || ' (neu)' where id = (select organisation_id from conference where id = "
                + c.id + ")");
        try {
            assertThat(given().get(page).asString()).contains("(neu)");
        } finally {
            sql("update organisation set name = replace(name, ' (neu)', '') where id = (select organisation_id from conference where id = "
                    + c.id + ")");
        }

        sql("update conference set status = 'DRAFT' where id = " + c.id);
        given().get(page).then().statusCode(404);
        given().get(json).then().statusCode(404);
        assertThat(given().get("/").asString()).doesNotContain(c.title);
    }

    /**
     * Joining or leaving a waitlist changes no conference or item row, only the registration or booking; the stored
     * JSON still tells the waitlists as they are.
     */
    @Test
    void theStoredJsonCountsTheWaitlistsAsTheyAre() {
        Conference c = TestConferences.create("cache-waitlist", conf -> conf.onsiteCapacity = 2);
        AgendaItem item = TestConferences.addItem(c, "Workshop Warteliste", AgendaItemKind.WORKSHOP,
                c.startsAt.plus(Duration.ofHours(1)), Duration.ofHours(1), 1);
        String json = "/api/conferences/" + c.slug;
        Attendees.signUp(c.slug, "erste@cache-waitlist.example", item.id);
        String second = Attendees.secret(Attendees.signUp(c.slug, "zweite@cache-waitlist.example"));
        given().get(json).then().body("places.ON_SITE.waitlisted", equalTo(0)).body("agenda[0].places.waitlisted",
                equalTo(0));

        String third = Attendees.secret(Attendees.signUp(c.slug, "dritte@cache-waitlist.example"));
        given().get(json).then().body("places.ON_SITE.waitlisted", equalTo(1));
        Attendees.cancel(third);
        given().get(json).then().body("places.ON_SITE.waitlisted", equalTo(0));

        Attendees.patch(second, Map.<String, Object> of("items", List.of(item.id))).then().statusCode(200);
        given().get(json).then().body("agenda[0].places.waitlisted", equalTo(1));
    }

    @Test
    void theStoredPageIsRenderedAnewWhenRegistrationOpens() throws InterruptedException {
        Instant opens = Instant.now().plusSeconds(2);
        Conference c = TestConferences.create("cache-opens", conf -> conf.registrationOpensAt = opens);
        String path = "/conferences/" + c.slug;
        String before = given().get(path).asString();
        assertThat(before).contains("Die Anmeldung öffnet am").doesNotContain("id=\"signup-heading\"");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), opens).toMillis()) + 200);
        assertThat(given().get(path).asString()).contains("id=\"signup-heading\"")
                .doesNotContain("Die Anmeldung öffnet am");
    }

    private static String token(Response page) {
        Matcher m = TOKEN_FIELD.matcher(page.asString());
        assertThat(m.find()).as("the page has a CSRF field").isTrue();
        return m.group(1);
    }

    private static void sql(String statement) {
        QuarkusTransaction.requiringNew().run(
                () -> Arc.container().instance(EntityManager.class).get().createNativeQuery(statement).executeUpdate());
    }
}
