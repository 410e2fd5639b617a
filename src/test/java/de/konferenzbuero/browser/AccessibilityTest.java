package de.konferenzbuero.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.SignUp;
import de.konferenzbuero.registration.SignUpResult;
import de.konferenzbuero.registration.SignUpService;
import de.konferenzbuero.web.attendee.CatalogueResource;

/**
 * Opens every page in a real Chromium, in German and English, and checks it with axe-core against WCAG 2.1 A and AA:
 * the public pages, and the organiser area logged in as a demo account ({@link Account}). A page must also load nothing
 * from another origin, trigger no Content-Security-Policy error, use no id twice and fit a phone 320 CSS px wide.
 * {@link #FORMS} sends every organiser form with invalid input and checks the page that shows the errors the same way.
 * <p>
 * {@link #ROUTES} is the list of pages walked here and in {@link SecurityHeadersTest}. When you add a page, add an
 * example URL for it there (with the account to walk it as, if it needs a login); {@link #everyHtmlPageRouteIsWalked()}
 * fails until you do.
 */
@QuarkusTest
class AccessibilityTest {

    /**
     * One page to visit: the route's path template (null for a page no route serves), an example URL, the expected
     * status, and the account to be logged in as (null: not logged in). {@code url} gives the URL when the test runs
     * (the app is up then), so a page that needs data of its own can create it first (see {@link #newRegistration()}
     * and {@link Backoffice}).
     */
    record Route(String template, String example, Supplier<String> url, int status, Account account) {
        String path() {
            return url.get();
        }
    }

