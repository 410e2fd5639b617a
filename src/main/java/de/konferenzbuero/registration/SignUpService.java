package de.konferenzbuero.registration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.validation.Validator;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.RegistrationState;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.limits.Limit;
import de.konferenzbuero.limits.RateLimiter;
import de.konferenzbuero.registration.SignUpResult.BookedItem;
import de.konferenzbuero.runtime.Causes;

/**
 * Registers attendees: the hot path. Checks everything it can before taking the conference lock, then takes a place (or
 * a waitlist slot) and books items in as few statements as possible.
 */
@ApplicationScoped
public class SignUpService {

    private final Enrolment enrolment;
    private final Validator validator;
    private final Event<RegistrationNotice> noticeEvent;
    private final Clock clock;
    private final RegistrationMetrics metrics;
    private final RateLimiter limiter;

    SignUpService(Enrolment enrolment, Validator validator, Event<RegistrationNotice> noticeEvent, Clock clock,
            RegistrationMetrics metrics, RateLimiter limiter) {
        this.limiter = limiter;
        this.enrolment = enrolment;
        this.validator = validator;
        this.noticeEvent = noticeEvent;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Registers for a published conference whose registration is open.
     *
     * @throws UnknownConference
     *             when no visible conference has this slug
     * @throws RegistrationClosed
     *             when the conference takes no sign-ups now
     * @throws InvalidInput
     *             listing every refused field
     */
    public SignUpResult signUp(String slug, SignUp in, ConsentChannel channel) {
        return registerChecked(slug, in, channel, null, true);
    }

    /**
     * Registers with an invitation: until registration closes, also before the public window opens or for a conference
     * that is not published yet; approved with the invitation, and a place of its contingent first where it names one.
     * A personal invitation takes only the address it was sent to, and that address counts as confirmed.
     *
     * @throws InvitationInvalid
     *             when the invitation is unknown, revoked or used up
     * @throws RegistrationClosed
     *             when the conference is cancelled or its registration has closed
     * @throws InvalidInput
     *             listing every refused field
     */
    public SignUpResult signUpInvited(String token, SignUp in, ConsentChannel channel) {
        Invitation invitation = Invitation.findByToken(token).filter(Invitation::isUsable)
                .orElseThrow(InvitationInvalid::new);
        Conference conference = invitedConference(invitation);
        try {
            SignUpRules.checkAll(validator, conference, in, true, invitation);
        } catch (InvalidInput e) {
            metrics.refusedInvalid();
            throw e;
        }
        return registerChecked(conference.slug, in, channel, token, false);
    }

    /** The most people one group sign-up registers. */
    public static final int GROUP_LIMIT = 10;

    /**
     * One person of a group sign-up and what became of them; {@code result} is null when they were not registered
     * because the conference changed while the group was being registered (registration closed, an item no longer
     * bookable).
     */
    public record Member(SignUp person, SignUpResult result) {

        /** Where the person stands, as the registrant may learn it. */
        public enum Outcome {
            CONFIRMED, WAITLISTED, PENDING,
            /** Their address must be confirmed first (or is registered already; not told apart, see SignUpResult). */
            CHECK_MAIL, ALREADY_REGISTERED, NOT_REGISTERED
        }

        public Outcome outcome() {
            if (result == null) {
                return Outcome.NOT_REGISTERED;
            }
            if (result.confirmationRequired()) {
                return Outcome.CHECK_MAIL;
            }
            if (result instanceof SignUpResult.Registered registered) {
                return Outcome.valueOf(registered.registration().status.name());
            }
            return Outcome.ALREADY_REGISTERED;
        }

        /** The place on the waitlist, 0 unless waitlisted. */
        public long waitlistPosition() {
            return outcome() == Outcome.WAITLISTED ? ((SignUpResult.Registered) result).waitlistPosition() : 0;
        }
    }

    /**
     * Registers several people at once, e.g. colleagues of one organisation: each gets their own registration, mail and
     * manage link, decided one after another in the order given, each in its own transaction by the same rules as a
     * single sign-up. Every person is checked first; a refused field of person {@code i} (from 0) is reported as
     * {@code people[i].<field>}, and then nobody is registered.
     *
     * @throws RegistrationClosed
     *             when the conference takes no sign-ups now (before the first person)
     */
    public List<Member> signUpGroup(String slug, List<SignUp> people, ConsentChannel channel) {
        Conference conference = Conference.findBySlug(slug).filter(Conference::isVisible)
                .orElseThrow(() -> new UnknownConference(slug));
        List<FieldProblem> problems = new ArrayList<>();
        if (people.isEmpty()) {
            problems.add(new FieldProblem("people", Problem.REQUIRED));
        } else if (people.size() > GROUP_LIMIT) {
            problems.add(new FieldProblem("people", Problem.GROUP_TOO_LARGE));
        }
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < Math.min(people.size(), GROUP_LIMIT); i++) {
            String prefix = "people[" + i + "].";
            try {
                SignUpRules.checkAll(validator, conference, people.get(i), true);
            } catch (InvalidInput e) {
                e.problems().forEach(p -> problems.add(new FieldProblem(prefix + p.field(), p.problem())));
                continue;
            }
            if (!emails.add(EmailAddresses.normalise(people.get(i).email()).orElseThrow())) {
                problems.add(new FieldProblem(prefix + "email", Problem.EMAIL_TWICE));
            }
        }
        if (!problems.isEmpty()) {
            metrics.refusedInvalid();
            throw new InvalidInput(problems);
        }
        List<Member> members = new ArrayList<>();
        for (SignUp person : people) {
            try {
                members.add(new Member(person, registerChecked(slug, person, channel, null, false)));
            } catch (RegistrationClosed | InvalidInput e) {
                if (members.isEmpty()) {
                    throw e;
                }
                members.add(new Member(person, null));
            }
        }
        return members;
    }

