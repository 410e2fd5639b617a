package de.konferenzbuero.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.backoffice.Audit;
import de.konferenzbuero.runtime.ClusterJobs;
import de.konferenzbuero.runtime.DatabaseOutage;

/**
 * The retention job (once per period across instances): deletes the special categories of conferences that have ended,
 * anonymises the registrations of conferences past their retention period and cancelled registrations past theirs, and
 * removes the bodies of mails delivered long enough ago. One transaction per conference; what it did is logged and
 * written to the conference's audit log as counts.
 */
@ApplicationScoped
public class Retention {

    /** The actor of the job's audit entries. */
    public static final String ACTOR = "retention";

    /** What one run did to one conference. */
    public record Done(long conferenceId, int specialCategories, int anonymised, int mailBodies) {

        boolean anything() {
            return specialCategories + anonymised + mailBodies > 0;
        }

        String details() {
            return anonymised + " registrations anonymised, special categories of " + specialCategories + " deleted, "
                    + mailBodies + " mail bodies removed";
        }
    }

    private final Anonymiser anonymiser;
    private final Audit audit;
    private final EntityManager em;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final AppConfig.Privacy privacy;
    private final Counter specialCategories;
    private final Counter anonymised;
    private final Counter mailBodies;

    Retention(Anonymiser anonymiser, Audit audit, EntityManager em, ClusterJobs jobs, Clock clock, AppConfig config,
            MeterRegistry registry) {
        this.specialCategories = deleted(registry, "special_categories");
        this.anonymised = deleted(registry, "registrations");
        this.mailBodies = deleted(registry, "mail_bodies");
        this.anonymiser = anonymiser;
        this.audit = audit;
        this.em = em;
        this.jobs = jobs;
        this.clock = clock;
        this.privacy = config.privacy();
    }

    @Scheduled(every = "${konferenzbuero.privacy.retention-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class, identity = "retention")
    void onSchedule() {
        DatabaseOutage.tolerate("Retention", () -> jobs.runOnce("retention", privacy.retentionEvery(), () -> {
            List<Done> done = run(clock.instant());
            done.forEach(d -> Log.infof("Retention, conference %d: %s", d.conferenceId(), d.details()));
        }));
    }

    /** Does what is due at {@code now}; returns, per conference, what was done (conferences with nothing left out). */
    public List<Done> run(Instant now) {
        Map<Long, int[]> counts = new TreeMap<>();
        for (long conferenceId : ids(
                """
                        select c.id from conference c where c.ends_at <= :special
                          and exists (select 1 from registration r where r.conference_id = c.id and r.special_deleted_at is null)
                        """,
                Map.of("special", now.minus(Duration.ofDays(privacy.specialCategoryDays()))))) {
            int deleted = QuarkusTransaction.requiringNew()
                    .call(() -> anonymiser.deleteSpecialCategories(conferenceId, now));
            counts.computeIfAbsent(conferenceId, id -> new int[3])[0] += deleted;
        }
        for (long conferenceId : ids("""
                select distinct r.conference_id from registration r join conference c on c.id = r.conference_id
                where r.anonymised_at is null
                  and (c.ends_at + make_interval(days => coalesce(c.retention_days, :days)) <= :now
                       or (r.status = 'CANCELLED' and r.cancelled_at <= :cancelled))
                """, Map.of("days", privacy.retentionDays(), "now", now, "cancelled",
                now.minus(Duration.ofDays(privacy.cancelledDays()))))) {
            int anonymised = QuarkusTransaction.requiringNew()
                    .call(() -> anonymiser
                            .anonymise(
                                    ids("""
                                            select r.id from registration r join conference c on c.id = r.conference_id
                                            where r.conference_id = :c and r.anonymised_at is null
                                              and (c.ends_at + make_interval(days => coalesce(c.retention_days, :days)) <= :now
                                                   or (r.status = 'CANCELLED' and r.cancelled_at <= :cancelled))
                                            order by r.id for update of r
                                            """,
                                            Map.of("c", conferenceId, "days", privacy.retentionDays(), "now", now,
                                                    "cancelled", now.minus(Duration.ofDays(privacy.cancelledDays())))),
                                    now));
            counts.computeIfAbsent(conferenceId, id -> new int[3])[1] += anonymised;
        }
        QuarkusTransaction.requiringNew().run(() -> removeSurveyTexts(now));
        QuarkusTransaction.requiringNew().run(() -> removeMailBodies(now, counts));
        List<Done> done = new ArrayList<>();
        counts.forEach((id, c) -> done.add(new Done(id, c[0], c[1], c[2])));
        List<Done> anything = done.stream().filter(Done::anything).toList();
        anything.forEach(d -> {
            specialCategories.increment(d.specialCategories());
            anonymised.increment(d.anonymised());
            mailBodies.increment(d.mailBodies());
        });
        if (!anything.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> anything.forEach(d -> audit.record(ACTOR, d.conferenceId(),
                    "CONFERENCE", d.conferenceId(), "retention", d.details())));
        }
        return anything;
    }

    /** Empties the survey's free texts with the rest of the conference's data: someone may have named a person. */
    private void removeSurveyTexts(Instant now) {
        em.createNativeQuery("""
                update feedback_answer a set comment = '' from conference c
                where c.id = a.conference_id and a.comment <> ''
                  and c.ends_at + make_interval(days => coalesce(c.retention_days, :days)) <= :now""")
                .setParameter("days", privacy.retentionDays()).setParameter("now", now).executeUpdate();
    }

    /** Empties the bodies of mails sent more than {@code mail-body-days} ago, counted per conference. */
    private void removeMailBodies(Instant now, Map<Long, int[]> counts) {
        @SuppressWarnings("unchecked")
        List<Object[]> removed = em.createNativeQuery("""
                with removed as (
                    update outbox_message set html = '', text = '', attachments = '[]', body_removed_at = :now
                    where status = 'SENT' and body_removed_at is null and sent_at <= :before
                    returning registration_id)
                select r.conference_id, count(*) from removed join registration r on r.id = removed.registration_id
                group by r.conference_id
                """).setParameter("now", now).setParameter("before", now.minus(Duration.ofDays(privacy.mailBodyDays())))
                .getResultList();
        for (Object[] row : removed) {
            counts.computeIfAbsent(((Number) row[0]).longValue(), id -> new int[3])[2] += ((Number) row[1]).intValue();
        }
    }

    /** What the retention job deleted, for {@code /q/metrics}: konferenzbuero_retention_deleted_total{what=...}. */
    private static Counter deleted(MeterRegistry registry, String what) {
        return Counter.builder("konferenzbuero.retention.deleted").tag("what", what)
                .description("Special categories, registrations (anonymised) and mail bodies the retention job deleted")
                .register(registry);
    }

    private List<Long> ids(String sql, Map<String, Object> parameters) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            var query = em.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            @SuppressWarnings("unchecked")
            List<Number> rows = query.getResultList();
            return rows.stream().map(Number::longValue).toList();
        });
    }
}
