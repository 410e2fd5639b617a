package de.konferenzbuero.http;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * How organisers prove who they are: the session cookie on the back-office pages, a bearer API token on the organiser
 * API. An unknown or expired session counts as anonymous, so the page asks to log in.
 */
@ApplicationScoped
public class OrganiserAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "kb_session";
    static final String SESSION = "session";
    static final String API = "api";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        if (path.startsWith("/api/")) {
            String header = context.request().getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return identities.authenticate(request(header.substring(7).strip(), API));
            }
            return Uni.createFrom().optional(Optional.empty());
        }
        Cookie cookie = context.request().getCookie(SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identities.authenticate(request(cookie.getValue(), SESSION)).onFailure().recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (context.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"konferenzbuero\""));
        }
        String next = context.request().uri();
        return Uni.createFrom().item(new ChallengeData(302, "Location",
                "/organiser/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    private static TokenAuthenticationRequest request(String token, String type) {
        return new TokenAuthenticationRequest(new TokenCredential(token, type));
    }
}
