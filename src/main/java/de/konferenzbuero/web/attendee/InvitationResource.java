package de.konferenzbuero.web.attendee;

import static de.konferenzbuero.web.attendee.ConferenceResource.seeOther;

import java.time.Clock;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.http.ClientAddress;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.limits.Limit;
import de.konferenzbuero.limits.RateLimiter;
import de.konferenzbuero.registration.ConsentChannel;
import de.konferenzbuero.registration.Invitation;
import de.konferenzbuero.registration.InvitationInvalid;
import de.konferenzbuero.registration.RegistrationClosed;
import de.konferenzbuero.registration.SignUpResult;
import de.konferenzbuero.registration.SignUpService;

/**
 * The page an invitation link opens: the conference page with its sign-up form, also before the public window opens or
 * while the conference is a draft; a link that is unknown, withdrawn, used up or past the end of registration gets a
 * page saying so (404).
 */
@Path("/invitations/{token}")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invalid();
    }

    private final SignUpService signUps;
    private final RateLimiter limiter;
    private final ClientAddress client;
    private final PageContext page;
    private final Clock clock;

    public InvitationResource(SignUpService signUps, RateLimiter limiter, ClientAddress client, PageContext page,
            Clock clock) {
        this.signUps = signUps;
        this.limiter = limiter;
        this.client = client;
        this.page = page;
        this.clock = clock;
    }

    @GET
    public Response invitation(@PathParam("token") String token) {
        Invitation invitation = usable(token);
        if (invitation == null) {
            return invalid();
        }
        // the site-wide Referrer-Policy same-origin keeps the secret from other sites, as on the manage page
        return Response.ok(view(invitation, token, SignUpForm.empty())).header("Cache-Control", "no-store").build();
    }

    /** Like the public sign-up form, with the invitation. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@PathParam("token") String token, MultivaluedMap<String, String> fields) {
        limiter.check(Limit.SIGN_UP, client.key());
        Invitation invitation = usable(token);
        if (invitation == null) {
            return invalid();
        }
        Conference conference = invitation.conference;
        if (fields.getFirst(ConferenceResource.TRAP) != null && !fields.getFirst(ConferenceResource.TRAP).isBlank()) {
            Log.infof("Invited sign-up for %s with the trap field filled in: not registered", conference.slug);
            return invalid();
        }
        SignUpForm form = SignUpForm.of(fields);
        Attendance onlyMode = conference.attendances().size() == 1 ? conference.attendances().get(0) : null;
        try {
            SignUpResult result = signUps.signUpInvited(token, form.toSignUp(onlyMode, page.locale()),
                    ConsentChannel.FORM);
            if (result.confirmationRequired()) {
                return seeOther("/invitations/" + token + "/check-your-mail");
            }
            if (result instanceof SignUpResult.Registered registered) {
                return seeOther("/registrations/" + registered.registration().manageSecret + "?notice=registered");
            }
            return Response.ok(view(invitation, token, SignUpForm.empty(), "already-registered")).build();
        } catch (InvalidInput e) {
            form.asking(Question.listShown(conference), page.locale()).reject(e.problems(), page.locale());
            return Response.status(Response.Status.BAD_REQUEST).entity(view(invitation, token, form)).build();
        } catch (InvitationInvalid | RegistrationClosed e) {
            return invalid();
        }
    }

    /** After a sign-up with a shared link that must confirm its address: the same page as without an invitation. */
    @GET
    @Path("/check-your-mail")
    public Response checkMail(@PathParam("token") String token) {
        return Invitation.findByToken(token)
                .map(i -> Response.ok(ConferenceResource.Templates.checkMail(i.conference)).build())
                .orElseGet(this::invalid);
    }

    private Invitation usable(String token) {
        return Invitation.findByToken(token).filter(Invitation::isUsable)
                .filter(i -> i.conference.takesInvitedSignUps(clock.instant())).orElse(null);
    }

    private TemplateInstance view(Invitation invitation, String token, SignUpForm form) {
        return view(invitation, token, form, null);
    }

    private TemplateInstance view(Invitation invitation, String token, SignUpForm form, String notice) {
        return ConferenceResource.view(invitation.conference, form, notice, invitation, token, clock.instant());
    }

    private Response invalid() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.invalid()).build();
    }
}
