package de.konferenzbuero.registration;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.input.PlainText;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.input.Text;

/**
 * What an attendee enters to register; the same for the form and the JSON API. The constraint messages are
 * {@link Problem} names.
 */
public record SignUp(@NotBlank(message = "REQUIRED") @Size(max = 100, message = "TOO_LONG") @PlainText String firstName,
        @NotBlank(message = "REQUIRED") @Size(max = 100, message = "TOO_LONG") @PlainText String lastName,
        @NotBlank(message = "REQUIRED") @Size(max = 254, message = "TOO_LONG") @PlainText @Email(message = "EMAIL_INVALID") String email,
        @Size(max = 200, message = "TOO_LONG") @PlainText String organisation,
        @Size(max = 200, message = "TOO_LONG") @PlainText String role,
        @NotNull(message = "REQUIRED") Attendance attendance, List<Long> items, boolean needsWheelchair,
        boolean needsSignLanguage, boolean needsInductionLoop,
        @Size(max = 1000, message = "TOO_LONG") @PlainText(multiLine = true) String needsOther,
        @Size(max = 500, message = "TOO_LONG") @PlainText(multiLine = true) String dietaryNeeds, boolean privacyConsent,
        boolean photoConsent, String locale, List<Answered> answers) {

    public SignUp {
        firstName = Text.visibleOrEmpty(firstName);
        lastName = Text.visibleOrEmpty(lastName);
        email = email == null ? null : email.strip();
        items = items == null ? List.of() : List.copyOf(items);
        answers = answers == null ? List.of() : answers.stream().filter(Objects::nonNull).toList();
    }
}
