-- A dump of the database alone must not let anyone manage a registration. The manage secret is no longer stored as
-- it is: a link finds its registration by the SHA-256 hash of its secret, and the secret itself (needed for the links
-- in later mails) is sealed with AES-GCM under a key from the configuration (konferenzbuero.sealing-key), like the
-- stored mails. The app seals the secrets of rows written before this migration at start-up (SealAtStart) and then
-- clears manage_secret; until then the hash computed here already finds them.
ALTER TABLE registration
    ADD COLUMN manage_secret_hash   varchar(64),
    ADD COLUMN manage_secret_sealed text;

UPDATE registration SET manage_secret_hash = encode(sha256(convert_to(manage_secret, 'UTF8')), 'hex');

ALTER TABLE registration
    ALTER COLUMN manage_secret_hash SET NOT NULL,
    ALTER COLUMN manage_secret DROP NOT NULL,
    ADD CONSTRAINT registration_secret_hash_unique UNIQUE (manage_secret_hash),
    ADD CONSTRAINT registration_secret_kept CHECK (manage_secret_sealed IS NOT NULL OR manage_secret IS NOT NULL);
