package de.konferenzbuero.conference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import de.konferenzbuero.EventTime;
import de.konferenzbuero.organisation.Organisation;

/** A conference: one or more days, on site, online or hybrid, with an agenda and places to book. */
@Entity
public class Conference extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The organisation that owns and runs the conference. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organisation organisation;

    /** Further hosts (co-organisers, local partners), in the order they are named. */
    @ManyToMany
    @JoinTable(name = "conference_host", joinColumns = @JoinColumn(name = "conference_id"), inverseJoinColumns = @JoinColumn(name = "organisation_id"))
    @OrderColumn(name = "position")
    public List<Organisation> hosts = new ArrayList<>();

    /** Where it belongs for regional apps and websites, e.g. "Brandenburg" or "Kreis Lippe"; optional. */
    public String region;

    /** Keywords the organiser sets ("ländlicher Raum", "Mobilität"), for feeds and embeds to select by. */
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "conference_tag", joinColumns = @JoinColumn(name = "conference_id"))
    @jakarta.persistence.Column(name = "tag")
    @org.hibernate.annotations.SortNatural
    public java.util.SortedSet<String> tags = new java.util.TreeSet<>();

    /** Whether it has this tag, ignoring case. */
    public boolean hasTag(String tag) {
        return tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag.strip()));
    }

    /** Whether the organisation with this slug organises or hosts it. */
    public boolean involves(String organisationSlug) {
        return organisation.slug.equals(organisationSlug)
                || hosts.stream().anyMatch(h -> h.slug.equals(organisationSlug));
    }

    /** Whether it belongs to this region, ignoring case. */
    public boolean inRegion(String name) {
        return region != null && region.equalsIgnoreCase(name.strip());
    }

    public String slug;

    public String title;

    public String motto;

    public String description;

    public Instant startsAt;

    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    public ConferenceFormat format;

    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "venue_name"))
    @AttributeOverride(name = "street", column = @Column(name = "venue_street"))
    @AttributeOverride(name = "postalCode", column = @Column(name = "venue_postal_code"))
    @AttributeOverride(name = "city", column = @Column(name = "venue_city"))
    @AttributeOverride(name = "accessibility", column = @Column(name = "venue_accessibility"))
    public Venue venue;

    /** Sent to confirmed online attendees only; never shown on a public page. */
    public String onlineAccessLink;

    /** On-site places; null for online conferences. */
    public Integer onsiteCapacity;

    /** Online places; null means unlimited. */
    public Integer onlineCapacity;

    /** Confirmed on-site places, maintained by the registration package's capacity statements. */
    @Column(insertable = false, updatable = false)
    public int onsiteTaken;

    /** Confirmed online places, maintained by the registration package's capacity statements. */
    @Column(insertable = false, updatable = false)
    public int onlineTaken;

    public Instant registrationOpensAt;

    public Instant registrationClosesAt;

    @Enumerated(EnumType.STRING)
    public ConferenceStatus status = ConferenceStatus.DRAFT;

    /** Who the conference is for, e.g. "Kommunen aus Brandenburg und Umgebung". */
    public String audience;

    public String contactName;

    public String contactEmail;

    /** Double opt-in: attendees confirm their address by mail; until then their place is only held. */
    public boolean confirmEmail = true;

    /** How long an unconfirmed sign-up holds its place, at most (shorter close to the start). */
    public int confirmWithinHours = 24;

    /**
     * How long the next person on the waitlist may take a freed place (hours, shorter close to the start); null: freed
     * places go to the next person at once (automatic promotion).
     */
    public Integer offerHours;

    /**
     * Sign-ups wait for the organisers' approval (PENDING, holding no place) and take a place, or join the waitlist,
     * only when approved.
     */
    public boolean approvalRequired;

    /** Days after the end until the registrations are anonymised; null: the operator's default. */
    public Integer retentionDays;

    /** Printed under the certificates of attendance, e.g. "Dr. Maria Muster, Projektleitung"; optional. */
    public String certificateSigner;

    /** Hours after the end when the follow-up mails go out by themselves; null: the organisers send them. */
    public Integer followUpAfterHours;

    /** Slides, photos and minutes after the event, linked in the thank-you mail; optional. */
    public String documentationUrl;

    /** Whether attendees can answer the feedback survey after the start. */
    public boolean feedbackOpen = true;

    @Version
    public int version;

    /** When organisers last changed it (not its counters): Last-Modified and DTSTAMP of the calendar feeds. */
    @org.hibernate.annotations.UpdateTimestamp
    public Instant updatedAt;

    @OneToMany(mappedBy = "conference")
    @OrderBy("startsAt, id")
    public List<AgendaItem> agenda = new ArrayList<>();

    /** Places reserved for groups (see {@link Contingent}); refreshed with the conference under its lock. */
    @OneToMany(mappedBy = "conference", cascade = jakarta.persistence.CascadeType.REFRESH)
    @OrderBy("id")
    public List<Contingent> contingents = new ArrayList<>();

    public static Optional<Conference> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Published and cancelled conferences, the ones the public may see, by start. */
    public static List<Conference> listVisible() {
        return list("status in ?1 order by startsAt, id",
                List.of(ConferenceStatus.PUBLISHED, ConferenceStatus.CANCELLED));
    }

    public boolean isCancelled() {
        return status == ConferenceStatus.CANCELLED;
    }

    public boolean isVisible() {
        return status != ConferenceStatus.DRAFT;
    }

    /**
     * The moments at which its public page changes by itself: registration opens and closes, the conference starts and
     * ends.
     */
    public List<Instant> turningPoints() {
        return java.util.stream.Stream.of(registrationOpensAt, registrationCloses(), startsAt, endsAt)
                .filter(java.util.Objects::nonNull).toList();
    }

    public boolean isPast(Instant now) {
        return !endsAt.isAfter(now);
    }

    public RegistrationState registrationState(Instant now) {
        if (status == ConferenceStatus.CANCELLED) {
            return RegistrationState.CANCELLED;
        }
        if (status != ConferenceStatus.PUBLISHED) {
            return RegistrationState.NOT_PUBLISHED;
        }
        if (registrationOpensAt != null && now.isBefore(registrationOpensAt)) {
            return RegistrationState.NOT_YET_OPEN;
        }
        return now.isBefore(registrationCloses()) ? RegistrationState.OPEN : RegistrationState.CLOSED;
    }

    /**
     * Whether attendees may still cancel: until the conference starts, or until registration closes when it stays open
     * longer (then someone who signed up late may also cancel).
     */
    public boolean takesCancellations(Instant now) {
        if (!isVisible() || isCancelled()) {
            return false;
        }
        Instant last = registrationCloses().isAfter(startsAt) ? registrationCloses() : startsAt;
        return now.isBefore(last);
    }

    /**
     * Whether someone with an invitation may register now: until registration closes, even before the public window
     * opens or while the conference is a draft; never once it is cancelled.
     */
    public boolean takesInvitedSignUps(Instant now) {
        return !isCancelled() && now.isBefore(registrationCloses());
    }

    /** When sign-ups end: the configured moment, else the start of the conference. */
    public Instant registrationCloses() {
        return registrationClosesAt != null ? registrationClosesAt : startsAt;
    }

    public boolean isMultiDay() {
        return !EventTime.day(startsAt).equals(EventTime.day(endsAt));
    }

    /** Places of this mode; null means unlimited. */
    public Integer capacity(Attendance attendance) {
        return attendance == Attendance.ON_SITE ? onsiteCapacity : onlineCapacity;
    }

    /** Free places of this mode for everyone (places still reserved in contingents are not); null means unlimited. */
    public Integer freePlaces(Attendance attendance) {
        Integer capacity = capacity(attendance);
        int taken = attendance == Attendance.ON_SITE ? onsiteTaken : onlineTaken;
        return capacity == null ? null : Math.max(0, capacity - taken - reservedPlaces(attendance));
    }

    /** Places of this mode still reserved in contingents (free places of unreleased ones). */
    public int reservedPlaces(Attendance attendance) {
        return contingents.stream().filter(c -> c.attendance == attendance).mapToInt(Contingent::reservedPlaces).sum();
    }

    /** No mode has a free place: a sign-up now lands on the waitlist. */
    public boolean isFull() {
        return attendances().stream().allMatch(mode -> Integer.valueOf(0).equals(freePlaces(mode)));
    }

    /** The modes this conference offers, on-site first. */
    public List<Attendance> attendances() {
        return List.of(Attendance.values()).stream().filter(format::offers).toList();
    }

    /** The agenda items with documentation, in programme order. */
    public List<AgendaItem> documentedItems() {
        return agenda.stream().filter(item -> !item.documents.isEmpty()).toList();
    }

    public List<AgendaItem> bookableItems() {
        return agenda.stream().filter(item -> item.bookable).toList();
    }
}
