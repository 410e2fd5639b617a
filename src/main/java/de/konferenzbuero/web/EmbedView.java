package de.konferenzbuero.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/**
 * What a municipal website chose for the embeddable list, from its query parameters: {@code region} (optional),
 * {@code all=true} (every organisation's conferences in that region), {@code accent} and {@code background} from a
 * fixed set of colours that keep WCAG AA contrast, and {@code limit} (1 to 20 entries, default 10).
 */
public record EmbedView(String region, boolean all, Accent accent, Background background, int limit) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 20;

    /** Link and heading colours; each has at least 4.5:1 contrast on both backgrounds. */
    public enum Accent {
        BLUE, GREEN, TEAL, RED, PURPLE, GREY;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Background {
        WHITE, LIGHT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @throws InvalidInput
     *             naming each parameter that is not one of its values
     */
    public static EmbedView of(String region, String all, String accent, String background, String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        String place = Checks.strippedOrNull(region);
        if (place != null && (place.length() > 100 || !de.konferenzbuero.input.Text.allowed(place, false))) {
            problems.add(new FieldProblem("region", Problem.FILTER_INVALID));
        }
        boolean everyone = "true".equals(all);
        if ((all != null && !all.equals("true") && !all.equals("false")) || (everyone && place == null)) {
            problems.add(new FieldProblem("all", Problem.FILTER_INVALID));
        }
        Accent colour = choice(Accent.values(), accent, Accent.BLUE, "accent", problems);
        Background paper = choice(Background.values(), background, Background.WHITE, "background", problems);
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            if (limit.matches("\\d{1,2}") && Integer.parseInt(limit) >= 1 && Integer.parseInt(limit) <= MAX_LIMIT) {
                size = Integer.parseInt(limit);
            } else {
                problems.add(new FieldProblem("limit", Problem.FILTER_INVALID));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new EmbedView(place, everyone, colour, paper, size);
    }

    /** The query string of these choices (only those that differ from the defaults), with the language if given. */
    public String query(String lang) {
        List<String> parts = new ArrayList<>();
        if (region != null) {
            parts.add("region="
                    + java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (all) {
            parts.add("all=true");
        }
        if (accent != Accent.BLUE) {
            parts.add("accent=" + accent.wire());
        }
        if (background != Background.WHITE) {
            parts.add("background=" + background.wire());
        }
        if (limit != DEFAULT_LIMIT) {
            parts.add("limit=" + limit);
        }
        if (lang != null) {
            parts.add("lang=" + lang);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** The allowed values of each parameter, for the page that refuses others. */
    public static List<String> allowed() {
        return List.of("accent: " + String.join(", ", Arrays.stream(Accent.values()).map(Accent::wire).toList()),
                "background: " + String.join(", ", Arrays.stream(Background.values()).map(Background::wire).toList()),
                "limit: 1–" + MAX_LIMIT, "all: true, false (true only with region)");
    }

    private static <E extends Enum<E>> E choice(E[] values, String given, E fallback, String field,
            List<FieldProblem> problems) {
        if (given == null || given.isBlank()) {
            return fallback;
        }
        for (E value : values) {
            if (value.name().equalsIgnoreCase(given.strip())) {
                return value;
            }
        }
        problems.add(new FieldProblem(field, Problem.FILTER_INVALID));
        return fallback;
    }
}
