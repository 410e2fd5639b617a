# Shared by the benchmarks (sourced, not run): helpers, tools, the build, the work directory and its cleanup, a
# throwaway PostgreSQL 15 server, the packaged app in prod mode, and the CPU accounting of the load phases.
# The sourcing script sets ROOT, CLIENTS and WRK_THREADS first and has sourced bench/settings.sh.

say() { printf '\n== %s\n' "$*"; }
die() { echo "benchmark: $*" >&2; exit 1; }
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; } # field "RESULT a=1 b=2" b -> 2
calc() { awk "BEGIN { printf \"%$1\", $2 }"; }        # calc .2f "1/3"
meets() { awk "BEGIN { print ($1) ? \"met\" : \"missed\" }"; } # meets "0.4 >= 0.5" -> missed
# One line per figure for bench/run-all.sh: FIGURE|figure|target|value|met, missed or reported
figure() { printf 'FIGURE|%s|%s|%s|%s\n' "$@"; }

# ---------------------------------------------------------------- tools
command -v java >/dev/null || die "java not found (JDK 17+ needed)"
command -v curl >/dev/null || die "curl not found"
[ -x "$PG_BIN/postgres" ] || die "PostgreSQL server binaries not found in $PG_BIN (apt-get install postgresql-15)"
PGBENCH="$PG_BIN/pgbench"
[ -x "$PGBENCH" ] || PGBENCH="$(command -v pgbench)" || die "pgbench not found"
PSQL_BIN="$PG_BIN/psql"
[ -x "$PSQL_BIN" ] || PSQL_BIN="$(command -v psql)"
if ! command -v wrk >/dev/null && [ "$(id -u)" -eq 0 ]; then
    echo "installing wrk (Debian package) ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; } || true
fi
HAVE_WRK=0
command -v wrk >/dev/null && HAVE_WRK=1
HAVE_TCPDUMP=0
command -v tcpdump >/dev/null && [ "$(id -u)" -eq 0 ] && HAVE_TCPDUMP=1

# The JVM options of the README's production command (run from target/quarkus-app, like the README says), unless the
# calling script was given BENCH_JAVA_OPTS.
readme_java_opts() { sed -n 's/^cd target\/quarkus-app && java \(.*\) -jar quarkus-run.jar$/\1/p' "$ROOT/README.md" | head -1; }
JAVA_OPTS="${BENCH_JAVA_OPTS:-$(readme_java_opts)}"
[ -n "$JAVA_OPTS" ] || die "README.md shows no production command \"cd target/quarkus-app && java ... -jar quarkus-run.jar\""

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_in_use "$PG_PORT" && die "port $PG_PORT is in use; set BENCH_PG_PORT"
port_in_use "$APP_PORT" && die "port $APP_PORT is in use; set BENCH_APP_PORT"

