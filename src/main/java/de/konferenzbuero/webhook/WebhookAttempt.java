package de.konferenzbuero.webhook;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One try to hand a delivery to its receiver: the status code it answered, or why no answer came. */
@Entity
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public WebhookDelivery delivery;

    public Instant at;

    public Integer statusCode;

    public String error;

    public int durationMs;

    public static List<WebhookAttempt> of(List<Long> deliveryIds) {
        return deliveryIds.isEmpty() ? List.of() : list("delivery.id in ?1 order by id", deliveryIds);
    }
}
