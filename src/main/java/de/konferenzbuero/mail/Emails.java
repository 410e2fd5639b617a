package de.konferenzbuero.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Every mail, type-checked; each has an HTML and a text variant ({@code Emails/<name>.html|.txt}). All but the
 * organiser's password link are attendee mails in the attendee layout.
 */
@CheckedTemplate(basePath = "Emails")
class Emails {

    static native TemplateInstance confirmed(MailView mail);

    static native TemplateInstance thankYou(MailView mail, String certificateUrl, String feedbackUrl,
            String documentationUrl);

    static native TemplateInstance missedYou(MailView mail, String documentationUrl);

    static native TemplateInstance confirmAddress(MailView mail);

    static native TemplateInstance waitlisted(MailView mail);

    static native TemplateInstance pending(MailView mail);

    static native TemplateInstance approved(MailView mail);

    static native TemplateInstance rejected(MailView mail);

    static native TemplateInstance promoted(MailView mail);

    static native TemplateInstance itemPromoted(MailView mail);

    static native TemplateInstance offered(MailView mail);

    static native TemplateInstance offerExpired(MailView mail);

    static native TemplateInstance itemOffered(MailView mail);

    static native TemplateInstance itemOfferExpired(MailView mail);

    static native TemplateInstance changed(MailView mail);

    static native TemplateInstance cancelled(MailView mail);

    static native TemplateInstance alreadyRegistered(MailView mail);

    static native TemplateInstance newLink(MailView mail);

    static native TemplateInstance yourLink(MailView mail);

    static native TemplateInstance reminder(MailView mail);

    static native TemplateInstance conferenceCancelled(MailView mail);

    static native TemplateInstance agendaChanged(MailView mail);

    static native TemplateInstance itemReleased(MailView mail);

    static native TemplateInstance organiserMessage(MailView mail, String subject, java.util.List<String> paragraphs);

    static native TemplateInstance invitation(de.konferenzbuero.conference.Conference conference,
            de.konferenzbuero.registration.Invitation invitation, String link, String email);

    static native TemplateInstance passwordReset(String name, String email, String link, java.time.Instant expiresAt,
            String operator);
}
