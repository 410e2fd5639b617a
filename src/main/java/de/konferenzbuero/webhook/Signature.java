package de.konferenzbuero.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification defines them (standardwebhooks.com), so receivers can verify with
 * its libraries or a few lines of their own: HMAC-SHA256 under the secret's key over {@code id.timestamp.body}, base64,
 * sent as {@code webhook-signature: v1,<signature>} next to {@code webhook-id} and {@code webhook-timestamp} (seconds
 * since 1970).
 */
public final class Signature {

    static final String PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signature() {
    }

    /** A new secret: {@code whsec_} and 32 random bytes in base64. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The value of the {@code webhook-signature} header. */
    public static String sign(String secret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
