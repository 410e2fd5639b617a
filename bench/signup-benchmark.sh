#!/usr/bin/env bash
# Sign-up benchmark for Konferenzbüro. A benchmark, not a test: it prints figures and never fails on
# time. It exits non-zero only when something broke or a conference was oversold.
#
#   bench/signup-benchmark.sh [-c CLIENTS] [-d SECONDS] [--no-build] [--build] [--no-profile] [--keep]
#
# What it does (docs/benchmarks.md explains the figures):
#   1. builds the app if the packaged jar is missing or older than the sources
#      (./mvnw -q -B package -DskipTests);
#   2. starts a throwaway PostgreSQL 15 server of its own (data under /tmp, port 5499, loopback only)
#      and prints its settings;
#   3. starts the packaged app (java -jar target/quarkus-app/quarkus-run.jar) on port 8099 against it,
#      with the mail dispatcher and reminders off (mails are written to the outbox, not sent); Flyway
#      creates the schema; the script inserts an organisation and published conferences with
#      open registration in SQL (prod mode loads no demo data);
#   4. warm-up (10 s slices until the JIT has seen 5,000 sign-ups), then PEAK: CLIENTS concurrent
#      clients (wrk, closed loop) POST /api/conferences/bench-peak/registrations with new e-mail
#      addresses for SECONDS seconds: sign-ups/s, p50, p99;
#   5. right after, pgbench on the same server and concurrency: single-row
#      UPDATE bench SET taken = taken + 1 WHERE id = 1 AND taken < capacity; tps and the ratio
#      app sign-ups/s / pgbench tps; then two references that show where the gap lies: the app's own
#      statements and round trips replayed without the app (bench/pgbench-app-transaction.sql), and
#      the same database work in one statement (bench/pgbench-one-statement.sql);
#   6. HALF RATE: half the peak rate, open loop (bench/LoadClient.java, latency from each request's
#      due time), same number of connections: p50, p99;
#   7. SMALL CAPACITY: CLIENTS clients race for 100 places for a few seconds (the rest is waitlisted);
#      PROFILE: the peak load again for SECONDS with Java Flight Recorder (jcmd JFR.start settings=profile),
#      summarised by bench/JfrSummary.java: where the app's CPU goes, by library, by step, hottest methods;
#      PAGES: static file vs conference page (first visit; asked again with its ETag), wrk;
#   8. oversold check in SQL for every conference: confirmed registrations vs capacity and vs
#      conference.onsite_taken, and first come, first served for the small one (by decision events);
#   9. ANATOMY: sequential sign-ups with pg_stat_statements, one logged statement by statement and (if
#      tcpdump is there) a packet capture: statements, round trips and time under the conference row
#      lock per sign-up; then a short loaded run that samples pg_stat_activity: what backends wait for.
# Every load phase prints the CPU used by the app, PostgreSQL, the load client and other processes.
# Everything it started is stopped at the end, also on failure, Ctrl-C or kill.
#
# Settings (environment):
#   BENCH_CLIENTS=16 BENCH_DURATION=20 (s per measured phase) BENCH_WARMUP_SIGNUPS=5000 BENCH_WARMUP=120
#   (warm-up ends at that many sign-ups or seconds, whichever first) BENCH_SMALL_CAPACITY=100
#   BENCH_SMALL_DURATION=5 BENCH_TRACE_SIGNUPS=200 BENCH_PG_PORT=5499 BENCH_APP_PORT=8099 BENCH_MANAGEMENT_PORT=9099
#   BENCH_PG_BIN=/usr/lib/postgresql/15/bin BENCH_JAVA_OPTS (default: the options of the README's production command)
#   BENCH_PG_CONF="synchronous_commit=off;..."   extra postgresql.conf lines, separated by ';'
#   BENCH_KEEP=1   keep the work directory (logs, PostgreSQL data) instead of deleting it
#   BENCH_PROFILE=0   leave out the PROFILE phase (Java Flight Recorder); BENCH_JFR_OUT=FILE keeps its recording
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/settings.sh
source "$ROOT/bench/settings.sh"

CLIENTS="${BENCH_CLIENTS:-16}"
DURATION="${BENCH_DURATION:-20}"
WARMUP="${BENCH_WARMUP:-120}"
WARMUP_SIGNUPS="${BENCH_WARMUP_SIGNUPS:-5000}"
SMALL_CAPACITY="${BENCH_SMALL_CAPACITY:-100}"
SMALL_DURATION="${BENCH_SMALL_DURATION:-5}"
TRACE_SIGNUPS="${BENCH_TRACE_SIGNUPS:-200}"
PROFILE="${BENCH_PROFILE:-1}"

while [ $# -gt 0 ]; do
    case "$1" in
    -c | --clients) CLIENTS="$2"; shift 2 ;;
    -d | --duration) DURATION="$2"; shift 2 ;;
    --no-profile) PROFILE=0; shift ;;
    *) shared_option "$1"; shift ;;
    esac
done

