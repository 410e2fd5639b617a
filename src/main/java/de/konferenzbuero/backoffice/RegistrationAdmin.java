package de.konferenzbuero.backoffice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.HistoryKind;
import de.konferenzbuero.registration.OrganiserActions;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;
import de.konferenzbuero.registration.SessionBooking;
import de.konferenzbuero.registration.SignUp;

/** The organiser's view of registrations: search, edit, cancel, promote out of order, add by hand, needs. */
@ApplicationScoped
public class RegistrationAdmin {

    /** Filters of the registrations table; null means any. */
    public record Filter(String query, RegistrationStatus status, Attendance attendance, Long itemId) {

        /** The table's address with these filters on the given page: what the page links point to. */
        public String pageLink(int page) {
            StringBuilder link = new StringBuilder("?page=").append(page);
            if (query != null && !query.isBlank()) {
                link.append("&q=").append(java.net.URLEncoder.encode(query.strip(), StandardCharsets.UTF_8));
            }
            if (status != null) {
                link.append("&status=").append(status.name());
            }
            if (attendance != null) {
                link.append("&attendance=").append(attendance.name());
            }
            if (itemId != null) {
                link.append("&item=").append(itemId);
            }
            return link.toString();
        }
    }

    /** Rows of the registrations table shown on one page. */
    public static final int PAGE_SIZE = 100;

    /** One page of the registrations table: its rows, how many match in all, and which page of how many it is. */
    public record Page(List<Registration> rows, long total, int number) {

        public int pages() {
            return pagesFor(total);
        }

        /** How many pages a table of {@code total} rows has: at least one, also when it is empty. */
        static int pagesFor(long total) {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages();
        }

        public int previous() {
            return number - 1;
        }

        public int next() {
            return number + 1;
        }

        /** The position of the first row shown, counted from 1. */
        public long first() {
            return rows.isEmpty() ? 0 : (long) (number - 1) * PAGE_SIZE + 1;
        }

        public long last() {
            return first() + rows.size() - (rows.isEmpty() ? 0 : 1);
        }
    }

    /** What attendees need, summed over confirmed registrations, for planning rooms, catering and interpreters. */
    public record Needs(long wheelchair, long signLanguage, long inductionLoop, List<String> other,
            List<String> dietary) {
    }

    /** Personal data an organiser may correct. */
    public record Edit(String firstName, String lastName, String email, String organisation, String role,
            String needsOther, String dietaryNeeds, boolean needsWheelchair, boolean needsSignLanguage,
            boolean needsInductionLoop, Integer version) {
    }

    /** One step in a registration's history. */
    public record Step(java.time.Instant at, HistoryKind kind, String item, String actor) {
    }

    private final ConferenceEditing conferences;
    private final OrganiserActions actions;
    private final Audit audit;

    private final jakarta.persistence.EntityManager em;

    RegistrationAdmin(ConferenceEditing conferences, OrganiserActions actions, Audit audit,
            jakarta.persistence.EntityManager em) {
        this.em = em;
        this.conferences = conferences;
        this.actions = actions;
        this.audit = audit;
    }

    /** The conference, if this organiser manages it. */
    public Conference conferenceOf(Organiser organiser, long conferenceId) {
        return conferences.find(organiser, conferenceId);
    }

    /**
     * One page of the registrations matching the filter (a page beyond the last shows the last): pending first, then
     * confirmed, the waitlist in its order, cancelled last, by name within each.
     */
    public Page search(Organiser organiser, long conferenceId, Filter filter, int page) {
        Matching matching = matching(conferences.find(organiser, conferenceId), filter);
        long total = Registration.count("from Registration r where " + matching.where(), matching.params());
        int number = Math.max(1, Math.min(page, Page.pagesFor(total)));
        List<Registration> rows = Registration.<Registration> find(matching.ordered(), matching.params())
                .page(io.quarkus.panache.common.Page.of(number - 1, PAGE_SIZE)).list();
        return new Page(rows, total, number);
    }

