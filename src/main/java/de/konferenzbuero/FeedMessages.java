package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of what other programs read from the public pages (calendar feeds, the description search engines and link
 * previews show), German by default ({@code messages/feed_de.properties}); templates use {@code {feed:key}}. A bundle
 * of its own, like {@link OfferMessages}.
 */
@MessageBundle(value = "feed", locale = "de")
public interface FeedMessages {

    @Message
    String all();

    @Message
    String all_subscribe();

    @Message
    String agenda(String title);

    @Message
    String agenda_subscribe();

    @Message
    String organisation(String name);

    @Message
    String atom();

    @Message
    String json();

    @Message
    String site_description();

    @Message
    String f_region();

    @Message
    String f_region_hint();

    @Message
    String f_tags();

    @Message
    String f_tags_hint();

    @Message
    String region();

    @Message
    String tags();

    @Message
    String og_locale();
}
