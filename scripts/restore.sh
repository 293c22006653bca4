#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a fresh database, with the silo stopped.
#
#   scripts/restore.sh [--provider sqlite|mysql] [--connection-string CS] BACKUP_FILE
#
# The target is the silo's storage setting (Storage__Provider / Storage__ConnectionString by
# default). It must be empty — a SQLite file that does not exist yet, a MySQL database without
# tables — so a restore never mixes two databases. Start the silo on it afterwards: it migrates
# the schema forward if the backup is from an older version.
set -euo pipefail
source "$(dirname "$0")/lib/storage.sh"
[[ ${#ARGS[@]} -eq 1 ]] || { echo "usage: $0 [--provider sqlite|mysql] [--connection-string CS] BACKUP_FILE" >&2; exit 2; }
backup="${ARGS[0]}"
[[ -f "$backup" ]] || { echo "no backup at $backup" >&2; exit 1; }

case "$PROVIDER" in
  sqlite)
    [[ ! -e "$DB_FILE" ]] || { echo "$DB_FILE exists: restore into a new file (move the old one away first)" >&2; exit 1; }
    [[ "$(sqlite3 "$backup" 'PRAGMA integrity_check')" == "ok" ]] || { echo "$backup is not a sound SQLite database" >&2; exit 1; }
    # The backup API on a file nobody writes: a page-for-page copy, then the silo's own journal mode.
    sqlite3 "$backup" ".backup '${DB_FILE//\'/\'\'}'"
    sqlite3 "$DB_FILE" 'PRAGMA journal_mode = WAL' > /dev/null
    ;;
  mysql)
    tables="$(mariadb --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" -N -B -e \
      "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${DB_NAME//\'/\'\'}'")"
    [[ "$tables" == "0" ]] || { echo "database $DB_NAME has $tables tables: restore into an empty database" >&2; exit 1; }
    mariadb --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" -e "CREATE DATABASE IF NOT EXISTS \`${DB_NAME//\`/}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    mariadb --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" --default-character-set=utf8mb4 "$DB_NAME" < "$backup"
    ;;
esac
echo "restored $backup into $PROVIDER ${DB_FILE:-$DB_NAME}"
