package de.konferenzbuero.afterevent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
    private final EntityManager em;
    private final Clock clock;
    private final String baseUrl;

    Certificates(CertificatePdf pdf, EntityManager em, Clock clock, AppConfig config) {
        this.pdf = pdf;
        this.em = em;
        this.clock = clock;
        this.baseUrl = config.baseUrl();
    }

    /** Whether this registration gets a certificate now. */
    public boolean isIssuedTo(Registration r) {
        return r.status == RegistrationStatus.CONFIRMED && r.checkedInAt != null && r.anonymisedAt == null
                && r.conference.endsAt.isBefore(clock.instant());
    }

    /**
     * The certificate as a PDF; its code is made with the first one and stays the same.
     *
     * @throws NoCertificate
     *             when the registration gets none (yet)
     */
    @Transactional
    public byte[] pdf(long registrationId) {
        Registration r = Registration.findById(registrationId);
        if (r == null || !isIssuedTo(r)) {
            throw new NoCertificate();
        }
        return pdf.render(view(r, code(r)));
    }

    /** What the public check of a certificate shows: whose it is, and of which event when. */
    public record Verified(String name, String conference, String dates) {
    }

    /** The certificate with this code, however it was typed, in the words of this language. */
    public Optional<Verified> verify(String typed, Locale locale) {
        return CertificateCodes.normalise(typed)
                .flatMap(code -> Registration.find("certificateCode", code).<Registration> firstResultOptional())
                .filter(this::isIssuedTo)
                .map(r -> new Verified(r.fullName(), r.conference.title,
                        EventTime.day(r.conference.startsAt).equals(EventTime.day(r.conference.endsAt))
                                ? EventTime.shortDate(r.conference.startsAt, locale)
                                : EventTime.shortDate(r.conference.startsAt, locale) + " – "
                                        + EventTime.shortDate(r.conference.endsAt, locale)));
    }

    /** Everyone's certificate in one ZIP, a PDF each, named by last and first name; how many. */
    @Transactional
    public int zip(Conference conference, OutputStream out) {
        List<Registration> attended = Registration
                .list("conference = ?1 and status = ?2 and checkedInAt is not null and anonymisedAt is null"
                        + " order by lastName, firstName, id", conference, RegistrationStatus.CONFIRMED);
        int written = 0;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Registration r : attended) {
                if (!isIssuedTo(r)) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(fileName(r)));
                zip.write(pdf.render(view(r, code(r))));
                zip.closeEntry();
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
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

    private String code(Registration r) {
        em.createNativeQuery("update registration set certificate_code = ?1 where id = ?2 and certificate_code is null")
                .setParameter(1, CertificateCodes.next()).setParameter(2, r.id).executeUpdate();
        return (String) em.createNativeQuery("select certificate_code from registration where id = ?1")
                .setParameter(1, r.id).getSingleResult();
    }

    private CertificateView view(Registration r, String code) {
        Locale locale = Locale.forLanguageTag(r.locale);
        CertificateMessages m = Texts.certificate(locale);
        Conference c = r.conference;
        String dates = EventTime.day(c.startsAt).equals(EventTime.day(c.endsAt))
                ? m.on_day(EventTime.shortDate(c.startsAt, locale))
                : m.from_to(EventTime.shortDate(c.startsAt, locale), EventTime.shortDate(c.endsAt, locale));
        String place = r.attendance == Attendance.ONLINE || c.venue == null || c.venue.name == null ? m.online()
                : c.venue.city == null || c.venue.city.isBlank() ? c.venue.name : c.venue.name + ", " + c.venue.city;
        List<String> items = r.activeBookings().stream().filter(b -> b.status == BookingStatus.CONFIRMED)
                .map(b -> b.item.title + " (" + EventTime.span(b.item.startsAt, b.item.endsAt, locale) + ")").toList();
        return new CertificateView(locale.getLanguage(), r.fullName(), r.organisation, c.title, c.motto, dates, place,
                items, c.organisation.name, c.certificateSigner, code, baseUrl + "/certificates/" + code,
                EventTime.shortDate(clock.instant(), locale));
    }
}
