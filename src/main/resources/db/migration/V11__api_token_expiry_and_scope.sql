-- API tokens get an expiry (new tokens always; tokens made before stay valid until revoked) and a scope:
-- read-only tokens may only read through the organiser API.
ALTER TABLE api_token
    ADD COLUMN expires_at timestamptz,
    ADD COLUMN read_only boolean NOT NULL DEFAULT false;
