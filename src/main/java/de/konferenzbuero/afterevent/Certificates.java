package de.konferenzbuero.afterevent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.CertificateMessages;
import de.konferenzbuero.EventTime;
import de.konferenzbuero.Texts;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;

/**
 * Certificates of attendance (Teilnahmebescheinigungen): for everyone whose place was their own and who attended
 * (checked in at the door, or marked as attended by the organisers, e.g. online), once the conference is over. Each
 * carries a code that anyone can check on the public page {@code /certificates/{code}}.
 */
@ApplicationScoped
public class Certificates {

    private final CertificatePdf pdf;
    private final Signatures signatures;
    private final EntityManager em;
    private final Clock clock;
    private final String baseUrl;

    Certificates(CertificatePdf pdf, Signatures signatures, EntityManager em, Clock clock, AppConfig config) {
        this.pdf = pdf;
        this.signatures = signatures;
        this.em = em;
        this.clock = clock;
        this.baseUrl = config.baseUrl();
    }

    /** Whether this registration gets a certificate now. */
    public boolean isIssuedTo(Registration r) {
        return r.placeIsTheirs() && r.checkedInAt != null && r.anonymisedAt == null
                && r.conference.endsAt.isBefore(clock.instant());
    }

    /**
     * The certificate as a PDF; its code and date are set with the first one and stay the same. The PDF is rendered
     * after the short transaction that looks the registration up.
     *
     * @throws NoCertificate
     *             when the registration gets none (yet)
     */
    public byte[] pdf(long registrationId) {
        return pdf.render(QuarkusTransaction.requiringNew().call(() -> issue(registrationId)));
    }

    private CertificateView issue(long registrationId) {
        Registration r = Registration.findById(registrationId);
        if (r == null || !isIssuedTo(r)) {
            throw new NoCertificate();
        }
        return view(r, signatures.dataUri(r.conference.id).orElse(null));
    }

    /** What the public check of a certificate shows: whose it is, and of which event when. */
    public record Verified(String name, String conference, String dates) {
    }

    /** The certificate with this code, however it was typed, in the words of this language. */
    public Optional<Verified> verify(String typed, Locale locale) {
        return CertificateCodes.normalise(typed)
                .flatMap(code -> Registration.find("certificateCode", code).<Registration> firstResultOptional())
                .filter(this::isIssuedTo).map(r -> new Verified(r.fullName(), r.conference.title,
                        dates(r.conference, locale, d -> d, (start, end) -> start + " – " + end)));
    }

    /** Issues everyone's certificate (codes and dates set, committed) and returns what each says, by name. */
    @Transactional
    public List<CertificateView> issueAll(Conference conference) {
        List<Registration> attended = Registration
                .list("conference = ?1 and status = ?2 and checkedInAt is not null and anonymisedAt is null"
                        + " order by lastName, firstName, id", conference, RegistrationStatus.CONFIRMED);
        String signature = signatures.dataUri(conference.id).orElse(null);
        return attended.stream().filter(this::isIssuedTo).map(r -> view(r, signature)).toList();
    }

    /** The certificates in one ZIP, a PDF each; rendered outside any transaction, however long it takes. */
    public void zip(List<CertificateView> certificates, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (CertificateView certificate : certificates) {
                zip.putNextEntry(new ZipEntry(certificate.fileName()));
                zip.write(pdf.render(certificate));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * "Teilnahmebescheinigung-Mueller-Maria-12.pdf": the name in plain ASCII (umlauts spelt out, other accents
     * dropped), so that every browser, mail program and file system takes it as it is.
     */
    public static String fileName(Registration r) {
        String name = java.text.Normalizer
                .normalize(
                        (r.lastName + "-" + r.firstName).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss"),
                        java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return Texts.certificate(Locale.forLanguageTag(r.locale)).file_name() + "-" + name + "-" + r.id + ".pdf";
    }

    /**
     * Sets the code and the date of issue with the first certificate. The entity never writes these columns, so the
     * row's version stays: an attendee's change in flight is not refused for it.
     */
    private Object[] issued(Registration r) {
        em.createNativeQuery("update registration set certificate_code = ?1, certificate_issued_at = ?2"
                + " where id = ?3 and certificate_code is null").setParameter(1, CertificateCodes.next())
                .setParameter(2, clock.instant()).setParameter(3, r.id).executeUpdate();
        return (Object[]) em
                .createNativeQuery("select certificate_code, certificate_issued_at from registration where id = ?1")
                .setParameter(1, r.id).getSingleResult();
    }

    private CertificateView view(Registration r, String signature) {
        Object[] issued = issued(r);
        String code = (String) issued[0];
        Instant issuedAt = issued[1] instanceof Instant i ? i : ((java.sql.Timestamp) issued[1]).toInstant();
        Locale locale = Locale.forLanguageTag(r.locale);
        CertificateMessages m = Texts.certificate(locale);
        Conference c = r.conference;
        String dates = dates(c, locale, m::on_day, m::from_to);
        List<String> items = r.activeBookings().stream().filter(b -> b.status == BookingStatus.CONFIRMED)
                .map(b -> b.item.title + " (" + EventTime.span(b.item.startsAt, b.item.endsAt, locale) + ")").toList();
        return new CertificateView(locale.getLanguage(), r.fullName(), r.organisation, c.title, c.motto, dates,
                place(r, m), items, c.organisation.name, c.certificateSigner, signature, code,
                baseUrl + "/certificates/" + code, EventTime.shortDate(issuedAt, locale), fileName(r));
    }

    /** The conference's day, or its first and last day, in the words given for each. */
    private static String dates(Conference c, Locale locale, java.util.function.UnaryOperator<String> oneDay,
            java.util.function.BinaryOperator<String> severalDays) {
        String start = EventTime.shortDate(c.startsAt, locale);
        return EventTime.day(c.startsAt).equals(EventTime.day(c.endsAt)) ? oneDay.apply(start)
                : severalDays.apply(start, EventTime.shortDate(c.endsAt, locale));
    }

    /** "online", or the venue's name and town. */
    private static String place(Registration r, CertificateMessages m) {
        if (r.attendance == Attendance.ONLINE) {
            return m.online();
        }
        String place = r.conference.venue == null ? ""
                : java.util.stream.Stream.of(r.conference.venue.name, r.conference.venue.city)
                        .filter(part -> part != null && !part.isBlank())
                        .collect(java.util.stream.Collectors.joining(", "));
        return place.isEmpty() ? m.on_site() : place;
    }
}
