package de.konferenzbuero.web.organiser;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.ws.rs.core.MultivaluedMap;

import de.konferenzbuero.ApprovalMessages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.web.FormState;

/** The form deciding on pending sign-ups: the selected registrations ({@code ids}), a message and the decision. */
public class ApprovalForm extends FormState {

    private List<Long> ids = List.of();

    private ApprovalForm() {
        super(ApprovalForm::label);
    }

    public static ApprovalForm empty() {
        return new ApprovalForm();
    }

    public static ApprovalForm of(MultivaluedMap<String, String> fields) {
        ApprovalForm form = new ApprovalForm();
        form.read(fields);
        List<String> selected = fields.get("ids");
        form.ids = selected == null ? List.of()
                : selected.stream().map(ApprovalForm::parse).filter(Objects::nonNull).distinct().toList();
        return form;
    }

    /** The selected registrations; values that are no number are left out. */
    public List<Long> ids() {
        return ids;
    }

    public boolean selected(Long id) {
        return ids.contains(id);
    }

    /** "approve" or "reject"; anything else counts as neither. */
    public boolean approving() {
        return "approve".equals(value("decision"));
    }

    public boolean rejecting() {
        return "reject".equals(value("decision"));
    }

    private static Long parse(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String label(String field, Locale locale) {
        ApprovalMessages m = Texts.approval(locale);
        return "message".equals(field) ? m.f_message() : m.f_ids();
    }
}
