package de.konferenzbuero;

import java.util.List;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.mail.OutboxStatus;
import de.konferenzbuero.mail.RegistrationMails;

/**
 * For tests that read mails in the outbox without sending them: sign-up mails are stored without their bodies and
 * rendered by the dispatcher when it claims them; this renders the waiting ones the same way
 * (RegistrationMails.fillIn), so their subject, bodies and attachments can be read.
 */
public final class StoredMails {

    private StoredMails() {
    }

    /**
     * Each waiting mail in a transaction of its own with its row locked, like the dispatcher's claim, so that tests
     * rendering at the same time (the concurrent model walks) never lock two rows in opposite orders.
     */
    public static void render() {
        RegistrationMails mails = Arc.container().instance(RegistrationMails.class).get();
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        List<Long> waiting = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage
                        .<OutboxMessage> list("html is null and status = ?1 order by id", OutboxStatus.PENDING).stream()
                        .map(m -> m.id).toList());
        for (Long id : waiting) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (!em.createNativeQuery("select id from outbox_message where id = ?1 and html is null for update")
                        .setParameter(1, id).getResultList().isEmpty()) {
                    mails.fillIn(id);
                }
            });
        }
    }
}
