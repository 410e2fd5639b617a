package de.konferenzbuero.sealing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * At start-up: seals what was stored before sealing existed (manage secrets of migration V8, mails in the outbox), a
 * batch per transaction, so several instances starting at once only repeat each other's work; then stops start-up with
 * one line when the configured key does not open what is stored.
 */
@ApplicationScoped
class SealAtStart {

    private static final int BATCH = 200;

    private final EntityManager em;

    SealAtStart(EntityManager em) {
        this.em = em;
    }

    void onStart(@Observes StartupEvent start) {
        int secrets = 0;
        int mails = 0;
        for (int n; (n = QuarkusTransaction.requiringNew().call(this::sealSecrets)) > 0;) {
            secrets += n;
        }
        for (int n; (n = QuarkusTransaction.requiringNew().call(this::sealMails)) > 0;) {
            mails += n;
        }
        if (secrets + mails > 0) {
            Log.infof("Sealed %d manage secrets and %d stored mails written before sealing", secrets, mails);
        }
        QuarkusTransaction.requiringNew().run(this::checkKey);
    }

    private int sealSecrets() {
        List<?> rows = em
                .createNativeQuery(
                        "select id, manage_secret from registration where manage_secret is not null limit " + BATCH)
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            em.createNativeQuery(
                    "update registration set manage_secret_sealed = ?1, manage_secret = null where id = ?2")
                    .setParameter(1, Sealing.seal((String) columns[1])).setParameter(2, columns[0]).executeUpdate();
        }
        return rows.size();
    }

    private int sealMails() {
        List<?> rows = em.createNativeQuery("select id, html, text from outbox_message where html not like '"
                + Sealing.PREFIX + "%' or text not like '" + Sealing.PREFIX + "%' limit " + BATCH).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            em.createNativeQuery("update outbox_message set html = ?1, text = ?2 where id = ?3")
                    .setParameter(1, sealedOnce((String) columns[1])).setParameter(2, sealedOnce((String) columns[2]))
                    .setParameter(3, columns[0]).executeUpdate();
        }
        return rows.size();
    }

    private static String sealedOnce(String value) {
        return Sealing.isSealed(value) ? value : Sealing.seal(value);
    }

    private void checkKey() {
        List<?> sealed = em
                .createNativeQuery(
                        "select manage_secret_sealed from registration where manage_secret_sealed is not null limit 1")
                .getResultList();
        try {
            sealed.forEach(value -> Sealing.open((String) value));
        } catch (Sealing.WrongSealingKey e) {
            throw new ConfigurationException("Invalid configuration: " + Sealing.KEY_SETTING
                    + " (KONFERENZBUERO_SEALING_KEY) is not the key the stored registrations were sealed with; set the"
                    + " key this database was used with");
        }
    }
}
