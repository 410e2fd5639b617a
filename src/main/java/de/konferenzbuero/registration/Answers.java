package de.konferenzbuero.registration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.conference.QuestionOption;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.input.Text;

/**
 * The rules of the organiser's questions, on the server: a conditional question counts only when the earlier answer it
 * depends on is given (answers to hidden questions are dropped), required ones must be answered, each answer must fit
 * its kind. Problems name the question's field ({@link Question#field()}), or {@code answers} for an unknown question.
 */
public final class Answers {

    /** A checked answer: the normal form of its value, or the chosen options. */
    public record Checked(Question question, String value, List<QuestionOption> options) {
    }

    static final int TEXT_MAX = 300;
    static final int LONG_TEXT_MAX = 2000;
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}([.,]\\d{1,6})?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/.-]{4,29}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private Answers() {
    }

    /**
     * Checks the answers against the conference's questions (in their order).
     *
     * @param required
     *            whether required questions must be answered (an organiser adding someone by hand may leave them)
     * @param locale
     *            the attendee's language: a consent stores the text agreed to in it
     */
    public static List<Checked> check(List<Question> questions, List<Answered> given, boolean required, Locale locale,
            List<FieldProblem> problems) {
        Map<Long, Answered> byQuestion = new HashMap<>();
        for (Answered a : given) {
            if (a.question() == null || questions.stream().noneMatch(q -> q.id.equals(a.question()))) {
                problems.add(new FieldProblem("answers", Problem.ANSWER_NOT_OFFERED));
                return List.of();
            }
            byQuestion.putIfAbsent(a.question(), a);
        }
        Map<Long, Checked> shown = new LinkedHashMap<>();
        for (Question q : questions) {
            if (!isShown(q, shown)) {
                continue;
            }
            Answered a = byQuestion.get(q.id);
            Checked checked = checkOne(q, a, required, locale, problems);
            shown.put(q.id, checked);
        }
        return shown.values().stream().filter(c -> c.value() != null || !c.options().isEmpty()).toList();
    }

    /** Whether a question is asked, given the answers to the questions before it (only shown ones are in there). */
    static boolean isShown(Question q, Map<Long, Checked> earlier) {
        if (!q.conditional()) {
            return true;
        }
        Checked condition = earlier.get(q.shownIfQuestion.id);
        if (condition == null) {
            return false;
        }
        return condition.options().isEmpty() ? q.shownIfValue.equals(condition.value())
                : condition.options().stream().anyMatch(o -> String.valueOf(o.id).equals(q.shownIfValue));
    }

    private static Checked checkOne(Question q, Answered a, boolean required, Locale locale,
            List<FieldProblem> problems) {
        String raw = a == null || a.answer() == null ? null : a.answer().strip();
        List<Long> chosen = a == null ? List.of() : a.options().stream().distinct().toList();
        Checked none = new Checked(q, null, List.of());
        String field = q.field();
        if (q.kind.hasOptions()) {
            List<QuestionOption> options = new ArrayList<>();
            for (Long id : chosen) {
                QuestionOption option = id == null ? null : q.option(id);
                if (option == null || option.deletedAt != null) {
                    problems.add(new FieldProblem(field, Problem.ANSWER_NOT_OFFERED));
                    return none;
                }
                options.add(option);
            }
            if (q.kind == QuestionKind.SINGLE_CHOICE && options.size() > 1) {
                problems.add(new FieldProblem(field, Problem.ANSWER_NOT_OFFERED));
                return none;
            }
            if (options.isEmpty() && q.required && required) {
                problems.add(new FieldProblem(field, Problem.REQUIRED));
            }
            return new Checked(q, null, List.copyOf(options));
        }
        if (raw == null || Text.visibleOrEmpty(raw).isBlank()) {
            if (q.required && required) {
                problems.add(new FieldProblem(field,
                        q.kind == QuestionKind.CONSENT ? Problem.CONSENT_REQUIRED : Problem.REQUIRED));
            }
            return none;
        }
        Problem problem = null;
        String value = raw;
        switch (q.kind) {
        case TEXT, LONG_TEXT -> {
            boolean multiLine = q.kind == QuestionKind.LONG_TEXT;
            if (raw.length() > (multiLine ? LONG_TEXT_MAX : TEXT_MAX)) {
                problem = Problem.TOO_LONG;
            } else if (!Text.allowed(raw, multiLine)) {
                problem = Problem.CHARACTERS_NOT_ALLOWED;
            }
        }
        case NUMBER -> {
            if (NUMBER.matcher(raw).matches()) {
                value = raw.replace(',', '.');
            } else {
                problem = Problem.NUMBER_INVALID;
            }
        }
        case YES_NO -> {
            if (!Question.YES.equals(raw) && !Question.NO.equals(raw)) {
                problem = Problem.ANSWER_NOT_OFFERED;
            }
        }
        case DATE -> {
            value = date(raw);
            problem = value == null ? Problem.DATE_INVALID : null;
        }
        case PHONE -> {
            if (!PHONE.matcher(raw).matches() || raw.chars().filter(Character::isDigit).count() < 5) {
                problem = Problem.PHONE_INVALID;
            }
        }
        case COUNTRY -> {
            value = raw.toUpperCase(Locale.ROOT);
            problem = COUNTRIES.contains(value) ? null : Problem.ANSWER_NOT_OFFERED;
        }
        case EMAIL -> {
            value = EmailAddresses.normalise(raw).orElse(null);
            problem = value == null ? Problem.EMAIL_INVALID : null;
        }
        case CONSENT -> {
            if (Question.YES.equals(raw)) {
                value = q.label(locale);
            } else if (Question.NO.equals(raw)) {
                return none;
            } else {
                problem = Problem.ANSWER_NOT_OFFERED;
            }
        }
        default -> throw new IllegalStateException(q.kind.name());
        }
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
            return none;
        }
        return new Checked(q, value, List.of());
    }

    /** ISO (what a date input sends) or the German form "24.9.2026". */
    private static String date(String raw) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, GERMAN_DATE)) {
            try {
                return LocalDate.parse(raw, format).toString();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
