package de.konferenzbuero.web.organiser;

import static de.konferenzbuero.web.organiser.ConferencesResource.seeOther;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.organisation.ApiToken;
import de.konferenzbuero.organisation.Organisation;

/** An organiser's API keys: create (shown once), list, revoke. */
@Path("/organiser/tokens")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class TokensResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(List<ApiToken> tokens, List<Organisation> organisations, String created,
                boolean nameMissing);
    }

    private final Accounts accounts;
    private final CurrentOrganiser current;

    public TokensResource(Accounts accounts, CurrentOrganiser current) {
        this.accounts = accounts;
        this.current = current;
    }

    @GET
    public TemplateInstance tokens() {
        return page(null, false);
    }

    /** Shows the new token on the response page itself, never in a URL. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("days") String days,
            @FormParam("readOnly") String readOnly, @FormParam("organisationId") String organisationId) {
        try {
            int valid = days != null && days.matches("\\d{1,9}") ? Integer.parseInt(days) : Accounts.DEFAULT_TOKEN_DAYS;
            // "all" or a tampered value that is no id: the account's whole reach, or refused below
            Long organisation = organisationId != null && organisationId.matches("\\d{1,18}")
                    ? Long.valueOf(organisationId) : null;
            String token = accounts.createApiToken(current.get().id, name, readOnly != null, valid, organisation);
            return Response.ok(page(token, false)).header("Cache-Control", "no-store").build();
        } catch (InvalidInput e) {
            // a validity or organisation outside the offered choices only comes from a tampered form: refused
            // without a field error
            boolean nameMissing = e.problems().stream().anyMatch(p -> p.field().equals("name"));
            return Response.status(400).entity(page(null, nameMissing)).build();
        }
    }

    private TemplateInstance page(String created, boolean nameMissing) {
        return Templates.tokens(accounts.apiTokens(current.get().id),
                ConferencesResource.organisationsOf(current.get()), created, nameMissing);
    }

    @POST
    @Path("/{tokenId}/revoke")
    public Response revoke(@PathParam("tokenId") long tokenId) {
        accounts.revokeApiToken(current.get().id, tokenId);
        return seeOther("/organiser/tokens");
    }
}
