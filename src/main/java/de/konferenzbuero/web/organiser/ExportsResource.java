package de.konferenzbuero.web.organiser;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.backoffice.AgendaEditing;
import de.konferenzbuero.backoffice.AttendeeExport;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.backoffice.RegistrationAdmin;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;

/** Attendee lists: CSV and XLSX downloads, a printable list and name badges, per conference or bookable item. */
@Path("/organiser")
@RolesAllowed("organiser")
public class ExportsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exports(Conference conference);

        static native TemplateInstance print(Conference conference, AgendaItem item, List<List<String>> rows);

        static native TemplateInstance badges(Conference conference, List<Registration> registrations);
    }

    private final AttendeeExport export;
    private final ConferenceEditing conferences;
    private final AgendaEditing agenda;
    private final RegistrationAdmin registrations;
    private final CurrentOrganiser current;
    private final PageContext page;

    public ExportsResource(AttendeeExport export, ConferenceEditing conferences, AgendaEditing agenda,
            RegistrationAdmin registrations, CurrentOrganiser current, PageContext page) {
        this.export = export;
        this.conferences = conferences;
        this.agenda = agenda;
        this.registrations = registrations;
        this.current = current;
        this.page = page;
    }

    @GET
    @Path("/conferences/{id}/exports")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance exports(@PathParam("id") long id) {
        return Templates.exports(conferences.find(current.get(), id));
    }

    @GET
    @Path("/conferences/{id}/attendees.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") long id, @QueryParam("item") Long itemId) {
        Conference conference = conferences.find(current.get(), id);
        return download(export.csv(export.rows(current.get(), id, itemId, page.locale())), "text/csv; charset=UTF-8",
                fileName(conference, itemId, "csv"));
    }

    /** The consent log of the conference: every consent given or withdrawn, in order. */
    @GET
    @Path("/conferences/{id}/consents.csv")
    @Produces("text/csv")
    public Response consents(@PathParam("id") long id) {
        Conference conference = conferences.find(current.get(), id);
        return download(export.csv(export.consentRows(conference, page.locale())), "text/csv; charset=UTF-8",
                conference.slug + "-consents.csv");
    }

    @GET
    @Path("/conferences/{id}/attendees.xlsx")
    @Produces(XLSX)
    public Response xlsx(@PathParam("id") long id, @QueryParam("item") Long itemId) {
        Conference conference = conferences.find(current.get(), id);
        return download(export.xlsx(export.rows(current.get(), id, itemId, page.locale()), conference.slug), XLSX,
                fileName(conference, itemId, "xlsx"));
    }

    @GET
    @Path("/conferences/{id}/print")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance print(@PathParam("id") long id, @QueryParam("item") Long itemId) {
        Conference conference = conferences.find(current.get(), id);
        AgendaItem item = itemId == null ? null : agenda.find(current.get(), id, itemId);
        return Templates.print(conference, item, export.rows(current.get(), id, itemId, page.locale()));
    }

    @GET
    @Path("/conferences/{id}/badges")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance badges(@PathParam("id") long id) {
        Conference conference = conferences.find(current.get(), id);
        return Templates.badges(conference, registrations.all(current.get(), id,
                new RegistrationAdmin.Filter(null, RegistrationStatus.CONFIRMED, null, null)));
    }

    private static Response download(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static String fileName(Conference conference, Long itemId, String extension) {
        return conference.slug + (itemId == null ? "" : "-programmpunkt-" + itemId) + "-teilnehmende." + extension;
    }
}
