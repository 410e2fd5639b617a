package de.konferenzbuero.backoffice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.input.Text;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.webhook.WebhookAttempt;
import de.konferenzbuero.webhook.WebhookDelivery;
import de.konferenzbuero.webhook.WebhookEndpoint;
import de.konferenzbuero.webhook.WebhookEvent;
import de.konferenzbuero.webhook.Webhooks;

/**
 * What organisers do with their organisations' webhook receivers: add one (its secret shown once), renew the secret,
 * pause, remove, send a test event, read the delivery log. Others' receivers stay invisible; every change is audited.
 */
@ApplicationScoped
public class WebhookEditing {

    /** A receiver just made or given a new secret, with the secret in plain text this once. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
    }

    /** A delivery and its attempts, newest delivery first. */
    public record Logged(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    private static final String SUBJECT = "WEBHOOK";
    public static final int LOG_SIZE = 50;

    private final Webhooks webhooks;
    private final Audit audit;
    private final Clock clock;

    WebhookEditing(Webhooks webhooks, Audit audit, Clock clock) {
        this.webhooks = webhooks;
        this.audit = audit;
        this.clock = clock;
    }

    public List<WebhookEndpoint> list(Organiser organiser) {
        if (organiser.admin) {
            return WebhookEndpoint.list("order by id");
        }
        return WebhookEndpoint.list("organisation in ?1 order by id", organiser.organisations);
    }

    /** The receiver if it belongs to one of the organiser's organisations; else not found. */
    public WebhookEndpoint find(Organiser organiser, long id) {
        WebhookEndpoint endpoint = WebhookEndpoint.findById(id);
        if (endpoint == null || !organiser.memberOf(endpoint.organisation)) {
            throw new NotYours();
        }
        return endpoint;
    }

    /**
     * Adds a receiver after checking its address (https, public), description and events; an organisation outside the
     * organiser's is refused like a tampered form.
     */
    @Transactional
    public WithSecret create(Organiser organiser, long organisationId, String url, String description,
            Set<WebhookEvent> events) {
        Organisation organisation = Organisation.findById(organisationId);
        List<FieldProblem> problems = new ArrayList<>();
        if (organisation == null || !organiser.memberOf(organisation)) {
            problems.add(new FieldProblem("organisationId", Problem.NOTHING_SELECTED));
        }
        String target = url == null ? "" : url.strip();
        if (target.isEmpty()) {
            problems.add(new FieldProblem("url", Problem.REQUIRED));
        } else if (target.length() > 2000) {
            problems.add(new FieldProblem("url", Problem.TOO_LONG));
        } else if (webhooks.refusal(target).isPresent()) {
            problems.add(new FieldProblem("url", Problem.WEBHOOK_URL));
        }
        String about = description == null ? "" : description.strip();
        if (about.length() > 200) {
            problems.add(new FieldProblem("description", Problem.TOO_LONG));
        } else if (!Text.allowed(about, false)) {
            problems.add(new FieldProblem("description", Problem.CHARACTERS_NOT_ALLOWED));
        }
        if (events.isEmpty()) {
            problems.add(new FieldProblem("events", Problem.NOTHING_SELECTED));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.organisation = organisation;
        endpoint.url = target;
        endpoint.description = about;
        endpoint.events(events);
        String secret = webhooks.newSecret();
        endpoint.secret = secret;
        endpoint.createdAt = clock.instant();
        endpoint.createdBy = organiser.email;
        endpoint.persist();
        audit.record(organiser.email, null, SUBJECT, endpoint.id, "created", target + " ("
                + events.stream().map(WebhookEvent::wire).sorted().collect(Collectors.joining(", ")) + ")");
        return new WithSecret(endpoint, secret);
    }

    /** A new secret; the old one stops signing at once. */
    @Transactional
    public WithSecret renewSecret(Organiser organiser, long id) {
        WebhookEndpoint endpoint = find(organiser, id);
        String secret = webhooks.newSecret();
        endpoint.secret = secret;
        audit.record(organiser.email, null, SUBJECT, id, "secret renewed", endpoint.url);
        return new WithSecret(endpoint, secret);
    }

    /** Pauses or resumes a receiver; paused, its deliveries wait (and are sent once it is resumed). */
    @Transactional
    public void setActive(Organiser organiser, long id, boolean active) {
        WebhookEndpoint endpoint = find(organiser, id);
        if (endpoint.active != active) {
            endpoint.active = active;
            audit.record(organiser.email, null, SUBJECT, id, active ? "resumed" : "paused", endpoint.url);
        }
    }

    /** Removes the receiver with its delivery log; what was not yet delivered is not sent. */
    @Transactional
    public void remove(Organiser organiser, long id) {
        WebhookEndpoint endpoint = find(organiser, id);
        audit.record(organiser.email, null, SUBJECT, id, "removed", endpoint.url);
        endpoint.delete();
    }

    /** Queues a test event for this receiver; the dispatcher sends it within seconds. */
    @Transactional
    public void sendTest(Organiser organiser, long id) {
        webhooks.test(find(organiser, id));
    }

    /** Sends a delivery that was given up once more, with a fresh count of attempts; others stay as they are. */
    @Transactional
    public void retry(Organiser organiser, long id, long deliveryId) {
        WebhookEndpoint endpoint = find(organiser, id);
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null || !delivery.endpoint.id.equals(endpoint.id)) {
            throw new NotYours();
        }
        if (delivery.status == WebhookDelivery.Status.DEAD) {
            delivery.status = WebhookDelivery.Status.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = clock.instant();
            audit.record(organiser.email, delivery.conferenceId, SUBJECT, id, "delivery retried",
                    delivery.eventType + " " + delivery.eventId);
        }
    }

    public List<Logged> log(Organiser organiser, long id) {
        find(organiser, id);
        List<WebhookDelivery> deliveries = WebhookDelivery.latest(id, LOG_SIZE);
        Map<Long, List<WebhookAttempt>> attempts = WebhookAttempt.of(deliveries.stream().map(d -> d.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.delivery.id));
        return deliveries.stream().map(d -> new Logged(d, attempts.getOrDefault(d.id, List.of()))).toList();
    }
}
