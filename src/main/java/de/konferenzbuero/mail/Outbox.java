package de.konferenzbuero.mail;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import de.konferenzbuero.AppConfig;

/** Stores rendered mails in the caller's transaction; the {@link MailDispatcher} sends them later. */
@ApplicationScoped
public class Outbox {

    private final Clock clock;
    private final String host;

    Outbox(Clock clock, AppConfig config, @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from) {
        this.clock = clock;
        this.host = from.flatMap(Outbox::domain).orElseGet(() -> java.net.URI.create(config.baseUrl()).getHost());
    }

    /**
     * The domain of a sender address such as {@code Konferenzbüro <anmeldung@example.org>}: Message-IDs are made in the
     * sending domain, as spam filters expect.
     */
    static Optional<String> domain(String from) {
        int at = from.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String domain = from.substring(at + 1).replace(">", "").strip();
        return domain.isEmpty() ? Optional.empty() : Optional.of(domain);
    }

    /** A mail to be sent; text attachments such as calendar files travel with it. */
    public record Outgoing(String template, Long registrationId, String recipient, String replyTo, String locale,
            String subject, String html, String text, List<Attachment> attachments) {
    }

    /** Writes what a mail says into its row: a new one, or one stored without its bodies and rendered now. */
    static void fill(OutboxMessage message, Outgoing mail) {
        message.template = mail.template();
        message.recipient = mail.recipient();
        message.replyTo = mail.replyTo();
        message.locale = mail.locale();
        message.subject = mail.subject();
        message.html = mail.html();
        message.text = mail.text();
        message.attachments = List.copyOf(mail.attachments());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage enqueue(Outgoing mail) {
        OutboxMessage message = new OutboxMessage();
        message.messageId = "<" + UUID.randomUUID() + "@" + host + ">";
        message.registrationId = mail.registrationId();
        fill(message, mail);
        message.createdAt = clock.instant();
        message.nextAttemptAt = message.createdAt;
        message.persist();
        return message;
    }
}