# ---------------------------------------------------------------- build
if [ "$BUILD" = yes ] || { [ "$BUILD" = auto ] && { [ ! -f "$JAR" ] ||
    [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; }; }; then
    say "building the app: ./mvnw -q -B package -DskipTests"
    ./mvnw -q -B package -DskipTests
fi
[ -f "$JAR" ] || die "$JAR missing (build with ./mvnw package -DskipTests)"

# ---------------------------------------------------------------- cleanup
WORK="$(mktemp -d /tmp/konferenzbuero-bench.XXXXXX)"
chmod 755 "$WORK"
PGDATA="$WORK/pgdata"
PG_STARTED=0
APP_PID=""
BG_PIDS=()

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    for pid in "${BG_PIDS[@]}" $(cat "$WORK/bg.pids" 2>/dev/null); do
        kill "$pid" 2>/dev/null || true
    done
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    if [ "$PG_STARTED" = 1 ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [ "$KEEP" = 1 ]; then
        echo "work directory kept: $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in the background, remembered for cleanup (also from a subshell), and waits for it;
# meanwhile records its CPU ticks in $WORK/client.ticks (the last sample, at most 0.2 s before it ends).
run_bg() {
    "$@" &
    local pid=$!
    echo "$pid" >>"$WORK/bg.pids"
    echo 0 >"$WORK/client.ticks"
    while kill -0 "$pid" 2>/dev/null; do
        proc_ticks "$pid" >"$WORK/client.ticks.new" && mv "$WORK/client.ticks.new" "$WORK/client.ticks"
        [ -f "$PGDATA/postmaster.pid" ] && pg_seen_update
        sleep 0.2
    done
    local rc=0
    wait "$pid" || rc=$?
    sed -i "/^$pid\$/d" "$WORK/bg.pids"
    return "$rc"
}

# ---------------------------------------------------------------- PostgreSQL
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the postgres user (from the postgresql package)"
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi
mkdir -p "$PGDATA"
[ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA" "$WORK"
chmod 700 "$PGDATA"

say "machine"
echo "cores: $(nproc)   memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)   cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
echo "kernel: $(uname -r)   java: $(java -version 2>&1 | head -1)   postgres: $("$PG_BIN/postgres" --version)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine shares the cores)"
echo "app: $JAR ($(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo 'no git'))"

as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C >"$WORK/initdb.log" 2>&1 ||
    { cat "$WORK/initdb.log"; die "initdb failed"; }
# Durable, production-like settings (fsync and synchronous commit on), sized for the benchmark.
cat >>"$PGDATA/postgresql.conf" <<EOF

# --- konferenzbuero benchmark
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PGDATA'
max_connections = 100
shared_buffers = 512MB
fsync = on
synchronous_commit = on
wal_level = replica
max_wal_size = 4GB
checkpoint_timeout = 30min
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track_utility = on
log_line_prefix = '%m [%p] %v '
EOF
if [ -n "${BENCH_PG_CONF:-}" ]; then
    tr ';' '\n' <<<"$BENCH_PG_CONF" >>"$PGDATA/postgresql.conf"
fi
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 start >/dev/null ||
    { cat "$PGDATA/server.log"; die "PostgreSQL did not start"; }
PG_STARTED=1
PSQL=("$PSQL_BIN" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)
sql() { "${PSQL[@]}" -d konferenzbuero -At -c "$1"; }
"${PSQL[@]}" -d postgres -c "create database konferenzbuero" -c "create database pgbench"
"${PSQL[@]}" -d konferenzbuero -c "create extension pg_stat_statements"
echo "PostgreSQL settings:"
for s in server_version max_connections shared_buffers fsync synchronous_commit wal_sync_method full_page_writes \
    wal_level max_wal_size checkpoint_timeout shared_preload_libraries; do
    printf '  %-26s %s\n' "$s" "$("${PSQL[@]}" -d postgres -At -c "show $s")"
done

# CPU time (ticks) of the app, of all PostgreSQL processes, and busy/total ticks of the machine.
pg_pids() { pgrep -d' ' -P "$(head -1 "$PGDATA/postmaster.pid")" || true; echo " $(head -1 "$PGDATA/postmaster.pid")"; }
proc_ticks() {
    local sum=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] || continue
        sum=$((sum + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$sum"
}
# PostgreSQL's processes come and go (pgbench opens its own connections), so their CPU is sampled: every
# process ever seen (pid and start time) with its last ticks, in $WORK/pg.seen; run_bg samples every 0.2 s.
pg_seen_update() {
    local files=() p
    for p in $(pg_pids); do [ -r "/proc/$p/stat" ] && files+=("/proc/$p/stat"); done
    [ "${#files[@]}" -gt 0 ] || return 0
    [ -s "$WORK/pg.seen" ] || echo "none 0" >"$WORK/pg.seen"
    awk 'NR == FNR { last[$1] = $2; next }
         { pid = $1; sub(/^.*\) /, ""); last[pid "-" $20] = $12 + $13 }
         END { for (k in last) print k, last[k] }' "$WORK/pg.seen" "${files[@]}" >"$WORK/pg.seen.new" 2>/dev/null &&
        mv "$WORK/pg.seen.new" "$WORK/pg.seen" || true
}
pg_ticks() { pg_seen_update; awk '{ s += $2 } END { print s + 0 }' "$WORK/pg.seen"; }
cpu_snapshot() {
    # app pg busy total
    echo "$(proc_ticks "$APP_PID") $(pg_ticks) $(awk '/^cpu / { print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9 }' /proc/stat)"
}
cpu_report() { # before after seconds: CPU used, in cores, by the app, PostgreSQL, the load client, the rest
    read -r a0 p0 b0 t0 <<<"$1"
    read -r a1 p1 b1 t1 <<<"$2"
    local cores app pg client busy
    cores="$(nproc)"
    app="$(calc .2f "($a1 - $a0) / $HZ / $3")"
    pg="$(calc .2f "($p1 - $p0) / $HZ / $3")"
    client="$(calc .2f "$(cat "$WORK/client.ticks") / $HZ / $3")"
    busy="$(calc .2f "($b1 - $b0) / ($t1 - $t0) * $cores")"
    calc .2f "$busy - $app - $pg - $client" >"$WORK/last.other"
    echo "  CPU in cores (of $cores): app $app, PostgreSQL $pg, load client $client," \
        "other processes on the machine $(calc .2f "$busy - $app - $pg - $client"); machine busy $busy"
    if [ -n "${4:-}" ] && [ "$4" != 0 ]; then # sign-ups in the window: CPU milliseconds per sign-up
        echo "  CPU per sign-up: app $(calc .2f "($a1 - $a0) * 1000 / $HZ / $4") ms," \
            "PostgreSQL $(calc .2f "($p1 - $p0) * 1000 / $HZ / $4") ms"
    fi
}

# Waits (up to 60 s) until the app has finished the requests still in flight when a load client stopped.
wait_quiet() {
    for _ in $(seq 1 120); do
        [ "$(sql "select count(*) from pg_stat_activity where datname = 'konferenzbuero'
            and backend_type = 'client backend' and state <> 'idle' and pid <> pg_backend_pid()")" = 0 ] && return 0
        sleep 0.5
    done
}

# ---------------------------------------------------------------- app
# Starts the packaged app in prod mode against the benchmark's PostgreSQL; APP_ENV (an array of NAME=value) adds the
# calling script's settings. Sets APP_PID and FIRST_PAGE_S (launch to the first answered catalogue page).
# A local SMTP server that accepts every mail (bench/SmtpSink.java) on SMTP_PORT, stopped with the rest.
start_smtp_sink() {
    port_in_use "$SMTP_PORT" && die "port $SMTP_PORT is in use; set BENCH_SMTP_PORT"
    java -XX:+UseSerialGC -Xmx128m "$ROOT/bench/SmtpSink.java" "$SMTP_PORT" >"$WORK/sink.log" 2>&1 &
    BG_PIDS+=($!)
    for _ in $(seq 1 100); do grep -q 'SMTP sink on' "$WORK/sink.log" && break; sleep 0.2; done
    grep -q 'SMTP sink on' "$WORK/sink.log" || die "the SMTP sink did not start"
}

SEALING_KEY="$(openssl rand -base64 32)" # one per run: a restart must open what the first start sealed
start_app() {
    say "starting the app on $APP_URL"
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/konferenzbuero" \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=bench \
        QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$APP_PORT" KONFERENZBUERO_BASE_URL="$APP_URL" \
        QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
        KONFERENZBUERO_SEALING_KEY="$SEALING_KEY" \
        KONFERENZBUERO_MAIL_REMINDER_EVERY=off QUARKUS_MAILER_HOST=127.0.0.1 \
        KONFERENZBUERO_LEGAL_OPERATOR_NAME="Benchmark" KONFERENZBUERO_LEGAL_OPERATOR_ADDRESS="Loopback 1" \
        KONFERENZBUERO_LEGAL_OPERATOR_EMAIL="bench@localhost.example" KONFERENZBUERO_RATE_LIMITS_ENABLED=false \
        env "${APP_ENV[@]}" bash -c 'cd "$1" && shift && exec java "$@" -jar quarkus-run.jar' app "$(dirname "$JAR")" \
        $JAVA_OPTS >"$WORK/app.log" 2>&1 &
    APP_PID=$!
    START_NS="$(date +%s%N)"
    FIRST_PAGE_S=""
    for i in $(seq 1 1200); do
        kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log"; die "the app stopped during start"; }
        # start-up as a visitor sees it: from launching the JVM to the first answered catalogue page (polled every 50 ms)
        if [ -z "$FIRST_PAGE_S" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$APP_URL/")" = 200 ]; then
            FIRST_PAGE_S="$(calc .2f "($(date +%s%N) - $START_NS) / 1e9")"
        fi
        [ -n "$FIRST_PAGE_S" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready")" = 200 ] && break
        [ "$i" = 1200 ] && { tail -40 "$WORK/app.log"; die "the app did not become ready in 60 s"; }
        sleep 0.05
    done
    echo "ready: $(grep -o 'started in [0-9.]*s' "$WORK/app.log" | head -1); first answered page $FIRST_PAGE_S s after launch; JVM options: $JAVA_OPTS;" \
        "JDBC pool max: $(sed -n 's/^quarkus.datasource.jdbc.max-size=//p' src/main/resources/application.properties || true)"
}
