#!/usr/bin/env bash
# Start-up and memory benchmark for Konferenzbüro, with the JVM options of the README's production command
# (run from target/quarkus-app, as the README says). A benchmark, not a test: it prints figures and never
# fails on time; it exits non-zero only when something broke.
#
#   bench/startup-benchmark.sh [--signups N] [--restarts N] [--no-build] [--build] [--keep]
#
# What it does:
#   1. builds the app if needed, starts a throwaway PostgreSQL 15 and the packaged app in prod mode
#      (bench/common.sh), the mail dispatcher on, every second, sending to bench/SmtpSink.java;
#   2. first start on an empty database (Flyway creates the schema): launch to the first answered page;
#   3. SIGNUPS (10,000) sign-ups through the API (wrk, 16 connections, closed loop), then waits until the
#      outbox has sent every mail; the app's resident memory (VmRSS) afterwards;
#   4. RESTARTS (3) restarts on that database, each stopped with SIGTERM: launch to the first answered
#      page (the catalogue) for each, and the median.
#
# Settings (environment): BENCH_SIGNUPS=10000 BENCH_RESTARTS=3 BENCH_PG_PORT=5499 BENCH_APP_PORT=8099
#   BENCH_MANAGEMENT_PORT=9099 BENCH_SMTP_PORT=2598 BENCH_PG_BIN=/usr/lib/postgresql/15/bin
#   BENCH_JAVA_OPTS (default: the options of the README's production command) BENCH_KEEP=1
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/settings.sh
source "$ROOT/bench/settings.sh"

SIGNUPS="${BENCH_SIGNUPS:-10000}"
RESTARTS="${BENCH_RESTARTS:-3}"

while [ $# -gt 0 ]; do
    case "$1" in
    --signups) SIGNUPS="$2"; shift 2 ;;
    --restarts) RESTARTS="$2"; shift 2 ;;
    *) shared_option "$1"; shift ;;
    esac
done

CLIENTS=16
WRK_THREADS=2

# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
[ "$HAVE_WRK" = 1 ] || die "wrk not found (apt-get install wrk)"

start_smtp_sink
APP_ENV=(KONFERENZBUERO_MAIL_DISPATCH_EVERY=1s QUARKUS_MAILER_PORT="$SMTP_PORT" QUARKUS_MAILER_START_TLS=DISABLED)

stop_app() { # SIGTERM, as an orchestrator stops it; waits until the process is gone
    kill "$APP_PID"
    for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$APP_PID" 2>/dev/null && die "the app did not stop within 30 s of SIGTERM"
    APP_PID=""
}

# ---------------------------------------------------------------- first start
start_app
FIRST_START_S="$FIRST_PAGE_S"

# ---------------------------------------------------------------- sign-ups
sql "insert into organisation (slug, name) values ('bench', 'Benchmark')"
sql "insert into conference (organisation_id, slug, title, starts_at, ends_at, format, venue_name, venue_city,
        onsite_capacity, registration_opens_at, status, confirm_email)
     select o.id, 'bench-memory', 'Benchmark Speicher', now() + interval '30 days', now() + interval '30 days 8 hours',
        'ON_SITE', 'Benchmark Hall', 'Benchstadt', 10000000, now() - interval '1 day', 'PUBLISHED', false
     from organisation o where o.slug = 'bench'"
say "$SIGNUPS sign-ups (wrk, $CLIENTS connections, closed loop), then the outbox drains"
BENCH_SLUG=bench-memory BENCH_EMAIL_PREFIX="mem-$(date +%s)" wrk -t "$WRK_THREADS" -c "$CLIENTS" -d 600s --timeout 10s \
    -s "$ROOT/bench/signup.lua" "$APP_URL" >"$WORK/wrk.log" 2>&1 &
WRK_PID=$!
BG_PIDS+=("$WRK_PID")
T0="$(date +%s%N)"
while [ "$(sql "select count(*) from registration")" -lt "$SIGNUPS" ]; do
    kill -0 "$WRK_PID" 2>/dev/null || { cat "$WORK/wrk.log"; die "wrk ended before $SIGNUPS sign-ups"; }
    sleep 0.5
done
kill -INT "$WRK_PID" 2>/dev/null || true
wait "$WRK_PID" 2>/dev/null || true
COUNT="$(sql "select count(*) from registration")"
echo "  $COUNT sign-ups in $(calc .1f "($(date +%s%N) - $T0) / 1e9") s"
for _ in $(seq 1 1200); do
    [ "$(sql "select count(*) from outbox_message where status = 'PENDING'")" = 0 ] && break
    sleep 0.5
done
echo "  outbox: $(sql "select count(*) from outbox_message where status = 'SENT'") mails sent," \
    "$(sql "select count(*) from outbox_message where status = 'PENDING'") pending"
sleep 2
RSS_MB="$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")"
echo "  app RSS after $COUNT sign-ups and their mails: $RSS_MB MB; the heap:"
jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -E 'generation|garbage-first heap|Metaspace' | sed 's/^ */    /' || true
if grep -q NativeMemoryTracking <<<"$JAVA_OPTS"; then # BENCH_JAVA_OPTS="... -XX:NativeMemoryTracking=summary"
    echo "  the JVM's own account (Native Memory Tracking, committed):"
    jcmd "$APP_PID" VM.native_memory summary 2>/dev/null | grep -E '^(Total|-  *[A-Z])' | sed 's/^-* */    /' | cut -c1-110 || true
fi

# ---------------------------------------------------------------- restarts
say "$RESTARTS restarts on the database with $COUNT registrations (SIGTERM, then the README's command again)"
TIMES=()
for i in $(seq 1 "$RESTARTS"); do
    stop_app
    start_app
    TIMES+=("$FIRST_PAGE_S")
done
MEDIAN_S="$(printf '%s\n' "${TIMES[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
RSS_AFTER_RESTART_MB="$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")"

# ---------------------------------------------------------------- summary
say "SUMMARY (JVM options: $JAVA_OPTS; $(nproc) cores)"
echo "  launch to first answered page: first start (empty database, migrations) $FIRST_START_S s;" \
    "restarts with $COUNT registrations ${TIMES[*]} s, median $MEDIAN_S s (target 1.5 s)"
echo "  RSS after $COUNT sign-ups $RSS_MB MB (target 250 MB); right after a restart $RSS_AFTER_RESTART_MB MB"
figure "launch to first answered page, restart with $COUNT registrations (median of $RESTARTS)" "≤ 1.5 s" "$MEDIAN_S s" "$(meets "$MEDIAN_S <= 1.5")"
figure "launch to first answered page, first start (empty database)" "reported" "$FIRST_START_S s" "reported"
figure "app RSS after $COUNT sign-ups and their mails" "≤ 250 MB" "$RSS_MB MB" "$(meets "$RSS_MB <= 250")"
