package de.konferenzbuero.web.organiser;

import static de.konferenzbuero.web.organiser.ConferencesResource.seeOther;

import java.util.ArrayList;
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

import de.konferenzbuero.backoffice.AgendaDraft;
import de.konferenzbuero.backoffice.AgendaEditing;
import de.konferenzbuero.backoffice.AgendaWarning;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;

/** The agenda editor: items by time with warnings, add, edit, remove. */
@Path("/organiser/conferences/{id}/agenda")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class AgendaResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agenda(Conference conference, List<AgendaWarning> warnings, AgendaForm form,
                List<AgendaItemKind> kinds, String notice, String error);

        static native TemplateInstance item(Conference conference, AgendaItem item, AgendaForm form,
                List<AgendaItemKind> kinds);
    }

    private final AgendaEditing agenda;
    private final ConferenceEditing conferences;
    private final CurrentOrganiser current;
    private final PageContext page;

    public AgendaResource(AgendaEditing agenda, ConferenceEditing conferences, CurrentOrganiser current,
            PageContext page) {
        this.agenda = agenda;
        this.conferences = conferences;
        this.current = current;
        this.page = page;
    }

    @GET
    public TemplateInstance list(@PathParam("id") long id, @QueryParam("notice") String notice) {
        Conference conference = conferences.find(current.get(), id);
        return view(conference, AgendaForm.startingAt(conference.startsAt), notice, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Conference conference = conferences.find(current.get(), id);
        AgendaForm form = AgendaForm.of(fields);
        try {
            agenda.add(current.get(), id, readable(form, null));
            return seeOther("/organiser/conferences/" + id + "/agenda?notice=added");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(view(conference, form, null, null)).build();
        }
    }

    @GET
    @Path("/{itemId}")
    public TemplateInstance item(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        AgendaItem item = agenda.find(current.get(), id, itemId);
        return Templates.item(item.conference, item, AgendaForm.of(item), List.of(AgendaItemKind.values()));
    }

    @POST
    @Path("/{itemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @PathParam("itemId") long itemId,
            MultivaluedMap<String, String> fields) {
        AgendaItem item = agenda.find(current.get(), id, itemId);
        AgendaForm form = AgendaForm.of(fields);
        try {
            agenda.update(current.get(), id, itemId, readable(form, item));
            return seeOther("/organiser/conferences/" + id + "/agenda?notice=saved");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            AgendaItem fresh = agenda.find(current.get(), id, itemId);
            return Response.status(400)
                    .entity(Templates.item(fresh.conference, fresh, form, List.of(AgendaItemKind.values()))).build();
        }
    }

    /** Moves an item one place earlier ({@code direction=earlier}) or later within its day. */
    @POST
    @Path("/{itemId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @jakarta.ws.rs.FormParam("direction") String direction) {
        agenda.move(current.get(), id, itemId, "earlier".equals(direction));
        return seeOther("/organiser/conferences/" + id + "/agenda?notice=moved");
    }

    @POST
    @Path("/{itemId}/remove")
    public Response remove(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        try {
            agenda.remove(current.get(), id, itemId);
            return seeOther("/organiser/conferences/" + id + "/agenda?notice=removed");
        } catch (InvalidInput e) {
            Conference conference = conferences.find(current.get(), id);
            return Response.status(409).entity(view(conference, AgendaForm.startingAt(conference.startsAt), null,
                    de.konferenzbuero.Texts.of(page.locale()).problem(e.problems().get(0).problem()))).build();
        }
    }

    private AgendaDraft readable(AgendaForm form, AgendaItem existing) {
        AgendaDraft draft = form.toDraft();
        if (!form.unreadable().isEmpty()) {
            List<FieldProblem> all = new ArrayList<>(form.unreadable());
            agenda.problems(draft, existing).stream()
                    .filter(p -> all.stream().noneMatch(u -> u.field().equals(p.field()))).forEach(all::add);
            throw new InvalidInput(all);
        }
        return draft;
    }

    private TemplateInstance view(Conference conference, AgendaForm form, String notice, String error) {
        return Templates.agenda(conference, agenda.warnings(conference), form, List.of(AgendaItemKind.values()), notice,
                error);
    }
}
