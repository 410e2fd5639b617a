package de.konferenzbuero.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A field of typed text that must follow {@link Text#allowed}; refused as {@link Problem#CHARACTERS_NOT_ALLOWED}. */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    /** Whether line breaks and tabs are allowed. */
    boolean multiLine() default false;

    String message() default "CHARACTERS_NOT_ALLOWED";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link PlainText} field. */
    class Validator implements ConstraintValidator<PlainText, String> {

        private boolean multiLine;

        @Override
        public void initialize(PlainText annotation) {
            multiLine = annotation.multiLine();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Text.allowed(value, multiLine);
        }
    }
}
