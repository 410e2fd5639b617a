package de.konferenzbuero.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;

/**
 * With DKIM configured as the README says (a PKCS#8 key file, the signing domain and the selector), the mails that
 * arrive at a real SMTP server carry a signature that a receiving server's verifier (Apache jDKIM, given the public key
 * as DNS would) accepts over From, To, Subject and Message-ID; a changed body no longer verifies. The From header names
 * the sender as mail programs expect ({@code Name <address>}).
 */
@QuarkusTest
@TestProfile(DkimTest.Signed.class)
class DkimTest {

    static final KeyPair KEYS = keys();
    static final String DOMAIN = "konferenzbuero.example";
    static final String SELECTOR = "kb2026";

    /** The README's settings, with a key made for this test. */
    public static class Signed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path key = Files.createTempFile("dkim", ".key");
                key.toFile().deleteOnExit();
                Files.writeString(key, Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded()));
                return Map.of("quarkus.mailer.dkim.enabled", "true", "quarkus.mailer.dkim.private-key-path",
                        key.toString(), "quarkus.mailer.dkim.sdid", DOMAIN, "quarkus.mailer.dkim.selector", SELECTOR);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    MailDispatcher dispatcher;

    @Test
    void aConfirmationArrivesWithASignatureTheReceiverAccepts() throws Exception {
        TestConferences.create("dkim-signiert", c -> {
        });
        Attendees.signUp("dkim-signiert", "dkim.empfang@example.org");
        dispatcher.dispatchDue();

        MimeMessage mail = List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> address(m).contains("dkim.empfang@example.org")).findFirst().orElseThrow();
        byte[] raw = raw(mail);
        String text = new String(raw, StandardCharsets.UTF_8);
        assertThat(text).contains("DKIM-Signature:")
                .as("the sender's name as mail programs show it, encoded, in front of the address")
                .contains("\r\nFrom: =?UTF-8?B?S29uZmVyZW56YsO8cm8=?= <noreply@konferenzbuero.example>\r\n");
        assertThat(((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getPersonal())
                .isEqualTo("Konferenzbüro");
        assertThat(mail.getHeader("From")).as("one From header").hasSize(1);

        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
            assertThat(selector.toString()).isEqualTo(SELECTOR);
            assertThat(domain.toString()).isEqualTo(DOMAIN);
            return List.of("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
        });
        List<SignatureRecord> signatures = verifier.verify(new ByteArrayInputStream(raw));
        assertThat(signatures).hasSize(1);
        SignatureRecord signature = signatures.get(0);
        assertThat(signature.getDToken().toString()).isEqualTo(DOMAIN);
        assertThat(signature.getHeaders().stream().map(h -> h.toString().toLowerCase())).contains("from", "to",
                "subject", "message-id");

        String tampered = new String(raw, StandardCharsets.UTF_8).replace("Test", "Tset");
        assertThatThrownBy(() -> new DKIMVerifier((method, selector, domain) -> List
                .of("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded())))
                        .verify(new ByteArrayInputStream(tampered.getBytes(StandardCharsets.UTF_8))))
                                .isInstanceOf(FailException.class);
    }

    private static String address(MimeMessage mail) {
        try {
            return String.join(",", mail.getHeader("To"));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] raw(MimeMessage mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out);
        return out.toByteArray();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
