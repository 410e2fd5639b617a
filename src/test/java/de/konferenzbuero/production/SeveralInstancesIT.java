package de.konferenzbuero.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/**
 * The packaged app as several instances on one PostgreSQL, each a process of its own on its own port, as behind a load
 * balancer: a rush spread over three instances, the SMTP server down during a rush on two, an instance killed with
 * {@code kill -9} mid-rush and mid-dispatch, and one stopped with SIGTERM mid-dispatch. Each test prints its figures.
 */
class SeveralInstancesIT {

    static final int CLIENTS = 12;

    /** One sign-up attempt as its client saw it: which instance, what answer ({@code -1}: no answer). */
    record Attempt(String email, int instance, int status) {
    }

    @Test
    void threeInstancesTakeOneRushTogether() throws Exception {
        int capacity = 60;
        int signUps = 240;
        try (ProductionSetup setup = ProductionSetup.start()) {
            List<PackagedApp> apps = startInstances(setup, "three", 3, Map.of());
            try {
                String slug = ProductionSetup.publishConference(apps.get(0), "drei-instanzen", capacity, false);
                List<Attempt> attempts = rush(apps, slug, "drei", 0, signUps);
                Map<Integer, Long> byStatus = byStatus(attempts);
                awaitOutboxSent(setup, Duration.ofSeconds(60));
                Counts counts = Counts.of(setup);
                Mails mails = Mails.of(setup.smtp.getReceivedMessages());
                System.out.printf(
                        "Three instances, one rush: %d sign-ups by status %s, %d per instance %s; %d confirmed of %d"
                                + " places, %d waitlisted (positions in decision order: %s); %d mails received, %d"
                                + " duplicates, %d attendees without their mail%n",
                        attempts.size(), byStatus, signUps / 3, perInstance(attempts), counts.confirmed(), capacity,
                        counts.waitlisted(), counts.waitlistInDecisionOrder(), mails.total(), mails.duplicates(),
                        mails.missing(attempts));

                assertThat(byStatus).as("answers").containsOnlyKeys(201);
                assertThat(counts.confirmed()).as("confirmed (never more than the places)").isEqualTo(capacity);
                assertThat(counts.waitlisted()).isEqualTo(signUps - capacity);
                assertThat(counts.confirmedDecidedBeforeWaitlisted()).as("every place given before anyone waits")
                        .isTrue();
                assertThat(counts.waitlistInDecisionOrder()).as("waitlist order is the order of the decisions")
                        .isTrue();
                assertThat(mails.duplicates()).as("duplicate mails").isZero();
                assertThat(mails.missing(attempts)).as("attendees without their mail").isZero();
                for (PackagedApp app : apps) {
                    assertThat(app.output()).doesNotContain("ERROR");
                }
            } finally {
                apps.forEach(PackagedApp::close);
            }
        }
    }

    @Test
    void theMailServerDownDuringARushOnTwoInstancesLosesNoSignUpAndNoMail() throws Exception {
        try (ProductionSetup setup = ProductionSetup.start()) {
            List<PackagedApp> apps = startInstances(setup, "smtp-down", 2,
                    Map.of("KONFERENZBUERO_MAIL_RETRY_BASE", "PT1S", "KONFERENZBUERO_MAIL_RETRY_MAX", "PT2S"));
            try {
                String slug = ProductionSetup.publishConference(apps.get(0), "smtp-ausfall", 1000, false);
                List<Attempt> attempts = new ArrayList<>(rush(apps, slug, "vorher", 0, 40));
                awaitOutboxSent(setup, Duration.ofSeconds(30));
                // GreenMail forgets what it received when it starts again.
                List<MimeMessage> received = new ArrayList<>(List.of(setup.smtp.getReceivedMessages()));
                setup.smtp.stop();
                Instant down = Instant.now();
                attempts.addAll(rush(apps, slug, "waehrend", 0, 120));
                Thread.sleep(4_000);
                long pendingWhileDown = Counts.of(setup).pendingMails();
                setup.smtp.start();
                Duration outage = Duration.between(down, Instant.now());
                Instant up = Instant.now();
                awaitOutboxSent(setup, Duration.ofSeconds(60));
                Duration drained = Duration.between(up, Instant.now());
                received.addAll(List.of(setup.smtp.getReceivedMessages()));
                Mails mails = Mails.of(received.toArray(MimeMessage[]::new));
                Map<Integer, Long> byStatus = byStatus(attempts);
                System.out.printf(
                        "Mail server down %d s during a rush on two instances: %d sign-ups by status %s; %d mails"
                                + " waiting while it was down; all sent %d ms after it was back; %d mails received,"
                                + " %d duplicates, %d attendees without their mail%n",
                        outage.toSeconds(), attempts.size(), byStatus, pendingWhileDown, drained.toMillis(),
                        mails.total(), mails.duplicates(), mails.missing(attempts));

                assertThat(byStatus).as("no sign-up fails while mail is down").containsOnlyKeys(201);
                assertThat(pendingWhileDown).as("mails kept while the server was down").isPositive();
                assertThat(mails.duplicates()).isZero();
                assertThat(mails.missing(attempts)).isZero();
            } finally {
                apps.forEach(PackagedApp::close);
            }
        }
    }