WRK_THREADS=$((CLIENTS < 2 ? CLIENTS : 2))

# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

# ---------------------------------------------------------------- app
# Mails are written to the outbox and not sent (the dispatcher is off); QUARKUS_MAILER_PORT only satisfies prod mode.
APP_ENV=(KONFERENZBUERO_MAIL_DISPATCH_EVERY=off QUARKUS_MAILER_PORT=2599)
start_app
echo "mail dispatcher and reminders off: sign-ups write their mail to the outbox; nothing is sent"
echo "rate limits off (KONFERENZBUERO_RATE_LIMITS_ENABLED=false): every request comes from 127.0.0.1;" \
    "double opt-in off for the benchmark conferences (confirm_email = false): a sign-up confirms at once"

BIG=10000000
sql "insert into organisation (slug, name) values ('bench', 'Benchmark')"
sql "insert into conference (organisation_id, slug, title, starts_at, ends_at, format, venue_name, venue_city,
        onsite_capacity, registration_opens_at, status, confirm_email)
     select o.id, c.slug, 'Benchmark ' || c.slug, now() + interval '30 days', now() + interval '30 days 8 hours',
        'ON_SITE', 'Benchmark Hall', 'Benchstadt', c.cap, now() - interval '1 day', 'PUBLISHED', false
     from organisation o,
        (values ('bench-warmup', $BIG), ('bench-peak', $BIG), ('bench-half', $BIG), ('bench-small', $SMALL_CAPACITY),
                ('bench-trace', $BIG), ('bench-diag', $BIG), ('bench-sql', $BIG), ('bench-prof', $BIG)) c (slug, cap)
     where o.slug = 'bench'"
code="$(curl -s -o "$WORK/probe.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"firstName":"Probe","lastName":"Probe","email":"probe@bench.example.org","attendance":"ON_SITE","privacyConsent":true}' \
    "$APP_URL/api/conferences/bench-warmup/registrations")"
[ "$code" = 201 ] || { cat "$WORK/probe.json"; tail -20 "$WORK/app.log"; die "probe sign-up answered $code, not 201"; }

# ---------------------------------------------------------------- helpers for the load phases
RUN_ID="$(date +%s)"

run_wrk() { # slug prefix seconds -> RESULT line
    run_bg env BENCH_SLUG="$1" BENCH_EMAIL_PREFIX="$2-$RUN_ID" wrk -t "$WRK_THREADS" -c "$CLIENTS" -d "${3}s" --timeout 10s \
        -s "$ROOT/bench/signup.lua" "$APP_URL" >"$WORK/wrk-$1.log" 2>&1 || { cat "$WORK/wrk-$1.log"; die "wrk failed"; }
    grep '^RESULT' "$WORK/wrk-$1.log"
}
run_java_client() { # slug prefix seconds rate warmup -> RESULT line
    run_bg java -XX:+UseSerialGC -Xmx512m "$ROOT/bench/LoadClient.java" --url "$APP_URL/api/conferences/$1/registrations" \
        --prefix "$2-$RUN_ID" --duration "$3" --rate "$4" --warmup "$5" --threads "$CLIENTS" >"$WORK/client-$1.log" 2>&1 ||
        { cat "$WORK/client-$1.log"; die "load client failed"; }
    grep '^RESULT' "$WORK/client-$1.log"
}
run_closed() { # slug prefix seconds: wrk if there, else the Java client in closed loop
    if [ "$HAVE_WRK" = 1 ]; then run_wrk "$@"; else run_java_client "$1" "$2" "$3" 0 0; fi
}
print_result() {
    echo "  $(field "$1" ok) sign-ups in $(field "$1" duration_s) s = $(field "$1" ok_per_s)/s;" \
        "latency p50 $(field "$1" p50_ms) ms, p90 $(field "$1" p90_ms) ms, p99 $(field "$1" p99_ms) ms, max $(field "$1" max_ms) ms;" \
        "failed requests $(($(field "$1" non2xx)$(field "$1" non201) + $(field "$1" sock_errors)$(field "$1" io_errors) + 0))"
}

LOADER="wrk $({ wrk --version 2>&1 || true; } | awk 'NR == 1 { print $2 }') (closed loop, $WRK_THREADS threads, $CLIENTS connections)"
[ "$HAVE_WRK" = 1 ] || LOADER="bench/LoadClient.java (closed loop, $CLIENTS threads)"

# ---------------------------------------------------------------- phases
say "warm-up (JIT): 10 s slices of $CLIENTS clients until $WARMUP_SIGNUPS sign-ups or $WARMUP s, $LOADER"
WARM_START="$(date +%s)"
slice=0
while :; do
    slice=$((slice + 1))
    C0="$(cpu_snapshot)"
    R="$(run_closed bench-warmup "w$slice" 10)"
    C1="$(cpu_snapshot)"
    wait_quiet
    done_count="$(sql "select count(*) from registration r join conference c on c.id = r.conference_id where c.slug = 'bench-warmup'")"
    echo "  slice $slice: $(field "$R" ok_per_s) sign-ups/s, p50 $(field "$R" p50_ms) ms;" \
        "$(cpu_report "$C0" "$C1" 10 "$(field "$R" ok)" | tr -s ' \n' ' ' | sed 's/^ *CPU in cores (of [0-9]*): //')"
    [ "$done_count" -ge "$WARMUP_SIGNUPS" ] && break
    [ $(($(date +%s) - WARM_START)) -ge "$WARMUP" ] && break
