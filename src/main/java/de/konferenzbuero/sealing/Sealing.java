package de.konferenzbuero.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals text at rest with AES-256-GCM under the key {@code konferenzbuero.sealing-key} (32 random bytes in base64, from
 * the environment in production), so that a dump of the database alone lets nobody manage a registration: the manage
 * secrets and the stored mails (which carry the links) are sealed; lookups go by a SHA-256 hash.
 */
public final class Sealing {

    /** The key setting. */
    public static final String KEY_SETTING = "konferenzbuero.sealing-key";

    /** Marks a sealed value; text written before sealing existed has no prefix and is read as it is. */
    static final String PREFIX = "s1:";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Key(String encoded, SecretKey key) {
    }

    private static volatile Key current;

    private Sealing() {
    }

    public static String seal(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    /**
     * @throws WrongSealingKey
     *             when the value was sealed under another key
     */
    public static String open(String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new WrongSealingKey();
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new WrongSealingKey();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new WrongSealingKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Opening a sealed value failed", e);
        }
    }

    public static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** SHA-256 in hex: how a secret with 256 random bits is found without storing it. */
    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKey key() {
        String encoded = ConfigProvider.getConfig().getValue(KEY_SETTING, String.class);
        Key key = current;
        if (key == null || !key.encoded().equals(encoded)) {
            key = new Key(encoded, new SecretKeySpec(Base64.getDecoder().decode(encoded), "AES"));
            current = key;
        }
        return key.key();
    }

    /** A sealed value does not open with the configured key: the key was changed after it was sealed, or the value. */
    public static class WrongSealingKey extends IllegalStateException {
        WrongSealingKey() {
            super("A stored value was sealed with another key than KONFERENZBUERO_SEALING_KEY; restore the key it was"
                    + " sealed with");
        }
    }
}
