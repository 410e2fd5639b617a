package de.konferenzbuero.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.ws.rs.core.MultivaluedMap;

import de.konferenzbuero.Messages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;

/**
 * A submitted form as pages need it: the raw values to show again, the error text per field, and the error summary
 * (each error prefixed with its field's label). Shared by every form of the attendee and organiser pages.
 */
public class FormState {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, String> summary = new LinkedHashMap<>();
    private final BiFunction<String, Locale, String> labels;

    /**
     * @param labels
     *            the label of a field in a language, for the error summary
     */
    protected FormState(BiFunction<String, Locale, String> labels) {
        this.labels = labels;
    }

    /** Takes the first value of every field. */
    public void read(MultivaluedMap<String, String> form) {
        form.forEach((name, list) -> {
            if (!list.isEmpty()) {
                values.put(name, list.get(0));
            }
        });
    }

    public void put(String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    public void reject(List<FieldProblem> problems, Locale locale) {
        Messages texts = Texts.of(locale);
        for (FieldProblem p : problems) {
            errors.putIfAbsent(p.field(), texts.problem(p.problem()));
            summary.putIfAbsent(p.field(), summaryLabel(p.field(), locale) + ": " + texts.problem(p.problem()));
        }
    }

    /** A field's own error text, where the general one of its problem would not fit (e.g. a confirmation box). */
    public void reject(String field, String message, Locale locale) {
        errors.putIfAbsent(field, message);
        summary.putIfAbsent(field, summaryLabel(field, locale) + ": " + message);
    }

    /** The label of a field in the error summary. */
    protected String summaryLabel(String field, Locale locale) {
        return labels.apply(field, locale);
    }

    /** The submitted value of a field, or "" (for templates). */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The submitted value, or null when empty. */
    public String valueOrNull(String field) {
        return Checks.strippedOrNull(values.get(field));
    }

    public boolean checked(String field) {
        return values.containsKey(field);
    }

    /**
     * What the names and ids of this form's fields start with: "" unless a page shows several such forms in one, e.g.
     * one per person of a group sign-up.
     */
    public String prefix() {
        return "";
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Map<String, String> errors() {
        return errors;
    }

    public Map<String, String> summary() {
        return summary;
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