done

say "PEAK: $DURATION s, $CLIENTS clients, $LOADER (load average before: $(cut -d' ' -f1 /proc/loadavg))"
C0="$(cpu_snapshot)"
PEAK="$(run_closed bench-peak p "$DURATION")"
C1="$(cpu_snapshot)"
print_result "$PEAK"
cpu_report "$C0" "$C1" "$DURATION" "$(field "$PEAK" ok)"
OTHER_PEAK="$(cat "$WORK/last.other")"
PEAK_RATE="$(field "$PEAK" ok_per_s)"
PEAK_CPU_MS="$(calc .2f "($(cut -d' ' -f1 <<<"$C1") - $(cut -d' ' -f1 <<<"$C0")) * 1000 / $HZ / $(field "$PEAK" ok)")"
wait_quiet

# ---------------------------------------------------------------- pgbench
say "pgbench: single-row UPDATE ... WHERE taken < capacity, -c $CLIENTS -j $WRK_THREADS -T $DURATION, prepared, TCP"
"${PSQL[@]}" -d pgbench -c "create table bench (id int primary key, taken int not null, capacity int not null)" \
    -c "insert into bench values (1, 0, 2000000000)" -c "vacuum analyze bench"
echo 'UPDATE bench SET taken = taken + 1 WHERE id = 1 AND taken < capacity;' >"$WORK/update.sql"
C0="$(cpu_snapshot)"
run_bg "$PGBENCH" -n -M prepared -c "$CLIENTS" -j "$WRK_THREADS" -T "$DURATION" -f "$WORK/update.sql" \
    -h 127.0.0.1 -p "$PG_PORT" -U postgres pgbench >"$WORK/pgbench.log" 2>&1 || { cat "$WORK/pgbench.log"; die "pgbench failed"; }
C1="$(cpu_snapshot)"
PGB_TPS="$(awk '/^tps = / { print $3; exit }' "$WORK/pgbench.log")"
PGB_LAT="$(awk '/^latency average = / { print $4; exit }' "$WORK/pgbench.log")"
echo "  $(calc .1f "$PGB_TPS") tps, latency average $PGB_LAT ms"
cpu_report "$C0" "$C1" "$DURATION" | sed 's/app [0-9.]*, //; s/load client/pgbench/'
echo "  (PostgreSQL's CPU is sampled every 0.2 s, so a little of it may be counted as other processes)"
OTHER_PGB="$(cat "$WORK/last.other")"


say "pgbench references, same server, -c $CLIENTS -j $WRK_THREADS -T $DURATION: a sign-up's database work without the app"
CONF_SQL="$(sql "select id from conference where slug = 'bench-sql'")"
ref_tps() { # name -> tps, or "failed"
    sql "vacuum analyze conference" >/dev/null
    if run_bg "$PGBENCH" -n -M prepared -c "$CLIENTS" -j "$WRK_THREADS" -T "$DURATION" -D conf="$CONF_SQL" \
        -f "$ROOT/bench/pgbench-$1.sql" -h 127.0.0.1 -p "$PG_PORT" -U postgres konferenzbuero >"$WORK/pgbench-$1.log" 2>&1; then
        awk '/^tps = / { printf "%.1f", $3; exit }' "$WORK/pgbench-$1.log"
    else
        echo failed
        tail -5 "$WORK/pgbench-$1.log" >&2
    fi
}
C0="$(cpu_snapshot)"
REF_APP_TX="$(ref_tps app-transaction)"
C1="$(cpu_snapshot)"
echo "  the app's statements and round trips, no app (bench/pgbench-app-transaction.sql): $REF_APP_TX tps"
cpu_report "$C0" "$C1" "$DURATION" | sed 's/app [0-9.]*, //; s/load client/pgbench/'
C0="$(cpu_snapshot)"
REF_ONE="$(ref_tps one-statement)"
C1="$(cpu_snapshot)"
echo "  the same work in one statement, autocommit (bench/pgbench-one-statement.sql):   $REF_ONE tps"
cpu_report "$C0" "$C1" "$DURATION" | sed 's/app [0-9.]*, //; s/load client/pgbench/'
OTHER_REF="$(cat "$WORK/last.other")"

