package de.konferenzbuero.registration;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import de.konferenzbuero.Texts;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionOption;

/** A registration's answer to one of the organiser's questions: a value, or one chosen option (one row each). */
@Entity
public class Answer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Registration registration;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Question question;

    @ManyToOne(fetch = FetchType.LAZY)
    public QuestionOption option;

    public String value;

    /** For a chosen option: its place, like a booking's; null for a value. */
    @Enumerated(EnumType.STRING)
    public BookingStatus status;

    /** Place in the option's waitlist order; set only while waitlisted. */
    public Long waitlistSeq;

    /**
     * Until when a place of the option offered from its waitlist is held for the attendee to accept (status CONFIRMED,
     * counted as taken); null without an open offer. See {@link PlaceOffers}.
     */
    public java.time.Instant offerExpiresAt;

    /** Holds a place of the option offered from its waitlist, not accepted yet. */
    public boolean hasOffer() {
        return status == BookingStatus.CONFIRMED && offerExpiresAt != null;
    }

    /** 1 for the first in line for this option. */
    public long waitlistPosition() {
        if (status != BookingStatus.WAITLISTED) {
            return 0;
        }
        return count("option = ?1 and status = ?2 and waitlistSeq < ?3", option, BookingStatus.WAITLISTED, waitlistSeq)
                + 1;
    }

    /** The answer as people read it, in a language. */
    public String text(Locale locale) {
        if (option == null) {
            return AnswerText.of(question.kind, value, locale);
        }
        return option.label(locale) + switch (status) {
        case WAITLISTED -> " (" + Texts.question(locale).waitlisted(waitlistPosition()) + ")";
        case REQUESTED -> " (" + Texts.question(locale).requested() + ")";
        case CONFIRMED -> offerExpiresAt == null ? ""
                : " (" + Texts.offer(locale).place_offered(de.konferenzbuero.EventTime.date(offerExpiresAt, locale),
                        de.konferenzbuero.EventTime.time(offerExpiresAt)) + ")";
        default -> "";
        };
    }
}
