package de.konferenzbuero.webhook;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event for one receiver: stored with the change, sent by the {@link WebhookDispatcher}, retried on failure. */
@Entity
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status {
        PENDING, DELIVERED, DEAD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public WebhookEndpoint endpoint;

    /** The {@code webhook-id} header, the same on every attempt. */
    public String eventId;

    public String eventType;

    public Long conferenceId;

    public Long registrationId;

    /** The JSON body, signed as it is stored. */
    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;

    public int attempts;

    public Instant nextAttemptAt;

    public Instant lockedUntil;

    /** The receiver's status code of the last attempt, if it answered. */
    public Integer lastStatus;

    public String lastError;

    public Instant createdAt;

    public Instant deliveredAt;

    /** Failed at least once and tried again later. */
    public boolean retrying() {
        return status == Status.PENDING && attempts > 0;
    }

    /** The newest deliveries to a receiver, for its log. */
    public static List<WebhookDelivery> latest(long endpointId, int count) {
        return find("endpoint.id = ?1 order by id desc", endpointId).page(0, count).list();
    }
}
