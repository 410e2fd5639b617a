package de.konferenzbuero.registration;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import de.konferenzbuero.conference.AgendaItem;

/** A registration's booking of one bookable agenda item (workshop, excursion, evening event). */
@Entity
public class SessionBooking extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Registration registration;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agenda_item_id")
    public AgendaItem item;

    @Enumerated(EnumType.STRING)
    public BookingStatus status;

    /** Place in the item's waitlist order; set only while waitlisted. */
    public Long waitlistSeq;

    @CreationTimestamp
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;

    /** 1 for the first in line for this item. */
    public long waitlistPosition() {
        if (status != BookingStatus.WAITLISTED) {
            return 0;
        }
        return count("item = ?1 and status = ?2 and waitlistSeq < ?3", item, BookingStatus.WAITLISTED, waitlistSeq) + 1;
    }
}