    /**
     * The pages every browser and header test walks, each route with one or more example URLs: public pages from the
     * demo data (loaded in test mode), organiser pages from {@link Backoffice}. Add a line per new page route; add
     * several example URLs where pages differ much.
     */
    static final List<Route> ROUTES = List.of(
            // CatalogueResource
            page("/", "/"),
            // EmbedResource: the list for other sites' iframes, in its default and in other colours (the HTML block
            // without a page, /fragment, is walked inside a host page by EmbedTest)
            page("/embed/{organisation}/conferences", "/embed/kts/conferences"),
            page("/embed/{organisation}/conferences",
                    "/embed/kts/conferences?region=Brandenburg&all=true&accent=teal&background=light"),
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
            page("/registrations/{secret}/data", "/registrations/{new}/data", () -> newRegistration() + "/data"),
            page("/registrations/{secret}/erase", "/registrations/{new}/erase", () -> newRegistration() + "/erase"),
            // double opt-in (on at the demo conferences): the page after signing up, the confirmation page of the link
            // in the mail, and the registration's page once confirmed
            page("/conferences/{slug}/check-your-mail", "/conferences/mpsc-kongress/check-your-mail"),
            page("/conferences/{slug}/link", "/conferences/mpsc-kongress/link"),
            page("/conferences/{slug}/link", "/conferences/mpsc-kongress/link?notice=sent"),
            page("/registrations/{secret}/confirm", "/registrations/{new}/confirm",
                    () -> newRegistration() + "/confirm"),
            page("/registrations/{secret}", "/registrations/{confirmed}?notice=confirmed",
                    () -> confirmedRegistration() + "?notice=confirmed"),
            // a place offered from the waitlist: the page of the mail's link, and the registration's page meanwhile
            page("/registrations/{secret}/offer", "/registrations/{offered}/offer",
                    () -> offeredRegistration() + "/offer"),
            page("/registrations/{secret}", "/registrations/{offered}", () -> offeredRegistration()),
            // a workshop place offered from its waitlist: the page of the mail's link, and the registration's page
            page("/registrations/{secret}/offer", "/registrations/{place-offered}/offer",
                    () -> placeOfferedRegistration() + "/offer"),
            page("/registrations/{secret}", "/registrations/{place-offered}", () -> placeOfferedRegistration()),
            // after the event: the registration's page with certificate and survey, the survey (open and answered),
            // the public check of a certificate (the form, a genuine code, an unknown one)
            page("/conferences/{slug}", "/conferences/{past, with documentation}", () -> {
                Backoffice.past();
                return "/conferences/" + Backoffice.SLUG + "-nachlese";
            }),
            page("/registrations/{secret}", "/registrations/{attended}",
                    () -> "/registrations/" + Backoffice.past().attendedSecret()),
            page("/registrations/{secret}/feedback", "/registrations/{attended}/feedback",
                    () -> "/registrations/" + Backoffice.past().attendedSecret() + "/feedback"),
            page("/registrations/{secret}/feedback", "/registrations/{answered}/feedback",
                    () -> "/registrations/" + Backoffice.past().answeredSecret() + "/feedback"),
            page("/certificates", "/certificates"),
            page("/certificates", "/certificates?code={issued}",
                    () -> "/certificates?code=" + Backoffice.past().code()),
            page("/certificates/{code}", "/certificates/{issued}", () -> "/certificates/" + Backoffice.past().code()),
            new Route("/certificates/{code}", "/certificates/ABCD-EFGH-JKLM-NPQR",
                    () -> "/certificates/ABCD-EFGH-JKLM-NPQR", 404, null),
            // LoginResource: the organisers' login page, also after logging out
            page("/organiser/login", "/organiser/login"),
            page("/organiser/login", "/organiser/login?notice=logged-out"),
            page("/organiser/login", "/organiser/login?notice=password-set"),
            // PasswordResetResource: the form behind an administrator's link, and a link that no longer works
            page("/organiser/password-reset/{token}", "/organiser/password-reset/{new link}",
                    () -> passwordResetLink()),
            new Route("/organiser/password-reset/{token}", "/organiser/password-reset/gibt-es-nicht",
                    () -> "/organiser/password-reset/gibt-es-nicht", 410, null),
            // LegalResource: the operator's legal pages
            page("/imprint", "/imprint"), page("/privacy", "/privacy"), page("/accessibility", "/accessibility"),
            // the friendly 404 page: an unknown conference and an unknown path
            notFound("/conferences/gibt-es-nicht"), notFound("/gibt-es-nicht"),

            // --- The organiser area, logged in as the demo organiser ({test} is Backoffice's conference) ---
            // ConferencesResource: dashboard (draft, published and cancelled conferences), a conference (also with a
            // notice), new and edit form, cancel confirmation, change log
            organiser("/organiser", "/organiser", () -> "/organiser"),
            organiser("/organiser/conferences/{id}", "{test}", () -> backoffice().path("")),
            organiser("/organiser/conferences/{id}", "{test}?notice=saved", () -> backoffice().path("?notice=saved")),
            organiser("/organiser/conferences/{id}", "{draft}?notice=created",
                    () -> "/organiser/conferences/" + backoffice().draft() + "?notice=created"),
            organiser("/organiser/conferences/{id}", "{cancelled}?notice=cancelled&count=0",
                    () -> "/organiser/conferences/" + backoffice().cancelled() + "?notice=cancelled&count=0"),
            organiser("/organiser/conferences/new", "/organiser/conferences/new", () -> "/organiser/conferences/new"),
            organiser("/organiser/conferences/{id}/edit", "{test}/edit", () -> backoffice().path("/edit")),
            organiser("/organiser/conferences/{id}/edit", "{draft}/edit?notice=duplicated",
                    () -> "/organiser/conferences/" + backoffice().draft() + "/edit?notice=duplicated"),
            organiser("/organiser/conferences/{id}/cancel", "{test}/cancel", () -> backoffice().path("/cancel")),
            organiser("/organiser/conferences/{id}/audit", "{test}/audit", () -> backoffice().path("/audit")),
            // AgendaResource: the agenda with its room warning (also after saving), one item's form
            organiser("/organiser/conferences/{id}/agenda", "{test}/agenda", () -> backoffice().path("/agenda")),
            organiser("/organiser/conferences/{id}/agenda", "{test}/agenda?notice=saved",
                    () -> backoffice().path("/agenda?notice=saved")),
            organiser("/organiser/conferences/{id}/agenda/{itemId}", "{test}/agenda/{workshop}",
                    () -> backoffice().path("/agenda/" + backoffice().workshop())),
            // QuestionsResource: the own questions (one of every kind, one conditional), a notice, one question's form
            organiser("/organiser/conferences/{id}/questions", "{test}/questions",
                    () -> backoffice().path("/questions")),
            organiser("/organiser/conferences/{id}/questions", "{test}/questions?notice=in-use",
                    () -> backoffice().path("/questions?notice=in-use")),
            organiser("/organiser/conferences/{id}/questions/{questionId}", "{test}/questions/{yes-no}",
                    () -> backoffice().path("/questions/" + backoffice().question())),
            // the sign-up form with every kind of own question, and a manage page with answers to change
            page("/conferences/{slug}", "/conferences/" + Backoffice.SLUG, () -> {
                backoffice();
                return "/conferences/" + Backoffice.SLUG;
            }),
            // GroupSignUpResource: several people at once, with every kind of question per person
            page("/conferences/{slug}/group", "/conferences/" + Backoffice.SLUG + "/group", () -> {
                backoffice();
                return "/conferences/" + Backoffice.SLUG + "/group";
            }),
            page("/registrations/{secret}", "/registrations/{answered}",
                    () -> "/registrations/" + backoffice().confirmedSecret()),
            // RegistrationsResource: the list (all, filtered, none found), the add-by-hand form, registrations that
            // are confirmed with needs, added by hand and checked in, waiting for a workshop, on the waiting list
            organiser("/organiser/conferences/{id}/registrations", "{test}/registrations",
                    () -> backoffice().path("/registrations")),
            organiser("/organiser/conferences/{id}/registrations",
                    "{test}/registrations?q=Muster&status=CONFIRMED&attendance=ON_SITE&item={workshop}",
                    () -> backoffice().path("/registrations?q=Muster&status=CONFIRMED&attendance=ON_SITE&item="
                            + backoffice().workshop())),
            organiser("/organiser/conferences/{id}/registrations", "{test}/registrations?status=CANCELLED",
                    () -> backoffice().path("/registrations?status=CANCELLED")),
            organiser("/organiser/conferences/{id}/registrations/new", "{test}/registrations/new",
                    () -> backoffice().path("/registrations/new")),
            organiser("/organiser/conferences/{id}/registrations/{registrationId}", "{test}/registrations/{confirmed}",
                    () -> backoffice().path("/registrations/" + backoffice().confirmed())),
            organiser("/organiser/conferences/{id}/registrations/{registrationId}",
                    "{test}/registrations/{checked-in}?notice=added",
                    () -> backoffice().path("/registrations/" + backoffice().checkedIn() + "?notice=added")),
            organiser("/organiser/conferences/{id}/registrations/{registrationId}",
                    "{test}/registrations/{waiting-for-workshop}",
                    () -> backoffice().path("/registrations/" + backoffice().itemWaitlisted())),
            organiser("/organiser/conferences/{id}/registrations/{registrationId}", "{test}/registrations/{waitlisted}",
                    () -> backoffice().path("/registrations/" + backoffice().waitlisted())),
            organiser("/organiser/conferences/{id}/registrations/{registrationId}", "{test}/registrations/{pending}",
                    () -> backoffice().path("/registrations/" + backoffice().pending())),
            // ApprovalsResource: the sign-ups waiting for approval, and the page after a decision
            organiser("/organiser/conferences/{id}/approvals", "{test}/approvals",
                    () -> backoffice().path("/approvals")),
            organiser("/organiser/conferences/{id}/approvals", "{test}/approvals?notice=approved&count=2",
                    () -> backoffice().path("/approvals?notice=approved&count=2")),
            page("/registrations/{secret}", "/registrations/{pending}",
                    () -> "/registrations/" + backoffice().pendingSecret()),
            // InvitationsResource: contingents and invitations (one of each), and after sending an invitation
            organiser("/organiser/conferences/{id}/invitations", "{test}/invitations", () -> {
                Backoffice.invitation();
                return backoffice().path("/invitations");
            }), organiser("/organiser/conferences/{id}/invitations", "{test}/invitations?notice=sent", () -> {
                Backoffice.invitation();
                return backoffice().path("/invitations?notice=sent");
            }),
            // InvitationResource: the sign-up page of an invitation link, the page after it, a link that is not valid
            page("/invitations/{token}", "/invitations/{shared}", () -> "/invitations/" + Backoffice.invitation()),
            page("/invitations/{token}/check-your-mail", "/invitations/{shared}/check-your-mail",
                    () -> "/invitations/" + Backoffice.invitation() + "/check-your-mail"),
            new Route("/invitations/{token}", "/invitations/gibt-es-nicht", () -> "/invitations/gibt-es-nicht", 404,
                    null),
            // ExportsResource: the overview, the print lists (whole conference, one workshop), the name badges
            organiser("/organiser/conferences/{id}/exports", "{test}/exports", () -> backoffice().path("/exports")),
            organiser("/organiser/conferences/{id}/print", "{test}/print", () -> backoffice().path("/print")),
            organiser("/organiser/conferences/{id}/print", "{test}/print?item={workshop}",
                    () -> backoffice().path("/print?item=" + backoffice().workshop())),
            organiser("/organiser/conferences/{id}/badges", "{test}/badges", () -> backoffice().path("/badges")),
            // CheckInResource: empty; a scanned code to admit; a code already used; an unknown code; the outcome
            // after admitting; a search by name
            organiser("/organiser/conferences/{id}/checkin", "{test}/checkin", () -> backoffice().path("/checkin")),
            organiser("/organiser/conferences/{id}/checkin", "{test}/checkin?code={code}",
                    () -> backoffice().path("/checkin?code=" + backoffice().code())),
            organiser("/organiser/conferences/{id}/checkin", "{test}/checkin?code={code of checked-in}",
                    () -> backoffice().path("/checkin?code=" + checkinCode(backoffice().checkedIn()))),
            organiser("/organiser/conferences/{id}/checkin", "{test}/checkin?code=gibt-es-nicht",
                    () -> backoffice().path("/checkin?code=gibt-es-nicht")),
            organiser("/organiser/conferences/{id}/checkin", "{test}/checkin?outcome=CHECKED_IN&r={checked-in}",
                    () -> backoffice().path("/checkin?outcome=CHECKED_IN&r=" + backoffice().checkedIn())),
            organiser("/organiser/conferences/{id}/checkin", "{test}/checkin?q=Muster",
                    () -> backoffice().path("/checkin?q=Muster")),
            // MessageResource: the form with the list of undelivered mails, and after sending
            organiser("/organiser/conferences/{id}/message", "{test}/message", () -> backoffice().path("/message")),
            organiser("/organiser/conferences/{id}/message", "{test}/message?notice=sent&count=3",
                    () -> backoffice().path("/message?notice=sent&count=3")),
            // DashboardResource: the test conference filling up, and one held two days ago
            organiser("/organiser/conferences/{id}/dashboard", "{test}/dashboard",
                    () -> backoffice().path("/dashboard")),
            organiser("/organiser/conferences/{id}/dashboard", "{past}/dashboard",
                    () -> "/organiser/conferences/" + Backoffice.past().conference() + "/dashboard"),
            // AfterEventResource: a conference held two days ago, with figures, settings and the survey's results
            organiser("/organiser/conferences/{id}/after", "{past}/after",
                    () -> "/organiser/conferences/" + Backoffice.past().conference() + "/after"),
            organiser("/organiser/conferences/{id}/after", "{past}/after?notice=sent&thanked=2&missed=1",
                    () -> "/organiser/conferences/" + Backoffice.past().conference()
                            + "/after?notice=sent&thanked=2&missed=1"),
            organiser("/organiser/conferences/{id}/after", "{test}/after (not over)",
                    () -> backoffice().path("/after")),
            // TokensResource: the organiser's API keys
            organiser("/organiser/tokens", "/organiser/tokens", () -> "/organiser/tokens"),
            // EmbedSettingsResource: the sites that may embed the list, and the code made for some choices
            organiser("/organiser/embed", "/organiser/embed", () -> "/organiser/embed"),
            organiser("/organiser/embed", "/organiser/embed?region=Brandenburg&all=true&accent=teal",
                    () -> "/organiser/embed?region=Brandenburg&all=true&accent=teal"),
            // WebhooksResource: the receivers with the form for a new one; a receiver with its delivery log
            organiser("/organiser/webhooks", "/organiser/webhooks", () -> {
                Backoffice.webhook();
                return "/organiser/webhooks";
            }),
            organiser("/organiser/webhooks/{webhookId}", "/organiser/webhooks/{paused, one failed attempt}",
                    () -> "/organiser/webhooks/" + Backoffice.webhook()),
            // PrivacyResource: access and erasure requests, the record of processing
            organiser("/organiser/privacy", "/organiser/privacy", () -> "/organiser/privacy"),
            organiser("/organiser/privacy/record", "/organiser/privacy/record", () -> "/organiser/privacy/record"),
            organiser("/organiser/account", "/organiser/account", () -> "/organiser/account"),
            organiser("/organiser/account", "/organiser/account?notice=password-changed",
                    () -> "/organiser/account?notice=password-changed"),
            // AdminResource: organisations and accounts, as the administrator
            admin("/organiser/admin", "/organiser/admin"),
            admin("/organiser/admin", "/organiser/admin?notice=created"));

