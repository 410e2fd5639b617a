package de.konferenzbuero.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.registration.Answered;
import de.konferenzbuero.registration.ManageLinks;
import de.konferenzbuero.registration.OfferedPlace;
import de.konferenzbuero.registration.RegistrationService;

/** The attendee's registration behind its secret: read, change items or attendance, cancel. */
@Path("/api/registrations/{secret}")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationApi {

    private final RegistrationService registrations;
    private final ManageLinks links;
    private final AppConfig config;

    public RegistrationApi(RegistrationService registrations, ManageLinks links, AppConfig config) {
        this.links = links;
        this.registrations = registrations;
        this.config = config;
    }

    @GET
    public RegistrationJson get(@PathParam("secret") String secret) {
        return RegistrationJson.of(registrations.find(secret), config.baseUrl());
    }

    /** Changes booked items and/or attendance mode in one step, all or nothing; a field left out stays as it is. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public RegistrationJson change(@PathParam("secret") String secret, RegistrationChange change) {
        if (change == null) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        registrations.change(secret, change.attendance(), change.items());
        return get(secret);
    }

    /**
     * Replaces the answers to the organiser's questions (the conference's {@code questions}), while registration is
     * open; the rules of the sign-up apply.
     */
    @PUT
    @Path("/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    public RegistrationJson answers(@PathParam("secret") String secret, List<Answered> answers) {
        if (answers == null) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        registrations.changeAnswers(secret, answers);
        return get(secret);
    }

    /** Confirms the address (double opt-in) with the link from the mail; the held place becomes the attendee's. */
    @POST
    @Path("/confirm")
    public RegistrationJson confirm(@PathParam("secret") String secret) {
        registrations.confirmAddress(secret);
        return get(secret);
    }

    /**
     * Takes the place offered from the waitlist: the conference place, or with {@code ?item=} or {@code ?option=} the
     * place of that workshop or chosen option (see {@code placeOffers}); without an open offer nothing changes.
     */
    @POST
    @Path("/offer/accept")
    public RegistrationJson acceptOffer(@PathParam("secret") String secret, @QueryParam("item") String item,
            @QueryParam("option") String option) {
        OfferedPlace place = OfferedPlace.named(item, option);
        if (place == null) {
            registrations.acceptOffer(secret);
        } else {
            registrations.acceptPlaceOffer(secret, place);
        }
        return get(secret);
    }

    /**
     * Declines the place offered from the waitlist: for the conference place the registration ends; for an item or
     * option ({@code ?item=}, {@code ?option=}) only that place. Either way it goes to the next person.
     */
    @POST
    @Path("/offer/decline")
    public RegistrationJson declineOffer(@PathParam("secret") String secret, @QueryParam("item") String item,
            @QueryParam("option") String option) {
        OfferedPlace place = OfferedPlace.named(item, option);
        if (place == null) {
            registrations.declineOffer(secret);
        } else {
            registrations.declinePlaceOffer(secret, place);
        }
        return get(secret);
    }

    /** A new link by mail for one that was passed on: this secret stops working at once (202). */
    @POST
    @Path("/new-link")
    public Response newLink(@PathParam("secret") String secret) {
        links.renew(secret);
        return Response
                .accepted(new ConferenceApi.Accepted("NEW_LINK_SENT",
                        "A new link has been sent to the registration's e-mail address; this one no longer works."))
                .build();
    }

    /** Cancels the registration; the place goes to the next person waiting. */
    @DELETE
    public RegistrationJson cancel(@PathParam("secret") String secret) {
        registrations.cancel(secret);
        return get(secret);
    }
}
