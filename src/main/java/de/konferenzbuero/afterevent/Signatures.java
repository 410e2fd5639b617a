package de.konferenzbuero.afterevent;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/**
 * The signature image a conference prints on its certificates: a PNG or JPEG of at most {@value #MAX_BYTES} bytes,
 * recognised by its first bytes (not by what the browser says it is).
 */
@ApplicationScoped
public class Signatures {

    static final int MAX_BYTES = 200 * 1024;

    private final EntityManager em;

    Signatures(EntityManager em) {
        this.em = em;
    }

    /** The image as a data URI for the certificate's template, if the conference has one. */
    public Optional<String> dataUri(long conferenceId) {
        List<?> rows = em
                .createNativeQuery("select content_type, image from certificate_signature where conference_id = ?1")
                .setParameter(1, conferenceId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return "data:" + columns[0] + ";base64," + Base64.getEncoder().encodeToString((byte[]) columns[1]);
        });
    }

    public boolean exists(long conferenceId) {
        return !em.createNativeQuery("select 1 from certificate_signature where conference_id = ?1")
                .setParameter(1, conferenceId).getResultList().isEmpty();
    }

    /**
     * Stores (or replaces) the image; to be called in the organiser's transaction after the access check.
     *
     * @throws InvalidInput
     *             when it is empty, too large, or neither PNG nor JPEG
     */
    public void save(long conferenceId, byte[] image) {
        String type = typeOf(image);
        if (type == null || image.length > MAX_BYTES) {
            throw new InvalidInput("signature", Problem.IMAGE_INVALID);
        }
        em.createNativeQuery("""
                insert into certificate_signature (conference_id, content_type, image) values (?1, ?2, ?3)
                on conflict (conference_id) do update set content_type = excluded.content_type, image = excluded.image
                """).setParameter(1, conferenceId).setParameter(2, type).setParameter(3, image).executeUpdate();
    }

    public void remove(long conferenceId) {
        em.createNativeQuery("delete from certificate_signature where conference_id = ?1").setParameter(1, conferenceId)
                .executeUpdate();
    }

    private static String typeOf(byte[] image) {
        if (image == null || image.length < 8) {
            return null;
        }
        if ((image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            return "image/png";
        }
        if ((image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 && (image[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }
}
