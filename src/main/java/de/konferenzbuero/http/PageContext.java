package de.konferenzbuero.http;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * What every page needs to know about the current request: the language it is shown in and the URL of the same page in
 * the other language. Filled by {@link LocaleFilter}; read by the layout.
 */
@RequestScoped
@Named("page")
public class PageContext {

    public static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

    private Locale locale = Locale.GERMAN;
    private String path = "/";
    private String query = "";

    void init(Locale locale, String path, String query) {
        this.locale = locale;
        this.path = path;
        this.query = query == null ? "" : query;
    }

    public Locale locale() {
        return locale;
    }

    /** "de" or "en", for the {@code lang} attribute. */
    public String lang() {
        return locale.getLanguage();
    }

    public boolean german() {
        return Locale.GERMAN.equals(locale);
    }

    /** The language the switch offers: the one not shown now. */
    public String otherLang() {
        return german() ? "en" : "de";
    }

    /** This page in the other language; the other query parameters are kept. */
    public String switchUrl() {
        StringBuilder url = new StringBuilder(path).append("?lang=").append(otherLang());
        for (String param : query.split("&")) {
            if (!param.isEmpty() && !param.startsWith("lang=")) {
                url.append('&').append(param);
            }
        }
        return url.toString();
    }

    /** Whether the page was asked for with no query parameter but the language: the same page for everybody. */
    public boolean plain() {
        return java.util.Arrays.stream(query.split("&")).allMatch(p -> p.isEmpty() || p.startsWith("lang="));
    }

    public String path() {
        return path;
    }

    /** The path for a log line: a manage link's secret is left out, as logs are read by more people than mails. */
    public String loggedPath() {
        return path.replaceAll("^(/api)?/registrations/[^/]+", "$1/registrations/***");
    }
}
