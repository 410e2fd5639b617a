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
import de.konferenzbuero.backoffice.QuestionEditing;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;

/** The organiser's own questions of a conference: list with up/down buttons, add, edit, remove. */
@Path("/organiser/conferences/{id}/questions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class QuestionsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance questions(Conference conference, List<Question> questions, QuestionForm form,
                List<QuestionForm.Condition> conditions, List<QuestionKind> kinds, String notice);

        static native TemplateInstance question(Conference conference, Question question, QuestionForm form,
                List<QuestionForm.Condition> conditions, List<QuestionKind> kinds);
    }

    private static final List<String> NOTICES = List.of("added", "saved", "moved", "removed", "in-use");

    private final QuestionEditing questions;
    private final ConferenceEditing conferences;
    private final CurrentOrganiser current;
    private final PageContext page;

    public QuestionsResource(QuestionEditing questions, ConferenceEditing conferences, CurrentOrganiser current,
            PageContext page) {
        this.questions = questions;
        this.conferences = conferences;
        this.current = current;
        this.page = page;
    }

    @GET
    public TemplateInstance list(@PathParam("id") long id, @QueryParam("notice") String notice) {
        return view(conferences.find(current.get(), id), QuestionForm.empty(),
                notice != null && NOTICES.contains(notice) ? notice : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        QuestionForm form = QuestionForm.of(fields);
        try {
            questions.add(current.get(), id, form.toDraft());
            return seeOther(path(id) + "?notice=added");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(view(conferences.find(current.get(), id), form, null)).build();
        }
    }

    @GET
    @Path("/{questionId}")
    public TemplateInstance question(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        Question question = questions.find(current.get(), id, questionId);
        return edit(question, QuestionForm.of(question));
    }

    @POST
    @Path("/{questionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @PathParam("questionId") long questionId,
            MultivaluedMap<String, String> fields) {
        questions.find(current.get(), id, questionId);
        QuestionForm form = QuestionForm.of(fields);
        try {
            questions.update(current.get(), id, questionId, form.toDraft());
            return seeOther(path(id) + "?notice=saved");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(edit(questions.find(current.get(), id, questionId), form)).build();
        }
    }

    /** Moves a question one place up ({@code direction=up}) or down. */
    @POST
    @Path("/{questionId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @PathParam("questionId") long questionId,
            MultivaluedMap<String, String> fields) {
        try {
            questions.move(current.get(), id, questionId, "up".equals(fields.getFirst("direction")));
            return seeOther(path(id) + "?notice=moved");
        } catch (InvalidInput e) {
            return seeOther(path(id) + "?notice=in-use");
        }
    }

    @POST
    @Path("/{questionId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        try {
            questions.remove(current.get(), id, questionId);
            return seeOther(path(id) + "?notice=removed");
        } catch (InvalidInput e) {
            return seeOther(path(id) + "?notice=in-use");
        }
    }

    private static String path(long id) {
        return "/organiser/conferences/" + id + "/questions";
    }

    private TemplateInstance view(Conference conference, QuestionForm form, String notice) {
        List<Question> list = Question.listShown(conference);
        return Templates.questions(conference, list, form, QuestionForm.conditions(list, null, page.locale()),
                List.of(QuestionKind.values()), notice);
    }

    private TemplateInstance edit(Question question, QuestionForm form) {
        List<Question> list = Question.listShown(question.conference);
        return Templates.question(question.conference, question, form,
                QuestionForm.conditions(list, question, page.locale()), List.of(QuestionKind.values()));
    }
}
