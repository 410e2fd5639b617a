-- Contingents (issue 14): places of a mode reserved for a group (e.g. 30 of 120 for the host municipality's council),
-- taken only through an invitation that names the contingent, until released to everyone (released = true, set by the
-- release job at release_at, or by the organiser). Unreleased, their free places (places - taken) count as taken for
-- everyone else by the one capacity rule; only the registration package's capacity code changes taken and released.
CREATE TABLE contingent (
    id            bigserial    PRIMARY KEY,
    conference_id bigint       NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
    name          varchar(200) NOT NULL,
    attendance    varchar(16)  NOT NULL,
    places        integer      NOT NULL,
    taken         integer      NOT NULL DEFAULT 0,
    release_at    timestamptz,
    released      boolean      NOT NULL DEFAULT false,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0,
    CONSTRAINT contingent_attendance_known CHECK (attendance IN ('ON_SITE', 'ONLINE')),
    CONSTRAINT contingent_within_places CHECK (places >= 0 AND taken >= 0 AND taken <= places)
);
CREATE INDEX contingent_conference ON contingent (conference_id);

-- Invitations: a secret link that lets its holder register even before the public window opens or while the
-- conference is a draft (not when it is cancelled or its registration has closed), without waiting for approval, and
-- with a place of its contingent where it names one. Personal ones are tied to one address, stored only as the SHA-256
-- of its normal form (like the rate limit keys); a shared code may be used max_uses times. A use is counted when a
-- registration is made with it and not given back when that registration ends.
CREATE TABLE invitation (
    id            bigserial    PRIMARY KEY,
    conference_id bigint       NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
    contingent_id bigint       REFERENCES contingent (id) ON DELETE SET NULL,
    label         varchar(200) NOT NULL,
    token_hash    varchar(64)  NOT NULL UNIQUE,
    email_hash    varchar(64),
    max_uses      integer      NOT NULL,
    uses          integer      NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    created_by    varchar(254),
    revoked_at    timestamptz,
    CONSTRAINT invitation_uses_within_limit CHECK (max_uses >= 1 AND uses >= 0 AND uses <= max_uses),
    CONSTRAINT invitation_personal_is_single CHECK (email_hash IS NULL OR max_uses = 1)
);
CREATE INDEX invitation_conference ON invitation (conference_id);

-- the invitation a registration was made with, and the contingent whose place it holds (only while CONFIRMED: the
-- capacity code clears it in the statement that gives the place back)
ALTER TABLE registration ADD COLUMN invitation_id bigint REFERENCES invitation (id) ON DELETE SET NULL;
ALTER TABLE registration ADD COLUMN contingent_id bigint REFERENCES contingent (id);
CREATE INDEX registration_contingent ON registration (contingent_id) WHERE contingent_id IS NOT NULL;
