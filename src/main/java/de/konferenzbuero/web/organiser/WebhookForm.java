package de.konferenzbuero.web.organiser;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import de.konferenzbuero.HookMessages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.web.FormState;
import de.konferenzbuero.webhook.WebhookEvent;

/** The form of a new webhook receiver: {@code organisationId, url, description} and the checked {@code events}. */
public class WebhookForm extends FormState {

    private final Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);

    private WebhookForm() {
        super(WebhookForm::label);
    }

    /** A new form: every event chosen. */
    public static WebhookForm empty() {
        WebhookForm form = new WebhookForm();
        form.events.addAll(WebhookEvent.subscribable());
        return form;
    }

    public static WebhookForm of(MultivaluedMap<String, String> fields) {
        WebhookForm form = new WebhookForm();
        form.read(fields);
        List<String> chosen = fields.getOrDefault("events", List.of());
        // a value that is no event only comes from a tampered form: left out
        WebhookEvent.subscribable().stream().filter(e -> chosen.contains(e.wire())).forEach(form.events::add);
        return form;
    }

    public Set<WebhookEvent> events() {
        return events;
    }

    public boolean chosen(WebhookEvent event) {
        return events.contains(event);
    }

    public boolean selected(String field, Object value) {
        return value != null && value.toString().equals(value(field));
    }

    /** The chosen organisation, or -1 when none or no id came (refused by the service). */
    long organisationId() {
        String value = valueOrNull("organisationId");
        return value != null && value.matches("\\d{1,18}") ? Long.parseLong(value) : -1;
    }

    static String label(String field, Locale locale) {
        HookMessages m = Texts.hook(locale);
        return switch (field) {
        case "organisationId" -> m.f_organisation();
        case "url" -> m.f_url();
        case "description" -> m.f_description();
        case "events" -> m.f_events();
        default -> field;
        };
    }
}
