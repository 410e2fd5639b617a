package de.konferenzbuero.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationNotice;
import de.konferenzbuero.registration.RegistrationNotice.Kind;
import de.konferenzbuero.registration.RegistrationStatus;

/**
 * Turns changes into deliveries for the receivers of the conference's organisation, stored in the transaction of the
 * change (so an event is sent exactly when its change committed) and sent later by the {@link WebhookDispatcher}. The
 * bodies follow Standard Webhooks ({@code type}, {@code timestamp}, {@code data}) and name nobody: ids, states and
 * links; a receiver reads the person through the organiser API with its own key.
 */
@ApplicationScoped
public class Webhooks {

    /** The kinds of change that end a registration. */
    private static final Set<Kind> ENDINGS = java.util.EnumSet.of(Kind.CANCELLED, Kind.REJECTED, Kind.OFFER_EXPIRED,
            Kind.HOLD_EXPIRED, Kind.CONFERENCE_CANCELLED);

    private final EntityManager em;
    private final WebhooksOfTransaction ofTransaction;
    private final ObjectMapper json;
    private final Clock clock;
    private final String baseUrl;
    private final boolean allowPrivateTargets;

    Webhooks(EntityManager em, WebhooksOfTransaction ofTransaction, ObjectMapper json, Clock clock, AppConfig config) {
        this.em = em;
        this.ofTransaction = ofTransaction;
        this.json = json;
        this.clock = clock;
        this.baseUrl = config.baseUrl();
        this.allowPrivateTargets = config.webhooks().allowPrivateTargets();
    }

    /** Why a receiver at this URL may not be called (see {@link Targets}), or empty when it may. */
    public Optional<String> refusal(String url) {
        return Targets.refusal(url, allowPrivateTargets);
    }

    /** A new signing secret ({@code whsec_...}). */
    public String newSecret() {
        return Signature.newSecret();
    }

    void onNotice(@Observes RegistrationNotice notice) {
        Registration r = notice.registration();
        List<WebhookEndpoint> endpoints = endpointsOf(r.conference);
        if (endpoints.isEmpty()) {
            return;
        }
        Set<Kind> kinds = ofTransaction.merged(r.id, notice.kinds());
        List<Long> made = new ArrayList<>();
        for (WebhookEvent event : events(kinds, r)) {
            made.addAll(enqueue(endpoints, event, r.conference, r, registrationData(r)));
        }
        List<Long> replaced = ofTransaction.replace(r.id, kinds, made);
        if (!replaced.isEmpty()) {
            em.createQuery("delete from WebhookDelivery where id in ?1").setParameter(1, replaced).executeUpdate();
        }
    }

    /**
     * What receivers are told of a registration after these kinds of change. A registration's place or waitlist
     * position counts once it is certain: not while its address waits for confirmation or an offer for an answer (a
     * registration moved up before its address is confirmed is told as confirmed once it is).
     */
    static List<WebhookEvent> events(Set<Kind> kinds, Registration r) {
        if (r.status == RegistrationStatus.CANCELLED) {
            // told once, by the change that ended it (a later notice, e.g. the link sent again, tells nothing new)
            return kinds.stream().anyMatch(ENDINGS::contains) ? List.of(WebhookEvent.REGISTRATION_CANCELLED)
                    : List.of();
        }
        List<WebhookEvent> events = new ArrayList<>();
        if (kinds.contains(Kind.SIGNED_UP)) {
            events.add(WebhookEvent.REGISTRATION_CREATED);
        }
        if (kinds.contains(Kind.PROMOTED) && !r.awaitsConfirmation()) {
            events.add(WebhookEvent.REGISTRATION_PROMOTED);
        } else if (!kinds.contains(Kind.PROMOTED)
                && ((kinds.contains(Kind.SIGNED_UP) || kinds.contains(Kind.ADDRESS_CONFIRMED)
                        || kinds.contains(Kind.APPROVED)) && !r.awaitsConfirmation())) {
            if (r.status == RegistrationStatus.CONFIRMED && !r.hasOffer()) {
                events.add(WebhookEvent.REGISTRATION_CONFIRMED);
            } else if (r.status == RegistrationStatus.WAITLISTED) {
                events.add(WebhookEvent.REGISTRATION_WAITLISTED);
            }
        }
        return events;
    }

