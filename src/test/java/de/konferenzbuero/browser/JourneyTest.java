package de.konferenzbuero.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.mail.OutboxMessage;

/**
 * Attendees' journeys through the public pages in a real (headless) Chromium: found in the catalogue, signed up, a
 * workshop swapped, cancelled; the waitlist; a form error shown and fixed; the whole sign-up with the keyboard alone;
 * the same in English. Each journey has a conference of its own ({@link TestConferences}), so journeys depend neither
 * on each other nor on the demo data.
 * <p>
 * The browser speaks German ({@code de-DE}), as most visitors' browsers do; the English journey switches with the link
 * in the header. Locators go by role and visible label, as a visitor (or a screen reader) finds things; waits are on
 * URLs and Playwright's auto-waiting assertions, never on time. Forms in an error state are checked with axe-core
 * ({@link AccessibilityTest#assertNoAxeViolations}), which the page walk of {@link AccessibilityTest} cannot reach.
 */
@QuarkusTest
class JourneyTest {

    /** The manage page right after signing up, after a change, after cancelling. */
    static final Pattern REGISTERED = Pattern.compile(".*/registrations/[A-Za-z0-9_-]{43}\\?notice=registered$");
    static final Pattern CHANGED = Pattern.compile(".*/registrations/[A-Za-z0-9_-]{43}\\?notice=changed$");
    static final Pattern CANCELLED = Pattern.compile(".*/registrations/[A-Za-z0-9_-]{43}\\?notice=cancelled$");
    static final Pattern CANCEL_CONFIRMATION = Pattern.compile(".*/registrations/[A-Za-z0-9_-]{43}/cancel$");

