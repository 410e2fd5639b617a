package de.konferenzbuero.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.sealing.SealedText;
import de.konferenzbuero.sealing.Sealing;

/** One person's registration for a conference, with the items they booked. */
@Entity
public class Registration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Conference conference;

    /**
     * The secret of the private manage link; 256 random bits, URL-safe. Stored sealed (a dump alone opens no
     * registration); a link finds its registration by {@link #manageSecretHash}.
     */
    @Convert(converter = SealedText.class)
    @Column(name = "manage_secret_sealed")
    public String manageSecret;

    /** SHA-256 of the manage secret, hex. */
    public String manageSecretHash;

    public String firstName;

    public String lastName;

    /** Stored normalised ({@code EmailAddresses}); one active registration per address and conference. */
    public String email;

    public String organisation;

    public String role;

    @Enumerated(EnumType.STRING)
    public Attendance attendance;

    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;

    /** Place in the waitlist order; set only while waitlisted. */
    public Long waitlistSeq;

    /** The language of the attendee's mails: "de" or "en". */
    public String locale;

    public boolean needsWheelchair;

    public boolean needsSignLanguage;

    public boolean needsInductionLoop;

    public String needsOther;

    public String dietaryNeeds;

    public String privacyPolicyVersion;

    public Instant privacyConsentedAt;

    public boolean photoConsent;

    @CreationTimestamp
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;

    public Instant cancelledAt;

    /** The code in the check-in QR code; grants nothing but checking in. */
    public String checkinCode;

    public Instant checkedInAt;

    /** The staff member (organiser e-mail) who checked the attendee in. */
    public String checkedInBy;

    /** The organiser who entered this registration by hand; null when the attendee registered. */
    public String addedBy;

    public Instant reminderSentAt;

    /**
     * The code printed on the certificate of attendance; set with the first certificate, by {@code afterevent} only
     * (never written from here, so a change of the registration loaded before cannot undo it).
     */
    @Column(insertable = false, updatable = false)
    public String certificateCode;

    /** When the thank-you or "sorry we missed you" mail after the event was queued. */
    public Instant followUpSentAt;

    /**
     * Until when an unconfirmed sign-up holds its place or waitlist position (double opt-in); null when the address
     * needs no confirmation or is confirmed. Kept on a registration cancelled because its hold expired.
     */
    public Instant holdExpiresAt;

    /**
     * Until when a place offered from the waitlist is held for the attendee to accept (status CONFIRMED, counted as
     * taken); null when there is no open offer. Kept on a registration cancelled because the offer was declined or
     * expired.
     */
    public Instant offerExpiresAt;

    /** When the attendee confirmed their address by the link in the mail (the proof of the double opt-in). */
    public Instant emailConfirmedAt;

    /** The organisers' message to the attendee with their approval or rejection; null when they wrote none. */
    public String decisionMessage;

    /** When the organisers rejected the sign-up (the registration is cancelled). */
    public Instant rejectedAt;

    /** Registered by a colleague through the group sign-up, not by the person themselves. */
    @Column(name = "by_group")
    public boolean byGroup;

    /** The invitation this registration was made with; null for a public sign-up. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invitation_id")
    public Invitation invitation;

    /**
     * The contingent whose place this registration holds (only while confirmed); maintained by the capacity statements
     * of {@link Places}.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contingent_id", insertable = false, updatable = false)
    public de.konferenzbuero.conference.Contingent contingent;

    /** When health-related and dietary needs were deleted after the event (retention). */
    public Instant specialDeletedAt;

    /**
     * When everything naming the person was removed (retention or erasure on request); what statistics need stays. An
     * anonymised registration has no manage link any more.
     */
    public Instant anonymisedAt;

    /** Raised on every change the attendee is told about; the SEQUENCE of calendar entries. */
    public int changeCount;

    @Version
    public int version;

    @OneToMany(mappedBy = "registration")
    @OrderBy("id")
    public List<SessionBooking> bookings = new ArrayList<>();

    /** Answers to the organiser's own questions. */
    @OneToMany(mappedBy = "registration")
    @OrderBy("id")
    public List<Answer> answers = new ArrayList<>();

    public static Optional<Registration> findBySecret(String secret) {
        return find("manageSecretHash", Sealing.hash(secret)).firstResultOptional();
    }

    /** A new secret for the manage link; the one before stops working when this is committed. */
    void newManageSecret() {
        manageSecret = ManageSecret.next();
        manageSecretHash = Sealing.hash(manageSecret);
    }

    /**
     * A parallel change won the race for the address ({@code registration_active_email}): the same form error as when
     * the address was taken before; any other violation as it is.
     */
    public static RuntimeException emailTakenOr(ConstraintViolationException e) {
        return ACTIVE_EMAIL.equals(e.getConstraintName()) ? new InvalidInput("email", Problem.EMAIL_TAKEN) : e;
    }

    /** The unique index that allows one active registration per address and conference. */
    static final String ACTIVE_EMAIL = "registration_active_email";

    public static Optional<Registration> findActive(Conference conference, String email) {
        return find("conference = ?1 and email = ?2 and status <> ?3", conference, email, RegistrationStatus.CANCELLED)
                .firstResultOptional();
    }

    /** 1 for the first in line, counted among those waiting for the same conference and mode. */
    public long waitlistPosition() {
        if (status != RegistrationStatus.WAITLISTED) {
            return 0;
        }
        return count("conference = ?1 and attendance = ?2 and status = ?3 and waitlistSeq < ?4", conference, attendance,
                RegistrationStatus.WAITLISTED, waitlistSeq) + 1;
    }

    public List<SessionBooking> activeBookings() {
        return bookings.stream().filter(b -> b.status.isActive()).toList();
    }

    /**
     * A confirmed booking the attendee gave up for another item that still waits (a pending swap): kept until that one
     * gets its place, then released.
     */
    public boolean keptUntilSwap(SessionBooking booking) {
        return booking.status == BookingStatus.CONFIRMED && !booking.replacedBy.isEmpty();
    }

    /** The items the attendee wants: every active booking except those kept until a swap completes. */
    public List<Long> wantedItemIds() {
        return activeBookings().stream().filter(b -> !keptUntilSwap(b)).map(b -> b.item.id).toList();
    }

    /** The path in the check-in QR code: a staff phone's camera opens the check-in page for this registration. */
    public String checkinPath() {
        return "/organiser/conferences/" + conference.id + "/checkin?code=" + checkinCode;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public boolean isActive() {
        return status.isActive();
    }

    /** Waits for the organisers' approval; holds no place. */
    public boolean isPending() {
        return status == RegistrationStatus.PENDING;
    }

    /** Cancelled because the organisers rejected the sign-up. */
    public boolean isRejected() {
        return rejectedAt != null;
    }

    /** Cancelled because the address was not confirmed before the hold ended. */
    public boolean holdExpired() {
        return !isActive() && holdExpiresAt != null && !isRejected();
    }

    /** Holds a place offered from the waitlist, until the attendee accepts or declines it or the offer expires. */
    public boolean hasOffer() {
        return isActive() && offerExpiresAt != null;
    }

    /** The place is the attendee's without condition: confirmed, the address confirmed, no offer still open. */
    public boolean placeIsTheirs() {
        return status == RegistrationStatus.CONFIRMED && holdExpiresAt == null && offerExpiresAt == null;
    }

    /** The bookings holding a place of an item offered from its waitlist, not accepted yet. */
    public List<SessionBooking> offeredBookings() {
        return activeBookings().stream().filter(SessionBooking::hasOffer).toList();
    }

    /** The chosen options holding a place offered from their waitlist, not accepted yet. */
    public List<Answer> offeredAnswers() {
        return answers.stream().filter(Answer::hasOffer).sorted(Comparator.comparing(a -> a.option.id)).toList();
    }

    /** When the first open offer of an item's or option's place ends; null without one. */
    public Instant placeOfferEnds() {
        return java.util.stream.Stream
                .concat(offeredBookings().stream().map(b -> b.offerExpiresAt),
                        offeredAnswers().stream().map(a -> a.offerExpiresAt))
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** Active, and its place or waitlist position only held until the attendee confirms their address. */
    public boolean awaitsConfirmation() {
        return isActive() && holdExpiresAt != null;
    }

    /** A question and its answer as people read them; a multiple choice lists its options. */
    public record AnswerLine(Long questionId, String question, String answer, boolean onBadge) {
    }

    /** The answers in the order of the questions (also of questions removed since), in a language. */
    public List<AnswerLine> answerLines(Locale locale) {
        Map<Question, List<String>> grouped = new TreeMap<>(
                Comparator.comparingInt((Question q) -> q.position).thenComparing(q -> q.id));
        answers.forEach(a -> grouped.computeIfAbsent(a.question, q -> new ArrayList<>()).add(a.text(locale)));
        return grouped.entrySet().stream().map(e -> new AnswerLine(e.getKey().id, e.getKey().label(locale),
                String.join(", ", e.getValue()), e.getKey().onBadge && e.getKey().deletedAt == null)).toList();
    }
}
