package de.konferenzbuero.registration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.input.Problem;

/**
 * The one capacity rule, in SQL: a place is granted while {@code taken < capacity} (no capacity means unlimited),
 * counted on the conference row per mode and on the agenda item row. Every caller holds the conference row lock (taken
 * first, before any item row) for the rest of its transaction, so capacity changes of one conference happen one after
 * another and waitlists are served in order.
 */
@ApplicationScoped
class Places {

    /** What the sign-up decision found. */
    enum Decision {
        CONFIRMED, WAITLISTED,
        /** Waits for the organisers' approval, holding nothing. */
        PENDING,
        /** The conference takes no registrations any more, or no longer offers the mode. */
        REFUSED
    }

    private final EntityManager em;

    Places(EntityManager em) {
        this.em = em;
    }

    /**
     * Locks the conference row until the transaction ends. NO KEY UPDATE, the mode an UPDATE of the counters takes
     * anyway: it excludes every other capacity change but not the key-share locks that inserting a registration
     * (foreign key) takes, so a sign-up that stored its registration before locking never deadlocks with another.
     */
    void lockConference(long conferenceId) {
        em.createNativeQuery(LOCK.replace("?", "?1")).setParameter(1, conferenceId).getSingleResult();
    }

    private static final String LOCK = "select id from conference where id = ? for no key update";

    /**
     * The sign-up decision, under the conference lock: if the conference still takes registrations in the
     * registration's mode (checked here, as the row is now, since an organiser may have cancelled it or dropped the
     * mode while the sign-up was on its way), a stored registration takes a place in its mode if one is free (a place
     * of the invitation's contingent first, where it has one), else it gets the next waitlist number; the event is
     * recorded; with {@code withItems}, the items of a confirmed registration are decided and those of a waiting one
     * recorded as wishes. The lock is its own statement, sent together with the others ({@link #underLock}), so the
     * decision always sees the rows as they are (deciding inside the locking statement let a sign-up that had waited
     * for the lock act on a stale count, found by ConcurrentSignUpTest).
     *
     * @param how
     *            an organiser adding someone by hand: any time, as long as the conference is not cancelled (and is
     *            approved with it); invited: while registration has not closed, even before the public window or for a
     *            draft, approved with the invitation; otherwise, when the conference approves sign-ups (read from the
     *            row under the lock, as an organiser may just have switched it), the registration takes nothing and
     *            waits (PENDING)
     * @param contingentId
     *            the contingent of the invitation, or null
     * @param withItems
     *            whether the new registration books items (its bookings stored as CONFIRMED, to be decided here); the
     *            caller has flushed the session, as the statements go to the database past Hibernate
     */
    SignUpDecision decide(Registration registration, Instant now, Access how, Long contingentId, boolean withItems) {
        Statement decision = new Statement(
                """
                        with open as (
                            select approval_required and ?4 = 'PUBLIC' as pending from conference
                            where id = ?1 and (format = 'HYBRID' or format = ?3)
                              and case when ?4 = 'ORGANISER' then status <> 'CANCELLED'
                                       when ?4 = 'INVITED' then status <> 'CANCELLED' and ?5 < coalesce(registration_closes_at, starts_at)
                                       else status = 'PUBLISHED' and (registration_opens_at is null or registration_opens_at <= ?5)
                                            and ?5 < coalesce(registration_closes_at, starts_at) end
                        ), held as (
                            update contingent set taken = taken + 1
                            where id = ?6 and conference_id = ?1 and attendance = ?3 and not released and taken < places
                              and exists (select 1 from open where not pending)
                            returning id
                        ), take as (
                            update conference set %1$s_taken = %1$s_taken + 1
                            where id = ?1 and exists (select 1 from open where not pending)
                              and (exists (select 1 from held) or %2$s)
                            returning id
                        ), r as (
                            update registration
                            set status = case when (select pending from open) then 'PENDING' when exists (select 1 from take) then 'CONFIRMED'
                                              else 'WAITLISTED' end,
                                waitlist_seq = case when (select pending from open) or exists (select 1 from take) then null
                                                    else nextval('waitlist_seq') end,
                                contingent_id = (select id from held)
                            where id = ?2 and exists (select 1 from open)
                            returning id, status
                        ), e as (
                            insert into registration_event (registration_id, kind) select id, status from r
                        )
                        select coalesce((select status from r), 'REFUSED')
                        """
                        .formatted(column(registration.attendance), free(registration.attendance)),
                registration.conference.id, registration.id, registration.attendance.name(), how.name(),
                now.atOffset(ZoneOffset.UTC), contingentId == null ? -1L : contingentId);
        List<Statement> statements = new ArrayList<>(List.of(decision));
        if (withItems) {
            statements.add(new Statement(DECIDE_ITEMS, registration.id, registration.attendance.name()));
            statements.add(new Statement(REQUEST_ITEMS, registration.id, registration.attendance.name()));
        }
        List<List<String>> results = underLock(registration.conference.id, statements);
        Decision decided = Decision.valueOf(results.get(0).get(0));
        if (!withItems || decided == Decision.REFUSED) {
            return new SignUpDecision(decided, new ItemDecision(null, true));
        }
        List<String> items = results.get(decided == Decision.CONFIRMED ? 1 : 2);
        return new SignUpDecision(decided,
                items.stream().filter(status -> status.startsWith("REFUSED ")).findFirst().map(
                        refused -> new ItemDecision(Problem.valueOf(refused.substring("REFUSED ".length())), false))
                        .orElseGet(() -> new ItemDecision(null,
                                decided == Decision.CONFIRMED && items.stream().allMatch("CONFIRMED"::equals))));
    }

