#!/usr/bin/env bash
# Rush benchmark for Konferenzbüro: registration opens and people come, as they live it. A benchmark,
# not a test: it prints figures and never fails on time. It exits non-zero only when something broke
# or a place was given twice.
#
#   bench/rush-benchmark.sh [--people N] [--duration SECONDS] [--no-build] [--build] [--keep]
#
# What it does (docs/benchmarks.md explains the figures):
#   1. builds the app if needed, starts a throwaway PostgreSQL 15 and the packaged app in prod mode
#      (bench/common.sh, as the sign-up benchmark does), with the mail dispatcher on, every second,
#      sending to a local SMTP server that accepts everything (bench/SmtpSink.java);
#   2. in SQL: a published conference "rush" with CAPACITY places (2,000) on site and two parallel
#      workshops of WORKSHOP places (150) each, five more published conferences for the catalogue,
#      and a warm-up conference;
#   3. warm-up: WARMUP people (2,000) in 20 s on the warm-up conference, then the outbox drains;
#   4. THE RUSH: PEOPLE people (10,000) arrive evenly over SECONDS (60), open loop
#      (bench/RushClient.java): each opens the catalogue, opens the conference page (a first visit),
#      signs up with the page's form, one of the two workshops chosen at random, opens the registration
#      page the form leads to, and CANCEL (3 %) of them cancel at once through the API;
#      p50/p99/max per step and per person, errors;
#   5. how long the outbox needs to hand every mail of the rush to the SMTP server, and at what rate;
#   6. oversold check in SQL: confirmed registrations and bookings against the capacities and counters.
#
# Settings (environment): BENCH_PEOPLE=10000 BENCH_RUSH_DURATION=60 BENCH_RUSH_CAPACITY=2000
#   BENCH_WORKSHOP_PLACES=150 BENCH_CANCEL=0.03 BENCH_RUSH_WARMUP=2000 BENCH_PG_PORT=5499 BENCH_APP_PORT=8099
#   BENCH_MANAGEMENT_PORT=9099 BENCH_SMTP_PORT=2598 BENCH_PG_BIN=/usr/lib/postgresql/15/bin
#   BENCH_JAVA_OPTS (default: the options of the README's production command) BENCH_KEEP=1 (keep the work directory)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/settings.sh
source "$ROOT/bench/settings.sh"

PEOPLE="${BENCH_PEOPLE:-10000}"
DURATION="${BENCH_RUSH_DURATION:-60}"
CAPACITY="${BENCH_RUSH_CAPACITY:-2000}"
WORKSHOP="${BENCH_WORKSHOP_PLACES:-150}"
CANCEL="${BENCH_CANCEL:-0.03}"
WARMUP_PEOPLE="${BENCH_RUSH_WARMUP:-2000}"

while [ $# -gt 0 ]; do
    case "$1" in
    --people) PEOPLE="$2"; shift 2 ;;
    -d | --duration) DURATION="$2"; shift 2 ;;
    *) shared_option "$1"; shift ;;
    esac
done

CLIENTS=1
WRK_THREADS=1

# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

# ---------------------------------------------------------------- SMTP server and app
start_smtp_sink
APP_ENV=(KONFERENZBUERO_MAIL_DISPATCH_EVERY=1s QUARKUS_MAILER_PORT="$SMTP_PORT" QUARKUS_MAILER_START_TLS=DISABLED)
start_app
echo "mail: the dispatcher runs every second and hands mails to the SMTP sink on port $SMTP_PORT;" \
    "rate limits off (every request comes from 127.0.0.1); double opt-in off (a sign-up confirms at once)"

sql "insert into organisation (slug, name) values ('rush', 'Rush-Landkreis')"
sql "insert into conference (organisation_id, slug, title, starts_at, ends_at, format, venue_name, venue_city,
        onsite_capacity, registration_opens_at, status, confirm_email)
     select o.id, c.slug, c.title, now() + interval '30 days' + c.n * interval '1 day',
        now() + interval '30 days 8 hours' + c.n * interval '1 day', 'ON_SITE', 'Stadthalle', 'Rushhausen', c.cap,
        now() - interval '1 minute', 'PUBLISHED', false
     from organisation o,
        (values ('rush', 'Regionalkonferenz Rush', $CAPACITY, 0), ('rush-warmup', 'Aufwärmen', 10000000, 1),
                ('rush-a', 'Digitaltag A', 150, 2), ('rush-b', 'Digitaltag B', 150, 3), ('rush-c', 'Digitaltag C', 150, 4),
                ('rush-d', 'Digitaltag D', 150, 5), ('rush-e', 'Digitaltag E', 150, 6)) c (slug, title, cap, n)
     where o.slug = 'rush'"
sql "insert into agenda_item (conference_id, starts_at, ends_at, title, kind, bookable, capacity)
     select c.id, c.starts_at + w.h * interval '1 hour', c.starts_at + (w.h + 1) * interval '1 hour', w.title, w.kind, w.bookable,
        case when w.bookable then $WORKSHOP end
     from conference c, (values (0, 'Begrüßung', 'WELCOME', false), (1, 'Keynote: Daten für alle', 'KEYNOTE', false),
        (2, 'Workshop Offene Daten', 'WORKSHOP', true), (2, 'Workshop Smarte Mobilität', 'WORKSHOP', true),
        (3, 'Marktplatz', 'MARKETPLACE', false)) w (h, title, kind, bookable)
     where c.slug in ('rush', 'rush-warmup')"

