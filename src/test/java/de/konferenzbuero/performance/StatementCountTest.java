package de.konferenzbuero.performance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.security.Organisers;

/**
 * No page asks the database once per conference, agenda item or registration (N+1): the main pages, lists, exports and
 * feeds are counted (SQL statements per request, {@link StatementCounting}) before and after the data they show grew,
 * and the count must stay the same, give or take {@value #SLACK}. Growth is chosen larger than the slack, so one query
 * per entry shows.
 */
@QuarkusTest
class StatementCountTest {

    /** Statements a page may differ by for reasons that do not grow with the data (e.g. a first filled table). */
    static final int SLACK = 2;
    static final int MORE = 6;
    /** More than two of Hibernate's fetch batches at Quarkus' default size (16), so batches that are too small show. */
    static final int MORE_REGISTRATIONS = 40;

    @Test
    void listsAndFeedsDoNotQueryPerConference() {
        for (int i = 0; i < 2; i++) {
            fullConference("scale-list-" + i, 2, 3);
        }
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        String token = Organisers.apiToken(Organisers.KTS, "scale-list");
        Map<String, Function<String, Integer>> pages = new LinkedHashMap<>();
        pages.put("/", StatementCountTest::anonymous);
        pages.put("/api/conferences", StatementCountTest::anonymous);
        pages.put("/api/feed/conferences?limit=100", StatementCountTest::anonymous);
        pages.put("/feeds/conferences.ics", StatementCountTest::anonymous);
        pages.put("/feeds/conferences.atom", StatementCountTest::anonymous);
        pages.put("/feeds/organisations/kts/conferences.ics", StatementCountTest::anonymous);
        pages.put("/embed/kts/conferences", StatementCountTest::anonymous);
        pages.put("/organiser", path -> counted(organiser.request(), path));
        pages.put("/api/organiser/conferences", path -> counted(given().auth().oauth2(token), path));
        Map<String, Integer> before = count(pages);

        for (int i = 2; i < 2 + MORE; i++) {
            fullConference("scale-list-" + i, 2, 3);
        }
        assertSameCounts(before, count(pages));
    }

    @Test
    void conferencePagesDoNotQueryPerItemOrRegistration() {
        Conference c = fullConference("scale-one", 2, 5);
        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        String token = Organisers.apiToken(Organisers.KTS, "scale-one");
        Map<String, Function<String, Integer>> pages = new LinkedHashMap<>();
        pages.put("/conferences/" + c.slug, StatementCountTest::anonymous);
        pages.put("/api/conferences/" + c.slug, StatementCountTest::anonymous);
        pages.put("/feeds/conferences/" + c.slug + "/agenda.ics", StatementCountTest::anonymous);
        String o = "/organiser/conferences/" + c.id;
        for (String path : List.of(o, o + "/agenda", o + "/registrations", o + "/exports", o + "/attendees.csv",
                o + "/attendees.xlsx", o + "/consents.csv", o + "/print", o + "/badges", o + "/dashboard",
                o + "/checkin", o + "/approvals", o + "/after")) {
            pages.put(path, p -> counted(organiser.request(), p));
        }
        String api = "/api/organiser/conferences/" + c.id;
        for (String path : List.of(api, api + "/registrations", api + "/registrations.csv")) {
            pages.put(path, p -> counted(given().auth().oauth2(token), p));
        }
        Map<String, Integer> before = count(pages);

        addItems(c, MORE, 2);
        List<Long> items = QuarkusTransaction.requiringNew().call(() -> AgendaItem
                .<AgendaItem> list("conference.id = ?1 and bookable = true", c.id).stream().map(i -> i.id).toList());
        for (int i = 0; i < MORE_REGISTRATIONS; i++) {
            Attendees.signUp(c.slug, "more-" + i + "@scale.example", items.get(i % items.size()));
        }
        assertSameCounts(before, count(pages));

        // the positions the lists now read in one query: 1, 2, 3, ... in the order of arrival, as each attendee sees
        var list = given().auth().oauth2(token).when().get(api + "/registrations").then().statusCode(200).extract()
                .jsonPath();
        List<Integer> positions = list.getList("findAll { it.status == 'WAITLISTED' }.waitlistPosition");
        assertThat(positions).hasSize(2 + MORE_REGISTRATIONS).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, positions.size()).boxed().toList());
        assertThat(organiser.page(o + "/attendees.csv")).contains("Warteliste " + positions.size());
        assertThat(organiser.page(o + "/registrations")).contains("Warteliste (" + positions.size() + ")");
    }

    /**
     * A published hybrid conference with tags and bookable items of 2 places each, 3 places on site; the registrations
     * book the items in turn, so from the fourth on they wait for a place, and from the fifth for items too.
     */
    private static Conference fullConference(String slug, int items, int registrations) {
        Conference c = TestConferences.create(slug, conf -> {
            conf.format = ConferenceFormat.HYBRID;
            conf.onsiteCapacity = 3;
            conf.onlineCapacity = 100;
            conf.tags.add("Skalierung");
            conf.region = "Lippe";
        });
        addItems(c, items, 2);
        List<Long> ids = QuarkusTransaction.requiringNew()
                .call(() -> AgendaItem.<AgendaItem> list("conference.id = ?1", c.id).stream().map(i -> i.id).toList());
        for (int i = 0; i < registrations; i++) {
            Attendees.signUp(slug, "r" + i + "@" + slug + ".example", ids.get(i % ids.size()));
        }
        return c;
    }

    private static void addItems(Conference c, int n, int places) {
        for (int i = 0; i < n; i++) {
            TestConferences.addItem(c, "Workshop " + i, AgendaItemKind.WORKSHOP,
                    c.startsAt.plus(Duration.ofMinutes(30L * i)), Duration.ofMinutes(30), places);
        }
    }

    private static Map<String, Integer> count(Map<String, Function<String, Integer>> pages) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        pages.forEach((path, request) -> counts.put(path, request.apply(path)));
        return counts;
    }

    private static void assertSameCounts(Map<String, Integer> before, Map<String, Integer> after) {
        List<String> grown = new ArrayList<>();
        before.forEach((path, n) -> {
            if (after.get(path) > n + SLACK) {
                grown.add(path + ": " + n + " -> " + after.get(path));
            }
        });
        System.out.println("SQL statements per request, before -> after the data grew: " + before + " -> " + after);
        assertThat(grown).as("pages whose statements grew with the data (N+1)").isEmpty();
    }

    private static int anonymous(String path) {
        return counted(given(), path);
    }

    private static int counted(RequestSpecification request, String path) {
        Response response = request.redirects().follow(false).header(StatementCounting.ASK, "1").when().get(path);
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        String count = response.getHeader(StatementCounting.ANSWER);
        assertThat(count).as("statement count of GET %s", path).isNotNull();
        return Integer.parseInt(count);
    }
}
