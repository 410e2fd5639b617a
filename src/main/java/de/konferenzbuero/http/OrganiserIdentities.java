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
import de.konferenzbuero.organisation.Organiser;

/** Turns a session or API token into the organiser's identity: roles "organiser", and "admin" for admins. */
@ApplicationScoped
public class OrganiserIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String ORGANISER_ID = "organiserId";

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
            Optional<Organiser> organiser = OrganiserAuthentication.API.equals(request.getToken().getType())
                    ? accounts.byApiToken(token) : accounts.bySession(token);
            Organiser o = organiser.orElseThrow(AuthenticationFailedException::new);
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(o.email)).addRole("organiser").addAttribute(ORGANISER_ID, o.id);
            if (o.admin) {
                identity.addRole("admin");
            }
            return identity.build();
        });
    }
}
