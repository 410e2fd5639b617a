package de.konferenzbuero.web.attendee;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.RegistrationState;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.registration.RegistrationClosed;
import de.konferenzbuero.registration.SignUpResult;
import de.konferenzbuero.registration.SignUpService;

/** The public page of one conference: facts, venue, agenda, and the sign-up form while registration is open. */
@Path("/conferences/{slug}")
@Produces(MediaType.TEXT_HTML)
public class ConferenceResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conference(Conference conference, AgendaView agenda,
                RegistrationState registration, boolean past, ItemChoices choices, SignUpForm form, String notice);
    }

    private final SignUpService signUps;
    private final PageContext page;
    private final Clock clock;

    public ConferenceResource(SignUpService signUps, PageContext page, Clock clock) {
        this.signUps = signUps;
        this.page = page;
        this.clock = clock;
    }

    @GET
    public TemplateInstance conference(@PathParam("slug") String slug, @QueryParam("notice") String notice) {
        return view(find(slug), SignUpForm.empty(), notice);
    }

    /** The sign-up form: on success to the new registration's page, else the form again with the errors. */
    @POST
    @Path("/registrations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@PathParam("slug") String slug, MultivaluedMap<String, String> fields) {
        Conference conference = find(slug);
        SignUpForm form = SignUpForm.of(fields);
        Attendance onlyMode = conference.attendances().size() == 1 ? conference.attendances().get(0) : null;
        try {
            SignUpResult result = signUps.signUp(slug, form.toSignUp(onlyMode, page.locale()));
            if (result instanceof SignUpResult.Registered registered) {
                return seeOther("/registrations/" + registered.registration().manageSecret + "?notice=registered");
            }
            return seeOther("/conferences/" + slug + "?notice=already-registered");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(Response.Status.BAD_REQUEST).entity(view(conference, form, null)).build();
        } catch (RegistrationClosed e) {
            return Response.status(Response.Status.CONFLICT).entity(view(conference, form, null)).build();
        }
    }

    private Conference find(String slug) {
        return Conference.findBySlug(slug).filter(Conference::isVisible).orElseThrow(NotFoundException::new);
    }

    private TemplateInstance view(Conference conference, SignUpForm form, String notice) {
        Instant now = clock.instant();
        return Templates.conference(conference, AgendaView.of(conference), conference.registrationState(now),
                conference.isPast(now), ItemChoices.of(conference), form, notice);
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