    /** Routes that answer part of a page for other sites to include; {@code EmbedTest} walks them in a host page. */
    static final Set<String> PARTS_OF_PAGES = Set.of("/embed/{organisation}/conferences/fragment");

    static final List<String> LANGUAGES = List.of("de", "en");

    /** The WCAG 2.0 and 2.1 levels A and AA. */
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** A page route at a fixed URL. */
    static Route page(String template, String path) {
        return new Route(template, path, () -> path, 200, null);
    }

    /** A page route whose URL is made when the test runs, e.g. after creating the data it shows. */
    static Route page(String template, String example, Supplier<String> url) {
        return new Route(template, example, url, 200, null);
    }

    /**
     * A page of the organiser area, walked logged in as the demo organiser; its URL is made when the test runs. In
     * {@code example}, {test} stands for the conference of {@link Backoffice}.
     */
    static Route organiser(String template, String example, Supplier<String> url) {
        return new Route(template, example.startsWith("{") ? "/organiser/conferences/" + example : example, url, 200,
                Account.ORGANISER);
    }

    /** A page of the organiser area that only the administrator may open, walked logged in as the demo admin. */
    static Route admin(String template, String path) {
        return new Route(template, path + " (admin)", () -> path, 200, Account.ADMIN);
    }

    /** The friendly 404 page, served for a URL no route (or no record) matches. */
    static Route notFound(String path) {
        return new Route(null, path, () -> path, 404, null);
    }

