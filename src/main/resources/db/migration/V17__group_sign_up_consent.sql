-- Group sign-up: one person registers colleagues and declares that they were told about the privacy notice; their
-- consents are recorded with the channel GROUP.
ALTER TABLE consent_record DROP CONSTRAINT consent_record_channel_known;
ALTER TABLE consent_record ADD CONSTRAINT consent_record_channel_known
    CHECK (channel IN ('FORM', 'API', 'ORGANISER', 'MANAGE_PAGE', 'GROUP'));