    /** The decision of a new registration and of the items it books. */
    record SignUpDecision(Decision decision, ItemDecision items) {
    }

    /** An SQL statement with its parameters, numbered {@code ?1}, {@code ?2}, … like a JPA native query. */
    private record Statement(String sql, Object... parameters) {
    }

    private static final Pattern NUMBERED_PARAMETER = Pattern.compile("\\?(\\d+)");

    /**
     * Locks the conference row and then runs the statements, all sent at once: one round trip instead of one each while
     * the lock is held, as the app answering the database is the step that waits longest for a core when many sign up.
     * PostgreSQL runs each statement with a snapshot of its own, taken once the lock is granted and the statement
     * before has run, so each sees the rows as the previous lock holder and the statements before left them. Returns
     * the first column of each statement's rows. The caller has flushed the session. Every parameter is typed (no
     * null): the driver sends the statements together only while it need not ask the server for a parameter's type
     * (with {@code stringtype=unspecified} in the JDBC URL it would send them one by one, still correct).
     */
    private List<List<String>> underLock(long conferenceId, List<Statement> statements) {
        List<Object> values = new ArrayList<>();
        values.add(conferenceId);
        StringBuilder jdbc = new StringBuilder(LOCK);
        for (Statement next : statements) {
            jdbc.append(";\n");
            Matcher numbered = NUMBERED_PARAMETER.matcher(next.sql());
            while (numbered.find()) {
                values.add(Objects.requireNonNull(next.parameters()[Integer.parseInt(numbered.group(1)) - 1]));
                numbered.appendReplacement(jdbc, "?");
            }
            numbered.appendTail(jdbc);
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement batch = connection.prepareStatement(jdbc.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    batch.setObject(i + 1, values.get(i));
                }
                batch.execute(); // the lock's row
                List<List<String>> results = new ArrayList<>();
                while (results.size() < statements.size()) {
                    if (!batch.getMoreResults()) {
                        throw new IllegalStateException(
                                "Statement " + (results.size() + 1) + " under the lock returned no result set");
                    }
                    List<String> rows = new ArrayList<>();
                    try (ResultSet row = batch.getResultSet()) {
                        while (row.next()) {
                            rows.add(row.getString(1));
                        }
                    }
                    results.add(rows);
                }
                return results;
            }
        });
    }

    /** Who registers, which decides when the conference takes the registration and whether it waits for approval. */
    enum Access {
        PUBLIC, INVITED, ORGANISER
    }

    /**
     * The one rule for a place of a mode, as an SQL condition on the conference row: no capacity, or taken plus the
     * places still reserved in unreleased contingents of the mode below it.
     */
    private static String free(Attendance attendance) {
        return """
                (%1$s_capacity is null or %1$s_taken + (select coalesce(sum(k.places - k.taken), 0) from contingent k
                    where k.conference_id = conference.id and k.attendance = '%2$s' and not k.released) < %1$s_capacity)"""
                .formatted(column(attendance), attendance.name());
    }

    /**
     * How the items of a new registration were decided: refused (nothing changed) with the reason, or whether every
     * booking got its place.
     */
    record ItemDecision(Problem refusal, boolean everyPlace) {
    }

    /**
     * Why, as the rows are now, the bookings a new registration asks for cannot be decided: an item no longer bookable,
     * not offered to the registration's mode, or two of them overlapping after the programme changed.
     */
    private static final String REFUSALS = """
            select case when not a.bookable then 'ITEM_UNKNOWN' else 'ITEM_NOT_FOR_MODE' end as problem
            from agenda_item a join session_booking b on b.agenda_item_id = a.id
            where b.registration_id = ?1 and b.status = 'CONFIRMED'
              and not (a.bookable and (a.attendance is null or a.attendance = ?2))
            union all
            select 'ITEM_OVERLAP' from session_booking x join agenda_item xa on xa.id = x.agenda_item_id
            join session_booking y on y.registration_id = x.registration_id and y.id > x.id
            join agenda_item ya on ya.id = y.agenda_item_id
            where x.registration_id = ?1 and x.status = 'CONFIRMED' and y.status = 'CONFIRMED'
              and xa.starts_at < ya.ends_at and ya.starts_at < xa.ends_at
            """;

    /**
     * Whether the decision just made confirmed the registration: null when the decision refused it. Valid only in the
     * statements sent after the decision of a new registration, whose only decision event it is.
     */
    private static final String DECIDED = """
            decided as (
                select kind = 'CONFIRMED' as confirmed from registration_event
                where registration_id = ?1 and agenda_item_id is null and kind in ('CONFIRMED', 'WAITLISTED', 'PENDING')
                order by id desc limit 1
            )""";

    /**
     * Sent after the decision, acts only if it confirmed the registration: each of its new bookings takes a place of
     * its item if one is free, else the next waitlist number (item rows locked in id order). Refused, changing nothing,
     * when the items as they are now cannot be booked together (see {@link #REFUSALS}).
     */
    private static final String DECIDE_ITEMS = """
            with %s, i as (
                select a.id, a.taken < a.capacity as free
                from agenda_item a join session_booking b on b.agenda_item_id = a.id
                where b.registration_id = ?1 and b.status = 'CONFIRMED' and (select confirmed from decided)
                order by a.id for no key update of a
            ), refused as (
                %s
            ), take as (
                update agenda_item set taken = taken + 1 from i
                where agenda_item.id = i.id and i.free and not exists (select 1 from refused)
                returning agenda_item.id
            ), b as (
                update session_booking
                set status = case when i.free then 'CONFIRMED' else 'WAITLISTED' end,
                    waitlist_seq = case when i.free then null else nextval('waitlist_seq') end
                from i where session_booking.registration_id = ?1 and session_booking.agenda_item_id = i.id
                  and not exists (select 1 from refused)
                returning session_booking.agenda_item_id, session_booking.status
            ), e as (
                insert into registration_event (registration_id, agenda_item_id, kind)
                select ?1, agenda_item_id, 'ITEM_' || status from b
            )
            select status from b
            union all (select 'REFUSED ' || problem from refused where (select confirmed from decided) limit 1)
            """.formatted(DECIDED, REFUSALS);

    /**
     * Sent after the decision, acts only if it put the registration on the waitlist or left it waiting for approval:
     * its items are only wished for, decided when the person moves up. Refused, changing nothing, like
     * {@link #DECIDE_ITEMS}.
     */
    private static final String REQUEST_ITEMS = """
            with %s, refused as (
                select problem from (%s) r where not (select confirmed from decided) limit 1
            ), b as (
                update session_booking set status = 'REQUESTED'
                where registration_id = ?1 and status = 'CONFIRMED' and not (select confirmed from decided)
                  and not exists (select 1 from refused)
                returning agenda_item_id
            ), e as (
                insert into registration_event (registration_id, agenda_item_id, kind)
                select ?1, agenda_item_id, 'ITEM_REQUESTED' from b
            )
            select 'REFUSED ' || problem from refused
            """.formatted(DECIDED, REFUSALS);

    /** Takes a conference place of this mode if one is free for everyone (not reserved in a contingent). */
    boolean tryTake(long conferenceId, Attendance attendance) {
        return em.createNativeQuery("""
                update conference set %1$s_taken = %1$s_taken + 1
                where id = ?1 and %2$s
                """.formatted(column(attendance), free(attendance))).setParameter(1, conferenceId).executeUpdate() == 1;
    }

    /**
     * Gives back the place a registration held in this mode; a place of a contingent goes back to the contingent (and
     * is reserved again while it is not released).
     */
    void release(Registration registration, Attendance attendance) {
        em.createNativeQuery("""
                with held as (
                    select contingent_id from registration where id = ?2 and contingent_id is not null
                ), cleared as (
                    update registration set contingent_id = null where id = ?2 and contingent_id is not null
                ), back as (
                    update contingent set taken = taken - 1 where id = (select contingent_id from held)
                )
                update conference set %1$s_taken = %1$s_taken - 1 where id = ?1
                """.formatted(column(attendance))).setParameter(1, registration.conference.id)
                .setParameter(2, registration.id).executeUpdate();
    }

    /**
     * An organiser confirms someone ahead of the waitlist: a free place if there is one, else one more place made for
     * them. The version goes up, so an edit form opened before cannot silently set the old capacity again.
     */
    void takeOrAdd(long conferenceId, Attendance attendance) {
        em.createNativeQuery("""
                update conference set %1$s_taken = %1$s_taken + 1, version = version + 1,
                    %1$s_capacity = case when %2$s then %1$s_capacity else %1$s_capacity + 1 end
                where id = ?1
                """.formatted(column(attendance), free(attendance))).setParameter(1, conferenceId).executeUpdate();
    }

    /** Takes a place of this item if one is free. */
    boolean tryTakeItem(long itemId) {
        return em.createNativeQuery("update agenda_item set taken = taken + 1 where id = ?1 and taken < capacity")
                .setParameter(1, itemId).executeUpdate() == 1;
    }

    /** Like {@link #takeOrAdd} for an item. */
    void takeOrAddItem(long itemId) {
        em.createNativeQuery("""
                update agenda_item set taken = taken + 1, version = version + 1,
                    capacity = case when taken < capacity then capacity else capacity + 1 end
                where id = ?1
                """).setParameter(1, itemId).executeUpdate();
    }

    void releaseItem(long itemId) {
        em.createNativeQuery("update agenda_item set taken = taken - 1 where id = ?1").setParameter(1, itemId)
                .executeUpdate();
    }

    /** Takes a place of this choice option if one is free (no capacity: always, still counted). */
    boolean tryTakeOption(long optionId) {
        return em.createNativeQuery(
                "update question_option set taken = taken + 1 where id = ?1 and (capacity is null or taken < capacity)")
                .setParameter(1, optionId).executeUpdate() == 1;
    }

    void releaseOption(long optionId) {
        em.createNativeQuery("update question_option set taken = taken - 1 where id = ?1").setParameter(1, optionId)
                .executeUpdate();
    }

    /** The next number in the one waitlist order shared by all waitlists. */
    long nextWaitlistSeq() {
        return ((Number) em.createNativeQuery("select nextval('waitlist_seq')").getSingleResult()).longValue();
    }

    private static String column(Attendance attendance) {
        return attendance == Attendance.ON_SITE ? "onsite" : "online";
    }
}
