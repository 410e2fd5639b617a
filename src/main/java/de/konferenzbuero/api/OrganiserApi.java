package de.konferenzbuero.api;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;

import de.konferenzbuero.backoffice.AgendaDraft;
import de.konferenzbuero.backoffice.AgendaEditing;
import de.konferenzbuero.backoffice.Approving;
import de.konferenzbuero.backoffice.AttendeeExport;
import de.konferenzbuero.backoffice.CheckIn;
import de.konferenzbuero.backoffice.ConferenceDraft;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.backoffice.RegistrationAdmin;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.http.OrganiserIdentities;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.Occupancy;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;
import de.konferenzbuero.registration.WaitlistPositions;

/**
 * The organiser JSON API, authenticated with an API token ({@code Authorization: Bearer ...}); it calls the same
 * services as the organiser pages and sees only the organiser's own conferences.
 */
@Path("/api/organiser")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OrganiserIdentities.READER)
public class OrganiserApi {

    /**
     * A conference as organisers see it: the public facts plus id, version, double opt-in, waitlist offers (null:
     * automatic promotion), whether sign-ups wait for approval, and the occupancy.
     */
    public record ConferenceView(long id, int version, boolean confirmEmail, int confirmWithinHours, Integer offerHours,
            boolean approvalRequired, ConferenceJson.Detail conference) {
    }

    /** Which pending registrations to approve or reject, and an optional message to them. */
    public record Decision(List<Long> ids, String message) {
    }

    /** A registration as organisers see it. */
    public record RegistrationView(long id, String firstName, String lastName, String email, String organisation,
            String role, Attendance attendance, RegistrationStatus status, long waitlistPosition,
            List<RegistrationJson.ItemJson> items, boolean needsWheelchair, boolean needsSignLanguage,
            boolean needsInductionLoop, String needsOther, String dietaryNeeds, boolean photoConsent,
            java.time.OffsetDateTime checkedInAt, List<QuestionJson.AnswerJson> answers) {

        static RegistrationView of(Registration r) {
            return of(r, WaitlistPositions.of(r.conference.id));
        }

        static RegistrationView of(Registration r, WaitlistPositions positions) {
            return new RegistrationView(r.id, r.firstName, r.lastName, r.email, r.organisation, r.role, r.attendance,
                    r.status, positions.of(r),
                    r.activeBookings().stream()
                            .map(b -> new RegistrationJson.ItemJson(b.item.id, b.item.title, b.status, positions.of(b),
                                    r.keptUntilSwap(b)))
                            .toList(),
                    r.needsWheelchair, r.needsSignLanguage, r.needsInductionLoop, r.needsOther, r.dietaryNeeds,
                    r.photoConsent, ConferenceJson.time(r.checkedInAt), QuestionJson.answers(r));
        }
    }

    /** The answer to a check-in. */
    public record CheckInView(CheckIn.Outcome outcome, RegistrationView registration) {
    }

    private final ConferenceEditing conferences;
    private final AgendaEditing agenda;
    private final RegistrationAdmin registrations;
    private final AttendeeExport export;
    private final CheckIn checkIn;
    private final Occupancy occupancy;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Approving approving;

