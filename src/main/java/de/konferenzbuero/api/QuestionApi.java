package de.konferenzbuero.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;

import de.konferenzbuero.backoffice.QuestionDraft;
import de.konferenzbuero.backoffice.QuestionEditing;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.http.OrganiserIdentities;
import de.konferenzbuero.organisation.Organiser;

/**
 * The organiser's own questions of a conference: the same operations as the organiser area. Each answers with the
 * conference's questions in their order. A question with answers is only marked removed (its answers stay in the
 * registrations and exports).
 */
@Path("/api/organiser/conferences/{id}/questions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OrganiserIdentities.READER)
public class QuestionApi {

    private final QuestionEditing questions;
    private final SecurityIdentity identity;

    public QuestionApi(QuestionEditing questions, SecurityIdentity identity) {
        this.questions = questions;
        this.identity = identity;
    }

    @GET
    public List<QuestionJson> list(@PathParam("id") long id) {
        return QuestionJson.of(questions.list(organiser(), id));
    }

    @RolesAllowed("organiser")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("id") long id, QuestionDraft draft) {
        Question added = questions.add(organiser(), id, required(draft));
        return Response.created(URI.create("/api/organiser/conferences/" + id + "/questions/" + added.id))
                .entity(list(id)).build();
    }

    /** Replaces a question; {@code version} must be the one last read (else 400, edited by someone else). */
    @RolesAllowed("organiser")
    @PUT
    @Path("/{questionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<QuestionJson> update(@PathParam("id") long id, @PathParam("questionId") long questionId,
            QuestionDraft draft) {
        questions.update(organiser(), id, questionId, required(draft));
        return list(id);
    }

    /** Moves a question one place up ({@code direction=up}) or down. */
    @RolesAllowed("organiser")
    @POST
    @Path("/{questionId}/move")
    public List<QuestionJson> move(@PathParam("id") long id, @PathParam("questionId") long questionId,
            @QueryParam("direction") String direction) {
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw new BadRequestException();
        }
        questions.move(organiser(), id, questionId, "up".equals(direction));
        return list(id);
    }

    @RolesAllowed("organiser")
    @DELETE
    @Path("/{questionId}")
    public List<QuestionJson> remove(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        questions.remove(organiser(), id, questionId);
        return list(id);
    }

    private Organiser organiser() {
        Long id = identity.getAttribute(OrganiserIdentities.ORGANISER_ID);
        return Organiser.findById(id);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return body;
    }
}