    /** Every registration matching the filter, in the table's order: for badges, exports and sums. */
    public List<Registration> all(Organiser organiser, long conferenceId, Filter filter) {
        Matching matching = matching(conferences.find(organiser, conferenceId), filter);
        return Registration.<Registration> find(matching.ordered(), matching.params()).list();
    }

    /** The condition of a filter, for counting and for listing. */
    private record Matching(String where, Map<String, Object> params) {

        String ordered() {
            return "from Registration r where " + where
                    + " order by case when r.status = 'PENDING' then 1 when r.status = 'WAITLISTED' then 2 when r.status = 'CANCELLED' then 3 else 0 end,"
                    + " r.waitlistSeq, r.lastName, r.firstName, r.id";
        }
    }

    private static Matching matching(Conference conference, Filter filter) {
        StringBuilder where = new StringBuilder("conference = :conference");
        Map<String, Object> params = new HashMap<>();
        params.put("conference", conference);
        if (filter.query() != null && !filter.query().isBlank()) {
            where.append(" and (lower(firstName || ' ' || lastName) like :q or email like :q"
                    + " or lower(coalesce(organisation, '')) like :q)");
            params.put("q", "%" + filter.query().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.attendance() != null) {
            where.append(" and attendance = :attendance");
            params.put("attendance", filter.attendance());
        }
        if (filter.itemId() != null) {
            where.append(" and exists (select b from SessionBooking b where b.registration = r and b.item.id = :item"
                    + " and b.status <> :cancelled)");
            params.put("item", filter.itemId());
            params.put("cancelled", BookingStatus.CANCELLED);
        }
        return new Matching(where.toString(), params);
    }

    public Registration find(Organiser organiser, long conferenceId, long registrationId) {
        return registrationOf(conferences.find(organiser, conferenceId), registrationId);
    }

    /** The registration under the conference lock, loaded after it: as it is now. */
    private Registration findLocked(Organiser organiser, long conferenceId, long registrationId) {
        return registrationOf(conferences.findLocked(organiser, conferenceId), registrationId);
    }

    private static Registration registrationOf(Conference conference, long registrationId) {
        Registration registration = Registration.findById(registrationId);
        if (registration == null || !registration.conference.id.equals(conference.id)) {
            throw new NotYours();
        }
        return registration;
    }

    /** The needs of the confirmed attendees; only those who named one are read, whatever the size of the list. */
    public Needs needs(Organiser organiser, long conferenceId) {
        Matching all = matching(conferences.find(organiser, conferenceId),
                new Filter(null, RegistrationStatus.CONFIRMED, null, null));
        Matching withNeeds = new Matching(
                all.where() + " and (r.needsWheelchair = true or r.needsSignLanguage = true"
                        + " or r.needsInductionLoop = true or r.needsOther is not null or r.dietaryNeeds is not null)",
                all.params());
        List<Registration> confirmed = Registration.<Registration> find(withNeeds.ordered(), withNeeds.params()).list();
        List<String> other = new ArrayList<>();
        List<String> dietary = new ArrayList<>();
        for (Registration r : confirmed) {
            if (r.needsOther != null) {
                other.add(r.fullName() + ": " + r.needsOther);
            }
            if (r.dietaryNeeds != null) {
                dietary.add(r.fullName() + ": " + r.dietaryNeeds);
            }
        }
        return new Needs(confirmed.stream().filter(r -> r.needsWheelchair).count(),
                confirmed.stream().filter(r -> r.needsSignLanguage).count(),
                confirmed.stream().filter(r -> r.needsInductionLoop).count(), other, dietary);
    }

    /** Every status change of the registration and its bookings, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Step> history(Registration registration) {
        List<Object[]> rows = em.createNativeQuery("""
                select e.at, e.kind, i.title, e.actor from registration_event e
                left join agenda_item i on i.id = e.agenda_item_id
                where e.registration_id = ?1 order by e.id
                """).setParameter(1, registration.id).getResultList();
        return rows.stream()
                .map(r -> new Step(instant(r[0]), HistoryKind.valueOf((String) r[1]), (String) r[2], (String) r[3]))
                .toList();
    }

    /**
     * Corrects personal data; places do not change, so no conference lock: the version the organiser saw decides, and a
     * change made meanwhile by anyone else is refused (as "changed meanwhile" when it happens at the same moment).
     */
    @Transactional
    public Registration edit(Organiser organiser, long conferenceId, long registrationId, Edit edit) {
        // under the conference lock, like every change of places: a step that changes this registration's places
        // (an agenda move releasing a booking) must not find its row edited under it (found by InvariantsTest)
        Registration r = findLocked(organiser, conferenceId, registrationId);
        if (edit.version() == null || edit.version() != r.version) {
            throw new InvalidInput("version", Problem.EDITED_BY_SOMEONE_ELSE);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Checks.text(problems, "firstName", edit.firstName(), 100);
        Checks.text(problems, "lastName", edit.lastName(), 100);
        Checks.text(problems, "email", edit.email(), EmailAddresses.MAX_LENGTH);
        String email = EmailAddresses.normalise(edit.email()).orElse(null);
        if (email == null && edit.email() != null && !edit.email().isBlank()) {
            problems.add(new FieldProblem("email", Problem.EMAIL_INVALID));
        } else if (email != null && !email.equals(r.email) && r.isActive()
                && Registration.findActive(r.conference, email).isPresent()) {
            problems.add(new FieldProblem("email", Problem.EMAIL_TAKEN));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String before = r.fullName() + " <" + r.email + ">";
        r.firstName = edit.firstName().strip();
        r.lastName = edit.lastName().strip();
        r.email = email;
        r.organisation = Checks.strippedOrNull(edit.organisation());
        r.role = Checks.strippedOrNull(edit.role());
        r.needsOther = Checks.strippedOrNull(edit.needsOther());
        r.dietaryNeeds = Checks.strippedOrNull(edit.dietaryNeeds());
        r.needsWheelchair = edit.needsWheelchair();
        r.needsSignLanguage = edit.needsSignLanguage();
        r.needsInductionLoop = edit.needsInductionLoop();
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            throw Registration.emailTakenOr(e);
        }
        audit.record(organiser.email, conferenceId, "REGISTRATION", registrationId, "edited",
                before + " → " + r.fullName() + " <" + r.email + ">");
        return r;
    }

    @Transactional
    public void cancel(Organiser organiser, long conferenceId, long registrationId) {
        Registration r = findLocked(organiser, conferenceId, registrationId);
        actions.cancel(r, organiser.email);
        audit.record(organiser.email, conferenceId, "REGISTRATION", registrationId, "cancelled", r.fullName());
    }

    /** Confirms a waitlisted registration ahead of the others (the conference gets one more place). */
    @Transactional
    public void promote(Organiser organiser, long conferenceId, long registrationId) {
        Registration r = findLocked(organiser, conferenceId, registrationId);
        actions.promote(r, organiser.email);
        audit.record(organiser.email, conferenceId, "REGISTRATION", registrationId, "promoted out of order",
                r.fullName());
    }

    /** Confirms a waitlisted booking ahead of the others (the item gets one more place). */
    @Transactional
    public void promoteBooking(Organiser organiser, long conferenceId, long registrationId, long bookingId) {
        Registration r = findLocked(organiser, conferenceId, registrationId);
        SessionBooking booking = r.bookings.stream().filter(b -> b.id.equals(bookingId)).findFirst()
                .orElseThrow(NotYours::new);
        actions.promote(booking, organiser.email);
        audit.record(organiser.email, conferenceId, "REGISTRATION", registrationId, "item promoted out of order",
                r.fullName() + ": " + booking.item.title);
    }

    /**
     * Adds someone by hand. Like a sign-up it stores the registration before it takes the conference lock (in
     * {@code OrganiserActions.addByHand}), so two additions of one address never wait for each other in a circle.
     */
    @Transactional
    public Registration add(Organiser organiser, long conferenceId, SignUp signUp) {
        Conference conference = conferences.find(organiser, conferenceId);
        Registration r = actions.addByHand(conference, signUp, organiser.email);
        audit.record(organiser.email, conferenceId, "REGISTRATION", r.id, "added by hand", r.fullName());
        return r;
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
