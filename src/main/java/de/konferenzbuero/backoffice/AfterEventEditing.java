package de.konferenzbuero.backoffice;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.afterevent.CertificateView;
import de.konferenzbuero.afterevent.Certificates;
import de.konferenzbuero.afterevent.Feedback;
import de.konferenzbuero.afterevent.FollowUps;
import de.konferenzbuero.afterevent.Signatures;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;

/**
 * The organisers' side of what comes after the event: who signs the certificates, when the follow-up mails go out, the
 * documentation link and the survey; sending the mails now; the certificates as one ZIP; the survey's results.
 */
@ApplicationScoped
public class AfterEventEditing {

    /** How the conference went: places, who came, what was sent and answered. */
    public record Figures(long confirmed, long attended, long certificates, long followUpsWaiting, long answers) {

        public long noShows() {
            return confirmed - attended;
        }

        /** The share of confirmed attendees who did not come, in whole percent. */
        public long noShowPercent() {
            return confirmed == 0 ? 0 : Math.round(100.0 * noShows() / confirmed);
        }
    }

    private final ConferenceEditing conferences;
    private final FollowUps followUps;
    private final Certificates certificates;
    private final Feedback feedback;
    private final Signatures signatures;
    private final Audit audit;

    AfterEventEditing(ConferenceEditing conferences, FollowUps followUps, Certificates certificates, Feedback feedback,
            Signatures signatures, Audit audit) {
        this.signatures = signatures;
        this.conferences = conferences;
        this.followUps = followUps;
        this.certificates = certificates;
        this.feedback = feedback;
        this.audit = audit;
    }

    public Conference find(Organiser organiser, long conferenceId) {
        return conferences.find(organiser, conferenceId);
    }

    public Figures figures(Conference conference) {
        long confirmed = Registration.count(
                "conference = ?1 and status = ?2 and holdExpiresAt is null" + " and offerExpiresAt is null", conference,
                RegistrationStatus.CONFIRMED);
        long attended = Registration.count(
                "conference = ?1 and status = ?2 and holdExpiresAt is null"
                        + " and offerExpiresAt is null and checkedInAt is not null",
                conference, RegistrationStatus.CONFIRMED);
        long issued = Registration.count("conference = ?1 and certificateCode is not null", conference);
        return new Figures(confirmed, attended, issued, followUps.waiting(conference), feedback.answers(conference));
    }

    public Feedback.Results results(Conference conference) {
        return feedback.results(conference);
    }

    /** Saves the settings; the hours are a whole number from 1 to 720 or empty (the organisers send the mails). */
    @Transactional
    public void save(Organiser organiser, long conferenceId, String signer, String followUpHours,
            String documentationUrl, boolean feedbackOpen) {
        Conference conference = conferences.find(organiser, conferenceId);
        List<FieldProblem> problems = new ArrayList<>();
        String signedBy = Checks.strippedOrNull(signer);
        Checks.optionalText(problems, "signer", signedBy, 200);
        Integer hours = null;
        if (Checks.strippedOrNull(followUpHours) != null) {
            try {
                hours = Integer.valueOf(followUpHours.strip());
            } catch (NumberFormatException e) {
                hours = 0;
            }
            if (hours < 1 || hours > 720) {
                problems.add(new FieldProblem("followUpHours", Problem.FOLLOW_UP_HOURS_RANGE));
            }
        }
        String documentation = Checks.strippedOrNull(documentationUrl);
        Checks.optionalUrl(problems, "documentationUrl", documentation, 500);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        conference.certificateSigner = signedBy;
        conference.followUpAfterHours = hours;
        conference.documentationUrl = documentation;
        conference.feedbackOpen = feedbackOpen;
        audit.record(organiser.email, conferenceId, "CONFERENCE", conferenceId, "after-event settings saved",
                (hours == null ? "follow-ups by hand" : "follow-ups " + hours + " h after the end")
                        + (feedbackOpen ? ", survey open" : ", survey closed"));
    }

    /** Stores the signature image printed on the certificates (PNG or JPEG, at most 200 KB). */
    @Transactional
    public void saveSignature(Organiser organiser, long conferenceId, byte[] image) {
        conferences.find(organiser, conferenceId);
        signatures.save(conferenceId, image);
        audit.record(organiser.email, conferenceId, "CONFERENCE", conferenceId, "certificate signature saved",
                image.length + " bytes");
    }

    @Transactional
    public void removeSignature(Organiser organiser, long conferenceId) {
        conferences.find(organiser, conferenceId);
        signatures.remove(conferenceId);
        audit.record(organiser.email, conferenceId, "CONFERENCE", conferenceId, "certificate signature removed", "");
    }

    public boolean hasSignature(Conference conference) {
        return signatures.exists(conference.id);
    }

    /** Queues the follow-up mails for everyone who has not had one. */
    @Transactional
    public FollowUps.Sent sendFollowUps(Organiser organiser, long conferenceId) {
        FollowUps.Sent sent = followUps.sendNow(conferences.find(organiser, conferenceId));
        audit.record(organiser.email, conferenceId, "CONFERENCE", conferenceId, "follow-up mails sent",
                sent.thanked() + " thank-you, " + sent.missed() + " missed-you");
        return sent;
    }

    /** Issues every certificate of the conference (committed) and returns them, for {@link #zip}. */
    @Transactional
    public List<CertificateView> issueCertificates(Organiser organiser, long conferenceId) {
        List<CertificateView> issued = certificates.issueAll(conferences.find(organiser, conferenceId));
        if (!issued.isEmpty()) {
            audit.record(organiser.email, conferenceId, "CONFERENCE", conferenceId, "certificates downloaded",
                    issued.size() + " certificates");
        }
        return issued;
    }

    /** Renders the certificates into one ZIP, outside any transaction. */
    public void zip(List<CertificateView> issued, OutputStream out) {
        certificates.zip(issued, out);
    }
}
