package de.konferenzbuero.sealing;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a text column sealed (see {@link Sealing}); entities read and write it as plain text. */
@Converter
public class SealedText implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String plain) {
        return Sealing.seal(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return Sealing.open(stored);
    }
}
