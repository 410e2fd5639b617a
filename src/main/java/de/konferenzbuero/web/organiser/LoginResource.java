package de.konferenzbuero.web.organiser;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.http.ClientAddress;
import de.konferenzbuero.http.OrganiserAuthentication;
import de.konferenzbuero.limits.Limit;
import de.konferenzbuero.limits.RateLimiter;
import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.organisation.LoginResult;

/** Log in and out of the organiser area. */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String email, String next, String error, String notice);
    }

    private final Accounts accounts;
    private final AppConfig config;
    private final RateLimiter limiter;
    private final ClientAddress client;

    public LoginResource(Accounts accounts, AppConfig config, RateLimiter limiter, ClientAddress client) {
        this.accounts = accounts;
        this.config = config;
        this.limiter = limiter;
        this.client = client;
    }

    @GET
    @Path("/login")
    public TemplateInstance form(@QueryParam("next") String next, @QueryParam("notice") String notice) {
        return Templates.login("", safeNext(next), null, notice);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("next") String next) {
        limiter.check(Limit.LOGIN, client.key());
        LoginResult result = accounts.login(email, password);
        if (result instanceof LoginResult.Success success) {
            NewCookie cookie = new NewCookie.Builder(OrganiserAuthentication.SESSION_COOKIE).value(success.token())
                    .path("/").httpOnly(true).secure(config.secureCookies()).sameSite(NewCookie.SameSite.LAX)
                    .maxAge((int) java.time.Duration.between(java.time.Instant.now(), success.expiresAt()).toSeconds())
                    .build();
            return Response.seeOther(URI.create(safeNext(next))).cookie(cookie).build();
        }
        String error = "failed";
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(Templates.login(email == null ? "" : email, safeNext(next), error, null)).build();
    }

    @POST
    @Path("/logout")
    public Response logout(@CookieParam(OrganiserAuthentication.SESSION_COOKIE) String token) {
        if (token != null) {
            accounts.logout(token);
        }
        NewCookie expired = new NewCookie.Builder(OrganiserAuthentication.SESSION_COOKIE).value("").path("/")
                .httpOnly(true).secure(config.secureCookies()).sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
        return Response.seeOther(URI.create("/organiser/login?notice=logged-out")).cookie(expired).build();
    }

    /** Only a path inside the organiser area; anything else would let a link send people elsewhere. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/organiser") && !next.startsWith("//") && !next.contains("\\") ? next
                : "/organiser";
    }
}
