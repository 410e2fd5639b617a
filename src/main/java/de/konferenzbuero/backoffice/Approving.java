package de.konferenzbuero.backoffice;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.Approvals;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;

/**
 * Organisers approve or reject sign-ups of a conference that asks for approval, one by one or several at once, with an
 * optional message to the attendees; each decision is written to the audit log.
 */
@ApplicationScoped
public class Approving {

    /** The longest message an organiser may write with a decision. */
    static final int MESSAGE_MAX = 2000;

    private final ConferenceEditing conferences;
    private final Approvals approvals;
    private final Audit audit;

    Approving(ConferenceEditing conferences, Approvals approvals, Audit audit) {
        this.conferences = conferences;
        this.approvals = approvals;
        this.audit = audit;
    }

    /** The registrations waiting for a decision, in the order they arrived. */
    public List<Registration> pending(Organiser organiser, long conferenceId) {
        Conference conference = conferences.find(organiser, conferenceId);
        return Registration.list("conference = ?1 and status = ?2 order by createdAt, id", conference,
                RegistrationStatus.PENDING);
    }

    /**
     * Approves ({@code approve}) or rejects the pending ones of these registrations; returns those it decided (ones
     * decided meanwhile, or not of this conference, are left as they are).
     *
     * @throws InvalidInput
     *             when nothing is selected or the message is refused
     */
    @Transactional
    public List<Registration> decide(Organiser organiser, long conferenceId, List<Long> registrationIds, String message,
            boolean approve) {
        Conference conference = conferences.find(organiser, conferenceId);
        List<FieldProblem> problems = new ArrayList<>();
        if (registrationIds == null || registrationIds.isEmpty()) {
            problems.add(new FieldProblem("ids", Problem.NOTHING_SELECTED));
        }
        Checks.optionalText(problems, "message", message, MESSAGE_MAX);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String note = Checks.strippedOrNull(message);
        List<Registration> decided = approve ? approvals.approve(conference, registrationIds, note, organiser.email)
                : approvals.reject(conference, registrationIds, note, organiser.email);
        for (Registration r : decided) {
            audit.record(organiser.email, conferenceId, "REGISTRATION", r.id, approve ? "approved" : "rejected",
                    r.fullName() + (note == null ? "" : ", with a message"));
        }
        return decided;
    }
}
