package de.konferenzbuero.backoffice;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of the audit log: who changed what and when. */
@Entity(name = "AuditEntry")
@jakarta.persistence.Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    /** The organiser's e-mail, or "attendee" / "system". */
    public String actor;

    public Long conferenceId;

    /** CONFERENCE, AGENDA_ITEM or REGISTRATION. */
    public String subject;

    public Long subjectId;

    public String action;

    public String details;

    public static List<AuditEntry> forConference(long conferenceId, int limit) {
        return find("conferenceId = ?1 order by id desc", conferenceId).page(0, limit).list();
    }
}
