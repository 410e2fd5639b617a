package de.konferenzbuero.web.organiser;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;

import de.konferenzbuero.EventTime;
import de.konferenzbuero.OrganiserMessages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.backoffice.ConferenceDraft;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.web.FormState;

/** The conference form of the organiser area; date-times are entered in Europe/Berlin. */
public class ConferenceForm extends FormState {

    private ConferenceForm() {
        super(ConferenceForm::label);
    }

    public static ConferenceForm empty() {
        ConferenceForm form = new ConferenceForm();
        form.put("format", ConferenceFormat.ON_SITE.name());
        form.put("confirmEmail", "true");
        form.put("confirmWithinHours", "24");
        return form;
    }

    public static ConferenceForm of(MultivaluedMap<String, String> fields) {
        ConferenceForm form = new ConferenceForm();
        form.read(fields);
        return form;
    }

    /** The form filled with a conference as it is now. */
    public static ConferenceForm of(Conference c) {
        ConferenceForm form = new ConferenceForm();
        form.put("organisationId", String.valueOf(c.organisation.id));
        form.put("slug", c.slug);
        form.put("title", c.title);
        form.put("motto", c.motto);
        form.put("description", c.description);
        form.put("startsAt", local(c.startsAt));
        form.put("endsAt", local(c.endsAt));
        form.put("format", c.format.name());
        if (c.venue != null) {
            form.put("venueName", c.venue.name);
            form.put("venueStreet", c.venue.street);
            form.put("venuePostalCode", c.venue.postalCode);
            form.put("venueCity", c.venue.city);
            form.put("venueAccessibility", c.venue.accessibility);
        }
        form.put("onlineAccessLink", c.onlineAccessLink);
        form.put("onsiteCapacity", c.onsiteCapacity == null ? null : c.onsiteCapacity.toString());
        form.put("onlineCapacity", c.onlineCapacity == null ? null : c.onlineCapacity.toString());
        form.put("registrationOpensAt", local(c.registrationOpensAt));
        form.put("registrationClosesAt", local(c.registrationClosesAt));
        form.put("audience", c.audience);
        form.put("region", c.region);
        form.put("tags", String.join(", ", c.tags));
        form.put("contactName", c.contactName);
        form.put("contactEmail", c.contactEmail);
        if (c.confirmEmail) {
            form.put("confirmEmail", "true");
        }
        form.put("confirmWithinHours", String.valueOf(c.confirmWithinHours));
        form.put("retentionDays", c.retentionDays == null ? null : c.retentionDays.toString());
        form.put("offerHours", c.offerHours == null ? null : c.offerHours.toString());
        if (c.approvalRequired) {
            form.put("approvalRequired", "true");
        }
        form.put("version", String.valueOf(c.version));
        return form;
    }

    private final List<FieldProblem> unreadable = new ArrayList<>();

    /** Dates and numbers that could not be read when the draft was made; the service checks the rest. */
    public List<FieldProblem> unreadable() {
        return unreadable;
    }

    /** The draft; fields that cannot be read are null and listed in {@link #unreadable()}. */
    public ConferenceDraft toDraft() {
        List<FieldProblem> problems = unreadable;
        problems.clear();
        ConferenceDraft draft = new ConferenceDraft(
                number("organisationId", Problem.REQUIRED, problems) == null ? null
                        : number("organisationId", Problem.REQUIRED, problems).longValue(),
                valueOrNull("slug"), valueOrNull("title"), valueOrNull("motto"), valueOrNull("description"),
                instant("startsAt", true, problems), instant("endsAt", true, problems), format(),
                valueOrNull("venueName"), valueOrNull("venueStreet"), valueOrNull("venuePostalCode"),
                valueOrNull("venueCity"), valueOrNull("venueAccessibility"), valueOrNull("onlineAccessLink"),
                number("onsiteCapacity", Problem.CAPACITY_REQUIRED, problems),
                number("onlineCapacity", Problem.CAPACITY_REQUIRED, problems),
                instant("registrationOpensAt", false, problems), instant("registrationClosesAt", false, problems),
                valueOrNull("audience"), valueOrNull("contactName"), valueOrNull("contactEmail"),
                checked("confirmEmail"), number("confirmWithinHours", Problem.CONFIRM_WITHIN_RANGE, problems),
                number("retentionDays", Problem.RETENTION_RANGE, problems),
                number("offerHours", Problem.OFFER_HOURS_RANGE, problems), checked("approvalRequired"),
                valueOrNull("region"), tags(), number("version", Problem.STALE_FORM, problems));
        return draft;
    }

    /** "ländlicher Raum, Mobilität": the tags, empty ones left out. */
    private List<String> tags() {
        String value = valueOrNull("tags");
        return value == null ? List.of()
                : java.util.Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private ConferenceFormat format() {
        try {
            return ConferenceFormat.valueOf(value("format"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Integer number(String field, Problem problem, List<FieldProblem> problems) {
        String value = valueOrNull(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, problem));
            return null;
        }
    }

    private Instant instant(String field, boolean required, List<FieldProblem> problems) {
        String value = valueOrNull(field);
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(field, Problem.DATE_INVALID));
            }
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(EventTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, Problem.DATE_INVALID));
            return null;
        }
    }

    /** For {@code <input type="datetime-local">}: "2027-02-11T10:00" in Europe/Berlin. */
    static String local(Instant instant) {
        return instant == null ? null : EventTime.local(instant).toLocalDateTime().withSecond(0).withNano(0).toString();
    }

    static String label(String field, Locale locale) {
        OrganiserMessages m = Texts.organiser(locale);
        return switch (field) {
        case "organisationId" -> m.f_organisation();
        case "slug" -> m.f_slug();
        case "title" -> m.f_title();
        case "startsAt" -> m.f_starts();
        case "endsAt" -> m.f_ends();
        case "format" -> m.f_format();
        case "venueName" -> m.f_venue_name();
        case "onsiteCapacity" -> m.f_onsite_capacity();
        case "onlineCapacity" -> m.f_online_capacity();
        case "registrationOpensAt" -> m.f_opens();
        case "registrationClosesAt" -> m.f_closes();
        case "confirmWithinHours" -> m.f_confirm_within();
        case "retentionDays" -> Texts.privacy(locale).f_retention_days();
        case "offerHours" -> Texts.offer(locale).f_hours();
        case "motto" -> m.f_motto();
        case "description" -> m.f_description();
        case "venueStreet" -> m.f_venue_street();
        case "venuePostalCode" -> m.f_venue_postal();
        case "venueCity" -> m.f_venue_city();
        case "venueAccessibility" -> m.f_venue_accessibility();
        case "onlineAccessLink" -> m.f_online_link();
        case "audience" -> m.f_audience();
        case "region" -> Texts.feed(locale).f_region();
        case "tags" -> Texts.feed(locale).f_tags();
        case "contactName" -> m.f_contact_name();
        case "contactEmail" -> m.f_contact_email();
        default -> m.form_conference_title();
        };
    }
}
