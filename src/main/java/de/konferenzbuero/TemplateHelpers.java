package de.konferenzbuero;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/** Computed values for every template (pages and mails); the template's locale picks the format. */
@TemplateExtension
public class TemplateHelpers {

    static String date(Instant instant, @TemplateAttribute("locale") Object locale) {
        return EventTime.date(instant, toLocale(locale));
    }

    static String shortDate(Instant instant, @TemplateAttribute("locale") Object locale) {
        return EventTime.shortDate(instant, toLocale(locale));
    }

    static String weekday(LocalDate day, @TemplateAttribute("locale") Object locale) {
        return EventTime.weekday(day, toLocale(locale));
    }

    static String time(Instant instant) {
        return EventTime.time(instant);
    }

    /** ISO date-time with offset, for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return EventTime.local(instant).toOffsetDateTime().toString();
    }

    static String spanTo(Instant start, Instant end, @TemplateAttribute("locale") Object locale) {
        return EventTime.span(start, end, toLocale(locale));
    }

    private static Locale toLocale(Object locale) {
        if (locale instanceof Locale l) {
            return l;
        }
        return locale == null ? Locale.GERMAN : Locale.forLanguageTag(locale.toString());
    }
}
