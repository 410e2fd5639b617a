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
import de.konferenzbuero.backoffice.RegistrationAdmin;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.registration.Occupancy;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;
import de.konferenzbuero.registration.WaitlistPositions;
import de.konferenzbuero.web.attendee.ItemChoices;
import de.konferenzbuero.web.attendee.SignUpForm;

/** A conference's registrations: table with counts, search and filters; one registration; adding by hand. */
@Path("/organiser/conferences/{id}/registrations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class RegistrationsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Conference conference, RegistrationAdmin.Page registrations,
                Occupancy.Report occupancy, RegistrationAdmin.Needs needs, RegistrationAdmin.Filter filter,
                List<RegistrationStatus> statuses, int pendingCount, WaitlistPositions positions, String notice);

        static native TemplateInstance add(Conference conference, ItemChoices choices, SignUpForm form);

        static native TemplateInstance registration(Registration registration, List<RegistrationAdmin.Step> history,
                RegistrationEditForm form, String notice);
    }

    private final RegistrationAdmin admin;
    private final ConferenceEditing conferences;
    private final Occupancy occupancy;
    private final CurrentOrganiser current;
    private final PageContext page;

    public RegistrationsResource(RegistrationAdmin admin, ConferenceEditing conferences, Occupancy occupancy,
            CurrentOrganiser current, PageContext page) {
        this.admin = admin;
        this.conferences = conferences;
        this.occupancy = occupancy;
        this.current = current;
        this.page = page;
    }

    @GET
    public TemplateInstance list(@PathParam("id") long id, @QueryParam("q") String query,
            @QueryParam("status") String status, @QueryParam("attendance") String attendance,
            @QueryParam("item") String item, @QueryParam("page") String page, @QueryParam("notice") String notice) {
        Conference conference = conferences.find(current.get(), id);
        RegistrationAdmin.Filter filter = new RegistrationAdmin.Filter(query, parse(RegistrationStatus.class, status),
                parse(Attendance.class, attendance), parseLong(item));
        Long number = parseLong(page);
        int pageNumber = number == null || number < 1 ? 1 : (int) Math.min(number, Integer.MAX_VALUE);
        return Templates.list(conference, admin.search(current.get(), id, filter, pageNumber), occupancy.of(conference),
                admin.needs(current.get(), id), filter, List.of(RegistrationStatus.values()),
                (int) Registration.count("conference = ?1 and status = ?2", conference, RegistrationStatus.PENDING),
                WaitlistPositions.of(id), notice);
    }

    @GET
    @Path("/new")
    public TemplateInstance addForm(@PathParam("id") long id) {
        Conference conference = conferences.find(current.get(), id);
        return Templates.add(conference, ItemChoices.of(conference), SignUpForm.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Conference conference = conferences.find(current.get(), id);
        SignUpForm form = SignUpForm.of(fields);
        Attendance onlyMode = conference.attendances().size() == 1 ? conference.attendances().get(0) : null;
        try {
            Registration added = admin.add(current.get(), id, form.toSignUp(onlyMode, page.locale()));
            return seeOther("/organiser/conferences/" + id + "/registrations/" + added.id + "?notice=added");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            return Response.status(400).entity(Templates.add(conference, ItemChoices.of(conference), form)).build();
        }
    }

    @GET
    @Path("/{registrationId}")
    public TemplateInstance registration(@PathParam("id") long id, @PathParam("registrationId") long registrationId,
            @QueryParam("notice") String notice) {
        Registration registration = admin.find(current.get(), id, registrationId);
        return Templates.registration(registration, admin.history(registration), RegistrationEditForm.of(registration),
                notice);
    }

    @POST
    @Path("/{registrationId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @PathParam("registrationId") long registrationId,
            MultivaluedMap<String, String> fields) {
        RegistrationEditForm form = RegistrationEditForm.of(fields);
        try {
            admin.edit(current.get(), id, registrationId, form.toEdit());
            return seeOther(path(id, registrationId) + "?notice=saved");
        } catch (InvalidInput e) {
            form.reject(e.problems(), page.locale());
            Registration registration = admin.find(current.get(), id, registrationId);
            return Response.status(400)
                    .entity(Templates.registration(registration, admin.history(registration), form, null)).build();
        }
    }

    @POST
    @Path("/{registrationId}/cancel")
    public Response cancel(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        admin.cancel(current.get(), id, registrationId);
        return seeOther(path(id, registrationId) + "?notice=cancelled");
    }

    @POST
    @Path("/{registrationId}/promote")
    public Response promote(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        admin.promote(current.get(), id, registrationId);
        return seeOther(path(id, registrationId) + "?notice=promoted");
    }

    @POST
    @Path("/{registrationId}/bookings/{bookingId}/promote")
    public Response promoteBooking(@PathParam("id") long id, @PathParam("registrationId") long registrationId,
            @PathParam("bookingId") long bookingId) {
        admin.promoteBooking(current.get(), id, registrationId, bookingId);
        return seeOther(path(id, registrationId) + "?notice=promoted");
    }

    private static String path(long id, long registrationId) {
        return "/organiser/conferences/" + id + "/registrations/" + registrationId;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
