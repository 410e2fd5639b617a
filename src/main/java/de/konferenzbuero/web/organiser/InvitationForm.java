package de.konferenzbuero.web.organiser;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;

import de.konferenzbuero.EventTime;
import de.konferenzbuero.InviteMessages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.backoffice.Inviting;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.web.FormState;

/**
 * The three forms of the invitations page, each with field names of its own so they can stand on one page: a contingent
 * ({@code name, attendance, places, releaseAt}), a personal invitation ({@code email, label, contingentId,
 * language}) and a shared link ({@code codeLabel, maxUses, codeContingentId}).
 */
public class InvitationForm extends FormState {

    private InvitationForm() {
        super(InvitationForm::label);
    }

    public static InvitationForm empty() {
        return new InvitationForm();
    }

    public static InvitationForm of(MultivaluedMap<String, String> fields) {
        InvitationForm form = new InvitationForm();
        form.read(fields);
        return form;
    }

    /**
     * @throws InvalidInput
     *             for a number or date that cannot be read
     */
    Inviting.ContingentDraft contingent() {
        List<FieldProblem> problems = new ArrayList<>();
        Integer places = number("places", problems);
        Instant releaseAt = null;
        String release = valueOrNull("releaseAt");
        if (release != null) {
            try {
                releaseAt = LocalDateTime.parse(release.replace(' ', 'T')).atZone(EventTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("releaseAt", Problem.DATE_INVALID));
            }
        }
        Attendance mode = null;
        try {
            mode = valueOrNull("attendance") == null ? null : Attendance.valueOf(valueOrNull("attendance"));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("attendance", Problem.ATTENDANCE_NOT_OFFERED));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Inviting.ContingentDraft(valueOrNull("name"), mode, places, releaseAt);
    }

    Inviting.InvitationDraft personal() {
        return new Inviting.InvitationDraft(valueOrNull("label"), valueOrNull("email"), 1, id("contingentId"),
                valueOrNull("language"));
    }

    /**
     * @throws InvalidInput
     *             for a number of uses that cannot be read
     */
    Inviting.InvitationDraft shared() {
        List<FieldProblem> problems = new ArrayList<>();
        Integer uses = number("maxUses", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Inviting.InvitationDraft(valueOrNull("codeLabel"), null, uses, id("codeContingentId"), null);
    }

    /** The shared link form's problems under its own field names. */
    static List<FieldProblem> sharedFields(List<FieldProblem> problems) {
        return problems.stream().map(p -> switch (p.field()) {
        case "label" -> new FieldProblem("codeLabel", p.problem());
        case "contingentId" -> new FieldProblem("codeContingentId", p.problem());
        default -> p;
        }).toList();
    }

    public boolean selected(String field, Object value) {
        return value != null && value.toString().equals(value(field));
    }

    private Integer number(String field, List<FieldProblem> problems) {
        String value = valueOrNull(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, Problem.NUMBER_INVALID));
            return null;
        }
    }

    private Long id(String field) {
        String value = valueOrNull(field);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    static String label(String field, Locale locale) {
        InviteMessages m = Texts.invite(locale);
        return switch (field) {
        case "name" -> m.f_name();
        case "attendance" -> m.f_attendance();
        case "places" -> m.f_places();
        case "releaseAt" -> m.f_release_at();
        case "email" -> m.f_email();
        case "label", "codeLabel" -> m.f_label();
        case "contingentId", "codeContingentId" -> m.f_contingent();
        case "maxUses" -> m.f_max_uses();
        default -> field;
        };
    }
}
