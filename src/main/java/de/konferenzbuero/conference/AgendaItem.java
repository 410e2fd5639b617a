package de.konferenzbuero.conference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A point of a conference's programme. Workshops, excursions and evening events can be bookable. */
@Entity
public class AgendaItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Conference conference;

    public Instant startsAt;

    public Instant endsAt;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    public AgendaItemKind kind;

    /** Room or place, e.g. "Saal 2" or "Hofbräuhaus". */
    public String location;

    /** Whether attendees book a place for this item; then it has its own capacity and waitlist. */
    public boolean bookable;

    public Integer capacity;

    /** The one attendance mode a bookable item is offered to (an excursion on site); null: every mode. */
    @Enumerated(EnumType.STRING)
    public Attendance attendance;

    /** Confirmed places, maintained by the registration package's capacity statements. */
    @Column(insertable = false, updatable = false)
    public int taken;

    @ElementCollection
    @CollectionTable(name = "agenda_item_speaker", joinColumns = @JoinColumn(name = "agenda_item_id"))
    @OrderColumn(name = "position")
    public List<Speaker> speakers = new ArrayList<>();

    /** Slides, recordings and results, shown on the public page once the conference is over. */
    @ElementCollection
    @CollectionTable(name = "agenda_item_document", joinColumns = @JoinColumn(name = "agenda_item_id"))
    @OrderColumn(name = "position")
    public List<Document> documents = new ArrayList<>();

    @Version
    public int version;

    /** When organisers last changed it (not its counters): Last-Modified and DTSTAMP of the calendar feeds. */
    @org.hibernate.annotations.UpdateTimestamp
    public Instant updatedAt;

    public Integer freePlaces() {
        return capacity == null ? null : Math.max(0, capacity - taken);
    }

    /** Whether attendees of this mode may book the item. */
    public boolean offers(Attendance mode) {
        return attendance == null || attendance == mode;
    }

    /** Two items overlap when each starts before the other ends. */
    public boolean overlaps(AgendaItem other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