HALF_RATE="$(calc .0f "$PEAK_RATE / 2")"
say "HALF RATE: $HALF_RATE sign-ups/s for $DURATION s, open loop (bench/LoadClient.java, $CLIENTS threads, first 2 s not counted)"
C0="$(cpu_snapshot)"
HALF="$(run_java_client bench-half h "$DURATION" "$HALF_RATE" 2)"
C1="$(cpu_snapshot)"
echo "  $(field "$HALF" ok) sign-ups, achieved $(field "$HALF" ok_per_s)/s; latency from due time p50 $(field "$HALF" p50_ms) ms," \
    "p90 $(field "$HALF" p90_ms) ms, p99 $(field "$HALF" p99_ms) ms, p99.9 $(field "$HALF" p999_ms) ms, max $(field "$HALF" max_ms) ms;" \
    "service time p50 $(field "$HALF" service_p50_ms) ms, p99 $(field "$HALF" service_p99_ms) ms; failed $(($(field "$HALF" non201) + $(field "$HALF" io_errors)))"
cpu_report "$C0" "$C1" "$DURATION" "$(field "$HALF" ok)"
OTHER_HALF="$(cat "$WORK/last.other")"
wait_quiet

say "SMALL CAPACITY: $CLIENTS clients race for $SMALL_CAPACITY places for $SMALL_DURATION s"
SMALL="$(run_closed bench-small s "$SMALL_DURATION")"
print_result "$SMALL"
wait_quiet

# ---------------------------------------------------------------- profile
# A separate run with Java Flight Recorder (settings=profile, a sample of every running thread every 10 ms), so the
# measured phases above run without it; bench/JfrSummary.java says where the app's CPU goes.
if [ "$PROFILE" = 1 ]; then
    say "PROFILE: $CLIENTS clients for $((DURATION + 5)) s, the last $DURATION s recorded by Java Flight Recorder, $LOADER"
    # recording starts 5 s into the load: starting JFR makes the JIT throw away code, which is compiled again by then
    jcmd "$APP_PID" JFR.start name=bench settings=profile delay=5s duration="${DURATION}s" filename="$WORK/signup.jfr" \
        >/dev/null || die "JFR.start failed"
    C0="$(cpu_snapshot)"
    PROF="$(run_closed bench-prof f "$((DURATION + 5))")"
    C1="$(cpu_snapshot)"
    for _ in $(seq 1 50); do [ -s "$WORK/signup.jfr" ] && break; sleep 0.2; done
    print_result "$PROF"
    cpu_report "$C0" "$C1" "$((DURATION + 5))" "$(field "$PROF" ok)"
    wait_quiet
    java "$ROOT/bench/JfrSummary.java" "$WORK/signup.jfr" | sed 's/^/  /'
    [ -n "${BENCH_JFR_OUT:-}" ] && cp "$WORK/signup.jfr" "$BENCH_JFR_OUT" && echo "  recording copied to $BENCH_JFR_OUT"
fi

# ---------------------------------------------------------------- pages
# The page everybody opens when registration starts, against the app's own static CSS file, side by side: a first
# visit (no cookie: the page is rendered and a CSRF cookie set), and a browser asking again with its cookie and the
# ETag it got (304 while nothing changed). Closed loop, wrk only.
PAGE_FIRST=""; PAGE_AGAIN=""; STATIC_RATE=""
if [ "$HAVE_WRK" = 1 ]; then
    say "PAGES: GET for $DURATION s each, $CLIENTS connections: static file, conference page (first visit, and again with its ETag)"
    wrk_rate() { # url [header...] -> requests/s
        local url="$1" args=()
        shift
        for h in "$@"; do args+=(-H "$h"); done
        run_bg wrk -t "$WRK_THREADS" -c "$CLIENTS" -d "${DURATION}s" --timeout 10s "${args[@]}" "$url" >"$WORK/wrk-page.log" 2>&1 ||
            { cat "$WORK/wrk-page.log"; die "wrk failed"; }
        grep -q 'Non-2xx' "$WORK/wrk-page.log" && [ "${WANT_304:-0}" = 0 ] && { cat "$WORK/wrk-page.log"; die "non-2xx answers for $url"; }
        awk '/^Requests\/sec/ { print $2 }' "$WORK/wrk-page.log"
    }
    STATIC_RATE="$(wrk_rate "$APP_URL/css/app.css")"
    echo "  static file /css/app.css: $STATIC_RATE requests/s"
    PAGE_FIRST="$(wrk_rate "$APP_URL/conferences/bench-peak")"
    echo "  conference page, first visit: $PAGE_FIRST requests/s ($(calc .2f "$PAGE_FIRST / $STATIC_RATE") of the static file)"
    curl -s -D "$WORK/page.headers" -o /dev/null "$APP_URL/conferences/bench-peak"
    PAGE_COOKIE="$(sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' "$WORK/page.headers" | head -1)"
    PAGE_ETAG="$(sed -n 's/^[Ee][Tt]ag: \(.*\)\r$/\1/p' "$WORK/page.headers" | head -1)"
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $PAGE_COOKIE" -H "If-None-Match: $PAGE_ETAG" "$APP_URL/conferences/bench-peak")"
    [ "$code" = 304 ] || die "the conference page asked again with its ETag answered $code, not 304"
    PAGE_AGAIN="$(WANT_304=1 wrk_rate "$APP_URL/conferences/bench-peak" "Cookie: $PAGE_COOKIE" "If-None-Match: $PAGE_ETAG")"
    echo "  conference page asked again with its ETag (304): $PAGE_AGAIN requests/s ($(calc .2f "$PAGE_AGAIN / $STATIC_RATE") of the static file)"
