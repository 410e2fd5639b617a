package de.konferenzbuero.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionOption;

/**
 * The answers of a registration and the places of its chosen options (e.g. seats in a shuttle bus): the same rule as
 * items ({@link Places#tryTakeOption}, no capacity meaning unlimited but counted) and the same waitlist order. A chosen
 * option holds a place only while the registration holds its conference place; while it waits for one the option is
 * REQUESTED and decided when it moves up. Callers hold the conference lock; freed places are handed on once the
 * caller's own changes are done.
 */
@ApplicationScoped
class OptionPlaces {

    private final Places places;
    private final Clock clock;

    OptionPlaces(Places places, Clock clock) {
        this.places = places;
        this.clock = clock;
    }

    /**
     * The answers of a new registration, stored before the conference lock: a chosen option as if its place were free,
     * decided by {@link #decideNew} under the lock.
     */
    void store(Registration registration, List<Answers.Checked> answers) {
        for (Answers.Checked c : answers) {
            if (c.options().isEmpty()) {
                row(registration, c.question(), null, c.value(), null);
            } else {
                c.options().forEach(o -> row(registration, c.question(), o, null, BookingStatus.CONFIRMED));
            }
        }
    }

    /**
     * Under the conference lock, right after the registration's own decision: each chosen option of the new
     * registration takes a place or gets a waitlist number (options in id order); REQUESTED while the registration
     * waits.
     *
     * @return whether every chosen option got its place
     */
    boolean decideNew(Registration registration, boolean confirmed) {
        boolean everyPlace = true;
        for (Answer a : chosen(registration)) {
            if (!confirmed) {
                a.status = BookingStatus.REQUESTED;
            } else {
                everyPlace &= place(a);
            }
        }
        return everyPlace;
    }

    /** The registration just got its conference place: its requested options get a place or a waitlist number. */
    void decideRequested(Registration registration) {
        chosen(registration).stream().filter(a -> a.status == BookingStatus.REQUESTED).forEach(this::place);
    }

    /**
     * New answers of an active registration (manage page): an option still chosen keeps its place or waitlist number;
     * one no longer chosen ends; a newly chosen one is decided like at sign-up. Answers to removed questions stay.
     *
     * @return what changed: the options whose places were freed, to hand on, and whether any choice changed
     */
    Change replace(Registration registration, List<Answers.Checked> answers) {
        List<Long> freed = new ArrayList<>();
        boolean changed = false;
        List<Answer> kept = new ArrayList<>();
        for (Answer old : List.copyOf(registration.answers)) {
            if (old.question.deletedAt != null) {
                continue; // a removed question is no longer asked: its answer stays as it was
            }
            boolean stillChosen = old.option != null
                    && answers.stream().anyMatch(c -> c.question() == old.question && c.options().contains(old.option));
            if (stillChosen) {
                kept.add(old);
                continue;
            }
            if (old.status == BookingStatus.CONFIRMED) {
                freed.add(old.option.id);
            }
            changed |= old.option != null;
            registration.answers.remove(old);
            old.delete();
        }
        // the replaced rows go first: a new answer to the same question takes their unique slot
        Answer.flush();
        List<Answer> added = new ArrayList<>();
        for (Answers.Checked c : answers) {
            if (c.options().isEmpty()) {
                row(registration, c.question(), null, c.value(), null);
            }
            for (QuestionOption o : c.options()) {
                if (kept.stream().noneMatch(a -> a.option == o)) {
                    added.add(row(registration, c.question(), o, null, BookingStatus.REQUESTED));
                }
            }
        }
        if (registration.status == RegistrationStatus.CONFIRMED) {
            added.stream().sorted(Comparator.comparing(a -> a.option.id)).forEach(this::place);
        }
        return new Change(freed, changed || !added.isEmpty());
    }

    /** What a new set of answers changed: the freed option places, and whether a chosen option came or went. */
    record Change(List<Long> freed, boolean choiceChanged) {
    }

    /** Ends the option places of a registration that ends; returns the options whose places it held. */
    List<Long> end(Registration registration) {
        List<Long> freed = new ArrayList<>();
        for (Answer a : chosen(registration)) {
            if (a.status == BookingStatus.CONFIRMED) {
                freed.add(a.option.id);
            }
            a.status = BookingStatus.CANCELLED;
            a.waitlistSeq = null;
            a.offerExpiresAt = null;
        }
        return freed;
    }

    /**
     * Places of these options were freed (their answers already ended): counters go down, the oldest waiting get them.
     */
    void handOn(Collection<Long> freedOptionIds, Notices notices) {
        List<Long> sorted = freedOptionIds.stream().sorted().toList();
        sorted.forEach(places::releaseOption);
        fill(sorted, notices);
    }

    /**
     * After places were freed or capacities raised: the oldest waiting for these options get the free places, at once
     * or, where the conference uses {@link Offers}, as an offer ({@link PlaceOffers}; at once when no offer can be made
     * before the start any more).
     */
    void fill(Collection<Long> optionIds, Notices notices) {
        Deque<Long> toFill = new ArrayDeque<>(optionIds.stream().sorted().distinct().toList());
        while (!toFill.isEmpty()) {
            long id = toFill.pop();
            Conference conference = QuestionOption.<QuestionOption> findById(id).question.conference;
            boolean offers = Offers.used(conference);
            while (true) {
                // too close to the start for an offer: the place is given at once, as without offers
                Instant offerUntil = offers ? Offers.until(conference, clock.instant()) : null;
                Answer next = Answer.find("option.id = ?1 and status = ?2"
                        + (offerUntil != null ? " and " + PlaceOffers.PLACE_IS_THEIRS : "") + " order by waitlistSeq",
                        id, BookingStatus.WAITLISTED).firstResult();
                if (next == null || !places.tryTakeOption(id)) {
                    break;
                }
                next.status = BookingStatus.CONFIRMED;
                next.waitlistSeq = null;
                next.offerExpiresAt = offerUntil;
                notices.add(offerUntil != null ? RegistrationNotice.Kind.ITEM_OFFERED
                        : RegistrationNotice.Kind.ITEM_PROMOTED, next.registration);
            }
        }
    }

    /** The registration's chosen options, in option id order (the order their rows are locked in). */
    private static List<Answer> chosen(Registration registration) {
        return registration.answers.stream().filter(a -> a.option != null)
                .sorted(Comparator.comparing(a -> a.option.id)).toList();
    }

    /** A place of the option if one is free, else the next waitlist number; returns whether it got the place. */
    private boolean place(Answer a) {
        if (places.tryTakeOption(a.option.id)) {
            a.status = BookingStatus.CONFIRMED;
            a.waitlistSeq = null;
            return true;
        }
        // draw the number first: the query flushes, and a waitlisted row needs its number
        long seq = places.nextWaitlistSeq();
        a.status = BookingStatus.WAITLISTED;
        a.waitlistSeq = seq;
        return false;
    }

    private static Answer row(Registration registration, Question question, QuestionOption option, String value,
            BookingStatus status) {
        Answer answer = new Answer();
        answer.registration = registration;
        answer.question = question;
        answer.option = option;
        answer.value = value;
        answer.status = status;
        answer.persist();
        registration.answers.add(answer);
        return answer;
    }
}
