package de.konferenzbuero.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/**
 * Organiser accounts: bcrypt passwords, throttled logins (after repeated failures an account takes its next attempt
 * only after a wait that doubles with each failure, up to 15 minutes: slows guessing without a lock-out anyone could
 * trigger for long), server-side sessions and API tokens, and the first administrator from configuration.
 */
@ApplicationScoped
public class Accounts {

    /** Wrong passwords in a row that cost nothing but the answer; each further one doubles the wait. */
    public static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration SESSION_TIME = Duration.ofHours(12);
    /** How long an API token works unless chosen otherwise, and the longest it may. */
    public static final int DEFAULT_TOKEN_DAYS = 90;
    public static final int LONGEST_TOKEN_DAYS = 365;
    static final int MIN_PASSWORD_LENGTH = 12;
    /** How long a link to set a new password works. */
    public static final Duration RESET_LINK_TIME = Duration.ofHours(24);

    /** Compared against when the address is unknown, so a wrong address costs as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("konferenzbuero-no-such-account");

    private final Clock clock;
    private final AppConfig config;

    Accounts(Clock clock, AppConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public LoginResult login(String email, String password) {
        Instant now = clock.instant();
        Optional<Organiser> found = email == null ? Optional.empty() : Organiser.findByEmail(email);
        boolean waiting = found.isPresent() && found.get().lockedUntil != null && now.isBefore(found.get().lockedUntil);
        if (found.isEmpty() || !found.get().active || waiting) {
            // the same work and the same answer for an unknown, a deactivated and a waiting account
            BcryptUtil.matches(password == null ? "" : password, DUMMY_HASH);
            return new LoginResult.Failed();
        }
        Organiser organiser = found.get();
        if (password == null || !BcryptUtil.matches(password, organiser.passwordHash)) {
            countFailure(organiser, now);
            return new LoginResult.Failed();
        }
        if (organiser.failedLogins > 0 || organiser.lockedUntil != null) {
            Organiser.update("failedLogins = 0, lockedUntil = null where id = ?1", organiser.id);
        }
        String token = Tokens.next();
        OrganiserSession session = new OrganiserSession();
        session.organiser = organiser;
        session.tokenHash = Tokens.hash(token);
        session.createdAt = now;
        session.expiresAt = now.plus(SESSION_TIME);
        session.persist();
        return new LoginResult.Success(token, session.expiresAt);
    }

    @Transactional
    public void logout(String token) {
        OrganiserSession.delete("tokenHash", Tokens.hash(token));
    }

    /**
     * The organiser changes their own password, proving the current one; every other session of the account ends (a
     * session someone else may hold), the one in use ({@code currentToken}) stays.
     *
     * @throws InvalidInput
     *             when the current password is wrong or the new one too short or not repeated the same
     */
    @Transactional
    public void changePassword(long organiserId, String currentToken, String current, String next, String repeated) {
        Organiser organiser = Organiser.findById(organiserId);
        if (current == null || !BcryptUtil.matches(current, organiser.passwordHash)) {
            throw new InvalidInput("currentPassword", Problem.PASSWORD_WRONG);
        }
        checkNewPassword(next, repeated);
        organiser.passwordHash = BcryptUtil.bcryptHash(next);
        OrganiserSession.delete("organiser.id = ?1 and tokenHash <> ?2", organiserId,
                currentToken == null ? "" : Tokens.hash(currentToken));
        Log.infof("Organiser account %s changed its password; its other sessions ended", organiser.email);
    }

    /**
     * A new one-time link for the account to set a new password (replacing any earlier one); returns the token, which
     * only the mail carries (the database keeps its hash). The current password keeps working until a new one is set.
     */
    @Transactional
    public String startPasswordReset(long organiserId) {
        String token = Tokens.next();
        Organiser organiser = Organiser.findById(organiserId);
        organiser.resetTokenHash = Tokens.hash(token);
        organiser.resetExpiresAt = clock.instant().plus(RESET_LINK_TIME);
        return token;
    }

