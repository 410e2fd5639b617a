package de.konferenzbuero.privacy;

import java.time.Instant;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Removes everything that names a person from registrations (see {@link PersonalData}): their personal and special
 * fields, manage secret and check-in code, the recipients, bodies and errors of their mails (mails not sent yet are
 * dropped: nobody could receive them), and the details of audit entries about them or their mails. What statistics need
 * stays: status, mode, times, bookings, check-ins, the history of decisions and the consent log. The row version is
 * raised, so a change prepared from the row before fails instead of writing a name back.
 */
@ApplicationScoped
class Anonymiser {

    private final EntityManager em;

    Anonymiser(EntityManager em) {
        this.em = em;
    }

    /** Anonymises those of {@code ids} not anonymised yet; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    int anonymise(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        em.flush();
        em.createNativeQuery(
                """
                        update audit_log set details = null
                        where details is not null and ((subject = 'REGISTRATION' and subject_id in (:ids))
                           or (subject = 'MAIL' and subject_id in (select id from outbox_message where registration_id in (:ids))))
                        """)
                .setParameter("ids", ids).executeUpdate();
        // typed answers may name anyone; a chosen option is a count like the mode and is kept
        em.createNativeQuery("delete from answer where registration_id in (:ids) and option_id is null")
                .setParameter("ids", ids).executeUpdate();
        em.createNativeQuery("delete from outbox_message where registration_id in (:ids) and status = 'PENDING'")
                .setParameter("ids", ids).executeUpdate();
        em.createNativeQuery("""
                update outbox_message set recipient = 'anonymised-' || registration_id || '@invalid', html = '',
                    text = '', attachments = '[]', last_error = null, body_removed_at = coalesce(body_removed_at, :now)
                where registration_id in (:ids)
                """).setParameter("ids", ids).setParameter("now", now).executeUpdate();
        int anonymised = em
                .createNativeQuery(
                        """
                                update registration set first_name = '', last_name = '', email = 'anonymised-' || id || '@invalid',
                                    organisation = null, role = null, decision_message = null, photo_consent = false, needs_wheelchair = false,
                                    needs_sign_language = false, needs_induction_loop = false, needs_other = null, dietary_needs = null,
                                    special_deleted_at = coalesce(special_deleted_at, :now), manage_secret = null,
                                    manage_secret_sealed = null, manage_secret_hash = null, checkin_code = null, certificate_code = null, anonymised_at = :now,
                                    version = version + 1
                                where id in (:ids) and anonymised_at is null
                                """)
                .setParameter("ids", ids).setParameter("now", now).executeUpdate();
        em.clear();
        return anonymised;
    }

    /**
     * Deletes the health-related and dietary needs of every registration of a conference (special categories, kept only
     * until the event is over); returns how many registrations had any.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int deleteSpecialCategories(long conferenceId, Instant now) {
        em.flush();
        int withNeeds = ((Number) em.createNativeQuery("""
                select count(*) from registration where conference_id = :c and special_deleted_at is null
                  and (needs_wheelchair or needs_sign_language or needs_induction_loop or needs_other is not null
                       or dietary_needs is not null)
                """).setParameter("c", conferenceId).getSingleResult()).intValue();
        em.createNativeQuery("""
                update registration set needs_wheelchair = false, needs_sign_language = false,
                    needs_induction_loop = false, needs_other = null, dietary_needs = null, special_deleted_at = :now,
                    version = version + 1
                where conference_id = :c and special_deleted_at is null
                """).setParameter("c", conferenceId).setParameter("now", now).executeUpdate();
        em.clear();
        return withNeeds;
    }
}
