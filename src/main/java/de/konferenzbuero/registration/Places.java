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

    /** Locks the conference row until the transaction ends. */
    void lockConference(long conferenceId) {
        em.createNativeQuery("select id from conference where id = ?1 for update").setParameter(1, conferenceId)
                .getSingleResult();
    }

    /**
     * The sign-up hot path: locks the conference row, then in one statement takes a place in the mode if one is free
     * and inserts the registration as confirmed or at the end of the waitlist.
     *
     * @return the new registration's id and whether it is confirmed
     */
    SignUpOutcome register(long conferenceId, String secret, SignUp in, String email, String locale,
            String privacyVersion, String addedBy) {
        String taken = column(in.attendance());
        // Lock first, in a statement of its own: the statement below then starts after the lock is held and sees
        // the row as it is. (Locking inside the same statement let a sign-up that had waited for the lock decide
        // on a stale count, found by ConcurrentSignUpTest.)
        lockConference(conferenceId);
        Object[] row = (Object[]) em.createNativeQuery("""
                with c as (
                    select id, (%1$s_capacity is null or %1$s_taken < %1$s_capacity) as free
                    from conference where id = ?1
                ), take as (
                    update conference set %1$s_taken = %1$s_taken + 1 from c where conference.id = c.id and c.free
                    returning conference.id
                ), r as (
                    insert into registration (conference_id, manage_secret, first_name, last_name, email, organisation,
                        role, attendance, status, waitlist_seq, locale, needs_wheelchair, needs_sign_language,
                        needs_induction_loop, needs_other, dietary_needs, privacy_policy_version, privacy_consented_at,
                        photo_consent, checkin_code, added_by)
                    select c.id, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                        case when c.free then 'CONFIRMED' else 'WAITLISTED' end,
                        case when c.free then null else nextval('waitlist_seq') end,
                        ?9, ?10, ?11, ?12, ?13, ?14, ?15, now(), ?16, ?17, ?18
                    from c
                    returning id, status
                ), e as (
                    insert into registration_event (registration_id, kind) select id, status from r
                )
                select id, status from r
                """.formatted(taken)).setParameter(1, conferenceId).setParameter(2, secret)
                .setParameter(3, in.firstName().strip()).setParameter(4, in.lastName().strip()).setParameter(5, email)
                .setParameter(6, blankToNull(in.organisation())).setParameter(7, blankToNull(in.role()))
                .setParameter(8, in.attendance().name()).setParameter(9, locale).setParameter(10, in.needsWheelchair())
                .setParameter(11, in.needsSignLanguage()).setParameter(12, in.needsInductionLoop())
                .setParameter(13, blankToNull(in.needsOther())).setParameter(14, blankToNull(in.dietaryNeeds()))
                .setParameter(15, privacyVersion).setParameter(16, in.photoConsent())
                .setParameter(17, ManageSecret.checkinCode()).setParameter(18, addedBy).getSingleResult();
        return new SignUpOutcome(((Number) row[0]).longValue(), "CONFIRMED".equals(row[1]));
    }

    /**
     * Books items for a confirmed registration in one statement: locks the item rows in id order, takes a place where
     * one is free, else queues the booking at the end of the item's waitlist.
     */
    void bookItems(long registrationId, List<Long> itemIds) {
        em.createNativeQuery("""
                with i as (
                    select id, taken < capacity as free from agenda_item where id = any(?2) order by id for update
                ), take as (
                    update agenda_item set taken = taken + 1 from i where agenda_item.id = i.id and i.free
                    returning agenda_item.id
                ), b as (
                    insert into session_booking (registration_id, agenda_item_id, status, waitlist_seq)
                    select ?1, i.id, case when i.free then 'CONFIRMED' else 'WAITLISTED' end,
                        case when i.free then null else nextval('waitlist_seq') end
                    from i order by i.id
                    returning agenda_item_id, status
                )
                insert into registration_event (registration_id, agenda_item_id, kind)
                select ?1, agenda_item_id, 'ITEM_' || status from b
                """).setParameter(1, registrationId).setParameter(2, itemIds.toArray(Long[]::new)).executeUpdate();
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record SignUpOutcome(long registrationId, boolean confirmed) {
    }
}
