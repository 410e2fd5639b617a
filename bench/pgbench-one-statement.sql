-- pgbench reference for bench/signup-benchmark.sh: the same database work as one sign-up of the app (place,
-- registration, event, outbox row with a rendered mail of the app's size) in ONE statement in autocommit,
-- so the conference row lock is held only while the server runs it and commits. What the database could do
-- if the app took the lock in its last statement. Variables: -D conf=<id of the conference 'bench-sql'>.
\set r random(1, 9000000000000000000)
with c as (
    select id, (onsite_capacity is null or onsite_taken < onsite_capacity) as free
    from conference where id = :conf for no key update
), take as (
    update conference set onsite_taken = onsite_taken + 1 from c where conference.id = c.id and c.free
    returning conference.id
), r as (
    insert into registration (conference_id, manage_secret_hash, manage_secret_sealed, first_name, last_name, email, organisation, role,
        attendance, status, waitlist_seq, locale, needs_wheelchair, needs_sign_language, needs_induction_loop,
        needs_other, dietary_needs, privacy_policy_version, privacy_consented_at, photo_consent, checkin_code)
    select c.id, md5('s' || :r) || md5('t' || :r), 's1:' || encode(sha256(('s' || :r)::bytea), 'base64'), 'Bench', 'Pgbench', 'q' || :r || '@pgbench.example.org', null, null, 'ON_SITE',
        case when c.free then 'CONFIRMED' else 'WAITLISTED' end,
        case when c.free then null else nextval('waitlist_seq') end,
        'de', false, false, false, null, null, '2026-11', now(), false, 'c' || :r
    from c
    returning id, status
), e as (
    insert into registration_event (registration_id, kind) select id, status from r
), o as (
    insert into outbox_message (message_id, registration_id, template, recipient, locale, subject, html, text,
        attachments)
    select '<' || :r || '@pgbench>', id, 'confirmed', 'q' || :r || '@pgbench.example.org', 'de',
        'Anmeldung bestätigt', (select string_agg(md5(random()::text), '') from generate_series(1, 78)), (select string_agg(md5(random()::text), '') from generate_series(1, 23)),
        jsonb_build_array(jsonb_build_object('name', 'konferenz.ics', 'contentType', 'text/calendar',
            'content', (select string_agg(md5(random()::text), '') from generate_series(1, 36))))
    from r
)
select id, status from r;
