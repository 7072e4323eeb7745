#!/usr/bin/env bash
# Runs every test: unit, HTTP integration on SQLite and on a real PostgreSQL server, and the browser
# tests in headless Chromium. Installs what it needs when run as root (Debian), starts a throwaway
# PostgreSQL cluster on a free loopback port, removes it afterwards, and ends with one line:
#   N passed, N failed[, N skipped]
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

say() { printf '\n== %s\n' "$*"; }

need_packages=()
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need_packages+=(postgresql)
[ -e /usr/share/zoneinfo/Asia/Urumqi ] || need_packages+=(tzdata)  # the time-zone tests read other zones than Beijing
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need_packages+=(python3-aiosmtpd)  # the local SMTP server of the reminder tests
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${need_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || true
    apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null || { echo "apt-get install ${need_packages[*]} failed"; }
  else
    echo "Missing: ${need_packages[*]}. Install them with: sudo apt-get install -y ${need_packages[*]}" >&2
  fi
fi

# --- a throwaway PostgreSQL cluster on a free loopback port -------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PGDIR=$(mktemp -d /tmp/dangjian-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() {
  if [ -n "${PGBIN:-}" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGDIR"
}
trap stop_pg EXIT
if [ -n "$PGBIN" ]; then
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
  chmod 700 "$PGDIR"
  if as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --no-locale >"$PGDIR/initdb.log" 2>&1 \
     && as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
          -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDIR -c fsync=off -c max_connections=200 -c max_prepared_transactions=4" start >/dev/null; then
    export DANGJIAN_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Pooling=true;Maximum Pool Size=40"
    say "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
  else
    echo "PostgreSQL did not start; the PostgreSQL tests will fail. See $PGDIR" >&2
    cat "$PGDIR"/*.log >&2 || true
  fi
else
  echo "PostgreSQL is not installed; the PostgreSQL tests will fail." >&2
fi

# --- a local SMTP server writing a maildir (the reminder tests read what it received) -----------
SMTPDIR=$(mktemp -d /tmp/dangjian-smtp.XXXXXX); mkdir -p "$SMTPDIR"/mail/{cur,new,tmp}
SMTPPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 58025)
stop_smtp() { [ -n "${SMTPPID:-}" ] && kill "$SMTPPID" 2>/dev/null; rm -rf "$SMTPDIR"; }
trap 'stop_smtp; stop_pg' EXIT
if /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
  /usr/bin/python3 -m aiosmtpd -n -u -l "127.0.0.1:$SMTPPORT" -c aiosmtpd.handlers.Mailbox "$SMTPDIR/mail" >"$SMTPDIR/smtpd.log" 2>&1 &
  SMTPPID=$!
  export DANGJIAN_TEST_SMTP="127.0.0.1:$SMTPPORT" DANGJIAN_TEST_SMTP_MAILDIR="$SMTPDIR/mail"
  say "SMTP (aiosmtpd) on 127.0.0.1:$SMTPPORT"
else
  echo "python3-aiosmtpd is not installed; the reminder e-mail tests will fail." >&2
fi

export DANGJIAN_CHROMIUM=${DANGJIAN_CHROMIUM:-/usr/bin/chromium}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say "build"
if ! dotnet build Dangjian.slnx -c Release -nologo -clp:ErrorsOnly -v:q; then
  echo "0 passed, 1 failed (the build failed)"
  exit 1
fi

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  say "$name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
    --logger "console;verbosity=minimal" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
count=$(ls "$RESULTS"/*.trx 2>/dev/null | wc -l)
expected=$(ls tests/*/*.csproj | wc -l)
if [ "$count" -lt "$expected" ]; then
  # A test host that crashed leaves no results: count it as a failure, never as nothing.
  failed=$((failed + expected - count))
fi
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo
echo "$line"
[ "$failed" -eq 0 ]
