package de.konferenzbuero.web.attendee;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import de.konferenzbuero.Messages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.registration.Answer;
import de.konferenzbuero.registration.Answered;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.SignUp;
import de.konferenzbuero.web.FormState;

/**
 * The sign-up form as submitted: raw values to show again, the chosen items, and the error text per field. Item choices
 * arrive as fields named {@code items-<n>} (one per group of alternatives).
 */
public class SignUpForm extends FormState {

    private final List<Long> items = new ArrayList<>();

    /** The values of the question fields ({@code q-<id>}), several for a multiple choice. */
    private final Map<Long, List<String>> answers = new LinkedHashMap<>();

    /** The labels of the questions, for the error summary. */
    private final Map<String, String> questionLabels = new HashMap<>();

    /** See {@link #prefix()}: "p2-" for the second person of a group sign-up. */
    private final String prefix;

    private SignUpForm() {
        this("");
    }

    private SignUpForm(String prefix) {
        super(SignUpForm::label);
        this.prefix = prefix;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    public static SignUpForm empty() {
        return new SignUpForm();
    }

    /** An empty form whose fields are named with this prefix (see {@link #prefix()}). */
    public static SignUpForm empty(String prefix) {
        return new SignUpForm(prefix);
    }

    /** A form showing these items as chosen (the manage page's current choice). */
    public static SignUpForm choosing(List<Long> itemIds) {
        SignUpForm result = new SignUpForm();
        result.items.addAll(itemIds);
        return result;
    }

    public static SignUpForm of(MultivaluedMap<String, String> form) {
        return of(form, "");
    }

    /** The fields of a submitted form whose names start with this prefix, read without it. */
    public static SignUpForm of(MultivaluedMap<String, String> submitted, String prefix) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        submitted.forEach((name, list) -> {
            if (name.startsWith(prefix)) {
                form.put(name.substring(prefix.length()), list);
            }
        });
        SignUpForm result = new SignUpForm(prefix);
        result.read(form);
        form.forEach((name, list) -> {
            if (name.startsWith("items-")) {
                list.stream().filter(v -> !v.isBlank()).forEach(v -> result.items.add(parseId(v)));
            } else if (name.startsWith("q-")) {
                long question = parseId(name.substring(2));
                List<String> values = list.stream().filter(v -> !v.isBlank()).toList();
                if (question > 0 && !values.isEmpty()) {
                    result.answers.put(question, values);
                }
            }
        });
        return result;
    }

    /** The manage page's form: the registration's current items and answers. */
    public static SignUpForm of(Registration registration) {
        return choosing(registration.wantedItemIds()).answering(registration);
    }

    /** Shows these items as chosen as well (a refused change of answers keeps the items as they are). */
    public SignUpForm choose(List<Long> itemIds) {
        items.addAll(itemIds);
        return this;
    }

    /** Whether a question's answer was refused. */
    public boolean hasAnswerErrors() {
        return errors().keySet().stream().anyMatch(f -> f.startsWith("q-") || f.equals("answers"));
    }

    /** Shows a registration's answers (the manage page). */
    private SignUpForm answering(Registration registration) {
        SignUpForm result = this;
        for (Answer a : registration.answers) {
            if (a.question.deletedAt == null) {
                result.answers.computeIfAbsent(a.question.id, q -> new ArrayList<>())
                        .add(a.option != null ? String.valueOf(a.option.id)
                                : a.question.kind == QuestionKind.CONSENT ? Question.YES : a.value);
            }
        }
        result.answers.forEach((q, values) -> result.put("q-" + q, values.get(0)));
        return result;
    }

    /** The answers in a submitted form: the first value as the answer, every value as chosen options. */
    public List<Answered> answers() {
        return answers.entrySet().stream().map(e -> new Answered(e.getKey(), e.getValue().get(0),
                e.getValue().stream().map(SignUpForm::parseId).toList())).toList();
    }

    /** Whether this option of a question's field is chosen (choice questions, yes/no). */
    public boolean answered(String field, Object value) {
        List<String> values = answers.get(parseId(field.substring(2)));
        return values != null && values.contains(String.valueOf(value));
    }

    /** The ids a question's control is described by (its condition, help and error), or "". */
    public String describedBy(Question q) {
        String f = "f-" + prefix + q.field();
        return String.join(" ", Stream.of(q.conditional() ? f + "-if" : null, q.hasHelp() ? f + "-hint" : null,
                hasError(q.field()) ? f + "-error" : null).filter(Objects::nonNull).toList());
    }

    /** Names the questions in the error summary. */
    public SignUpForm asking(List<Question> questions, Locale locale) {
        questions.forEach(q -> questionLabels.put(q.field(), q.label(locale)));
        return this;
    }

    @Override
    protected String summaryLabel(String field, Locale locale) {
        return questionLabels.getOrDefault(field, super.summaryLabel(field, locale));
    }

    /** The item ids chosen in a submitted form. */
    public List<Long> items() {
        return List.copyOf(items);
    }

    /** A non-numeric item id cannot match any item; -1 makes the service report it as unknown. */
    private static long parseId(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public SignUp toSignUp(Attendance onlyMode, Locale locale) {
        Attendance attendance = onlyMode != null ? onlyMode : attendance();
        return new SignUp(value("firstName"), value("lastName"), value("email"), value("organisation"), value("role"),
                attendance, List.copyOf(items), checked("needsWheelchair"), checked("needsSignLanguage"),
                checked("needsInductionLoop"), value("needsOther"), value("dietaryNeeds"), checked("privacyConsent"),
                checked("photoConsent"), locale.getLanguage(), answers());
    }

    private Attendance attendance() {
        try {
            return Attendance.valueOf(value("attendance"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    public boolean chosen(Long itemId) {
        return items.contains(itemId);
    }

    public boolean chosenAny(List<AgendaItem> candidates) {
        return candidates.stream().anyMatch(item -> items.contains(item.id));
    }

    public static String label(String field, Locale locale) {
        Messages texts = Texts.of(locale);
        return switch (field) {
        case "firstName" -> texts.signup_first_name();
        case "lastName" -> texts.signup_last_name();
        case "email" -> texts.signup_email();
        case "organisation" -> texts.signup_organisation();
        case "role" -> texts.signup_role();
        case "attendance" -> texts.signup_attendance();
        case "items" -> texts.signup_items();
        case "needsOther" -> texts.signup_needs_other();
        case "dietaryNeeds" -> texts.signup_dietary();
        case "privacyConsent" -> texts.signup_consent();
        case "answers" -> Texts.question(locale).section();
        default -> field;
        };
    }
}
