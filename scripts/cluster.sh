#!/usr/bin/env bash
# A local OrleansBooking cluster on this machine: a private MariaDB, N silos (Cluster:Provider=mysql)
# and nginx in front of them (deploy/nginx.conf).
#
#   bash scripts/cluster.sh start [N]   # N silos (default 3); front at http://127.0.0.1:8080
#   bash scripts/cluster.sh start [N] --load-test   # the same, with the settings a load-test silo needs
#                                       # (loadtests/README.md, "What a silo needs"); never in production
#   bash scripts/cluster.sh stop        # stops nginx, the silos (SIGTERM: they drain and hand over), MariaDB
#   bash scripts/cluster.sh status
#
# Everything lives in $CLUSTER_DIR (default /tmp/orleansbooking-cluster): database files, logs, pids,
# nginx's configuration. Silo i listens on HTTP 510i, silo port 1111i, gateway 3000i; MariaDB on
# $CLUSTER_DB_PORT (default 13306). The first admin is `admin` with the password in
# $CLUSTER_DIR/admin-password (made up at the first start unless BOOKING_ADMIN_PASSWORD is set).
# Installs mariadb-server and nginx with apt-get when they are missing (as root).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DIR=${CLUSTER_DIR:-/tmp/orleansbooking-cluster}
DB_PORT=${CLUSTER_DB_PORT:-13306}
FRONT=http://127.0.0.1:8080
SILO_DLL=silo/bin/Release/net10.0/OrleansBooking.Silo.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf 'cluster.sh: %s\n' "$*" >&2; }

need() { # need <program> <debian package>
  command -v "$1" >/dev/null || [[ -x /usr/sbin/$1 ]] && return 0
  [[ "$(id -u)" == 0 ]] || { log "$1 is missing; install $2"; exit 1; }
  log "installing $2 (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null ||
    { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; }
}

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits for a condition with a deadline: wait_for <seconds> <what> <command…>
wait_for() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { log "$what did not happen within ${seconds}s (logs in $DIR)"; return 1; }
    sleep 0.2 # polling pace
  done
}

connection_string() { echo "Server=127.0.0.1;Port=$DB_PORT;Database=booking;User ID=root;SslMode=None"; }

start_db() {
  need mariadbd mariadb-server
  mkdir -p "$DIR"
  if [[ ! -d "$DIR/db" ]]; then
    mariadb-install-db --no-defaults --datadir="$DIR/db" --user=root --auth-root-authentication-method=normal --skip-test-db >"$DIR/db-install.log" 2>&1
  fi
  if ! alive "$DIR/db/pid"; then
    /usr/sbin/mariadbd --no-defaults --datadir="$DIR/db" --socket="$DIR/db/sock" --port="$DB_PORT" --bind-address=127.0.0.1 \
      --user=root --pid-file="$DIR/db/pid" --log-error="$DIR/db.log" --character-set-server=utf8mb4 \
      --collation-server=utf8mb4_unicode_ci --max-connections=500 >/dev/null 2>&1 &
    wait_for 60 "MariaDB start" mariadb --protocol=tcp -h127.0.0.1 -P"$DB_PORT" -uroot -e 'SELECT 1'
  fi
  mariadb --protocol=tcp -h127.0.0.1 -P"$DB_PORT" -uroot -e 'CREATE DATABASE IF NOT EXISTS booking CHARACTER SET utf8mb4'
}

# The silos run as in Production, which encrypts the token key ring at rest: one self-signed
# certificate for the whole local cluster (they share the key ring), kept with its data.
key_ring() {
  [[ -f "$DIR/keyring.pfx" ]] && return 0
  need openssl openssl
  openssl rand -hex 16 >"$DIR/keyring-password"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=OrleansBooking local cluster key ring" \
    -keyout "$DIR/keyring.key" -out "$DIR/keyring.crt" >/dev/null 2>&1
  openssl pkcs12 -export -inkey "$DIR/keyring.key" -in "$DIR/keyring.crt" -out "$DIR/keyring.pfx" \
    -passout "pass:$(cat "$DIR/keyring-password")"
  rm -f "$DIR/keyring.key" "$DIR/keyring.crt"
}

# What loadtests/Hosting/LoadTestSiloSettings.cs gives a silo the load suite starts itself (the
# cluster keeps its own key ring, ports and admin): patients registered in bulk, cheap password
# hashes (set before the run registers its patients, so on every silo from its start), and the
# per-address limits lifted, because the whole crowd reaches the silos from the generator's address.
LOAD_TEST_SETTINGS=(
  --Booking:LoadTest:Enabled=true
  --Booking:Accounts:PasswordIterations=1000
  --Booking:RateLimits:PerAddress:Burst=1000000 --Booking:RateLimits:PerAddress:PermitsPerSecond=1000000
  --Booking:RateLimits:SignIn:Burst=1000000 --Booking:RateLimits:SignIn:PermitsPerSecond=1000000
)

# The mode the running silos were started in ("load-test" or "plain"): a silo joins in the same one.
mode_of_running() { [[ -f "$DIR/mode" ]] && cat "$DIR/mode" || echo plain; }

