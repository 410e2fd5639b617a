package de.konferenzbuero.web.organiser;

import static de.konferenzbuero.web.organiser.ConferencesResource.seeOther;

import java.time.Clock;
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
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.Texts;
import de.konferenzbuero.afterevent.ConferenceNotOver;
import de.konferenzbuero.afterevent.Feedback;
import de.konferenzbuero.afterevent.NobodyCheckedIn;
import de.konferenzbuero.backoffice.AfterEventEditing;
import de.konferenzbuero.backoffice.AttendeeExport;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.web.FormState;

/**
 * After the event: the settings for certificates, follow-up mails, documentation and survey; sending the follow-up
 * mails; all certificates as one ZIP; the survey's results as charts with their tables, and as CSV.
 */
@Path("/organiser/conferences/{id}/after")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class AfterEventResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance after(Conference conference, AfterEventForm form,
                AfterEventEditing.Figures figures, Feedback.Results results, boolean over, String notice, long thanked,
                long missed, List<Integer> ratings, boolean signature, FormState signatureForm);
    }

    /** The settings form: signer, followUpHours, documentationUrl, feedbackOpen. */
    public static class AfterEventForm extends FormState {

        AfterEventForm() {
            super((field, locale) -> switch (field) {
            case "signer" -> Texts.after(locale).org_signer();
            case "followUpHours" -> Texts.after(locale).org_follow_up_hours();
            case "signature" -> Texts.after(locale).org_signature();
            default -> Texts.after(locale).org_documentation();
            });
        }

        static AfterEventForm of(Conference c) {
            AfterEventForm form = new AfterEventForm();
            form.put("signer", c.certificateSigner);
            form.put("followUpHours", c.followUpAfterHours == null ? null : c.followUpAfterHours.toString());
            form.put("documentationUrl", c.documentationUrl);
            form.put("feedbackOpen", c.feedbackOpen ? "on" : null);
            return form;
        }
    }

    private final AfterEventEditing editing;
    private final AttendeeExport export;
    private final CurrentOrganiser current;
    private final PageContext page;
    private final Clock clock;

    public AfterEventResource(AfterEventEditing editing, AttendeeExport export, CurrentOrganiser current,
            PageContext page, Clock clock) {
        this.editing = editing;
        this.export = export;
        this.current = current;
        this.page = page;
        this.clock = clock;
    }

    @GET
    public TemplateInstance after(@PathParam("id") long id, @QueryParam("notice") String notice,
            @QueryParam("thanked") long thanked, @QueryParam("missed") long missed) {
        Conference conference = editing.find(current.get(), id);
        return view(conference, AfterEventForm.of(conference), notice, thanked, missed);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        AfterEventForm form = new AfterEventForm();
        form.read(fields);
        try {
            editing.save(current.get(), id, form.valueOrNull("signer"), form.valueOrNull("followUpHours"),
                    form.valueOrNull("documentationUrl"), form.checked("feedbackOpen"));
            return seeOther("/organiser/conferences/" + id + "/after?notice=saved");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(view(editing.find(current.get(), id), form, null, 0, 0)).build();
        }
    }

    /** The signature image, sent as a file of the multipart form. */
    @POST
    @Path("/signature")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response saveSignature(@PathParam("id") long id, @RestForm("signature") FileUpload file) {
        try {
            byte[] image = file == null ? new byte[0] : java.nio.file.Files.readAllBytes(file.uploadedFile());
            editing.saveSignature(current.get(), id, image);
            return seeOther("/organiser/conferences/" + id + "/after?notice=signature-saved");
        } catch (InvalidInput e) {
            AfterEventForm form = new AfterEventForm();
            form.reject(e.problems(), page.locale());
            Conference conference = editing.find(current.get(), id);
            return Response.status(400).entity(view(conference, AfterEventForm.of(conference), null, 0, 0, form))
                    .build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @POST
    @Path("/signature/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeSignature(@PathParam("id") long id) {
        editing.removeSignature(current.get(), id);
        return seeOther("/organiser/conferences/" + id + "/after?notice=signature-removed");
    }

    @POST
    @Path("/follow-ups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendFollowUps(@PathParam("id") long id) {
        try {
            var sent = editing.sendFollowUps(current.get(), id);
            return seeOther("/organiser/conferences/" + id + "/after?notice=sent&thanked=" + sent.thanked() + "&missed="
                    + sent.missed());
        } catch (ConferenceNotOver e) {
            return seeOther("/organiser/conferences/" + id + "/after?notice=not-over");
        } catch (NobodyCheckedIn e) {
            return seeOther("/organiser/conferences/" + id + "/after?notice=nobody-checked-in");
        }
    }

    @GET
    @Path("/certificates.zip")
    @Produces("application/zip")
    public Response certificates(@PathParam("id") long id) {
        Conference conference = editing.find(current.get(), id);
        var issued = editing.issueCertificates(current.get(), id);
        StreamingOutput zip = out -> editing.zip(issued, out);
        return Response.ok(zip, "application/zip").header("Content-Disposition", "attachment; filename=\""
                + conference.slug + "-" + Texts.certificate(page.locale()).file_name() + ".zip\"").build();
    }

    @GET
    @Path("/feedback.csv")
    @Produces("text/csv")
    public Response feedbackCsv(@PathParam("id") long id) {
        Conference conference = editing.find(current.get(), id);
        var m = Texts.after(page.locale());
        Feedback.Results results = editing.results(conference);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(m.csv_question(), m.csv_answers(), m.csv_mean(), "5", "4", "3", "2", "1"));
        if (results.shown()) {
            rows.add(row(m.survey_overall(), results.overall(), page.locale()));
        }
        for (Feedback.Ratings item : results.items()) {
            rows.add(row(item.label(), item, page.locale()));
        }
        for (String comment : results.comments()) {
            rows.add(List.of(m.survey_comment(), comment, "", "", "", "", "", ""));
        }
        return Response.ok(export.csv(rows), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + conference.slug + "-feedback.csv\"").build();
    }

    private static List<String> row(String label, Feedback.Ratings ratings, java.util.Locale locale) {
        List<String> row = new ArrayList<>(
                List.of(label, String.valueOf(ratings.total()), String.format(locale, "%.1f", ratings.mean())));
        for (int rating : Feedback.RATINGS) {
            row.add(String.valueOf(ratings.count(rating)));
        }
        return row;
    }

    private TemplateInstance view(Conference conference, AfterEventForm form, String notice, long thanked,
            long missed) {
        return view(conference, form, notice, thanked, missed, new AfterEventForm());
    }

    private TemplateInstance view(Conference conference, AfterEventForm form, String notice, long thanked, long missed,
            AfterEventForm signatureForm) {
        return Templates.after(conference, form, editing.figures(conference), editing.results(conference),
                conference.endsAt.isBefore(clock.instant()), notice, thanked, missed, Feedback.RATINGS,
                editing.hasSignature(conference), signatureForm);
    }
}
