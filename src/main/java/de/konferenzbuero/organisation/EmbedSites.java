package de.konferenzbuero.organisation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/**
 * The sites an organisation lets frame its embeddable list: origins as CSP {@code frame-ancestors} takes them, an
 * {@code https} address without path (a leading {@code *.} for every subdomain), or {@code http://localhost} and
 * {@code http://127.0.0.1} with any port for trying it out on one's own computer.
 */
public final class EmbedSites {

    public static final int MAX = 10;

    private static final String LABEL = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";

    /** A host, or {@code *.} and a domain of at least two labels (never a whole top-level domain such as *.de). */
    private static final Pattern ORIGIN = Pattern.compile("https://(" + LABEL + "(\\." + LABEL + ")*|\\*\\." + LABEL
            + "(\\." + LABEL + ")+)(:\\d{1,5})?|http://(localhost|127\\.0\\.0\\.1)(:\\d{1,5})?");

    private EmbedSites() {
    }

    /**
     * The origins typed one per line (or separated by spaces or commas), in normal form: lower case, without a closing
     * slash, each once.
     *
     * @throws InvalidInput
     *             (field {@code sites}) when one is no such origin, or there are more than {@link #MAX}
     */
    public static List<String> parse(String text) {
        Set<String> sites = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split("[\\s,]+")) {
            String site = part.strip().toLowerCase(Locale.ROOT);
            if (site.endsWith("/")) {
                site = site.substring(0, site.length() - 1);
            }
            if (site.isEmpty()) {
                continue;
            }
            if (site.length() > 200 || !ORIGIN.matcher(site).matches()) {
                throw new InvalidInput("sites", Problem.EMBED_SITE);
            }
            sites.add(site);
        }
        if (sites.size() > MAX) {
            throw new InvalidInput("sites", Problem.EMBED_SITE);
        }
        return new ArrayList<>(sites);
    }

    /**
     * The {@code frame-ancestors} source list: the app itself (the organisers' preview) and these sites.
     */
    public static String frameAncestors(List<String> sites) {
        return sites.isEmpty() ? "'self'" : "'self' " + String.join(" ", sites);
    }
}
