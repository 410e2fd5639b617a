package de.konferenzbuero.http;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.organisation.ApiToken;
import de.konferenzbuero.organisation.Organiser;

/**
 * Turns a session or API token into the organiser's identity: roles "reader" and "organiser", and "admin" for admins; a
 * read-only API token gets "reader" only.
 */
@ApplicationScoped
public class OrganiserIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String ORGANISER_ID = "organiserId";
    /** Every organiser identity reads; only sessions and read-write tokens also get "organiser", which changes. */
    public static final String READER = "reader";

    /** The id of the one organisation an API token is limited to; absent when it may reach all of its account's. */
    public static final String ORGANISATION_SCOPE = "organisationScope";

    private final Accounts accounts;

    public OrganiserIdentities(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String token = request.getToken().getToken();
            boolean api = OrganiserAuthentication.API.equals(request.getToken().getType());
            Optional<ApiToken> apiToken = api ? accounts.byApiToken(token) : Optional.empty();
            Optional<Organiser> organiser = api ? apiToken.map(t -> t.organiser) : accounts.bySession(token);
            Organiser o = organiser.orElseThrow(AuthenticationFailedException::new);
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(o.email)).addRole(READER).addAttribute(ORGANISER_ID, o.id);
            Optional<Long> scope = apiToken.map(t -> t.organisation).map(org -> org.id);
            scope.ifPresent(id -> identity.addAttribute(ORGANISATION_SCOPE, id));
            if (apiToken.map(t -> t.readOnly).orElse(false)) {
                // a read-only token reads only, whatever its account may do
                return identity.build();
            }
            identity.addRole("organiser");
            if (o.admin && scope.isEmpty()) {
                identity.addRole("admin");
            }
            return identity.build();
        });
    }
}
