package de.konferenzbuero.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code From} header as mail programs and spam filters expect it: {@code Display Name <address>}, the name encoded
 * by RFC 2047 where it is not plain ASCII. The mail client on its own writes the older {@code address (Name)} form,
 * which many programs show as the bare address.
 */
final class FromHeader {

    private FromHeader() {
    }

    /** The header value for a configured sender such as {@code Konferenzbüro <anmeldung@example.org>}, or null. */
    static String of(String from) {
        if (from == null) {
            return null;
        }
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        if (open < 0 || close < open) {
            return null; // a bare address: the mail client writes it as it is
        }
        String name = from.substring(0, open).strip().replaceAll("^\"|\"$", "");
        String address = from.substring(open + 1, close).strip();
        if (name.isEmpty()) {
            return "<" + address + ">";
        }
        return display(name) + " <" + address + ">";
    }

    private static String display(String name) {
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (!ascii) {
            return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
        }
        return name.matches("[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+") ? name
                : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
