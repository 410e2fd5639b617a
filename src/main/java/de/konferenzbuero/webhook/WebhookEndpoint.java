package de.konferenzbuero.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.sealing.SealedText;

/** A receiver an organisation registered for events of its conferences. */
@Entity
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organisation organisation;

    public String url;

    public String description = "";

    /** The event types it receives, comma-separated wire names. */
    @Column(name = "events")
    String eventNames;

    /** The signing secret ({@code whsec_} and base64), shown to the organiser once. */
    @Convert(converter = SealedText.class)
    @Column(name = "secret_sealed")
    public String secret;

    public boolean active = true;

    public Instant createdAt;

    public String createdBy;

    @Version
    public int version;

    public Set<WebhookEvent> events() {
        return Arrays.stream(eventNames.split(",")).map(WebhookEvent::fromWire).collect(Collectors.toSet());
    }

    public void events(Set<WebhookEvent> events) {
        eventNames = events.stream().sorted().map(WebhookEvent::wire).collect(Collectors.joining(","));
    }

    /** The event types in their order, for pages. */
    public List<WebhookEvent> eventList() {
        return events().stream().sorted().toList();
    }

    public boolean receives(WebhookEvent event) {
        return event == WebhookEvent.TEST || events().contains(event);
    }

    /** The active receivers of an organisation, oldest first. */
    public static List<WebhookEndpoint> activeOf(long organisationId) {
        return list("organisation.id = ?1 and active = true order by id", organisationId);
    }
}