    static final String WORKSHOP_DATA = "Werkstatt Datenplattform";
    static final String WORKSHOP_PARTICIPATION = "Werkstatt Bürgerbeteiligung";
    static final String EXCURSION = "Exkursion zum Reallabor";

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
        page = germanPage();
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            page.context().close();
        }
    }

    // --- 1. Catalogue, sign-up with a workshop, manage link, swap, cancel ------------------------------------------

    @Test
    void findSignUpSwapWorkshopAndCancel() {
        Conference conference = conferenceWithWorkshops("reise-tauschen", "Reise: Anmelden, tauschen, stornieren");
        String email = email("tauschen");

        page.navigate(url("/"));
        page.getByRole(AriaRole.LINK, exactly(conference.title)).click();
        page.waitForURL(url("/conferences/" + conference.slug));
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText(conference.title);

        page.getByLabel("Vorname").fill("Erika");
        page.getByLabel("Nachname").fill("Mustermann");
        page.getByLabel("E-Mail-Adresse").fill(email);
        page.getByLabel("Organisation").fill("Stadt Lemgo");
        page.getByRole(AriaRole.RADIO, name(WORKSHOP_DATA)).check();
        page.getByRole(AriaRole.CHECKBOX, name("Ich habe die Datenschutzhinweise gelesen")).check();
        page.getByRole(AriaRole.BUTTON, name("Verbindlich anmelden")).click();

        page.waitForURL(REGISTERED);
        assertThat(page.getByRole(AriaRole.HEADING, name("Sie sind angemeldet."))).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Vielen Dank für Ihre Anmeldung.");
        assertBookings(booked(WORKSHOP_DATA, "Platz bestätigt"));

        // The page landed on is the manage page; its link (as in the confirmation mail) works on its own, without
        // anything the browser kept: open it in a fresh browser.
        String path = URI.create(page.url()).getPath();
        Assertions.assertThat(path).startsWith("/registrations/");
        String secret = path.substring("/registrations/".length());
        page.context().close();
        page = germanPage();
        page.navigate(url(path));
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText("Ihre Anmeldung");
        assertThat(page.getByRole(AriaRole.HEADING, name("Sie sind angemeldet."))).isVisible();
        assertThat(page.getByRole(AriaRole.RADIO, name(WORKSHOP_DATA))).isChecked();

        // Swap to the parallel workshop.
        page.getByRole(AriaRole.RADIO, name(WORKSHOP_PARTICIPATION)).check();
        page.getByRole(AriaRole.BUTTON, name("Auswahl speichern")).click();
        page.waitForURL(CHANGED);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Ihre Änderungen sind gespeichert.");
        assertBookings(booked(WORKSHOP_PARTICIPATION, "Platz bestätigt"));
        assertThat(page.getByRole(AriaRole.RADIO, name(WORKSHOP_PARTICIPATION))).isChecked();
        JsonPath afterSwap = Attendees.get(secret);
        Assertions.assertThat(afterSwap.getList("items.title")).containsExactly(WORKSHOP_PARTICIPATION);
        Assertions.assertThat(afterSwap.getList("items.status")).containsExactly("CONFIRMED");

        // Cancel, through the confirmation page.
        page.getByRole(AriaRole.LINK, name("Anmeldung stornieren")).click();
        page.waitForURL(CANCEL_CONFIRMATION);
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText("Anmeldung wirklich stornieren?");
        page.getByRole(AriaRole.BUTTON, name("Ja, verbindlich stornieren")).click();
        page.waitForURL(CANCELLED);
        assertThat(page.getByRole(AriaRole.HEADING, name("Ihre Anmeldung ist storniert."))).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Ihre Anmeldung wurde storniert.");
        assertThat(page.getByRole(AriaRole.LINK, name("Anmeldung stornieren"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, name("Auswahl speichern"))).hasCount(0);
        Assertions.assertThat(Attendees.get(secret).getString("status")).isEqualTo("CANCELLED");
    }

    // --- 2. A full conference: the waitlist --------------------------------------------------------------------

    @Test
    void fullConferenceLeadsToTheWaitlist() {
        Conference conference = TestConferences.create("reise-warteliste", c -> {
            c.title = "Reise: Warteliste";
            c.onsiteCapacity = 1;
        });
        Attendees.signUp(conference.slug, email("erste"));

        page.navigate(url("/conferences/" + conference.slug));
        assertThat(page.getByText("Die Veranstaltung ist ausgebucht.")).isVisible();
        fillPerson("Max", "Mustermann", email("warteliste"));
        page.getByRole(AriaRole.CHECKBOX, name("Ich habe die Datenschutzhinweise gelesen")).check();
        page.getByRole(AriaRole.BUTTON, name("Verbindlich anmelden")).click();

        page.waitForURL(REGISTERED);
        Locator status = page.getByRole(AriaRole.HEADING, name("Warteliste"));
        assertThat(status).containsText("Sie stehen auf der Warteliste: Platz 1.");
        assertThat(page.getByRole(AriaRole.LINK, name("Kalender"))).hasCount(0);
        JsonPath registration = Attendees.get(secretOf(page));
        Assertions.assertThat(registration.getString("status")).isEqualTo("WAITLISTED");
        Assertions.assertThat(registration.getInt("waitlistPosition")).isEqualTo(1);
    }

    // --- 3. A form error shown and fixed, checked with axe in both languages -------------------------------------

    /** The texts of the sign-up form and its errors in one language. */
    record FormTexts(String lang, String firstName, String lastName, String email, String organisation, String consent,
            String submit, String summaryTitle, String required, String emailInvalid, String registered,
            String confirmed, String errorPrefix) {
    }

    static final FormTexts GERMAN = new FormTexts("de", "Vorname", "Nachname", "E-Mail-Adresse", "Organisation",
            "Ich habe die Datenschutzhinweise gelesen", "Verbindlich anmelden", "Bitte prüfen Sie Ihre Angaben",
            "Bitte füllen Sie dieses Feld aus.", "Bitte geben Sie eine gültige E-Mail-Adresse an",
            "Sie sind angemeldet.", "Platz bestätigt", "Fehler:");
    static final FormTexts ENGLISH = new FormTexts("en", "First name", "Last name", "E-mail address", "Organisation",
            "I have read the privacy notice", "Register", "Please check your details", "Please fill in this field.",
            "Please enter a valid e-mail address", "You are registered.", "Place confirmed", "Error:");

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = { "de", "en" })
    void formErrorIsShownAccessiblyAndFixed(String lang) {
        FormTexts t = lang.equals("de") ? GERMAN : ENGLISH;
        Conference conference = conferenceWithWorkshops("reise-formularfehler-" + lang,
                "Reise: Formularfehler " + lang);
        String invalidEmail = "erika.mustermann-at-example.org";

        page.navigate(url("/conferences/" + conference.slug + (lang.equals("de") ? "" : "?lang=" + lang)));
        assertThat(page.locator("html")).hasAttribute("lang", lang);
        page.getByLabel(t.lastName()).fill("Mustermann");
        page.getByLabel(t.email()).fill(invalidEmail);
        page.getByLabel(t.organisation()).fill("Gemeinde Kalletal");
        page.getByRole(AriaRole.RADIO, name(WORKSHOP_PARTICIPATION)).check();
        page.getByRole(AriaRole.CHECKBOX, name(t.consent())).check();
        Response refused = submit(page.getByRole(AriaRole.BUTTON, name(t.submit())));

        Assertions.assertThat(refused.status()).as("status of the refused form").isEqualTo(400);
        assertThat(page.locator("html")).hasAttribute("lang", lang);

        // The summary: an alert with one link per error, each to its field.
        Locator summary = page.getByRole(AriaRole.ALERT);
        assertThat(summary).hasCount(1);
        assertThat(summary.getByRole(AriaRole.HEADING)).hasText(t.summaryTitle());
        Locator summaryLinks = summary.getByRole(AriaRole.LINK);
        assertThat(summaryLinks).hasCount(2);
        assertThat(summaryLinks.nth(0)).hasText(t.firstName() + ": " + t.required());
        assertThat(summaryLinks.nth(0)).hasAttribute("href", "#f-firstName");
        assertThat(summaryLinks.nth(1)).containsText(t.email() + ": " + t.emailInvalid());
        assertThat(summaryLinks.nth(1)).hasAttribute("href", "#f-email");

        // Each field: invalid, described by its error text; the input is kept.
        Locator firstName = page.getByLabel(t.firstName());
        Locator email = page.getByLabel(t.email());
        assertFieldError(firstName, t.errorPrefix(), t.required());
        assertFieldError(email, t.errorPrefix(), t.emailInvalid());
        assertThat(page.getByLabel(t.lastName())).not().hasAttribute("aria-invalid", "true");
        assertThat(firstName).hasValue("");
        assertThat(page.getByLabel(t.lastName())).hasValue("Mustermann");
        assertThat(email).hasValue(invalidEmail);
        assertThat(page.getByLabel(t.organisation())).hasValue("Gemeinde Kalletal");
        assertThat(page.getByRole(AriaRole.RADIO, name(WORKSHOP_PARTICIPATION))).isChecked();
        assertThat(page.getByRole(AriaRole.CHECKBOX, name(t.consent()))).isChecked();

        AccessibilityTest.assertNoAxeViolations(page, "sign-up form with errors [" + lang + "]");

        // A summary link takes the visitor to the field.
        summaryLinks.nth(1).click();
        assertThat(email).isFocused();

        firstName.fill("Erika");
        email.fill("erika.mustermann-" + lang + "-" + UUID.randomUUID() + "@example.org");
        page.getByRole(AriaRole.BUTTON, name(t.submit())).click();
        page.waitForURL(REGISTERED);
        assertThat(page.locator("html")).hasAttribute("lang", lang);
        assertThat(page.getByRole(AriaRole.HEADING, name(t.registered()))).isVisible();
        assertBookings(booked(WORKSHOP_PARTICIPATION, t.confirmed()));
    }

    /**
     * The refused form comes back on the conference page, whose error summary sits after the whole agenda (on a phone
     * several screens down): the summary takes the focus, so it is in view and read out.
     */
    @Test
    void refusedSignUpBringsTheErrorSummaryIntoView() {
        Conference conference = conferenceWithWorkshops("reise-fehler-sichtbar", "Reise: Fehler sichtbar");
        page.navigate(url("/conferences/" + conference.slug));
        Assertions.assertThat(submit(page.getByRole(AriaRole.BUTTON, name("Verbindlich anmelden"))).status())
                .isEqualTo(400);

        assertThat(page.getByRole(AriaRole.ALERT)).isInViewport();
    }

    /**
     * The manage page's forms in their error states: the chosen workshop was withdrawn by the organiser while the page
     * was open (the swap is refused), and the other attendance mode is full (the switch is refused).
     */
    @Test
    void manageFormsInErrorStateAreAccessible() {
        Conference conference = conferenceWithWorkshops("reise-verwalten-fehler", "Reise: Fehler beim Verwalten", c -> {
            c.format = ConferenceFormat.HYBRID;
            c.onlineCapacity = 1;
        });
        AgendaItem withdrawn = item(conference, WORKSHOP_PARTICIPATION);
        String secret = Attendees
                .secret(Attendees.signUp(conference.slug, email("verwalten"), item(conference, WORKSHOP_DATA).id));
        Attendees.signUp(conference.slug, email("online"), "ONLINE", "de");

        page.navigate(url("/registrations/" + secret));
        assertThat(page.getByRole(AriaRole.RADIO, name(WORKSHOP_DATA))).isChecked();
        // Meanwhile the organiser takes the other workshop off the bookable items.
        QuarkusTransaction.requiringNew().run(() -> {
            AgendaItem item = AgendaItem.findById(withdrawn.id);
            item.bookable = false;
            item.capacity = null;
        });
        page.getByRole(AriaRole.RADIO, name(WORKSHOP_PARTICIPATION)).check();
        Response refused = submit(page.getByRole(AriaRole.BUTTON, name("Auswahl speichern")));

        Assertions.assertThat(refused.status()).as("status of the refused swap").isEqualTo(400);
        Locator summary = page.getByRole(AriaRole.ALERT);
        assertThat(summary).hasCount(1);
        Locator link = summary.getByRole(AriaRole.LINK);
        assertThat(link).hasText("Workshops und Exkursionen: Mindestens ein gewählter Programmpunkt gehört nicht "
                + "zu dieser Veranstaltung oder ist nicht buchbar.");
        assertThat(link).hasAttribute("href", "#f-items");
        assertThat(page.locator("#f-items")).hasAccessibleDescription(Pattern.compile("Mindestens ein gewählter"));
        assertBookings(booked(WORKSHOP_DATA, "Platz bestätigt"));
        AccessibilityTest.assertNoAxeViolations(page, "manage page, refused swap");
        Assertions.assertThat(Attendees.get(secret).getList("items.title")).containsExactly(WORKSHOP_DATA);

        // Switch to online, where the only place is taken.
        page.navigate(url("/registrations/" + secret));
        page.getByRole(AriaRole.RADIO, name("Online")).check();
        refused = submit(page.getByRole(AriaRole.BUTTON, name("Teilnahmeart speichern")));

        Assertions.assertThat(refused.status()).as("status of the refused switch").isEqualTo(400);
        assertThat(page.getByText("Für diese Teilnahmeart ist kein Platz mehr frei.").first()).isVisible();
        AccessibilityTest.assertNoAxeViolations(page, "manage page, refused attendance switch");
        Assertions.assertThat(Attendees.get(secret).getString("attendance")).isEqualTo("ON_SITE");
    }

    /**
     * After a refused attendance switch the swap form still shows the booked workshop as chosen, so saving it as shown
     * never cancels the workshop.
     */
    @Test
    void refusedAttendanceSwitchStillShowsTheBookedWorkshop() {
        Conference conference = conferenceWithWorkshops("reise-teilnahmeart-voll", "Reise: Teilnahmeart voll", c -> {
            c.format = ConferenceFormat.HYBRID;
            c.onlineCapacity = 1;
        });
        String secret = Attendees
                .secret(Attendees.signUp(conference.slug, email("teilnahmeart"), item(conference, WORKSHOP_DATA).id));
        Attendees.signUp(conference.slug, email("online-voll"), "ONLINE", "de");

        page.navigate(url("/registrations/" + secret));
        assertThat(page.getByRole(AriaRole.RADIO, name(WORKSHOP_DATA))).isChecked();
        page.getByRole(AriaRole.RADIO, name("Online")).check();
        Assertions.assertThat(submit(page.getByRole(AriaRole.BUTTON, name("Teilnahmeart speichern"))).status())
                .isEqualTo(400);

        assertThat(page.getByRole(AriaRole.RADIO, name(WORKSHOP_DATA))).isChecked();
    }

    // --- 4. The sign-up with the keyboard alone -------------------------------------------------------------------

    @Test
    void signUpWithTheKeyboardAlone() {
        Conference conference = conferenceWithWorkshops("reise-tastatur", "Reise: Nur mit der Tastatur");
        page.navigate(url("/conferences/" + conference.slug));

        // The skip link comes first, shows itself when focused and moves focus to the main content.
        Locator skipLink = page.getByRole(AriaRole.LINK, name("Zum Inhalt springen"));
        tab();
        assertThat(skipLink).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
        tab();
        assertThat(page.getByRole(AriaRole.LINK, name("Alle Konferenzen"))).isFocused();

        tabTo(page.getByLabel("Vorname"), 30);
        page.keyboard().type("Jörg");
        tabTo(page.getByLabel("Nachname"), 1);
        page.keyboard().type("Tastatur");
        tabTo(page.getByLabel("E-Mail-Adresse"), 1);
        page.keyboard().type(email("tastatur"));
        tabTo(page.getByLabel("Organisation"), 1);
        page.keyboard().type("Landkreis Lippe");
        tabTo(page.getByLabel("Funktion"), 1);

        // Into the radio group of the parallel workshops: the checked "no choice" is its one stop; arrows choose.
        Locator none = page.getByRole(AriaRole.RADIO, name("Keine Auswahl"));
        Locator data = page.getByRole(AriaRole.RADIO, name(WORKSHOP_DATA));
        Locator participation = page.getByRole(AriaRole.RADIO, name(WORKSHOP_PARTICIPATION));
        tabTo(none, 1);
        page.keyboard().press("ArrowDown");
        assertThat(data).isChecked();
        page.keyboard().press("ArrowDown");
        assertThat(participation).isChecked();
        assertThat(participation).isFocused();
        page.keyboard().press("ArrowUp");
        assertThat(data).isChecked();
        assertThat(participation).not().isChecked();
        focusOrFail("after the arrow keys");

        // Out of the group to the excursion (a checkbox of its own), then the accessibility needs.
        Locator excursion = page.getByRole(AriaRole.CHECKBOX, name(EXCURSION));
        tabTo(excursion, 1);
        page.keyboard().press("Space");
        assertThat(excursion).isChecked();
        Locator wheelchair = page.getByRole(AriaRole.CHECKBOX, name("Rollstuhlgerechter Zugang"));
        tabTo(wheelchair, 1);
        page.keyboard().press("Space");
        assertThat(wheelchair).isChecked();

        Locator consent = page.getByRole(AriaRole.CHECKBOX, name("Ich habe die Datenschutzhinweise gelesen"));
        tabTo(consent, 6);
        page.keyboard().press("Space");
        assertThat(consent).isChecked();
        tabTo(page.getByRole(AriaRole.BUTTON, name("Verbindlich anmelden")), 3);
        page.keyboard().press("Enter");

        page.waitForURL(REGISTERED);
        assertThat(page.getByRole(AriaRole.HEADING, name("Sie sind angemeldet."))).isVisible();
        assertBookings(booked(WORKSHOP_DATA, "Platz bestätigt"), booked(EXCURSION, "Platz bestätigt"));
    }

    // --- 5. In English, switched in the header --------------------------------------------------------------------

    @Test
    void englishJourneyThroughTheLanguageSwitch() {
        Conference conference = conferenceWithWorkshops("reise-englisch", "Reise: In English");
        String email = email("english");

        page.navigate(url("/conferences/" + conference.slug));
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        page.getByRole(AriaRole.NAVIGATION, name("Sprache"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("English").setExact(true)).click();
        page.waitForURL(url("/conferences/" + conference.slug + "?lang=en"));

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByRole(AriaRole.HEADING, name("At a glance"))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, heading(2).setName("Registration").setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, name("Language")).getByRole(AriaRole.LINK)).hasText("Deutsch");
        page.getByLabel("First name").fill("Erika");
        page.getByLabel("Last name").fill("Mustermann");
        page.getByLabel("E-mail address").fill(email);
        page.getByRole(AriaRole.RADIO, name(WORKSHOP_DATA)).check();
        page.getByRole(AriaRole.CHECKBOX, name("I have read the privacy notice")).check();
        page.getByRole(AriaRole.BUTTON, exactly("Register")).click();

        page.waitForURL(REGISTERED);
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByRole(AriaRole.HEADING, heading(1))).hasText("Your registration");
        assertThat(page.getByRole(AriaRole.HEADING, name("You are registered."))).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Thank you for registering.");
        assertBookings(booked(WORKSHOP_DATA, "Place confirmed"));

        // The confirmation mail is in English too.
        List<OutboxMessage> mails = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage> list("recipient", email));
        Assertions.assertThat(mails).hasSize(1);
        Assertions.assertThat(mails.get(0).locale).isEqualTo("en");
        Assertions.assertThat(mails.get(0).subject).isEqualTo("Registration confirmed: " + conference.title);
    }

    // --- Conditional questions: hidden until their condition is met (the server decides either way) ----------------

    @Test
    void aConditionalQuestionAppearsOnlyOnceItsConditionIsMet() {
        Backoffice.get();
        page.navigate(url("/conferences/" + Backoffice.SLUG));
        Locator description = page.getByLabel("Kurzbeschreibung Ihres Projekts");
        assertThat(description).isHidden();
        Locator presenting = page.getByRole(AriaRole.GROUP,
                new Page.GetByRoleOptions().setName("Stellen Sie ein Projekt vor?"));
        presenting.getByLabel("Ja", new Locator.GetByLabelOptions().setExact(true)).check();
        assertThat(description).isVisible();
        description.fill("Ein Rufbus für die Dörfer.");
        presenting.getByLabel("Nein", new Locator.GetByLabelOptions().setExact(true)).check();
        assertThat(description).isHidden();

        // in the group form, each person's questions follow that person's own answers
        page.navigate(url("/conferences/" + Backoffice.SLUG + "/group"));
        Locator second = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Person 2"));
        second.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Stellen Sie ein Projekt vor?"))
                .getByLabel("Ja", new Locator.GetByLabelOptions().setExact(true)).check();
        assertThat(second.getByLabel("Kurzbeschreibung Ihres Projekts")).isVisible();
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Person 1"))
                .getByLabel("Kurzbeschreibung Ihres Projekts")).isHidden();
    }

    // --- Helpers --------------------------------------------------------------------------------------------------

    /**
     * A conference of the journey's own (on site in four weeks, registration open) with two parallel workshops and a
     * later excursion, each with 20 places.
     */
    static Conference conferenceWithWorkshops(String slug, String title) {
        return conferenceWithWorkshops(slug, title, c -> {
        });
    }

    /** The same, adjusted by {@code changes} (e.g. the format and capacities). */
    static Conference conferenceWithWorkshops(String slug, String title, Consumer<Conference> changes) {
        Conference conference = TestConferences.create(slug, c -> {
            c.title = title;
            changes.accept(c);
        });
        Instant morning = conference.startsAt.plus(Duration.ofHours(1));
        TestConferences.addItem(conference, WORKSHOP_DATA, AgendaItemKind.WORKSHOP, morning, Duration.ofHours(2), 20);
        TestConferences.addItem(conference, WORKSHOP_PARTICIPATION, AgendaItemKind.WORKSHOP, morning,
                Duration.ofHours(2), 20);
        TestConferences.addItem(conference, EXCURSION, AgendaItemKind.EXCURSION, morning.plus(Duration.ofHours(3)),
                Duration.ofMinutes(90), 20);
        return conference;
    }

    static AgendaItem item(Conference conference, String title) {
        return QuarkusTransaction.requiringNew().call(() -> AgendaItem
                .<AgendaItem> find("conference.id = ?1 and title = ?2", conference.id, title).singleResult());
    }

    static String email(String what) {
        return "reise-" + what + "-" + UUID.randomUUID() + "@example.org";
    }

    Page germanPage() {
        Page p = browser.newPage("de-DE");
        p.setDefaultTimeout(15_000);
        return p;
    }

    String url(String path) {
        return root.getProtocol() + "://" + root.getAuthority() + path;
    }

    static String secretOf(Page page) {
        String path = URI.create(page.url()).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    void fillPerson(String firstName, String lastName, String email) {
        page.getByLabel("Vorname").fill(firstName);
        page.getByLabel("Nachname").fill(lastName);
        page.getByLabel("E-Mail-Adresse").fill(email);
    }

    /**
     * Clicks a form's submit button and returns the response to the POST. A form sent back with errors (400, 409) is
     * shown at the POST's URL: this waits until it is. After a redirect the caller checks where it led.
     */
    Response submit(Locator button) {
        Response response = page.waitForResponse(r -> r.request().method().equals("POST"), button::click);
        if (response.status() < 300 || response.status() >= 400) {
            page.waitForURL(response.url());
        }
        page.waitForLoadState();
        return response;
    }

    /** An entry of the manage page's list of booked items: the item's title and its booking status. */
    record Booked(String title, String status) {
    }

    static Booked booked(String title, String status) {
        return new Booked(title, status);
    }

    /** The manage page lists exactly these booked items, each with its status. */
    void assertBookings(Booked... expected) {
        Locator entries = page.locator("ul.bookings > li");
        assertThat(entries).hasCount(expected.length);
        List<String> texts = entries.allInnerTexts().stream().map(s -> s.replaceAll("\\s+", " ").strip()).toList();
        for (Booked booking : expected) {
            Assertions.assertThat(texts).as("booked items").anySatisfy(
                    text -> Assertions.assertThat(text).startsWith(booking.title() + " (").endsWith(booking.status()));
        }
    }

    /**
     * A field in error: aria-invalid, and described (among others) by an element showing its error text, which a screen
     * reader announces after the prefix ("Fehler:").
     */
    void assertFieldError(Locator field, String errorPrefix, String error) {
        assertThat(field).hasAttribute("aria-invalid", "true");
        String describedBy = field.getAttribute("aria-describedby");
        Assertions.assertThat(describedBy).as("aria-describedby of %s", field).isNotBlank();
        List<String> texts = Arrays.stream(describedBy.trim().split("\\s+"))
                .map(id -> page.locator("[id='" + id + "']")).map(Locator::innerText).toList();
        Assertions.assertThat(texts).as("texts describing %s", field).anySatisfy(text -> {
            Assertions.assertThat(text).contains(error);
        });
        assertThat(field).hasAccessibleDescription(Pattern.compile(literal(errorPrefix + " " + error)));
    }

    /** A regular expression matching {@code text} literally (JavaScript knows no \Q...\E, so not Pattern.quote). */
    static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    // --- Keyboard --------------------------------------------------------------------------------------------------

    /**
     * Where focus is and whether it shows: a description of the focused element, whether it has an outline or a box
     * shadow, and whether it lies in the viewport. Null when focus is on nothing (the body).
     */
    static final String FOCUS = """
            () => {
              const e = document.activeElement;
              if (!e || e === document.body || e === document.documentElement) return null;
              const s = getComputedStyle(e);
              const r = e.getBoundingClientRect();
              const text = (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().slice(0, 40);
              return {
                element: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (text ? ' "' + text + '"' : ''),
                outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                shadow: s.boxShadow !== 'none',
                inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                  && r.top < window.innerHeight && r.left < window.innerWidth
              };
            }""";

    /** Presses Tab once; returns the element reached, which must show its focus. */
    String tab() {
        page.keyboard().press("Tab");
        return focusOrFail("after Tab");
    }

    /** Presses Tab until {@code target} has focus, at most {@code max} times; every stop on the way must show focus. */
    void tabTo(Locator target, int max) {
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            stops.add(tab());
            if ((Boolean) target.evaluate("e => e === document.activeElement")) {
                return;
            }
        }
        Assertions.fail("%s not reached with %d Tab presses; focus went to %s", target, max, stops);
    }

    /** The focused element, failing when focus is lost or not visible (no outline or shadow, or out of view). */
    String focusOrFail(String when) {
        @SuppressWarnings("unchecked")
        Map<String, Object> focus = (Map<String, Object>) page.evaluate(FOCUS);
        Assertions.assertThat(focus).as("focused element %s", when).isNotNull();
        String element = (String) focus.get("element");
        Assertions.assertThat(Boolean.TRUE.equals(focus.get("outline")) || Boolean.TRUE.equals(focus.get("shadow")))
                .as("focus indicator (outline or box-shadow) on %s", element).isTrue();
        Assertions.assertThat(focus.get("inView")).as("%s in view while focused", element).isEqualTo(true);
        return element;
    }

    // --- Locator options -------------------------------------------------------------------------------------------

    /** Role locator by (part of) the accessible name. */
    static Page.GetByRoleOptions name(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    /** Role locator by the exact accessible name. */
    static Page.GetByRoleOptions exactly(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    static Page.GetByRoleOptions heading(int level) {
        return new Page.GetByRoleOptions().setLevel(level);
    }
}
