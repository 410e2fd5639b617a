package de.konferenzbuero.backoffice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.konferenzbuero.EventTime;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Speaker;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.OrganiserActions;
import de.konferenzbuero.registration.SessionBooking;

/**
 * The agenda editor: add, edit and remove items. Raising a capacity promotes the waiting, lowering it below the
 * confirmed count is refused; moving an item attendees booked tells them by mail with new calendar files.
 */
@ApplicationScoped
public class AgendaEditing {

    private final ConferenceEditing conferences;
    private final OrganiserActions actions;
    private final Audit audit;
    private final EntityManager em;

    AgendaEditing(ConferenceEditing conferences, OrganiserActions actions, Audit audit, EntityManager em) {
        this.conferences = conferences;
        this.actions = actions;
        this.audit = audit;
        this.em = em;
    }

    public AgendaItem find(Organiser organiser, long conferenceId, long itemId) {
        Conference conference = conferences.find(organiser, conferenceId);
        AgendaItem item = AgendaItem.findById(itemId);
        if (item == null || !item.conference.id.equals(conference.id)) {
            throw new NotYours();
        }
        return item;
    }

    @Transactional
    public AgendaItem add(Organiser organiser, long conferenceId, AgendaDraft draft) {
        Conference conference = conferences.find(organiser, conferenceId);
        check(draft, null);
        AgendaItem item = new AgendaItem();
        item.conference = conference;
        apply(item, draft);
        item.persist();
        conference.agenda.add(item);
        audit.record(organiser.email, conference.id, "AGENDA_ITEM", item.id, "added", item.title);
        return item;
    }

    @Transactional
    public AgendaItem update(Organiser organiser, long conferenceId, long itemId, AgendaDraft draft) {
        AgendaItem item = find(organiser, conferenceId, itemId);
        actions.lock(item.conference);
        em.refresh(item);
        if (draft.version() == null || draft.version() != item.version) {
            throw new InvalidInput("version", Problem.EDITED_BY_SOMEONE_ELSE);
        }
        check(draft, item);
        boolean moved = !Objects.equals(item.startsAt, draft.startsAt()) || !Objects.equals(item.endsAt, draft.endsAt())
                || !Objects.equals(item.location, draft.location());
        boolean placesAdded = item.bookable && draft.bookable() && draft.capacity() != null
                && draft.capacity() > item.capacity;
        String before = describe(item);
        apply(item, draft);
        em.flush();
        if (placesAdded) {
            actions.fillFreePlaces(item.conference, organiser.email);
        }
        int told = moved ? actions.itemMoved(item) : 0;
        audit.record(organiser.email, conferenceId, "AGENDA_ITEM", itemId, "edited",
                before + " → " + describe(item) + (told > 0 ? " (" + told + " attendees told)" : ""));
        return item;
    }

    @Transactional
    public void remove(Organiser organiser, long conferenceId, long itemId) {
        AgendaItem item = find(organiser, conferenceId, itemId);
        if (SessionBooking.count("item = ?1 and status <> ?2", item, BookingStatus.CANCELLED) > 0) {
            throw new InvalidInput("item", Problem.ITEM_HAS_BOOKINGS);
        }
        SessionBooking.delete("item", item);
        em.createNativeQuery("update registration_event set agenda_item_id = null where agenda_item_id = ?1")
                .setParameter(1, itemId).executeUpdate();
        item.conference.agenda.remove(item);
        item.delete();
        audit.record(organiser.email, conferenceId, "AGENDA_ITEM", itemId, "removed", item.title);
    }

    /**
     * Moves an item one place earlier or later within its day: it changes places with its neighbour, each keeping its
     * length, the gap between them kept. Attendees of a moved booked item are told by mail.
     */
    @Transactional
    public void move(Organiser organiser, long conferenceId, long itemId, boolean earlier) {
        AgendaItem item = find(organiser, conferenceId, itemId);
        actions.lock(item.conference);
        List<AgendaItem> day = item.conference.agenda.stream()
                .filter(i -> EventTime.day(i.startsAt).equals(EventTime.day(item.startsAt)))
                .sorted(java.util.Comparator.comparing((AgendaItem i) -> i.startsAt).thenComparing(i -> i.id)).toList();
        int index = day.indexOf(item);
        int other = earlier ? index - 1 : index + 1;
        if (other < 0 || other >= day.size()) {
            return;
        }
        AgendaItem first = day.get(Math.min(index, other));
        AgendaItem second = day.get(Math.max(index, other));
        java.time.Duration gap = java.time.Duration.between(first.endsAt, second.startsAt);
        java.time.Duration firstLength = java.time.Duration.between(first.startsAt, first.endsAt);
        java.time.Duration secondLength = java.time.Duration.between(second.startsAt, second.endsAt);
        java.time.Instant start = first.startsAt;
        second.startsAt = start;
        second.endsAt = start.plus(secondLength);
        first.startsAt = second.endsAt.plus(gap.isNegative() ? java.time.Duration.ZERO : gap);
        first.endsAt = first.startsAt.plus(firstLength);
        em.flush();
        actions.itemMoved(first);
        actions.itemMoved(second);
        audit.record(organiser.email, conferenceId, "AGENDA_ITEM", itemId, earlier ? "moved earlier" : "moved later",
                first.title + " ↔ " + second.title);
    }

