package de.konferenzbuero.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.security.Organisers;

/** The organiser's view of a conference filling up: per day, per mode, by organisation; and the overview's split. */
@QuarkusTest
class DashboardTest {

    @Test
    void signUpsPerDayFillLevelAndOrganisations() {
        Conference c = TestConferences.create("dashboard-fill", conf -> conf.onsiteCapacity = 2);
        String first = Attendees.secret(signUp(c, "eins@dashboard.example", "Stadt Lemgo"));
        signUp(c, "zwei@dashboard.example", "stadt lemgo ");
        signUp(c, "drei@dashboard.example", "Kreis Lippe");
        signUp(c, "vier@dashboard.example", "Stadt Lemgo"); // on the waitlist: not counted below
        Attendees.cancel(first); // drei moves up

        Organisers.Session organiser = Organisers.login(Organisers.KTS);
        String page = organiser.page("/organiser/conferences/{id}/dashboard", c.id);
        assertThat(page).contains("5 Anmeldungen und Nachrücker an einem Tag, 1 Stornierung.")
                .contains("<td>3</td><td>2</td><td>1</td>") // places given (2 + 1 promoted), waitlisted, ended
                .contains("data-value=\"100\">100 %</td><td>2</td><td>2</td><td>1</td>")
                .contains("<th scope=\"row\">stadt lemgo</th><td>1</td>")
                .contains("<th scope=\"row\">Kreis Lippe</th><td>1</td>")
                .contains("Der Einlass beginnt mit der Veranstaltung.")
                .contains("data-chart=\"days\"", "/js/charts.js");

        String overview = organiser.page("/organiser");
        assertThat(overview).contains("Anstehend").contains("aria-label=\"Belegung: Testkonferenz dashboard-fill");
    }

    private static io.restassured.path.json.JsonPath signUp(Conference c, String email, String organisation) {
        var response = Attendees.post(c.slug,
                Map.of("firstName", "Test", "lastName", "Dashboard", "email", email, "organisation", organisation,
                        "attendance", "ON_SITE", "items", List.of(), "privacyConsent", true, "locale", "de"));
        response.then().statusCode(201);
        return response.jsonPath();
    }
}
