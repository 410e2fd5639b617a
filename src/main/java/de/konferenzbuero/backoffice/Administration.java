package de.konferenzbuero.backoffice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.mail.AccountMails;
import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;

/** The platform administrator's work: organisations and organiser accounts. */
@ApplicationScoped
public class Administration {

    private final Accounts accounts;
    private final AccountMails mails;
    private final Audit audit;

    Administration(Accounts accounts, AccountMails mails, Audit audit) {
        this.accounts = accounts;
        this.mails = mails;
        this.audit = audit;
    }

    public List<Organisation> organisations() {
        return Organisation.list("order by name");
    }

    public List<Organiser> organisers() {
        return Organiser.list("order by name");
    }

    @Transactional
    public Organisation createOrganisation(Organiser admin, String slug, String name, String contactEmail,
            String website) {
        requireAdmin(admin);
        List<FieldProblem> problems = new ArrayList<>();
        if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 80) {
            problems.add(new FieldProblem("slug", Problem.SLUG_INVALID));
        } else if (Organisation.findBySlug(slug).isPresent()) {
            problems.add(new FieldProblem("slug", Problem.SLUG_TAKEN));
        }
        Checks.text(problems, "name", name, 200);
        if (contactEmail != null && !contactEmail.isBlank() && !contactEmail.contains("@")) {
            problems.add(new FieldProblem("contactEmail", Problem.EMAIL_INVALID));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Organisation organisation = new Organisation();
        organisation.slug = slug;
        organisation.name = name.strip();
        organisation.contactEmail = Checks.strippedOrNull(contactEmail);
        organisation.website = Checks.strippedOrNull(website);
        organisation.persist();
        audit.record(admin.email, null, "ORGANISATION", organisation.id, "created", organisation.name);
        return organisation;
    }

    @Transactional
    public Organiser createOrganiser(Organiser admin, String email, String name, String password, boolean makeAdmin,
            List<Long> organisationIds) {
        requireAdmin(admin);
        Set<Organisation> organisations = new HashSet<>();
        for (Long id : organisationIds) {
            Organisation o = Organisation.findById(id);
            if (o != null) {
                organisations.add(o);
            }
        }
        Organiser created = accounts.create(email, name, password, makeAdmin, organisations);
        audit.record(admin.email, null, "ORGANISER", created.id, "created", created.email);
        return created;
    }

    /**
     * Deactivates or reactivates an account. A deactivated account cannot log in, its sessions end at once and its API
     * tokens are refused; reactivating starts no session. An administrator cannot deactivate their own account.
     */
    @Transactional
    public void setActive(Organiser admin, long organiserId, boolean active) {
        requireAdmin(admin);
        Organiser organiser = account(organiserId);
        if (!active && organiser.id.equals(admin.id)) {
            throw new NotYours();
        }
        organiser.active = active;
        if (!active) {
            accounts.endSessions(organiserId);
        }
        audit.record(admin.email, null, "ORGANISER", organiserId, active ? "activated" : "deactivated",
                organiser.email);
    }

    /** Ends every session of an account (a lost laptop): it must log in again. */
    @Transactional
    public void endSessions(Organiser admin, long organiserId) {
        requireAdmin(admin);
        Organiser organiser = account(organiserId);
        long ended = accounts.endSessions(organiserId);
        audit.record(admin.email, null, "ORGANISER", organiserId, "sessions ended", organiser.email + ": " + ended);
    }

    /**
     * Mails the account a one-time link to set a new password (valid {@link Accounts#RESET_LINK_TIME}); the link goes
     * through the outbox like every mail, the current password keeps working until a new one is set.
     */
    @Transactional
    public void sendPasswordReset(Organiser admin, long organiserId, Locale language) {
        requireAdmin(admin);
        Organiser organiser = account(organiserId);
        String token = accounts.startPasswordReset(organiserId);
        mails.passwordReset(organiser, token, organiser.resetExpiresAt, language);
        audit.record(admin.email, null, "ORGANISER", organiserId, "password link sent", organiser.email);
    }

    /** Takes an account out of an organisation: from the next request on it no longer manages its conferences. */
    @Transactional
    public void removeMembership(Organiser admin, long organiserId, long organisationId) {
        requireAdmin(admin);
        Organiser organiser = account(organiserId);
        if (organiser.organisations.removeIf(o -> o.id == organisationId)) {
            audit.record(admin.email, null, "ORGANISER", organiserId, "removed from organisation",
                    organiser.email + ": " + organisationId);
        }
    }

    private static Organiser account(long organiserId) {
        Organiser organiser = Organiser.findById(organiserId);
        if (organiser == null) {
            throw new NotYours();
        }
        return organiser;
    }

    private static void requireAdmin(Organiser organiser) {
        if (!organiser.admin) {
            throw new NotYours();
        }
    }
}