rush() { # slug people seconds prefix -> the client's output
    run_bg java -XX:+UseSerialGC -Xmx1g "$ROOT/bench/RushClient.java" --url "$APP_URL" --slug "$1" --people "$2" \
        --duration "$3" --cancel "$CANCEL" --prefix "$4" >"$WORK/rush-$1.log" 2>&1 ||
        { cat "$WORK/rush-$1.log"; die "the rush client failed"; }
    cat "$WORK/rush-$1.log"
}
pending_mails() { sql "select count(*) from outbox_message where status = 'PENDING'"; }
drain() { # waits until no mail is pending (at most 30 min); prints the seconds it waited
    local t0
    t0="$(date +%s%N)"
    for _ in $(seq 1 3600); do
        [ "$(pending_mails)" = 0 ] && break
        sleep 0.5
    done
    calc .1f "($(date +%s%N) - $t0) / 1e9"
}

# ---------------------------------------------------------------- warm-up
say "warm-up (JIT): $WARMUP_PEOPLE people in 20 s on another conference, then the outbox drains"
rush rush-warmup "$WARMUP_PEOPLE" 20 warm | grep '^RUSH_TOTAL' | sed 's/^/  /'
echo "  outbox drained $(drain) s after the warm-up"
wait_quiet

# ---------------------------------------------------------------- the rush
say "THE RUSH: $PEOPLE people in $DURATION s, open loop (bench/RushClient.java): catalogue, conference page, sign-up form with one of two workshops, registration page; $(calc .0f "$CANCEL * 100") % cancel"
RUSH_START="$(sql "select now()")"
sql "select pg_stat_statements_reset()" >/dev/null
C0="$(cpu_snapshot)"
OUT="$(rush rush "$PEOPLE" "$DURATION" r)"
C1="$(cpu_snapshot)"
RUSH_END_NS="$(date +%s%N)"
grep -v '^RUSH' <<<"$OUT" | sed 's/^/  /'
echo "  step                               answers     p50 ms     p99 ms     max ms  errors"
grep '^RUSH step=' <<<"$OUT" | while read -r line; do
    printf '  %-32s %9s %10s %10s %10s %7s\n' "$(field "$line" step | tr '_' ' ')" "$(field "$line" n)" \
        "$(field "$line" p50_ms)" "$(field "$line" p99_ms)" "$(field "$line" max_ms)" "$(field "$line" errors)"
    first_error="$(field "$line" first_error)"
    if [ -n "$first_error" ]; then echo "      first error: $(tr '_' ' ' <<<"$first_error")"; fi
done
TOTAL="$(grep '^RUSH_TOTAL' <<<"$OUT")"
RUSH_S="$(field "$TOTAL" seconds)"
cpu_report "$C0" "$C1" "$RUSH_S" "$(field "$TOTAL" people)"
echo "  PostgreSQL's busiest statements during the rush (pg_stat_statements: total ms, calls, mean ms):"
sql "select round(s.total_exec_time)::bigint || ' ms | ' || s.calls || ' | ' || round(s.mean_exec_time::numeric, 2) || ' | '
        || left(regexp_replace(s.query, '\s+', ' ', 'g'), 140)
     from pg_stat_statements s join pg_database d on d.oid = s.dbid
     where d.datname = 'konferenzbuero' and s.query not like '%pg_stat_statements%'
     order by s.total_exec_time desc limit 12" | sed 's/^/    /'
PENDING_AT_END="$(pending_mails)"
D0="$(cpu_snapshot)"
SENT_BEFORE_DRAIN="$(sql "select count(*) from outbox_message where status = 'SENT'")"
DRAIN_S="$(drain)"
D1="$(cpu_snapshot)"
DRAINED="$(( $(sql "select count(*) from outbox_message where status = 'SENT'") - SENT_BEFORE_DRAIN ))"
if [ "$DRAINED" -gt 0 ] && [ "$(calc .0f "$DRAIN_S * 10")" -gt 0 ]; then # (the outbox may have emptied meanwhile)
    echo "  the outbox alone, after the last person ($DRAINED mails in $DRAIN_S s, $(calc .0f "$DRAINED / ($DRAIN_S > 0 ? $DRAIN_S : 1)") mails/s):"
    echo 0 >"$WORK/client.ticks" # no load client in this window
    cpu_report "$D0" "$D1" "$DRAIN_S" "$DRAINED" | sed 's/per sign-up/per mail/'
    MAIL_CPU_MS="$(calc .2f "($(cut -d' ' -f1 <<<"$D1") - $(cut -d' ' -f1 <<<"$D0")) * 1000 / $HZ / $DRAINED")"
    DRAIN_RATE="$(calc .0f "$DRAINED / ($DRAIN_S > 0 ? $DRAIN_S : 1)")"
