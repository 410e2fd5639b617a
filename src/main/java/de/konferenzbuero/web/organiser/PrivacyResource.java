package de.konferenzbuero.web.organiser;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.Texts;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.privacy.DataExport;
import de.konferenzbuero.privacy.Erasure;
import de.konferenzbuero.privacy.RecordOfProcessing;
import de.konferenzbuero.privacy.RequestMatch;
import de.konferenzbuero.web.FormState;

/**
 * Data protection for organisers: answering an access or erasure request (Art. 15 and 17 GDPR) for an e-mail address
 * across all conferences they manage, and the record of processing (Art. 30). The address travels in form bodies only,
 * never in a URL (which ends up in logs and browser histories).
 */
@Path("/organiser/privacy")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class PrivacyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance requests(RequestForm form, String email, List<RequestMatch> matches,
                long erasable, Integer erased);

        static native TemplateInstance record(RecordOfProcessing.View record);
    }

    private final DataExport export;
    private final Erasure erasure;
    private final RecordOfProcessing record;
    private final CurrentOrganiser current;
    private final PageContext page;
    private final Clock clock;

    public PrivacyResource(DataExport export, Erasure erasure, RecordOfProcessing record, CurrentOrganiser current,
            PageContext page, Clock clock) {
        this.export = export;
        this.erasure = erasure;
        this.record = record;
        this.current = current;
        this.page = page;
        this.clock = clock;
    }

    @GET
    public TemplateInstance requests() {
        return Templates.requests(new RequestForm(), null, List.of(), 0, null);
    }

    /** Lists what is stored for the address, and what can be erased at once. */
    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lookup(@FormParam("email") String email) {
        RequestForm form = new RequestForm();
        Optional<String> address = address(email, form);
        if (address.isEmpty()) {
            return Response.status(400).entity(Templates.requests(form, null, List.of(), 0, null)).build();
        }
        return page(200, form, address.get(), null);
    }

    /** The answer to an access request: one JSON file with everything stored about the address. */
    @POST
    @Path("/export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    public Response export(@FormParam("email") String email) {
        RequestForm form = new RequestForm();
        Optional<String> address = address(email, form);
        if (address.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML)
                    .entity(Templates.requests(form, null, List.of(), 0, null)).build();
        }
        var data = Map.of("email", address.get(), "exportedAt", clock.instant(), "registrations",
                export.answer(current.get(), address.get()));
        return Response.ok(data, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"data-request.json\"")
                .header("Cache-Control", "no-store").build();
    }

    /** Erases what can be erased at once, after the organiser confirmed it; active registrations stay listed. */
    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@FormParam("email") String email, @FormParam("confirm") String confirm) {
        RequestForm form = new RequestForm();
        Optional<String> address = address(email, form);
        if (address.isEmpty()) {
            return Response.status(400).entity(Templates.requests(form, null, List.of(), 0, null)).build();
        }
        if (confirm == null) {
            form.reject("confirm", Texts.privacy(page.locale()).req_confirm_missing(), page.locale());
            return page(400, form, address.get(), null);
        }
        int erased = erasure.byOrganiser(current.get(), address.get());
        return page(200, form, address.get(), erased);
    }

    @GET
    @Path("/record")
    public TemplateInstance record() {
        return Templates.record(record.view());
    }

    private Response page(int status, RequestForm form, String address, Integer erased) {
        form.put("email", address);
        List<RequestMatch> matches = export.matches(current.get(), address);
        long erasable = matches.stream().filter(RequestMatch::erasable).count();
        return Response.status(status).entity(Templates.requests(form, address, matches, erasable, erased))
                .header("Cache-Control", "no-store").build();
    }

    private Optional<String> address(String email, RequestForm form) {
        form.put("email", email);
        try {
            return Optional.of(EmailAddresses.required("email", email));
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Optional.empty();
        }
    }

    /** The request form: the address, and the confirmation before erasing. */
    static class RequestForm extends FormState {
        RequestForm() {
            super(RequestForm::label);
        }

        static String label(String field, Locale locale) {
            var m = Texts.privacy(locale);
            return "confirm".equals(field) ? m.req_confirm_label() : m.req_email();
        }
    }
}
