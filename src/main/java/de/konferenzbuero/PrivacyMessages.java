package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.registration.Consent;
import de.konferenzbuero.registration.ConsentChannel;
import de.konferenzbuero.registration.HistoryKind;
import de.konferenzbuero.registration.RegistrationStatus;

/**
 * The texts of data protection (the attendee's data page, consents, erasure, deletion periods), German by default
 * ({@code messages/dsgvo_de.properties}); templates use {@code {dsgvo:key}}. A bundle of its own: it keeps each
 * generated bundle class small.
 */
@MessageBundle(value = "dsgvo", locale = "de")
public interface PrivacyMessages {

    @Message
    String manage_data();

    @Message
    String manage_data_intro();

    @Message
    String manage_data_view();

    @Message
    String manage_data_download();

    @Message
    String manage_data_deletion(String special, String all);

    @Message
    String manage_photo_given();

    @Message
    String manage_photo_not_given();

    @Message
    String manage_photo_withdraw();

    @Message
    String manage_photo_give();

    @Message
    String manage_notice_consent();

    @Message
    String manage_erase();

    @Message
    String manage_erase_intro();

    @Message
    String manage_erase_button();

    @Message
    String erase_title();

    @Message
    String erase_intro(String title);

    @Message
    String erase_confirm();

    @Message
    String erase_back();

    @Message
    String erase_not_yet();

    @Message
    String privacy_notice_erased();

    @Message
    String data_title();

    @Message
    String data_intro(String date, String time);

    @Message
    String data_registration();

    @Message
    String data_conference();

    @Message
    String data_language();

    @Message
    String data_status();

    @Message
    String data_needs();

    @Message
    String data_dietary();

    @Message
    String data_photo();

    @Message
    String data_registered_at();

    @Message
    String data_confirmed_at();

    @Message
    String data_cancelled_at();

    @Message
    String data_checked_in_at();

    @Message
    String data_added_by();

    @Message
    String data_bookings();

    @Message
    String data_consents();

    @Message
    String data_history();

    @Message
    String data_mails();

    @Message
    String data_actions();

    @Message
    String data_none();

    @Message
    String data_at();

    @Message
    String data_what();

    @Message
    String data_channel();

    @Message
    String data_given();

    @Message
    String data_withdrawn();

    @Message
    String data_subject();

    @Message
    String data_body_removed();

    @Message
    String data_deletion();

    @Message
    String data_special_at(String date);

    @Message
    String data_special_done(String date);

    @Message
    String data_anonymised_at(String date);

    @Message
    String data_download();

    @Message
    String data_back();

    @Message
    String consent(Consent consent);

    @Message
    String consent_channel(ConsentChannel channel);

    @Message
    String history_kind(HistoryKind kind);

    @Message
    String legal_privacy_periods(int special, int days, int cancelled, int mails);

    @Message
    String legal_privacy_rights_link();

    @Message
    String registration_status(RegistrationStatus status);

    @Message
    String retention_title();

    @Message
    String retention_special_at(String date);

    @Message
    String retention_special_done(String date);

    @Message
    String retention_all_at(String date, int days);

    @Message
    String retention_all_done(String date, int days);

    @Message
    String retention_cancelled(int days, int mails);

    @Message
    String retention_consents();

    @Message
    String f_retention_days();

    @Message
    String f_retention_days_hint(String days);

    @Message
    String exp_consents();

    @Message
    String exp_consent();

    @Message
    String exp_consent_version();

    @Message
    String exp_consent_given();

    @Message
    String exp_consent_channel();

    @Message
    String exp_consent_language();

    @Message
    String exp_consent_at();

    @Message
    String nav_privacy();

    @Message
    String req_title();

    @Message
    String req_intro();

    @Message
    String req_email();

    @Message
    String req_email_hint();

    @Message
    String req_search();

    @Message
    String req_matches(String email);

    @Message
    String req_none();

    @Message
    String req_erasure();

    @Message
    String req_erasable();

    @Message
    String req_active();

    @Message
    String req_export_title();

    @Message
    String req_export_intro();

    @Message
    String req_export();

    @Message
    String req_erase_title();

    @Message
    String req_erase_intro(long count);

    @Message
    String req_erase_none();

    @Message
    String req_confirm_label();

    @Message
    String req_confirm_missing();

    @Message
    String req_erase();

    @Message
    String req_erased(int count);

    @Message
    String rec_title();

    @Message
    String rec_intro();

    @Message
    String rec_own_periods();

    @Message
    String rec_days();

    @Message
    String column_kind(de.konferenzbuero.privacy.PersonalData.Kind kind);

    @Message
    String req_unconfirmed();
}