    /** The conference was edited, published or its programme changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void conferenceChanged(Conference conference) {
        conferenceEvent(conference, WebhookEvent.CONFERENCE_CHANGED);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void conferenceCancelled(Conference conference) {
        conferenceEvent(conference, WebhookEvent.CONFERENCE_CANCELLED);
    }

    private void conferenceEvent(Conference conference, WebhookEvent event) {
        List<WebhookEndpoint> endpoints = endpointsOf(conference);
        if (!endpoints.isEmpty()) {
            enqueue(endpoints, event, conference, null, Map.of());
        }
    }

    /** A test event for one receiver, so the organiser sees it arrive and its answer in the log. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookDelivery test(WebhookEndpoint endpoint) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", "Test event from Konferenzbüro / Testereignis von Konferenzbüro");
        data.put("organisation", Map.of("id", endpoint.organisation.id, "name", endpoint.organisation.name));
        return store(endpoint, WebhookEvent.TEST, newEventId(), null, null, body(WebhookEvent.TEST, data));
    }

    private List<WebhookEndpoint> endpointsOf(Conference conference) {
        List<Long> ids = ofTransaction.endpoints(conference.organisation.id,
                organisation -> WebhookEndpoint.activeOf(organisation).stream().map(e -> e.id).toList());
        return ids.stream().map(id -> em.find(WebhookEndpoint.class, id)).toList();
    }

    private List<Long> enqueue(List<WebhookEndpoint> endpoints, WebhookEvent event, Conference conference,
            Registration registration, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conference", conferenceData(conference));
        data.putAll(extra);
        String body = body(event, data);
        String eventId = newEventId();
        List<Long> ids = new ArrayList<>();
        for (WebhookEndpoint endpoint : endpoints) {
            if (endpoint.receives(event)) {
                ids.add(store(endpoint, event, eventId, conference.id, registration == null ? null : registration.id,
                        body).id);
            }
        }
        return ids;
    }

    /** One id per event, the same for every receiver and attempt. */
    private static String newEventId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    private WebhookDelivery store(WebhookEndpoint endpoint, WebhookEvent event, String eventId, Long conferenceId,
            Long registrationId, String body) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.endpoint = endpoint;
        delivery.eventId = eventId;
        delivery.eventType = event.wire();
        delivery.conferenceId = conferenceId;
        delivery.registrationId = registrationId;
        delivery.payload = body;
        delivery.createdAt = clock.instant();
        delivery.nextAttemptAt = delivery.createdAt;
        delivery.persist();
        return delivery;
    }

    private String body(WebhookEvent event, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.wire());
        body.put("timestamp", clock.instant().toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> conferenceData(Conference c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", c.id);
        data.put("slug", c.slug);
        data.put("title", c.title);
        data.put("status", c.status.name());
        data.put("startsAt", instant(c.startsAt));
        data.put("endsAt", instant(c.endsAt));
        data.put("url", baseUrl + "/conferences/" + c.slug);
        data.put("api", baseUrl + "/api/organiser/conferences/" + c.id);
        return data;
    }

    private Map<String, Object> registrationData(Registration r) {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("id", r.id);
        registration.put("status", r.status.name());
        registration.put("attendance", r.attendance.name());
        registration.put("addressConfirmed", !r.awaitsConfirmation());
        registration.put("offerExpiresAt", r.hasOffer() ? instant(r.offerExpiresAt) : null);
        registration.put("api", baseUrl + "/api/organiser/conferences/" + r.conference.id + "/registrations/" + r.id);
        return Map.of("registration", registration);
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