fi
MAILS="$(sql "select count(*) || ' ' || coalesce(extract(epoch from max(sent_at) - min(sent_at)), 0)
    || ' ' || coalesce(extract(epoch from max(sent_at) - '$RUSH_START'::timestamptz), 0)
    from outbox_message where created_at >= '$RUSH_START' and status = 'SENT'")"
read -r MAIL_COUNT MAIL_SPAN MAIL_LAST <<<"$MAILS"
DEAD="$(sql "select count(*) from outbox_message where status = 'DEAD'")"
echo "  mails of the rush: $MAIL_COUNT sent ($DEAD given up); $PENDING_AT_END still pending when the last person was done;" \
    "the outbox drained $DRAIN_S s after that ($(calc .1f "$MAIL_LAST") s after the rush began);" \
    "handed over at $(calc .0f "$MAIL_COUNT / ($MAIL_SPAN > 0 ? $MAIL_SPAN : 1)") mails/s from the first to the last"

# ---------------------------------------------------------------- checks
say "oversold check (SQL)"
CHECK="$(sql "select c.onsite_capacity, c.onsite_taken,
        count(r.id) filter (where r.status = 'CONFIRMED'), count(r.id) filter (where r.status = 'WAITLISTED'),
        count(r.id) filter (where r.status = 'CANCELLED')
     from conference c left join registration r on r.conference_id = c.id where c.slug = 'rush'
     group by c.id" | tr '|' ' ')"
read -r CAP TAKEN CONFIRMED WAITLISTED CANCELLED <<<"$CHECK"
echo "  conference: capacity $CAP, counter $TAKEN, confirmed $CONFIRMED, waitlisted $WAITLISTED, cancelled $CANCELLED"
ITEMS="$(sql "select i.title || '|' || i.capacity || '|' || i.taken || '|' ||
        count(b.id) filter (where b.status = 'CONFIRMED') || '|' || count(b.id) filter (where b.status = 'WAITLISTED')
     from agenda_item i join conference c on c.id = i.conference_id left join session_booking b on b.agenda_item_id = i.id
     where c.slug = 'rush' and i.bookable group by i.id order by i.id")"
ITEM_OVERSOLD=0
while IFS='|' read -r title icap itaken iconf iwait; do
    echo "  $title: capacity $icap, counter $itaken, confirmed $iconf, waitlisted $iwait"
    { [ "$iconf" -gt "$icap" ] || [ "$iconf" != "$itaken" ]; } && ITEM_OVERSOLD=$((ITEM_OVERSOLD + 1))
done <<<"$ITEMS"
OVERSOLD=0
{ [ "$CONFIRMED" -gt "$CAP" ] || [ "$CONFIRMED" != "$TAKEN" ]; } && OVERSOLD=1
OVERSOLD=$((OVERSOLD + ITEM_OVERSOLD))
echo "  oversold or miscounted: $OVERSOLD"

# ---------------------------------------------------------------- summary
ERRORS="$(field "$TOTAL" errors)"
P99_MAX="$(grep '^RUSH step=' <<<"$OUT" | grep -v 'step=person' | while read -r l; do field "$l" p99_ms; done | sort -g | tail -1)"
PERSON="$(grep '^RUSH step=person' <<<"$OUT")"
say "SUMMARY (the rush: $PEOPLE people in $DURATION s on $(nproc) cores, app, PostgreSQL and the client side by side)"
echo "  slowest step's p99 $P99_MAX ms (target 2,000 ms); a person's whole visit p50 $(field "$PERSON" p50_ms) ms, p99 $(field "$PERSON" p99_ms) ms;" \
    "errors $ERRORS (target 0); oversold $OVERSOLD (target 0); outbox drained $(calc .1f "$MAIL_LAST") s after the rush began"
figure "rush ($PEOPLE people in $DURATION s): p99 of the slowest step" "≤ 2,000 ms" "$P99_MAX ms" "$(meets "$P99_MAX <= 2000")"
figure "rush: errors" "0" "$ERRORS" "$(meets "$ERRORS == 0")"
figure "rush: oversold" "0" "$OVERSOLD" "$(meets "$OVERSOLD == 0")"
figure "rush: outbox drained, seconds after the rush began" "reported" "$(calc .1f "$MAIL_LAST") s" "reported"
if [ -n "${DRAIN_RATE:-}" ]; then
    figure "rush: mails per second while the outbox drained alone" "≥ 200/s" "$DRAIN_RATE/s" "$(meets "$DRAIN_RATE >= 200")"
    figure "rush: app CPU per mail rendered and handed over" "reported" "$MAIL_CPU_MS ms" "reported"
fi
figure "rush: mails handed to the SMTP server per second" "≥ 200/s" "$(calc .0f "$MAIL_COUNT / ($MAIL_SPAN > 0 ? $MAIL_SPAN : 1)")/s" "$(meets "$MAIL_COUNT / ($MAIL_SPAN > 0 ? $MAIL_SPAN : 1) >= 200")"

[ "$OVERSOLD" = 0 ] || die "a place was given twice or a counter is wrong (see above)"
