package de.konferenzbuero.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ScreenshotAnimations;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Writes screenshots of the main public pages, in German with the demo data, at desktop and phone width into
 * {@code docs/screenshots/} (README, section "Screenshots"). Not a check: it runs only when asked for, so a normal
 * build writes no files:
 *
 * <pre>
 * ./mvnw -B test -Dtest=ScreenshotTest -Dscreenshots=true
 * </pre>
 *
 * {@code -Dscreenshots.dir=...} writes them elsewhere. Run it alone (as above), so the catalogue shows only the demo
 * conferences and none that other tests create.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ScreenshotTest {

    /** The demo conference shown: online, registration open, three parallel workshops to choose from. */
    static final String CONFERENCE = "/conferences/regionalkonferenz-kalletal-lemgo";
    static final String WORKSHOP = "Zukunftsideen digital simulieren";

    @TestHTTPResource("/")
    URL root;

    static Browser browser;

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

    @ParameterizedTest(name = "{0} ({1} px)")
    @CsvSource({ "desktop, 1280, 800", "phone, 390, 844" })
    void mainPages(String device, int width, int height) throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "docs/screenshots"));
        Files.createDirectories(dir);
        Page page = browser.newPage(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("de-DE")
                .setViewportSize(width, height).setIsMobile(device.equals("phone"))
                .setHasTouch(device.equals("phone")));
        try {
            page.navigate(url("/"));
            fullPage(page, dir.resolve("catalogue-" + device + ".png"));

            page.navigate(url(CONFERENCE));
            fullPage(page, dir.resolve("conference-" + device + ".png"));

            // The sign-up form sent empty: the error summary and the fields in error.
            Locator signUp = page.getByRole(AriaRole.REGION,
                    new Page.GetByRoleOptions().setName("Anmeldung").setExact(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verbindlich anmelden")).click();
            page.waitForURL(url(CONFERENCE + "/registrations"));
            assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
            signUp.screenshot(new Locator.ScreenshotOptions().setPath(dir.resolve("signup-errors-" + device + ".png"))
                    .setAnimations(ScreenshotAnimations.DISABLED));

            // Fixed and sent: the manage page the attendee lands on.
            page.getByLabel("Vorname").fill("Erika");
            page.getByLabel("Nachname").fill("Mustermann");
            page.getByLabel("E-Mail-Adresse").fill("erika.mustermann-" + UUID.randomUUID() + "@example.org");
            page.getByLabel("Organisation").fill("Gemeinde Kalletal");
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(WORKSHOP)).check();
            page.getByRole(AriaRole.CHECKBOX,
                    new Page.GetByRoleOptions().setName("Ich habe die Datenschutzhinweise gelesen")).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verbindlich anmelden")).click();
            page.waitForURL(JourneyTest.REGISTERED);
            fullPage(page, dir.resolve("manage-" + device + ".png"));

            page.navigate(url("/imprint"));
            fullPage(page, dir.resolve("imprint-" + device + ".png"));
        } finally {
            page.context().close();
        }
    }

    static void fullPage(Page page, Path file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true)
                .setAnimations(ScreenshotAnimations.DISABLED));
    }

    String url(String path) {
        return root.getProtocol() + "://" + root.getAuthority() + path;
    }
}
