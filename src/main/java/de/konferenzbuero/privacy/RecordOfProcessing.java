package de.konferenzbuero.privacy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.organisation.Organisation;

/**
 * The record of processing activities (Art. 30 GDPR) of this installation, filled from what it actually does: the
 * operator from the configuration, the categories of data from the column classification ({@link PersonalData}), the
 * recipients from the organisations and the mail server, the deletion periods from the configuration and the
 * conferences that set their own.
 */
@ApplicationScoped
public class RecordOfProcessing {

    /** The record as the page shows it. */
    public record View(AppConfig.Legal legal, AppConfig.Privacy periods, String privacyPolicyVersion,
            Map<PersonalData.Kind, List<String>> columns, List<String> organisations, String mailServer,
            List<Conference> ownPeriods, AppConfig.RateLimits limits, boolean secureCookies) {
    }

    private final AppConfig config;
    private final String mailServer;

    RecordOfProcessing(AppConfig config,
            @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String mailServer) {
        this.config = config;
        this.mailServer = mailServer;
    }

    @Transactional
    public View view() {
        Map<PersonalData.Kind, List<String>> columns = PersonalData.columns().stream()
                .filter(c -> c.kind() != PersonalData.Kind.KEPT)
                .collect(Collectors.groupingBy(PersonalData.Column::kind, TreeMap::new,
                        Collectors.mapping(c -> c.table() + "." + c.name(), Collectors.toList())));
        List<String> organisations = Organisation.<Organisation> list("order by name").stream().map(o -> o.name)
                .toList();
        List<Conference> ownPeriods = Conference.list("retentionDays is not null order by startsAt");
        return new View(config.legal(), config.privacy(), config.privacyPolicyVersion(), columns, organisations,
                mailServer, ownPeriods, config.rateLimits(), config.secureCookies());
    }
}
