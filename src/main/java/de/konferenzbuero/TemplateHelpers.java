package de.konferenzbuero;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionOption;
import de.konferenzbuero.registration.Registration;

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

    /** A mean or share with one decimal: "4,3" or "4.3". */
    static String oneDecimal(double value, @TemplateAttribute("locale") Object locale) {
        return String.format(toLocale(locale), "%.1f", value);
    }

    static String spanTo(Instant start, Instant end, @TemplateAttribute("locale") Object locale) {
        return EventTime.span(start, end, toLocale(locale));
    }

    static String questionText(Question question, @TemplateAttribute("locale") Object locale) {
        return question.label(toLocale(locale));
    }

    static String helpText(Question question, @TemplateAttribute("locale") Object locale) {
        return question.help(toLocale(locale));
    }

    static String optionText(QuestionOption option, @TemplateAttribute("locale") Object locale) {
        return option.label(toLocale(locale));
    }

    /** The hint of a conditional question: "Nur wenn Sie bei „…“ „Ja“ angeben." */
    static String onlyIf(Question question, @TemplateAttribute("locale") Object locale) {
        Locale l = toLocale(locale);
        return Texts.question(l).only_if(question.shownIfQuestion.label(l), question.conditionAnswer(l));
    }

    /** A country to choose: its ISO code and its name in the page's language. */
    public record Country(String code, String name) {
    }

    static List<Country> countries(Question question, @TemplateAttribute("locale") Object locale) {
        Locale l = "en".equals(toLocale(locale).getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        Collator collator = Collator.getInstance(l);
        return Stream.of(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(l)))
                .sorted(Comparator.comparing(Country::name, collator)).toList();
    }

    static List<Registration.AnswerLine> answerLines(Registration registration,
            @TemplateAttribute("locale") Object locale) {
        return registration.answerLines(toLocale(locale));
    }

    private static Locale toLocale(Object locale) {
        if (locale instanceof Locale l) {
            return l;
        }
        return locale == null ? Locale.GERMAN : Locale.forLanguageTag(locale.toString());
    }
}
