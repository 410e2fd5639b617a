package de.konferenzbuero.web.attendee;

import static de.konferenzbuero.web.attendee.ConferenceResource.seeOther;

import java.time.Clock;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import de.konferenzbuero.Texts;
import de.konferenzbuero.afterevent.Certificates;
import de.konferenzbuero.afterevent.Feedback;
import de.konferenzbuero.calendar.CalendarFile;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.RegistrationState;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.mail.RegistrationCalendar;
import de.konferenzbuero.privacy.DataExport;
import de.konferenzbuero.privacy.Erasure;
import de.konferenzbuero.privacy.NotErasable;
import de.konferenzbuero.privacy.RetentionDates;
import de.konferenzbuero.privacy.StoredData;
import de.konferenzbuero.qr.QrCodes;
import de.konferenzbuero.registration.ManageLinks;
import de.konferenzbuero.registration.OfferedPlace;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationCancelled;
import de.konferenzbuero.registration.RegistrationClosed;
import de.konferenzbuero.registration.RegistrationService;
import de.konferenzbuero.registration.UnknownRegistration;

/** The attendee's private page behind the manage link: status, items, changes and cancellation. */
@Path("/registrations/{secret}")
@Produces(MediaType.TEXT_HTML)
public class MyRegistrationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance manage(Registration registration, RegistrationState state, ItemChoices choices,
                List<Question> questions, SignUpForm form, String notice, String qr, boolean cancellable,
                RetentionDates retention, boolean erasable, AfterTheEvent after);

        static native TemplateInstance data(String secret, StoredData data);

        static native TemplateInstance erase(Registration registration, boolean erasable);

        static native TemplateInstance cancel(Registration registration);

        static native TemplateInstance confirm(Registration registration);

        static native TemplateInstance offer(Registration registration);
    }

    private final RegistrationService registrations;
    private final ManageLinks links;
    private final RegistrationCalendar calendar;
    private final PageContext page;
    private final Clock clock;
    private final AppConfig config;
    private final DataExport export;
    private final Erasure erasure;
    private final Certificates certificates;
    private final Feedback feedback;

    public MyRegistrationResource(RegistrationService registrations, ManageLinks links, RegistrationCalendar calendar,
            PageContext page, Clock clock, AppConfig config, DataExport export, Erasure erasure,
            Certificates certificates, Feedback feedback) {
        this.certificates = certificates;
        this.feedback = feedback;
        this.export = export;
        this.erasure = erasure;
        this.links = links;
        this.config = config;
        this.registrations = registrations;
        this.calendar = calendar;
        this.page = page;
        this.clock = clock;
    }

    @GET
    public TemplateInstance manage(@PathParam("secret") String secret, @QueryParam("notice") String notice) {
        Registration registration = find(secret);
        return view(registration, SignUpForm.of(registration), notice);
    }

    @POST
    @Path("/items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeItems(@PathParam("secret") String secret, MultivaluedMap<String, String> fields) {
        SignUpForm submitted = SignUpForm.of(fields);
        try {
            registrations.changeItems(secret, submitted.items());
            return seeOther(manageUrl(secret) + "?notice=changed");
        } catch (InvalidInput e) {
            return refused(secret, e);
        } catch (RegistrationClosed | RegistrationCancelled e) {
            return refused(secret, null);
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    @POST
    @Path("/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeAttendance(@PathParam("secret") String secret, MultivaluedMap<String, String> fields) {
        Attendance attendance;
        try {
            attendance = Attendance.valueOf(SignUpForm.of(fields).value("attendance"));
        } catch (IllegalArgumentException e) {
            return refused(secret, new InvalidInput("attendance", Problem.REQUIRED));
        }
        try {
            registrations.changeAttendance(secret, attendance);
            return seeOther(manageUrl(secret) + "?notice=changed");
        } catch (InvalidInput e) {
            return refused(secret, e);
        } catch (RegistrationClosed | RegistrationCancelled e) {
            return refused(secret, null);
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    /** Saves the answers to the organiser's questions; refused answers show the form again with the errors. */
    @POST
    @Path("/answers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeAnswers(@PathParam("secret") String secret, MultivaluedMap<String, String> fields) {
        SignUpForm submitted = SignUpForm.of(fields);
        try {
            registrations.changeAnswers(secret, submitted.answers());
            return seeOther(manageUrl(secret) + "?notice=answers-saved");
        } catch (InvalidInput e) {
            Registration registration = find(secret);
            submitted.choose(registration.wantedItemIds())
                    .asking(Question.listShown(registration.conference), page.locale())
                    .reject(e.problems(), page.locale());
            return Response.status(Response.Status.BAD_REQUEST).entity(view(registration, submitted, null)).build();
        } catch (RegistrationClosed | RegistrationCancelled e) {
            return refused(secret, null);
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    /**
     * The link in the mail of a sign-up that must confirm its address: one button, so that a mail scanner opening the
     * link confirms nothing; a confirmed or ended registration goes straight to its page.
     */
    @GET
    @Path("/confirm")
    public Response askToConfirm(@PathParam("secret") String secret) {
        Registration registration = find(secret);
        if (!registration.awaitsConfirmation()) {
            return seeOther(manageUrl(secret));
        }
        return Response.ok(Templates.confirm(registration)).build();
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("secret") String secret) {
        try {
            Registration registration = registrations.confirmAddress(secret);
            return seeOther(manageUrl(secret) + (registration.holdExpired() ? "" : "?notice=confirmed"));
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    /**
     * The links in the mail of a waitlist offer: the offer with one button to accept and one to decline, so that a mail
     * scanner opening the link decides nothing; without an open offer, the registration's page.
     */
    @GET
    @Path("/offer")
    public Response offer(@PathParam("secret") String secret) {
        Registration registration = find(secret);
        if (!registration.hasOffer() && registration.placeOfferEnds() == null) {
            return seeOther(manageUrl(secret));
        }
        return Response.ok(Templates.offer(registration)).build();
    }

    /**
     * Accepts the offered place: the conference place, or with {@code item} or {@code option} the place of that item or
     * chosen option.
     */
    @POST
    @Path("/offer/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptOffer(@PathParam("secret") String secret, @FormParam("item") String item,
            @FormParam("option") String option) {
        try {
            OfferedPlace place = OfferedPlace.named(item, option);
            if (place != null) {
                boolean accepted = registrations.acceptPlaceOffer(secret, place);
                return seeOther(manageUrl(secret) + (accepted ? "?notice=place-offer-accepted" : ""));
            }
            Registration registration = registrations.acceptOffer(secret);
            return seeOther(manageUrl(secret) + (registration.placeIsTheirs() ? "?notice=offer-accepted" : ""));
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    /** Declines the offered place, as {@link #acceptOffer} names it. */
    @POST
    @Path("/offer/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response declineOffer(@PathParam("secret") String secret, @FormParam("item") String item,
            @FormParam("option") String option) {
        try {
            OfferedPlace place = OfferedPlace.named(item, option);
            if (place != null) {
                boolean declined = registrations.declinePlaceOffer(secret, place);
                return seeOther(manageUrl(secret) + (declined ? "?notice=place-offer-declined" : ""));
            }
            boolean open = find(secret).hasOffer();
            registrations.declineOffer(secret);
            return seeOther(manageUrl(secret) + (open ? "?notice=offer-declined" : ""));
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    /** A new link by mail for one that was passed on: this one stops working at once. */
    @POST
    @Path("/new-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response newLink(@PathParam("secret") String secret) {
        try {
            Registration registration = links.renew(secret);
            return seeOther("/conferences/" + registration.conference.slug + "/link?notice=renewed");
        } catch (RegistrationCancelled e) {
            return seeOther(manageUrl(secret));
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    /** Gives or withdraws the consent to photos and film (the checkbox of the sign-up form). */
    @POST
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeConsents(@PathParam("secret") String secret, MultivaluedMap<String, String> fields) {
        try {
            registrations.changePhotoConsent(secret, SignUpForm.of(fields).checked("photoConsent"));
            return seeOther(manageUrl(secret) + "?notice=consent");
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    /** Everything stored about this registration, readable (Art. 15 GDPR). */
    @GET
    @Path("/data")
    public TemplateInstance data(@PathParam("secret") String secret) {
        return Templates.data(secret, storedData(secret));
    }

    /** The same as a JSON file to keep or take elsewhere. */
    @GET
    @Path("/data.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response dataFile(@PathParam("secret") String secret) {
        return Response.ok(storedData(secret))
                .header("Content-Disposition", "attachment; filename=\"registration-data.json\"").build();
    }

    /** Asks once more before erasing; says why not while the registration still holds a place. */
    @GET
    @Path("/erase")
    public TemplateInstance confirmErase(@PathParam("secret") String secret) {
        Registration registration = find(secret);
        return Templates.erase(registration, Erasure.erasable(registration, clock.instant()));
    }

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@PathParam("secret") String secret) {
        try {
            erasure.bySecret(secret);
            return seeOther("/privacy?notice=erased");
        } catch (NotErasable e) {
            return Response.status(Response.Status.CONFLICT).entity(Templates.erase(find(secret), false)).build();
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    private StoredData storedData(String secret) {
        try {
            return export.bySecret(secret);
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    /** The confirmed entries as a calendar file to import. */
    @GET
    @Path("/calendar.ics")
    @Produces("text/calendar")
    public Response calendarFile(@PathParam("secret") String secret) {
        Registration registration = find(secret);
        if (!registration.placeIsTheirs()) {
            throw new NotFoundException();
        }
        return Response.ok(calendar.download(registration), CalendarFile.MEDIA_TYPE_PUBLISH)
                .header("Content-Disposition", "attachment; filename=\"" + registration.conference.slug + ".ics\"")
                .build();
    }

    /** Asks once more before cancelling; works without JavaScript. */
    @GET
    @Path("/cancel")
    public TemplateInstance confirmCancel(@PathParam("secret") String secret) {
        return Templates.cancel(find(secret));
    }

    @POST
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("secret") String secret) {
        try {
            registrations.cancel(secret);
            return seeOther(manageUrl(secret) + "?notice=cancelled");
        } catch (RegistrationClosed e) {
            Registration registration = find(secret);
            return Response.status(Response.Status.CONFLICT)
                    .entity(view(registration, SignUpForm.of(registration), null)).build();
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    /**
     * The manage page again with the reason a change was refused. It shows the bookings as they are, so saving again
     * never drops a place by accident; {@code problem} is null when registration has closed meanwhile.
     */
    private Response refused(String secret, InvalidInput problem) {
        Registration registration = find(secret);
        SignUpForm form = SignUpForm.of(registration);
        if (problem == null) {
            return Response.status(Response.Status.CONFLICT).entity(view(registration, form, null)).build();
        }
        form.reject(problem.problems(), page.locale());
        return Response.status(Response.Status.BAD_REQUEST).entity(view(registration, form, null)).build();
    }

    private Registration find(String secret) {
        try {
            return registrations.find(secret);
        } catch (UnknownRegistration e) {
            throw new NotFoundException();
        }
    }

    private TemplateInstance view(Registration registration, SignUpForm form, String notice) {
        boolean admitted = registration.placeIsTheirs() && registration.attendance == Attendance.ON_SITE;
        String qr = admitted ? QrCodes.svg(config.baseUrl() + registration.checkinPath(),
                Texts.of(page.locale()).manage_checkin_alt(registration.fullName())) : null;
        return Templates.manage(registration, registration.conference.registrationState(clock.instant()),
                ItemChoices.of(registration.conference), Question.listShown(registration.conference), form, notice, qr,
                registration.conference.takesCancellations(clock.instant()),
                RetentionDates.of(registration.conference, config.privacy()),
                Erasure.erasable(registration, clock.instant()), AfterTheEvent.of(registration, certificates, feedback,
                        registration.conference.endsAt.isBefore(clock.instant())));
    }

    private static String manageUrl(String secret) {
        return "/registrations/" + secret;
    }
}
