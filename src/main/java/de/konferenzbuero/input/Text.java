package de.konferenzbuero.input;

/**
 * The one rule for text people type: letters, digits, punctuation and spaces of any script, and line breaks and tabs in
 * multi-line fields. Refused: control characters (a NUL byte among them, which the database would refuse late),
 * unpaired surrogates (stored as "?" otherwise), the bidirectional overrides and isolates that make a text read other
 * than it is stored ("Trojan Source"), and Unicode non-characters. Zero-width characters are allowed inside a text
 * (some scripts and emoji need them), but a text made only of invisible characters counts as empty.
 */
public final class Text {

    private Text() {
    }

    /** Whether the text holds only characters the rule allows (null counts as allowed: required is its own rule). */
    public static boolean allowed(String text, boolean multiLine) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i++);
                if ((cp & 0xFFFE) == 0xFFFE) {
                    return false;
                }
            } else if (Character.isSurrogate(c) || !allowed(c, multiLine)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c, boolean multiLine) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return multiLine;
        }
        return !Character.isISOControl(c) && !(c >= '\u202A' && c <= '\u202E') && !(c >= '\u2066' && c <= '\u2069')
                && !(c >= '\uFDD0' && c <= '\uFDEF') && c != '\uFFFE' && c != '\uFFFF';
    }

    /** The text, or "" when it holds nothing visible: only spaces and invisible (format) characters. */
    public static String visibleOrEmpty(String text) {
        if (text == null) {
            return null;
        }
        boolean visible = text.codePoints()
                .anyMatch(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                        && Character.getType(cp) != Character.FORMAT && cp != 0x115F && cp != 0x1160 && cp != 0x3164
                        && cp != 0xFFA0);
        return visible ? text : "";
    }
}
