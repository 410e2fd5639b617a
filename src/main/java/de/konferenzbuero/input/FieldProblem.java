package de.konferenzbuero.input;

/** A refused input: which field (as named in the form and the JSON API) and why. */
public record FieldProblem(String field, Problem problem) {
}
