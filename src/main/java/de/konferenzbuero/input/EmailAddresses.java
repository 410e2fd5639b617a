package de.konferenzbuero.input;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One mailbox, one spelling: addresses are stored as {@link #normalise} makes them, so the same mailbox written two
 * ways (upper case, decomposed umlauts, the domain in Unicode or in its ASCII form) is recognised as one. The database
 * checks the result (constraint {@code registration_email_normalised}).
 */
public final class EmailAddresses {

    /** RFC 5321's limit for a whole address. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern LOCAL_PART = Pattern.compile("[^@\\s\\p{Cntrl}]+");
    private static final Pattern ASCII_DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

    private EmailAddresses() {
    }

    /**
     * The address {@link #normalise normalised}, for a form or API field that must hold one.
     *
     * @throws InvalidInput
     *             on {@code field}: REQUIRED when it is empty, EMAIL_INVALID when it is not an address
     */
    public static String required(String field, String address) {
        return normalise(address).orElseThrow(() -> new InvalidInput(field,
                address == null || address.isBlank() ? Problem.REQUIRED : Problem.EMAIL_INVALID));
    }

    /**
     * Trimmed, in Unicode NFC, the domain in its IDNA ASCII form, in lower case; empty when that is not an address of a
     * mailbox on a domain, or longer than {@value #MAX_LENGTH} characters.
     */
    public static Optional<String> normalise(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String nfc = Normalizer.normalize(address.strip(), Normalizer.Form.NFC);
        int at = nfc.lastIndexOf('@');
        if (at <= 0 || at == nfc.length() - 1) {
            return Optional.empty();
        }
        String local = nfc.substring(0, at).toLowerCase(Locale.ROOT);
        String domain;
        try {
            domain = IDN.toASCII(nfc.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String normalised = local + "@" + domain;
        if (!LOCAL_PART.matcher(local).matches() || !ASCII_DOMAIN.matcher(domain).matches()
                || normalised.length() > MAX_LENGTH || !Normalizer.isNormalized(normalised, Normalizer.Form.NFC)) {
            return Optional.empty();
        }
        return Optional.of(normalised);
    }
}