fi

say "oversold check (SQL)"
CHECK="$(sql "select c.slug, c.onsite_capacity, c.onsite_taken,
        count(r.id) filter (where r.status = 'CONFIRMED'), count(r.id) filter (where r.status = 'WAITLISTED'),
        greatest(0, count(r.id) filter (where r.status = 'CONFIRMED') - c.onsite_capacity),
        count(r.id) filter (where r.status = 'CONFIRMED') - c.onsite_taken
     from conference c left join registration r on r.conference_id = c.id
     group by c.id order by c.id")"
printf '  %-14s %10s %8s %10s %10s %9s %14s\n' conference capacity taken confirmed waitlisted oversold confirmed-taken
OVERSOLD=0
MISMATCH=0
while IFS='|' read -r slug cap taken conf wait over diff; do
    [ -n "$slug" ] || continue
    printf '  %-14s %10s %8s %10s %10s %9s %14s\n' "$slug" "$cap" "$taken" "$conf" "$wait" "$over" "$diff"
    OVERSOLD=$((OVERSOLD + over))
    [ "$diff" = 0 ] || MISMATCH=$((MISMATCH + 1))
done <<<"$CHECK"
# First come, first served: the decision event (CONFIRMED or WAITLISTED) is written under the conference row
# lock, so no waitlisted registration's event may come before a confirmed one's of the same conference.
WAITLIST_GAPS="$(sql "select count(*) from registration_event w join registration wr on wr.id = w.registration_id
        join conference c on c.id = wr.conference_id
        where c.slug = 'bench-small' and w.kind = 'WAITLISTED' and w.agenda_item_id is null
        and w.id < (select max(e.id) from registration_event e join registration r on r.id = e.registration_id
                    where r.conference_id = c.id and e.kind = 'CONFIRMED' and e.agenda_item_id is null)")"
echo "  oversold in all: $OVERSOLD; conferences whose confirmed count differs from onsite_taken: $MISMATCH"

# ---------------------------------------------------------------- anatomy of one sign-up
say "ANATOMY: $TRACE_SIGNUPS sequential sign-ups (one client), pg_stat_statements$([ "$HAVE_TCPDUMP" = 1 ] && echo ' and a packet capture')"
signup_once() {
    curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -d "{\"firstName\":\"Trace\",\"lastName\":\"Trace\",\"email\":\"$1@bench.example.org\",\"attendance\":\"ON_SITE\",\"privacyConsent\":true}" \
        "$APP_URL/api/conferences/bench-trace/registrations"
}
signup_once "t-$RUN_ID-first" >/dev/null
sql "select pg_stat_statements_reset()" >/dev/null
if [ "$HAVE_TCPDUMP" = 1 ]; then
    tcpdump -i lo -nn -s 0 -w "$WORK/trace.pcap" "tcp port $PG_PORT" >"$WORK/tcpdump.log" 2>&1 &
    TCPDUMP_PID=$!
    BG_PIDS+=("$TCPDUMP_PID")
    sleep 1
fi
C0="$(cpu_snapshot)"
T0="$(date +%s.%N)"
for i in $(seq 1 "$TRACE_SIGNUPS"); do
    [ "$(signup_once "t-$RUN_ID-$i")" = 201 ] || die "trace sign-up $i failed"
done
T1="$(date +%s.%N)"
C1="$(cpu_snapshot)"
if [ "$HAVE_TCPDUMP" = 1 ]; then
    sleep 1
    kill "$TCPDUMP_PID" 2>/dev/null || true
    wait "$TCPDUMP_PID" 2>/dev/null || true
fi
echo "  one at a time: $(calc .2f "($T1 - $T0) * 1000 / $TRACE_SIGNUPS") ms per sign-up including curl's start"
echo "0" >"$WORK/client.ticks"
cpu_report "$C0" "$C1" "$(calc .3f "$T1 - $T0")" "$TRACE_SIGNUPS" | grep 'per sign-up'
echo "  statements per sign-up (pg_stat_statements, calls / $TRACE_SIGNUPS; mean server time):"
sql "select to_char(s.calls::numeric / $TRACE_SIGNUPS, 'FM990.00') || '|' || to_char(s.mean_exec_time, 'FM990.000') || ' ms|'
        || left(regexp_replace(s.query, '\s+', ' ', 'g'), 110)
     from pg_stat_statements s join pg_database d on d.oid = s.dbid
     where d.datname = 'konferenzbuero' and s.query not like '%pg_stat_statements%'
     order by s.calls desc, s.total_exec_time desc" |
    awk -F'|' '{ printf "    %6s  %10s  %s\n", $1, $2, $3 }'