start_silo() { # start_silo <i> <mode>
  local i=$1 mode=$2 extra=()
  alive "$DIR/silo$i.pid" && return 0
  key_ring
  [[ "$mode" == load-test ]] && extra=("${LOAD_TEST_SETTINGS[@]}")
  Booking__Accounts__FirstAdmin__Password="$(cat "$DIR/admin-password")" \
  Booking__Accounts__KeyRingCertificatePassword="$(cat "$DIR/keyring-password")" \
    dotnet "$SILO_DLL" --urls "http://127.0.0.1:510$i" \
      --Storage:Provider=mysql "--Storage:ConnectionString=$(connection_string)" \
      --Cluster:Provider=mysql --Cluster:AdvertisedAddress=127.0.0.1 \
      --Cluster:SiloPort="1111$i" --Cluster:GatewayPort="3000$i" \
      --Booking:Network:TrustedProxies:0=127.0.0.1 \
      --Booking:Accounts:FirstAdmin:Login=admin --Booking:Accounts:AcceptOutboxCodeSender=true \
      "--Booking:Accounts:KeyRingCertificatePath=$DIR/keyring.pfx" \
      "${extra[@]}" \
      >"$DIR/silo$i.log" 2>&1 &
  echo $! >"$DIR/silo$i.pid"
}

write_nginx_conf() { # write_nginx_conf <n>
  local servers="" i
  for ((i = 1; i <= $1; i++)); do servers+="        server 127.0.0.1:510$i max_fails=1 fail_timeout=5s;\n"; done
  mkdir -p "$DIR/tmp"
  sed -e '/# silos: begin/,/# silos: end/c\'"$(printf '%b' "$servers" | sed 's/$/\\/')"'
' deploy/nginx.conf >"$DIR/nginx.conf"
}

any_silo_alive() {
  local pidfile
  for pidfile in "$DIR"/silo*.pid; do alive "$pidfile" && return 0; done
  return 1
}

start() { # start <n> <mode>
  local n=$1 mode=$2
  [[ "$n" =~ ^[1-9]$ ]] || { log "N must be 1 to 9 (was $n)"; exit 2; }
  if any_silo_alive && [[ "$(mode_of_running)" != "$mode" ]]; then
    log "the running silos were started $(mode_of_running), not $mode; stop the cluster first"; exit 2
  fi
  need nginx nginx-light
  [[ -f "$SILO_DLL" ]] || dotnet build silo/Silo.csproj -c Release -v q
  start_db
  [[ -f "$DIR/admin-password" ]] || echo "${BOOKING_ADMIN_PASSWORD:-cluster-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}" >"$DIR/admin-password"
  # The first silo migrates the schema alone; the others then join the cluster together.
  echo "$mode" >"$DIR/mode"
  start_silo 1 "$mode"
  wait_for 120 "silo 1 ready" curl -fsS http://127.0.0.1:5101/health/ready
  local i
  for ((i = 2; i <= n; i++)); do start_silo "$i" "$mode"; done
  for ((i = 2; i <= n; i++)); do wait_for 120 "silo $i ready" curl -fsS "http://127.0.0.1:510$i/health/ready"; done
  write_nginx_conf "$n"
  alive "$DIR/nginx.pid" && nginx -p "$DIR" -c "$DIR/nginx.conf" -s reload || nginx -p "$DIR" -c "$DIR/nginx.conf"
  wait_for 10 "nginx ready" curl -fsS "$FRONT/health/ready"
  log "$n silos behind $FRONT ($mode; admin: admin / $(cat "$DIR/admin-password")); logs in $DIR"
}

stop() {
  if alive "$DIR/nginx.pid"; then nginx -p "$DIR" -c "$DIR/nginx.conf" -s quit; fi
  local pidfile
  for pidfile in "$DIR"/silo*.pid; do
    [[ -f "$pidfile" ]] || continue
    if alive "$pidfile"; then
      kill -TERM "$(cat "$pidfile")"
      wait_for 60 "$(basename "$pidfile" .pid) stop" bash -c "! kill -0 $(cat "$pidfile") 2>/dev/null" || kill -KILL "$(cat "$pidfile")"
    fi
    rm -f "$pidfile"
  done
  rm -f "$DIR/mode"
  if alive "$DIR/db/pid"; then
    local db; db=$(cat "$DIR/db/pid")
    kill -TERM "$db"
    wait_for 60 "MariaDB stop" bash -c "! kill -0 $db 2>/dev/null"
  fi
  log "stopped (data kept in $DIR; delete it for a fresh cluster)"
}

status() {
  local pidfile
  alive "$DIR/db/pid" && echo "mariadb: running (port $DB_PORT)" || echo "mariadb: stopped"
  for pidfile in "$DIR"/silo*.pid; do
    [[ -f "$pidfile" ]] || continue
    local i=${pidfile//[^0-9]/}; i=${i: -1}
    echo "silo $i: $(curl -s "http://127.0.0.1:510$i/health/ready" || echo 'not answering')"
  done
  alive "$DIR/nginx.pid" && echo "nginx: $FRONT" || echo "nginx: stopped"
  any_silo_alive && echo "mode: $(mode_of_running)"
  return 0
}

case "${1:-}" in
  start)
    n=3 mode=plain
    for arg in "${@:2}"; do
      case "$arg" in
        --load-test) mode=load-test ;;
        *) n=$arg ;;
      esac
    done
    start "$n" "$mode" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: bash scripts/cluster.sh start [N] [--load-test] | stop | status" >&2; exit 2 ;;
esac
