package de.konferenzbuero.afterevent;

import java.util.List;

/**
 * What a certificate of attendance says, in the attendee's language: who, which event, when and where, the booked items
 * booked, who issues and signs it (the signature image as a data URI, or null), and the code that proves it.
 */
public record CertificateView(String lang, String name, String organisation, String conference, String motto,
        String dates, String place, List<String> items, String issuer, String signer, String signature, String code,
        String verifyUrl, String issuedOn, String fileName) {
}
