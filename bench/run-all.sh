#!/usr/bin/env bash
# Runs every benchmark of Konferenzbüro one after the other on this machine and writes one table of all
# figures (figure, target, value, value ÷ target, met or missed) with the machine and the commit into
# docs/benchmarks.md, between the markers "<!-- run-all:begin -->" and "<!-- run-all:end -->". Prints
# figures and never fails on time; exits non-zero only when a benchmark broke.
#
#   bench/run-all.sh [-d SECONDS] [--no-build]      (-d: seconds per phase of the sign-up benchmark)
#
# The full logs go to target/benchmarks/. Takes about 35 minutes with the defaults.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
BUILD_ARG=()
SIGNUP_ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
    -d | --duration) SIGNUP_ARGS+=(-d "$2"); shift 2 ;;
    --no-build) BUILD_ARG=(--no-build); shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

LOGS="$ROOT/target/benchmarks"
mkdir -p "$LOGS"
COMMIT="$(git describe --always --dirty 2>/dev/null || echo 'no git')"
STARTED="$(date -u '+%Y-%m-%d %H:%M UTC')"

echo "== sign-up benchmark (log: $LOGS/signup.log)"
bench/signup-benchmark.sh "${BUILD_ARG[@]}" "${SIGNUP_ARGS[@]}" 2>&1 | tee "$LOGS/signup.log"
echo "== rush benchmark (log: $LOGS/rush.log)"
bench/rush-benchmark.sh --no-build 2>&1 | tee "$LOGS/rush.log"
echo "== start-up benchmark (log: $LOGS/startup.log)"
bench/startup-benchmark.sh --no-build 2>&1 | tee "$LOGS/startup.log"
echo "== scale benchmark (log: $LOGS/scale.log)"
bench/scale-benchmark.sh --no-build 2>&1 | tee "$LOGS/scale.log"

MACHINE="$(nproc) cores ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo),"
MACHINE="$MACHINE $(java -version 2>&1 | head -1 | sed 's/"//g'), $(/usr/lib/postgresql/15/bin/postgres --version 2>/dev/null || echo 'PostgreSQL 15')"
LOAD="$(grep -h 'load average at start' "$LOGS/signup.log" | head -1 | sed 's/.*start: \([0-9.]*\).*/\1/')"

TABLE="$LOGS/table.md"
{
    echo "<!-- run-all:begin -->"
    echo "Last run of \`bench/run-all.sh\`: $STARTED, commit \`$COMMIT\`, load average $LOAD at the start;"
    echo "$MACHINE. App, PostgreSQL and the load clients share the machine. Logs: \`target/benchmarks/\`."
    echo
    echo "| figure | target | value | value ÷ target | |"
    echo "| --- | --- | --- | ---: | --- |"
    grep -h '^FIGURE|' "$LOGS/signup.log" "$LOGS/rush.log" "$LOGS/startup.log" "$LOGS/scale.log" | awk -F'|' '
        function num(s) { gsub(/,/, "", s); if (match(s, /[0-9]+(\.[0-9]+)?/)) return substr(s, RSTART, RLENGTH) + 0; return "" }
        { t = num($3); v = num($4); ratio = (t != "" && t > 0 && v != "") ? sprintf("%.2f", v / t) : "–"
          printf "| %s | %s | %s | %s | %s |\n", $2, $3, $4, ratio, $5 }'
    echo "<!-- run-all:end -->"
} >"$TABLE"
cat "$TABLE"

DOC="$ROOT/docs/benchmarks.md"
if grep -q '<!-- run-all:begin -->' "$DOC"; then
    awk -v table="$TABLE" '
        /<!-- run-all:begin -->/ { while ((getline line < table) > 0) print line; skip = 1; next }
        /<!-- run-all:end -->/ { skip = 0; next }
        !skip { print }' "$DOC" >"$DOC.new" && mv "$DOC.new" "$DOC"
else
    { echo; echo "## The whole suite (bench/run-all.sh)"; echo; cat "$TABLE"; } >>"$DOC"
fi
echo "== table written to docs/benchmarks.md"
