package de.konferenzbuero.web.attendee;

import de.konferenzbuero.afterevent.Certificates;
import de.konferenzbuero.afterevent.Feedback;
import de.konferenzbuero.registration.Registration;

/**
 * What the manage page offers once the conference is over (or, for the survey, has begun): the certificate, the survey
 * and the documentation.
 */
public record AfterTheEvent(boolean shown, boolean over, boolean certificate, boolean survey, boolean answered,
        String documentationUrl) {

    static AfterTheEvent of(Registration r, Certificates certificates, Feedback feedback, boolean over) {
        boolean survey = feedback.isOpenTo(r);
        boolean certificate = certificates.isIssuedTo(r);
        return new AfterTheEvent(over && r.placeIsTheirs() || survey, over, certificate, survey,
                survey && feedback.hasAnswered(r), r.conference.documentationUrl);
    }
}
