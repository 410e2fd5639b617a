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
import de.konferenzbuero.backoffice.AgendaDraft;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Speaker;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.web.FormState;

/**
 * The agenda item form. Speakers are entered one per line as "Name; Role; Organisation" (role and organisation
 * optional).
 */
public class AgendaForm extends FormState {

    private final List<FieldProblem> unreadable = new ArrayList<>();

    private AgendaForm() {
        super(AgendaForm::label);
    }

    /** An empty form for an item starting when the conference starts. */
    public static AgendaForm startingAt(Instant start) {
        AgendaForm form = new AgendaForm();
        form.put("startsAt", ConferenceForm.local(start));
        form.put("endsAt", ConferenceForm.local(start.plusSeconds(3600)));
        form.put("kind", AgendaItemKind.TALK.name());
        return form;
    }

    public static AgendaForm of(MultivaluedMap<String, String> fields) {
        AgendaForm form = new AgendaForm();
        form.read(fields);
        return form;
    }

    public static AgendaForm of(AgendaItem item) {
        AgendaForm form = new AgendaForm();
        form.put("title", item.title);
        form.put("description", item.description);
        form.put("kind", item.kind.name());
        form.put("location", item.location);
        form.put("startsAt", ConferenceForm.local(item.startsAt));
        form.put("endsAt", ConferenceForm.local(item.endsAt));
        if (item.bookable) {
            form.put("bookable", "true");
            form.put("capacity", String.valueOf(item.capacity));
            form.put("attendance", item.attendance == null ? "" : item.attendance.name());
        }
        StringBuilder speakers = new StringBuilder();
        for (Speaker s : item.speakers) {
            speakers.append(s.name);
            if (s.role != null || s.organisation != null) {
                speakers.append("; ").append(s.role == null ? "" : s.role);
            }
            if (s.organisation != null) {
                speakers.append("; ").append(s.organisation);
            }
            speakers.append('\n');
        }
        form.put("speakers", speakers.toString().strip());
        form.put("version", String.valueOf(item.version));
        return form;
    }

    public List<FieldProblem> unreadable() {
        return unreadable;
    }

    public AgendaDraft toDraft() {
        unreadable.clear();
        AgendaItemKind kind;
        try {
            kind = AgendaItemKind.valueOf(value("kind"));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        Integer capacity = null;
        if (valueOrNull("capacity") != null) {
            try {
                capacity = Integer.valueOf(valueOrNull("capacity"));
            } catch (NumberFormatException e) {
                unreadable.add(new FieldProblem("capacity", Problem.CAPACITY_REQUIRED));
            }
        }
        Integer version = null;
        if (valueOrNull("version") != null) {
            try {
                version = Integer.valueOf(valueOrNull("version"));
            } catch (NumberFormatException e) {
                unreadable.add(new FieldProblem("version", Problem.STALE_FORM));
            }
        }
        Attendance attendance = null;
        if (valueOrNull("attendance") != null) {
            try {
                attendance = Attendance.valueOf(valueOrNull("attendance"));
            } catch (IllegalArgumentException e) {
                unreadable.add(new FieldProblem("attendance", Problem.ATTENDANCE_NOT_OFFERED));
            }
        }
        return new AgendaDraft(instant("startsAt"), instant("endsAt"), valueOrNull("title"), valueOrNull("description"),
                kind, valueOrNull("location"), checked("bookable"), capacity, speakers(), version, attendance);
    }

    private List<Speaker> speakers() {
        List<Speaker> speakers = new ArrayList<>();
        for (String line : value("speakers").split("\\R")) {
            String[] parts = line.split(";", -1);
            String name = parts[0].strip();
            if (name.isEmpty()) {
                continue;
            }
            speakers.add(new Speaker(name, part(parts, 1), part(parts, 2)));
        }
        return speakers;
    }

    private static String part(String[] parts, int index) {
        return parts.length > index && !parts[index].isBlank() ? parts[index].strip() : null;
    }

    private Instant instant(String field) {
        String value = valueOrNull(field);
        try {
            return value == null ? null : LocalDateTime.parse(value).atZone(EventTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            unreadable.add(new FieldProblem(field, Problem.DATE_INVALID));
            return null;
        }
    }

    static String label(String field, Locale locale) {
        OrganiserMessages m = Texts.organiser(locale);
        return switch (field) {
        case "title" -> m.f_title();
        case "kind" -> m.item_kind();
        case "startsAt" -> m.f_starts();
        case "endsAt" -> m.f_ends();
        case "capacity" -> m.f_capacity();
        case "bookable" -> m.item_bookable();
        case "attendance" -> m.item_attendance();
        default -> m.agenda();
        };
    }
}
