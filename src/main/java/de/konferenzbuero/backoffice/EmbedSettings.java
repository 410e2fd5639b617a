package de.konferenzbuero.backoffice;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.organisation.EmbedSites;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;

/** The sites an organisation lets frame its embeddable list, set by its organisers; audited. */
@ApplicationScoped
public class EmbedSettings {

    private final Audit audit;

    EmbedSettings(Audit audit) {
        this.audit = audit;
    }

    /** The organisation if the organiser works for it; else not found. */
    public Organisation find(Organiser organiser, long organisationId) {
        Organisation organisation = Organisation.findById(organisationId);
        if (organisation == null || !organiser.memberOf(organisation)) {
            throw new NotYours();
        }
        return organisation;
    }

    /**
     * @throws de.konferenzbuero.input.InvalidInput
     *             (field {@code sites}) for an address that is no site, or more than {@link EmbedSites#MAX}
     */
    @Transactional
    public List<String> saveSites(Organiser organiser, long organisationId, String sites) {
        Organisation organisation = find(organiser, organisationId);
        List<String> parsed = EmbedSites.parse(sites);
        String stored = String.join("\n", parsed);
        if (!stored.equals(organisation.embedSites)) {
            organisation.embedSites = stored;
            audit.record(organiser.email, null, "ORGANISATION", organisationId, "embed sites",
                    parsed.isEmpty() ? "none" : String.join(", ", parsed));
        }
        return parsed;
    }
}
