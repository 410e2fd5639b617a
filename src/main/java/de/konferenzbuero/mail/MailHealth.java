package de.konferenzbuero.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Mail in the readiness check, always UP: a backlog (the mail server down, slow or refusing) must never take the
 * instances out of the load balancer, since sign-ups work without it. It says {@code mail: degraded} and how old the
 * backlog is, so an operator or an alert sees it.
 */
@Readiness
@ApplicationScoped
public class MailHealth implements HealthCheck {

    private final OutboxFigures outbox;

    MailHealth(OutboxFigures outbox) {
        this.outbox = outbox;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("mail").up();
        try {
            OutboxFigures.Figures figures = outbox.figures();
            return response.withData("mail", outbox.degraded(figures) ? "degraded" : "ok")
                    .withData("pending", figures.pending()).withData("retrying", figures.retrying())
                    .withData("dead", figures.dead())
                    .withData("oldestWaitingSeconds", figures.oldestWaiting().toSeconds()).build();
        } catch (RuntimeException e) {
            // The database check reports the database; mail itself is not the reason to stop serving.
            return response.withData("mail", "unknown").build();
        }
    }
}
