package de.konferenzbuero.backoffice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Contingent;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.mail.InvitationMails;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.Contingents;
import de.konferenzbuero.registration.Invitation;

/**
 * Organisers reserve contingents and invite people: personal invitations by mail (one address, used once) or a shared
 * link with a usage limit, each optionally tied to a contingent. Every step is written to the audit log.
 */
@ApplicationScoped
public class Inviting {

    /** The most uses of one shared link. */
    static final int MAX_USES = 1000;

    private final ConferenceEditing conferences;
    private final Contingents contingents;
    private final InvitationMails mails;
    private final Audit audit;
    private final Clock clock;

    Inviting(ConferenceEditing conferences, Contingents contingents, InvitationMails mails, Audit audit, Clock clock) {
        this.clock = clock;
        this.conferences = conferences;
        this.contingents = contingents;
        this.mails = mails;
        this.audit = audit;
    }

    /** What the contingent form sends. */
    public record ContingentDraft(String name, Attendance attendance, Integer places, Instant releaseAt) {
    }

    /** What an invitation form sends; {@code email} only for a personal one, {@code maxUses} only for a shared one. */
    public record InvitationDraft(String label, String email, Integer maxUses, Long contingentId, String language) {
    }

    /** The conference's invitations, newest first. */
    public List<Invitation> invitations(Organiser organiser, long conferenceId) {
        return Invitation.listFor(conferences.find(organiser, conferenceId));
    }

    /**
     * Reserves places for a group, as far as places are free for everyone.
     *
     * @throws InvalidInput
     *             for a missing name or mode, or more places than are free
     */
    @Transactional
    public Contingent createContingent(Organiser organiser, long conferenceId, ContingentDraft draft) {
        Conference conference = conferences.findLocked(organiser, conferenceId);
        List<FieldProblem> problems = new ArrayList<>();
        Checks.text(problems, "name", draft.name(), 200);
        if (draft.attendance() == null || !conference.format.offers(draft.attendance())) {
            problems.add(new FieldProblem("attendance", Problem.ATTENDANCE_NOT_OFFERED));
        }
        if (draft.places() == null || draft.places() < 1) {
            problems.add(new FieldProblem("places", Problem.CAPACITY_REQUIRED));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Contingent contingent = contingents.create(conference, draft.name().strip(), draft.attendance(), draft.places(),
                draft.releaseAt());
        audit.record(organiser.email, conference.id, "CONTINGENT", contingent.id, "created",
                contingent.name + ": " + contingent.places + " " + contingent.attendance);
        return contingent;
    }

    /** Releases a contingent's free places to everyone now; the waitlist moves up. */
    @Transactional
    public void release(Organiser organiser, long conferenceId, long contingentId) {
        Conference conference = conferences.findLocked(organiser, conferenceId);
        Contingent contingent = contingentOf(conference, contingentId);
        if (!contingent.released) {
            contingents.release(contingent, organiser.email);
            audit.record(organiser.email, conference.id, "CONTINGENT", contingent.id, "released", contingent.name);
        }
    }

    /**
     * Invites one address: the link goes to it by mail, and only it can use the link, once.
     *
     * @throws InvalidInput
     *             for a missing label, an invalid address, or a contingent of another conference
     */
    @Transactional
    public Invitation invite(Organiser organiser, long conferenceId, InvitationDraft draft) {
        Conference conference = conferences.find(organiser, conferenceId);
        List<FieldProblem> problems = check(conference, draft);
        if (draft.email() == null || draft.email().isBlank()) {
            problems.add(new FieldProblem("email", Problem.REQUIRED));
        } else if (draft.email().length() > 254 || EmailAddresses.normalise(draft.email()).isEmpty()) {
            problems.add(new FieldProblem("email", Problem.EMAIL_INVALID));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String token = Invitation.newToken();
        Invitation invitation = newInvitation(organiser, conference, draft, token, 1);
        invitation.emailHash = Invitation.addressHash(draft.email());
        invitation.persist();
        mails.send(invitation, token, EmailAddresses.normalise(draft.email()).orElseThrow(),
                "en".equals(draft.language()) ? Locale.ENGLISH : Locale.GERMAN);
        audit.record(organiser.email, conference.id, "INVITATION", invitation.id, "sent", invitation.label);
        return invitation;
    }

    /** A new shared invitation link and its secret (shown once). */
    public record SharedLink(Invitation invitation, String link) {
    }

    /**
     * Creates a shared link that may be used {@code maxUses} times.
     *
     * @throws InvalidInput
     *             for a missing label, a use count out of range, or a contingent of another conference
     */
    @Transactional
    public SharedLink share(Organiser organiser, long conferenceId, InvitationDraft draft) {
        Conference conference = conferences.find(organiser, conferenceId);
        List<FieldProblem> problems = check(conference, draft);
        if (draft.maxUses() == null || draft.maxUses() < 1 || draft.maxUses() > MAX_USES) {
            problems.add(new FieldProblem("maxUses", Problem.NUMBER_INVALID));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String token = Invitation.newToken();
        Invitation invitation = newInvitation(organiser, conference, draft, token, draft.maxUses());
        invitation.persist();
        audit.record(organiser.email, conference.id, "INVITATION", invitation.id, "created",
                invitation.label + " (" + invitation.maxUses + ")");
        return new SharedLink(invitation, mails.link(token));
    }

    /** Withdraws an invitation: its link lets nobody register any more; registrations made with it stay. */
    @Transactional
    public void revoke(Organiser organiser, long conferenceId, long invitationId) {
        Conference conference = conferences.find(organiser, conferenceId);
        Invitation invitation = Invitation.<Invitation> findByIdOptional(invitationId)
                .filter(i -> i.conference.id.equals(conference.id)).orElseThrow(NotYours::new);
        if (invitation.revokedAt == null) {
            invitation.revokedAt = clock.instant();
            audit.record(organiser.email, conference.id, "INVITATION", invitation.id, "revoked", invitation.label);
        }
    }

    private static List<FieldProblem> check(Conference conference, InvitationDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        Checks.text(problems, "label", draft.label(), 200);
        if (draft.contingentId() != null
                && conference.contingents.stream().noneMatch(c -> c.id.equals(draft.contingentId()))) {
            problems.add(new FieldProblem("contingentId", Problem.ANSWER_NOT_OFFERED));
        }
        return problems;
    }

    private static Invitation newInvitation(Organiser organiser, Conference conference, InvitationDraft draft,
            String token, int maxUses) {
        Invitation invitation = new Invitation();
        invitation.conference = conference;
        invitation.contingent = draft.contingentId() == null ? null : contingentOf(conference, draft.contingentId());
        invitation.label = draft.label().strip();
        invitation.tokenHash = Invitation.tokenHash(token);
        invitation.maxUses = maxUses;
        invitation.createdBy = organiser.email;
        return invitation;
    }

    private static Contingent contingentOf(Conference conference, long contingentId) {
        return conference.contingents.stream().filter(c -> c.id.equals(contingentId)).findFirst()
                .orElseThrow(NotYours::new);
    }
}
