package de.konferenzbuero.api;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

import de.konferenzbuero.http.OrganiserIdentities;

/**
 * Keeps an API token that is limited to one organisation inside it: every request for one conference of the organiser
 * API ({@code /api/organiser/conferences/{id}/...}) answers 404, as for a conference that does not exist, unless the
 * conference belongs to that organisation. The account's own rights still apply on top.
 */
public class OrganisationScope {

    private final SecurityIdentity identity;
    private final EntityManager em;

    public OrganisationScope(SecurityIdentity identity, EntityManager em) {
        this.identity = identity;
        this.em = em;
    }

    @ServerRequestFilter
    public void limit(UriInfo uri) {
        if (!uri.getPath().startsWith("/api/organiser/conferences/")) {
            return;
        }
        Long scope = OrganisationScope.of(identity);
        String id = uri.getPathParameters().getFirst("id");
        if (scope == null || id == null) {
            return;
        }
        List<?> owner = id.matches("\\d{1,18}")
                ? em.createNativeQuery("select organisation_id from conference where id = ?1")
                        .setParameter(1, Long.parseLong(id)).getResultList()
                : List.of();
        if (owner.isEmpty() || ((Number) owner.get(0)).longValue() != scope) {
            throw new NotFoundException();
        }
    }

    /** The organisation the request's token is limited to, or null. */
    static Long of(SecurityIdentity identity) {
        return identity.isAnonymous() ? null : identity.getAttribute(OrganiserIdentities.ORGANISATION_SCOPE);
    }
}
