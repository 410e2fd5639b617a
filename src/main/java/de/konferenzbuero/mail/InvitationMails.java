package de.konferenzbuero.mail;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.Texts;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.registration.Invitation;

/** The mail with a personal invitation's link, through the outbox like every mail. */
@ApplicationScoped
public class InvitationMails {

    static final String INVITATION = "invitation";

    private final Outbox outbox;
    private final AppConfig config;

    InvitationMails(Outbox outbox, AppConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Sends the link of this invitation (its secret, which is not stored) to the invited address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Invitation invitation, String token, String email, Locale locale) {
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        Conference conference = invitation.conference;
        String link = link(token);
        outbox.enqueue(new Outbox.Outgoing(INVITATION, null, email, conference.contactEmail, language.getLanguage(),
                Texts.invite(language).mail_subject(conference.title),
                render(invitation, link, email, language, Variant.TEXT_HTML),
                render(invitation, link, email, language, Variant.TEXT_PLAIN), List.of()));
    }

    /** The address of an invitation's page. */
    public String link(String token) {
        return config.baseUrl() + "/invitations/" + token;
    }

    private String render(Invitation invitation, String link, String email, Locale locale, String contentType) {
        return Emails.invitation(invitation.conference, invitation, link, email).setLocale(locale)
                .setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType)).render();
    }
}
