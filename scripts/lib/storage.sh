# Sourced by backup.sh and restore.sh: the storage the silo is configured with, from the silo's
# own settings (Storage__Provider / Storage__ConnectionString, or --provider / --connection-string),
# so a backup names the database exactly as the silo does.
#
# Sets PROVIDER (sqlite | mysql), ARGS (what is left of the command line), and
#   sqlite: DB_FILE
#   mysql:  DB_HOST DB_PORT DB_NAME DB_USER; MYSQL_PWD is exported for the client tools (never on argv).

PROVIDER="${Storage__Provider:-sqlite}"
CONNECTION_STRING="${Storage__ConnectionString:-}"
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --provider) PROVIDER="$2"; shift 2 ;;
    --connection-string) CONNECTION_STRING="$2"; shift 2 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
PROVIDER="${PROVIDER,,}"

# The value of one key of an ADO.NET connection string (keys are case-insensitive, several spellings allowed).
connection_value() {
  local wanted part key value
  IFS=';' read -ra parts <<< "$CONNECTION_STRING"
  for wanted in "$@"; do
    for part in "${parts[@]}"; do
      key="${part%%=*}"; value="${part#*=}"
      key="$(echo "$key" | tr -d ' ' | tr '[:upper:]' '[:lower:]')"
      if [[ "$key" == "$wanted" ]]; then echo "$value"; return 0; fi
    done
  done
  return 1
}

case "$PROVIDER" in
  sqlite)
    CONNECTION_STRING="${CONNECTION_STRING:-Data Source=orleansbooking.db}"
    DB_FILE="$(connection_value datasource filename)" || { echo "Storage:ConnectionString names no Data Source" >&2; exit 2; }
    ;;
  mysql)
    [[ -n "$CONNECTION_STRING" ]] || { echo "Storage:ConnectionString is required for mysql (--connection-string or Storage__ConnectionString)" >&2; exit 2; }
    DB_HOST="$(connection_value server host datasource address)" || DB_HOST=127.0.0.1
    DB_PORT="$(connection_value port)" || DB_PORT=3306
    DB_NAME="$(connection_value database initialcatalog)" || { echo "Storage:ConnectionString names no Database" >&2; exit 2; }
    DB_USER="$(connection_value userid user uid username)" || DB_USER=root
    MYSQL_PWD="$(connection_value password pwd)" || MYSQL_PWD=""
    export MYSQL_PWD
    ;;
  *) echo "Storage:Provider must be sqlite or mysql (was '$PROVIDER')" >&2; exit 2 ;;
esac
