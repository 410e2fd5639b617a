package de.konferenzbuero.backoffice;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records organiser actions in the audit log, in the transaction of the action. */
@ApplicationScoped
public class Audit {

    private final Clock clock;

    Audit(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, Long conferenceId, String subject, Long subjectId, String action, String details) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.conferenceId = conferenceId;
        entry.subject = subject;
        entry.subjectId = subjectId;
        entry.action = action;
        entry.details = details;
        entry.persist();
    }
}
