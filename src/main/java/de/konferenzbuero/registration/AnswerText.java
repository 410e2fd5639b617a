package de.konferenzbuero.registration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;

/** A stored answer value as people read it: "Ja"/"Yes", a country's name, a date in the language's form. */
public final class AnswerText {

    private AnswerText() {
    }

    public static String of(QuestionKind kind, String value, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return switch (kind) {
        case YES_NO -> Question.YES.equals(value) ? (en ? "Yes" : "Ja") : (en ? "No" : "Nein");
        case CONSENT -> (en ? "Agreed: " : "Zugestimmt: ") + value;
        case COUNTRY -> new Locale("", value).getDisplayCountry(en ? Locale.ENGLISH : Locale.GERMAN);
        case DATE -> LocalDate.parse(value).format(
                DateTimeFormatter.ofPattern(en ? "d MMMM yyyy" : "d. MMMM yyyy", en ? Locale.ENGLISH : Locale.GERMAN));
        default -> value;
        };
    }
}
