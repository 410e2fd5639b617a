package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.webhook.WebhookDelivery;
import de.konferenzbuero.webhook.WebhookEvent;

/**
 * The texts of the organisers' webhook pages, German by default ({@code messages/hook_de.properties}); templates use
 * {@code {hook:key}}. A bundle of its own, like {@link OfferMessages}.
 */
@MessageBundle(value = "hook", locale = "de")
public interface HookMessages {

    @Message
    String title();

    @Message
    String intro();

    @Message
    String none();

    @Message
    String col_url();

    @Message
    String col_organisation();

    @Message
    String col_events();

    @Message
    String col_state();

    @Message
    String state_active();

    @Message
    String state_paused();

    @Message
    String details_label(String url);

    @Message
    String details();

    @Message
    String new_title();

    @Message
    String f_organisation();

    @Message
    String f_url();

    @Message
    String f_url_hint();

    @Message
    String f_description();

    @Message
    String f_description_hint();

    @Message
    String f_events();

    @Message
    String f_events_hint();

    @Message
    String event(WebhookEvent event);

    @Message
    String create();

    @Message
    String secret_title();

    @Message
    String secret_once();

    @Message
    String receiver();

    @Message
    String created_by();

    @Message
    String log_title();

    @Message
    String log_intro(int n);

    @Message
    String log_none();

    @Message
    String col_time();

    @Message
    String col_event();

    @Message
    String col_status();

    @Message
    String col_attempts();

    @Message
    String delivery(WebhookDelivery.Status status);

    @Message
    String next_attempt(String time);

    @Message
    String attempt_status(int code);

    @Message
    String attempt_error(String error);

    @Message
    String attempt_duration(int ms);

    @Message
    String no_attempt();

    @Message
    String test();

    @Message
    String pause();

    @Message
    String resume();

    @Message
    String renew();

    @Message
    String remove();

    @Message
    String paused_hint();

    @Message
    String notice_test();

    @Message
    String notice_paused();

    @Message
    String notice_resumed();

    @Message
    String notice_removed();

    @Message
    String verify_title();

    @Message
    String verify_text();

    @Message
    String retry();

    @Message
    String notice_retry();
}