    /** The account a reset link is for, while the link is unused and not expired. */
    @Transactional
    public Optional<Organiser> byResetLink(String token) {
        return token == null ? Optional.empty() : Organiser.<Organiser> find("resetTokenHash", Tokens.hash(token))
                .firstResultOptional().filter(o -> clock.instant().isBefore(o.resetExpiresAt));
    }

    /**
     * Sets the new password from a reset link, which is used up; every session of the account ends and a wait after
     * failed logins is lifted.
     *
     * @throws UnknownResetLink
     *             when the link is unknown, used or expired
     * @throws InvalidInput
     *             when the new password is too short or not repeated the same
     */
    @Transactional
    public Organiser resetPassword(String token, String next, String repeated) {
        Organiser organiser = byResetLink(token).orElseThrow(UnknownResetLink::new);
        checkNewPassword(next, repeated);
        organiser.passwordHash = BcryptUtil.bcryptHash(next);
        organiser.resetTokenHash = null;
        organiser.resetExpiresAt = null;
        organiser.failedLogins = 0;
        organiser.lockedUntil = null;
        OrganiserSession.delete("organiser.id", organiser.id);
        Log.infof("Organiser account %s set a new password from a reset link; its sessions ended", organiser.email);
        return organiser;
    }

    /** Ends every session of the account; sessions live in the database, so on every instance at once. */
    @Transactional
    public long endSessions(long organiserId) {
        return OrganiserSession.delete("organiser.id", organiserId);
    }

    /** The organiser of a live session. */
    @Transactional
    public Optional<Organiser> bySession(String token) {
        return OrganiserSession.<OrganiserSession> find("tokenHash", Tokens.hash(token)).firstResultOptional()
                .filter(s -> clock.instant().isBefore(s.expiresAt)).map(s -> s.organiser).filter(o -> o.active);
    }

    /** An API token that is neither revoked nor expired, of an active account; its last use is noted. */
    @Transactional
    public Optional<ApiToken> byApiToken(String token) {
        Instant now = clock.instant();
        Optional<ApiToken> found = ApiToken.<ApiToken> find(
                "from ApiToken t join fetch t.organiser left join fetch t.organisation"
                        + " where t.tokenHash = ?1 and t.revokedAt is null and (t.expiresAt is null or t.expiresAt > ?2)",
                Tokens.hash(token), now).firstResultOptional().filter(t -> t.organiser.active);
        found.ifPresent(t -> t.lastUsedAt = now);
        return found;
    }

    /** Creates a read-write API token valid for {@value #DEFAULT_TOKEN_DAYS} days. */
    @Transactional
    public String createApiToken(long organiserId, String name) {
        return createApiToken(organiserId, name, false, DEFAULT_TOKEN_DAYS, null);
    }

    /**
     * Creates an API token and returns it; it is shown once and stored only as a hash.
     *
     * {@code organisationId} limits it to that organisation, which the account must manage; null: all of the account's.
     *
     * @throws InvalidInput
     *             without a name or with one too long, with a validity outside 1 to {@value #LONGEST_TOKEN_DAYS} days,
     *             or with an organisation the account does not manage
     */
    @Transactional
    public String createApiToken(long organiserId, String name, boolean readOnly, int days, Long organisationId) {
        List<FieldProblem> problems = new ArrayList<>();
        Checks.text(problems, "name", name, 100);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (days < 1 || days > LONGEST_TOKEN_DAYS) {
            throw new InvalidInput("days", Problem.TOO_LONG);
        }
        Organiser organiser = Organiser.findById(organiserId);
        Organisation organisation = organisationId == null ? null : Organisation.findById(organisationId);
        if (organisationId != null && (organisation == null || !organiser.memberOf(organisation))) {
            throw new InvalidInput("organisationId", Problem.REQUIRED);
        }
        String token = Tokens.next();
        ApiToken apiToken = new ApiToken();
        apiToken.organiser = organiser;
        apiToken.organisation = organisation;
        apiToken.name = name.strip();
        apiToken.tokenHash = Tokens.hash(token);
        apiToken.createdAt = clock.instant();
        apiToken.expiresAt = apiToken.createdAt.plus(Duration.ofDays(days));
        apiToken.readOnly = readOnly;
        apiToken.persist();
        return token;
    }