    /** Rooms and speakers booked twice at once, and items outside the conference's days. */
    public List<AgendaWarning> warnings(Conference conference) {
        List<AgendaWarning> warnings = new ArrayList<>();
        List<AgendaItem> items = conference.agenda;
        LocalDate first = EventTime.day(conference.startsAt);
        LocalDate last = EventTime.day(conference.endsAt);
        for (int i = 0; i < items.size(); i++) {
            AgendaItem a = items.get(i);
            LocalDate day = EventTime.day(a.startsAt);
            if (day.isBefore(first) || day.isAfter(last)) {
                warnings.add(new AgendaWarning(AgendaWarning.Kind.OUTSIDE_CONFERENCE_DAYS, a, null, null));
            }
            for (int j = i + 1; j < items.size(); j++) {
                AgendaItem b = items.get(j);
                if (!a.overlaps(b)) {
                    continue;
                }
                if (a.location != null && a.location.equalsIgnoreCase(b.location != null ? b.location : "")) {
                    warnings.add(new AgendaWarning(AgendaWarning.Kind.ROOM_DOUBLE_BOOKED, a, b, a.location));
                }
                for (Speaker s : a.speakers) {
                    if (b.speakers.stream().anyMatch(o -> o.name.equalsIgnoreCase(s.name))) {
                        warnings.add(new AgendaWarning(AgendaWarning.Kind.SPEAKER_DOUBLE_BOOKED, a, b, s.name));
                    }
                }
            }
        }
        return warnings;
    }

    /** Everything wrong with a draft, for forms that also found unreadable fields. */
    public List<FieldProblem> problems(AgendaDraft draft, AgendaItem existing) {
        try {
            check(draft, existing);
            return List.of();
        } catch (InvalidInput e) {
            return e.problems();
        }
    }

    private static void check(AgendaDraft d, AgendaItem existing) {
        List<FieldProblem> problems = new ArrayList<>();
        Checks.text(problems, "title", d.title(), 300);
        if (d.kind() == null) {
            problems.add(new FieldProblem("kind", Problem.REQUIRED));
        }
        Checks.span(problems, d.startsAt(), d.endsAt());
        if (d.bookable() && (d.capacity() == null || d.capacity() < 0)) {
            problems.add(new FieldProblem("capacity", Problem.CAPACITY_REQUIRED));
        } else if (existing != null && existing.bookable && existing.taken > 0
                && (!d.bookable() || d.capacity() < existing.taken)) {
            problems.add(new FieldProblem("capacity", Problem.CAPACITY_BELOW_CONFIRMED));
        }
        if (existing != null && existing.bookable && !d.bookable()
                && SessionBooking.count("item = ?1 and status <> ?2", existing, BookingStatus.CANCELLED) > 0) {
            problems.add(new FieldProblem("bookable", Problem.ITEM_HAS_BOOKINGS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private static void apply(AgendaItem item, AgendaDraft d) {
        item.startsAt = d.startsAt();
        item.endsAt = d.endsAt();
        item.title = d.title().strip();
        item.description = d.description();
        item.kind = d.kind();
        item.location = d.location();
        item.bookable = d.bookable();
        item.capacity = d.bookable() ? d.capacity() : null;
        item.speakers.clear();
        item.speakers.addAll(d.speakers());
    }

    private static String describe(AgendaItem item) {
        return item.title + " " + EventTime.time(item.startsAt) + "–" + EventTime.time(item.endsAt)
                + (item.location != null ? " " + item.location : "") + (item.bookable ? " cap " + item.capacity : "");
    }
}
