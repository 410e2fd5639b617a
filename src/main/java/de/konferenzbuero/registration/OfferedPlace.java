package de.konferenzbuero.registration;

import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/** Which offered place an attendee answers: the place of a bookable item, or of a chosen option, by its id. */
public record OfferedPlace(boolean item, long id) {

    public static OfferedPlace ofItem(long itemId) {
        return new OfferedPlace(true, itemId);
    }

    public static OfferedPlace ofOption(long optionId) {
        return new OfferedPlace(false, optionId);
    }

    /**
     * The place a form or request names by {@code item} or {@code option}; null when it names neither (then the offer
     * of the conference place is meant).
     *
     * @throws InvalidInput
     *             when an id is not a number, or both are given
     */
    public static OfferedPlace named(String item, String option) {
        boolean hasItem = item != null && !item.isBlank();
        boolean hasOption = option != null && !option.isBlank();
        if (hasItem && hasOption) {
            throw new InvalidInput("option", Problem.NUMBER_INVALID);
        }
        if (!hasItem && !hasOption) {
            return null;
        }
        String field = hasItem ? "item" : "option";
        try {
            long id = Long.parseLong((hasItem ? item : option).strip());
            return hasItem ? ofItem(id) : ofOption(id);
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, Problem.NUMBER_INVALID);
        }
    }
}
