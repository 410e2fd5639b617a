package de.konferenzbuero.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.registration.SignUp;
import de.konferenzbuero.registration.SignUpResult;
import de.konferenzbuero.registration.SignUpService;
import de.konferenzbuero.web.attendee.CatalogueResource;

/**
 * Opens every public page in a real Chromium, in German and English, and checks it with axe-core against WCAG 2.1 A and
 * AA. A page must also load nothing from another origin and trigger no Content-Security-Policy error.
 * <p>
 * {@link #ROUTES} is the list of pages walked here and in {@link SecurityHeadersTest}. When you add a page, add an
 * example URL for it there; {@link #everyHtmlPageRouteIsWalked()} fails until you do.
 */
@QuarkusTest
class AccessibilityTest {

    /**
     * One page to visit: the route's path template (null for a page no route serves), an example URL, the expected
     * status. {@code url} gives the URL when the test runs (the app is up then), so a page that needs data of its own
     * can create it first (see {@link #newRegistration()}).
     */
    record Route(String template, String example, Supplier<String> url, int status) {
        String path() {
            return url.get();
        }
    }

    /**
     * The pages every browser and header test walks, each route with one or more example URLs from the demo data
     * (loaded in test mode). Add a line per new page route; add several example URLs where pages differ much.
     */
    static final List<Route> ROUTES = List.of(
            // CatalogueResource
            page("/", "/"),
            // ConferenceResource: all five demo conferences (past and upcoming, on site and online, open and not yet)
            page("/conferences/{slug}", "/conferences/regionalkonferenz-bad-belzig"),
            page("/conferences/{slug}", "/conferences/mpsc-kongress"),
            page("/conferences/{slug}", "/conferences/regionalkonferenz-kalletal-lemgo"),
            page("/conferences/{slug}", "/conferences/regionalkonferenz-mayen-koblenz-2022"),
            page("/conferences/{slug}", "/conferences/niedersaechsische-smart-cities-in-lemgo"),
            page("/conferences/{slug}", "/conferences/mpsc-kongress?notice=already-registered"),
            // MyRegistrationResource: the page of a new registration (with and without the notice after signing up)
            // and its cancel confirmation
            page("/registrations/{secret}", "/registrations/{new}", () -> newRegistration()),
            page("/registrations/{secret}", "/registrations/{new}?notice=registered",
                    () -> newRegistration() + "?notice=registered"),
            page("/registrations/{secret}/cancel", "/registrations/{new}/cancel", () -> newRegistration() + "/cancel"),
            // LoginResource: the organisers' login page
            page("/organiser/login", "/organiser/login"),
            // LegalResource: the operator's legal pages
            page("/imprint", "/imprint"), page("/privacy", "/privacy"), page("/accessibility", "/accessibility"),
            // the friendly 404 page: an unknown conference and an unknown path
            notFound("/conferences/gibt-es-nicht"), notFound("/gibt-es-nicht"));

    static final List<String> LANGUAGES = List.of("de", "en");

    /** The WCAG 2.0 and 2.1 levels A and AA. */
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** A page route at a fixed URL. */
    static Route page(String template, String path) {
        return new Route(template, path, () -> path, 200);
    }

    /** A page route whose URL is made when the test runs, e.g. after creating the data it shows. */
    static Route page(String template, String example, Supplier<String> url) {
        return new Route(template, example, url, 200);
    }

    /** The friendly 404 page, served for a URL no route (or no record) matches. */
    static Route notFound(String path) {
        return new Route(null, path, () -> path, 404);
    }

    /** Signs up someone new for the MPSC congress (on site, registration open in the demo data); its page's path. */
    static String newRegistration() {
        SignUp signUp = new SignUp("Erika", "Mustermann", "barrierefrei-" + UUID.randomUUID() + "@example.org",
                "Stadt Lemgo", "Digitalisierung", Attendance.ON_SITE, List.of(), false, false, false, null, null, true,
                false, "de");
        SignUpResult result = Arc.container().instance(SignUpService.class).get().signUp("mpsc-kongress", signUp);
        return "/registrations/" + ((SignUpResult.Registered) result).registration().manageSecret;
    }

