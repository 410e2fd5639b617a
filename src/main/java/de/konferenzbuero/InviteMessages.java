package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of invitations and contingents: the invitation mail, the invited sign-up page and the organisers' page,
 * German by default ({@code messages/invite_de.properties}); templates use {@code {invite:key}}. A bundle of its own,
 * like {@link ApprovalMessages}.
 */
@MessageBundle(value = "invite", locale = "de")
public interface InviteMessages {

    @Message
    String lang();

    @Message
    String mail_subject(String conference);

    @Message
    String mail_greeting();

    @Message
    String mail_intro(String organisation, String conference);

    @Message
    String mail_when(String when);

    @Message
    String mail_early();

    @Message
    String mail_contingent(String name);

    @Message
    String mail_address(String email);

    @Message
    String mail_link();

    @Message
    String mail_until(String date);

    @Message
    String mail_not_wanted();

    @Message
    String mail_regards();

    @Message
    String page_notice(String label);

    @Message
    String page_contingent(String name);

    @Message
    String page_personal();

    @Message
    String page_draft();

    @Message
    String invalid_title();

    @Message
    String invalid_text();

    @Message
    String title();

    @Message
    String contingents_title();

    @Message
    String contingents_intro();

    @Message
    String contingents_none();

    @Message
    String col_name();

    @Message
    String col_mode();

    @Message
    String col_places();

    @Message
    String col_release();

    @Message
    String col_action();

    @Message
    String release_never();

    @Message
    String state_released();

    @Message
    String release_button();

    @Message
    String release_label(String name);

    @Message
    String places(int taken, int places);

    @Message
    String new_contingent();

    @Message
    String f_name();

    @Message
    String f_name_hint();

    @Message
    String f_attendance();

    @Message
    String f_places();

    @Message
    String f_places_hint();

    @Message
    String f_release_at();

    @Message
    String f_release_at_hint();

    @Message
    String create_contingent();

    @Message
    String invitations_title();

    @Message
    String invitations_intro();

    @Message
    String invitations_none();

    @Message
    String col_label();

    @Message
    String col_kind();

    @Message
    String col_uses();

    @Message
    String col_contingent();

    @Message
    String kind_personal();

    @Message
    String kind_code();

    @Message
    String uses(int uses, int max);

    @Message
    String revoked();

    @Message
    String revoke_button();

    @Message
    String revoke_label(String label);

    @Message
    String no_contingent();

    @Message
    String new_personal();

    @Message
    String new_personal_hint();

    @Message
    String f_email();

    @Message
    String f_label();

    @Message
    String f_label_hint();

    @Message
    String f_contingent();

    @Message
    String f_language();

    @Message
    String send_personal();

    @Message
    String new_code();

    @Message
    String new_code_hint();

    @Message
    String f_max_uses();

    @Message
    String create_code();

    @Message
    String notice_sent();

    @Message
    String notice_code();

    @Message
    String notice_contingent();

    @Message
    String notice_released();

    @Message
    String notice_revoked();

    @Message
    String registration_invited(String label);

    @Message
    String registration_contingent(String name);
}
