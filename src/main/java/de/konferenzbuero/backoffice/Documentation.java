package de.konferenzbuero.backoffice;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Document;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.organisation.Organiser;

/** The documentation organisers attach to agenda items: links to slides, recordings and results, ten per item. */
@ApplicationScoped
public class Documentation {

    static final int PER_ITEM = 10;

    private final AgendaEditing agenda;
    private final Audit audit;

    Documentation(AgendaEditing agenda, Audit audit) {
        this.agenda = agenda;
        this.audit = audit;
    }

    /**
     * Adds a link.
     *
     * @throws InvalidInput
     *             without a title, without an https or http address, or beyond ten per item
     */
    @Transactional
    public void add(Organiser organiser, long conferenceId, long itemId, String title, String url) {
        AgendaItem item = agenda.find(organiser, conferenceId, itemId);
        List<FieldProblem> problems = new ArrayList<>();
        Checks.text(problems, "documentTitle", title, 200);
        if (url == null || url.isBlank()) {
            problems.add(new FieldProblem("documentUrl", Problem.REQUIRED));
        } else {
            Checks.optionalUrl(problems, "documentUrl", url, 500);
        }
        if (item.documents.size() >= PER_ITEM) {
            problems.add(new FieldProblem("documentTitle", Problem.TOO_LONG));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        item.documents.add(new Document(title.strip(), url.strip()));
        audit.record(organiser.email, conferenceId, "AGENDA_ITEM", itemId, "documentation added", title.strip());
    }

    /** Removes the link at this position (from 0); nothing when there is none. */
    @Transactional
    public void remove(Organiser organiser, long conferenceId, long itemId, int position) {
        AgendaItem item = agenda.find(organiser, conferenceId, itemId);
        if (position >= 0 && position < item.documents.size()) {
            Document removed = item.documents.remove(position);
            audit.record(organiser.email, conferenceId, "AGENDA_ITEM", itemId, "documentation removed", removed.title);
        }
    }
}
