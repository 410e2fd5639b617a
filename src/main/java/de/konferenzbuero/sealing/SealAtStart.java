package de.konferenzbuero.sealing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * start-up with one line when no configured key opens what is stored, then seals what was stored before sealing existed
 * (manage secrets of migration V8, mails in the outbox) and, while previous keys are configured, seals again under the
 * current key what a previous key sealed; a batch per transaction. Several instances starting at once only repeat each
 * other's work: a row is sealed once, as it was when read.
 */
@ApplicationScoped
class SealAtStart {

    private static final int BATCH = 200;

    /** The sealed columns of each table, beside the stored mails. */
    private static final Map<String, List<String>> SEALED_SECRETS = Map.of("registration",
            List.of("manage_secret_sealed"), "webhook_endpoint", List.of("secret_sealed"));

    private final EntityManager em;

    SealAtStart(EntityManager em) {
        this.em = em;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 100) StartupEvent start) {
        QuarkusTransaction.requiringNew().run(this::checkKey);
        int secrets = 0;
        for (int n; (n = QuarkusTransaction.requiringNew().call(this::sealPlainSecrets)) > 0;) {
            secrets += n;
        }
        // Without a previous key every sealed value is the current key's: only plain mails need a look, and the start
        // stays as fast with 100,000 stored mails as with none.
        boolean rotating = Sealing.hasPreviousKeys();
        int sealed = sealColumns("outbox_message", List.of("html", "text"), !rotating);
        if (rotating) {
            for (Map.Entry<String, List<String>> table : SEALED_SECRETS.entrySet()) {
                sealed += sealColumns(table.getKey(), table.getValue(), false);
            }
        }
        if (secrets + sealed > 0) {
            Log.infof("Sealed %d manage secrets written before sealing, and %d rows again under the current key or"
                    + " for the first time", secrets, sealed);
        }
    }

    private int sealPlainSecrets() {
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
     * Seals each row of the table whose columns hold plain text or a previous key's seal; how many rows. With
     * {@code plainOnly} only rows with a plain value are read (the database tells them by the missing prefix).
     */
    private int sealColumns(String table, List<String> columns, boolean plainOnly) {
        String filter = !plainOnly ? "" : " and (" + String.join(" or ", columns.stream()
                .map(c -> "(" + c + " is not null and left(" + c + ", 3) <> '" + Sealing.PREFIX + "')").toList()) + ")";
        int sealed = 0;
        for (long after = 0;;) {
            long from = after;
            long[] batch = QuarkusTransaction.requiringNew().call(() -> sealBatch(table, columns, filter, from));
            if (batch[0] == 0) {
                return sealed;
            }
            sealed += (int) batch[1];
            after = batch[0];
        }
    }

    /**
     * Seals the rows of the next batch after id {@code after} that pass the filter: the last id looked at (0 when
     * done), and how many.
     */
    private long[] sealBatch(String table, List<String> columns, String filter, long after) {
        List<?> rows = em.createNativeQuery("select id, " + String.join(", ", columns) + " from " + table
                + " where id > ?1" + filter + " order by id limit " + BATCH).setParameter(1, after).getResultList();
        long last = 0;
        int sealed = 0;
        for (Object row : rows) {
            Object[] values = (Object[]) row;
            last = ((Number) values[0]).longValue();
            List<String> stored = new ArrayList<>();
            for (int i = 1; i < values.length; i++) {
                stored.add((String) values[i]);
            }
            if (stored.stream().anyMatch(Sealing::needsSealing)) {
                sealed += sealRow(table, columns, last, stored);
            }
        }
        return new long[] { last, sealed };
    }

    /** Seals one row's columns unless another instance has changed them since they were read. */
    private int sealRow(String table, List<String> columns, long id, List<String> stored) {
        List<String> set = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String value = stored.get(i);
            if (Sealing.needsSealing(value)) {
                parameters.add(Sealing.seal(Sealing.open(value)));
                set.add(columns.get(i) + " = ?" + parameters.size());
                parameters.add(value);
                unchanged.add(columns.get(i) + " = ?" + parameters.size());
            }
        }
        var update = em.createNativeQuery("update " + table + " set " + String.join(", ", set) + " where "
                + String.join(" and ", unchanged) + " and id = ?" + (parameters.size() + 1));
        for (int i = 0; i < parameters.size(); i++) {
            update.setParameter(i + 1, parameters.get(i));
        }
        return update.setParameter(parameters.size() + 1, id).executeUpdate();
    }

    /** Opens the oldest sealed value of each table: one sealed under a key no longer configured would not open. */
    private void checkKey() {
        List<?> sealed = em
                .createNativeQuery(
                        """
                                (select manage_secret_sealed from registration where manage_secret_sealed is not null order by id limit 1)
                                union all
                                (select text from outbox_message where text like 's1:%' order by id limit 1)
                                union all
                                (select secret_sealed from webhook_endpoint order by id limit 1)""")
                .getResultList();
        try {
            sealed.forEach(value -> Sealing.open((String) value));
        } catch (Sealing.WrongSealingKey e) {
            throw new ConfigurationException("Invalid configuration: " + Sealing.KEY_SETTING
                    + " (KONFERENZBUERO_SEALING_KEY) is not the key the stored registrations and mails were sealed"
                    + " with, nor is any of " + Sealing.PREVIOUS_KEYS_SETTING
                    + "; set the key this database was used with (a new key: the old one as previous key)");
        }
    }
}
