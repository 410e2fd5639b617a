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
import de.konferenzbuero.webhook.Webhooks;

/**
 * The agenda editor: add, edit, move and remove items, each under the conference lock. Raising a capacity promotes the
 * waiting, lowering it below the confirmed count is refused; moving an item attendees booked tells them by mail with
 * new calendar files. A change that would take bookings away (overlaps, a removed or no longer bookable item) is first
 * shown as {@link Consequences} and done only when the organiser confirms.
 */
@ApplicationScoped
public class AgendaEditing {

    private final ConferenceEditing conferences;
    private final OrganiserActions actions;
    private final Audit audit;
    private final EntityManager em;
    private final Webhooks webhooks;

    AgendaEditing(ConferenceEditing conferences, OrganiserActions actions, Audit audit, EntityManager em,
            Webhooks webhooks) {
        this.conferences = conferences;
        this.actions = actions;
        this.audit = audit;
        this.em = em;
        this.webhooks = webhooks;
    }

    public AgendaItem find(Organiser organiser, long conferenceId, long itemId) {
        return itemOf(conferences.find(organiser, conferenceId), itemId);
    }

    /** The item under the conference lock, loaded after it: as it is now. */
    private AgendaItem findLocked(Organiser organiser, long conferenceId, long itemId) {
        return itemOf(conferences.findLocked(organiser, conferenceId), itemId);
    }

    private static AgendaItem itemOf(Conference conference, long itemId) {
        AgendaItem item = AgendaItem.findById(itemId);
        if (item == null || !item.conference.id.equals(conference.id)) {
            throw new NotYours();
        }
        return item;
    }

    @Transactional
    public AgendaItem add(Organiser organiser, long conferenceId, AgendaDraft draft) {
        Conference conference = conferences.findLocked(organiser, conferenceId);
        check(conference, draft, null);
        AgendaItem item = new AgendaItem();
        item.conference = conference;
        apply(item, draft);
        item.persist();
        conference.agenda.add(item);
        audit.record(organiser.email, conference.id, "AGENDA_ITEM", item.id, "added", item.title);
        webhooks.conferenceChanged(conference);
        return item;
    }

    /**
     * Saves an edited item. When the change would take bookings from attendees (overlaps after a move, an item no
     * longer bookable) and {@code confirmed} is false, nothing is saved and {@link Consequences} lists them; confirmed,
     * each attendee keeps the booking made first and is told by mail what was released.
     */
    @Transactional
    public AgendaItem update(Organiser organiser, long conferenceId, long itemId, AgendaDraft draft,
            boolean confirmed) {
        AgendaItem item = findLocked(organiser, conferenceId, itemId);
        if (draft.version() == null || draft.version() != item.version) {
            throw new InvalidInput("version", Problem.EDITED_BY_SOMEONE_ELSE);
        }
        check(item.conference, draft, item);
        boolean moved = !Objects.equals(item.startsAt, draft.startsAt()) || !Objects.equals(item.endsAt, draft.endsAt())
                || !Objects.equals(item.location, draft.location());
        boolean withdrawn = item.bookable && !draft.bookable() && OrganiserActions.hasBookings(item);
        boolean placesAdded = item.bookable && draft.bookable() && draft.capacity() != null
                && draft.capacity() > item.capacity;
        String before = describe(item);
        if (withdrawn && !confirmed) {
            throw new Consequences(withdrawnLosses(item));
        }
        int told = withdrawn ? actions.cancelBookingsOf(item, organiser.email) : 0;
        apply(item, draft);
        told += moved ? itemsMoved(organiser, item.conference, List.of(item), confirmed) : 0;
        if (placesAdded) {
            actions.fillFreePlaces(item.conference, organiser.email);
        }
        audit.record(organiser.email, conferenceId, "AGENDA_ITEM", itemId, "edited",
                before + " → " + describe(item) + (told > 0 ? " (" + told + " attendees told)" : ""));
        webhooks.conferenceChanged(item.conference);
        return item;
    }

