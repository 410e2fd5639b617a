package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of approval (organisers approve or reject each sign-up) on the attendee's pages and in the organiser area,
 * German by default ({@code messages/approval_de.properties}); templates use {@code {approval:key}}. A bundle of its
 * own, like {@link OfferMessages}: it keeps each generated bundle class small.
 */
@MessageBundle(value = "approval", locale = "de")
public interface ApprovalMessages {

    @Message
    String f_required();

    @Message
    String f_required_hint();

    @Message
    String conference_hint();

    @Message
    String manage_status();

    @Message
    String manage_rejected();

    @Message
    String message_title();

    @Message
    String title();

    @Message
    String pending_count(int count);

    @Message
    String none();

    @Message
    String intro();

    @Message
    String col_select();

    @Message
    String select(String name);

    @Message
    String col_registered();

    @Message
    String col_answers();

    @Message
    String address_unconfirmed();

    @Message
    String message_label();

    @Message
    String message_hint();

    @Message
    String approve();

    @Message
    String reject();

    @Message
    String approve_one();

    @Message
    String reject_one();

    @Message
    String decide_one();

    @Message
    String notice_approved(long count);

    @Message
    String notice_rejected(long count);

    @Message
    String f_ids();

    @Message
    String f_message();

    @Message
    String lang();
}