    @Transactional
    public void revokeApiToken(long organiserId, long tokenId) {
        ApiToken.<ApiToken> find("id = ?1 and organiser.id = ?2", tokenId, organiserId).firstResultOptional()
                .ifPresent(t -> t.revokedAt = clock.instant());
    }

    public List<ApiToken> apiTokens(long organiserId) {
        return ApiToken.list(
                "from ApiToken t left join fetch t.organisation where t.organiser.id = ?1"
                        + " and t.revokedAt is null and (t.expiresAt is null or t.expiresAt > ?2) order by t.id",
                organiserId, clock.instant());
    }

    /** Creates an account; the password needs at least {@value #MIN_PASSWORD_LENGTH} characters. */
    @Transactional
    public Organiser create(String email, String name, String password, boolean admin,
            Set<Organisation> organisations) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", Problem.PASSWORD_TOO_SHORT);
        }
        if (email == null || !email.contains("@")) {
            throw new InvalidInput("email", Problem.EMAIL_INVALID);
        }
        if (Organiser.findByEmail(email).isPresent()) {
            throw new InvalidInput("email", Problem.EMAIL_TAKEN);
        }
        Organiser organiser = new Organiser();
        organiser.email = email.strip().toLowerCase(Locale.ROOT);
        organiser.name = name == null || name.isBlank() ? organiser.email : name.strip();
        organiser.passwordHash = BcryptUtil.bcryptHash(password);
        organiser.admin = admin;
        organiser.organisations.addAll(organisations);
        organiser.createdAt = clock.instant();
        organiser.persist();
        return organiser;
    }

    /**
     * The first administrator, from {@code konferenzbuero.admin.email} and
     * {@code konferenzbuero.admin.initial-password} (environment variables in production), created only while no
     * administrator exists. Instances starting together take turns (a transaction lock in the database), so one creates
     * the account and the others find it.
     */
    @Transactional
    void createFirstAdmin(@Observes StartupEvent event) {
        Organiser.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('first-admin'))")
                .getSingleResult();
        if (Organiser.count("admin", true) > 0) {
            return;
        }
        if (config.admin().email().isEmpty() || config.admin().initialPassword().isEmpty()) {
            Log.warn(
                    "No administrator exists, so nobody can log in to the organiser area: set KONFERENZBUERO_ADMIN_EMAIL"
                            + " and KONFERENZBUERO_ADMIN_INITIAL_PASSWORD and restart");
            return;
        }
        create(config.admin().email().get(), "Administrator", config.admin().initialPassword().get(), true, Set.of());
        Log.infof("Created the first administrator %s from configuration", config.admin().email().get());
    }

    /** A new password: at least {@value #MIN_PASSWORD_LENGTH} characters, repeated the same. */
    private static void checkNewPassword(String next, String repeated) {
        if (next == null || next.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("newPassword", Problem.PASSWORD_TOO_SHORT);
        }
        if (!next.equals(repeated)) {
            throw new InvalidInput("repeatPassword", Problem.PASSWORDS_DIFFER);
        }
    }

    /**
     * One more failure, counted in one statement so that parallel wrong passwords all count; from the
     * {@value #FREE_FAILURES}th on, the next attempt waits {@link #FIRST_WAIT}, doubled with every further failure.
     */
    private void countFailure(Organiser organiser, Instant now) {
        int failures = ((Number) Organiser.getEntityManager().createNativeQuery("""
                update organiser set failed_logins = failed_logins + 1 where id = ?1 returning failed_logins
                """).setParameter(1, organiser.id).getSingleResult()).intValue();
        if (failures >= FREE_FAILURES) {
            Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(10, failures - FREE_FAILURES));
            Instant next = now.plus(wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT);
            Organiser.getEntityManager()
                    .createNativeQuery("update organiser set locked_until = greatest(locked_until, ?2) where id = ?1")
                    .setParameter(1, organiser.id).setParameter(2, next).executeUpdate();
            Log.warnf("Organiser account %s: %d failed logins in a row, next attempt from %s", organiser.email,
                    failures, next);
        }
    }
}
