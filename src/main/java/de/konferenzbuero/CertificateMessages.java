package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of certificates of attendance and of their public check, German by default
 * ({@code messages/cert_de.properties}); templates use {@code {cert:key}}.
 */
@MessageBundle(value = "cert", locale = "de")
public interface CertificateMessages {

    @Message
    String title();

    @Message
    String confirms();

    @Message
    String of_organisation(String organisation);

    @Message
    String attended(String conference);

    @Message
    String when_where(String dates, String place);

    @Message
    String on_day(String date);

    @Message
    String from_to(String start, String end);

    @Message
    String items();

    @Message
    String issued(String issuer, String date);

    @Message
    String code(String code);

    @Message
    String check(String url);

    @Message
    String online();

    @Message
    String on_site();

    @Message
    String file_name();

    @Message
    String check_title();

    @Message
    String check_intro();

    @Message
    String check_field();

    @Message
    String check_hint();

    @Message
    String check_button();

    @Message
    String valid();

    @Message
    String valid_text(String name, String conference, String dates);

    @Message
    String invalid();

    @Message
    String invalid_text();

    @Message
    String signature_alt();
}
