package de.konferenzbuero.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.http.ClientAddress;
import de.konferenzbuero.limits.Limit;
import de.konferenzbuero.limits.RateLimiter;
import de.konferenzbuero.registration.ConsentChannel;
import de.konferenzbuero.registration.SignUp;
import de.konferenzbuero.registration.SignUpService;

/** Registering with an invitation's secret, as its page does (see {@link SignUpService#signUpInvited}). */
@Path("/api/invitations/{token}/registrations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationApi {

    private final SignUpService signUps;
    private final AppConfig config;
    private final RateLimiter limiter;
    private final ClientAddress client;

    public InvitationApi(SignUpService signUps, AppConfig config, RateLimiter limiter, ClientAddress client) {
        this.signUps = signUps;
        this.config = config;
        this.limiter = limiter;
        this.client = client;
    }

    /**
     * Answers like the public sign-up (201, 202, 409 already registered or registration closed, 400 per field); 404
     * when the invitation is unknown, withdrawn or used up.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("token") String token, SignUp signUp) {
        limiter.check(Limit.SIGN_UP, client.key());
        if (signUp == null) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        return ConferenceApi.answer(signUps.signUpInvited(token, signUp, ConsentChannel.API), config.baseUrl());
    }
}
