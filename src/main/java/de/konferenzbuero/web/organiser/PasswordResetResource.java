package de.konferenzbuero.web.organiser;

import java.util.Optional;

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

import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.organisation.UnknownResetLink;

/**
 * Setting a new password from the one-time link an administrator sent (no login: the link is the proof). An unknown,
 * used or expired link gets 410 and says to ask for a new one. The pages are never cached.
 */
@Path("/organiser/password-reset/{token}")
@Produces(MediaType.TEXT_HTML)
public class PasswordResetResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reset(String token, String email, AccountResource.PasswordForm form);

        static native TemplateInstance invalid();
    }

    private final Accounts accounts;
    private final PageContext page;

    public PasswordResetResource(Accounts accounts, PageContext page) {
        this.accounts = accounts;
        this.page = page;
    }

    @GET
    public Response form(@PathParam("token") String token) {
        Optional<Organiser> organiser = accounts.byResetLink(token);
        return organiser.isEmpty() ? invalid() : noStore(
                Response.ok(Templates.reset(token, organiser.get().email, new AccountResource.PasswordForm())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@PathParam("token") String token, @FormParam("newPassword") String newPassword,
            @FormParam("repeatPassword") String repeatPassword) {
        try {
            accounts.resetPassword(token, newPassword, repeatPassword);
            return ConferencesResource.seeOther("/organiser/login?notice=password-set");
        } catch (UnknownResetLink e) {
            return invalid();
        } catch (InvalidInput e) {
            AccountResource.PasswordForm form = new AccountResource.PasswordForm();
            form.reject(e.problems(), page.locale());
            String email = accounts.byResetLink(token).map(o -> o.email).orElse("");
            return noStore(Response.status(400).entity(Templates.reset(token, email, form)));
        }
    }

    private static Response invalid() {
        return noStore(Response.status(Response.Status.GONE).entity(Templates.invalid()));
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").build();
    }
}
