package de.konferenzbuero.backoffice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.conference.Speaker;
import de.konferenzbuero.conference.Venue;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.OrganiserActions;
import de.konferenzbuero.webhook.Webhooks;

/**
 * Organisers create, edit, publish, cancel and duplicate conferences. Edits carry the version the organiser saw, so two
 * organisers editing at once never overwrite each other silently; raising a capacity promotes the waiting, lowering it
 * below the confirmed count is refused.
 */
@ApplicationScoped
public class ConferenceEditing {

    private final OrganiserActions actions;
    private final Audit audit;
    private final EntityManager em;
    private final Webhooks webhooks;

    ConferenceEditing(OrganiserActions actions, Audit audit, EntityManager em, Webhooks webhooks) {
        this.actions = actions;
        this.audit = audit;
        this.em = em;
        this.webhooks = webhooks;
    }

    /** The conference if this organiser may manage it; else not found (others' conferences stay invisible). */
    public Conference find(Organiser organiser, long id) {
        Conference conference = Conference.findById(id);
        if (conference == null || !organiser.manages(conference)) {
            throw new NotYours();
        }
        return conference;
    }

    public List<Conference> list(Organiser organiser) {
        if (organiser.admin) {
            return Conference.list("order by startsAt desc");
        }
        return Conference.list("organisation in ?1 order by startsAt desc", organiser.organisations);
    }

    /**
     * Like {@link #find}, and locks the conference row first (see {@code OrganiserActions.lock}): whatever the caller
     * loads after this is as it is now, and stays so until the transaction ends. Every action that changes
     * registrations, places or the agenda starts here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Conference findLocked(Organiser organiser, long id) {
        Conference conference = find(organiser, id);
        actions.lock(conference);
        return conference;
    }

    @Transactional
    public Conference create(Organiser organiser, ConferenceDraft draft) {
        Organisation organisation = organisationFor(organiser, draft.organisationId());
        check(draft, null);
        Conference conference = new Conference();
        conference.organisation = organisation;
        apply(conference, draft);
        conference.status = ConferenceStatus.DRAFT;
        conference.persist();
        audit.record(organiser.email, conference.id, "CONFERENCE", conference.id, "created", conference.title);
        return conference;
    }

    @Transactional
    public Conference update(Organiser organiser, long id, ConferenceDraft draft) {
        Conference conference = findLocked(organiser, id);
        if (draft.version() == null || draft.version() != conference.version) {
            throw new InvalidInput("version", Problem.EDITED_BY_SOMEONE_ELSE);
        }
        check(draft, conference);
        List<String> changes = changes(conference, draft);
        // switching offers off hands places waiting for offers to unconfirmed addresses on at once
        boolean placesAdded = raises(conference.onsiteCapacity, draft.onsiteCapacity())
                || raises(conference.onlineCapacity, draft.onlineCapacity())
                || !Objects.equals(conference.offerHours, draft.offerHours());
        apply(conference, draft);
        em.flush();
        if (placesAdded) {
            actions.fillFreePlaces(conference, organiser.email);
        }
        audit.record(organiser.email, conference.id, "CONFERENCE", conference.id, "edited", String.join(", ", changes));
        if (!changes.isEmpty()) {
            webhooks.conferenceChanged(conference);
        }
        return conference;
    }

    @Transactional
    public void publish(Organiser organiser, long id) {
        Conference conference = find(organiser, id);
        if (conference.status == ConferenceStatus.DRAFT) {
            conference.status = ConferenceStatus.PUBLISHED;
            audit.record(organiser.email, id, "CONFERENCE", id, "published", null);
            webhooks.conferenceChanged(conference);
        }
    }

    /** Cancels the conference; every active registration is cancelled and told by mail. */
    @Transactional
    public int cancel(Organiser organiser, long id) {
        Conference conference = find(organiser, id);
        if (conference.status == ConferenceStatus.CANCELLED) {
            return 0;
        }
        int told = actions.cancelAll(conference, organiser.email);
        conference.status = ConferenceStatus.CANCELLED;
        audit.record(organiser.email, id, "CONFERENCE", id, "cancelled", told + " registrations cancelled");
        webhooks.conferenceCancelled(conference);
        return told;
    }