    /** A new account's link to set a new password, as the administrator's mail carries it. */
    static String passwordResetLink() {
        String email = de.konferenzbuero.security.Organisers.createOrganiser(
                "barrierefrei-passwort-" + UUID.randomUUID() + "@example.org", "Barrierefrei-2026", "kts");
        long id = QuarkusTransaction.requiringNew()
                .call(() -> de.konferenzbuero.organisation.Organiser.findByEmail(email).orElseThrow().id);
        return "/organiser/password-reset/"
                + Arc.container().instance(de.konferenzbuero.organisation.Accounts.class).get().startPasswordReset(id);
    }

    /** Signs up someone new for the MPSC congress (on site, registration open in the demo data); its page's path. */
    static String newRegistration() {
        SignUp signUp = new SignUp("Erika", "Mustermann", "barrierefrei-" + UUID.randomUUID() + "@example.org",
                "Stadt Lemgo", "Digitalisierung", Attendance.ON_SITE, List.of(), false, false, false, null, null, true,
                false, "de", List.of());
        SignUpResult result = Arc.container().instance(SignUpService.class).get().signUp("mpsc-kongress", signUp,
                de.konferenzbuero.registration.ConsentChannel.FORM);
        return "/registrations/" + ((SignUpResult.Registered) result).registration().manageSecret;
    }

    /** A new registration whose attendee confirmed their address from the mail. */
    static String confirmedRegistration() {
        String path = newRegistration();
        Arc.container().instance(de.konferenzbuero.registration.RegistrationService.class).get()
                .confirmAddress(path.substring(path.lastIndexOf('/') + 1));
        return path;
    }

    /**
     * A registration holding a place offered from the waitlist: at a conference with offers and one place, someone else
     * held it and cancelled.
     */
    static String offeredRegistration() {
        String slug = "angebot-" + UUID.randomUUID();
        de.konferenzbuero.TestConferences.create(slug, c -> {
            c.onsiteCapacity = 1;
            c.offerHours = 24;
        });
        SignUpService signUps = Arc.container().instance(SignUpService.class).get();
        String[] secrets = new String[2];
        for (int i = 0; i < 2; i++) {
            SignUp signUp = new SignUp("Erika", "Mustermann", "angebot-" + i + "-" + UUID.randomUUID() + "@example.org",
                    null, null, Attendance.ON_SITE, List.of(), false, false, false, null, null, true, false, "de",
                    List.of());
            SignUpResult result = signUps.signUp(slug, signUp, de.konferenzbuero.registration.ConsentChannel.FORM);
            secrets[i] = ((SignUpResult.Registered) result).registration().manageSecret;
        }
        Arc.container().instance(de.konferenzbuero.registration.RegistrationService.class).get().cancel(secrets[0]);
        return "/registrations/" + secrets[1];
    }

