#!/usr/bin/env bash
# Load benchmark: p50/p95 latency and req/s for three public pages and /healthz, served by
# uvicorn with production-like settings against a throwaway database. See docs/benchmarks.md.
#
# Knobs (environment): SCALE (50), WORKERS (2), PORT (8765), USERS (20), SPAWN_RATE (20),
# DURATION (30s), BUDGET (3.0), DATABASE_URL (default: a fresh SQLite file in a temp dir),
# REDIS_URL (default: unset, so the process-local cache). A caller's DATABASE_URL database is
# migrated and seeded (seed_demo is idempotent), so point it at a scratch database.
# Exit status: 0 within budget and no failed requests, 1 otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PY="$ROOT/.venv/bin/python"
SCALE="${SCALE:-50}"
WORKERS="${WORKERS:-2}"
USERS="${USERS:-20}"
SPAWN_RATE="${SPAWN_RATE:-20}"
DURATION="${DURATION:-30s}"
BUDGET="${BUDGET:-3.0}"
HOST=127.0.0.1
URLS=(/en/ /en/partnerships/lommel-ongwediva/ /en/sdgs/6/ /healthz)

[[ -x "$PY" ]] || { echo "bench: no virtualenv at $ROOT/.venv (run 'make install')" >&2; exit 1; }
if ! "$PY" -c "import locust" 2>/dev/null; then
    echo "bench: installing locust into .venv (bench/requirements.txt)"
    "$ROOT/.venv/bin/pip" install -q -r bench/requirements.txt
fi

port_free() { "$PY" -c "import socket,sys; s=socket.socket(); s.bind(('$HOST', int(sys.argv[1])))" "$1" 2>/dev/null; }
if [[ -n "${PORT:-}" ]]; then
    port_free "$PORT" || { echo "bench: PORT=$PORT is in use on $HOST" >&2; exit 1; }
else
    PORT=8765
    if ! port_free "$PORT"; then
        PORT="$("$PY" -c "import socket; s=socket.socket(); s.bind(('$HOST', 0)); print(s.getsockname()[1])")"
        echo "bench: port 8765 is busy, using $PORT"
    fi
fi
BASE="http://$HOST:$PORT"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/twinning-bench.XXXXXX")"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="$ROOT/bench/results/$STAMP"
mkdir -p "$RESULTS"
SERVER_PID=""
STEP_PID=""

