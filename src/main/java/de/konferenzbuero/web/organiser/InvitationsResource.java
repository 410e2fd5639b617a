package de.konferenzbuero.web.organiser;

import static de.konferenzbuero.web.organiser.ConferencesResource.seeOther;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.backoffice.Inviting;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.registration.Invitation;

/**
 * Contingents and invitations of one conference: reserve places for a group, release them, invite an address by mail,
 * create a shared link (shown once), withdraw an invitation. {@code ?notice=} after each step.
 */
@Path("/organiser/conferences/{id}/invitations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class InvitationsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitations(Conference conference, List<Invitation> invitations,
                InvitationForm contingentForm, InvitationForm personalForm, InvitationForm sharedForm, String notice,
                String newLink);
    }

    private final Inviting inviting;
    private final ConferenceEditing conferences;
    private final CurrentOrganiser current;
    private final PageContext page;

    public InvitationsResource(Inviting inviting, ConferenceEditing conferences, CurrentOrganiser current,
            PageContext page) {
        this.inviting = inviting;
        this.conferences = conferences;
        this.current = current;
        this.page = page;
    }

    @GET
    public TemplateInstance invitations(@PathParam("id") long id, @QueryParam("notice") String notice) {
        return view(id, InvitationForm.empty(), InvitationForm.empty(), InvitationForm.empty(), notice, null);
    }

    @POST
    @Path("/contingents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createContingent(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        InvitationForm form = InvitationForm.of(fields);
        try {
            inviting.createContingent(current.get(), id, form.contingent());
            return seeOther(base(id) + "?notice=contingent");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400)
                    .entity(view(id, form, InvitationForm.empty(), InvitationForm.empty(), null, null)).build();
        }
    }

    @POST
    @Path("/contingents/{contingent}/release")
    public Response release(@PathParam("id") long id, @PathParam("contingent") long contingent) {
        inviting.release(current.get(), id, contingent);
        return seeOther(base(id) + "?notice=released");
    }

    @POST
    @Path("/personal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        InvitationForm form = InvitationForm.of(fields);
        try {
            inviting.invite(current.get(), id, form.personal());
            return seeOther(base(id) + "?notice=sent");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400)
                    .entity(view(id, InvitationForm.empty(), form, InvitationForm.empty(), null, null)).build();
        }
    }

    /** The new link is shown on the answer itself (not after a redirect): its secret is not stored. */
    @POST
    @Path("/shared")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response share(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        InvitationForm form = InvitationForm.of(fields);
        try {
            Inviting.SharedLink shared = inviting.share(current.get(), id, form.shared());
            return Response.ok(view(id, InvitationForm.empty(), InvitationForm.empty(), InvitationForm.empty(), "code",
                    shared.link())).header("Cache-Control", "no-store").build();
        } catch (InvalidInput e) {
            form.reject(InvitationForm.sharedFields(e.problems()), page.locale());
            return Response.status(400)
                    .entity(view(id, InvitationForm.empty(), InvitationForm.empty(), form, null, null)).build();
        }
    }

    @POST
    @Path("/{invitation}/revoke")
    public Response revoke(@PathParam("id") long id, @PathParam("invitation") long invitation) {
        inviting.revoke(current.get(), id, invitation);
        return seeOther(base(id) + "?notice=revoked");
    }

    private TemplateInstance view(long id, InvitationForm contingentForm, InvitationForm personalForm,
            InvitationForm sharedForm, String notice, String newLink) {
        Conference conference = conferences.find(current.get(), id);
        return Templates.invitations(conference, inviting.invitations(current.get(), id), contingentForm, personalForm,
                sharedForm, notice, newLink);
    }

    private static String base(long id) {
        return "/organiser/conferences/" + id + "/invitations";
    }
}
