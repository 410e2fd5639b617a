package de.konferenzbuero.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.runtime.Backoff;
import de.konferenzbuero.runtime.DatabaseOutage;

/**
 * Sends due mails from the outbox over SMTP. Claims rows with {@code FOR UPDATE SKIP LOCKED} and a lease, so several
 * dispatchers (threads or app instances) never send the same row; a failure is retried with growing waits and, after
 * the configured attempts, the mail is kept as DEAD with its last error.
 */
@ApplicationScoped
public class MailDispatcher {

    private final Mailer mailer;
    private final EntityManager em;
    private final AppConfig.Mail config;
    private final Counter sentCount;
    private final Counter failedCount;
    private final Counter deadCount;
    /** Rounds in progress (the scheduler's, or a caller's). */
    private final AtomicInteger rounds = new AtomicInteger();
    private volatile boolean stopping;

    /** The From header with the display name in the form mail programs show (see {@link FromHeader}). */
    private final String fromHeader;

    private final RegistrationMails mails;

    /** Quarkus's worker threads: the mails of a batch are rendered side by side on them. */
    private final ExecutorService workers;

    MailDispatcher(Mailer mailer, EntityManager em, AppConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from, RegistrationMails mails,
            ExecutorService workers) {
        this.mailer = mailer;
        this.mails = mails;
        this.fromHeader = FromHeader.of(from.orElse(null));
        this.em = em;
        this.config = config.mail();
        this.sentCount = Counter.builder("konferenzbuero.mail.sent").description("Mails handed to the SMTP server")
                .register(registry);
        this.failedCount = Counter.builder("konferenzbuero.mail.failures")
                .description("Failed attempts to hand a mail to the SMTP server").register(registry);
        this.deadCount = Counter.builder("konferenzbuero.mail.dead")
                .description("Mails given up after the configured attempts").register(registry);
        this.workers = workers;
    }