    public OrganiserApi(ConferenceEditing conferences, AgendaEditing agenda, RegistrationAdmin registrations,
            AttendeeExport export, CheckIn checkIn, Occupancy occupancy, SecurityIdentity identity, Clock clock,
            Approving approving) {
        this.approving = approving;
        this.conferences = conferences;
        this.agenda = agenda;
        this.registrations = registrations;
        this.export = export;
        this.checkIn = checkIn;
        this.occupancy = occupancy;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/conferences")
    public List<ConferenceView> conferences() {
        Long scope = OrganisationScope.of(identity);
        List<Conference> list = conferences.list(organiser()).stream()
                .filter(c -> scope == null || scope.equals(c.organisation.id)).toList();
        Map<Long, Occupancy.Report> reports = occupancy.of(list);
        Map<Long, List<Question>> questions = Question.listShown(list);
        return list.stream().map(c -> view(c, reports.get(c.id), questions.get(c.id))).toList();
    }

    @RolesAllowed("organiser")
    @POST
    @Path("/conferences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ConferenceDraft draft) {
        Long scope = OrganisationScope.of(identity);
        if (scope != null && !scope.equals(required(draft).organisationId())) {
            // a key for one organisation creates conferences only there
            throw new InvalidInput("organisationId", Problem.REQUIRED);
        }
        Conference created = conferences.create(organiser(), required(draft));
        return Response.created(URI.create("/api/organiser/conferences/" + created.id)).entity(view(created)).build();
    }

    @GET
    @Path("/conferences/{id}")
    public ConferenceView conference(@PathParam("id") long id) {
        return view(conferences.find(organiser(), id));
    }

    /**
     * Replaces the conference's facts; {@code version} must be the one last read (else 400, edited by someone else).
     */
    @RolesAllowed("organiser")
    @PUT
    @Path("/conferences/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConferenceView update(@PathParam("id") long id, ConferenceDraft draft) {
        conferences.update(organiser(), id, required(draft));
        return conference(id);
    }

    @RolesAllowed("organiser")
    @POST
    @Path("/conferences/{id}/publish")
    public ConferenceView publish(@PathParam("id") long id) {
        conferences.publish(organiser(), id);
        return conference(id);
    }

    /** Cancels the conference: every active registration is cancelled and told by mail. */
    @RolesAllowed("organiser")
    @POST
    @Path("/conferences/{id}/cancel")
    public ConferenceView cancel(@PathParam("id") long id) {
        conferences.cancel(organiser(), id);
        return conference(id);
    }

    @RolesAllowed("organiser")
    @POST
    @Path("/conferences/{id}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addItem(@PathParam("id") long id, AgendaDraft draft) {
        AgendaItem item = agenda.add(organiser(), id, required(draft));
        return Response.created(URI.create("/api/organiser/conferences/" + id + "/agenda/" + item.id))
                .entity(conference(id)).build();
    }

    /**
     * Changes an item. A change that would end bookings (overlaps after a move, no longer bookable) answers 409 listing
     * them, changing nothing, unless {@code confirm=true}.
     */
    @RolesAllowed("organiser")
    @PUT
    @Path("/conferences/{id}/agenda/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConferenceView updateItem(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @QueryParam("confirm") boolean confirm, AgendaDraft draft) {
        agenda.update(organiser(), id, itemId, required(draft), confirm);
        return conference(id);
    }

    /** Removes an item; one with bookings answers 409 listing them unless {@code cancelBookings=true}. */
    @RolesAllowed("organiser")
    @DELETE
    @Path("/conferences/{id}/agenda/{itemId}")
    public ConferenceView removeItem(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @QueryParam("cancelBookings") boolean cancelBookings) {
        agenda.remove(organiser(), id, itemId, cancelBookings);
        return conference(id);
    }

    @GET
    @Path("/conferences/{id}/registrations")
    public List<RegistrationView> registrations(@PathParam("id") long id, @QueryParam("q") String query,
            @QueryParam("status") RegistrationStatus status, @QueryParam("attendance") Attendance attendance,
            @QueryParam("item") Long item) {
        List<Registration> found = registrations.all(organiser(), id,
                new RegistrationAdmin.Filter(query, status, attendance, item));
        WaitlistPositions positions = WaitlistPositions.of(id);
        return found.stream().map(r -> RegistrationView.of(r, positions)).toList();
    }

    /** One registration, as a webhook's {@code data.registration.api} link reads it. */
    @GET
    @Path("/conferences/{id}/registrations/{registrationId}")
    public RegistrationView registration(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        return RegistrationView.of(registrations.find(organiser(), id, registrationId));
    }

    @GET
    @Path("/conferences/{id}/registrations.csv")
    @Produces("text/csv")
    public Response registrationsCsv(@PathParam("id") long id, @QueryParam("item") Long item) {
        return Response.ok(export.csv(export.rows(organiser(), id, item, Locale.GERMAN)), "text/csv; charset=UTF-8")
                .build();
    }

    @RolesAllowed("organiser")
    @DELETE
    @Path("/conferences/{id}/registrations/{registrationId}")
    public RegistrationView cancelRegistration(@PathParam("id") long id,
            @PathParam("registrationId") long registrationId) {
        registrations.cancel(organiser(), id, registrationId);
        return RegistrationView.of(registrations.find(organiser(), id, registrationId));
    }

    /**
     * Approves pending registrations (oldest first: each takes a free place or joins the waitlist); answers those it
     * approved, leaving out ones no longer pending. 400 when none is given.
     */
    @RolesAllowed("organiser")
    @POST
    @Path("/conferences/{id}/registrations/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<RegistrationView> approve(@PathParam("id") long id, Decision decision) {
        return decide(id, required(decision), true);
    }

    /** Rejects pending registrations; answers those it rejected. 400 when none is given. */
    @RolesAllowed("organiser")
    @POST
    @Path("/conferences/{id}/registrations/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<RegistrationView> reject(@PathParam("id") long id, Decision decision) {
        return decide(id, required(decision), false);
    }

    private List<RegistrationView> decide(long id, Decision decision, boolean approve) {
        List<Long> ids = decision.ids() == null ? List.of() : decision.ids().stream().filter(Objects::nonNull).toList();
        return approving.decide(organiser(), id, ids, decision.message(), approve).stream()
                .map(r -> RegistrationView.of(registrations.find(organiser(), id, r.id))).toList();
    }

    /** Checks the attendee with this check-in code in; a second call answers ALREADY_CHECKED_IN. */
    @RolesAllowed("organiser")
    @POST
    @Path("/conferences/{id}/checkins/{code}")
    public CheckInView checkIn(@PathParam("id") long id, @PathParam("code") String code) {
        CheckIn.Result result = checkIn.checkIn(organiser(), id, code);
        return new CheckInView(result.outcome(), result.registration() == null ? null
                : RegistrationView.of(registrations.find(organiser(), id, result.registration().id)));
    }

    private ConferenceView view(Conference c) {
        return view(c, occupancy.of(c), Question.listShown(c));
    }

    private ConferenceView view(Conference c, Occupancy.Report report, List<Question> questions) {
        return new ConferenceView(c.id, c.version, c.confirmEmail, c.confirmWithinHours, c.offerHours,
                c.approvalRequired, ConferenceJson.detail(c, c.registrationState(clock.instant()), report, questions));
    }

    private Organiser organiser() {
        Long id = identity.getAttribute(OrganiserIdentities.ORGANISER_ID);
        return Organiser.findById(id);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return body;
    }
}
