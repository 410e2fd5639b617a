package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of waitlist offers on the attendee's pages and in the organiser area, German by default
 * ({@code messages/offer_de.properties}); templates use {@code {offer:key}}. A bundle of its own, like
 * {@link PrivacyMessages}: it keeps each generated bundle class small.
 */
@MessageBundle(value = "offer", locale = "de")
public interface OfferMessages {

    @Message
    String title();

    @Message
    String text(String date, String time);

    @Message
    String accept();

    @Message
    String accept_hint();

    @Message
    String decline();

    @Message
    String decline_hint();

    @Message
    String status(String date, String time);

    @Message
    String notice_accepted();

    @Message
    String notice_declined();

    @Message
    String org_state(String date, String time);

    @Message
    String f_hours();

    @Message
    String f_hours_hint();

    @Message
    String place_title();

    @Message
    String place_text();

    @Message
    String place_offered(String date, String time);

    @Message
    String place_accept_hint();

    @Message
    String place_decline_hint();

    @Message
    String notice_place_accepted();

    @Message
    String notice_place_declined();

    @Message
    String lang();
}
