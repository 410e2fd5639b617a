-- Regional apps and websites select conferences by region and by tag (issue 15): the organiser sets both.
ALTER TABLE conference ADD COLUMN region varchar(100);
CREATE TABLE conference_tag (
    conference_id bigint NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
    tag           varchar(50) NOT NULL,
    PRIMARY KEY (conference_id, tag)
);
CREATE INDEX conference_tag_by_tag ON conference_tag (lower(tag));
