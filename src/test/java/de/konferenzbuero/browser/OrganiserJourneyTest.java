package de.konferenzbuero.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.konferenzbuero.browser.JourneyTest.WORKSHOP_DATA;
import static de.konferenzbuero.browser.JourneyTest.exactly;
import static de.konferenzbuero.browser.JourneyTest.heading;
import static de.konferenzbuero.browser.JourneyTest.name;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;

/**
 * An organiser's journey through the organiser area in a real (headless) Chromium, in German: logs in through the login
 * form, opens a conference from the dashboard, moves a workshop to another room and time in the agenda editor and sees
 * the change in the agenda, finds in the registrations a registration made beforehand through the public API, and logs
 * out. The conference is the journey's own ({@link JourneyTest#conferenceWithWorkshops}); locators go by role and
 * visible label, as in {@link JourneyTest}.
 */
@QuarkusTest
class OrganiserJourneyTest {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TestHTTPResource("/")
    URL root;

    static Browser browser;

    Page page;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = browser.newPage("de-DE");
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            page.context().close();
        }
    }

    @Test
    void organiserLogsInEditsTheAgendaAndSeesARegistration() {
        Conference conference = JourneyTest.conferenceWithWorkshops("reise-veranstalter", "Reise: Programm ändern");
        AgendaItem workshop = JourneyTest.item(conference, WORKSHOP_DATA);
        String email = JourneyTest.email("veranstalter");
        String lastName = email.substring(0, email.indexOf('@'));
        Attendees.signUp(conference.slug, email, workshop.id);
        String conferencePath = "/organiser/conferences/" + conference.id;

        // The organiser area asks to log in first, and comes back after it.
        page.navigate(url("/organiser"));
        page.waitForURL(Pattern.compile(".*/organiser/login\\?next=%2Forganiser$"));
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText("Anmeldung für Veranstaltende");
        page.getByLabel("E-Mail-Adresse").fill(Account.ORGANISER.email);
        page.getByLabel("Passwort").fill(Account.PASSWORD);
        page.getByRole(AriaRole.BUTTON, exactly("Anmelden")).click();
        page.waitForURL(url("/organiser"));
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText("Ihre Konferenzen");
        assertThat(page.getByRole(AriaRole.NAVIGATION, name("Veranstalterbereich"))).containsText("Angemeldet als");

        // The conference, from the dashboard.
        page.getByRole(AriaRole.LINK, exactly(conference.title)).click();
        page.waitForURL(url(conferencePath));
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText(conference.title);

        // The agenda: the workshop moves to another room and half an hour later.
        page.getByRole(AriaRole.LINK, exactly("Programm")).click();
        page.waitForURL(url(conferencePath + "/agenda"));
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText("Programm");
        // The link's name ends with the item's title, for screen readers ("Bearbeiten: Werkstatt ...").
        page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions()
                        .setName(Pattern.compile("^Bearbeiten\\s*: " + JourneyTest.literal(WORKSHOP_DATA) + "$")))
                .click();
        page.waitForURL(url(conferencePath + "/agenda/" + workshop.id));
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText("Programmpunkt bearbeiten");
        assertThat(page.getByLabel(Pattern.compile("^Titel"))).hasValue(WORKSHOP_DATA);
        Locator start = page.getByLabel(Pattern.compile("^Beginn"));
        Locator end = page.getByLabel(Pattern.compile("^Ende"));
        LocalDateTime newStart = LocalDateTime.parse(start.inputValue()).plusMinutes(30);
        LocalDateTime newEnd = LocalDateTime.parse(end.inputValue()).plusMinutes(30);
        page.getByLabel("Raum oder Ort").fill("Ratssaal, 2. OG");
        start.fill(newStart.toString());
        end.fill(newEnd.toString());
        page.getByRole(AriaRole.BUTTON, exactly("Speichern")).click();

        page.waitForURL(url(conferencePath + "/agenda?notice=saved"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("gespeichert")))
                .containsText("Der Programmpunkt ist gespeichert.");
        Locator row = page.getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.ROWHEADER, name(WORKSHOP_DATA))));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Ratssaal, 2. OG");
        assertThat(row).containsText(newStart.format(TIME) + "–" + newEnd.format(TIME));
        AgendaItem saved = JourneyTest.item(conference, WORKSHOP_DATA);
        Assertions.assertThat(saved.location).isEqualTo("Ratssaal, 2. OG");
        Assertions.assertThat(saved.startsAt).isEqualTo(newStart.atZone(BERLIN).toInstant());
        Assertions.assertThat(Duration.between(saved.startsAt, saved.endsAt)).isEqualTo(Duration.ofHours(2));

        // The registrations, from the conference page: the one made through the API, with its workshop.
        page.getByRole(AriaRole.LINK, exactly("Zurück zur Konferenz")).click();
        page.waitForURL(url(conferencePath));
        page.getByRole(AriaRole.LINK, exactly("Anmeldungen")).click();
        page.waitForURL(url(conferencePath + "/registrations"));
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText("Anmeldungen");
        Locator registration = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(email));
        assertThat(registration).hasCount(1);
        assertThat(registration).containsText(WORKSHOP_DATA + ": Platz bestätigt");
        registration.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(lastName + ", Test")).click();
        page.waitForURL(Pattern.compile(".*" + JourneyTest.literal(conferencePath) + "/registrations/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText("Test " + lastName);
        assertThat(page.getByLabel("E-Mail-Adresse")).hasValue(email);

        // Log out: the session is gone, the organiser area asks to log in again.
        page.getByRole(AriaRole.BUTTON, exactly("Abmelden")).click();
        page.waitForURL(url("/organiser/login?notice=logged-out"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Sie sind abgemeldet.");
        Assertions.assertThat(page.context().cookies()).noneMatch(c -> c.name.equals("kb_session"));
        page.navigate(url(conferencePath + "/registrations"));
        page.waitForURL(Pattern.compile(".*/organiser/login\\?next=.*"));
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText("Anmeldung für Veranstaltende");
    }

    String url(String path) {
        return root.getProtocol() + "://" + root.getAuthority() + path;
    }
}
