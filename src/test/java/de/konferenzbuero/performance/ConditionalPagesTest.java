package de.konferenzbuero.performance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;

/**
 * The catalogue and the conference page, the pages everybody opens when registration starts, carry an ETag: a browser
 * that asks again with it gets 304 without a body while the page is the same for it, and the new page as soon as the
 * free places changed. They are revalidated on every request, so the places shown are never stale.
 */
@QuarkusTest
class ConditionalPagesTest {

    static final String CSRF = "csrf-token";

    @Test
    void unchangedPagesAnswer304UntilTheFreePlacesChange() {
        Conference page = TestConferences.create("etag-seite", conf -> conf.onsiteCapacity = 12);
        Conference listed = TestConferences.create("etag-katalog", conf -> conf.onsiteCapacity = 12);
        for (Conference c : new Conference[] { page, listed }) {
            String path = c == page ? "/conferences/" + c.slug : "/";
            Response first = given().when().get(path);
            first.then().statusCode(200);
            assertThat(first.getHeader("Cache-Control")).as("Cache-Control of %s", path).contains("private")
                    .contains("no-cache");
            String etag = first.getHeader("ETag");
            String cookie = first.getCookie(CSRF);
            assertThat(etag).as("ETag of %s", path).isNotBlank();
            assertThat(first.asString()).contains("12 Plätze frei");

            Response again = given().cookie(CSRF, cookie).header("If-None-Match", etag).when().get(path);
            again.then().statusCode(304).header("ETag", etag);
            assertThat(again.asString()).isEmpty();

            Attendees.signUp(c.slug, c.slug + "@etag.example");
            Response changed = given().cookie(CSRF, cookie).header("If-None-Match", etag).when().get(path);
            changed.then().statusCode(200);
            assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
            assertThat(changed.asString()).contains("11 Plätze frei");
        }
    }
}
