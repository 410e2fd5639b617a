package de.konferenzbuero.registration;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One consent given or withdrawn: what, which version, when, in which language and through which channel. */
@Entity
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long registrationId;

    @Enumerated(EnumType.STRING)
    public Consent consent;

    /** The privacy notice's version; null for the other consents. */
    public String version;

    public boolean given;

    @Enumerated(EnumType.STRING)
    public ConsentChannel channel;

    public String locale;

    public Instant at;

    public static List<ConsentRecord> of(long registrationId) {
        return list("registrationId = ?1 order by id", registrationId);
    }

    /** The log of a conference, in the order it was written. */
    public static List<ConsentRecord> ofConference(long conferenceId) {
        return list("registrationId in (select r.id from Registration r where r.conference.id = ?1) order by id",
                conferenceId);
    }
}
