package de.konferenzbuero.input;

import java.time.Instant;
import java.util.List;

/** The checks several forms share; each adds a {@link FieldProblem} to the list when the input fails. */
public final class Checks {

    private Checks() {
    }

    /** Typed text without the blanks around it; null when nothing but blanks was typed. */
    public static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Required text of at most {@code max} characters that follows {@link Text#allowed} (line breaks allowed). */
    public static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || Text.visibleOrEmpty(value).isBlank()) {
            problems.add(new FieldProblem(field, Problem.REQUIRED));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, Problem.TOO_LONG));
        } else if (!Text.allowed(value, true)) {
            problems.add(new FieldProblem(field, Problem.CHARACTERS_NOT_ALLOWED));
        }
    }

    /** Optional text: when given, like {@link #text}. */
    public static void optionalText(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && !value.isBlank()) {
            text(problems, field, value, max);
        }
    }

    /** An optional web address: an absolute {@code https:} or {@code http:} URL with a host, at most {@code max}. */
    public static void optionalUrl(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.length() > max) {
            problems.add(new FieldProblem(field, Problem.TOO_LONG));
            return;
        }
        try {
            java.net.URI uri = new java.net.URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                problems.add(new FieldProblem(field, Problem.URL_INVALID));
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(new FieldProblem(field, Problem.URL_INVALID));
        }
    }

    /** An optional e-mail address in the one normal form ({@link EmailAddresses}). */
    public static void optionalEmail(List<FieldProblem> problems, String field, String value) {
        if (value != null && !value.isBlank() && EmailAddresses.normalise(value).isEmpty()) {
            problems.add(new FieldProblem(field, Problem.EMAIL_INVALID));
        }
    }

    /** A start and an end, both given, the end after the start. */
    public static void span(List<FieldProblem> problems, Instant start, Instant end) {
        if (start == null) {
            problems.add(new FieldProblem("startsAt", Problem.DATE_INVALID));
        }
        if (end == null) {
            problems.add(new FieldProblem("endsAt", Problem.DATE_INVALID));
        } else if (start != null && !end.isAfter(start)) {
            problems.add(new FieldProblem("endsAt", Problem.END_BEFORE_START));
        }
    }
}