PER_SIGNUP="$(sql "select to_char(sum(s.calls)::numeric / $TRACE_SIGNUPS, 'FM990.00')
     from pg_stat_statements s join pg_database d on d.oid = s.dbid
     where d.datname = 'konferenzbuero' and s.query not like '%pg_stat_statements%'")"
echo "  in all: $PER_SIGNUP statements per sign-up, plus one COMMIT (pg_stat_statements does not count COMMIT)"
PER_SIGNUP="$(calc .2f "$PER_SIGNUP + 1")"
ROUND_TRIPS=""
LOCK_HELD=""
if [ "$HAVE_TCPDUMP" = 1 ]; then
    # pgjdbc ends every flight of messages it then waits on with a Sync and reads up to the server's
    # ReadyForQuery; a BEGIN goes ahead of the first statement without a wait. So the round trips are the
    # app's packets to the server that end with a Sync message (53 00000004). Only the app talks to the
    # server meanwhile.
    tcpdump -r "$WORK/trace.pcap" -nn -x "tcp dst port $PG_PORT and (tcp[tcpflags] & tcp-push != 0)" 2>/dev/null |
        awk 'function done() {
                 if (hex == "") return
                 packets++
                 if (substr(hex, length(hex) - 9) == "5300000004") { syncs++; if (plen == 5) bare++ }
                 hex = ""
             }
             /^[0-9]/ { done(); plen = $NF + 0; next }
             { for (i = 2; i <= NF; i++) hex = hex $i }
             END { done(); printf "%d %d %d\n", syncs, packets, bare }' >"$WORK/flights.txt"
    read -r syncs packets bare <"$WORK/flights.txt"
    ROUND_TRIPS="$(calc .2f "$syncs / $TRACE_SIGNUPS")"
    echo "  round trips app -> PostgreSQL per sign-up (packet capture: app packets ending with Sync): $ROUND_TRIPS;" \
        "of them bare Syncs (no statement, only a wait): $(calc .2f "$bare / $TRACE_SIGNUPS");" \
        "app packets per sign-up: $(calc .2f "$packets / $TRACE_SIGNUPS")"
    # Time under the conference row lock, from the packet capture (microseconds, unlike the log): from the
    # flight that takes the lock (the one before the decision statement, whose answer carries the new status
    # CONFIRMED/WAITLISTED) to the answer to COMMIT; split into waiting for PostgreSQL's answers and the app's
    # own time between them.
    tcpdump -tt -r "$WORK/trace.pcap" -nn -x "tcp port $PG_PORT and (tcp[tcpflags] & tcp-push != 0)" 2>/dev/null |
        awk -v port="$PG_PORT" '
            function done() {
                if (hex == "") return
                if (dir == "c") {
                    if (last[c] != "c") { pstart[c] = fstart[c]; pans[c] = ans[c]; fstart[c] = t }
                    if (index(hex, "510000000a424547494e00")) { intx[c] = 1; n1[c] = 0 }
                } else {
                    if (last[c] == "c") { ans[c] = t; n1[c]++ }
                    # The lock is taken in the flight just before the decision statement, whose answer carries
                    # the new status (CONFIRMED/WAITLISTED); the last such answer before COMMIT is the decision.
                    if (intx[c] && (index(hex, "434f4e4649524d4544") || index(hex, "574149544c4953544544"))) {
                        lockt[c] = pstart[c]; lockn[c] = n1[c] - 1; lockdb[c] = (pans[c] - pstart[c]) + (t - fstart[c])
                    }
                    if (intx[c] && index(hex, "434f4d4d495400")) {
                        span += t - lockt[c]; dbsum += lockdb[c] + (t - fstart[c]); rts += n1[c] - lockn[c] + 1; n++
                        intx[c] = 0
                    }
                }
                last[c] = dir; hex = ""
            }
            /^[0-9]/ { done(); t = $1; src = $3; dst = $5; sub(/:$/, "", dst)
                       k = split(dst, d, "."); if (d[k] == port) { dir = "c"; c = src } else { dir = "s"; c = dst }; next }
            { for (i = 2; i <= NF; i++) hex = hex $i }
            END { done(); if (n) printf "%d %.3f %.3f %.2f\n", n, span / n * 1000, dbsum / n * 1000, rts / n; else print "0 0 0 0" }' \
        >"$WORK/lock.txt"
    read -r lock_n lock_ms lock_db_ms lock_rt <"$WORK/lock.txt"
    if [ "$lock_n" != 0 ]; then
        LOCK_HELD="$lock_ms"
        echo "  conference row lock held per sign-up (capture, $lock_n sign-ups, one at a time): $lock_ms ms;" \
            "$lock_rt round trips in it, waiting for PostgreSQL $lock_db_ms ms," \
            "the app's own work between them $(calc .3f "$lock_ms - $lock_db_ms") ms"
    fi
