-- Scheduled jobs that must run once per period across all app instances (the consistency check, later
-- retention) claim their period here: one UPDATE decides which instance runs it.
CREATE TABLE scheduled_job (
    name         varchar(64)  PRIMARY KEY,
    next_run_at  timestamptz  NOT NULL,
    last_run_at  timestamptz,
    last_run_by  varchar(200)
);
