#!/usr/bin/env bash
# Scale-of-data benchmark for Konferenzbüro: the main pages, lists, exports and feeds timed at a small and
# at a large amount of data, side by side. A benchmark, not a test: it prints figures and never fails on
# time; it exits non-zero only when something broke.
#
#   bench/scale-benchmark.sh [--no-build] [--build] [--keep]
#
# What it does:
#   1. builds the app if needed, starts a throwaway PostgreSQL 15 and the packaged app in prod mode
#      (bench/common.sh) with a first administrator;
#   2. SMALL: 10 published conferences with 100 registrations each (1,000 in all), written in SQL;
#      each page below is asked for 5 times to warm up, then REQUESTS (30) times one after another: the
#      median answer time (curl, from request to the last byte);
#   3. LARGE: 990 more conferences with 100 registrations each (1,000 conferences, 100,000 registrations),
#      then the same pages again;
#   4. the ratio large ÷ small: per page for what shows a page of the same size at both (one conference's
#      registrations table, CSV export and public page, the stored catalogue, the feed's first page); per
#      entry for the whole lists (the rendered catalogue, /api/conferences, the organisers' overview).
#
# Settings (environment): BENCH_REQUESTS=30 BENCH_PG_PORT=5499 BENCH_APP_PORT=8099 BENCH_MANAGEMENT_PORT=9099
#   BENCH_PG_BIN=/usr/lib/postgresql/15/bin BENCH_JAVA_OPTS (default: the README's production command) BENCH_KEEP=1
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/settings.sh
source "$ROOT/bench/settings.sh"

REQUESTS="${BENCH_REQUESTS:-30}"

while [ $# -gt 0 ]; do
    case "$1" in
    *) shared_option "$1"; shift ;;
    esac
done

CLIENTS=1
WRK_THREADS=1

# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

ADMIN=admin@scale.example
PASSWORD=Benchmark-Passwort-2026
APP_ENV=(KONFERENZBUERO_MAIL_DISPATCH_EVERY=off QUARKUS_MAILER_PORT=2599 KONFERENZBUERO_ADMIN_EMAIL="$ADMIN"
    KONFERENZBUERO_ADMIN_INITIAL_PASSWORD="$PASSWORD")
start_app

# ---------------------------------------------------------------- data
sql "insert into organisation (slug, name) values ('scale', 'Landkreis Skalierung')"
add_conferences() { # from to: conferences number FROM..TO, each with 100 registrations (80 confirmed, 20 waitlisted)
    sql "insert into conference (organisation_id, slug, title, starts_at, ends_at, format, venue_name, venue_city,
            onsite_capacity, onsite_taken, registration_opens_at, status, confirm_email)
         select o.id, 'scale-' || n, 'Regionalkonferenz ' || n, now() + (n * 37 % 400 - 100) * interval '1 day',
            now() + (n * 37 % 400 - 100) * interval '1 day' + interval '8 hours', 'ON_SITE', 'Stadthalle', 'Skalhausen',
            80, 80, least(now(), now() + (n * 37 % 400 - 100) * interval '1 day') - interval '1 day', 'PUBLISHED', false
         from organisation o, generate_series($1, $2) n where o.slug = 'scale'"
    sql "insert into registration (conference_id, first_name, last_name, email, attendance, status, locale,
            privacy_policy_version, privacy_consented_at, waitlist_seq, organisation, manage_secret,
            manage_secret_hash, checkin_code)
         select c.id, 'Vorname' || i, 'Nachname' || i, 'p' || i || '@' || c.slug || '.example', 'ON_SITE',
            case when i <= 80 then 'CONFIRMED' else 'WAITLISTED' end, 'de', '1', now(),
            case when i > 80 then nextval('waitlist_seq') end, 'Gemeinde ' || (i % 7), 'scale-' || c.id || '-' || i,
            encode(sha256(('scale-' || c.id || '-' || i)::bytea), 'hex'), 'S' || c.id || 'X' || i
         from conference c, generate_series(1, 100) i
         where c.slug in (select 'scale-' || n from generate_series($1, $2) n)"
    sql "analyze"
}

