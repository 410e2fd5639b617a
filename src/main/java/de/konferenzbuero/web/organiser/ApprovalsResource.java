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

import de.konferenzbuero.backoffice.Approving;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.registration.Registration;

/**
 * The sign-ups waiting for the organisers' approval, oldest first: select some, optionally write a message, approve or
 * reject them. {@code ?notice=approved|rejected&count=n} after a decision.
 */
@Path("/organiser/conferences/{id}/approvals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class ApprovalsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvals(Conference conference, List<Registration> pending, ApprovalForm form,
                String notice, long count);
    }

    private final Approving approving;
    private final ConferenceEditing conferences;
    private final CurrentOrganiser current;
    private final PageContext page;

    public ApprovalsResource(Approving approving, ConferenceEditing conferences, CurrentOrganiser current,
            PageContext page) {
        this.approving = approving;
        this.conferences = conferences;
        this.current = current;
        this.page = page;
    }

    @GET
    public TemplateInstance approvals(@PathParam("id") long id, @QueryParam("notice") String notice,
            @QueryParam("count") long count) {
        Conference conference = conferences.find(current.get(), id);
        return Templates.approvals(conference, approving.pending(current.get(), id), ApprovalForm.empty(), notice,
                count);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        ApprovalForm form = ApprovalForm.of(fields);
        try {
            if (!form.approving() && !form.rejecting()) {
                throw new InvalidInput("ids", Problem.NOTHING_SELECTED);
            }
            int decided = approving.decide(current.get(), id, form.ids(), form.valueOrNull("message"), form.approving())
                    .size();
            return seeOther("/organiser/conferences/" + id + "/approvals?notice="
                    + (form.approving() ? "approved" : "rejected") + "&count=" + decided);
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            Conference conference = conferences.find(current.get(), id);
            return Response.status(400)
                    .entity(Templates.approvals(conference, approving.pending(current.get(), id), form, null, 0))
                    .build();
        }
    }
}
