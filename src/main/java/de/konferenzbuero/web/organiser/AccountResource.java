package de.konferenzbuero.web.organiser;

import java.net.URI;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.Texts;
import de.konferenzbuero.http.OrganiserAuthentication;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.web.FormState;

/** The organiser's own account: change the password (which ends the account's other sessions). */
@Path("/organiser/account")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(FormState form, String notice);
    }

    private final Accounts accounts;
    private final CurrentOrganiser current;
    private final PageContext page;

    public AccountResource(Accounts accounts, CurrentOrganiser current, PageContext page) {
        this.accounts = accounts;
        this.current = current;
        this.page = page;
    }

    @GET
    public TemplateInstance account(@QueryParam("notice") String notice) {
        return Templates.account(new PasswordForm(), notice);
    }

    /** Passwords are never shown again, not even after an error. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@CookieParam(OrganiserAuthentication.SESSION_COOKIE) String session,
            @FormParam("currentPassword") String currentPassword, @FormParam("newPassword") String newPassword,
            @FormParam("repeatPassword") String repeatPassword) {
        try {
            accounts.changePassword(current.get().id, session, currentPassword, newPassword, repeatPassword);
            return Response.seeOther(URI.create("/organiser/account?notice=password-changed")).build();
        } catch (InvalidInput e) {
            PasswordForm form = new PasswordForm();
            form.reject(e.problems(), page.locale());
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.account(form, null)).build();
        }
    }

    /** The password form; it keeps no values. */
    static class PasswordForm extends FormState {
        PasswordForm() {
            super(PasswordForm::label);
        }

        static String label(String field, Locale locale) {
            var m = Texts.organiser(locale);
            return switch (field) {
            case "currentPassword" -> m.acc_current_password();
            case "newPassword" -> m.acc_new_password();
            default -> m.acc_repeat_password();
            };
        }
    }
}
