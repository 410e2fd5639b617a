package de.konferenzbuero.mail;

import static de.konferenzbuero.Attendees.cancel;
import static de.konferenzbuero.Attendees.secret;
import static de.konferenzbuero.Attendees.signUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.EventTime;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceFormat;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

/** Mails travel through the outbox to a real SMTP server (GreenMail); outages lose and duplicate nothing. */
@QuarkusTest
class MailDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    MailDispatcher dispatcher;

    @BeforeEach
    void sendWhatEarlierTestsLeft() throws InterruptedException {
        deliver();
        smtp.reset();
    }

    /**
     * Dispatches until nothing is due any more. A pooled SMTP connection left from before GreenMail was restarted fails
     * once; the dispatcher retries such a mail a moment later, as it would in production.
     */
    void deliver() throws InterruptedException {
        for (int round = 0; round < 30; round++) {
            dispatcher.dispatchDue();
            if (QuarkusTransaction.requiringNew()
                    .call(() -> OutboxMessage.count("status = ?1 and attempts < ?2", OutboxStatus.PENDING, 3)) == 0) {
                return;
            }
            Thread.sleep(300);
        }
    }

    /**
     * A sign-up stores its mail without the bodies (nothing is rendered while the sign-up holds the conference lock);
     * the dispatcher renders it when it claims it, from the registration as it stands then: moved up meanwhile, the
     * attendee reads that the place is theirs; cancelled meanwhile, only the cancellation is sent.
     */
    @Test
    void theSignUpMailIsRenderedByTheDispatcherFromTheRegistrationAsItStandsThen() throws Exception {
        Conference c = TestConferences.create("mail-after-commit", conf -> conf.onsiteCapacity = 1);
        String first = secret(signUp(c.slug, "erste@nachher.example"));
        signUp(c.slug, "zweite@nachher.example");
        String third = secret(signUp(c.slug, "dritte@nachher.example"));
        List<OutboxMessage> stored = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage> list("recipient like ?1 order by id", "%@nachher.example"));
        assertThat(stored).extracting(m -> m.template).containsExactly("confirmed", "waitlisted", "waitlisted");
        assertThat(stored).allSatisfy(m -> {
            assertThat(m.html).as("bodies of a stored sign-up mail").isNull();
            assertThat(m.attachments).isEmpty();
        });

        cancel(first); // the second moves up, the third cancels before any mail went out
        cancel(third);
        deliver();

        assertThat(received().stream().map(MailDeliveryTest::recipient)).containsExactlyInAnyOrder(
                "erste@nachher.example", "zweite@nachher.example", "zweite@nachher.example", "dritte@nachher.example");
        List<MimeMessage> second = received().stream().filter(m -> recipient(m).equals("zweite@nachher.example"))
                .toList();
        assertThat(second).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Anmeldung bestätigt: " + c.title, "Sie sind nachgerückt: " + c.title);
        for (MimeMessage mail : second) {
            assertThat(text(mail, "text/plain")).doesNotContain("Warteliste, Platz").contains("/registrations/");
            assertThat(text(mail, "text/calendar")).contains("BEGIN:VEVENT");
        }
        assertThat(only("dritte@nachher.example").getSubject()).isEqualTo("Stornierung bestätigt: " + c.title);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count("recipient like ?1 and html is null", "%@nachher.example"))).isZero();
    }

    @Test
    void confirmationArrivesWithBothPartsInTheAttendeesLanguageAndACalendarFile() throws Exception {
        Conference c = TestConferences.create("mail-confirm", conf -> {
            conf.title = "Smart Region Tag";
            conf.contactEmail = "team@smart-region.example";
            conf.contactName = "Team Smart Region";
        });
        signUp(c.slug, "anna@mail.example", "ON_SITE", "en");
        signUp(c.slug, "bernd@mail.example", "ON_SITE", "de");
        deliver();

        MimeMessage english = only("anna@mail.example");
        assertThat(english.getSubject()).isEqualTo("Registration confirmed: Smart Region Tag");
        assertThat(english.getHeader("Reply-To")[0]).isEqualTo("team@smart-region.example");
        assertThat(english.getMessageID()).as("in the sending domain")
                .matches("<[0-9a-f-]{36}@konferenzbuero\\.example>");
        assertThat(english.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(text(english, "text/plain")).contains("Dear Test anna,", "Your place is confirmed.",
                "/registrations/");
        assertThat(text(english, "text/html")).contains("<html lang=\"en\">", "Your place is confirmed.");

        MimeMessage german = only("bernd@mail.example");
        assertThat(german.getSubject()).isEqualTo("Anmeldung bestätigt: Smart Region Tag");
        assertThat(text(german, "text/plain")).contains("Guten Tag Test bernd,", "Ihr Platz ist bestätigt.");

        Calendar ics = new CalendarBuilder().build(new StringReader(text(german, "text/calendar")));
        assertThat(ics.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = (VEvent) ics.getComponent("VEVENT").orElseThrow();
        DtStart<ZonedDateTime> start = event.getDateTimeStart();
        assertThat(start.getDate().toInstant())
                .isEqualTo(c.startsAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
        assertThat(start.getDate().toLocalDateTime()).isEqualTo(
                EventTime.local(c.startsAt).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(event.getSummary().getValue()).isEqualTo("Smart Region Tag");
        assertThat(event.getLocation().getValue()).isEqualTo("Rathaus, Lemgo");
    }

    /**
     * The on-site confirmation carries the check-in QR code as an inline image; spam filters score HTML mails that are
     * mostly image or have few words beside one (SpamAssassin's HTML_IMAGE_ONLY_* and HTML_IMAGE_RATIO_*, Microsoft's
     * "fewer than 150 words"). The mail is mostly text: more than 175 words, which come first; the one image is small
     * and described.
     */
    @Test
    void theOnSiteConfirmationWithItsCheckInCodeIsMostlyText() throws Exception {
        Conference c = TestConferences.create("mail-qr-text", conf -> conf.title = "Digitaltag Lippe");
        signUp(c.slug, "clara@mail.example", "ON_SITE", "de");
        deliver();

        MimeMessage mail = only("clara@mail.example");
        String html = text(mail, "text/html");
        String plain = text(mail, "text/plain");
        List<byte[]> images = new ArrayList<>();
        collectImages(mail, images);
        String words = html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("<[^>]+>", " ")
                .replaceAll("&[a-z#0-9]+;", "x").replaceAll("\\s+", " ").strip();
        int wordBytes = words.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int wordCount = words.split(" ").length;
        java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img [^>]*>").matcher(html);
        assertThat(img.find()).isTrue();
        String tag = img.group();
        System.out.printf(
                "On-site confirmation: %d words (%d bytes) in the HTML part, %d characters of text part,"
                        + " %d inline image(s) of %d bytes, %s%n",
                wordCount, wordBytes, plain.length(), images.size(), images.isEmpty() ? 0 : images.get(0).length,
                tag.replaceAll(" src=\"[^\"]*\"", ""));

        assertThat(images).as("one inline image, the check-in code").hasSize(1);
        assertThat(images.get(0).length).as("image bytes").isLessThan(10_000);
        assertThat(img.find()).as("a second image").isFalse();
        assertThat(tag).matches(".*alt=\"[^\"]{10,}\".*").contains("width=\"180\"", "height=\"180\"");
        assertThat(wordCount).as("words beside the image").isGreaterThan(175);
        assertThat(html.indexOf("<img")).as("words come before the image")
                .isGreaterThan(html.indexOf("Ihr Platz ist bestätigt."));
        assertThat(plain.length()).as("text part").isGreaterThan(1_200);
    }

    private static void collectImages(Part part, List<byte[]> images) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectImages(multipart.getBodyPart(i), images);
            }
        } else if (part.isMimeType("image/*")) {
            images.add(part.getInputStream().readAllBytes());
        }
    }

    @Test
    void cancellationCarriesMethodCancelForTheSameEntry() throws Exception {
        Conference c = TestConferences.create("mail-cancel", conf -> {
        });
        String secret = secret(signUp(c.slug, "cancel@mail.example"));
        deliver();
        String uid = calendar(only("cancel@mail.example")).getComponent("VEVENT").orElseThrow().getProperty("UID")
                .orElseThrow().getValue();
        smtp.reset();

        cancel(secret);
        deliver();

        MimeMessage mail = only("cancel@mail.example");
        assertThat(mail.getSubject()).startsWith("Stornierung bestätigt:");
        Calendar ics = calendar(mail);
        assertThat(ics.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = (VEvent) ics.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(event.getProperty("SEQUENCE").orElseThrow().getValue())).isPositive();
    }

    @Test
    void onlyConfirmedOnlineAttendeesReceiveTheAccessLink() throws Exception {
        Conference c = TestConferences.create("mail-access", conf -> {
            conf.format = ConferenceFormat.ONLINE;
            conf.venue = null;
            conf.onsiteCapacity = null;
            conf.onlineCapacity = 1;
            conf.onlineAccessLink = "https://stream.example/geheim-123";
        });
        signUp(c.slug, "in@access.example", "ONLINE", "de");
        signUp(c.slug, "waiting@access.example", "ONLINE", "de");
        deliver();
        assertThat(text(only("in@access.example"), "text/plain")).contains("https://stream.example/geheim-123");
        MimeMessage waiting = only("waiting@access.example");
        assertThat(waiting.getSubject()).startsWith("Warteliste:");
        assertThat(text(waiting, "text/plain")).contains("Platz 1 der Warteliste").doesNotContain("geheim-123");
        assertThat(text(waiting, "text/html")).doesNotContain("geheim-123");
    }

    @Test
    void signUpsDuringAnOutageAreMailedExactlyOnceWhenSmtpIsBack() throws Exception {
        Conference c = TestConferences.create("mail-outage", conf -> conf.onsiteCapacity = 100);
        smtp.stop();
        try {
            for (int i = 0; i < 50; i++) {
                signUp(c.slug, "outage" + i + "@mail.example");
            }
            assertThat(dispatcher.dispatchDue()).isZero();
            assertThat(pending("outage")).isEqualTo(50);
        } finally {
            smtp.start();
        }
        Thread.sleep(500);
        deliver();

        Map<String, Long> perRecipient = received().stream()
                .collect(Collectors.groupingBy(MailDeliveryTest::recipient, Collectors.counting()));
        for (int i = 0; i < 50; i++) {
            assertThat(perRecipient.get("outage" + i + "@mail.example")).as("mails to outage%d", i).isEqualTo(1);
        }
        assertThat(pending("outage")).isZero();
    }

    @Test
    void aFailingRecipientDoesNotBlockTheOthers() throws Exception {
        Conference c = TestConferences.create("mail-failing", conf -> {
        });
        QuarkusTransaction.requiringNew().run(() -> outbox().enqueue(new Outbox.Outgoing("test", null,
                "not a valid address", null, "de", "Kaputt", "<p>x</p>", "x", List.of())));
        signUp(c.slug, "after-broken@mail.example");

        dispatcher.dispatchDue();

        OutboxMessage broken = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage> find("recipient", "not a valid address").firstResult());
        assertThat(broken.status).isEqualTo(OutboxStatus.PENDING);
        assertThat(broken.attempts).isEqualTo(1);
        assertThat(broken.lastError).isNotBlank();

        deliver();

        assertThat(only("after-broken@mail.example").getSubject()).startsWith("Anmeldung bestätigt:");
        OutboxMessage dead = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.findById(broken.id));
        assertThat(dead.status).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.attempts).isEqualTo(3);
    }

    @Test
    void twoDispatchersRacingSendEachMailOnce() throws Exception {
        Conference c = TestConferences.create("mail-race", conf -> conf.onsiteCapacity = 100);
        for (int i = 0; i < 40; i++) {
            signUp(c.slug, "race" + i + "@mail.example");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> dispatchers = List.of(dispatcher::dispatchDue, dispatcher::dispatchDue);
            int sent = 0;
            for (Future<Integer> f : pool.invokeAll(dispatchers)) {
                sent += f.get();
            }
            assertThat(sent).isPositive();
        } finally {
            pool.shutdown();
        }
        deliver();
        Map<String, Long> perRecipient = received().stream()
                .collect(Collectors.groupingBy(MailDeliveryTest::recipient, Collectors.counting()));
        for (int i = 0; i < 40; i++) {
            assertThat(perRecipient.get("race" + i + "@mail.example")).as("mails to race%d", i).isEqualTo(1);
        }
        assertThat(perRecipient).allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
    }

    /**
     * The dispatcher renders the mails of a batch side by side; the mails to one person still arrive in the order they
     * were written, so nobody reads "cancelled" before "confirmed".
     */
    @Test
    void mailsToOnePersonArriveInTheOrderTheyWereWritten() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> { // each person's mails next to each other, the harder case
            for (int person = 0; person < 8; person++) {
                for (int step = 1; step <= 5; step++) {
                    outbox().enqueue(new Outbox.Outgoing("test", null, "order" + person + "@mail.example", null, "de",
                            "Schritt " + step, "<p>" + step + "</p>", "Schritt " + step, List.of()));
                }
            }
        });

        deliver();

        for (int person = 0; person < 8; person++) {
            String to = "order" + person + "@mail.example";
            assertThat(received().stream().filter(m -> recipient(m).equals(to)).map(MailDeliveryTest::subject))
                    .as("mails to %s in the order they arrived", to)
                    .containsExactly("Schritt 1", "Schritt 2", "Schritt 3", "Schritt 4", "Schritt 5");
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void backoffGrowsAndIsCapped() {
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(dispatcher.backoff(30)).isEqualTo(Duration.ofHours(6));
    }

    private static Outbox outbox() {
        return io.quarkus.arc.Arc.container().instance(Outbox.class).get();
    }

    private static long pending(String recipientPrefix) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient like ?1 and status = ?2",
                recipientPrefix + "%", OutboxStatus.PENDING));
    }

    private static List<MimeMessage> received() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    private static MimeMessage only(String to) {
        List<MimeMessage> mails = received().stream().filter(m -> recipient(m).equals(to)).toList();
        assertThat(mails).as("mails to " + to).hasSize(1);
        return mails.get(0);
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Calendar calendar(MimeMessage mail) throws Exception {
        return new CalendarBuilder().build(new StringReader(text(mail, "text/calendar")));
    }

    /** The first part of this content type anywhere in the message, decoded. */
    private static String text(Part part, String contentType) throws Exception {
        List<String> found = new ArrayList<>();
        collect(part, contentType, found::add, Function.identity());
        assertThat(found).as(contentType + " part").isNotEmpty();
        return found.get(0);
    }

    private static void collect(Part part, String contentType, java.util.function.Consumer<String> sink,
            Function<String, String> map) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, contentType, sink, map);
            }
        } else if (part.isMimeType(contentType)) {
            Object content = part.getContent();
            sink.accept(map
                    .apply(content instanceof String s ? s : new String(((java.io.InputStream) content).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    @SuppressWarnings("unused")
    private static Instant now() {
        return Instant.now();
    }
}
