package de.konferenzbuero.api;

import java.time.OffsetDateTime;
import java.util.List;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;

/**
 * A registration as the attendee sees it; positions are 0 unless waitlisted; {@code confirmAddressBy} is set while the
 * place is only held until the address is confirmed, {@code offerExpiresAt} while a place offered from the waitlist
 * waits to be accepted ({@code POST .../offer/accept} or {@code .../offer/decline}); {@code placeOffers} lists the
 * places of items and options offered from their waitlists ({@code POST .../offer/accept?item=} or {@code ?option=}).
 */
record RegistrationJson(String conference, RegistrationStatus status, long waitlistPosition, Attendance attendance,
        String firstName, String lastName, String email, String organisation, String role, List<ItemJson> items,
        List<QuestionJson.AnswerJson> answers, String manageUrl, OffsetDateTime createdAt,
        OffsetDateTime confirmAddressBy, OffsetDateTime offerExpiresAt, List<PlaceOfferJson> placeOffers) {

    /** An offered place: of the item {@code agendaItemId} or of the option {@code optionId}, held until then. */
    record PlaceOfferJson(Long agendaItemId, Long optionId, String title, OffsetDateTime expiresAt) {
    }

    record ItemJson(long agendaItemId, String title, BookingStatus status, long waitlistPosition,
            boolean keptUntilSwap) {
    }

    static RegistrationJson of(Registration r, String baseUrl) {
        return new RegistrationJson(r.conference.slug, r.status, r.waitlistPosition(), r.attendance, r.firstName,
                r.lastName, r.email, r.organisation, r.role,
                r.activeBookings().stream().map(
                        b -> new ItemJson(b.item.id, b.item.title, b.status, b.waitlistPosition(), r.keptUntilSwap(b)))
                        .toList(),
                QuestionJson.answers(r), baseUrl + "/registrations/" + r.manageSecret, ConferenceJson.time(r.createdAt),
                r.awaitsConfirmation() ? ConferenceJson.time(r.holdExpiresAt) : null,
                r.hasOffer() ? ConferenceJson.time(r.offerExpiresAt) : null, placeOffers(r));
    }

    private static List<PlaceOfferJson> placeOffers(Registration r) {
        java.util.Locale language = "en".equals(r.locale) ? java.util.Locale.ENGLISH : java.util.Locale.GERMAN;
        return java.util.stream.Stream.concat(
                r.offeredBookings().stream().map(
                        b -> new PlaceOfferJson(b.item.id, null, b.item.title, ConferenceJson.time(b.offerExpiresAt))),
                r.offeredAnswers().stream()
                        .map(a -> new PlaceOfferJson(null, a.option.id,
                                a.question.label(language) + ": " + a.option.label(language),
                                ConferenceJson.time(a.offerExpiresAt))))
                .toList();
    }
}
