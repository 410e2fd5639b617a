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
import de.konferenzbuero.backoffice.Consequences;
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

    /** The hidden field of the CSRF token; the confirmation form carries its own. */
    private static final String CSRF_FIELD = "csrf-token";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agenda(Conference conference, List<AgendaWarning> warnings, AgendaForm form,
                List<AgendaItemKind> kinds, String notice);

        static native TemplateInstance item(Conference conference, AgendaItem item, AgendaForm form,
                List<AgendaItemKind> kinds, DocumentationResource.DocumentForm documentForm, String notice);

        static native TemplateInstance consequences(Conference conference, List<Consequences.Loss> losses,
                String action, List<Field> fields);
    }

    /** A submitted field, posted again with the confirmation. */
    public record Field(String name, String value) {
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
        return view(conference, AgendaForm.startingAt(conference.startsAt), notice);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Conference conference = conferences.find(current.get(), id);
        AgendaForm form = AgendaForm.of(fields);
        try {
            agenda.add(current.get(), id, readable(conference, form, null));
            return seeOther("/organiser/conferences/" + id + "/agenda?notice=added");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(view(conference, form, null)).build();
        }
    }

    @GET
    @Path("/{itemId}")
    public TemplateInstance item(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @QueryParam("notice") String notice) {
        AgendaItem item = agenda.find(current.get(), id, itemId);
        return Templates.item(item.conference, item, AgendaForm.of(item), List.of(AgendaItemKind.values()),
                new DocumentationResource.DocumentForm(), notice);
    }

    @POST
    @Path("/{itemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @PathParam("itemId") long itemId,
            MultivaluedMap<String, String> fields) {
        AgendaItem item = agenda.find(current.get(), id, itemId);
        AgendaForm form = AgendaForm.of(fields);
        String action = "/organiser/conferences/" + id + "/agenda/" + itemId;
        try {
            agenda.update(current.get(), id, itemId, readable(item.conference, form, item), confirmed(fields));
            return seeOther("/organiser/conferences/" + id + "/agenda?notice=saved");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            AgendaItem fresh = agenda.find(current.get(), id, itemId);
            return Response.status(400).entity(Templates.item(fresh.conference, fresh, form,
                    List.of(AgendaItemKind.values()), new DocumentationResource.DocumentForm(), null)).build();
        } catch (Consequences e) {
            return confirm(id, e, action, fields);
        }
    }

    /** Moves an item one place earlier ({@code direction=earlier}) or later within its day. */
    @POST
    @Path("/{itemId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @PathParam("itemId") long itemId,
            MultivaluedMap<String, String> fields) {
        try {
            agenda.move(current.get(), id, itemId, "earlier".equals(fields.getFirst("direction")), confirmed(fields));
            return seeOther("/organiser/conferences/" + id + "/agenda?notice=moved");
        } catch (Consequences e) {
            return confirm(id, e, "/organiser/conferences/" + id + "/agenda/" + itemId + "/move", fields);
        }
    }

    /** Removes an item; one with bookings only after the organiser confirmed that they are cancelled. */
    @POST
    @Path("/{itemId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @PathParam("itemId") long itemId,
            MultivaluedMap<String, String> fields) {
        try {
            agenda.remove(current.get(), id, itemId, confirmed(fields));
            return seeOther("/organiser/conferences/" + id + "/agenda?notice=removed");
        } catch (Consequences e) {
            return confirm(id, e, "/organiser/conferences/" + id + "/agenda/" + itemId + "/remove", fields);
        }
    }

    /** Lists the bookings the change would end, with a button that submits it again, confirmed. */
    private Response confirm(long id, Consequences consequences, String action, MultivaluedMap<String, String> fields) {
        List<Field> again = new ArrayList<>();
        fields.forEach((name, values) -> {
            if (!name.equals("confirmed") && !name.equals(CSRF_FIELD)) {
                values.forEach(value -> again.add(new Field(name, value)));
            }
        });
        return Response.status(409).entity(
                Templates.consequences(conferences.find(current.get(), id), consequences.losses(), action, again))
                .build();
    }

    private static boolean confirmed(MultivaluedMap<String, String> fields) {
        return "true".equals(fields.getFirst("confirmed"));
    }

    private AgendaDraft readable(Conference conference, AgendaForm form, AgendaItem existing) {
        AgendaDraft draft = form.toDraft();
        if (!form.unreadable().isEmpty()) {
            List<FieldProblem> all = new ArrayList<>(form.unreadable());
            agenda.problems(conference, draft, existing).stream()
                    .filter(p -> all.stream().noneMatch(u -> u.field().equals(p.field()))).forEach(all::add);
            throw new InvalidInput(all);
        }
        return draft;
    }

    private TemplateInstance view(Conference conference, AgendaForm form, String notice) {
        return Templates.agenda(conference, agenda.warnings(conference), form, List.of(AgendaItemKind.values()),
                notice);
    }
}
