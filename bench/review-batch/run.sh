#!/usr/bin/env bash
# Batch review benchmark (issue 4, "Speed"): lvyue review DIR --json over N generated contracts (default 10,000),
# contracts per second and peak memory (GNU time's maximum resident set size), plus a one-file run for the start-up
# cost (loading and compiling the rule library). Needs python3 and /usr/bin/time.
#   bash bench/review-batch/run.sh [N] [DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${1:-10000}"
DIR="${2:-/tmp/lvyue-review-bench}"
OUT="$(mktemp -d)"
rm -rf "$DIR"
python3 "$ROOT/bench/review-batch/generate.py" "$DIR" "$N"
flock /tmp/lvyue-build.lock dotnet build "$ROOT/src/Lvyue.Cli" -c Release -o "$OUT/bin" -v q >/dev/null
mkdir -p "$OUT/one" && ln -s "$DIR/$(ls "$DIR" | head -1)" "$OUT/one/"
echo "cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "start-up (1 file): %e s wall, %U s user, %P CPU, peak %M KB" dotnet "$OUT/bin/lvyue.dll" review "$OUT/one" --json >/dev/null 2>"$OUT/one.err" || true
tail -1 "$OUT/one.err"
/usr/bin/time -f "$N files: %e s wall, %U s user, %P CPU, peak %M KB" dotnet "$OUT/bin/lvyue.dll" review "$DIR" --json >"$OUT/reports.jsonl" 2>"$OUT/all.err" || true
tail -1 "$OUT/all.err"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT/reports.jsonl" <<'PY'
import json, sys, statistics
ms = [json.loads(l)["elapsedMs"] for l in open(sys.argv[1])]
hits = sum(1 for _ in open(sys.argv[1]))
print(f"{hits} reports; per contract (ingest + review): median {statistics.median(ms):.1f} ms, p95 {sorted(ms)[int(len(ms)*0.95)]:.1f} ms")
PY
rm -rf "$OUT"
