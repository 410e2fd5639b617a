package de.konferenzbuero.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;

/**
 * Chooses the page language: an explicit {@code ?lang=} (remembered in a cookie), else the cookie, else the browser's
 * Accept-Language, else German. Every rendered page gets that locale, so message bundles and date formats follow it.
 */
public class LocaleFilter {

    static final String COOKIE = "lang";
    static final String PARAM = "lang";

    private final PageContext page;

    public LocaleFilter(PageContext page) {
        this.page = page;
    }

    @ServerRequestFilter(preMatching = true)
    public void chooseLocale(ContainerRequestContext request) {
        String requested = request.getUriInfo().getQueryParameters().getFirst(PARAM);
        Cookie cookie = request.getCookies().get(COOKIE);
        Locale locale = supported(requested).or(() -> supported(cookie == null ? null : cookie.getValue()))
                .orElseGet(() -> fromAcceptLanguage(request.getAcceptableLanguages()));
        page.init(locale, request.getUriInfo().getPath(), request.getUriInfo().getRequestUri().getRawQuery());
    }

    /** Every template created while a request is active is rendered in the request's language. */
    void localisePages(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(template -> {
            if (Arc.container().requestContext().isActive()) {
                template.setLocale(Arc.container().instance(PageContext.class).get().locale());
            }
        });
    }

    @ServerResponseFilter
    public void announceLocale(ContainerRequestContext request, ContainerResponseContext response) {
        if (MediaType.TEXT_HTML_TYPE.isCompatible(response.getMediaType())) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, page.lang());
            response.getHeaders().add(HttpHeaders.VARY, "Accept-Language, Cookie");
        }
        if (supported(request.getUriInfo().getQueryParameters().getFirst(PARAM)).isPresent()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(COOKIE).value(page.lang()).path("/")
                    .maxAge(60 * 60 * 24 * 365).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build());
        }
    }

    private static Optional<Locale> supported(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return PageContext.SUPPORTED.stream().filter(l -> l.getLanguage().equalsIgnoreCase(tag.trim())).findFirst();
    }

    private static Locale fromAcceptLanguage(List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            Optional<Locale> match = supported(wanted.getLanguage());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return Locale.GERMAN;
    }
}
