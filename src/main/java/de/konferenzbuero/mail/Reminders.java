package de.konferenzbuero.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.runtime.DatabaseOutage;

/**
 * Sends each confirmed attendee one reminder a configured number of days before their conference starts. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so several app instances never remind anyone twice.
 */
@ApplicationScoped
public class Reminders {

    private final RegistrationMails mails;
    private final EntityManager em;
    private final Clock clock;
    private final Duration ahead;

    Reminders(RegistrationMails mails, EntityManager em, Clock clock, AppConfig config) {
        this.mails = mails;
        this.em = em;
        this.clock = clock;
        this.ahead = Duration.ofDays(config.mail().reminderDaysBefore());
    }

    @Scheduled(every = "${konferenzbuero.mail.reminder-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class, identity = "reminders")
    void onSchedule() {
        DatabaseOutage.tolerate("Reminders", () -> {
            int sent = remindDue();
            if (sent > 0) {
                Log.infof("Queued %d reminders", sent);
            }
        });
    }

    /**
     * Queues the reminder for every registration whose place is its own (confirmed, no address or offer still open) and
     * whose conference starts within the reminder window.
     */
    @Transactional
    public int remindDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                select r.id from registration r join conference c on c.id = r.conference_id
                where r.status = 'CONFIRMED' and r.reminder_sent_at is null and c.status = 'PUBLISHED'
                  and r.hold_expires_at is null and r.offer_expires_at is null
                  and c.starts_at > ?1 and c.starts_at <= ?2
                order by r.id for update of r skip locked
                """).setParameter(1, now).setParameter(2, now.plus(ahead)).getResultList();
        for (Number id : ids) {
            Registration registration = Registration.findById(id.longValue());
            registration.reminderSentAt = now;
            mails.remind(registration);
        }
        return ids.size();
    }
}
