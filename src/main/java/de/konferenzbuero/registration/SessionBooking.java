package de.konferenzbuero.registration;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import de.konferenzbuero.conference.AgendaItem;

/**
 * A registration's booking of one bookable agenda item (workshop, excursion, evening event). Its row also holds the
 * item's times, copied and kept equal by the database, which refuses overlapping confirmed bookings with them.
 */
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

    /**
     * A swap: the confirmed bookings of the same registration this waiting booking replaces. They are kept until it
     * gets its place and released in the same transaction. Set only while this booking waits.
     */
    @ManyToMany
    @JoinTable(name = "booking_swap", joinColumns = @JoinColumn(name = "pending_booking_id"), inverseJoinColumns = @JoinColumn(name = "replaced_booking_id"))
    public Set<SessionBooking> replaces = new HashSet<>();

    /** The waiting bookings that will replace this confirmed one: it is kept only until one of them gets a place. */
    @ManyToMany(mappedBy = "replaces")
    public Set<SessionBooking> replacedBy = new HashSet<>();

    /**
     * Until when a place of the item offered from its waitlist is held for the attendee to accept (status CONFIRMED,
     * counted as taken); null without an open offer. See {@link PlaceOffers}.
     */
    public Instant offerExpiresAt;

    @CreationTimestamp
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;

    /** Holds a place of the item offered from its waitlist, not accepted yet. */
    public boolean hasOffer() {
        return status == BookingStatus.CONFIRMED && offerExpiresAt != null;
    }

    /** 1 for the first in line for this item. */
    public long waitlistPosition() {
        if (status != BookingStatus.WAITLISTED) {
            return 0;
        }
        return count("item = ?1 and status = ?2 and waitlistSeq < ?3", item, BookingStatus.WAITLISTED, waitlistSeq) + 1;
    }
}
