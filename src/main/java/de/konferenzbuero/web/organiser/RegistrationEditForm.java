package de.konferenzbuero.web.organiser;

import jakarta.ws.rs.core.MultivaluedMap;

import de.konferenzbuero.backoffice.RegistrationAdmin;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.web.FormState;
import de.konferenzbuero.web.attendee.SignUpForm;

/** The organiser's form to correct an attendee's details. */
public class RegistrationEditForm extends FormState {

    private RegistrationEditForm() {
        super(SignUpForm::label);
    }

    public static RegistrationEditForm of(Registration r) {
        RegistrationEditForm form = new RegistrationEditForm();
        form.put("firstName", r.firstName);
        form.put("lastName", r.lastName);
        form.put("email", r.email);
        form.put("organisation", r.organisation);
        form.put("role", r.role);
        form.put("needsOther", r.needsOther);
        form.put("dietaryNeeds", r.dietaryNeeds);
        if (r.needsWheelchair) {
            form.put("needsWheelchair", "true");
        }
        if (r.needsSignLanguage) {
            form.put("needsSignLanguage", "true");
        }
        if (r.needsInductionLoop) {
            form.put("needsInductionLoop", "true");
        }
        form.put("version", String.valueOf(r.version));
        return form;
    }

    public static RegistrationEditForm of(MultivaluedMap<String, String> fields) {
        RegistrationEditForm form = new RegistrationEditForm();
        form.read(fields);
        return form;
    }

    public RegistrationAdmin.Edit toEdit() {
        Integer version;
        try {
            version = Integer.valueOf(value("version"));
        } catch (NumberFormatException e) {
            version = null;
        }
        return new RegistrationAdmin.Edit(value("firstName"), value("lastName"), value("email"), value("organisation"),
                value("role"), value("needsOther"), value("dietaryNeeds"), checked("needsWheelchair"),
                checked("needsSignLanguage"), checked("needsInductionLoop"), version);
    }
}