fi

# One traced sign-up in the server log, between two markers: the statements in order, with the
# transaction (virtual xid) each ran in and its server time.
sql "alter system set log_min_duration_statement = 0" >/dev/null
sql "select pg_reload_conf()" >/dev/null
sleep 0.5
sql "select 'bench-trace-begin'" >/dev/null
signup_once "t-$RUN_ID-logged" >/dev/null
sql "select 'bench-trace-end'" >/dev/null
sql "alter system reset log_min_duration_statement" >/dev/null
sql "select pg_reload_conf()" >/dev/null
echo "  one sign-up as the server logged it (time, backend, virtual transaction, server time, statement):"
awk '/bench-trace-begin/ { on = 1; next } /bench-trace-end/ { on = 0 } on' "$PGDATA/server.log" |
    awk '/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { if (rec != "") print rec; rec = $0; next }
         { gsub(/^[ \t]+/, ""); rec = rec " " $0 } END { if (rec != "") print rec }' |
    grep -E ' (execute [^:]*|statement): ' |
    sed -E 's/^[0-9-]+ ([0-9:.]+) [^ ]+ \[([0-9]+)\] ([0-9/]*) LOG:  duration: ([0-9.]+ ms)  (execute [^:]*|statement): (.*)$/    \1 [\2] vxid=\3 \4  \6/' |
    cut -c1-200 | tee "$WORK/trace-one.txt"
TRACE_ALL="$(wc -l <"$WORK/trace-one.txt")"
TRACE_LOCKED="$(awk '/ for no key update/ { on = 1; next } on { n++ } END { print n + 0 }' "$WORK/trace-one.txt")"
LOCK_SPAN="$(awk '/ for no key update/ { split($1, a, ":"); t0 = a[1] * 3600 + a[2] * 60 + a[3]; d0 = $4 }
    / COMMIT$/ { split($1, a, ":"); t1 = a[1] * 3600 + a[2] * 60 + a[3] }
    END { if (t0 && t1) printf "%.1f", (t1 - t0) * 1000 + d0 }' "$WORK/trace-one.txt")"
echo "  $TRACE_ALL statements; $TRACE_LOCKED of them from taking the conference row lock to COMMIT;" \
    "lock held about ${LOCK_SPAN:-?} ms (log times; no other load)"

say "ANATOMY under load: $CLIENTS clients for 10 s; pg_stat_activity sampled every 0.1 s"
sql "select pg_stat_statements_reset()" >/dev/null
SAMPLER_SQL="select count(*) filter (where wait_event_type = 'Lock'), count(*) filter (where state like 'idle in transaction%'),
  count(*) filter (where state = 'active' and wait_event_type is distinct from 'Lock'), count(*) filter (where state = 'idle')
  from pg_stat_activity where datname = 'konferenzbuero' and backend_type = 'client backend' and pid <> pg_backend_pid()"
printf '%s\n\\watch 0.1\n' "$SAMPLER_SQL" | "${PSQL[@]}" -d konferenzbuero -At -F ' ' >"$WORK/activity.txt" 2>/dev/null &
SAMPLER_PID=$!
BG_PIDS+=("$SAMPLER_PID")
C0="$(cpu_snapshot)"
DIAG="$(run_closed bench-diag d 10)"
C1="$(cpu_snapshot)"
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
print_result "$DIAG"
cpu_report "$C0" "$C1" 10 "$(field "$DIAG" ok)"
awk 'NF == 4 { n++; l += $1; t += $2; a += $3; i += $4 }
     END { if (n) printf "  backends on average over %d samples: waiting for the conference row lock %.2f, idle in transaction (waiting for the app; the lock holder is one of them) %.2f, running a statement or committing %.2f, idle between transactions %.2f\n", n, l/n, t/n, a/n, i/n }' \
    "$WORK/activity.txt"
wait_quiet
DIAG_OK="$(sql "select count(*) from registration r join conference c on c.id = r.conference_id where c.slug = 'bench-diag'")"
echo "  statements per sign-up under load and their mean server time (includes waiting for the row lock):"
sql "select to_char(s.calls::numeric / $DIAG_OK, 'FM990.00') || '|' || to_char(s.mean_exec_time, 'FM990.000') || ' ms|'
        || left(regexp_replace(s.query, '\s+', ' ', 'g'), 110)
     from pg_stat_statements s join pg_database d on d.oid = s.dbid
     where d.datname = 'konferenzbuero' and s.query not like '%pg_stat_statements%' and s.query not like '%pg_stat_activity%'
     order by s.calls desc, s.total_exec_time desc limit 12" |
    awk -F'|' '{ printf "    %6s  %10s  %s\n", $1, $2, $3 }'