    @Test
    void anInstanceKilledMidRushAndMidDispatchLosesNothingAcknowledged() throws Exception {
        try (ProductionSetup setup = ProductionSetup.start()) {
            // A short lease, so the killed instance's claimed mails are sent by the other one within the test.
            List<PackagedApp> apps = startInstances(setup, "kill", 2,
                    Map.of("KONFERENZBUERO_MAIL_LEASE", "PT5S", "KONFERENZBUERO_MAIL_DISPATCH_EVERY", "1s"));
            try {
                String slug = ProductionSetup.publishConference(apps.get(0), "kill-neun", 1000, false);
                Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
                ExecutorService rush = Executors.newSingleThreadExecutor();
                var running = rush.submit(() -> attempts.addAll(rush(apps, slug, "kill", 0, 400)));
                Thread.sleep(1_500);
                apps.get(0).kill();
                Instant killed = Instant.now();
                running.get(120, TimeUnit.SECONDS);
                rush.shutdown();
                awaitOutboxSent(setup, Duration.ofSeconds(60));
                Duration drained = Duration.between(killed, Instant.now());
                List<Attempt> all = new ArrayList<>(attempts);
                List<String> acknowledged = all.stream().filter(a -> a.status() == 201).map(Attempt::email).toList();
                long stored = Counts.stored(setup, acknowledged);
                Mails mails = Mails.of(setup.smtp.getReceivedMessages());
                long storedTotal = Counts.of(setup).registrations();
                System.out.printf(
                        "An instance killed (kill -9) mid-rush: %d sign-ups by status %s (%s per instance); %d of %d"
                                + " acknowledged stored, %d stored in all; all mails sent %d ms after the kill; %d mails,"
                                + " %d duplicates (the kill fell between the SMTP server's accept and the commit), %d"
                                + " stored registrations without their mail%n",
                        all.size(), byStatus(all), perInstance(all), stored, acknowledged.size(), storedTotal,
                        drained.toMillis(), mails.total(), mails.duplicates(), storedTotal - mails.recipients());

                assertThat(byStatus(all).keySet()).as("answers: 201, or none from the killed instance").isSubsetOf(201,
                        -1);
                assertThat(stored).as("acknowledged sign-ups stored").isEqualTo(acknowledged.size());
                assertThat(mails.recipients()).as("every stored registration got its mail").isEqualTo(storedTotal);
                assertThat(mails.duplicates()).as("duplicates, at most one batch of the killed dispatcher")
                        .isLessThanOrEqualTo(20);
            } finally {
                apps.forEach(PackagedApp::close);
            }
        }
    }

