package de.konferenzbuero.web.organiser;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.backoffice.AuditEntry;
import de.konferenzbuero.backoffice.ConferenceDraft;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.privacy.RetentionDates;
import de.konferenzbuero.registration.Occupancy;
import de.konferenzbuero.registration.PlaceCounts;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;

/** The organiser's conferences: overview, create, edit, publish, cancel, duplicate, change log. */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class ConferencesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<Conference> upcoming, List<Conference> past,
                java.util.Map<Long, Occupancy.Report> occupancy);

        static native TemplateInstance conference(Conference conference, Occupancy.Report occupancy,
                List<PlaceCounts.Drift> drift, String notice, long count, RetentionDates retention, Instant now);

        static native TemplateInstance edit(Conference conference, ConferenceForm form,
                List<Organisation> organisations, List<ConferenceFormat> formats, String notice);

        static native TemplateInstance cancel(Conference conference, long active);

        static native TemplateInstance audit(Conference conference, List<AuditEntry> entries);
    }

    private final ConferenceEditing editing;
    private final Occupancy occupancy;
    private final PlaceCounts placeCounts;
    private final CurrentOrganiser current;
    private final PageContext page;
    private final AppConfig config;
    private final Clock clock;

    public ConferencesResource(ConferenceEditing editing, Occupancy occupancy, PlaceCounts placeCounts,
            CurrentOrganiser current, PageContext page, AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.editing = editing;
        this.occupancy = occupancy;
        this.placeCounts = placeCounts;
        this.current = current;
        this.page = page;
    }

    @GET
    public TemplateInstance dashboard() {
        List<Conference> conferences = editing.list(current.get());
        java.util.Map<Long, Occupancy.Report> reports = occupancy.of(conferences);
        Instant now = clock.instant();
        // upcoming ones soonest first, past ones most recent first
        return Templates.dashboard(
                conferences.stream().filter(c -> !c.endsAt.isBefore(now))
                        .sorted(java.util.Comparator.comparing((Conference c) -> c.startsAt)).toList(),
                conferences.stream().filter(c -> c.endsAt.isBefore(now)).toList(), reports);
    }

    @GET
    @Path("/conferences/new")
    public TemplateInstance newForm() {
        ConferenceForm form = ConferenceForm.empty();
        organisations().stream().findFirst().ifPresent(o -> form.put("organisationId", String.valueOf(o.id)));
        return Templates.edit(null, form, organisations(), List.of(ConferenceFormat.values()), null);
    }

    @POST
    @Path("/conferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        ConferenceForm form = ConferenceForm.of(fields);
        try {
            ConferenceDraft draft = readable(form, null);
            Conference created = editing.create(current.get(), draft);
            return seeOther("/organiser/conferences/" + created.id + "?notice=created");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400)
                    .entity(Templates.edit(null, form, organisations(), List.of(ConferenceFormat.values()), null))
                    .build();
        }
    }

    @GET
    @Path("/conferences/{id}")
    public TemplateInstance conference(@PathParam("id") long id, @QueryParam("notice") String notice,
            @QueryParam("count") long count) {
        Conference conference = editing.find(current.get(), id);
        return Templates.conference(conference, occupancy.of(conference), placeCounts.drift(conference.id), notice,
                count, RetentionDates.of(conference, config.privacy()), clock.instant());
    }

    @GET
    @Path("/conferences/{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id, @QueryParam("notice") String notice) {
        Conference conference = editing.find(current.get(), id);
        return Templates.edit(conference, ConferenceForm.of(conference), organisations(),
                List.of(ConferenceFormat.values()), notice);
    }

    @POST
    @Path("/conferences/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        ConferenceForm form = ConferenceForm.of(fields);
        try {
            editing.find(current.get(), id);
            editing.update(current.get(), id, readable(form, id));
            return seeOther("/organiser/conferences/" + id + "?notice=saved");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(Templates.edit(editing.find(current.get(), id), form, organisations(),
                    List.of(ConferenceFormat.values()), null)).build();
        }
    }

    @POST
    @Path("/conferences/{id}/publish")
    public Response publish(@PathParam("id") long id) {
        editing.publish(current.get(), id);
        return seeOther("/organiser/conferences/" + id + "?notice=published");
    }

    @GET
    @Path("/conferences/{id}/cancel")
    public TemplateInstance confirmCancel(@PathParam("id") long id) {
        Conference conference = editing.find(current.get(), id);
        return Templates.cancel(conference,
                Registration.count("conference = ?1 and status <> ?2", conference, RegistrationStatus.CANCELLED));
    }

    @POST
    @Path("/conferences/{id}/cancel")
    public Response cancel(@PathParam("id") long id) {
        int told = editing.cancel(current.get(), id);
        return seeOther("/organiser/conferences/" + id + "?notice=cancelled&count=" + told);
    }

    @POST
    @Path("/conferences/{id}/duplicate")
    public Response duplicate(@PathParam("id") long id) {
        Conference copy = editing.duplicate(current.get(), id);
        return seeOther("/organiser/conferences/" + copy.id + "/edit?notice=duplicated");
    }

    @GET
    @Path("/conferences/{id}/audit")
    public TemplateInstance audit(@PathParam("id") long id) {
        Conference conference = editing.find(current.get(), id);
        return Templates.audit(conference, AuditEntry.forConference(id, 500));
    }

    /** The draft if every field could be read; else all problems at once, the unreadable and the others. */
    private ConferenceDraft readable(ConferenceForm form, Long id) {
        ConferenceDraft draft = form.toDraft();
        if (!form.unreadable().isEmpty()) {
            List<FieldProblem> all = new java.util.ArrayList<>(form.unreadable());
            editing.problems(draft, id).stream().filter(p -> all.stream().noneMatch(u -> u.field().equals(p.field())))
                    .forEach(all::add);
            throw new InvalidInput(all);
        }
        return draft;
    }

    private List<Organisation> organisations() {
        return organisationsOf(current.get());
    }

    /** The organisations an account works for, by name: every one for an administrator. */
    static List<Organisation> organisationsOf(Organiser organiser) {
        return organiser.admin ? Organisation.list("order by name")
                : organiser.organisations.stream().sorted(java.util.Comparator.comparing(o -> o.name)).toList();
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