cleanup() {
    if [[ -n "$STEP_PID" ]]; then kill "$STEP_PID" 2>/dev/null || true; wait "$STEP_PID" 2>/dev/null || true; fi
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Run a step in the background and wait for it, so a signal to this script stops it at once
# (the EXIT trap kills it) instead of after the step finishes. Returns the step's status.
step() {
    "$@" &
    STEP_PID=$!
    local rc=0
    wait "$STEP_PID" || rc=$?
    STEP_PID=""
    return "$rc"
}

# Production-like settings; nothing here leaves 127.0.0.1 unless the caller set DATABASE_URL/REDIS_URL.
export DJANGO_SETTINGS_MODULE=config.settings
export STATIC_ROOT="$TMP/static"
export DEBUG=false TWINNING_TESTING=false
export SECRET_KEY="bench-only-secret-key-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export ALLOWED_HOSTS="$HOST" SECURE_SSL_REDIRECT=false SECURE_COOKIES=false AXES_ENABLED=false
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
export MEDIA_ROOT="$TMP/media"
export PYTHONUNBUFFERED=1
# Never route the benchmark's own requests through a proxy.
export NO_PROXY="$HOST,localhost${NO_PROXY:+,$NO_PROXY}" no_proxy="$HOST,localhost${no_proxy:+,$no_proxy}"
if [[ -n "${DATABASE_URL:-}" ]]; then
    DB_LABEL="DATABASE_URL (${DATABASE_URL%%:*})"
else
    export SQLITE_PATH="$TMP/bench.sqlite3"
    DB_LABEL="SQLite (throwaway)"
fi

echo "bench: preparing database ($DB_LABEL), scale $SCALE"
setup_failed() { echo "bench: setup failed; $RESULTS/setup.log:" >&2; cat "$RESULTS/setup.log" >&2; exit 1; }
: >"$RESULTS/setup.log"
step "$PY" manage.py migrate --no-input >>"$RESULTS/setup.log" 2>&1 || setup_failed
SEED_START=$SECONDS
step "$PY" manage.py seed_demo --scale "$SCALE" >>"$RESULTS/setup.log" 2>&1 || setup_failed
# Static files are not benchmarked, but pages need the manifest. leaflet.js ends with
# "sourceMappingURL=leaflet.js.map", which `make install` does not copy; without it the
# manifest storage's post-processing aborts collectstatic, so supply the map (or a stub).
SEED_SECONDS=$((SECONDS - SEED_START))
step "$PY" manage.py collectstatic --no-input >>"$RESULTS/setup.log" 2>&1 || setup_failed
grep -h "Demo data ready" "$RESULTS/setup.log" | sed "s/^/bench: /; s/\$/ (seeded in ${SEED_SECONDS}s)/" || true

echo "bench: starting uvicorn on $BASE with $WORKERS workers"
"$ROOT/.venv/bin/uvicorn" config.asgi:application --host "$HOST" --port "$PORT" --workers "$WORKERS" \
    --no-access-log --log-level warning >"$RESULTS/server.log" 2>&1 &
SERVER_PID=$!

fetch() { curl --silent --show-error --noproxy '*' --max-time 30 -o /dev/null -w '%{http_code}' "$BASE$1" 2>/dev/null || true; }
for i in $(seq 120); do
    [[ "$(fetch /healthz)" == 200 ]] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null || [[ "$i" == 120 ]]; then
        echo "bench: server did not answer /healthz with 200; server log:" >&2
        cat "$RESULTS/server.log" >&2
        exit 1
    fi
    sleep 0.5
done
# Warm each URL (a few times, so both workers have rendered every template once).
for url in "${URLS[@]}"; do
    for _ in $(seq $((WORKERS * 2))); do
        code="$(fetch "$url")"
        if [[ "$code" != 200 ]]; then
            echo "bench: warm-up GET $url returned $code; server log:" >&2
            cat "$RESULTS/server.log" >&2
            exit 1
        fi
    done
done
# A server that lost the race for the port would exit; make sure ours is the one answering.
kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench: uvicorn exited; server log:" >&2; cat "$RESULTS/server.log" >&2; exit 1; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "bench: locust, $USERS users (spawn rate $SPAWN_RATE/s) for $DURATION (load average before: $LOAD_BEFORE)"
locust_rc=0
step "$ROOT/.venv/bin/locust" -f bench/locustfile.py --headless --host "$BASE" \
    --users "$USERS" --spawn-rate "$SPAWN_RATE" --run-time "$DURATION" --stop-timeout 5 \
    --csv "$RESULTS/locust" --only-summary --loglevel WARNING \
    >"$RESULTS/locust.log" 2>&1 || locust_rc=$?

LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
kill "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""

if [[ ! -s "$RESULTS/locust_stats.csv" ]]; then
    echo "bench: locust wrote no stats (exit $locust_rc); log:" >&2
    cat "$RESULTS/locust.log" >&2
    exit 1
fi

{
    echo "date: $(date -u +%F) ($STAMP)"
    echo "machine: $(nproc) cores, $("$PY" -V 2>&1), $(uname -sm)"
    echo "database: $DB_LABEL, scale $SCALE (seed_demo took ${SEED_SECONDS}s); cache: $([[ -n "${REDIS_URL:-}" ]] && echo redis || echo locmem)"
    echo "server: uvicorn --workers $WORKERS; locust: $USERS users, spawn $SPAWN_RATE/s, $DURATION"
    echo "load average (1/5/15 min): $LOAD_BEFORE before, $LOAD_AFTER after (locust shares the machine)"
    echo
} >"$RESULTS/report.txt"
report_rc=0
"$PY" bench/report.py "$RESULTS/locust_stats.csv" --budget "$BUDGET" >>"$RESULTS/report.txt" || report_rc=$?
"$PY" bench/report.py "$RESULTS/locust_stats.csv" --budget "$BUDGET" --markdown >"$RESULTS/report.md" || true
cat "$RESULTS/report.txt"
echo "bench: results in ${RESULTS#"$ROOT"/}"
exit "$report_rc"
