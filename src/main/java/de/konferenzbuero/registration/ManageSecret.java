package de.konferenzbuero.registration;

import java.security.SecureRandom;
import java.util.Base64;

/** The secret in a private manage link: 256 random bits, base64url without padding (43 characters). */
final class ManageSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ManageSecret() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The code in the check-in QR code: 120 random bits, base64url (20 characters); it grants nothing else. */
    static String checkinCode() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Cheap shape check before a database look-up. */
    static boolean looksValid(String secret) {
        return secret != null && secret.length() == 43
                && secret.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
