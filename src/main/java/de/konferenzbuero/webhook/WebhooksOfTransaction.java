package de.konferenzbuero.webhook;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.transaction.TransactionScoped;

import de.konferenzbuero.registration.RegistrationNotice;

/**
 * What the current transaction told receivers, by registration: a later notice for the same registration replaces the
 * deliveries of the earlier ones, made again from the merged kinds and the registration as it is now (a sign-up is
 * noticed before its decision and again after it). Also the receivers of each organisation, looked up once per
 * transaction.
 */
@TransactionScoped
class WebhooksOfTransaction implements java.io.Serializable {

    private record Told(Set<RegistrationNotice.Kind> kinds, List<Long> deliveryIds) implements java.io.Serializable {
    }

    private final Map<Long, Told> byRegistration = new HashMap<>();
    private final Map<Long, List<Long>> endpointsByOrganisation = new HashMap<>();

    List<Long> endpoints(long organisationId, java.util.function.LongFunction<List<Long>> lookup) {
        return endpointsByOrganisation.computeIfAbsent(organisationId, lookup::apply);
    }

    /** These kinds together with those noticed before for the registration in this transaction. */
    Set<RegistrationNotice.Kind> merged(long registrationId, Set<RegistrationNotice.Kind> kinds) {
        Set<RegistrationNotice.Kind> merged = EnumSet.noneOf(RegistrationNotice.Kind.class);
        merged.addAll(kinds);
        Told earlier = byRegistration.get(registrationId);
        if (earlier != null) {
            merged.addAll(earlier.kinds());
        }
        return merged;
    }

    /** Remembers the deliveries made for the registration; returns those they replace. */
    List<Long> replace(long registrationId, Set<RegistrationNotice.Kind> kinds, List<Long> deliveryIds) {
        Told earlier = byRegistration.put(registrationId, new Told(Set.copyOf(kinds), List.copyOf(deliveryIds)));
        return earlier == null ? List.of() : earlier.deliveryIds();
    }
}