    @Test
    void sigtermLetsRequestsFinishAndHandsBackTheDispatchersLease() throws Exception {
        try (ProductionSetup setup = ProductionSetup.start()) {
            // The default lease (5 minutes): mails claimed by the stopped instance and not handed back would wait that
            // long. Retries come soon, as the backlog is made while the mail server is down.
            Map<String, String> soon = Map.of("KONFERENZBUERO_MAIL_RETRY_BASE", "PT1S", "KONFERENZBUERO_MAIL_RETRY_MAX",
                    "PT2S");
            List<PackagedApp> apps = startInstances(setup, "sigterm", 1, soon);
            PackagedApp second = null;
            try {
                String slug = ProductionSetup.publishConference(apps.get(0), "sigterm-stopp", 2000, false);
                setup.smtp.stop();
                List<Attempt> backlog = rush(apps, slug, "rueckstau", 0, 300);
                setup.smtp.start();
                Queue<Attempt> during = new ConcurrentLinkedQueue<>();
                ExecutorService rush = Executors.newSingleThreadExecutor();
                var running = rush.submit(() -> during.addAll(rush(apps, slug, "stopp", 0, 60)));
                awaitFirstMail(setup, Duration.ofSeconds(30));
                Instant stopping = Instant.now();
                apps.get(0).close();
                Duration stopped = Duration.between(stopping, Instant.now());
                running.get(60, TimeUnit.SECONDS);
                rush.shutdown();
                long claimedUnsent = Counts.of(setup).leasedMails();

                second = startInstances(setup, "sigterm-after", 1, soon).get(0);
                Instant started = Instant.now();
                awaitOutboxSent(setup, Duration.ofSeconds(60));
                Duration drained = Duration.between(started, Instant.now());
                List<Attempt> all = new ArrayList<>(backlog);
                all.addAll(during);
                Mails mails = Mails.of(setup.smtp.getReceivedMessages());
                List<String> acknowledged = all.stream().filter(a -> a.status() == 201).map(Attempt::email).toList();
                System.out.printf(
                        "SIGTERM mid-dispatch: stopped in %d ms; requests during the stop by status %s; %d mails"
                                + " left claimed by the stopped instance; the next instance sent the rest within %d ms;"
                                + " %d of %d acknowledged stored; %d mails, %d duplicates%n",
                        stopped.toMillis(), byStatus(new ArrayList<>(during)), claimedUnsent, drained.toMillis(),
                        Counts.stored(setup, acknowledged), acknowledged.size(), mails.total(), mails.duplicates());

                assertThat(apps.get(0).exitCode()).as("exit code after SIGTERM").isIn(0, 143);
                assertThat(byStatus(new ArrayList<>(during)).keySet())
                        .as("requests during the stop: done, refused while stopping, or not taken")
                        .isSubsetOf(201, 503, -1);
                assertThat(claimedUnsent).as("mails still claimed by the stopped instance").isZero();
                assertThat(drained).as("the rest sent without waiting for a lease (5 minutes)")
                        .isLessThan(Duration.ofSeconds(40));
                assertThat(Counts.stored(setup, acknowledged)).isEqualTo(acknowledged.size());
                assertThat(mails.duplicates()).isZero();
                assertThat(mails.missing(all.stream().filter(a -> a.status() == 201).toList())).isZero();
                assertThat(apps.get(0).output()).doesNotContain("ERROR");
            } finally {
                apps.forEach(PackagedApp::close);
                if (second != null) {
                    second.close();
                }
            }
        }
    }

    /** Starts the first instance (it migrates the schema), then the others together, each on a port of its own. */
    private static List<PackagedApp> startInstances(ProductionSetup setup, String name, int count,
            Map<String, String> settings) throws Exception {
        Map<String, String> extra = new java.util.HashMap<>(settings);
        extra.putAll(ProductionSetup.NO_RATE_LIMITS);
        List<PackagedApp> apps = new ArrayList<>();
        apps.add(setup.startApp(name + "-1", extra));
        if (count > 1) {
            ExecutorService starting = Executors.newFixedThreadPool(count - 1);
            List<java.util.concurrent.Future<PackagedApp>> others = new ArrayList<>();
            for (int i = 2; i <= count; i++) {
                String instance = name + "-" + i;
                others.add(starting.submit(() -> setup.startApp(instance, extra)));
            }
            for (var other : others) {
                apps.add(other.get(120, TimeUnit.SECONDS));
            }
            starting.shutdown();
        }
        return apps;
    }

