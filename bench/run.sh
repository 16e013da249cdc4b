#!/usr/bin/env bash
# Reruns every figure of bench/README.md: builds (under the shared build lock), seeds 200,000 contracts
# into a fresh SQLite file and 1,000,000 into a throwaway PostgreSQL 15 cluster (initdb/pg_ctl as the
# postgres user, on a free loopback port), times the ledger page and dashboard queries, and imports a
# 100,000-row .xlsx and .csv into fresh databases. Everything lives under $WORK and is removed at the end.
#   bash bench/run.sh            # all
#   SKIP_POSTGRES=1 bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-$(mktemp -d /tmp/lvyue-bench-XXXXXX)}
chmod 755 "$WORK" # the postgres user must reach its cluster directory inside
SQLITE_CONTRACTS=${SQLITE_CONTRACTS:-200000}
PG_CONTRACTS=${PG_CONTRACTS:-1000000}
IMPORT_ROWS=${IMPORT_ROWS:-100000}
ITERATIONS=${ITERATIONS:-30}

flock /tmp/lvyue-build.lock dotnet build src/Lvyue.Cli -c Release -v q -nologo
flock /tmp/lvyue-build.lock dotnet build bench/Lvyue.Bench -c Release -v q -nologo
LVYUE="dotnet src/Lvyue.Cli/bin/Release/net10.0/lvyue.dll"
BENCH="dotnet bench/Lvyue.Bench/bin/Release/net10.0/Lvyue.Bench.dll"
echo "machine: $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PGDIR="$WORK/pg"
stop_pg() { [ -f "$PGDIR/data/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null || true; }
trap 'stop_pg; rm -rf "$WORK"' EXIT

echo "== SQLite: seed $SQLITE_CONTRACTS contracts"
$LVYUE seed-demo --contracts "$SQLITE_CONTRACTS" --connection "Data Source=$WORK/sqlite/lvyue.db" --files "$WORK/files" | grep -v '^  [a-z]'
echo "== SQLite: ledger page and dashboard"
$BENCH queries --provider sqlite --connection "Data Source=$WORK/sqlite/lvyue.db" --iterations "$ITERATIONS"
echo "== SQLite: import $IMPORT_ROWS rows"
$BENCH make-import-file --rows "$IMPORT_ROWS" --out "$WORK/import.xlsx"
$BENCH make-import-file --rows "$IMPORT_ROWS" --out "$WORK/import.csv"
$BENCH import --provider sqlite --connection "Data Source=$WORK/imp.db" --file "$WORK/import.xlsx"
$BENCH import --provider sqlite --connection "Data Source=$WORK/imp-csv.db" --file "$WORK/import.csv"
echo "== SQLite: payment import with matching, $IMPORT_ROWS rows"
$BENCH payments --provider sqlite --connection "Data Source=$WORK/pay.db" --rows "$IMPORT_ROWS" --file "$WORK/payments.xlsx"

if [ -n "${SKIP_POSTGRES:-}" ] || [ -z "$PGBIN" ]; then echo "PostgreSQL skipped"; exit 0; fi
mkdir -p "$PGDIR" && chown postgres:postgres "$PGDIR"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The same settings as the test cluster (tests/Shared/PostgresCluster.cs), with more shared memory for a million rows.
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c work_mem=32MB -c max_wal_size=4GB -c maintenance_work_mem=512MB" start >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE bench" -c "CREATE DATABASE imp" -c "CREATE DATABASE imp_csv"
PG="Host=127.0.0.1;Port=$PORT;Username=postgres"
echo "== PostgreSQL: seed $PG_CONTRACTS contracts"
$LVYUE seed-demo --contracts "$PG_CONTRACTS" --provider postgres --connection "$PG;Database=bench" --files "$WORK/files" | grep -v '^  [a-z]'
echo "== PostgreSQL: ledger page and dashboard"
$BENCH queries --provider postgres --connection "$PG;Database=bench" --iterations "$ITERATIONS"
echo "== PostgreSQL: import $IMPORT_ROWS rows"
$BENCH import --provider postgres --connection "$PG;Database=imp" --file "$WORK/import.xlsx"
$BENCH import --provider postgres --connection "$PG;Database=imp_csv" --file "$WORK/import.csv"
echo "== PostgreSQL: payment import with matching, $IMPORT_ROWS rows"
"$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE pay"
$BENCH payments --provider postgres --connection "$PG;Database=pay" --rows "$IMPORT_ROWS" --file "$WORK/payments-pg.xlsx"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
