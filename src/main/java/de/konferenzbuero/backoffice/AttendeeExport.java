package de.konferenzbuero.backoffice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import de.konferenzbuero.EventTime;
import de.konferenzbuero.OrganiserMessages;
import de.konferenzbuero.PrivacyMessages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.ConsentRecord;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;
import de.konferenzbuero.registration.WaitlistPositions;

/**
 * Attendee lists for spreadsheets: CSV (UTF-8 with BOM and semicolons, as German Excel expects) and XLSX, for the whole
 * conference or one bookable item. Active registrations only: confirmed first, then the waiting list.
 */
@ApplicationScoped
public class AttendeeExport {

    private final RegistrationAdmin registrations;
    private final AgendaEditing agenda;

    AttendeeExport(RegistrationAdmin registrations, AgendaEditing agenda) {
        this.registrations = registrations;
        this.agenda = agenda;
    }

    /** The list as rows of text, header first. */
    public List<List<String>> rows(Organiser organiser, long conferenceId, Long itemId, Locale locale) {
        AgendaItem item = itemId == null ? null : agenda.find(organiser, conferenceId, itemId);
        OrganiserMessages m = Texts.organiser(locale);
        List<List<String>> rows = new ArrayList<>();
        List<Question> questions = Question.listAnswerable(registrations.conferenceOf(organiser, conferenceId));
        List<String> header = new ArrayList<>(List.of(m.exp_last_name(), m.exp_first_name(), m.exp_email(),
                m.exp_organisation(), m.exp_role(), m.exp_attendance(), m.exp_status(), m.exp_items(),
                m.exp_accessibility(), m.exp_dietary(), m.exp_photo(), m.exp_registered(), m.exp_checked_in()));
        questions.forEach(q -> header
                .add(q.label(locale) + (q.deletedAt == null ? "" : " " + Texts.question(locale).removed_kept())));
        rows.add(header);
        List<Registration> list = registrations.all(organiser, conferenceId,
                new RegistrationAdmin.Filter(null, null, null, itemId));
        WaitlistPositions positions = WaitlistPositions.of(conferenceId);
        for (Registration r : list) {
            if (!r.isActive()) {
                continue;
            }
            String status = statusOf(r, item, positions, locale);
            List<String> row = new ArrayList<>(List.of(r.lastName, r.firstName, r.email, nz(r.organisation), nz(r.role),
                    Texts.of(locale).attendance(r.attendance), status,
                    r.activeBookings().stream()
                            .map(b -> b.item.title + " (" + Texts.of(locale).item_status(b.status) + ")")
                            .collect(Collectors.joining(", ")),
                    needs(r, locale), nz(r.dietaryNeeds), r.photoConsent ? m.reg_yes() : m.reg_no(),
                    EventTime.local(r.createdAt).toLocalDateTime().withNano(0).toString().replace('T', ' '),
                    r.checkedInAt == null ? "" : EventTime.local(r.checkedInAt).toLocalDateTime().withNano(0).toString()
                            .replace('T', ' ')));
            Map<Long, String> answers = r.answerLines(locale).stream()
                    .collect(Collectors.toMap(Registration.AnswerLine::questionId, Registration.AnswerLine::answer));
            questions.forEach(q -> row.add(answers.getOrDefault(q.id, "")));
            rows.add(row);
        }
        return rows;
    }

    /** The consent log of a conference the caller has checked access to, header first. */
    public List<List<String>> consentRows(Conference conference, Locale locale) {
        OrganiserMessages m = Texts.organiser(locale);
        PrivacyMessages t = Texts.privacy(locale);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(m.exp_last_name(), m.exp_first_name(), m.exp_email(), t.exp_consent(), t.exp_consent_version(),
                t.exp_consent_given(), t.exp_consent_channel(), t.exp_consent_language(), t.exp_consent_at()));
        Map<Long, Registration> byId = new HashMap<>();
        Registration.<Registration> list("conference", conference).forEach(r -> byId.put(r.id, r));
        for (ConsentRecord c : ConsentRecord.ofConference(conference.id)) {
            Registration r = byId.get(c.registrationId);
            rows.add(List.of(r.lastName, r.firstName, r.email, t.consent(c.consent), nz(c.version),
                    c.given ? m.reg_yes() : m.reg_no(), t.consent_channel(c.channel), c.locale,
                    EventTime.local(c.at).toLocalDateTime().withNano(0).toString().replace('T', ' ')));
        }
        return rows;
    }

    /** CSV for Excel: UTF-8 with byte order mark, semicolons, CRLF, every field quoted. */
    public byte[] csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            out.append(row.stream().map(AttendeeExport::quote).collect(Collectors.joining(";"))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx(List<List<String>> rows, String sheetName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Konferenzbuero", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    sheet.value(r, c, row.get(c));
                }
            }
            sheet.range(0, 0, 0, rows.get(0).size() - 1).style().bold().set();
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String statusOf(Registration r, AgendaItem item, WaitlistPositions positions, Locale locale) {
        if (item != null) {
            return r.activeBookings().stream().filter(b -> b.item.id.equals(item.id)).findFirst()
                    .map(b -> Texts.of(locale).item_status(b.status)
                            + (b.status == BookingStatus.WAITLISTED ? " " + positions.of(b) : ""))
                    .orElse("");
        }
        return Texts.organiser(locale).reg_state(r.status)
                + (r.status == RegistrationStatus.WAITLISTED ? " " + positions.of(r) : "")
                + (r.hasOffer() ? " (" + Texts.offer(locale).org_state(EventTime.shortDate(r.offerExpiresAt, locale),
                        EventTime.time(r.offerExpiresAt)) + ")" : "");
    }

    private static String needs(Registration r, Locale locale) {
        List<String> needs = new ArrayList<>();
        if (r.needsWheelchair) {
            needs.add(Texts.of(locale).signup_needs_wheelchair());
        }
        if (r.needsSignLanguage) {
            needs.add(Texts.of(locale).signup_needs_sign_language());
        }
        if (r.needsInductionLoop) {
            needs.add(Texts.of(locale).signup_needs_induction_loop());
        }
        if (r.needsOther != null) {
            needs.add(r.needsOther);
        }
        return String.join(", ", needs);
    }

    /** Quotes a field; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
    static String quote(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
