package de.konferenzbuero.web.organiser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;

import de.konferenzbuero.QuestionMessages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.backoffice.QuestionDraft;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.conference.QuestionOption;
import de.konferenzbuero.web.FormState;

/**
 * The question form. Options are entered one per line, the English text after a vertical bar; the condition is one
 * choice of "question:answer" among the earlier yes/no and choice questions.
 */
public class QuestionForm extends FormState {

    /** One answer of an earlier question that can decide whether this one is shown. */
    public record Condition(String value, String label) {
    }

    private QuestionForm() {
        super(QuestionForm::label);
    }

    public static QuestionForm empty() {
        QuestionForm form = new QuestionForm();
        form.put("kind", QuestionKind.TEXT.name());
        return form;
    }

    public static QuestionForm of(MultivaluedMap<String, String> fields) {
        QuestionForm form = new QuestionForm();
        form.read(fields);
        return form;
    }

    public static QuestionForm of(Question q) {
        QuestionForm form = new QuestionForm();
        form.put("kind", q.kind.name());
        form.put("labelDe", q.labelDe);
        form.put("labelEn", q.labelEn);
        form.put("helpDe", q.helpDe);
        form.put("helpEn", q.helpEn);
        if (q.required) {
            form.put("required", "true");
        }
        if (q.onBadge) {
            form.put("onBadge", "true");
        }
        StringBuilder options = new StringBuilder();
        for (QuestionOption o : q.offeredOptions()) {
            options.append(o.labelDe);
            if (o.labelEn != null || o.capacity != null) {
                options.append(" | ").append(o.labelEn == null ? "" : o.labelEn);
            }
            if (o.capacity != null) {
                options.append(" | ").append(o.capacity);
            }
            options.append('\n');
        }
        form.put("options", options.toString().strip());
        if (q.conditional()) {
            form.put("condition", q.shownIfQuestion.id + ":" + q.shownIfValue);
        }
        form.put("version", String.valueOf(q.version));
        return form;
    }

    public QuestionDraft toDraft() {
        QuestionKind kind;
        try {
            kind = QuestionKind.valueOf(value("kind"));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        List<QuestionDraft.Option> options = new ArrayList<>();
        for (String line : value("options").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            String english = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null;
            Integer capacity = null;
            if (parts.length > 2 && !parts[2].isBlank()) {
                long places = parse(parts[2]);
                capacity = places < 0 || places > Integer.MAX_VALUE ? -1 : (int) places;
            }
            options.add(new QuestionDraft.Option(parts[0].strip(), english, capacity));
        }
        Long shownIf = null;
        String shownValue = null;
        String condition = valueOrNull("condition");
        if (condition != null) {
            int colon = condition.indexOf(':');
            shownIf = colon < 0 ? -1L : parse(condition.substring(0, colon));
            shownValue = colon < 0 ? "" : condition.substring(colon + 1);
        }
        Long version = valueOrNull("version") == null ? null : parse(valueOrNull("version"));
        return new QuestionDraft(kind, valueOrNull("labelDe"), valueOrNull("labelEn"), valueOrNull("helpDe"),
                valueOrNull("helpEn"), checked("required"), kind != null && kind.hasOptions() ? options : List.of(),
                shownIf, shownValue, version == null ? null : version.intValue(), checked("onBadge"));
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The answers of the questions before {@code current} (all, for a new one) that can be a condition. */
    public static List<Condition> conditions(List<Question> questions, Question current, Locale locale) {
        QuestionMessages m = Texts.question(locale);
        List<Condition> result = new ArrayList<>();
        for (Question q : questions) {
            if (q == current) {
                break;
            }
            if (q.kind == QuestionKind.YES_NO) {
                result.add(new Condition(q.id + ":" + Question.YES, q.label(locale) + " = " + m.yes()));
                result.add(new Condition(q.id + ":" + Question.NO, q.label(locale) + " = " + m.no()));
            } else if (q.kind.hasOptions()) {
                q.offeredOptions().forEach(
                        o -> result.add(new Condition(q.id + ":" + o.id, q.label(locale) + " = " + o.label(locale))));
            }
        }
        return result;
    }

    static String label(String field, Locale locale) {
        QuestionMessages m = Texts.question(locale);
        return switch (field) {
        case "kind" -> m.field_kind();
        case "labelDe" -> m.field_label_de();
        case "labelEn" -> m.field_label_en();
        case "helpDe" -> m.field_help_de();
        case "helpEn" -> m.field_help_en();
        case "options" -> m.field_options();
        case "condition" -> m.field_condition();
        default -> m.title();
        };
    }
}
