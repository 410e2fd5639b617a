package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the attendee mails ({@code {email:key}}; {@code messages/email_de.properties},
 * {@code email_en.properties}).
 */
@MessageBundle(value = "email", locale = "de")
public interface MailMessages {

    @Message
    String subject_confirmed(String title);

    @Message
    String subject_waitlisted(String title);

    @Message
    String subject_promoted(String title);

    @Message
    String subject_item_promoted(String title);

    @Message
    String subject_changed(String title);

    @Message
    String subject_cancelled(String title);

    @Message
    String subject_already_registered(String title);

    @Message
    String subject_reminder(String title);

    @Message
    String greeting(String name);

    @Message
    String intro_confirmed(String title);

    @Message
    String intro_waitlisted(String title, long position);

    @Message
    String waitlist_next();

    @Message
    String intro_promoted(String title);

    @Message
    String intro_item_promoted(String title);

    @Message
    String intro_changed(String title);

    @Message
    String intro_cancelled(String title);

    @Message
    String intro_already_registered(String title);

    @Message
    String intro_reminder(String title);

    @Message
    String already_ignore();

    @Message
    String when();

    @Message
    String where();

    @Message
    String attendance();

    @Message
    String status();

    @Message
    String status_confirmed();

    @Message
    String status_waitlisted(long position);

    @Message
    String items();

    @Message
    String access();

    @Message
    String access_hint();

    @Message
    String manage();

    @Message
    String manage_hint();

    @Message
    String calendar_hint();

    @Message
    String footer(String organiser);

    @Message
    String regards();

    @Message
    String subject_conference_cancelled(String title);

    @Message
    String subject_agenda_changed(String title);

    @Message
    String intro_conference_cancelled(String title);

    @Message
    String intro_agenda_changed(String title);

    @Message
    String subject_item_released(String title);

    @Message
    String intro_item_released(String title);

    /** Further things the same change did, mentioned in the mail about the heaviest one. */
    @Message
    String note_item_released(String item);

    @Message
    String note_item_withdrawn(String item);

    @Message
    String note_item_promoted();

    @Message
    String note_agenda_changed();

    @Message
    String checkin();

    @Message
    String checkin_hint();

    @Message
    String checkin_alt();

    @Message
    String checkin_intro();

    @Message
    String cannot_come();

    @Message
    String venue_accessibility();

    @Message
    String checkin_code(String code);

    @Message
    String subject_confirm_address(String title);

    @Message
    String intro_confirm_address(String title);

    @Message
    String intro_confirm_address_waitlisted(String title, long position);

    @Message
    String confirm_button();

    @Message
    String confirm_by(String date, String time);

    @Message
    String subject_offered(String title);

    @Message
    String intro_offered(String title, String date, String time);

    @Message
    String status_offered(String date, String time);

    @Message
    String offer_by(String date, String time);

    @Message
    String subject_offer_expired(String title);

    @Message
    String subject_item_offered(String title);

    @Message
    String intro_item_offered(String title);

    @Message
    String item_offered(String date, String time);

    @Message
    String place_offer_by(String date, String time);

    @Message
    String subject_item_offer_expired(String title);

    @Message
    String intro_item_offer_expired(String title);

    @Message
    String intro_offer_expired(String title);

    @Message
    String confirm_ignore();

    @Message
    String calendar_manage_hint();

    @Message
    String subject_new_link(String title);

    @Message
    String intro_new_link(String title);

    @Message
    String new_link_old_invalid();

    @Message
    String new_link_not_you();

    @Message
    String subject_your_link(String title);

    @Message
    String intro_your_link(String title);

    @Message
    String your_link_leaked();

    @Message
    String subject_pending(String title);

    @Message
    String intro_pending(String title);

    @Message
    String status_pending();

    @Message
    String subject_approved(String title);

    @Message
    String intro_approved(String title);

    @Message
    String group_note();

    @Message
    String confirm_ignore_group();

    @Message
    String intro_approved_unconfirmed(String title);

    @Message
    String intro_approved_waitlisted(String title, long position);

    @Message
    String subject_rejected(String title);

    @Message
    String intro_rejected(String title);

    @Message
    String decision_message();

    @Message
    String intro_confirm_address_pending(String title);
}