    /** A draft copy with the same facts and agenda, as a starting point; its address gets a "-kopie" suffix. */
    @Transactional
    public Conference duplicate(Organiser organiser, long id) {
        Conference original = find(organiser, id);
        Conference copy = new Conference();
        copy.organisation = original.organisation;
        copy.hosts.addAll(original.hosts);
        copy.slug = freeSlug(original.slug + "-kopie");
        copy.title = original.title;
        copy.motto = original.motto;
        copy.description = original.description;
        copy.startsAt = original.startsAt;
        copy.endsAt = original.endsAt;
        copy.format = original.format;
        if (original.venue != null) {
            copy.venue = new Venue();
            copy.venue.name = original.venue.name;
            copy.venue.street = original.venue.street;
            copy.venue.postalCode = original.venue.postalCode;
            copy.venue.city = original.venue.city;
            copy.venue.accessibility = original.venue.accessibility;
        }
        copy.onlineAccessLink = original.onlineAccessLink;
        copy.onsiteCapacity = original.onsiteCapacity;
        copy.onlineCapacity = original.onlineCapacity;
        copy.registrationOpensAt = original.registrationOpensAt;
        copy.registrationClosesAt = original.registrationClosesAt;
        copy.audience = original.audience;
        copy.region = original.region;
        copy.tags.addAll(original.tags);
        copy.contactName = original.contactName;
        copy.contactEmail = original.contactEmail;
        copy.status = ConferenceStatus.DRAFT;
        copy.persist();
        for (AgendaItem item : original.agenda) {
            AgendaItem itemCopy = new AgendaItem();
            itemCopy.conference = copy;
            itemCopy.startsAt = item.startsAt;
            itemCopy.endsAt = item.endsAt;
            itemCopy.title = item.title;
            itemCopy.description = item.description;
            itemCopy.kind = item.kind;
            itemCopy.location = item.location;
            itemCopy.bookable = item.bookable;
            itemCopy.capacity = item.capacity;
            item.speakers.forEach(s -> itemCopy.speakers.add(new Speaker(s.name, s.role, s.organisation)));
            itemCopy.persist();
            copy.agenda.add(itemCopy);
        }
        audit.record(organiser.email, copy.id, "CONFERENCE", copy.id, "duplicated", "from " + original.slug);
        return copy;
    }

    private Organisation organisationFor(Organiser organiser, Long organisationId) {
        Organisation organisation = organisationId == null ? null : Organisation.findById(organisationId);
        if (organisation == null || !organiser.memberOf(organisation)) {
            throw new InvalidInput("organisationId", Problem.REQUIRED);
        }
        return organisation;
    }

    /** Everything wrong with a draft for a new conference ({@code id} null) or an existing one. */
    public List<FieldProblem> problems(ConferenceDraft d, Long id) {
        Conference existing = id == null ? null : Conference.findById(id);
        List<FieldProblem> problems = new ArrayList<>();
        try {
            check(d, existing);
        } catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        return problems;
    }