    @Scheduled(every = "${konferenzbuero.mail.dispatch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class, identity = "mail-dispatcher")
    void onSchedule() {
        // a round triggered while the app shuts down would find the database gone (skipExecutionIf covers the trigger)
        if (stopping) {
            return;
        }
        DatabaseOutage.tolerate("Mail dispatcher", this::dispatchDue);
    }

    /**
     * On shutdown (SIGTERM) the round in progress ends after the mail being sent and hands back the leases of the mails
     * it claimed but did not send, so another instance sends them at once instead of after the lease; shutdown waits
     * for that (at most a few seconds) while the database is still there.
     */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (rounds.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** Sends every mail due now, each at most once per call; returns how many were sent. */
    public int dispatchDue() {
        rounds.incrementAndGet();
        try {
            int sent = 0;
            long after = 0;
            while (!stopping) {
                long from = after;
                List<OutboxMessage> batch = QuarkusTransaction.requiringNew().call(() -> claim(from));
                for (OutboxMessage message : batch) {
                    after = Math.max(after, message.id);
                }
                sent += sendAll(batch);
                if (batch.size() < config.batchSize()) {
                    return sent;
                }
            }
            return sent;
        } finally {
            rounds.decrementAndGet();
        }
    }

    /**
     * Sends a claimed batch in its order, one mail after the other from this thread. The mails stored without their
     * bodies (a sign-up's) are rendered meanwhile in {@code renderers} lanes side by side, each in its own transaction,
     * so that rendering overlaps with the SMTP dialogue of the mails before.
     */
    private int sendAll(List<OutboxMessage> batch) {
        List<CompletableFuture<OutboxMessage>> rendered = batch.stream().map(
                m -> m.html != null ? CompletableFuture.completedFuture(m) : new CompletableFuture<OutboxMessage>())
                .toList();
        int toRender = (int) rendered.stream().filter(f -> !f.isDone()).count();
        int laneCount = Math.min(Math.max(1, config.renderers()), toRender);
        AtomicBoolean abandoned = new AtomicBoolean();
        List<Future<?>> lanes = new ArrayList<>();
        for (int lane = 0; lane < laneCount; lane++) {
            int first = lane;
            Runnable work = () -> render(batch, rendered, first, laneCount, abandoned);
            try {
                lanes.add(workers.submit(work));
            } catch (RejectedExecutionException e) { // the worker pool is shutting down: this thread renders
                work.run();
            }
        }
        int sent = 0;
        boolean finished = false;
        try {
            for (int i = 0; i < batch.size(); i++) {
                if (stopping) {
                    lanes.forEach(MailDispatcher::await);
                    handBack(batch.subList(i, batch.size()));
                    finished = true;
                    return sent;
                }
                if (send(batch.get(i), rendered.get(i))) {
                    sent++;
                }
            }
            finished = true;
            return sent;
        } finally {
            if (!finished) { // the round failed (the database is gone): no lane renders on for it
                abandoned.set(true);
            }
        }
    }

    /**
     * One lane: renders every {@code step}-th mail from {@code first} on that still lacks its bodies. Whatever happens,
     * every mail of the lane ends rendered, failed or cancelled, so the sending thread never waits in vain.
     */
    private void render(List<OutboxMessage> batch, List<CompletableFuture<OutboxMessage>> rendered, int first, int step,
            AtomicBoolean abandoned) {
        try {
            for (int i = first; i < batch.size(); i += step) {
                CompletableFuture<OutboxMessage> result = rendered.get(i);
                if (result.isDone()) {
                    continue;
                }
                if (stopping || abandoned.get()) {
                    result.cancel(false);
                    continue;
                }
                long id = batch.get(i).id;
                try {
                    result.complete(QuarkusTransaction.requiringNew().call(() -> mails.fillIn(id)));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        } catch (Throwable e) { // an Error (out of memory, a missing class): the mails left fail, to be retried
            for (int i = first; i < batch.size(); i += step) {
                rendered.get(i).completeExceptionally(e);
            }
            throw e;
        }
    }

    private static void await(Future<?> lane) {
        try {
            lane.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            Log.warn("A mail renderer failed", e.getCause());
        }
    }

    /** Gives claimed mails back unsent: due now again, the attempt not counted. */
    private void handBack(List<OutboxMessage> unsent) {
        List<Long> ids = unsent.stream().map(m -> m.id).toList();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update outbox_message set locked_until = null, attempts = attempts - 1
                where id in (?1) and status = 'PENDING'
                """).setParameter(1, ids).executeUpdate());
        Log.infof("Mail dispatcher stopping: handed back %d claimed mails", ids.size());
    }

    @SuppressWarnings("unchecked")
    private List<OutboxMessage> claim(long after) {
        List<Number> ids = em.createNativeQuery("""
                update outbox_message set locked_until = now() + make_interval(secs => ?1), attempts = attempts + 1
                where id in (
                    select id from outbox_message
                    where status = 'PENDING' and next_attempt_at <= now()
                      and (locked_until is null or locked_until < now()) and id > ?2
                    order by id limit ?3
                    for update skip locked)
                returning id
                """).setParameter(1, (double) config.lease().toSeconds()).setParameter(2, after)
                .setParameter(3, config.batchSize()).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OutboxMessage> claimed = OutboxMessage.list("id in ?1 order by id",
                ids.stream().map(Number::longValue).toList());
        claimed.forEach(em::detach);
        return claimed;
    }

    /** Sends a claimed mail once it is rendered (null: its registration ended, the mail is gone). */
    private boolean send(OutboxMessage claimed, CompletableFuture<OutboxMessage> rendered) {
        try {
            OutboxMessage message = rendered.join();
            if (message == null) {
                return false;
            }
            mailer.send(toMail(message));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    update outbox_message set status = 'SENT', sent_at = now(), locked_until = null, last_error = null
                    where id = ?1
                    """).setParameter(1, message.id).executeUpdate());
            sentCount.increment();
            return true;
        } catch (CancellationException e) { // not rendered: the app is stopping
            handBack(List.of(claimed));
            return false;
        } catch (CompletionException e) {
            failed(claimed, e.getCause() instanceof RuntimeException cause ? cause : e);
            return false;
        } catch (RuntimeException e) {
            failed(claimed, e);
            return false;
        }
    }

    private void failed(OutboxMessage message, RuntimeException e) {
        String error = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        boolean dead = message.attempts >= config.maxAttempts();
        Duration wait = backoff(message.attempts);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update outbox_message set status = ?2, next_attempt_at = now() + make_interval(secs => ?3),
                    locked_until = null, last_error = ?4
                where id = ?1
                """).setParameter(1, message.id).setParameter(2, dead ? "DEAD" : "PENDING")
                .setParameter(3, wait.toMillis() / 1000.0).setParameter(4, error).executeUpdate());
        failedCount.increment();
        if (dead) {
            deadCount.increment();
            Log.errorf("Gave up mail %d (%s to %s) after %d attempts: %s", message.id, message.template,
                    message.recipient, message.attempts, error);
        } else {
            Log.warnf("Mail %d (%s to %s) failed, attempt %d, retry in %s: %s", message.id, message.template,
                    message.recipient, message.attempts, wait, error);
        }
    }

    /** The wait after the n-th failed attempt: base, 2×base, 4×base, ... at most retryMax. */
    Duration backoff(int attempts) {
        return Backoff.after(attempts, config.retryBase(), config.retryMax());
    }

    private Mail toMail(OutboxMessage message) {
        Mail mail = Mail.withHtml(message.recipient, message.subject, message.html).setText(message.text);
        mail.addHeader("Message-ID", message.messageId);
        if (fromHeader != null) {
            mail.addHeader("From", fromHeader);
        }
        if (message.replyTo != null) {
            mail.setReplyTo(message.replyTo);
        }
        if (RegistrationMails.ORGANISER_MESSAGE.equals(message.template)) {
            // Written by organisers to many attendees: a way to ask for no more of them, to the organisers.
            if (message.replyTo != null) {
                mail.addHeader("List-Unsubscribe",
                        "<mailto:" + message.replyTo + "?subject="
                                + URLEncoder
                                        .encode("Keine weiteren Nachrichten / No more messages", StandardCharsets.UTF_8)
                                        .replace("+", "%20")
                                + ">");
            }
        } else {
            // RFC 3834: sent by the system on its own, so auto-responders do not answer it.
            mail.addHeader("Auto-Submitted", "auto-generated");
        }
        for (Attachment a : message.attachments) {
            if (a.contentId() != null) {
                mail.addInlineAttachment(a.name(), a.bytes(), a.contentType(), "<" + a.contentId() + ">");
            } else {
                mail.addAttachment(a.name(), a.bytes(), a.contentType());
            }
        }
        return mail;
    }
}
