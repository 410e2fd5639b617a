package de.konferenzbuero.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals text at rest with AES-256-GCM under the key {@code konferenzbuero.sealing-key} (32 random bytes in base64, from
 * the environment in production), so that a dump of the database alone lets nobody manage a registration: the manage
 * secrets and the stored mails (which carry the links) are sealed; lookups go by a SHA-256 hash.
 * <p>
 * Keys are rotated with {@code konferenzbuero.sealing-previous-keys}: values sealed under a previous key still open,
 * everything new is sealed under the current key, and {@link SealAtStart} reseals the rest at start-up.
 */
public final class Sealing {

    /** The key setting. */
    public static final String KEY_SETTING = "konferenzbuero.sealing-key";

    /** Keys that sealed values before the current one: they only open. */
    public static final String PREVIOUS_KEYS_SETTING = "konferenzbuero.sealing-previous-keys";

    /** Marks a sealed value; text written before sealing existed has no prefix and is read as it is. */
    static final String PREFIX = "s1:";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The keys of one configuration: read once per application start, not on every seal. */
    private record Keys(Config config, SecretKey currentKey, List<SecretKey> previousKeys) {
    }

    private static volatile Keys keys;

    private Sealing() {
    }

    public static String seal(String plain) {
        if (plain == null) {
            return null;
        }
        return PREFIX + Base64.getEncoder().encodeToString(encrypt(keys().currentKey(), plain));
    }

    /** The nonce followed by the cipher text and its tag. */
    private static byte[] encrypt(SecretKey key, String plain) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    /**
     * @throws WrongSealingKey
     *             when the value was sealed under neither the current key nor a previous one
     */
    public static String open(String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        byte[] bytes = sealedBytes(stored);
        Keys keys = keys();
        String plain = openWith(keys.currentKey(), bytes);
        for (int i = 0; plain == null && i < keys.previousKeys().size(); i++) {
            plain = openWith(keys.previousKeys().get(i), bytes);
        }
        if (plain == null) {
            throw new WrongSealingKey();
        }
        return plain;
    }

    /** Whether a stored value is plain text or sealed under a previous key, so that it is to be sealed again. */
    static boolean needsSealing(String stored) {
        return stored != null && (!isSealed(stored) || openWith(keys().currentKey(), sealedBytes(stored)) == null);
    }

    /** Whether previous keys are configured, so that values may still be sealed under one of them. */
    static boolean hasPreviousKeys() {
        return !keys().previousKeys().isEmpty();
    }

    /** Seals with the given key (base64): for tests that store what an earlier key sealed. */
    static String sealWith(String encodedKey, String plain) {
        return PREFIX + Base64.getEncoder().encodeToString(encrypt(aes(encodedKey), plain));
    }

    private static byte[] sealedBytes(String stored) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new WrongSealingKey();
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new WrongSealingKey();
        }
        return bytes;
    }

    /** The plain text, or null when the value was not sealed under this key. */
    private static String openWith(SecretKey key, byte[] bytes) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            return null;
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

    private static Keys keys() {
        Config config = ConfigProvider.getConfig();
        Keys known = keys;
        if (known == null || known.config() != config) {
            String current = config.getValue(KEY_SETTING, String.class);
            List<String> previous = config.getOptionalValues(PREVIOUS_KEYS_SETTING, String.class).orElse(List.of());
            known = new Keys(config, aes(current), previous.stream().map(Sealing::aes).toList());
            keys = known;
        }
        return known;
    }

    private static SecretKey aes(String encoded) {
        return new SecretKeySpec(Base64.getDecoder().decode(encoded), "AES");
    }

    /**
     * A sealed value opens with none of the configured keys: the key was changed after it was sealed without naming the
     * earlier one as a previous key, or the value was changed.
     */
    public static class WrongSealingKey extends IllegalStateException {
        WrongSealingKey() {
            super("A stored value was sealed with another key than KONFERENZBUERO_SEALING_KEY and"
                    + " KONFERENZBUERO_SEALING_PREVIOUS_KEYS; restore the key it was sealed with");
        }
    }
}
