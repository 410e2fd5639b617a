-- The embeddable list (issue 15): the sites an organisation lets show its list in a frame (CSP frame-ancestors),
-- one origin per line, e.g. "https://www.bad-belzig.de".
ALTER TABLE organisation ADD COLUMN embed_sites varchar(2500) NOT NULL DEFAULT '';
