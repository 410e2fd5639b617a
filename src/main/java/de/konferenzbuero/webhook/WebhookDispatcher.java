package de.konferenzbuero.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.runtime.Backoff;
import de.konferenzbuero.runtime.DatabaseOutage;

/**
 * Sends due webhook deliveries, signed ({@link Signature}), claimed like the mail outbox's rows ({@code FOR UPDATE
 * SKIP LOCKED} and a lease, so instances never send a delivery twice at once). A 2xx answer delivers it; anything else
 * is retried with growing waits and, after the configured attempts, kept as DEAD. Every attempt is logged with the
 * status code or the reason no answer came. Redirects are not followed; the body of the answer is not read.
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final String USER_AGENT = "Konferenzbuero-Webhooks/1";

    private final EntityManager em;
    private final AppConfig.Webhooks config;
    private final Clock clock;
    private final HttpClient client;
    private final Counter delivered;
    private final Counter failures;
    private final Counter dead;
    private volatile boolean stopping;
    private volatile Instant lastCleanup = Instant.EPOCH;

    WebhookDispatcher(EntityManager em, AppConfig config, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.config = config.webhooks();
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.delivered = Counter.builder("konferenzbuero.webhooks.delivered")
                .description("Webhook deliveries a receiver accepted").register(registry);
        this.failures = Counter.builder("konferenzbuero.webhooks.failures")
                .description("Failed attempts to deliver a webhook").register(registry);
        this.dead = Counter.builder("konferenzbuero.webhooks.dead")
                .description("Webhook deliveries given up after the configured attempts").register(registry);
    }

    @Scheduled(every = "${konferenzbuero.webhooks.dispatch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class, identity = "webhook-dispatcher")
    void onSchedule() {
        if (!stopping) {
            DatabaseOutage.tolerate("Webhook dispatcher", this::dispatchDue);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Sends every delivery due now, each at most once per call; returns how many were delivered. */
    public int dispatchDue() {
        int sent = 0;
        long after = 0;
        while (!stopping) {
            long from = after;
            List<WebhookDelivery> batch = QuarkusTransaction.requiringNew().call(() -> claim(from));
            for (WebhookDelivery delivery : batch) {
                after = Math.max(after, delivery.id);
                if (send(delivery)) {
                    sent++;
                }
            }
            if (batch.size() < config.batchSize()) {
                break;
            }
        }
        cleanUp();
        return sent;
    }

    @SuppressWarnings("unchecked")
    private List<WebhookDelivery> claim(long after) {
        List<Number> ids = em.createNativeQuery("""
                update webhook_delivery set locked_until = now() + make_interval(secs => ?1), attempts = attempts + 1
                where id in (
                    select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                    where d.status = 'PENDING' and d.next_attempt_at <= now() and e.active
                      and (d.locked_until is null or d.locked_until < now()) and d.id > ?2
                    order by d.id limit ?3
                    for update of d skip locked)
                returning id
                """).setParameter(1, (double) config.lease().toSeconds()).setParameter(2, after)
                .setParameter(3, config.batchSize()).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<WebhookDelivery> claimed = em
                .createQuery("from WebhookDelivery d join fetch d.endpoint where d.id in ?1 order by d.id",
                        WebhookDelivery.class)
                .setParameter(1, ids.stream().map(Number::longValue).toList()).getResultList();
        claimed.forEach(em::detach);
        return claimed;
    }

    private boolean send(WebhookDelivery delivery) {
        long started = System.nanoTime();
        Optional<String> refusal = Targets.refusal(delivery.endpoint.url, config.allowPrivateTargets());
        if (refusal.isPresent()) {
            return finished(delivery, null, "Refused to call the receiver: " + refusal.get(), started);
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.endpoint.url)).timeout(config.timeout())
                .header("Content-Type", "application/json").header("User-Agent", USER_AGENT)
                .header("webhook-id", delivery.eventId).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        Signature.sign(delivery.endpoint.secret, delivery.eventId, timestamp, delivery.payload))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the answer's body is not needed: closing it ends the connection rather than read what may never end
            response.body().close();
            return finished(delivery, response.statusCode(), null, started);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return finished(delivery, null, reason, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finished(delivery, null, "interrupted", started);
        }
    }

    /** Logs the attempt and delivers the row on a 2xx answer, else schedules the next attempt or gives up. */
    private boolean finished(WebhookDelivery delivery, Integer status, String error, long started) {
        boolean ok = status != null && status >= 200 && status < 300;
        String reason = error != null ? error : ok ? null : "HTTP " + status;
        String stored = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        boolean givenUp = !ok && delivery.attempts >= config.maxAttempts();
        Duration wait = Backoff.after(delivery.attempts, config.retryBase(), config.retryMax());
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery row = em.find(WebhookDelivery.class, delivery.id);
            if (row == null) {
                return; // its receiver was removed meanwhile
            }
            WebhookAttempt attempt = new WebhookAttempt();
            attempt.delivery = row;
            attempt.at = clock.instant();
            attempt.statusCode = status;
            attempt.error = stored;
            attempt.durationMs = millis;
            attempt.persist();
            row.status = ok ? WebhookDelivery.Status.DELIVERED
                    : givenUp ? WebhookDelivery.Status.DEAD : WebhookDelivery.Status.PENDING;
            row.lockedUntil = null;
            row.lastStatus = status;
            row.lastError = stored;
            if (ok) {
                row.deliveredAt = attempt.at;
            } else {
                row.nextAttemptAt = attempt.at.plus(wait);
            }
        });
        if (ok) {
            delivered.increment();
        } else {
            failures.increment();
            if (givenUp) {
                dead.increment();
            }
            Log.warnf("Webhook delivery %d (%s) to receiver %d failed, attempt %d%s: %s", delivery.id,
                    delivery.eventType, delivery.endpoint.id, delivery.attempts,
                    givenUp ? ", given up" : ", retry in " + wait, stored);
        }
        return ok;
    }

    /** Removes finished deliveries older than the log keeps, at most once an hour. */
    private void cleanUp() {
        Instant now = clock.instant();
        if (lastCleanup.isAfter(now.minus(Duration.ofHours(1)))) {
            return;
        }
        lastCleanup = now;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                delete from webhook_delivery where status <> 'PENDING' and created_at < ?1
                """).setParameter(1, now.minus(Duration.ofDays(config.logDays()))).executeUpdate());
    }
}
