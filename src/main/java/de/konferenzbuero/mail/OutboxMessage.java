package de.konferenzbuero.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import de.konferenzbuero.sealing.SealedText;

/** A rendered mail waiting to be sent, or the record of one sent or given up. */
@Entity
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The Message-ID header, fixed when the mail is stored so a retry carries the same one. */
    public String messageId;

    public Long registrationId;

    /** Which mail this is, e.g. "confirmed"; for lists and tests. */
    public String template;

    public String recipient;

    public String replyTo;

    public String locale;

    public String subject;

    /** Sealed at rest like the manage secret: the bodies carry the manage link. */
    @Convert(converter = SealedText.class)
    public String html;

    @Convert(converter = SealedText.class)
    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attachment> attachments = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public OutboxStatus status = OutboxStatus.PENDING;

    public int attempts;

    public Instant nextAttemptAt;

    public Instant lockedUntil;

    public String lastError;

    public Instant createdAt;

    public Instant sentAt;

    /** When the body was removed after delivery (data minimisation); subject, recipient and times stay. */
    public Instant bodyRemovedAt;

    public static List<OutboxMessage> latest(int count) {
        return find("order by id desc").page(0, count).list();
    }

    public static List<OutboxMessage> forRegistration(long registrationId) {
        return list("registrationId = ?1 order by id", registrationId);
    }
}
