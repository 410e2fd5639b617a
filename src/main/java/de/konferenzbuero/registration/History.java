package de.konferenzbuero.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Writes the registration_event trail: every status change, in the order it happened. */
@ApplicationScoped
class History {

    private final EntityManager em;

    History(EntityManager em) {
        this.em = em;
    }

    void record(Registration registration, HistoryKind kind, String actor) {
        insert(registration.id, null, kind, actor);
    }

    void record(SessionBooking booking, HistoryKind kind, String actor) {
        insert(booking.registration.id, booking.item.id, kind, actor);
    }

    private void insert(Long registrationId, Long itemId, HistoryKind kind, String actor) {
        em.flush();
        em.createNativeQuery(
                "insert into registration_event (registration_id, agenda_item_id, kind, actor) values (?1, ?2, ?3, ?4)")
                .setParameter(1, registrationId).setParameter(2, itemId).setParameter(3, kind.name())
                .setParameter(4, actor).executeUpdate();
    }
}