# ---------------------------------------------------------------- the organiser's session (cookies by hand: the
# prod cookies are Secure and __Host-, which curl keeps only over HTTPS)
login() {
    local csrf
    csrf="$(curl -s -D - -o /dev/null "$APP_URL/organiser/login" | sed -n 's/^[Ss]et-[Cc]ookie: __Host-csrf-token=\([^;]*\).*/\1/p' | tr -d '\r')"
    [ -n "$csrf" ] || die "no CSRF cookie from the login page"
    SESSION="$(curl -s -D - -o /dev/null -H "Cookie: __Host-csrf-token=$csrf" \
        --data-urlencode "email=$ADMIN" --data-urlencode "password=$PASSWORD" --data-urlencode "csrf-token=$csrf" \
        "$APP_URL/organiser/login" | sed -n 's/^[Ss]et-[Cc]ookie: kb_session=\([^;]*\).*/\1/p' | tr -d '\r')"
    [ -n "$SESSION" ] || die "the organiser login failed"
}

PAGES=(
    "catalogue (as stored)|/|page"
    "catalogue (rendered)|/?scale=1|entry"
    "/api/conferences|/api/conferences|entry"
    "feed /api/feed/conferences (a page of entries)|/api/feed/conferences|page"
    "organisers' overview|/organiser|entry"
    "conference page|/conferences/scale-5?scale=1|page"
    "registrations table, first page|/organiser/conferences/CONF/registrations|page"
    "CSV export of one conference|/organiser/conferences/CONF/attendees.csv|page"
)

time_pages() { # label: prints one line per page and writes "label|page|median ms" to $WORK/times
    local conf code
    conf="$(sql "select id from conference where slug = 'scale-5'")"
    for entry in "${PAGES[@]}"; do
        IFS='|' read -r name path _ <<<"$entry"
        path="${path/CONF/$conf}"
        code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: kb_session=$SESSION" "$APP_URL$path")"
        [ "$code" = 200 ] || die "$path answered $code"
        for _ in 1 2 3 4 5; do curl -s -o /dev/null -H "Cookie: kb_session=$SESSION" "$APP_URL$path"; done
        local median
        median="$(for _ in $(seq 1 "$REQUESTS"); do
            curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: kb_session=$SESSION" "$APP_URL$path"
        done | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] * 1000 }')"
        printf '  %-40s %8s ms\n' "$name" "$median"
        echo "$1|$name|$median" >>"$WORK/times"
    done
}

say "SMALL: 10 conferences, 1,000 registrations"
add_conferences 1 10
login
time_pages small
say "LARGE: 1,000 conferences, 100,000 registrations"
add_conferences 11 1000
echo "  $(sql "select count(*) from conference") conferences, $(sql "select count(*) from registration") registrations"
time_pages large

# ---------------------------------------------------------------- summary
say "SUMMARY (large ÷ small; per page for one conference's pages, per entry for whole lists; target ≤ 2)"
for entry in "${PAGES[@]}"; do
    IFS='|' read -r name _ unit <<<"$entry"
    small="$(grep "^small|$name|" "$WORK/times" | cut -d'|' -f3)"
    large="$(grep "^large|$name|" "$WORK/times" | cut -d'|' -f3)"
    if [ "$unit" = entry ]; then
        ratio="$(calc .2f "($large / 1000) / ($small / 10)")"
        what="per entry"
    else
        ratio="$(calc .2f "$large / $small")"
        what="per page"
    fi
    printf '  %-40s small %8s ms, large %8s ms: %s ratio %s\n' "$name" "$small" "$large" "$what" "$ratio"
    figure "scale: $name, 1,000 ÷ 10 conferences ($what)" "≤ 2" "$ratio ($small → $large ms)" "$(meets "$ratio <= 2")"
done
