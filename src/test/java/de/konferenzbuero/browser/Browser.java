package de.konferenzbuero.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A headless Chromium for browser tests: one per test class, started in {@code @BeforeAll} and closed in
 * {@code @AfterAll}:
 *
 * <pre>
 * static Browser browser;
 *
 * &#64;BeforeAll
 * static void startBrowser() {
 *     browser = Browser.launch();
 * }
 *
 * &#64;AfterAll
 * static void stopBrowser() {
 *     browser.close();
 * }
 * </pre>
 *
 * (A plain holder rather than a JUnit extension: {@code @QuarkusTest} loads the test class in its own class loader, and
 * static {@code @BeforeAll} methods run there, so the Playwright types of test and helper always match.)
 * <p>
 * Chromium is looked up in this order: the system property {@code konferenzbuero.chromium} or the environment variable
 * {@code CHROMIUM_PATH}; Debian's {@code /usr/bin/chromium} ({@code apt-get install chromium}, which {@code .ci/run}
 * does); else the browser Playwright downloads itself, so {@code ./mvnw verify} also works on a laptop with internet.
 */
public final class Browser implements AutoCloseable {

    static final String PROPERTY = "konferenzbuero.chromium";
    static final String ENV = "CHROMIUM_PATH";
    static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    /** Flags that keep Chromium quiet and working on a closed network, as root, in a container. */
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    /** Starts Playwright and Chromium. */
    public static Browser launch() {
        Optional<Path> executable = chromiumExecutable();
        // Without a local Chromium, let Playwright download its own (it needs internet then).
        Map<String, String> env = executable.isPresent() ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        try {
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
            executable.ifPresent(options::setExecutablePath);
            return new Browser(playwright, playwright.chromium().launch(options));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** The configured Chromium, else Debian's, else none (then Playwright's own download is used). */
    static Optional<Path> chromiumExecutable() {
        Optional<Path> configured = Stream.of(System.getProperty(PROPERTY), System.getenv(ENV))
                .filter(p -> p != null && !p.isBlank()).map(Path::of).findFirst();
        if (configured.isPresent()) {
            if (!Files.isExecutable(configured.get())) {
                throw new IllegalStateException("Chromium configured by " + PROPERTY + " / " + ENV
                        + " is not an executable file: " + configured.get());
            }
            return configured;
        }
        return Files.isExecutable(SYSTEM_CHROMIUM) ? Optional.of(SYSTEM_CHROMIUM) : Optional.empty();
    }

    /**
     * A page in a fresh browser context: no cookies (such as the remembered language) or cache carried over from
     * earlier pages. Closing the page's context closes the page; {@link #close()} closes all of them.
     */
    public Page newPage() {
        BrowserContext context = chromium.newContext();
        return context.newPage();
    }

    /**
     * A page in a fresh browser context whose browser speaks {@code locale} (e.g. "de-DE"): it sends that
     * Accept-Language, as a visitor's browser would. Without a locale Chromium announces English.
     */
    public Page newPage(String locale) {
        return newPage(new com.microsoft.playwright.Browser.NewContextOptions().setLocale(locale));
    }

    /** A page in a fresh browser context with these options (locale, viewport size, ...). */
    public Page newPage(com.microsoft.playwright.Browser.NewContextOptions options) {
        BrowserContext context = chromium.newContext(options);
        return context.newPage();
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            playwright.close();
        }
    }
}
