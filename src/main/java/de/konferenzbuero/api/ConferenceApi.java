package de.konferenzbuero.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ContentStamps;
import de.konferenzbuero.http.ClientAddress;
import de.konferenzbuero.http.PageCache;
import de.konferenzbuero.http.ProblemDetail;
import de.konferenzbuero.limits.Limit;
import de.konferenzbuero.limits.RateLimiter;
import de.konferenzbuero.registration.ConsentChannel;
import de.konferenzbuero.registration.ManageLinks;
import de.konferenzbuero.registration.Occupancy;
import de.konferenzbuero.registration.SignUp;
import de.konferenzbuero.registration.SignUpResult;
import de.konferenzbuero.registration.SignUpService;
import de.konferenzbuero.registration.UnknownConference;

/** Public JSON API: published conferences and sign-up; the same services as the pages. */
@Path("/api/conferences")
@Produces(MediaType.APPLICATION_JSON)
public class ConferenceApi {

    private final SignUpService signUps;
    private final ManageLinks links;
    private final Occupancy occupancy;
    private final Clock clock;
    private final AppConfig config;

    private final RateLimiter limiter;
    private final ClientAddress client;

    private final PageCache pages;
    private final ContentStamps stamps;
    private final ObjectMapper json;

    public ConferenceApi(SignUpService signUps, ManageLinks links, Occupancy occupancy, Clock clock, AppConfig config,
            RateLimiter limiter, ClientAddress client, PageCache pages, ContentStamps stamps, ObjectMapper json) {
        this.pages = pages;
        this.stamps = stamps;
        this.json = json;
        this.links = links;
        this.limiter = limiter;
        this.client = client;
        this.signUps = signUps;
        this.occupancy = occupancy;
        this.clock = clock;
        this.config = config;
    }

    /**
     * A 202 answer whose outcome is in a mail: a sign-up at a conference with double opt-in (the same for a new and an
     * already registered address, so it reveals nothing; the manage link is only in the mail), a new link asked for.
     */
    record Accepted(String status, String detail) {
    }

    /** Published and cancelled conferences, by start. */
    @GET
    public List<ConferenceJson.Summary> list() {
        Instant now = clock.instant();
        List<Conference> visible = Conference.listVisible();
        Map<Long, Occupancy.Report> reports = occupancy.of(visible);
        return visible.stream().map(c -> ConferenceJson.summary(c, c.registrationState(now), reports.get(c.id)))
                .toList();
    }

    /**
     * One conference with its agenda and the confirmed, waitlisted and free places of every mode and item; kept
     * rendered (PageCache), with an ETag.
     */
    @GET
    @Path("/{slug}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConferenceJson.Detail.class)))
    public Response get(@PathParam("slug") String slug, @Context Request request) {
        return pages.json(request, "api conference " + slug, () -> stamps.of(slug), () -> {
            Conference c = Conference.findBySlug(slug).filter(Conference::isVisible)
                    .orElseThrow(() -> new UnknownConference(slug));
            return new PageCache.Rendered(
                    json(ConferenceJson.detail(c, c.registrationState(clock.instant()), occupancy.of(c))),
                    c.turningPoints());
        });
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers for a conference: 201 with the outcome; 409 when the address is already registered (the manage link
     * goes to it by mail) or registration is not open; 400 listing each refused field.
     */
    @POST
    @Path("/{slug}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("slug") String slug, SignUp signUp) {
        limiter.check(Limit.SIGN_UP, client.key());
        if (signUp == null) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        return answer(signUps.signUp(slug, signUp, ConsentChannel.API), config.baseUrl());
    }

    /** The answer to a sign-up: 201 with the registration, 202 while the address awaits confirmation, else 409. */
    static Response answer(SignUpResult result, String baseUrl) {
        if (result.confirmationRequired()) {
            return Response.accepted(new Accepted("CONFIRMATION_PENDING",
                    "Please confirm the e-mail address with the link we sent to it; the registration lapses if it is"
                            + " not confirmed in time."))
                    .build();
        }
        if (result instanceof SignUpResult.Registered registered) {
            RegistrationJson json = RegistrationJson.of(registered.registration(), baseUrl);
            return Response.created(URI.create("/api/registrations/" + registered.registration().manageSecret))
                    .entity(json).build();
        }
        return ProblemDetail.response(409, "already-registered", "Already registered",
                "This e-mail address is already registered for this conference. The link to the registration"
                        + " has been sent to it by mail.");
    }

    /** A group sign-up: the people to register, in the order their places are decided. */
    public record GroupSignUp(List<SignUp> people) {
    }

    /** What became of one person of a group sign-up; their manage link goes to them only, by mail. */
    public record GroupMember(String email, SignUpService.Member.Outcome status, long waitlistPosition) {
    }

    /**
     * Registers several people, e.g. colleagues, each with their own registration, mail and manage link (see
     * {@link SignUpService#signUpGroup}): 200 with the outcome of each, in order; 400 listing each refused field as
     * {@code people[i].<field>}, and then nobody is registered; 409 when registration is not open.
     */
    @POST
    @Path("/{slug}/group-registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<GroupMember> registerGroup(@PathParam("slug") String slug, GroupSignUp group) {
        limiter.check(Limit.SIGN_UP, client.key());
        if (group == null) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        List<SignUp> people = group.people() == null ? List.of()
                : group.people().stream().filter(Objects::nonNull).toList();
        return signUps.signUpGroup(slug, people, ConsentChannel.GROUP).stream()
                .map(m -> new GroupMember(m.person().email(), m.outcome(), m.waitlistPosition())).toList();
    }

    /** What a request for a new link sends: the address registered with. */
    public record LinkRequest(String email) {
    }

    /**
     * "Link lost?": the manage link goes by mail again if the address has a registration here; 202 either way, so the
     * answer tells nobody who is registered.
     */
    @POST
    @Path("/{slug}/link-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestLink(@PathParam("slug") String slug, LinkRequest request) {
        limiter.check(Limit.SIGN_UP, client.key());
        if (request == null) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        links.sendByAddress(slug, request.email());
        return Response
                .accepted(new Accepted("LINK_REQUESTED",
                        "If this address has a registration for this conference, the link to it has been sent there."))
                .build();
    }
}
