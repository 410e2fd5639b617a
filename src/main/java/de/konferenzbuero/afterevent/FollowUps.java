package de.konferenzbuero.afterevent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.mail.RegistrationMails;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.runtime.DatabaseOutage;

/**
 * The mails after the event, one per registration whose place was its own: "thank you" (with the certificate, the
 * survey and the documentation) to those who attended, "sorry we missed you" to those who did not. Sent when the
 * organisers press the button, or by themselves the configured hours after the end; rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances never send one twice.
 */
@ApplicationScoped
public class FollowUps {

    /** A time for the mails that passed longer ago than this (the app was down) is not caught up with any more. */
    static final Duration CATCH_UP = Duration.ofDays(7);

    /** Registrations per transaction. */
    static final int BATCH = 200;

    /** How many of the mails went out: to attendees and to no-shows. */
    public record Sent(int thanked, int missed) {
    }

    private final RegistrationMails mails;
    private final Certificates certificates;
    private final Feedback feedback;
    private final EntityManager em;
    private final Clock clock;

    FollowUps(RegistrationMails mails, Certificates certificates, Feedback feedback, EntityManager em, Clock clock) {
        this.mails = mails;
        this.certificates = certificates;
        this.feedback = feedback;
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(every = "10m", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class, identity = "follow-ups")
    void onSchedule() {
        DatabaseOutage.tolerate("Follow-up mails", () -> {
            Sent sent = sendDue();
            if (sent.thanked() + sent.missed() > 0) {
                Log.infof("Queued %d thank-you and %d missed-you mails", sent.thanked(), sent.missed());
            }
        });
    }

    /**
     * The mails of every conference whose organisers set a time after the end that has come (within a week of it), in
     * batches of {@value #BATCH}, each its own transaction.
     */
    public Sent sendDue() {
        return inBatches(now -> claim("""
                and c.ends_at + make_interval(hours => c.follow_up_after_hours) <= ?1
                and c.ends_at + make_interval(hours => c.follow_up_after_hours) > ?2
                """, now, now.minus(CATCH_UP)));
    }

    /**
     * The mails of this conference to everyone who has not had one yet, now.
     *
     * @throws ConferenceNotOver
     *             before its end
     * @throws NobodyCheckedIn
     *             when nobody is marked as attended: everyone would be told they were missed
     */
    public Sent sendNow(Conference conference) {
        if (!conference.endsAt.isBefore(clock.instant())) {
            throw new ConferenceNotOver();
        }
        if (Registration.count("conference = ?1 and checkedInAt is not null", conference) == 0) {
            throw new NobodyCheckedIn();
        }
        return inBatches(now -> claim("and c.id = ?3 and c.ends_at <= ?1 and c.ends_at > ?2", now, Instant.EPOCH,
                conference.id));
    }

    /** How many of this conference's registrations are still to get a follow-up mail. */
    public long waiting(Conference conference) {
        if (conference.status != ConferenceStatus.PUBLISHED) {
            return 0;
        }
        return Registration.count(
                "conference = ?1 and status = 'CONFIRMED' and holdExpiresAt is null"
                        + " and offerExpiresAt is null and followUpSentAt is null and anonymisedAt is null",
                conference);
    }

    private Sent inBatches(java.util.function.Function<Instant, List<Number>> claim) {
        int thanked = 0;
        int missed = 0;
        while (true) {
            Sent batch = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                return send(claim.apply(now), now);
            });
            thanked += batch.thanked();
            missed += batch.missed();
            if (batch.thanked() + batch.missed() < BATCH) {
                return new Sent(thanked, missed);
            }
        }
    }

    /**
     * Locks the next batch of registrations due a mail. Conferences where nobody is marked as attended are left out:
     * their organisers have not recorded admission, and "sorry we missed you" would go to everyone.
     */
    private List<Number> claim(String where, Instant now, Instant endedAfter, Object... more) {
        var query = em.createNativeQuery("""
                select r.id from registration r join conference c on c.id = r.conference_id
                where r.status = 'CONFIRMED' and r.follow_up_sent_at is null and r.anonymised_at is null
                  and r.hold_expires_at is null and r.offer_expires_at is null and c.status = 'PUBLISHED'
                  and exists (select 1 from registration x where x.conference_id = c.id and x.checked_in_at is not null)
                """ + where + " order by r.id limit " + BATCH + " for update of r skip locked").setParameter(1, now)
                .setParameter(2, endedAfter);
        for (int i = 0; i < more.length; i++) {
            query.setParameter(3 + i, more[i]);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids;
    }

    private Sent send(List<Number> ids, Instant now) {
        int thanked = 0;
        int missed = 0;
        for (Number id : ids) {
            Registration r = Registration.findById(id.longValue());
            r.followUpSentAt = now;
            if (r.checkedInAt != null) {
                mails.thankYou(r, certificates.isIssuedTo(r), feedback.isOpenTo(r) && !feedback.hasAnswered(r));
                thanked++;
            } else {
                mails.missedYou(r);
                missed++;
            }
        }
        return new Sent(thanked, missed);
    }
}
