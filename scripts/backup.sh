#!/usr/bin/env bash
# A consistent backup of the booking database while the silo runs.
#
#   scripts/backup.sh [--provider sqlite|mysql] [--connection-string CS] BACKUP_FILE
#
# The storage is the silo's own setting (Storage__Provider / Storage__ConnectionString by default).
#   sqlite: VACUUM INTO, one read transaction: a snapshot of one instant, taken while the silo
#           keeps writing (WAL). The backup API in steps (sqlite3 .backup) starts again whenever
#           the silo commits between steps, and under a rush it might never finish.
#   mysql:  mariadb-dump --single-transaction: one consistent InnoDB snapshot, no table locks.
# Every reservation acknowledged before the backup starts is in it. The file appears only when
# complete (written beside it first), so a failed backup never leaves a file that looks whole.
set -euo pipefail
source "$(dirname "$0")/lib/storage.sh"
[[ ${#ARGS[@]} -eq 1 ]] || { echo "usage: $0 [--provider sqlite|mysql] [--connection-string CS] BACKUP_FILE" >&2; exit 2; }
out="${ARGS[0]}"
[[ ! -e "$out" ]] || { echo "$out exists: a backup never overwrites one" >&2; exit 1; }
partial="$out.partial"
rm -f "$partial"
trap 'rm -f "$partial"' EXIT

case "$PROVIDER" in
  sqlite)
    [[ -f "$DB_FILE" ]] || { echo "no SQLite database at $DB_FILE" >&2; exit 1; }
    sqlite3 "$DB_FILE" ".timeout 30000" "VACUUM INTO '${partial//\'/\'\'}'"
    [[ "$(sqlite3 "$partial" 'PRAGMA integrity_check')" == "ok" ]] || { echo "the backup failed its integrity check" >&2; exit 1; }
    ;;
  mysql)
    mariadb-dump --single-transaction --quick --routines --triggers --hex-blob --default-character-set=utf8mb4 \
      --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" "$DB_NAME" > "$partial"
    # mariadb-dump writes this last line only when it finished.
    tail -n 1 "$partial" | grep -q '^-- Dump completed' || { echo "the dump did not complete" >&2; exit 1; }
    ;;
esac
mv "$partial" "$out"
trap - EXIT
echo "backed up $PROVIDER to $out"
