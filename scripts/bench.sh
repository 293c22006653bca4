#!/usr/bin/env bash
# The hot-pool benchmark on both databases: `bash scripts/bench.sh [benchmark options, e.g. --runs 5]`.
# Starts a private, throw-away MariaDB (as the tests do: never the system service) with durable
# commits (innodb_flush_log_at_trx_commit=1), runs benchmarks/ against SQLite and MariaDB side by
# side, then stops the server and removes its data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PATH="$PATH:/usr/sbin:/usr/local/sbin"
command -v mariadbd >/dev/null || { echo "bench.sh: mariadbd not found; run 'bash scripts/test.sh' once or apt-get install mariadb-server" >&2; exit 1; }

dir="$(mktemp -d "${TMPDIR:-/tmp}/orleansbooking-bench.XXXXXX")"
port=$(( 20000 + RANDOM % 10000 ))
cleanup() {
  # The pid is read once: the server removes its pid file as it stops.
  if [[ -f "$dir/pid" ]]; then
    local pid; pid="$(cat "$dir/pid")"
    kill "$pid" 2>/dev/null && while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

mariadb-install-db --no-defaults --datadir="$dir/data" --user=root --auth-root-authentication-method=normal \
  --skip-test-db --skip-name-resolve >"$dir/install.log" 2>&1
mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/sock" --port="$port" --bind-address=127.0.0.1 \
  --user=root --pid-file="$dir/pid" --max-connections=500 --innodb-buffer-pool-size=256M \
  --innodb-flush-log-at-trx-commit=1 --character-set-server=utf8mb4 >"$dir/server.log" 2>&1 &

# Ready when it answers a query (bounded: 60 s).
for _ in $(seq 1 120); do
  mariadb --no-defaults -h127.0.0.1 -P"$port" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
  sleep 0.5
done
mariadb --no-defaults -h127.0.0.1 -P"$port" -uroot -e 'SELECT 1' >/dev/null || { echo "bench.sh: MariaDB did not start; see $dir/server.log" >&2; exit 1; }

dotnet run -c Release --project benchmarks -- --db all \
  --mysql "Server=127.0.0.1;Port=$port;User ID=root;SslMode=None;CharacterSet=utf8mb4" "$@"
