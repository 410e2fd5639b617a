package de.konferenzbuero.web.attendee;

import static de.konferenzbuero.web.attendee.ConferenceResource.seeOther;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.Texts;
import de.konferenzbuero.afterevent.AlreadyAnswered;
import de.konferenzbuero.afterevent.Feedback;
import de.konferenzbuero.afterevent.SurveyClosed;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationService;
import de.konferenzbuero.registration.UnknownRegistration;
import de.konferenzbuero.web.FormState;

/** The feedback survey after the event, through the registration's private link: one answer each. */
@Path("/registrations/{secret}/feedback")
@Produces(MediaType.TEXT_HTML)
public class FeedbackResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feedback(Registration registration, List<AgendaItem> items, FeedbackForm form,
                boolean answered, List<Integer> ratings);
    }

    /** The survey form: {@code overall}, {@code item-<id>} and {@code comment}; errors name the item they are about. */
    public static class FeedbackForm extends FormState {

        FeedbackForm(List<AgendaItem> items) {
            super((field, locale) -> switch (field) {
            case "overall" -> Texts.after(locale).survey_overall();
            case "comment" -> Texts.after(locale).survey_comment();
            default -> items.stream().filter(i -> field.equals("item-" + i.id)).map(i -> i.title).findFirst()
                    .orElse(Texts.after(locale).survey_item());
            });
        }

        /** The rating given to an agenda item (field {@code item-<id>}). */
        public String item(Long id) {
            return value("item-" + id);
        }

        public boolean itemHasError(Long id) {
            return hasError("item-" + id);
        }

        public String itemError(Long id) {
            return error("item-" + id);
        }
    }

    private final RegistrationService registrations;
    private final Feedback feedback;
    private final PageContext page;

    public FeedbackResource(RegistrationService registrations, Feedback feedback, PageContext page) {
        this.registrations = registrations;
        this.feedback = feedback;
        this.page = page;
    }

    @GET
    public TemplateInstance form(@PathParam("secret") String secret) {
        Registration registration = find(secret);
        return view(registration, new FeedbackForm(feedback.itemsToRate(registration)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("secret") String secret, MultivaluedMap<String, String> fields) {
        Registration registration = find(secret);
        FeedbackForm form = new FeedbackForm(feedback.itemsToRate(registration));
        form.read(fields);
        Map<Long, String> ratings = new HashMap<>();
        for (AgendaItem item : feedback.itemsToRate(registration)) {
            ratings.put(item.id, form.valueOrNull("item-" + item.id));
        }
        try {
            feedback.answer(registration.id, form.valueOrNull("overall"), ratings, form.valueOrNull("comment"));
            return seeOther("/registrations/" + secret + "?notice=feedback");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(view(registration, form)).build();
        } catch (AlreadyAnswered e) {
            return seeOther("/registrations/" + secret + "/feedback");
        } catch (SurveyClosed e) {
            throw new NotFoundException();
        }
    }

    private TemplateInstance view(Registration registration, FeedbackForm form) {
        if (!feedback.isOpenTo(registration)) {
            throw new NotFoundException();
        }
        return Templates.feedback(registration, feedback.itemsToRate(registration), form,
                feedback.hasAnswered(registration), Feedback.RATINGS);
    }

    private Registration find(String secret) {
        try {
            return registrations.find(secret);
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }
}
