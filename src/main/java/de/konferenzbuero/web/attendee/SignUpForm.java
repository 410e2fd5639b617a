package de.konferenzbuero.web.attendee;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;

import de.konferenzbuero.Messages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.registration.SignUp;
import de.konferenzbuero.web.FormState;

/**
 * The sign-up form as submitted: raw values to show again, the chosen items, and the error text per field. Item choices
 * arrive as fields named {@code items-<n>} (one per group of alternatives).
 */
public class SignUpForm extends FormState {

    private final List<Long> items = new ArrayList<>();

    private SignUpForm() {
        super(SignUpForm::label);
    }

    public static SignUpForm empty() {
        return new SignUpForm();
    }

    /** A form showing these items as chosen (the manage page's current choice). */
    public static SignUpForm choosing(List<Long> itemIds) {
        SignUpForm result = new SignUpForm();
        result.items.addAll(itemIds);
        return result;
    }

    public static SignUpForm of(MultivaluedMap<String, String> form) {
        SignUpForm result = new SignUpForm();
        result.read(form);
        form.forEach((name, list) -> {
            if (name.startsWith("items-")) {
                list.stream().filter(v -> !v.isBlank()).forEach(v -> result.items.add(parseId(v)));
            }
        });
        return result;
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
                checked("photoConsent"), locale.getLanguage());
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
        default -> field;
        };
    }
}
