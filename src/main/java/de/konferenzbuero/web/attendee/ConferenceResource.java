package de.konferenzbuero.web.attendee;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ContentStamps;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.RegistrationState;
import de.konferenzbuero.http.ClientAddress;
import de.konferenzbuero.http.ETags;
import de.konferenzbuero.http.PageCache;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.limits.Limit;
import de.konferenzbuero.limits.RateLimiter;
import de.konferenzbuero.registration.ConsentChannel;
import de.konferenzbuero.registration.Invitation;
import de.konferenzbuero.registration.ManageLinks;
import de.konferenzbuero.registration.RegistrationClosed;
import de.konferenzbuero.registration.SignUpResult;
import de.konferenzbuero.registration.SignUpService;

/**
 * The public page of one conference: facts, venue, agenda, and the sign-up form while registration is open; 304 while
 * it has not changed for the visitor (its free places and the visitor's CSRF token are part of it).
 */
@Path("/conferences/{slug}")
@Produces(MediaType.TEXT_HTML)
public class ConferenceResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conference(Conference conference, AgendaView agenda,
                RegistrationState registration, boolean past, ItemChoices choices, List<Question> questions,
                SignUpForm form, String notice, Invitation invitation, String token);

        static native TemplateInstance checkMail(Conference conference);

        static native TemplateInstance newLink(Conference conference, SignUpForm form, String notice);
    }

    /** The field people never see and bots fill in (see the form). */
    static final String TRAP = "website";

    private final SignUpService signUps;
    private final ManageLinks links;
    private final RateLimiter limiter;
    private final ClientAddress client;
    private final PageContext page;
    private final PageCache pages;
    private final ContentStamps stamps;
    private final Clock clock;

    public ConferenceResource(SignUpService signUps, ManageLinks links, RateLimiter limiter, ClientAddress client,
            PageContext page, PageCache pages, ContentStamps stamps, Clock clock) {
        this.signUps = signUps;
        this.links = links;
        this.limiter = limiter;
        this.client = client;
        this.page = page;
        this.pages = pages;
        this.stamps = stamps;
        this.clock = clock;
    }

    /** Kept rendered for all visitors (PageCache) when asked for without a notice. */
    @GET
    public Response conference(@PathParam("slug") String slug, @QueryParam("notice") String notice,
            @Context Request request) {
        if (!page.plain()) {
            return ETags.page(request, view(find(slug), SignUpForm.empty(), notice).render());
        }
        return pages.page(request, "conference " + slug + " " + page.lang(), () -> stamps.of(slug), () -> {
            Conference conference = find(slug);
            return new PageCache.Rendered(view(conference, SignUpForm.empty(), null).render(),
                    conference.turningPoints());
        });
    }

    /**
     * The sign-up form: on success to the new registration's page (or, with double opt-in, to the page asking to read
     * the mail), else the form again with the errors.
     */
    @POST
    @Path("/registrations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@PathParam("slug") String slug, MultivaluedMap<String, String> fields) {
        Conference conference = find(slug);
        limiter.check(Limit.SIGN_UP, client.key());
        if (fields.getFirst(TRAP) != null && !fields.getFirst(TRAP).isBlank()) {
            Log.infof("Sign-up for %s with the trap field filled in: not registered", slug);
            return seeOther("/conferences/" + slug + "/check-your-mail");
        }
        SignUpForm form = SignUpForm.of(fields);
        Attendance onlyMode = conference.attendances().size() == 1 ? conference.attendances().get(0) : null;
        try {
            SignUpResult result = signUps.signUp(slug, form.toSignUp(onlyMode, page.locale()), ConsentChannel.FORM);
            if (result.confirmationRequired()) {
                return seeOther("/conferences/" + slug + "/check-your-mail");
            }
            if (result instanceof SignUpResult.Registered registered) {
                return seeOther("/registrations/" + registered.registration().manageSecret + "?notice=registered");
            }
            return seeOther("/conferences/" + slug + "?notice=already-registered");
        } catch (InvalidInput e) {
            form.asking(Question.listShown(conference), page.locale()).reject(e.problems(), page.locale());
            return Response.status(Response.Status.BAD_REQUEST).entity(view(conference, form, null)).build();
        } catch (RegistrationClosed e) {
            return Response.status(Response.Status.CONFLICT).entity(view(conference, form, null)).build();
        }
    }

    /**
     * After a sign-up that must confirm its address: the same page for a new and an existing registration, so it tells
     * nobody whether an address is registered; the link is in the mail only.
     */
    @GET
    @Path("/check-your-mail")
    public TemplateInstance checkMail(@PathParam("slug") String slug) {
        return Templates.checkMail(find(slug));
    }

    /**
     * "Link lost?": the form asking for the address; {@code ?notice=sent} after a request, {@code ?notice=renewed}
     * after a new link was asked for on the manage page.
     */
    @GET
    @Path("/link")
    public TemplateInstance newLinkForm(@PathParam("slug") String slug, @QueryParam("notice") String notice) {
        return Templates.newLink(find(slug), SignUpForm.empty(),
                "sent".equals(notice) || "renewed".equals(notice) ? notice : null);
    }

    /**
     * Sends the link again if the address has a registration here; the answer is the same either way. Counted like a
     * sign-up against the client's limit.
     */
    @POST
    @Path("/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendNewLink(@PathParam("slug") String slug, MultivaluedMap<String, String> fields) {
        Conference conference = find(slug);
        limiter.check(Limit.SIGN_UP, client.key());
        SignUpForm form = SignUpForm.of(fields);
        try {
            links.sendByAddress(slug, form.value("email"));
            return seeOther("/conferences/" + slug + "/link?notice=sent");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.newLink(conference, form, null))
                    .build();
        }
    }

    private Conference find(String slug) {
        return Conference.findBySlug(slug).filter(Conference::isVisible).orElseThrow(NotFoundException::new);
    }

    private TemplateInstance view(Conference conference, SignUpForm form, String notice) {
        return view(conference, form, notice, null, null, clock.instant());
    }

    /** The conference page; with an invitation (and its secret, for the form), its sign-up form is shown too. */
    static TemplateInstance view(Conference conference, SignUpForm form, String notice, Invitation invitation,
            String token, Instant now) {
        return Templates.conference(conference, AgendaView.of(conference), conference.registrationState(now),
                conference.isPast(now), ItemChoices.of(conference), Question.listShown(conference), form, notice,
                invitation, token);
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
