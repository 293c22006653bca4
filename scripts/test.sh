#!/usr/bin/env bash
# Runs every test of the solution: `bash scripts/test.sh [extra dotnet test arguments, e.g. --filter X]`.
#
# 1. Makes sure a MariaDB server binary is installed. The MariaDB tests start their own private,
#    throw-away server (tests/Infrastructure/MariaDbServer.cs); the system service is never used.
#    Likewise Debian's Chromium (/usr/bin/chromium), which the page tests drive with Playwright;
#    Playwright's own browser downloads are never used.
# 2. Builds the solution (Release), then runs `dotnet test OrleansBooking.sln -c Release --no-build`
#    with the extra arguments, writing one TRX file per test assembly.
# 3. Names each failed test with the start of its message, then prints the totals over all
#    assemblies as the last line, `N passed, N failed, N skipped`,
#    and exits non-zero if anything failed or if no test ran at all.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf 'test.sh: %s\n' "$*" >&2; }

# True if any of the named programs exists. mariadbd lives in /usr/sbin, which is not on every
# user's PATH; the tests look there too.
find_program() {
  local name dir
  for name in "$@"; do
    for dir in ${PATH//:/ } /usr/sbin /usr/local/sbin /usr/bin; do
      [[ -x "$dir/$name" ]] && return 0
    done
  done
  return 1
}

# The tests need the server and the tool that creates a fresh data directory.
have_mariadb() { find_program mariadbd mysqld && find_program mariadb-install-db mysql_install_db; }

install_package() {
  local package="$1"
  if [[ "$(id -u)" != 0 ]]; then
    log "not root, so cannot apt-get install $package"
    return 1
  fi
  if ! command -v apt-get >/dev/null; then
    log "apt-get not found (not a Debian-like system)"
    return 1
  fi
  log "installing $package (apt-get) for the tests"
  # Debian's maintainer scripts try to start the installed service. There is no systemd here and the
  # tests start their own private server, so deny service starts for the duration of the install
  # (policy-rc.d exit code 101 = "action forbidden"), unless the machine already has such a policy.
  local own_policy=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    own_policy=1
  fi
  local status=0
  { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package"; } || status=$?
  if [[ -n "$own_policy" ]]; then rm -f /usr/sbin/policy-rc.d; fi
  return "$status"
}

if ! have_mariadb; then
  if ! install_package mariadb-server || ! have_mariadb; then
    if [[ "${CI:-}" == "true" ]]; then
      # In CI a missing database must fail the run, never quietly shrink it.
      log "ERROR: mariadb-server is not installed and could not be installed; the MariaDB tests cannot run."
      exit 1
    fi
    log "WARNING: mariadb-server is not installed and could not be installed;" \
        "the MariaDB tests will fail. Install it with: apt-get install mariadb-server"
  fi
fi

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Starting it once, here, tells a broken install from a failing page test.
chromium_starts() { [[ -x "$chromium_path" ]] && "$chromium_path" --headless --no-sandbox --disable-gpu --dump-dom about:blank >/dev/null 2>&1; }
if ! chromium_starts; then
  if [[ -x "$chromium_path" ]] || ! install_package chromium || ! chromium_starts; then
    if [[ "${CI:-}" == "true" ]]; then
      # In CI the page tests must run; without a browser they would fail one by one anyway.
      log "ERROR: Chromium ($chromium_path) is missing or cannot start headless; the page tests cannot run."
      exit 1
    fi
    log "WARNING: Chromium ($chromium_path) is missing or cannot start; the page tests will fail." \
        "Install it with: apt-get install chromium"
  fi
fi

# Screenshots of the Chinese pages need a CJK font, which Debian's Chromium does not bring; without one
# they show boxes. The tests pass either way, so a font that cannot be installed only warns.
if command -v fc-list >/dev/null && [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; then
  install_package fonts-wqy-microhei || log "WARNING: no CJK font; screenshots show Chinese text as boxes"
fi

# Everything the test run leaves in the temp folder (private MariaDB data directories, SQLite files)
# goes into one folder that is removed afterwards, together with any server a crashed test host left.
run_tmp="$(mktemp -d "${TMPDIR:-/tmp}/orleansbooking-tests.XXXXXX")"
results="$run_tmp/results"
cleanup() {
  local pidfile pid
  for pidfile in "$run_tmp"/orleansbooking-mariadb-*/pid; do
    [[ -f "$pidfile" ]] || continue
    pid="$(cat "$pidfile")"
    # Only a server started on this run's own data directory (pids get reused).
    if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$run_tmp/"; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$run_tmp"
}
trap cleanup EXIT

build_options=()
if [[ "${CI:-}" == "true" ]]; then
  # Build servers (MSBuild nodes, the compiler server) outlive the build and can keep CI's output
  # pipe open; a CI machine is fresh anyway, so they would save nothing.
  build_options+=(--disable-build-servers)
fi

# A hung test would otherwise use up CI's whole time limit and report nothing; this aborts the
# test host after that long without progress, and the abort is counted as a failure below.
hang_timeout="${TEST_HANG_TIMEOUT:-10m}"

status=0
# Built first, with the ordinary TMPDIR, so that no build server that outlives this script is
# started inside a temp folder about to be deleted; for the same reason the test run, which
# compiles nothing, starts none.
if ! dotnet build OrleansBooking.sln -c Release "${build_options[@]}"; then
  log "ERROR: the build failed; no test ran."
  status=1
else
  TMPDIR="$run_tmp" dotnet test OrleansBooking.sln -c Release --no-build --disable-build-servers \
    --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" \
    --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none \
    "$@" || status=$?
fi

# Sum the counters of every TRX file (one per test assembly). TRX has no "skipped" counter:
# skipped tests are those counted in total but not executed.
passed=0 failed=0 skipped=0
counters=""
count() {
  local value
  value="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"
  echo "${value:-0}"
}
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
  total="$(count total)" executed="$(count executed)"
  failures=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
  passed=$(( passed + $(count passed) ))
  skipped=$(( skipped + total - executed ))
  # A test host that crashed or hung (and was stopped by --blame-hang-timeout) does not record the
  # test it was running, nor the tests after it; count the one that was running as a failure.
  # The abort shows as vstest's message, or as outcome Failed with no failure counted.
  if grep -qi 'test run was aborted' "$trx" ||
     { (( failures == 0 )) && grep -q '<ResultSummary outcome="\(Failed\|Error\|Aborted\|Timeout\)"' "$trx"; }; then
    log "test run aborted (test host crashed or hung; see the tests named above): $(basename "$trx")"
    failures=$(( failures + 1 ))
  fi
  failed=$(( failed + failures ))
done

# CI shows only the end of the output, and the console logger names a failed test far above it among
# the silo's logs; so name every failed test again here, with the start of its message and stack.
failure_summary() {
  awk '
    /<UnitTestResult / && /outcome="(Failed|Error|Timeout|Aborted)"/ {
      name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); gsub(/&quot;/, "\"", name)
      printf "test.sh: FAILED %s\n", name; inside = ($0 !~ /\/>[ \t\r]*$/); shown = 0; next }
    inside && /<\/UnitTestResult>/ { inside = 0; part = ""; next }
    inside && /<Message>/ { part = "message" }
    inside && /<StackTrace>/ { part = "stack"; stack = 0 }
    inside && part != "" && shown < 30 && (part == "message" || stack++ < 6) {
      line = $0; gsub(/<\/?(Message|StackTrace|ErrorInfo)>/, "", line); sub(/^[ \t]+/, "", line)
      gsub(/&lt;/, "<", line); gsub(/&gt;/, ">", line); gsub(/&quot;/, "\"", line); gsub(/&amp;/, "\\&", line)
      # An async rethrow repeats a frame on the next line; once is enough.
      if (line ~ /[^ ]/ && line != last) { printf "test.sh:     %s\n", line; shown++ }
      last = line }
    inside && /<\/(Message|StackTrace)>/ { part = "" }
  ' "$@" >&2
}
failure_summary "$results"/*.trx /dev/null

if (( passed + failed == 0 && status == 0 )); then
  log "ERROR: no test ran (a filter that matches nothing, or no test project in the solution)."
  status=1
fi
if (( failed > 0 && status == 0 )); then
  status=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
