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

import de.konferenzbuero.backoffice.WebhookEditing;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.webhook.WebhookEndpoint;
import de.konferenzbuero.webhook.WebhookEvent;

/**
 * The organisation's webhook receivers: list and add (the secret shown once, on the answer itself), and per receiver
 * its delivery log (a given-up delivery sent again), a test event, pause and resume, a new secret, removal.
 * {@code ?notice=} after each step.
 */
@Path("/organiser/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class WebhooksResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(List<WebhookEndpoint> endpoints, List<Organisation> organisations,
                List<WebhookEvent> events, WebhookForm form, String notice);

        static native TemplateInstance endpoint(WebhookEndpoint endpoint, List<WebhookEditing.Logged> log,
                String secret, String notice, int logSize);
    }

    private final WebhookEditing editing;
    private final CurrentOrganiser current;
    private final PageContext page;

    public WebhooksResource(WebhookEditing editing, CurrentOrganiser current, PageContext page) {
        this.editing = editing;
        this.current = current;
        this.page = page;
    }

    @GET
    public TemplateInstance webhooks(@QueryParam("notice") String notice) {
        return list(WebhookForm.empty(), notice);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        WebhookForm form = WebhookForm.of(fields);
        try {
            WebhookEditing.WithSecret created = editing.create(current.get(), form.organisationId(),
                    form.valueOrNull("url"), form.valueOrNull("description"), form.events());
            return withSecret(created);
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(list(form, null)).build();
        }
    }

    @GET
    @Path("/{webhookId}")
    public TemplateInstance endpoint(@PathParam("webhookId") long id, @QueryParam("notice") String notice) {
        return view(id, null, notice);
    }

    @POST
    @Path("/{webhookId}/test")
    public Response test(@PathParam("webhookId") long id) {
        editing.sendTest(current.get(), id);
        return seeOther(base(id) + "?notice=test");
    }

    @POST
    @Path("/{webhookId}/deliveries/{deliveryId}/retry")
    public Response retry(@PathParam("webhookId") long id, @PathParam("deliveryId") long deliveryId) {
        editing.retry(current.get(), id, deliveryId);
        return seeOther(base(id) + "?notice=retry");
    }

    @POST
    @Path("/{webhookId}/pause")
    public Response pause(@PathParam("webhookId") long id) {
        editing.setActive(current.get(), id, false);
        return seeOther(base(id) + "?notice=paused");
    }

    @POST
    @Path("/{webhookId}/resume")
    public Response resume(@PathParam("webhookId") long id) {
        editing.setActive(current.get(), id, true);
        return seeOther(base(id) + "?notice=resumed");
    }

    @POST
    @Path("/{webhookId}/secret")
    public Response renewSecret(@PathParam("webhookId") long id) {
        return withSecret(editing.renewSecret(current.get(), id));
    }

    @POST
    @Path("/{webhookId}/remove")
    public Response remove(@PathParam("webhookId") long id) {
        editing.remove(current.get(), id);
        return seeOther("/organiser/webhooks?notice=removed");
    }

    /**
     * The secret is shown on the answer itself, never in a URL; the organiser area is never cached
     * ({@code Cache-Control: no-store} for all of it).
     */
    private Response withSecret(WebhookEditing.WithSecret done) {
        return Response.ok(view(done.endpoint().id, done.secret(), null)).build();
    }

    private TemplateInstance list(WebhookForm form, String notice) {
        return Templates.webhooks(editing.list(current.get()), ConferencesResource.organisationsOf(current.get()),
                WebhookEvent.subscribable(), form, notice);
    }

    private TemplateInstance view(long id, String secret, String notice) {
        return Templates.endpoint(editing.find(current.get(), id), editing.log(current.get(), id), secret, notice,
                WebhookEditing.LOG_SIZE);
    }

    private static String base(long id) {
        return "/organiser/webhooks/" + id;
    }
}