    /**
     * A registration holding a workshop place offered from its waitlist: at a conference with offers and a workshop of
     * one place, someone else held it and cancelled.
     */
    static String placeOfferedRegistration() {
        String slug = "platzangebot-" + UUID.randomUUID();
        de.konferenzbuero.conference.Conference c = de.konferenzbuero.TestConferences.create(slug,
                conf -> conf.offerHours = 24);
        long workshop = de.konferenzbuero.TestConferences.addItem(c, "Workshop Offene Daten",
                de.konferenzbuero.conference.AgendaItemKind.WORKSHOP, c.startsAt.plus(java.time.Duration.ofHours(2)),
                java.time.Duration.ofHours(2), 1).id;
        SignUpService signUps = Arc.container().instance(SignUpService.class).get();
        String[] secrets = new String[2];
        for (int i = 0; i < 2; i++) {
            SignUp signUp = new SignUp("Erika", "Mustermann", "platz-" + i + "-" + UUID.randomUUID() + "@example.org",
                    null, null, Attendance.ON_SITE, List.of(workshop), false, false, false, null, null, true, false,
                    "de", List.of());
            SignUpResult result = signUps.signUp(slug, signUp, de.konferenzbuero.registration.ConsentChannel.FORM);
            secrets[i] = ((SignUpResult.Registered) result).registration().manageSecret;
        }
        Arc.container().instance(de.konferenzbuero.registration.RegistrationService.class).get().cancel(secrets[0]);
        return "/registrations/" + secrets[1];
    }

    /** The organiser area's test data (made on first use). */
    static Backoffice backoffice() {
        return Backoffice.get();
    }

    /** The check-in code of a registration. */
    static String checkinCode(long registrationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration> findById(registrationId).checkinCode);
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
            if (route.account() != null) {
                route.account().logIn(page, origin);
            }
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
            // Not sent elsewhere (e.g. to the login page, which would pass the checks in place of the page itself).
            assertThat(URI.create(page.url()).getPath()).as("path shown for %s", path)
                    .isEqualTo(URI.create(origin + path).getPath());
            assertThat(page.locator("html").getAttribute("lang")).as("lang of %s", path).isEqualTo(lang);

