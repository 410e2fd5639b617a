package de.konferenzbuero.web.organiser;

import static de.konferenzbuero.web.organiser.ConferencesResource.seeOther;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import de.konferenzbuero.Texts;
import de.konferenzbuero.backoffice.AgendaEditing;
import de.konferenzbuero.backoffice.Documentation;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.web.FormState;

/** Adding and removing the documentation links of an agenda item, from its edit page. */
@Path("/organiser/conferences/{id}/agenda/{itemId}/documents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class DocumentationResource {

    /** The form for a new link: documentTitle and documentUrl. */
    public static class DocumentForm extends FormState {

        DocumentForm() {
            super((field, locale) -> field.equals("documentUrl") ? Texts.after(locale).document_url()
                    : Texts.after(locale).document_title());
        }
    }

    private final Documentation documentation;
    private final AgendaEditing agenda;
    private final CurrentOrganiser current;
    private final PageContext page;

    public DocumentationResource(Documentation documentation, AgendaEditing agenda, CurrentOrganiser current,
            PageContext page) {
        this.documentation = documentation;
        this.agenda = agenda;
        this.current = current;
        this.page = page;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, @PathParam("itemId") long itemId,
            MultivaluedMap<String, String> fields) {
        DocumentForm form = new DocumentForm();
        form.read(fields);
        try {
            documentation.add(current.get(), id, itemId, form.valueOrNull("documentTitle"),
                    form.valueOrNull("documentUrl"));
            return seeOther("/organiser/conferences/" + id + "/agenda/" + itemId + "?notice=document-added");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            AgendaItem item = agenda.find(current.get(), id, itemId);
            return Response.status(400).entity(AgendaResource.Templates.item(item.conference, item, AgendaForm.of(item),
                    List.of(AgendaItemKind.values()), form, null)).build();
        }
    }

    @POST
    @Path("/{position}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @PathParam("position") int position) {
        documentation.remove(current.get(), id, itemId, position);
        return seeOther("/organiser/conferences/" + id + "/agenda/" + itemId + "?notice=document-removed");
    }
}