    /** Every route in every language, as (language, example, index in ROUTES). */
    static Stream<Arguments> pages() {
        return IntStream.range(0, ROUTES.size()).boxed()
                .flatMap(i -> LANGUAGES.stream().map(lang -> Arguments.of(lang, ROUTES.get(i).example(), i)));
    }

    /** The URL of a page in a language, chosen explicitly (the browser's own Accept-Language does not count). */
    static String withLang(String path, String lang) {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

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

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("pages")
    void pageIsAccessibleAndSelfContained(String lang, String example, int index) {
        Route route = ROUTES.get(index);
        String path = route.path();
        String origin = root.getProtocol() + "://" + root.getAuthority();
        Page page = browser.newPage();
        try {
            List<String> foreignRequests = Collections.synchronizedList(new ArrayList<>());
            page.onRequest(request -> {
                String url = request.url();
                if (!url.startsWith(origin + "/") && !url.startsWith("data:")) {
                    foreignRequests.add(request.method() + " " + url);
                }
            });
            List<String> cspErrors = Collections.synchronizedList(new ArrayList<>());
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    cspErrors.add(message.text());
                }
            });

            Response response = page.navigate(origin + withLang(path, lang));
            assertThat(response.status()).as("status of %s", path).isEqualTo(route.status());
            assertThat(page.locator("html").getAttribute("lang")).as("lang of %s", path).isEqualTo(lang);