# ---------------------------------------------------------------- summary
RATIO="$(calc .2f "$PEAK_RATE / $PGB_TPS")"
RATIO_ONE="$(calc .2f "$PEAK_RATE / $REF_ONE")"
SIGNUPS_ALL="$(sql "select count(*) from registration")"
RSS_MB="$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")"
HALF_P99="$(field "$HALF" p99_ms)"
say "SUMMARY ($CLIENTS clients, $DURATION s per phase; app, PostgreSQL and load client share $(nproc) cores)"
printf '  %-46s %s\n' \
    "sign-ups/s at peak (closed loop)" "$PEAK_RATE" \
    "latency at peak p50 / p99" "$(field "$PEAK" p50_ms) ms / $(field "$PEAK" p99_ms) ms" \
    "half rate: target / achieved sign-ups/s" "$HALF_RATE / $(field "$HALF" ok_per_s)" \
    "latency at half rate p50 / p99 (open loop)" "$(field "$HALF" p50_ms) ms / $HALF_P99 ms" \
    "oversold (all phases; $SMALL_CAPACITY-place race included)" "$OVERSOLD" \
    "first come, first served violations (small)" "$WAITLIST_GAPS" \
    "pgbench single-row UPDATE tps" "$(calc .1f "$PGB_TPS")" \
    "ratio app sign-ups/s / pgbench tps" "$RATIO" \
    "ratio app sign-ups/s / sign-up in one statement" "$RATIO_ONE" \
    "start: launch to first answered page" "$FIRST_PAGE_S s" \
    "app RSS after $SIGNUPS_ALL sign-ups" "$RSS_MB MB" \
    "conference page / static file, first visit" "$([ -n "$PAGE_FIRST" ] && calc .2f "$PAGE_FIRST / $STATIC_RATE" || echo 'not measured (needs wrk)')" \
    "conference page / static file, again (304)" "$([ -n "$PAGE_AGAIN" ] && calc .2f "$PAGE_AGAIN / $STATIC_RATE" || echo 'not measured (needs wrk)')" \
    "reference: app's statements without the app" "$REF_APP_TX tps" \
    "reference: the sign-up in one statement" "$REF_ONE tps" \
    "statements per sign-up" "$PER_SIGNUP" \
    "round trips per sign-up" "${ROUND_TRIPS:-not measured (needs tcpdump and root)}" \
    "lock held per sign-up, one at a time" "$([ -n "$LOCK_HELD" ] && echo "$LOCK_HELD ms" || echo 'not measured (needs tcpdump and root)')"
echo "  CPU of other processes on the machine (cores) during peak / pgbench / references / half rate:" \
    "$OTHER_PEAK / $OTHER_PGB / $OTHER_REF / $OTHER_HALF; above about 0.1 work outside the benchmark disturbed the figures"
echo "  target ratio to the one-statement reference >= 0.5: $(awk "BEGIN { print ($RATIO_ONE >= 0.5) ? \"met\" : \"missed\" }");" \
    "start <= 1.5 s: $(awk "BEGIN { print ($FIRST_PAGE_S <= 1.5) ? \"met\" : \"missed\" }"); RSS <= 250 MB: $(awk "BEGIN { print ($RSS_MB <= 250) ? \"met\" : \"missed\" }");" \
    "target p99 <= 50 ms at half rate: $(awk "BEGIN { print ($HALF_P99 <= 50) ? \"met\" : \"missed\" }")" \
    "(reported, never a failure)"

figure "sign-ups/s ÷ the sign-up in one statement (bench/pgbench-one-statement.sql)" "≥ 0.5" "$RATIO_ONE ($PEAK_RATE / $REF_ONE)" "$(meets "$RATIO_ONE >= 0.5")"
figure "app CPU per sign-up at the peak (the request; its mail is rendered later, see the rush)" "≤ 1.5 ms" "$PEAK_CPU_MS ms" "$(meets "$PEAK_CPU_MS <= 1.5")"
figure "p99 at half the peak rate ($HALF_RATE sign-ups/s, open loop)" "≤ 50 ms" "$HALF_P99 ms" "$(meets "$HALF_P99 <= 50")"
if [ -n "$PAGE_FIRST" ]; then
    figure "conference page ÷ static file, first visit" "≥ 0.5" "$(calc .2f "$PAGE_FIRST / $STATIC_RATE") ($PAGE_FIRST / $STATIC_RATE req/s)" "$(meets "$PAGE_FIRST / $STATIC_RATE >= 0.5")"
    figure "conference page ÷ static file, asked again with its ETag (304)" "≥ 0.5" "$(calc .2f "$PAGE_AGAIN / $STATIC_RATE") ($PAGE_AGAIN / $STATIC_RATE req/s)" "$(meets "$PAGE_AGAIN / $STATIC_RATE >= 0.5")"
fi
# start-up and memory: figures of bench/startup-benchmark.sh (restarts on a full database, mails sent)
figure "oversold, all sign-up phases" "0" "$OVERSOLD" "$(meets "$OVERSOLD == 0")"

[ "$OVERSOLD" = 0 ] && [ "$MISMATCH" = 0 ] && [ "$WAITLIST_GAPS" = 0 ] || die "capacity invariant broken (see above)"
