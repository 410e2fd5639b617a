package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of organiser accounts (setting a new password from a link, its mail), German by default
 * ({@code messages/acct_de.properties}); templates use {@code {acct:key}}. A bundle of its own, like
 * {@link PrivacyMessages}: it keeps each generated bundle class small.
 */
@MessageBundle(value = "acct", locale = "de")
public interface AccountMessages {

    @Message
    String reset_title();

    @Message
    String reset_intro(String email);

    @Message
    String reset_submit();

    @Message
    String reset_invalid_title();

    @Message
    String reset_invalid();

    @Message
    String reset_done();

    @Message
    String adm_reset();

    @Message
    String adm_reset_sent();

    @Message
    String mail_subject();

    @Message
    String mail_greeting(String name);

    @Message
    String mail_intro(String email);

    @Message
    String mail_link();

    @Message
    String mail_expires(String date, String time);

    @Message
    String mail_not_you();

    @Message
    String mail_regards();

    /** The language code of the bundle, for {@code lang} attributes. */
    @Message
    String lang();

    @Message
    String tok_scope();

    @Message
    String tok_expires();

    @Message
    String tok_read_only();

    @Message
    String tok_read_write();

    @Message
    String tok_no_expiry();

    @Message
    String tok_days();

    @Message
    String tok_days_option(int days);

    @Message
    String tok_read_only_choice();

    @Message
    String tok_organisation();

    @Message
    String tok_organisation_all();

    @Message
    String tok_organisation_hint();
}
