package de.konferenzbuero.conference;

import jakarta.persistence.Embeddable;

/** Slides, a recording or results of an agenda item: a title and the address where it is. */
@Embeddable
public class Document {

    public String title;

    public String url;

    public Document() {
    }

    public Document(String title, String url) {
        this.title = title;
        this.url = url;
    }
}
