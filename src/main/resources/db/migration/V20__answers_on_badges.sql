-- The answers of a question marked so are printed on the name badges (issue 14), e.g. "Kommune" or "Workshop-Gruppe".
ALTER TABLE question ADD COLUMN on_badge boolean NOT NULL DEFAULT false;