    /**
     * Registers a sign-up in a transaction of its own, tried again after a conflict; with the invitation of this
     * secret, or publicly when it is null. With {@code check}, its fields are checked first, in the same transaction,
     * against the conference loaded once for both; else the caller checked them.
     */
    private SignUpResult registerChecked(String slug, SignUp in, ConsentChannel channel, String invitationToken,
            boolean check) {
        for (int attempt = 1;; attempt++) {
            try {
                SignUpResult result = QuarkusTransaction.requiringNew()
                        .call(() -> register(slug, in, channel, invitationToken, check));
                metrics.signedUp(result);
                return result;
            } catch (RegistrationClosed | InvitationInvalid e) {
                metrics.refusedClosed();
                throw e;
            } catch (InvalidInput e) {
                metrics.refusedInvalid();
                throw e;
            } catch (RuntimeException e) {
                // Tried again, as nothing was saved: a parallel sign-up with the same address won the race (it may be
                // cancelled again by now, so the next attempt decides afresh between "already registered" and a new
                // registration), or the database ended a deadlock with an organiser's change (removing an item this
                // sign-up books waits for it, while it waits for the organiser's conference lock).
                boolean sameAddress = e instanceof ConstraintViolationException c
                        && Registration.ACTIVE_EMAIL.equals(c.getConstraintName());
                if (!(sameAddress || Causes.transactionConflict(e)) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private SignUpResult register(String slug, SignUp in, ConsentChannel channel, String invitationToken,
            boolean check) {
        Invitation invitation = invitationToken == null ? null
                : Invitation.findByToken(invitationToken).orElseThrow(InvitationInvalid::new);
        Conference conference = invitation == null ? openConference(slug, in, check) : invitedConference(invitation);
        String email = EmailAddresses.normalise(in.email()).orElseThrow();
        List<AgendaItem> items = SignUpRules.check(conference, in.attendance(), in.items());
        List<Answers.Checked> answers = SignUpRules.answers(conference, in, true);
        Optional<Registration> existing = Registration.findActive(conference, email);
        if (existing.isPresent()) {
            return alreadyRegistered(existing.get());
        }
        if (invitation != null) {
            use(invitation);
        }
        Registration registration = enrolment.enrol(conference, in, email, items, answers, null, channel, invitation);
        // loaded while the transaction lasts: the answer to the sign-up is built after it
        registration.answerLines(Locale.GERMAN);
        registration.activeBookings().forEach(registration::keptUntilSwap);
        return new SignUpResult.Registered(registration, registration.waitlistPosition(), registration.activeBookings()
                .stream().map(b -> new BookedItem(b.item, b.status, b.waitlistPosition())).toList());
    }

    /** A visible conference (else 404), the sign-up's fields checked if asked (400), registration open (else 409). */
    private Conference openConference(String slug, SignUp in, boolean check) {
        Conference conference = Conference.findBySlug(slug).filter(Conference::isVisible)
                .orElseThrow(() -> new UnknownConference(slug));
        if (check) {
            SignUpRules.checkAll(validator, conference, in, true);
        }
        RegistrationState state = conference.registrationState(clock.instant());
        if (!state.isOpen()) {
            throw new RegistrationClosed(state);
        }
        return conference;
    }

    private Conference invitedConference(Invitation invitation) {
        Conference conference = invitation.conference;
        if (!conference.takesInvitedSignUps(clock.instant())) {
            throw new RegistrationClosed(
                    conference.isCancelled() ? RegistrationState.CANCELLED : RegistrationState.CLOSED);
        }
        return conference;
    }

    /**
     * Counts one use of the invitation, in the sign-up's transaction: refused when it was revoked or used up meanwhile
     * (the row lock orders parallel uses of one shared code).
     */
    private void use(Invitation invitation) {
        int counted = Invitation.getEntityManager().createNativeQuery(
                "update invitation set uses = uses + 1 where id = ?1 and revoked_at is null" + " and uses < max_uses")
                .setParameter(1, invitation.id).executeUpdate();
        if (counted == 0) {
            throw new InvitationInvalid();
        }
    }

    /**
     * Tells the address's owner about the attempt by mail, at most {@code mails-per-address} times a window: more would
     * let anyone flood a stranger's inbox. The answer to the submitter is the same either way.
     */
    private SignUpResult alreadyRegistered(Registration existing) {
        if (limiter.allows(Limit.MAIL_TO_ADDRESS, existing.email)) {
            Notices notices = new Notices();
            notices.add(RegistrationNotice.Kind.ALREADY_REGISTERED, existing);
            notices.fire(noticeEvent);
        } else {
            Log.infof("Repeated sign-up for registration %d: no further mail to its address this window", existing.id);
        }
        return new SignUpResult.AlreadyRegistered(existing.conference.confirmEmail);
    }
}
