package de.konferenzbuero.conference;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Places of one mode reserved for a group (e.g. the host municipality's council), taken only through an invitation that
 * names the contingent, until they are released to everyone. While unreleased, its free places count as taken for
 * everyone else by the one capacity rule.
 */
@Entity
public class Contingent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Conference conference;

    public String name;

    @Enumerated(EnumType.STRING)
    public Attendance attendance;

    /** Reserved places; changed only by the registration package's capacity code. */
    @Column(updatable = false)
    public int places;

    /** Places taken through the contingent, maintained by the registration package's capacity statements. */
    @Column(insertable = false, updatable = false)
    public int taken;

    /** When the free places go to everyone; null: kept until the organiser releases them. */
    public Instant releaseAt;

    /** Released: its free places are everyone's; set by the capacity code only. */
    @Column(insertable = false, updatable = false)
    public boolean released;

    @Column(insertable = false, updatable = false)
    public Instant createdAt;

    @Version
    public int version;

    public static List<Contingent> listFor(Conference conference) {
        return list("conference = ?1 order by id", conference);
    }

    /** The places still reserved: free places of an unreleased contingent. */
    public int reservedPlaces() {
        return released ? 0 : places - taken;
    }
}
