package de.konferenzbuero.web.attendee;

import java.time.Clock;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import de.konferenzbuero.conference.RegistrationState;
import de.konferenzbuero.http.ClientAddress;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.limits.Limit;
import de.konferenzbuero.limits.RateLimiter;
import de.konferenzbuero.registration.ConsentChannel;
import de.konferenzbuero.registration.RegistrationClosed;
import de.konferenzbuero.registration.SignUpService;

/**
 * The group sign-up page of a conference: one person registers several colleagues, each with their own name, address
 * and choices; afterwards the registrant sees each person's outcome, and each person gets their own mail and link.
 */
@Path("/conferences/{slug}/group")
@Produces(MediaType.TEXT_HTML)
public class GroupSignUpResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance group(Conference conference, RegistrationState registration, ItemChoices choices,
                List<Question> questions, GroupForm form);

        static native TemplateInstance outcome(Conference conference, List<SignUpService.Member> members);
    }

    private final SignUpService signUps;
    private final RateLimiter limiter;
    private final ClientAddress client;
    private final PageContext page;
    private final Clock clock;

    public GroupSignUpResource(SignUpService signUps, RateLimiter limiter, ClientAddress client, PageContext page,
            Clock clock) {
        this.signUps = signUps;
        this.limiter = limiter;
        this.client = client;
        this.page = page;
        this.clock = clock;
    }

    @GET
    public TemplateInstance form(@PathParam("slug") String slug) {
        return view(find(slug), GroupForm.empty());
    }

    /**
     * Registers the people entered and shows what became of each; the button for another person shows the form again
     * with one more section. Errors show the form again, and then nobody is registered.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@PathParam("slug") String slug, MultivaluedMap<String, String> fields) {
        Conference conference = find(slug);
        GroupForm form = GroupForm.of(fields);
        if (fields.containsKey("more")) {
            return Response.ok(view(conference, form.withOneMore())).build();
        }
        limiter.check(Limit.SIGN_UP, client.key());
        String trap = fields.getFirst(ConferenceResource.TRAP);
        if (trap != null && !trap.isBlank()) {
            Log.infof("Group sign-up for %s with the trap field filled in: not registered", slug);
            return ConferenceResource.seeOther("/conferences/" + slug + "/check-your-mail");
        }
        Attendance onlyMode = conference.attendances().size() == 1 ? conference.attendances().get(0) : null;
        try {
            List<SignUpService.Member> members = signUps.signUpGroup(slug, form.toSignUps(onlyMode, page.locale()),
                    ConsentChannel.GROUP);
            return Response.ok(Templates.outcome(conference, members)).build();
        } catch (InvalidInput e) {
            form.reject(e.problems(), Question.listShown(conference), page.locale());
            return Response.status(Response.Status.BAD_REQUEST).entity(view(conference, form)).build();
        } catch (RegistrationClosed e) {
            return Response.status(Response.Status.CONFLICT).entity(view(conference, form)).build();
        }
    }

    private Conference find(String slug) {
        return Conference.findBySlug(slug).filter(Conference::isVisible).orElseThrow(NotFoundException::new);
    }

    private TemplateInstance view(Conference conference, GroupForm form) {
        return Templates.group(conference, conference.registrationState(clock.instant()), ItemChoices.of(conference),
                Question.listShown(conference), form);
    }
}
