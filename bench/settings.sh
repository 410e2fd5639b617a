# Shared by the benchmarks (sourced first, right after `cd "$ROOT"`): the settings every benchmark has and the
# options every benchmark takes. The calling script sets its own settings, then parses its options with
#   case "$1" in --its-option) ...; shift 2 ;; *) shared_option "$1"; shift ;; esac
PG_PORT="${BENCH_PG_PORT:-5499}"
APP_PORT="${BENCH_APP_PORT:-8099}"
MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-9099}"
SMTP_PORT="${BENCH_SMTP_PORT:-2598}"
PG_BIN="${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}"
KEEP="${BENCH_KEEP:-0}"
BUILD=auto
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
APP_URL="http://127.0.0.1:$APP_PORT"
HZ="$(getconf CLK_TCK)"

# --no-build, --build, --keep and --help (the comment at the top of the calling script); anything else is refused.
shared_option() {
    case "$1" in
    --no-build) BUILD=no ;;
    --build) BUILD=yes ;;
    --keep) KEEP=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
}
