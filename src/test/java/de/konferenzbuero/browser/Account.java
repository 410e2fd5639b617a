package de.konferenzbuero.browser;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;

import io.quarkus.arc.Arc;

import de.konferenzbuero.http.OrganiserAuthentication;
import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.organisation.LoginResult;

/**
 * A demo account (loaded in test mode) that a browser or header test walks the organiser area as. {@link #session()}
 * logs in once through {@link Accounts#login} (the service behind the login form) and keeps the session for the next
 * page; {@link #logIn(Page, String)} puts it into a browser context as the {@code kb_session} cookie, exactly what the
 * login form's response sets. The login form itself is walked by {@link OrganiserJourneyTest}.
 */
enum Account {

    /** Organiser of the KTS and BMWSB conferences (and of the test conferences, which belong to KTS). */
    ORGANISER("organisator@kts.example", Set.of("organiser")),
    /** The platform administrator: all conferences, and the admin page. */
    ADMIN("admin@konferenzbuero.example", Set.of("organiser", "admin"));

    /** The password of all demo accounts. */
    static final String PASSWORD = "Demo-Passwort-2026";

    private static final Map<Account, String> SESSIONS = new ConcurrentHashMap<>();

    final String email;
    /** The roles the app gives this account's identity (see OrganiserIdentities). */
    final Set<String> roles;

    Account(String email, Set<String> roles) {
        this.email = email;
        this.roles = roles;
    }

    /** A live session token of this account: logged in on first use, logged in again when the session has gone. */
    String session() {
        return SESSIONS.compute(this, (account, token) -> {
            Accounts accounts = Arc.container().instance(Accounts.class).get();
            if (token != null && accounts.bySession(token).isPresent()) {
                return token;
            }
            LoginResult result = accounts.login(email, PASSWORD);
            if (result instanceof LoginResult.Success success) {
                return success.token();
            }
            throw new IllegalStateException("Demo account " + email + " could not log in: " + result);
        });
    }

    /** Logs the browser context of {@code page} in as this account, for pages under {@code origin}. */
    void logIn(Page page, String origin) {
        page.context().addCookies(List
                .of(new Cookie(OrganiserAuthentication.SESSION_COOKIE, session()).setUrl(origin).setHttpOnly(true)));
    }
}
