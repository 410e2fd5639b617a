package de.konferenzbuero.backoffice;

import static de.konferenzbuero.Attendees.signUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.security.Organisers;

/**
 * The organisers' registrations table shows 100 rows a page, with links to the pages before and after that keep the
 * filters; a page number beyond the last or not a number shows a page that exists.
 */
@QuarkusTest
class RegistrationTablePagingTest {

    private static long conferenceId;

    /** Made once, by the first test (REST Assured knows the app's port only inside a test). */
    @BeforeEach
    void aConferenceWith105Registrations() {
        if (conferenceId != 0) {
            return;
        }
        Conference c = TestConferences.create("paged-table", conf -> conf.onsiteCapacity = 500);
        for (int i = 1; i <= 105; i++) {
            String email = String.format("person%03d@paged.example", i);
            if (i == 50 || i == 104) { // two with needs, one of them beyond the first page
                Attendees
                        .post(c.slug, Map.of("firstName", "Test", "lastName", email.substring(0, 9), "email", email,
                                "attendance", "ON_SITE", "privacyConsent", true, "needsWheelchair", i == 50,
                                "needsSignLanguage", i == 104, "dietaryNeeds", i == 50 ? "vegan" : "laktosefrei"))
                        .then().statusCode(201);
            } else {
                signUp(c.slug, email);
            }
        }
        conferenceId = c.id;
    }

    @Test
    void theFirstPageShows100RowsAndLinksToTheNext() {
        String page = table("");

        assertThat(page).contains("105 Anmeldungen", "Seite 1 von 2 (Anmeldungen 1 bis 100)",
                "href=\"?page=2\" rel=\"next\">Nächste Seite</a>").doesNotContain("rel=\"prev\"");
        assertThat(rows(page)).isEqualTo(100);
    }

    @Test
    void theLastPageShowsTheRestAndLinksBack() {
        String page = table("?page=2");

        assertThat(page).contains("105 Anmeldungen", "Seite 2 von 2 (Anmeldungen 101 bis 105)",
                "href=\"?page=1\" rel=\"prev\">Vorherige Seite</a>").doesNotContain("rel=\"next\"");
        assertThat(rows(page)).isEqualTo(5);
    }

    @Test
    void aPageBeyondTheLastOrNoNumberShowsOneThatExists() {
        assertThat(table("?page=999")).contains("Seite 2 von 2");
        assertThat(table("?page=zwei")).contains("Seite 1 von 2");
        assertThat(table("?page=-3")).contains("Seite 1 von 2");
    }

    @Test
    void thePageLinksKeepTheFilters() {
        String page = table("?q=paged.example&status=CONFIRMED");

        assertThat(page).contains("105 Anmeldungen",
                "href=\"?page=2&amp;q=paged.example&amp;status=CONFIRMED\" rel=\"next\"");
        String filtered = table("?q=person10&status=CONFIRMED");
        assertThat(filtered).contains("6 Anmeldungen").doesNotContain("class=\"pager\""); // person100 to 105
        assertThat(rows(filtered)).isEqualTo(6);
    }

    /** The needs above the table are those of every confirmed attendee, not only of the rows on the page. */
    @Test
    void theNeedsAreSummedOverEveryPage() {
        assertThat(table("")).contains("Rollstuhlgerechter Zugang: 1", "Gebärdensprachdolmetschung: 1",
                "Test person050: vegan", "Test person104: laktosefrei");
    }

    @Test
    void inEnglishTooWithTheRowsItShows() {
        String page = Organisers.login(Organisers.KTS).page("/organiser/conferences/{id}/registrations?page=2&lang=en",
                conferenceId);

        assertThat(page).contains("Page 2 of 2 (registrations 101 to 105)", "Previous page");
    }

    private static String table(String query) {
        return Organisers.login(Organisers.KTS).page("/organiser/conferences/{id}/registrations" + query, conferenceId);
    }

    /** The rows of the registrations table: each starts with the link to its registration. */
    private static int rows(String page) {
        return page.split("<th scope=\"row\"><a href=\"/organiser/conferences/" + conferenceId + "/registrations/",
                -1).length - 1;
    }
}
