-- Documentation after the event (issue 16): slides, recordings and results per agenda item, as links the organisers
-- add; shown on the public conference page once the conference is over.
CREATE TABLE agenda_item_document (
    agenda_item_id bigint       NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    position       integer      NOT NULL,
    title          varchar(200) NOT NULL,
    url            varchar(500) NOT NULL,
    PRIMARY KEY (agenda_item_id, position)
);
