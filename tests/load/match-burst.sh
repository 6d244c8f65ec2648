#!/usr/bin/env bash
# Issue 15's match figure alone: the built service on 127.0.0.1, and straight after start 16 concurrent JSON matches
# (wrk, 15 s): answers by status, p50/p99, the service's CPU time per answer (user + system from /proc).
# SCRIPT=match-varied.lua sends a new skin every time (no fitted skin reused). DLL=<path> measures another build (a copy
# of the old one, for a before/after in one quiet window); CONTENT_ROOT=<dir> starts it with another content root
# (default: the build's folder, as the Docker image runs); COUNTERS=<file.csv> records dotnet-counters' System.Runtime
# during the run; extra environment (DOTNET_gcServer=0 …) reaches the service.
# Not part of CI. From the repository root:
#   dotnet build src/SmpShade.Api -c Release && bash tests/load/match-burst.sh
set -euo pipefail
port=${PORT:-5197}
source "$(dirname "$0")/service.sh"
start_service
echo "$dll ready; $(grep -o 'Warmed up in [^:]*' "$work/service.log" || echo 'no warm-up logged'); load $(load)"
before=$(cpu)
if [ -n "${COUNTERS:-}" ]; then # GC and thread-pool counters during the run, as CSV (needs dotnet-counters)
  dotnet-counters collect -p "$pid" --refresh-interval 1 --format csv -o "$COUNTERS" --counters System.Runtime > /dev/null 2>&1 &
fi
wrk -t2 -c16 -d15s --timeout 10s --latency -s "$here/${SCRIPT:-match.lua}" "$base/api/v1/matches" > "$work/wrk.txt"
used=$(( $(cpu) - before ))
grep -E "Requests/sec|statuses|^ +(50|75|90|99)%" "$work/wrk.txt"
answers=$(grep -o '200=[0-9]*' "$work/wrk.txt" | cut -d= -f2)
awk -v t="$used" -v hz="$(getconf CLK_TCK)" -v n="${answers:-1}" 'BEGIN { printf "service CPU time: %.1f ms per answer\n", t * 1000 / hz / n }'
echo "server errors logged: $(grep -c 'fail:' "$work/service.log" || true); load after $(load)"
