package de.konferenzbuero.registration;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import de.konferenzbuero.conference.Attendance;

/**
 * The one capacity rule, in SQL: a place is granted while {@code taken < capacity} (no capacity means unlimited),
 * counted on the conference row per mode and on the agenda item row. Every caller holds the conference row lock (taken
 * first, before any item row) for the rest of its transaction, so capacity changes of one conference happen one after
 * another and waitlists are served in order.
 */
@ApplicationScoped
class Places {

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
        em.createNativeQuery("select id from conference where id = ?1 for no key update").setParameter(1, conferenceId)
                .getSingleResult();
    }

    /**
     * The sign-up decision, under the conference lock: a stored registration takes a place in its mode if one is free,
     * else it gets the next waitlist number; the event is recorded. The lock is its own statement, so the decision
     * below always sees the row as it is (deciding inside the locking statement let a sign-up that had waited for the
     * lock act on a stale count, found by ConcurrentSignUpTest).
     *
     * @return whether the registration is confirmed
     */
    boolean decide(Registration registration) {
        lockConference(registration.conference.id);
        Object status = em.createNativeQuery("""
                with take as (
                    update conference set %1$s_taken = %1$s_taken + 1
                    where id = ?1 and (%1$s_capacity is null or %1$s_taken < %1$s_capacity)
                    returning id
                ), r as (
                    update registration
                    set status = case when exists (select 1 from take) then 'CONFIRMED' else 'WAITLISTED' end,
                        waitlist_seq = case when exists (select 1 from take) then null else nextval('waitlist_seq') end
                    where id = ?2
                    returning id, status
                ), e as (
                    insert into registration_event (registration_id, kind) select id, status from r
                )
                select status from r
                """.formatted(column(registration.attendance))).setParameter(1, registration.conference.id)
                .setParameter(2, registration.id).getSingleResult();
        return "CONFIRMED".equals(status);
    }

    /**
     * For a confirmed registration, under the conference lock: each of its new bookings takes a place of its item if
     * one is free, else the next waitlist number (item rows locked in id order).
     *
     * @return whether every booking got a place
     */
    boolean decideItems(long registrationId) {
        List<?> statuses = em.createNativeQuery("""
                with i as (
                    select a.id, a.taken < a.capacity as free from agenda_item a
                    join session_booking b on b.agenda_item_id = a.id
                    where b.registration_id = ?1 and b.status = 'CONFIRMED'
                    order by a.id for no key update of a
                ), take as (
                    update agenda_item set taken = taken + 1 from i where agenda_item.id = i.id and i.free
                    returning agenda_item.id
                ), b as (
                    update session_booking
                    set status = case when i.free then 'CONFIRMED' else 'WAITLISTED' end,
                        waitlist_seq = case when i.free then null else nextval('waitlist_seq') end
                    from i where session_booking.registration_id = ?1 and session_booking.agenda_item_id = i.id
                    returning session_booking.agenda_item_id, session_booking.status
                ), e as (
                    insert into registration_event (registration_id, agenda_item_id, kind)
                    select ?1, agenda_item_id, 'ITEM_' || status from b
                )
                select status from b
                """).setParameter(1, registrationId).getResultList();
        return statuses.stream().allMatch("CONFIRMED"::equals);
    }

    /** Someone on the conference's waitlist only wishes for items: they are decided when the person moves up. */
    boolean requestItems(long registrationId) {
        em.createNativeQuery("""
                with b as (
                    update session_booking set status = 'REQUESTED' where registration_id = ?1 and status = 'CONFIRMED'
                    returning agenda_item_id
                )
                insert into registration_event (registration_id, agenda_item_id, kind)
                select ?1, agenda_item_id, 'ITEM_REQUESTED' from b
                """).setParameter(1, registrationId).executeUpdate();
        return false;
    }

    /** Takes a conference place of this mode if one is free. */
    boolean tryTake(long conferenceId, Attendance attendance) {
        return em.createNativeQuery("""
                update conference set %1$s_taken = %1$s_taken + 1
                where id = ?1 and (%1$s_capacity is null or %1$s_taken < %1$s_capacity)
                """.formatted(column(attendance))).setParameter(1, conferenceId).executeUpdate() == 1;
    }

    void release(long conferenceId, Attendance attendance) {
        em.createNativeQuery(
                "update conference set %1$s_taken = %1$s_taken - 1 where id = ?1".formatted(column(attendance)))
                .setParameter(1, conferenceId).executeUpdate();
    }

    /** Takes a place of this item if one is free. */
    boolean tryTakeItem(long itemId) {
        return em.createNativeQuery("update agenda_item set taken = taken + 1 where id = ?1 and taken < capacity")
                .setParameter(1, itemId).executeUpdate() == 1;
    }

    void releaseItem(long itemId) {
        em.createNativeQuery("update agenda_item set taken = taken - 1 where id = ?1").setParameter(1, itemId)
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
