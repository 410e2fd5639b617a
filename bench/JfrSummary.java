import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app's CPU goes in a JFR recording (jdk.ExecutionSample events, settings=profile): samples by library or
 * part of the app at the top of the stack, the share of samples inside each step of the app (inclusive), the hottest
 * methods, and the time in garbage collection. Run: java bench/JfrSummary.java recording.jfr
 */
public class JfrSummary {

    /** Library or part of the app, by the package of the top frame; the first matching prefix wins. */
    private static final Map<String, String> AREAS = new LinkedHashMap<>();
    static {
        AREAS.put("org.postgresql", "PostgreSQL JDBC driver");
        AREAS.put("io.agroal", "connection pool (Agroal)");
        AREAS.put("com.arjuna", "transactions (Narayana)");
        AREAS.put("org.hibernate", "Hibernate ORM");
        AREAS.put("io.quarkus.qute", "Qute templates");
        AREAS.put("com.fasterxml.jackson", "JSON (Jackson)");
        AREAS.put("net.fortuna.ical4j", "calendar files (ical4j)");
        AREAS.put("com.google.zxing", "QR codes (ZXing)");
        AREAS.put("javax.imageio", "PNG encoding (ImageIO)");
        AREAS.put("com.sun.imageio", "PNG encoding (ImageIO)");
        AREAS.put("java.util.zip", "compression (zip)");
        AREAS.put("com.sun.crypto", "cryptography (JCE)");
        AREAS.put("javax.crypto", "cryptography (JCE)");
        AREAS.put("sun.security", "cryptography (JCE)");
        AREAS.put("io.netty", "HTTP (Netty)");
        AREAS.put("io.vertx", "HTTP (Vert.x)");
        AREAS.put("org.jboss.resteasy", "REST (RESTEasy Reactive)");
        AREAS.put("io.quarkus.arc", "CDI (ArC)");
        AREAS.put("io.smallrye.config", "configuration");
        AREAS.put("org.hibernate.validator", "Bean Validation");
        AREAS.put("io.micrometer", "metrics (Micrometer)");
        AREAS.put("de.konferenzbuero", "the app's own code");
        AREAS.put("java.", "JDK (java.*)");
        AREAS.put("jdk.", "JDK (jdk.*)");
        AREAS.put("sun.", "JDK (sun.*)");
    }

    /** Steps of the app: a sample counts for each step whose method is on its stack. */
    private static final Map<String, String> STEPS = new LinkedHashMap<>();
    static {
        STEPS.put("de.konferenzbuero.api.ConferenceApi.register", "sign-up request (ConferenceApi.register)");
        STEPS.put("de.konferenzbuero.registration.SignUpService.signUp", "  SignUpService.signUp (the transaction)");
        STEPS.put("de.konferenzbuero.registration.Places.decide", "    Places.decide (takes the conference lock, held until the commit)");
        STEPS.put("de.konferenzbuero.mail.RegistrationMails.onNotice", "    the mail (a sign-up's is stored, rendered later)");
        STEPS.put("de.konferenzbuero.mail.MailDispatcher.dispatchDue", "mail dispatcher (claim, send, mark as sent)");
        STEPS.put("de.konferenzbuero.mail.RegistrationMails.fillIn", "rendering a stored sign-up mail (the dispatcher's lanes)");
        STEPS.put("de.konferenzbuero.mail.RegistrationCalendar.attachments", "      calendar files");
        STEPS.put("de.konferenzbuero.qr.QrCodes.png", "      QR code image");
        STEPS.put("de.konferenzbuero.mail.Outbox.enqueue", "      storing it in the outbox");
        STEPS.put("de.konferenzbuero.webhook.Webhooks", "    webhook events");
        STEPS.put("de.konferenzbuero.sealing", "    sealing (AES-GCM)");
        STEPS.put("de.konferenzbuero.limits.RateLimiter", "  rate limiter");
        STEPS.put("com.arjuna.ats.arjuna.coordinator.BasicAction.End", "  commit (Narayana)");
        STEPS.put("org.hibernate.event.internal.DefaultFlushEventListener", "  Hibernate flush");
        STEPS.put("io.quarkus.qute", "  Qute rendering (anywhere)");
        STEPS.put("io.vertx.ext.web.handler", "  HTTP handlers");
        STEPS.put("de.konferenzbuero.http.PageCache", "page cache");
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> areas = new HashMap<>();
        Map<String, Integer> steps = new HashMap<>();
        Map<String, Integer> hottest = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Duration gc = Duration.ZERO;
        Duration gcPauses = Duration.ZERO;
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gc = gc.plus(e.getDuration());
                gcPauses = gcPauses.plus(e.getDuration("sumOfPauses"));
                continue;
            }
            if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "-N"), 1, Integer::sum);
            String top = name(frames.get(0));
            hottest.merge(top, 1, Integer::sum);
            areas.merge(area(top), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                for (Map.Entry<String, String> step : STEPS.entrySet()) {
                    if (n.startsWith(step.getKey()) && seen.add(step.getValue())) {
                        steps.merge(step.getValue(), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("JFR %s: %d execution samples (Java threads on CPU)%n", args[0], samples);
        print("by thread", threads, samples, 8);
        print("by library or part of the app at the top of the stack (self)", areas, samples, 30);
        System.out.println("by step of the app (inclusive: samples with the step on the stack)");
        for (String step : STEPS.values()) {
            if (steps.containsKey(step)) {
                System.out.printf("  %5.1f %%  %s%n", 100.0 * steps.get(step) / samples, step);
            }
        }
        print("hottest methods (self)", hottest, samples, 25);
        System.out.printf("garbage collection: %d ms in collections, %d ms paused%n", gc.toMillis(),
                gcPauses.toMillis());
    }

    private static void print(String title, Map<String, Integer> counts, int total, int limit) {
        System.out.println(title);
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer> comparingByValue().reversed());
        sorted.stream().limit(limit)
                .forEach(c -> System.out.printf("  %5.1f %%  %s%n", 100.0 * c.getValue() / total, c.getKey()));
    }

    private static String area(String method) {
        return AREAS.entrySet().stream().filter(a -> method.startsWith(a.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other: " + method.replaceAll("^((?:[a-z0-9_]+\\.){1,3}).*", "$1"));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