    /**
     * Removes an item. With bookings nothing is removed and {@link Consequences} lists them, unless
     * {@code cancelBookings}: then every booking ends and its attendee is told by mail.
     */
    @Transactional
    public void remove(Organiser organiser, long conferenceId, long itemId, boolean cancelBookings) {
        AgendaItem item = findLocked(organiser, conferenceId, itemId);
        if (OrganiserActions.hasBookings(item)) {
            if (!cancelBookings) {
                throw new Consequences(withdrawnLosses(item));
            }
            actions.cancelBookingsOf(item, organiser.email);
        }
        em.createNativeQuery("update registration_event set agenda_item_id = null where agenda_item_id = ?1")
                .setParameter(1, itemId).executeUpdate();
        for (SessionBooking booking : SessionBooking.<SessionBooking> list("item", item)) {
            booking.registration.bookings.remove(booking);
            booking.delete();
        }
        item.conference.agenda.remove(item);
        // the programme's calendar feed changed: its Last-Modified moves on although no item row says so (by SQL, so
        // that the conference's version, which its open edit forms carry, stays)
        em.createNativeQuery("update conference set updated_at = ?2 where id = ?1").setParameter(1, conferenceId)
                .setParameter(2, java.time.Instant.now()).executeUpdate();
        item.delete();
        audit.record(organiser.email, conferenceId, "AGENDA_ITEM", itemId, "removed", item.title);
        webhooks.conferenceChanged(item.conference);
    }

    /**
     * Moves an item one place earlier or later within its day: it changes places with its neighbour, each keeping its
     * length, the gap between them kept. Overlaps it would cause are handled as in {@link #update}.
     */
    @Transactional
    public void move(Organiser organiser, long conferenceId, long itemId, boolean earlier, boolean confirmed) {
        AgendaItem item = findLocked(organiser, conferenceId, itemId);
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
        itemsMoved(organiser, item.conference, List.of(first, second), confirmed);
        audit.record(organiser.email, conferenceId, "AGENDA_ITEM", itemId, earlier ? "moved earlier" : "moved later",
                first.title + " ↔ " + second.title);
        webhooks.conferenceChanged(item.conference);
    }

    /** The items have their new times (not yet saved): refuse with the consequences, or apply them. */
    private int itemsMoved(Organiser organiser, Conference conference, List<AgendaItem> moved, boolean confirmed) {
        if (!confirmed) {
            List<Consequences.Loss> losses = actions.overlaps(conference).stream()
                    .map(o -> new Consequences.Loss(o.registration().fullName(), o.registration().email,
                            o.released().item.title, o.kept().item.title))
                    .toList();
            if (!losses.isEmpty()) {
                throw new Consequences(losses);
            }
        }
        return actions.itemsMoved(conference, moved, organiser.email);
    }

    private static List<Consequences.Loss> withdrawnLosses(AgendaItem item) {
        List<SessionBooking> active = SessionBooking.list("item = ?1 and status <> ?2 order by id", item,
                BookingStatus.CANCELLED);
        return active.stream()
                .map(b -> new Consequences.Loss(b.registration.fullName(), b.registration.email, item.title, null))
                .toList();
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
    public List<FieldProblem> problems(Conference conference, AgendaDraft draft, AgendaItem existing) {
        try {
            check(conference, draft, existing);
            return List.of();
        } catch (InvalidInput e) {
            return e.problems();
        }
    }

    private static void check(Conference conference, AgendaDraft d, AgendaItem existing) {
        List<FieldProblem> problems = new ArrayList<>();
        Checks.text(problems, "title", d.title(), 300);
        Checks.optionalText(problems, "description", d.description(), 5_000);
        Checks.optionalText(problems, "location", d.location(), 300);
        if (d.speakers() != null) {
            for (Speaker speaker : d.speakers()) {
                Checks.text(problems, "speakers", speaker.name, 200);
                Checks.optionalText(problems, "speakers", speaker.role, 200);
                Checks.optionalText(problems, "speakers", speaker.organisation, 200);
            }
        }
        if (d.kind() == null) {
            problems.add(new FieldProblem("kind", Problem.REQUIRED));
        }
        Checks.span(problems, d.startsAt(), d.endsAt());
        if (d.bookable() && (d.capacity() == null || d.capacity() < 0)) {
            problems.add(new FieldProblem("capacity", Problem.CAPACITY_REQUIRED));
        } else if (existing != null && existing.bookable && d.bookable() && d.capacity() < existing.taken) {
            problems.add(new FieldProblem("capacity", Problem.CAPACITY_BELOW_CONFIRMED));
        }
        if (d.attendance() != null && !conference.format.offers(d.attendance())) {
            problems.add(new FieldProblem("attendance", Problem.ATTENDANCE_NOT_OFFERED));
        } else if (d.attendance() != null && existing != null
                && OrganiserActions.hasBookingsOutside(existing, d.attendance())) {
            problems.add(new FieldProblem("attendance", Problem.MODE_IN_USE));
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
        item.attendance = d.bookable() ? d.attendance() : null;
        item.speakers.clear();
        item.speakers.addAll(d.speakers());
    }

    private static String describe(AgendaItem item) {
        return item.title + " " + EventTime.time(item.startsAt) + "–" + EventTime.time(item.endsAt)
                + (item.location != null ? " " + item.location : "") + (item.bookable ? " cap " + item.capacity : "");
    }
}
