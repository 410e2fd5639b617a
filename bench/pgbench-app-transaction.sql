-- pgbench reference for bench/signup-benchmark.sh: the statements the app sends for one sign-up (as seen in
-- the server log, 2026-11), each its own round trip, but without the app: no HTTP, no JVM, no mail rendering.
-- Mirrors Enrolment.enrol, Places.decide and the Hibernate look-ups around them; keep it in step when those
-- change. The registration and the rendered mail are stored before the conference row is locked.
-- Variables: -D conf=<id of the conference 'bench-sql'>. Mail sizes are those the app stores (about 2.5 kB
-- HTML, 0.7 kB text, 1.2 kB calendar attachment), made on the server from md5 strings
-- (about as compressible as the real mails).
\set r random(1, 9000000000000000000)
select * from conference where slug = 'bench-sql';
select * from agenda_item where conference_id = :conf;
BEGIN;
select * from conference where slug = 'bench-sql';
select * from agenda_item where conference_id = :conf;
select * from registration where conference_id = :conf and email = 'p' || :r || '@pgbench.example.org' and status <> 'CANCELLED' limit 1;
insert into registration (conference_id, manage_secret_hash, manage_secret_sealed, first_name, last_name, email, organisation, role,
    attendance, status, locale, needs_wheelchair, needs_sign_language, needs_induction_loop, needs_other,
    dietary_needs, privacy_policy_version, privacy_consented_at, photo_consent, checkin_code, change_count,
    created_at, updated_at, version)
values (:conf, md5('s' || :r) || md5('t' || :r), 's1:' || encode(sha256(('s' || :r)::bytea), 'base64'), 'Bench', 'Pgbench', 'p' || :r || '@pgbench.example.org', null, null, 'ON_SITE', 'CONFIRMED',
    'de', false, false, false, null, null, '2026-11', now(), false, 'c' || :r, 0, now(), now(), 0)
returning id as reg_id \gset
select * from organisation o where o.id = (select organisation_id from conference where id = :conf);
insert into outbox_message (message_id, registration_id, template, recipient, locale, subject, html, text, attachments)
values ('<' || :r || '@pgbench>', :reg_id, 'confirmed', 'p' || :r || '@pgbench.example.org', 'de', 'Anmeldung bestätigt',
    (select string_agg(md5(random()::text), '') from generate_series(1, 78)), (select string_agg(md5(random()::text), '') from generate_series(1, 23)),
    jsonb_build_array(jsonb_build_object('name', 'konferenz.ics', 'contentType', 'text/calendar', 'content', (select string_agg(md5(random()::text), '') from generate_series(1, 36)))))
returning *;
select id from conference where id = :conf for no key update;
with take as (
    update conference set onsite_taken = onsite_taken + 1
    where id = :conf and (onsite_capacity is null or onsite_taken < onsite_capacity) returning id
), r as (
    update registration
    set status = case when exists (select 1 from take) then 'CONFIRMED' else 'WAITLISTED' end,
        waitlist_seq = case when exists (select 1 from take) then null else nextval('waitlist_seq') end
    where id = :reg_id returning id, status
), e as (
    insert into registration_event (registration_id, kind) select id, status from r
)
select status from r;
COMMIT;
