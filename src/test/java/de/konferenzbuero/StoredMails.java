package de.konferenzbuero;

import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.mail.RegistrationMails;

/**
 * For tests that read mails in the outbox without sending them: sign-up mails are stored without their bodies and
 * rendered by the dispatcher when it claims them; this renders the waiting ones the same way
 * (RegistrationMails.fillIn), so their subject, bodies and attachments can be read.
 */
public final class StoredMails {

    private StoredMails() {
    }

    public static void render() {
        RegistrationMails mails = Arc.container().instance(RegistrationMails.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            List<Long> waiting = OutboxMessage.<OutboxMessage> list("html is null and status = ?1 order by id",
                    de.konferenzbuero.mail.OutboxStatus.PENDING).stream().map(m -> m.id).toList();
            waiting.forEach(mails::fillIn);
        });
    }
}
