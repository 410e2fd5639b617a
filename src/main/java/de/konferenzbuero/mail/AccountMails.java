package de.konferenzbuero.mail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.Texts;
import de.konferenzbuero.organisation.Organiser;

/** Mails to organisers about their account, through the outbox like every mail: the link to set a new password. */
@ApplicationScoped
public class AccountMails {

    static final String PASSWORD_RESET = "passwordReset";

    private final Outbox outbox;
    private final AppConfig config;

    AccountMails(Outbox outbox, AppConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * The one-time link, in the language the administrator uses (organiser accounts have no language of their own).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void passwordReset(Organiser organiser, String token, Instant expiresAt, Locale locale) {
        String link = config.baseUrl() + "/organiser/password-reset/" + token;
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        outbox.enqueue(new Outbox.Outgoing(PASSWORD_RESET, null, organiser.email, null, language.getLanguage(),
                Texts.account(language).mail_subject(), render(organiser, link, expiresAt, language, Variant.TEXT_HTML),
                render(organiser, link, expiresAt, language, Variant.TEXT_PLAIN), List.of()));
    }

    private String render(Organiser organiser, String link, Instant expiresAt, Locale locale, String contentType) {
        return Emails.passwordReset(organiser.name, organiser.email, link, expiresAt, config.legal().operatorName())
                .setLocale(locale).setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType))
                .render();
    }
}
