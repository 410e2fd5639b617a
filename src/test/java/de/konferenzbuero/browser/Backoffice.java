package de.konferenzbuero.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.afterevent.Certificates;
import de.konferenzbuero.afterevent.Feedback;
import de.konferenzbuero.backoffice.CheckIn;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.backoffice.Inviting;
import de.konferenzbuero.backoffice.QuestionDraft;
import de.konferenzbuero.backoffice.QuestionEditing;
import de.konferenzbuero.backoffice.RegistrationAdmin;
import de.konferenzbuero.backoffice.WebhookEditing;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.conference.Contingent;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.conference.Speaker;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.mail.OutboxStatus;
import de.konferenzbuero.organisation.Accounts;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.Answered;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationService;
import de.konferenzbuero.registration.SignUp;
import de.konferenzbuero.registration.SignUpService;
import de.konferenzbuero.webhook.WebhookDispatcher;
import de.konferenzbuero.webhook.WebhookEvent;

/**
 * The organiser area's test data for the page walks of {@link AccessibilityTest} and {@link SecurityHeadersTest}: a
 * hybrid conference of the demo organiser (KTS) with content on every back-office page, plus a draft and a cancelled
 * one (every status badge on the dashboard). Made once per app start ({@link #get()}, found again by its slug), with
 * the same services organisers and attendees use, so the audit log and the outbox fill as they would:
 * <ul>
 * <li>agenda: a keynote with speakers, two parallel workshops in the same room (a room warning), an excursion;</li>
 * <li>{@link #confirmed}: on site, workshop, accessibility and dietary needs; its mail was given up (the message page
 * lists it); {@link #code} is its check-in code, not yet used;</li>
 * <li>{@link #checkedIn}: added by hand, checked in; an online registration taking the one place of the small workshop;
 * {@link #itemWaitlisted}: confirmed, waiting for that workshop; {@link #waitlisted}: on the conference's waiting list
 * (on site is full); {@link #pending}: signed up after the conference began to ask for approval, waiting for it;</li>
 * <li>an API key of the demo organiser, and an account of its own for a login with a wrong password
 * ({@link #LOGIN_EMAIL}).</li>
 * </ul>
 */
