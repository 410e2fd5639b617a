-- The mail of a sign-up is stored without its bodies in the sign-up's transaction and rendered after it, by the
-- dispatcher that claims it (mail/RegistrationMails.fillIn; claims are exclusive across instances, so each is rendered
-- once). Bodies are null only until then.
ALTER TABLE outbox_message ALTER COLUMN html DROP NOT NULL;
ALTER TABLE outbox_message ALTER COLUMN text DROP NOT NULL;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_sent_with_bodies CHECK (status <> 'SENT' OR (html IS NOT NULL AND text IS NOT NULL));
