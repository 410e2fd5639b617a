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
import de.konferenzbuero.backoffice.AttendeeMessages;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.web.FormState;

/** Writing to attendees, and the mails of this conference that could not be delivered. */
@Path("/organiser/conferences/{id}/message")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class MessageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance message(Conference conference, MessageForm form, List<OutboxMessage> failed,
                long pending, String notice, long count);
    }

    /** The message form; its fields are audience, item, subject and body. */
    public static class MessageForm extends FormState {

        MessageForm() {
            super((field, locale) -> {
                OrganiserMessages m = Texts.organiser(locale);
                return switch (field) {
                case "subject" -> m.msg_subject();
                case "body" -> m.msg_body();
                default -> m.msg_audience();
                };
            });
        }
    }

    private final AttendeeMessages messages;
    private final ConferenceEditing conferences;
    private final CurrentOrganiser current;
    private final PageContext page;

    public MessageResource(AttendeeMessages messages, ConferenceEditing conferences, CurrentOrganiser current,
            PageContext page) {
        this.messages = messages;
        this.conferences = conferences;
        this.current = current;
        this.page = page;
    }

    @GET
    public TemplateInstance form(@PathParam("id") long id, @QueryParam("notice") String notice,
            @QueryParam("count") long count) {
        MessageForm form = new MessageForm();
        form.put("audience", AttendeeMessages.Audience.CONFIRMED.name());
        return view(id, form, notice, count);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        MessageForm form = new MessageForm();
        form.read(fields);
        try {
            AttendeeMessages.Audience audience = AttendeeMessages.Audience.valueOf(form.value("audience"));
            Long item = form.valueOrNull("item") == null ? null : Long.valueOf(form.value("item"));
            int sent = messages.send(current.get(), id, audience, item, form.valueOrNull("subject"),
                    form.valueOrNull("body"));
            return seeOther("/organiser/conferences/" + id + "/message?notice=sent&count=" + sent);
        } catch (IllegalArgumentException e) {
            form.reject(new InvalidInput("audience", de.konferenzbuero.input.Problem.REQUIRED).problems(),
                    page.locale());
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
        }
        return Response.status(400).entity(view(id, form, null, 0)).build();
    }

    @POST
    @Path("/failed/{mailId}/retry")
    public Response retry(@PathParam("id") long id, @PathParam("mailId") long mailId) {
        messages.retry(current.get(), id, mailId);
        return seeOther("/organiser/conferences/" + id + "/message?notice=retried");
    }

    private TemplateInstance view(long id, MessageForm form, String notice, long count) {
        Conference conference = conferences.find(current.get(), id);
        return Templates.message(conference, form, messages.failed(current.get(), id),
                messages.pending(current.get(), id), notice, count);
    }
}