record Backoffice(long conference, long draft, long cancelled, long workshop, long smallWorkshop, long confirmed,
        long checkedIn, long itemWaitlisted, long waitlisted, long pending, String code, long question,
        String confirmedSecret, String pendingSecret) {

    static final String SLUG = "barrierefrei-veranstalter";
    static final String TITLE = "Barrierefreiheit im Veranstalterbereich";
    static final String WORKSHOP = "Werkstatt Datenplattform";
    static final String SMALL_WORKSHOP = "Werkstatt Bürgerbeteiligung";
    static final String TOKEN_NAME = "Export für die Barrierefreiheitsprüfung";
    /** An account of its own for the login form with a wrong password, so no demo account comes near its lock. */
    static final String LOGIN_EMAIL = "falsches-passwort.barrierefrei@example.org";

    private static Backoffice made;

    /** The test data, made on first use in this app. */
    static synchronized Backoffice get() {
        if (made == null
                || QuarkusTransaction.requiringNew().call(() -> Conference.findById(made.conference)) == null) {
            if (QuarkusTransaction.requiringNew().call(() -> Conference.findBySlug(SLUG).isEmpty())) {
                make();
            }
            made = load();
        }
        return made;
    }

    private static String invitationToken;

    /**
     * The secret of a shared invitation link to the conference, with a contingent of two online places; made on first
     * use.
     */
    static synchronized String invitation() {
        Backoffice b = get();
        if (invitationToken == null) {
            invitationToken = QuarkusTransaction.requiringNew().call(() -> {
                Inviting inviting = Arc.container().instance(Inviting.class).get();
                Contingent k = inviting.createContingent(organiser(), b.conference,
                        new Inviting.ContingentDraft("Netzwerk Barrierefreiheit", Attendance.ONLINE, 2, null));
                String link = inviting
                        .share(organiser(), b.conference,
                                new Inviting.InvitationDraft("Netzwerk Barrierefreiheit", null, 100, k.id, null))
                        .link();
                return link.substring(link.lastIndexOf('/') + 1);
            });
        }
        return invitationToken;
    }

    /**
     * A conference of the demo organiser held two days ago: Ilse and Otto attended (Ilse answered the survey and has
     * her certificate, whose code is {@code code}), Karl had a place and did not come.
     */
    record Past(long conference, String answeredSecret, String attendedSecret, String code) {
    }

    private static Past past;

    static synchronized Past past() {
        if (past == null) {
            String slug = SLUG + "-nachlese";
            Conference c = TestConferences.create(slug, conf -> {
                conf.title = "Nachlese: " + TITLE;
                conf.certificateSigner = "Dr. Maria Muster, Projektleitung";
                conf.documentationUrl = "https://www.example.org/nachlese";
            });
            AgendaItem workshop = TestConferences.addItem(c, "Werkstatt Nachlese", AgendaItemKind.WORKSHOP,
                    c.startsAt.plus(Duration.ofHours(2)), Duration.ofMinutes(90), 20);
            Registration ilse = signUp(slug, "Ilse", "Nachlese", "ilse", List.of(workshop.id));
            Registration otto = signUp(slug, "Otto", "Nachlese", "otto", List.of());
            signUp(slug, "Karl", "Nachlese", "karl", List.of());
            QuarkusTransaction.requiringNew().run(() -> {
                var em = Arc.container().instance(jakarta.persistence.EntityManager.class).get();
                em.createNativeQuery(
                        "update registration set checked_in_at = now() - interval '2 days'" + " where id in (?1, ?2)")
                        .setParameter(1, ilse.id).setParameter(2, otto.id).executeUpdate();
                em.createNativeQuery("update conference set starts_at = now() - interval '2 days', ends_at = now()"
                        + " - interval '2 days' + interval '7 hours', registration_opens_at = now() - interval"
                        + " '10 days' where id = ?1").setParameter(1, c.id).executeUpdate();
            });
            Arc.container().instance(de.konferenzbuero.backoffice.Documentation.class).get().add(organiser(), c.id,
                    workshop.id, "Folien der Werkstatt (PDF)", "https://www.example.org/werkstatt.pdf");
            Arc.container().instance(Feedback.class).get().answer(ilse.id, "5", java.util.Map.of(workshop.id, "4"),
                    "Sehr gute Werkstatt, gern wieder.");
            Arc.container().instance(Certificates.class).get().pdf(ilse.id);
            past = QuarkusTransaction.requiringNew()
                    .call(() -> new Past(c.id, Registration.<Registration> findById(ilse.id).manageSecret,
                            Registration.<Registration> findById(otto.id).manageSecret,
                            Registration.<Registration> findById(ilse.id).certificateCode));
        }
        return past;
    }

    private static Registration signUp(String slug, String firstName, String lastName, String who, List<Long> items) {
        SignUp signUp = new SignUp(firstName, lastName, email(who), "Stadt Lemgo", "Digitalisierung",
                Attendance.ON_SITE, items, false, false, false, null, null, true, false, "de", List.of());
        Object result = Arc.container().instance(SignUpService.class).get().signUp(slug, signUp,
                de.konferenzbuero.registration.ConsentChannel.FORM);
        return ((de.konferenzbuero.registration.SignUpResult.Registered) result).registration();
    }

    private static Long webhookId;

    /**
     * A webhook receiver of the conference's organisation that could not be reached once (its log shows the attempt),
     * then paused so it gets no events of other tests; made on first use.
     */
    static synchronized long webhook() {
        Backoffice b = get();
        if (webhookId == null) {
            WebhookEditing editing = Arc.container().instance(WebhookEditing.class).get();
            long organisation = QuarkusTransaction.requiringNew()
                    .call(() -> Conference.<Conference> findById(b.conference).organisation.id);
            long id = editing.create(organiser(), organisation, "http://127.0.0.1:9/barrierefrei", "Stadt-App",
                    java.util.EnumSet.of(WebhookEvent.REGISTRATION_CREATED)).endpoint().id;
            editing.sendTest(organiser(), id);
            Arc.container().instance(WebhookDispatcher.class).get().dispatchDue();
            editing.setActive(organiser(), id, false);
            webhookId = id;
        }
        return webhookId;
    }

    /** Conference paths: {@code path("/agenda")} is "/organiser/conferences/{id}/agenda". */
    String path(String rest) {
        return "/organiser/conferences/" + conference + rest;
    }

    private static void make() {
        Instant start = Instant.now().plus(Duration.ofDays(35));
        Conference conference = TestConferences.create(SLUG, c -> {
            c.title = TITLE;
            c.motto = "Alle Seiten für alle";
            c.description = "Eine Konferenz, an der die Seiten des Veranstalterbereichs geprüft werden.";
            c.status = ConferenceStatus.DRAFT;
            c.format = ConferenceFormat.HYBRID;
            c.startsAt = start;
            c.endsAt = start.plus(Duration.ofHours(8));
            c.onsiteCapacity = 3;
            c.onlineCapacity = 50;
            c.onlineAccessLink = "https://video.example.org/barrierefrei";
            c.audience = "Verwaltungen und Netzwerke";
            c.contactName = "Konferenzbüro KTS";
            c.contactEmail = "kontakt@kts.example";
            c.venue.street = "Marktplatz 1";
            c.venue.postalCode = "32657";
            c.venue.accessibility = "Stufenloser Zugang, Induktionsschleife im Saal.";
        });
        AgendaItem keynote = TestConferences.addItem(conference, "Eröffnung und Impuls", AgendaItemKind.KEYNOTE, start,
                Duration.ofHours(1), null);
        AgendaItem workshop = TestConferences.addItem(conference, WORKSHOP, AgendaItemKind.WORKSHOP,
                start.plus(Duration.ofHours(1)), Duration.ofHours(2), 20);
        AgendaItem small = TestConferences.addItem(conference, SMALL_WORKSHOP, AgendaItemKind.WORKSHOP,
                start.plus(Duration.ofHours(1)), Duration.ofHours(2), 1);
        AgendaItem excursion = TestConferences.addItem(conference, "Exkursion zum Reallabor", AgendaItemKind.EXCURSION,
                start.plus(Duration.ofHours(4)), Duration.ofMinutes(90), 15);
        QuarkusTransaction.requiringNew().run(() -> {
            AgendaItem k = AgendaItem.findById(keynote.id);
            k.location = "Großer Saal";
            k.description = "Warum Barrierefreiheit bei der Anmeldung beginnt.";
            k.speakers.add(new Speaker("Dr. Maria Beispiel", "Beigeordnete", "Stadt Lemgo"));
            k.speakers.add(new Speaker("Jonas Muster", null, "KTS"));
            AgendaItem.<AgendaItem> findById(workshop.id).location = "Raum 2.14";
            AgendaItem.<AgendaItem> findById(small.id).location = "Raum 2.14";
            AgendaItem.<AgendaItem> findById(excursion.id).location = "Treffpunkt Foyer";
        });

        Organiser organiser = organiser();
        ConferenceEditing editing = Arc.container().instance(ConferenceEditing.class).get();
        editing.publish(organiser, conference.id);
        List<Long> questions = addQuestions(organiser, conference.id);

        Registration confirmed = signUp("Erika", "Mustermann", "erika", Attendance.ON_SITE, List.of(workshop.id), true,
                "Bitte einen Platz nahe der Tür.", "vegetarisch");
        signUp("Max", "Online", "max", Attendance.ONLINE, List.of(small.id), false, null, null);
        signUp("Jana", "Wartend", "jana", Attendance.ON_SITE, List.of(small.id), false, null, "laktosefrei");
        Registration byHand = Arc.container().instance(RegistrationAdmin.class).get().add(organiser, conference.id,
                signUpOf("Hans", "Telefon", "hans", Attendance.ON_SITE, List.of(), false, null, null));
        signUp("Lena", "Warteliste", "lena", Attendance.ON_SITE, List.of(), false, null, null);
        // from now on sign-ups wait for approval: Paula's does (the approvals page, a pending registration)
        QuarkusTransaction.requiringNew()
                .run(() -> Conference.<Conference> findById(conference.id).approvalRequired = true);
        signUp("Paula", "Prüfung", "paula", Attendance.ONLINE, List.of(workshop.id), false, null, null);
        String erika = QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration> findById(confirmed.id).manageSecret);
        long shuttle = QuarkusTransaction.requiringNew()
                .call(() -> Question.<Question> findById(questions.get(2)).options.get(0).id);
        Arc.container().instance(RegistrationService.class).get()
                .changeAnswers(erika,
                        List.of(new Answered(questions.get(0), "true", List.of()),
                                new Answered(questions.get(1), "Ein Rufbus, den man per Telefon und App bestellt.",
                                        List.of()),
                                new Answered(questions.get(2), null, List.of(shuttle)),
                                new Answered(questions.get(5), "DE", List.of())));
        String byHandCode = QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration> findById(byHand.id).checkinCode);
        Arc.container().instance(CheckIn.class).get().checkIn(organiser, conference.id, byHandCode);

        // The mail to Erika was given up after all attempts (no dispatcher runs in tests).
        QuarkusTransaction.requiringNew()
                .run(() -> OutboxMessage.update("status = ?1, attempts = 3, lastError = ?2 where registrationId = ?3",
                        OutboxStatus.DEAD, "550 5.1.1 Mailbox unavailable", confirmed.id));

        TestConferences.create(SLUG + "-entwurf", c -> {
            c.title = "Entwurf: Barrierefreiheit, zweiter Teil";
            c.status = ConferenceStatus.DRAFT;
            c.startsAt = start.plus(Duration.ofDays(60));
            c.endsAt = c.startsAt.plus(Duration.ofHours(6));
        });
        TestConferences.create(SLUG + "-abgesagt", c -> {
            c.title = "Abgesagt: Barrierefreiheit, Vorjahr";
            c.status = ConferenceStatus.CANCELLED;
        });

        Accounts accounts = Arc.container().instance(Accounts.class).get();
        accounts.createApiToken(organiser.id, TOKEN_NAME);
        accounts.create(LOGIN_EMAIL, "Falsches Passwort", "Richtiges-Passwort-2026", false, Set.of());
    }

    /** One question of every kind (none required, so the other sign-ups need no answers); returns their ids. */
    private static List<Long> addQuestions(Organiser organiser, long conferenceId) {
        QuestionEditing editing = Arc.container().instance(QuestionEditing.class).get();
        List<Long> ids = new ArrayList<>();
        Consumer<QuestionDraft> add = draft -> ids.add(editing.add(organiser, conferenceId, draft).id);
        add.accept(draft(QuestionKind.YES_NO, "Stellen Sie ein Projekt vor?", List.of(), null, null));
        add.accept(
                draft(QuestionKind.LONG_TEXT, "Kurzbeschreibung Ihres Projekts", List.of(), ids.get(0), Question.YES));
        add.accept(draft(QuestionKind.SINGLE_CHOICE, "Anreise",
                List.of(new QuestionDraft.Option("Mit dem Shuttlebus", "By shuttle bus", 1),
                        new QuestionDraft.Option("Mit dem eigenen Auto", null, null)),
                null, null));
        add.accept(draft(QuestionKind.MULTIPLE_CHOICE, "Themen, die Sie interessieren",
                List.of(new QuestionDraft.Option("Mobilität", "Mobility", null),
                        new QuestionDraft.Option("Verwaltung", null, null)),
                null, null));
        add.accept(draft(QuestionKind.NUMBER, "Wie viele Personen vertreten Sie?", List.of(), null, null));
        add.accept(draft(QuestionKind.COUNTRY, "Land Ihrer Kommune", List.of(), null, null));
        add.accept(draft(QuestionKind.DATE, "Anreisetag", List.of(), null, null));
        add.accept(draft(QuestionKind.PHONE, "Telefon für Rückfragen", List.of(), null, null));
        add.accept(draft(QuestionKind.EMAIL, "Adresse Ihrer Vertretung", List.of(), null, null));
        add.accept(draft(QuestionKind.TEXT, "Ihre Kommune", List.of(), null, null));
        add.accept(
                draft(QuestionKind.CONSENT, "Mein Name darf in der Teilnehmendenliste stehen.", List.of(), null, null));
        return ids;
    }

    private static QuestionDraft draft(QuestionKind kind, String label, List<QuestionDraft.Option> options,
            Long shownIf, String value) {
        return new QuestionDraft(kind, label, null, kind == QuestionKind.NUMBER ? "Eine ganze Zahl genügt." : null,
                null, false, options, shownIf, value, null, kind == QuestionKind.SINGLE_CHOICE);
    }

    private static Backoffice load() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Conference c = Conference.findBySlug(SLUG).orElseThrow();
            return new Backoffice(c.id, Conference.findBySlug(SLUG + "-entwurf").orElseThrow().id,
                    Conference.findBySlug(SLUG + "-abgesagt").orElseThrow().id, item(c, WORKSHOP).id,
                    item(c, SMALL_WORKSHOP).id, registration(c, "erika").id, registration(c, "hans").id,
                    registration(c, "jana").id, registration(c, "lena").id, registration(c, "paula").id,
                    registration(c, "erika").checkinCode, Question.listShown(c).get(0).id,
                    registration(c, "erika").manageSecret, registration(c, "paula").manageSecret);
        });
    }

    private static AgendaItem item(Conference conference, String title) {
        return AgendaItem.<AgendaItem> find("conference = ?1 and title = ?2", conference, title).singleResult();
    }

    private static Registration registration(Conference conference, String who) {
        return Registration.<Registration> find("conference = ?1 and email = ?2", conference, email(who))
                .singleResult();
    }

    private static Organiser organiser() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Organiser o = Organiser.findByEmail(Account.ORGANISER.email).orElseThrow();
            o.organisations.size();
            return o;
        });
    }

    private static String email(String who) {
        return who + ".barrierefrei@example.org";
    }

    private static Registration signUp(String firstName, String lastName, String who, Attendance attendance,
            List<Long> items, boolean needs, String other, String dietary) {
        Object result = Arc.container().instance(SignUpService.class).get().signUp(SLUG,
                signUpOf(firstName, lastName, who, attendance, items, needs, other, dietary),
                de.konferenzbuero.registration.ConsentChannel.FORM);
        return ((de.konferenzbuero.registration.SignUpResult.Registered) result).registration();
    }

    private static SignUp signUpOf(String firstName, String lastName, String who, Attendance attendance,
            List<Long> items, boolean needs, String other, String dietary) {
        return new SignUp(firstName, lastName, email(who), "Stadt Lemgo", "Digitalisierung", attendance, items, needs,
                needs, false, other, dietary, true, false, "de", List.of());
    }
}