            AxeResults results = new AxeBuilder(page).withTags(AXE_TAGS).analyze();
            SoftAssertions.assertSoftly(soft -> {
                soft.assertThat(results.getViolations())
                        .withFailMessage("axe violations on %s (%s):%n%s", path, lang, describe(results)).isEmpty();
                soft.assertThat(foreignRequests).as("requests to another origin than %s from %s", origin, path)
                        .isEmpty();
                soft.assertThat(cspErrors).as("Content-Security-Policy errors on %s", path).isEmpty();
                soft.assertThat(duplicateIds(page)).as("ids used more than once on %s", path).isEmpty();
                soft.assertThat(widthOnAPhone(page))
                        .as("width of %s at %d CSS px (WCAG 1.4.10 Reflow)", path, PHONE_WIDTH)
                        .isLessThanOrEqualTo(PHONE_WIDTH);
            });
        } finally {
            page.context().close();
        }
    }

    // --- Forms in their error state --------------------------------------------------------------------------------

    /**
     * A form sent in the browser, and the page that answers it checked like a page of {@link #ROUTES}: the account to
     * be logged in as (null: not logged in), the URL of the page with the form, what to enter (fields found by id, the
     * same in both languages), the CSS selector of the button that sends it, and the status of the answer. Where that
     * status is an error, the answer must show it ({@code role="alert"} or a field with {@code aria-invalid}).
     */
    record FormState(String name, Account account, Supplier<String> url, Consumer<Page> fill, Supplier<String> submit,
            int status) {
    }

    /**
     * Every form of the organiser area sent with invalid input (and the API key page right after creating a key, a page
     * only a POST shows), and the group sign-up (its errors, another section, the outcome, pages only a POST shows).
     * The public sign-up and manage forms are sent with errors in {@link JourneyTest}.
     */
    static final List<FormState> FORMS = List.of(new FormState("login: wrong password", null, () -> {
        backoffice(); // makes the account of Backoffice.LOGIN_EMAIL
        return "/organiser/login";
    }, p -> {
        p.fill("#f-email", Backoffice.LOGIN_EMAIL);
        p.fill("#f-password", "Falsches-Passwort-2026");
    }, () -> "form[action='/organiser/login'] button[type=submit]", 401),
            new FormState("new conference: no title, ends before it starts", Account.ORGANISER,
                    () -> "/organiser/conferences/new", p -> {
                        p.fill("#f-startsAt", "2027-05-10T10:00");
                        p.fill("#f-endsAt", "2027-05-10T09:00");
                        p.fill("#f-contactEmail", "keine-adresse");
                    }, () -> "form[action='/organiser/conferences'] button[type=submit]", 400),
            new FormState("conference: no title, ends before it starts, capacity below 0", Account.ORGANISER,
                    () -> backoffice().path("/edit"), p -> {
                        p.fill("#f-title", "");
                        p.fill("#f-endsAt", "2020-01-01T09:00");
                        p.fill("#f-onsiteCapacity", "-5");
                    }, () -> "form[action='" + backoffice().path("") + "'] button[type=submit]", 400),
            new FormState("approvals: nothing selected", Account.ORGANISER, () -> backoffice().path("/approvals"),
                    p -> p.fill("#f-message", "Willkommen!"),
                    () -> "form[action='" + backoffice().path("/approvals") + "'] button[value=approve]", 400),
            new FormState("agenda: new item without title", Account.ORGANISER, () -> backoffice().path("/agenda"),
                    p -> p.check("#f-bookable"),
                    () -> "form[action='" + backoffice().path("/agenda") + "'] button[type=submit]", 400),
            new FormState("agenda: removing a booked workshop", Account.ORGANISER, () -> backoffice().path("/agenda"),
                    p -> {
                    },
                    () -> "form[action='" + backoffice().path("/agenda/" + backoffice().workshop() + "/remove")
                            + "'] button[type=submit]",
                    409),
            new FormState("agenda item: no title, ends before it starts", Account.ORGANISER,
                    () -> backoffice().path("/agenda/" + backoffice().workshop()), p -> {
                        p.fill("#f-title", "");
                        p.fill("#f-endsAt", "2020-01-01T09:00");
                    },
                    () -> "form[action='" + backoffice().path("/agenda/" + backoffice().workshop())
                            + "'] button[type=submit]",
                    400),
            new FormState("questions: a choice without answers to choose", Account.ORGANISER,
                    () -> backoffice().path("/questions"), p -> p.selectOption("#f-kind", "SINGLE_CHOICE"),
                    () -> "form[action='" + backoffice().path("/questions") + "'] button[type=submit]", 400),
            new FormState("registration by hand: nothing but a wrong address", Account.ORGANISER,
                    () -> backoffice().path("/registrations/new"), p -> p.fill("#f-email", "keine-adresse"),
                    () -> "form[action='" + backoffice().path("/registrations") + "'] button[type=submit]", 400),
            new FormState("registration: no first name, wrong address", Account.ORGANISER,
                    () -> backoffice().path("/registrations/" + backoffice().confirmed()), p -> {
                        p.fill("#f-firstName", "");
                        p.fill("#f-email", "keine-adresse");
                    },
                    () -> "form[action='" + backoffice().path("/registrations/" + backoffice().confirmed())
                            + "'] button[type=submit]",
                    400),
            new FormState("message: item audience without item, no subject, no text", Account.ORGANISER,
                    () -> backoffice().path("/message"), p -> p.check("#audience-item"),
                    () -> "form[action='" + backoffice().path("/message") + "'] button[type=submit]", 400),
            new FormState("admin: new organisation with wrong slug and address", Account.ADMIN,
                    () -> "/organiser/admin", p -> {
                        p.fill("form[action='/organiser/admin/organisations'] [name=slug]", "Kein Kürzel!");
                        p.fill("form[action='/organiser/admin/organisations'] [name=contactEmail]", "keine-adresse");
                    }, () -> "form[action='/organiser/admin/organisations'] button[type=submit]", 400),
            new FormState("admin: new organiser with wrong address, short password", Account.ADMIN,
                    () -> "/organiser/admin", p -> {
                        p.fill("form[action='/organiser/admin/organisers'] [name=email]", "keine-adresse");
                        p.fill("form[action='/organiser/admin/organisers'] [name=password]", "kurz");
                    }, () -> "form[action='/organiser/admin/organisers'] button[type=submit]", 400),
            new FormState("data request: not an address", Account.ORGANISER, () -> "/organiser/privacy",
                    p -> p.fill("#f-email", "keine-adresse"),
                    () -> "form[action='/organiser/privacy/lookup'] button[type=submit]", 400),
            new FormState("data request: what is stored for an attendee", Account.ORGANISER, () -> "/organiser/privacy",
                    p -> p.fill("#f-email", "erika.barrierefrei@example.org"),
                    () -> "form[action='/organiser/privacy/lookup'] button[type=submit]", 200),
            new FormState("group sign-up: an address missing, no declaration", null, AccessibilityTest::groupForm,
                    p -> {
                        p.fill("#f-p1-firstName", "Greta");
                        p.fill("#f-p1-lastName", "Gruppe");
                    }, AccessibilityTest::groupSubmit, 400),
            new FormState("group sign-up: another person", null, AccessibilityTest::groupForm,
                    p -> p.fill("#f-p1-firstName", "Greta"),
                    () -> "form[action='/conferences/" + Backoffice.SLUG + "/group'] button[name=more]", 200),
            new FormState("group sign-up: the outcome", null, AccessibilityTest::groupForm, p -> {
                p.fill("#f-p1-firstName", "Greta");
                p.fill("#f-p1-lastName", "Gruppe");
                p.fill("#f-p1-email", "gruppe-" + UUID.randomUUID() + "@barrierefrei.example");
                p.check("#f-p1-attendance");
                p.check("#f-all-privacyConsent");
            }, AccessibilityTest::groupSubmit, 200),
            new FormState("Contingent: more places than are free", Account.ORGANISER, () -> {
                Backoffice.invitation();
                return backoffice().path("/invitations");
            }, p -> {
                p.fill("#f-name", "Zu groß");
                p.fill("#f-places", "999");
            }, () -> "form[action='" + backoffice().path("/invitations/contingents") + "'] button[type=submit]", 400),
            new FormState("Invitation: shared link created, shown once", Account.ORGANISER,
                    () -> backoffice().path("/invitations"), p -> {
                        p.fill("#f-codeLabel", "Verteiler Barrierefreiheit");
                        p.fill("#f-maxUses", "5");
                    }, () -> "form[action='" + backoffice().path("/invitations/shared") + "'] button[type=submit]",
                    200),
            new FormState("Webhook: no address, no event", Account.ORGANISER, () -> "/organiser/webhooks", p -> {
                p.locator("input[name=events]").all().forEach(box -> box.uncheck());
            }, () -> "form[action='/organiser/webhooks'] button[type=submit]", 400),
            new FormState("Webhook: created, secret shown once", Account.ORGANISER, () -> "/organiser/webhooks",
                    p -> p.fill("#f-url", "http://127.0.0.1:9/barrierefrei-" + UUID.randomUUID()),
                    () -> "form[action='/organiser/webhooks'] button[type=submit]", 200),
            new FormState("API key: no name", Account.ORGANISER, () -> "/organiser/tokens", p -> {
            }, () -> "form[action='/organiser/tokens'] button[type=submit]", 400),
            new FormState("API key: created, shown once", Account.ORGANISER, () -> "/organiser/tokens",
                    p -> p.fill("#f-name", "Barrierefreiheit " + UUID.randomUUID()),
                    () -> "form[action='/organiser/tokens'] button[type=submit]", 200));

    private static String groupForm() {
        backoffice();
        return "/conferences/" + Backoffice.SLUG + "/group";
    }

    private static String groupSubmit() {
        return "form[action='/conferences/" + Backoffice.SLUG + "/group'] button[type=submit]:not([name=more])";
    }

    /** Every form state in every language, as (language, name, index in FORMS). */
    static Stream<Arguments> forms() {
        return IntStream.range(0, FORMS.size()).boxed()
                .flatMap(i -> LANGUAGES.stream().map(lang -> Arguments.of(lang, FORMS.get(i).name(), i)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("forms")
    void formStateIsAccessible(String lang, String name, int index) {
        FormState form = FORMS.get(index);
        String origin = root.getProtocol() + "://" + root.getAuthority();
        Page page = browser.newPage();
        try {
            if (form.account() != null) {
                form.account().logIn(page, origin);
            }
            List<String> cspErrors = Collections.synchronizedList(new ArrayList<>());
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    cspErrors.add(message.text());
                }
            });
            String url = form.url().get();
            Response shown = page.navigate(origin + withLang(url, lang));
            assertThat(shown.status()).as("status of %s", url).isEqualTo(200);
            assertThat(URI.create(page.url()).getPath()).as("path shown for %s", url)
                    .isEqualTo(URI.create(origin + url).getPath());

            form.fill().accept(page);
            Response answer = page.waitForResponse(r -> r.request().method().equals("POST"),
                    () -> page.locator(form.submit().get()).click());
            page.waitForURL(answer.url());
            page.waitForLoadState();

            String what = name + " (" + lang + ")";
            assertThat(answer.status()).as("status after sending %s", what).isEqualTo(form.status());
            assertThat(page.locator("html").getAttribute("lang")).as("lang after sending %s", what).isEqualTo(lang);
            if (form.status() >= 400) {
                assertThat(page.locator("[role=alert], [aria-invalid=true]").count()).as("errors shown after %s", what)
                        .isPositive();
            }
            assertNoAxeViolations(page, what);
            assertThat(cspErrors).as("Content-Security-Policy errors after %s", what).isEmpty();
            assertThat(duplicateIds(page)).as("ids used more than once after %s", what).isEmpty();
            assertThat(widthOnAPhone(page)).as("width after %s at %d CSS px (WCAG 1.4.10 Reflow)", what, PHONE_WIDTH)
                    .isLessThanOrEqualTo(PHONE_WIDTH);
        } finally {
            page.context().close();
        }
    }

    /** WCAG 1.4.10 Reflow: content fits 320 CSS px without scrolling sideways (a wide table may scroll in itself). */
    static final int PHONE_WIDTH = 320;

    /** The width of the page (what it scrolls sideways over) with the viewport {@link #PHONE_WIDTH} wide. */
    static int widthOnAPhone(Page page) {
        page.setViewportSize(PHONE_WIDTH, 640);
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    }

    /**
     * The ids that more than one element of the page has. axe-core no longer reports them (WCAG 2.2 dropped 4.1.1
     * Parsing), but WCAG 2.1 has it, and a label or error text tied to a doubled id names the wrong field.
     */
    @SuppressWarnings("unchecked")
    static List<String> duplicateIds(Page page) {
        return (List<String>) page.evaluate("""
                () => {
                  const seen = new Set(), twice = new Set();
                  for (const e of document.querySelectorAll('[id]')) {
                    (seen.has(e.id) ? twice : seen).add(e.id);
                  }
                  return [...twice];
                }""");
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
    static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    /** Annotations that let in any logged-in account (whatever its roles). */
    static final Set<DotName> LOGGED_IN = Set.of(DotName.createSimple("io.quarkus.security.Authenticated"),
            DotName.createSimple("io.quarkus.security.PermissionsAllowed"));
    /** In the roles of a route: any logged-in account may open it (also Quarkus's {@code @RolesAllowed("**")}). */
    static final String ANY_ACCOUNT = "**";

    /**
     * Fails when an HTML page route exists that {@link #ROUTES} does not walk, when {@link #ROUTES} names a route that
     * no longer exists, or when it walks a page behind a login without an account the page lets in.
     * <p>
     * How routes are found (kept simple on purpose): the compiled classes under {@code de.konferenzbuero.web} are
     * indexed with Jandex (as Quarkus itself does at build time). A page route is a {@code @GET} method that produces
     * HTML, i.e. its {@code @Produces} (on the method, else on the class) includes {@code text/html}, or it has no
     * {@code @Produces} and returns a Qute {@code TemplateInstance}. Its template is the class {@code @Path} joined
     * with the method {@code @Path}, with regular expressions removed from parameters ({@code {slug:[a-z]+}} becomes
     * {@code {slug}}). Pages behind a login count too: the roles of {@code @RolesAllowed} (any account for
     * {@code @Authenticated} or {@code @PermissionsAllowed}; the method's annotation, else the class's; none for
     * {@code @PermitAll}) say which {@link Account} a route must be walked as. Pages of dev builds only are skipped.
     * Not covered: {@code @Path} inherited from interfaces or superclasses, sub-resource locators, and routes outside
     * {@code de.konferenzbuero.web}.
     */
    @Test
    void everyHtmlPageRouteIsWalked() throws IOException {
        Map<String, Set<String>> found = htmlPageRoutes();
        Set<String> walked = ROUTES.stream().map(Route::template).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(found).as("HTML page routes found under %s", WEB_PACKAGE).containsKeys("/", "/conferences/{slug}",
                "/organiser/login", "/organiser", "/organiser/admin");
        assertThat(found.get("/organiser/conferences/{id}/agenda")).as("roles of the agenda page")
                .containsExactly("organiser");
        Set<String> missing = new TreeSet<>(found.keySet());
        missing.removeAll(walked);
        missing.removeAll(PARTS_OF_PAGES);
        assertThat(missing).as("HTML page routes not in AccessibilityTest.ROUTES; add an example URL for each "
                + "(with the account to walk it as, if it needs a login)").isEmpty();
        Set<String> stale = new TreeSet<>(walked);
        stale.removeAll(found.keySet());
        assertThat(stale).as("AccessibilityTest.ROUTES names routes that do not exist (any more)").isEmpty();
        List<String> notLetIn = ROUTES.stream().filter(r -> r.template() != null && found.containsKey(r.template()))
                .filter(r -> !letsIn(found.get(r.template()), r.account()))
                .map(r -> r.example() + " needs one of " + found.get(r.template()) + ", walked as " + r.account())
                .toList();
        assertThat(notLetIn).as("pages behind a login walked without an account they let in").isEmpty();
    }

    /** Whether a page needing {@code roles} (none: a public page) lets {@code account} (null: nobody) in. */
    static boolean letsIn(Set<String> roles, Account account) {
        if (roles.isEmpty()) {
            return true;
        }
        return account != null && (roles.contains(ANY_ACCOUNT) || roles.stream().anyMatch(account.roles::contains));
    }

    /** Every HTML page route found, with the roles it needs (empty for a public page). */
    static Map<String, Set<String>> htmlPageRoutes() throws IOException {
        Index index = indexWebClasses();
        Map<String, Set<String>> routes = new TreeMap<>();
        for (AnnotationInstance get : index.getAnnotations(GET)) {
            if (get.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = get.target().asMethod();
            ClassInfo resource = method.declaringClass();
            if (devOnly(resource) || !producesHtml(method, resource)) {
                continue;
            }
            routes.put(template(value(resource.declaredAnnotation(PATH)), value(method.declaredAnnotation(PATH))),
                    roles(method, resource));
        }
        return routes;
    }

    /** The roles a route needs: the method's security annotation, else its class's; empty for a public route. */
    static Set<String> roles(MethodInfo method, ClassInfo resource) {
        Optional<Set<String>> onMethod = declaredRoles(method.declaredAnnotation(PERMIT_ALL),
                method.declaredAnnotation(ROLES_ALLOWED), LOGGED_IN.stream().anyMatch(method::hasDeclaredAnnotation));
        return onMethod.orElseGet(
                () -> declaredRoles(resource.declaredAnnotation(PERMIT_ALL), resource.declaredAnnotation(ROLES_ALLOWED),
                        LOGGED_IN.stream().anyMatch(resource::hasDeclaredAnnotation)).orElse(Set.of()));
    }

    private static Optional<Set<String>> declaredRoles(AnnotationInstance permitAll, AnnotationInstance rolesAllowed,
            boolean loggedIn) {
        if (permitAll != null) {
            return Optional.of(Set.of());
        }
        if (rolesAllowed != null) {
            return Optional.of(Set.of(rolesAllowed.value().asStringArray()));
        }
        return loggedIn ? Optional.of(Set.of(ANY_ACCOUNT)) : Optional.empty();
    }

    /** Pages that exist only in dev builds (e.g. the outbox viewer) are not part of the product. */
    static boolean devOnly(ClassInfo resource) {
        AnnotationInstance profile = resource
                .declaredAnnotation(DotName.createSimple("io.quarkus.arc.profile.IfBuildProfile"));
        return profile != null && "dev".equals(profile.value() == null ? null : profile.value().asString());
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