            AxeResults results = new AxeBuilder(page).withTags(AXE_TAGS).analyze();
            SoftAssertions.assertSoftly(soft -> {
                soft.assertThat(results.getViolations())
                        .withFailMessage("axe violations on %s (%s):%n%s", path, lang, describe(results)).isEmpty();
                soft.assertThat(foreignRequests).as("requests to another origin than %s from %s", origin, path)
                        .isEmpty();
                soft.assertThat(cspErrors).as("Content-Security-Policy errors on %s", path).isEmpty();
            });
        } finally {
            page.context().close();
        }
    }

    /**
     * Runs axe-core with {@link #AXE_TAGS} on the page as it is now (for example a form in its error state, as
     * {@link JourneyTest} does) and fails with {@link #describe} when it finds a violation. {@code what} names the
     * state in the failure message.
     */
    static void assertNoAxeViolations(Page page, String what) {
        AxeResults results = new AxeBuilder(page).withTags(AXE_TAGS).analyze();
        assertThat(results.getViolations())
                .withFailMessage("axe violations on %s (%s):%n%s", what, page.url(), describe(results)).isEmpty();
    }

    /** One block per violated rule: id, impact, help, link, and the selector and failure of every node. */
    static String describe(AxeResults results) {
        StringBuilder out = new StringBuilder();
        for (Rule rule : results.getViolations()) {
            out.append("- ").append(rule.getId()).append(" [").append(rule.getImpact()).append("] ")
                    .append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(")\n");
            rule.getNodes().forEach(node -> out.append("    at ").append(node.getTarget()).append(": ")
                    .append(Objects.toString(node.getFailureSummary(), "").replace("\n", " ")).append('\n'));
        }
        return out.toString();
    }

    // --- Completeness: every HTML page route is in ROUTES -------------------------------------------------------

    static final String WEB_PACKAGE = "de/konferenzbuero/web";
    static final DotName GET = DotName.createSimple("jakarta.ws.rs.GET");
    static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    static final DotName PRODUCES = DotName.createSimple("jakarta.ws.rs.Produces");
    static final DotName TEMPLATE_INSTANCE = DotName.createSimple("io.quarkus.qute.TemplateInstance");
    /** Pages behind a login are not public; they need their own (logged-in) browser test. */
    static final Set<DotName> SECURED = Set.of(DotName.createSimple("jakarta.annotation.security.RolesAllowed"),
            DotName.createSimple("io.quarkus.security.Authenticated"),
            DotName.createSimple("io.quarkus.security.PermissionsAllowed"));

    /**
     * Fails when a public HTML page route exists that {@link #ROUTES} does not walk, or when {@link #ROUTES} names a
     * route that no longer exists.
     * <p>
     * How routes are found (kept simple on purpose): the compiled classes under {@code de.konferenzbuero.web} are
     * indexed with Jandex (as Quarkus itself does at build time). A page route is a {@code @GET} method that produces
     * HTML, i.e. its {@code @Produces} (on the method, else on the class) includes {@code text/html}, or it has no
     * {@code @Produces} and returns a Qute {@code TemplateInstance}. Its template is the class {@code @Path} joined
     * with the method {@code @Path}, with regular expressions removed from parameters ({@code {slug:[a-z]+}} becomes
     * {@code {slug}}). Methods or classes with {@code @RolesAllowed}, {@code @Authenticated} or
     * {@code @PermissionsAllowed} are not public and are skipped. Not covered: {@code @Path} inherited from interfaces
     * or superclasses, sub-resource locators, and routes outside {@code de.konferenzbuero.web}.
     */
    @Test
    void everyHtmlPageRouteIsWalked() throws IOException {
        Set<String> found = htmlPageRoutes();
        Set<String> walked = ROUTES.stream().map(Route::template).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(found).as("HTML page routes found under %s", WEB_PACKAGE).contains("/", "/conferences/{slug}");
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(walked);
        assertThat(missing).as("HTML page routes not in AccessibilityTest.ROUTES; add an example URL for each")
                .isEmpty();
        Set<String> stale = new TreeSet<>(walked);
        stale.removeAll(found);
        assertThat(stale).as("AccessibilityTest.ROUTES names routes that do not exist (any more)").isEmpty();
    }

    static Set<String> htmlPageRoutes() throws IOException {
        Index index = indexWebClasses();
        Set<String> routes = new TreeSet<>();
        for (AnnotationInstance get : index.getAnnotations(GET)) {
            if (get.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = get.target().asMethod();
            ClassInfo resource = method.declaringClass();
            if (isSecured(method, resource) || devOnly(resource) || !producesHtml(method, resource)) {
                continue;
            }
            routes.add(template(value(resource.declaredAnnotation(PATH)), value(method.declaredAnnotation(PATH))));
        }
        return routes;
    }

    /** Pages that exist only in dev builds (e.g. the outbox viewer) are not part of the product. */
    static boolean devOnly(ClassInfo resource) {
        AnnotationInstance profile = resource
                .declaredAnnotation(DotName.createSimple("io.quarkus.arc.profile.IfBuildProfile"));
        return profile != null && "dev".equals(profile.value() == null ? null : profile.value().asString());
    }

    static boolean isSecured(MethodInfo method, ClassInfo resource) {
        return SECURED.stream().anyMatch(a -> method.hasDeclaredAnnotation(a) || resource.hasDeclaredAnnotation(a));
    }

    static boolean producesHtml(MethodInfo method, ClassInfo resource) {
        AnnotationInstance produces = method.declaredAnnotation(PRODUCES);
        if (produces == null) {
            produces = resource.declaredAnnotation(PRODUCES);
        }
        if (produces == null) {
            return method.returnType().name().equals(TEMPLATE_INSTANCE);
        }
        return Stream.of(produces.value().asStringArray()).anyMatch(type -> type.contains("text/html"));
    }

    static String value(AnnotationInstance path) {
        return path == null || path.value() == null ? "" : path.value().asString();
    }

    /** Class and method path joined, parameter regular expressions removed, no double or trailing slash. */
    static String template(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}")
                .replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** Indexes the compiled classes of the web package, found where {@link CatalogueResource} was loaded from. */
    static Index indexWebClasses() throws IOException {
        Path web = classesRoot().resolve(WEB_PACKAGE);
        assertThat(web).as("compiled web classes").isDirectory();
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(web)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        return indexer.complete();
    }

    /** The directory the main classes were compiled to (Maven's target/classes). */
    static Path classesRoot() {
        try {
            Path location = Path
                    .of(CatalogueResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location.resolve(WEB_PACKAGE))) {
                return location;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to Maven's layout
        }
        return Path.of("target", "classes");
    }
}