    private void check(ConferenceDraft d, Conference existing) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.slug() == null || !d.slug().matches("[a-z0-9]+(-[a-z0-9]+)*") || d.slug().length() > 80) {
            problems.add(new FieldProblem("slug", Problem.SLUG_INVALID));
        } else if (Conference.count("slug = ?1 and id <> ?2", d.slug(), existing == null ? -1L : existing.id) > 0) {
            problems.add(new FieldProblem("slug", Problem.SLUG_TAKEN));
        }
        Checks.text(problems, "title", d.title(), 300);
        Checks.optionalText(problems, "motto", d.motto(), 500);
        Checks.optionalText(problems, "description", d.description(), 10_000);
        Checks.optionalText(problems, "venueName", d.venueName(), 300);
        Checks.optionalText(problems, "venueStreet", d.venueStreet(), 200);
        Checks.optionalText(problems, "venuePostalCode", d.venuePostalCode(), 10);
        Checks.optionalText(problems, "venueCity", d.venueCity(), 100);
        Checks.optionalText(problems, "venueAccessibility", d.venueAccessibility(), 2_000);
        Checks.optionalUrl(problems, "onlineAccessLink", d.onlineAccessLink(), 1000);
        Checks.optionalText(problems, "audience", d.audience(), 500);
        Checks.optionalText(problems, "region", d.region(), 100);
        if (d.region() != null && d.region().strip().matches("(?s).*[\\r\\n].*")) {
            problems.add(new FieldProblem("region", Problem.CHARACTERS_NOT_ALLOWED));
        }
        List<String> tags = d.normalTags();
        if (tags.size() > ConferenceDraft.MAX_TAGS) {
            problems.add(new FieldProblem("tags", Problem.TOO_LONG));
        }
        tags.forEach(tag -> Checks.optionalText(problems, "tags", tag, 50));
        if (tags.stream().anyMatch(tag -> tag.matches("(?s).*[,\\r\\n].*"))) {
            // a comma would split the tag in two in the form
            problems.add(new FieldProblem("tags", Problem.CHARACTERS_NOT_ALLOWED));
        }
        Checks.optionalText(problems, "contactName", d.contactName(), 200);
        Checks.optionalEmail(problems, "contactEmail", d.contactEmail());
        Checks.span(problems, d.startsAt(), d.endsAt());
        if (d.confirmWithinHours() != null && (d.confirmWithinHours() < 1 || d.confirmWithinHours() > 168)) {
            problems.add(new FieldProblem("confirmWithinHours", Problem.CONFIRM_WITHIN_RANGE));
        }
        if (d.offerHours() != null && (d.offerHours() < 1 || d.offerHours() > 168)) {
            problems.add(new FieldProblem("offerHours", Problem.OFFER_HOURS_RANGE));
        }
        if (d.retentionDays() != null && (d.retentionDays() < 0 || d.retentionDays() > 3650)) {
            problems.add(new FieldProblem("retentionDays", Problem.RETENTION_RANGE));
        }
        if (d.format() == null) {
            problems.add(new FieldProblem("format", Problem.REQUIRED));
        } else if (d.format().hasVenue()) {
            if (d.venueName() == null || d.venueCity() == null) {
                problems.add(new FieldProblem("venueName", Problem.VENUE_REQUIRED));
            }
            if (d.onsiteCapacity() == null || d.onsiteCapacity() < 0) {
                problems.add(new FieldProblem("onsiteCapacity", Problem.CAPACITY_REQUIRED));
            } else if (existing != null
                    && d.onsiteCapacity() < existing.onsiteTaken + existing.reservedPlaces(Attendance.ON_SITE)) {
                problems.add(new FieldProblem("onsiteCapacity", Problem.CAPACITY_BELOW_CONFIRMED));
            }
        }
        if (d.onlineCapacity() != null && d.onlineCapacity() < 0) {
            problems.add(new FieldProblem("onlineCapacity", Problem.CAPACITY_REQUIRED));
        } else if (existing != null && d.onlineCapacity() != null
                && d.onlineCapacity() < existing.onlineTaken + existing.reservedPlaces(Attendance.ONLINE)) {
            problems.add(new FieldProblem("onlineCapacity", Problem.CAPACITY_BELOW_CONFIRMED));
        }
        if (d.registrationOpensAt() != null && d.registrationClosesAt() != null
                && !d.registrationClosesAt().isAfter(d.registrationOpensAt())) {
            problems.add(new FieldProblem("registrationClosesAt", Problem.WINDOW_INVALID));
        } else if (d.endsAt() != null && d.registrationClosesAt() != null
                && d.registrationClosesAt().isAfter(d.endsAt())) {
            problems.add(new FieldProblem("registrationClosesAt", Problem.WINDOW_AFTER_END));
        } else if (d.endsAt() != null && d.registrationOpensAt() != null
                && !d.registrationOpensAt().isBefore(d.endsAt())) {
            problems.add(new FieldProblem("registrationOpensAt", Problem.WINDOW_AFTER_END));
        }
        if (existing != null && d.format() != null) {
            for (Attendance mode : existing.attendances()) {
                if (!d.format().offers(mode) && modeInUse(existing, mode)) {
                    problems.add(new FieldProblem("format", Problem.MODE_IN_USE));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** Registrations (held places or waiting) or items offered only to this mode: dropping it would orphan them. */
    private static boolean modeInUse(Conference conference, Attendance mode) {
        return OrganiserActions.hasActive(conference, mode)
                || conference.agenda.stream().anyMatch(item -> item.attendance == mode);
    }

    private static void apply(Conference c, ConferenceDraft d) {
        c.slug = d.slug();
        c.title = d.title().strip();
        c.motto = d.motto();
        c.description = d.description();
        c.startsAt = d.startsAt();
        c.endsAt = d.endsAt();
        c.format = d.format();
        if (d.format().hasVenue()) {
            if (c.venue == null) {
                c.venue = new Venue();
            }
            c.venue.name = d.venueName();
            c.venue.street = d.venueStreet();
            c.venue.postalCode = d.venuePostalCode();
            c.venue.city = d.venueCity();
            c.venue.accessibility = d.venueAccessibility();
            c.onsiteCapacity = d.onsiteCapacity();
        } else {
            c.venue = null;
            c.onsiteCapacity = null;
        }
        c.onlineAccessLink = d.onlineAccessLink();
        c.onlineCapacity = d.format().offers(Attendance.ONLINE) ? d.onlineCapacity() : null;
        c.registrationOpensAt = d.registrationOpensAt();
        c.registrationClosesAt = d.registrationClosesAt();
        c.audience = d.audience();
        c.contactName = d.contactName();
        c.contactEmail = d.contactEmail();
        c.confirmEmail = d.confirmEmail() == null || d.confirmEmail();
        c.confirmWithinHours = d.confirmWithinHours() == null ? 24 : d.confirmWithinHours();
        c.retentionDays = d.retentionDays();
        c.offerHours = d.offerHours();
        c.approvalRequired = Boolean.TRUE.equals(d.approvalRequired());
        c.region = Checks.strippedOrNull(d.region());
        java.util.Set<String> tags = new java.util.HashSet<>(d.normalTags());
        if (!tags.equals(new java.util.HashSet<>(c.tags))) {
            c.tags.clear();
            c.tags.addAll(tags);
        }
    }

    private static List<String> changes(Conference c, ConferenceDraft d) {
        List<String> changes = new ArrayList<>();
        compare(changes, "title", c.title, d.title());
        compare(changes, "starts", c.startsAt, d.startsAt());
        compare(changes, "ends", c.endsAt, d.endsAt());
        compare(changes, "format", c.format, d.format());
        compare(changes, "region", c.region, d.region());
        compare(changes, "on-site places", c.onsiteCapacity, d.onsiteCapacity());
        compare(changes, "online places", c.onlineCapacity, d.onlineCapacity());
        compare(changes, "registration opens", c.registrationOpensAt, d.registrationOpensAt());
        compare(changes, "registration closes", c.registrationClosesAt, d.registrationClosesAt());
        compare(changes, "venue", c.venue == null ? null : c.venue.name, d.venueName());
        compare(changes, "retention days", c.retentionDays, d.retentionDays());
        compare(changes, "waitlist offer hours", c.offerHours, d.offerHours());
        compare(changes, "approval required", c.approvalRequired, Boolean.TRUE.equals(d.approvalRequired()));
        return changes;
    }

    private static void compare(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + ": " + before + " → " + after);
        }
    }

    private static boolean raises(Integer before, Integer after) {
        return before != null && (after == null || after > before);
    }

    private static String freeSlug(String base) {
        String slug = base.length() > 70 ? base.substring(0, 70) : base;
        String candidate = slug;
        for (int n = 2; Conference.count("slug", candidate) > 0; n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }
}
