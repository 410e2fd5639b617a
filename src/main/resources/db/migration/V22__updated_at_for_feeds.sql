-- Calendar feeds (issue 15) tell clients when a conference or agenda item last changed: Last-Modified, DTSTAMP.
-- Rows that exist get the time of this migration; counters change by SQL and leave the column as it is.
ALTER TABLE conference ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE agenda_item ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
