package de.konferenzbuero.sealing;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * At start-up, before the scheduler starts any job (so no mail is rendered from a secret not sealed yet): stops
 * start-up with one line when the configured key does not open what is stored, then seals what was stored before
 * sealing existed (manage secrets of migration V8, mails in the outbox), a batch per transaction. Several instances
 * starting at once only repeat each other's work: a row is sealed once, as it was when read.
 */
@ApplicationScoped
class SealAtStart {

    private static final int BATCH = 200;

    private final EntityManager em;

    SealAtStart(EntityManager em) {
        this.em = em;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 100) StartupEvent start) {
        QuarkusTransaction.requiringNew().run(this::checkKey);
        int secrets = 0;
        for (int n; (n = QuarkusTransaction.requiringNew().call(this::sealSecrets)) > 0;) {
            secrets += n;
        }
        int mails = 0;
        for (long after = 0;;) {
            long from = after;
            long[] batch = QuarkusTransaction.requiringNew().call(() -> sealMails(from));
            if (batch[0] == 0) {
                break;
            }
            mails += (int) batch[1];
            after = batch[0];
        }
        if (secrets + mails > 0) {
            Log.infof("Sealed %d manage secrets and %d stored mails written before sealing", secrets, mails);
        }
    }

    private int sealSecrets() {
        List<?> rows = em.createNativeQuery(
                "select id, manage_secret from registration where manage_secret is not null order by id limit " + BATCH)
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            em.createNativeQuery("update registration set manage_secret_sealed = ?1, manage_secret = null"
                    + " where id = ?2 and manage_secret = ?3").setParameter(1, Sealing.seal((String) columns[1]))
                    .setParameter(2, columns[0]).setParameter(3, columns[1]).executeUpdate();
        }
        return rows.size();
    }

    /**
     * Seals the plain mails of the next batch after id {@code after}: the last id looked at (0 when done), and how many
     * were sealed.
     */
    private long[] sealMails(long after) {
        List<?> rows = em
                .createNativeQuery("select id, html, text from outbox_message where id > ?1 order by id limit " + BATCH)
                .setParameter(1, after).getResultList();
        long last = 0;
        int sealed = 0;
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            last = ((Number) columns[0]).longValue();
            String html = (String) columns[1];
            String text = (String) columns[2];
            if (Sealing.isSealed(html) && Sealing.isSealed(text)) {
                continue;
            }
            em.createNativeQuery("update outbox_message set html = ?1, text = ?2 where id = ?3")
                    .setParameter(1, sealedOnce(html)).setParameter(2, sealedOnce(text)).setParameter(3, last)
                    .executeUpdate();
            sealed++;
        }
        return new long[] { last, sealed };
    }

    private static String sealedOnce(String value) {
        return Sealing.isSealed(value) ? value : Sealing.seal(value);
    }

    /** Opens the oldest sealed value of each table: one sealed before the key was changed would not open. */
    private void checkKey() {
        List<?> sealed = em
                .createNativeQuery(
                        """
                                (select manage_secret_sealed from registration where manage_secret_sealed is not null order by id limit 1)
                                union all
                                (select text from outbox_message where text like 's1:%' order by id limit 1)""")
                .getResultList();
        try {
            sealed.forEach(value -> Sealing.open((String) value));
        } catch (Sealing.WrongSealingKey e) {
            throw new ConfigurationException("Invalid configuration: " + Sealing.KEY_SETTING
                    + " (KONFERENZBUERO_SEALING_KEY) is not the key the stored registrations and mails were sealed"
                    + " with; set the key this database was used with");
        }
    }
}
