-- An API key may be limited to one organisation (issue 12): it then acts only on that organisation's conferences,
-- and never beyond what its account may do. Null: every organisation of the account (keys made before keep working).
ALTER TABLE api_token ADD COLUMN organisation_id bigint REFERENCES organisation (id) ON DELETE CASCADE;