    /** {@code count} sign-ups by {@link #CLIENTS} clients, spread over the instances in turn. */
    static List<Attempt> rush(List<PackagedApp> apps, String slug, String prefix, int from, int count)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                for (int n = next.getAndIncrement(); n < from + count; n = next.getAndIncrement()) {
                    int instance = n % apps.size();
                    String email = prefix + "-" + n + "@musterland.example";
                    attempts.add(new Attempt(email, instance, signUp(http, apps.get(instance), slug, email)));
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(180, TimeUnit.SECONDS)).as("rush finished").isTrue();
        return new ArrayList<>(attempts);
    }

    private static int signUp(HttpClient http, PackagedApp app, String slug, String email) {
        String body = """
                {"firstName":"Erika","lastName":"Mustermann","email":"%s","attendance":"ON_SITE","items":[],
                 "privacyConsent":true,"locale":"de"}""".formatted(email);
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(app.url() + "/api/conferences/" + slug + "/registrations"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    private static Map<Integer, Long> byStatus(List<Attempt> attempts) {
        return attempts.stream().collect(Collectors.groupingBy(Attempt::status, TreeMap::new, Collectors.counting()));
    }

    private static Map<Integer, Long> perInstance(List<Attempt> attempts) {
        return attempts.stream().filter(a -> a.status() == 201)
                .collect(Collectors.groupingBy(a -> a.instance() + 1, TreeMap::new, Collectors.counting()));
    }

    private static void awaitOutboxSent(ProductionSetup setup, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Counts.of(setup).unsentMails() > 0) {
            assertThat(Instant.now()).as("all mails sent within %s (still %d)", timeout, Counts.of(setup).unsentMails())
                    .isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static void awaitFirstMail(ProductionSetup setup, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (setup.smtp.getReceivedMessages().length == 0) {
            assertThat(Instant.now()).as("first mail within %s", timeout).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** What the database holds, counted in SQL. */
    record Counts(long registrations, long confirmed, long waitlisted, boolean confirmedDecidedBeforeWaitlisted,
            boolean waitlistInDecisionOrder, long unsentMails, long pendingMails, long leasedMails) {

        static Counts of(ProductionSetup setup) throws SQLException {
            try (Connection c = setup.postgres.connect(); Statement s = c.createStatement()) {
                long registrations = single(s, "select count(*) from registration");
                long confirmed = single(s, "select count(*) from registration where status = 'CONFIRMED'");
                long waitlisted = single(s, "select count(*) from registration where status = 'WAITLISTED'");
                boolean before = single(s, """
                        select count(*) from registration_event w where w.kind = 'WAITLISTED' and w.id < (
                            select coalesce(max(id), 0) from registration_event where kind = 'CONFIRMED')
                        """) == 0;
                boolean ordered = single(s, """
                        select count(*) from (
                            select r.waitlist_seq, row_number() over (order by e.id) as by_decision,
                                   row_number() over (order by r.waitlist_seq) as by_seq
                            from registration r join registration_event e on e.registration_id = r.id
                                and e.kind = 'WAITLISTED' and e.agenda_item_id is null
                            where r.status = 'WAITLISTED') x
                        where by_decision <> by_seq
                        """) == 0;
                long unsent = single(s, "select count(*) from outbox_message where status <> 'SENT'");
                long pending = single(s, "select count(*) from outbox_message where status = 'PENDING'");
                long leased = single(s,
                        "select count(*) from outbox_message where status = 'PENDING' and locked_until > now()");
                return new Counts(registrations, confirmed, waitlisted, before, ordered, unsent, pending, leased);
            }
        }

        static long stored(ProductionSetup setup, List<String> emails) throws SQLException {
            try (Connection c = setup.postgres.connect();
                    var s = c.prepareStatement("select count(*) from registration where email = any(?)")) {
                s.setArray(1, c.createArrayOf("varchar", emails.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        private static long single(Statement s, String sql) throws SQLException {
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The mails the SMTP server received: how many per recipient and per Message-ID. */
    record Mails(long total, long duplicates, Map<String, Integer> perRecipient) {

        static Mails of(MimeMessage[] messages) throws MessagingException {
            Map<String, Integer> perRecipient = new HashMap<>();
            Map<String, Integer> perId = new HashMap<>();
            for (MimeMessage m : messages) {
                for (var to : m.getRecipients(Message.RecipientType.TO)) {
                    perRecipient.merge(to.toString(), 1, Integer::sum);
                }
                perId.merge(m.getMessageID(), 1, Integer::sum);
            }
            long duplicates = perId.values().stream().mapToLong(n -> n - 1).sum();
            return new Mails(messages.length, duplicates, perRecipient);
        }

        long recipients() {
            return perRecipient.size();
        }

        /** Acknowledged sign-ups whose address received nothing. */
        long missing(List<Attempt> attempts) {
            return attempts.stream().filter(a -> a.status() == 201).filter(a -> !perRecipient.containsKey(a.email()))
                    .count();
        }
    }
}
