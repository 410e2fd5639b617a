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

import de.konferenzbuero.OrganiserMessages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.backoffice.Administration;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.web.FormState;

/** The platform administrator's pages: organisations and organiser accounts. */
@Path("/organiser/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(List<Organisation> organisations, List<Organiser> organisers,
                AdminForm organisationForm, AdminForm organiserForm, String notice, Organiser me);
    }

    /** Both forms of the page; fields named as in the services. */
    public static class AdminForm extends FormState {

        AdminForm() {
            super((field, locale) -> {
                OrganiserMessages m = Texts.organiser(locale);
                return switch (field) {
                case "slug" -> m.adm_slug();
                case "name" -> m.adm_name();
                case "contactEmail" -> m.adm_contact_email();
                case "email" -> m.login_email();
                case "password" -> m.adm_password();
                default -> field;
                };
            });
        }
    }

    private final Administration administration;
    private final CurrentOrganiser current;
    private final PageContext page;

    public AdminResource(Administration administration, CurrentOrganiser current, PageContext page) {
        this.administration = administration;
        this.current = current;
        this.page = page;
    }

    @GET
    public TemplateInstance admin(@QueryParam("notice") String notice) {
        return view(new AdminForm(), new AdminForm(), notice);
    }

    @POST
    @Path("/organisations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createOrganisation(MultivaluedMap<String, String> fields) {
        AdminForm form = new AdminForm();
        form.read(fields);
        try {
            administration.createOrganisation(current.get(), form.valueOrNull("slug"), form.valueOrNull("name"),
                    form.valueOrNull("contactEmail"), form.valueOrNull("website"));
            return seeOther("/organiser/admin?notice=created");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(view(form, new AdminForm(), null)).build();
        }
    }

    @POST
    @Path("/organisers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createOrganiser(MultivaluedMap<String, String> fields) {
        AdminForm form = new AdminForm();
        form.read(fields);
        List<Long> organisations = fields.getOrDefault("organisationIds", List.of()).stream()
                .filter(v -> v.matches("\\d+")).map(Long::valueOf).toList();
        try {
            administration.createOrganiser(current.get(), form.valueOrNull("email"), form.valueOrNull("name"),
                    form.value("password"), form.checked("admin"), organisations);
            return seeOther("/organiser/admin?notice=created");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(view(new AdminForm(), form, null)).build();
        }
    }

    /** Deactivates an account: no login, its sessions end, its API tokens are refused. */
    @POST
    @Path("/organisers/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("id") long id) {
        administration.setActive(current.get(), id, false);
        return seeOther("/organiser/admin?notice=deactivated");
    }

    @POST
    @Path("/organisers/{id}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@PathParam("id") long id) {
        administration.setActive(current.get(), id, true);
        return seeOther("/organiser/admin?notice=activated");
    }

    @POST
    @Path("/organisers/{id}/end-sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endSessions(@PathParam("id") long id) {
        administration.endSessions(current.get(), id);
        return seeOther("/organiser/admin?notice=sessions-ended");
    }

    @POST
    @Path("/organisers/{id}/password-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendPasswordLink(@PathParam("id") long id) {
        administration.sendPasswordReset(current.get(), id, page.locale());
        return seeOther("/organiser/admin?notice=password-link-sent");
    }

    @POST
    @Path("/organisers/{id}/memberships/{organisationId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMembership(@PathParam("id") long id, @PathParam("organisationId") long organisationId) {
        administration.removeMembership(current.get(), id, organisationId);
        return seeOther("/organiser/admin?notice=member-removed");
    }

    private TemplateInstance view(AdminForm organisationForm, AdminForm organiserForm, String notice) {
        return Templates.admin(administration.organisations(), administration.organisers(), organisationForm,
                organiserForm, notice, current.get());
    }
}
