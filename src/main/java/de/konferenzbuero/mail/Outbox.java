package de.konferenzbuero.mail;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.AppConfig;

/** Stores rendered mails in the caller's transaction; the {@link MailDispatcher} sends them later. */
@ApplicationScoped
public class Outbox {

    private final Clock clock;
    private final String host;

    Outbox(Clock clock, AppConfig config) {
        this.clock = clock;
        this.host = java.net.URI.create(config.baseUrl()).getHost();
    }

    /** A mail to be sent; text attachments such as calendar files travel with it. */
    public record Outgoing(String template, Long registrationId, String recipient, String replyTo, String locale,
            String subject, String html, String text, List<Attachment> attachments) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage enqueue(Outgoing mail) {
        OutboxMessage message = new OutboxMessage();
        message.messageId = "<" + UUID.randomUUID() + "@" + host + ">";
        message.template = mail.template();
        message.registrationId = mail.registrationId();
        message.recipient = mail.recipient();
        message.replyTo = mail.replyTo();
        message.locale = mail.locale();
        message.subject = mail.subject();
        message.html = mail.html();
        message.text = mail.text();
        message.attachments = List.copyOf(mail.attachments());
        message.createdAt = clock.instant();
        message.nextAttemptAt = message.createdAt;
        message.persist();
        return message;
    }
}
