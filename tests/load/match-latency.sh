#!/usr/bin/env bash
# One JSON match at a time through the built service on 127.0.0.1 (issue 12's speed, end to end): after 300 warm-up
# requests (the JIT recompiles hot code for a while), N sequential POST /api/v1/matches against the bundled catalogue, each with a different skin so every request
# fits its own skin; prints the median and 90th percentile of curl's time_total, the service's CPU time per request
# (user + system, from /proc: steadier than wall time on a shared machine) and the load average.
# Not part of CI. Usage, from the repository root:
#   dotnet build src/SmpShade.Api -c Release && bash tests/load/match-latency.sh [requests, default 200]
set -euo pipefail
requests=${1:-200}
port=${PORT:-5198}
source "$(dirname "$0")/service.sh"
start_service

match() { # $1: skin L*
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
    -d "{\"skinLab\": {\"l\": $1, \"a\": 11, \"b\": 17}, \"hairLab\": {\"l\": 30, \"a\": 4, \"b\": 7}, \"top\": 10}" \
    "$base/api/v1/matches"
}
for i in $(seq 1 300); do match "6$((i % 10)).$((i % 7))" > /dev/null; done
# The service finishes its start-up work (models, compilation) in the background: wait until it idles (≤ 3 ticks a second).
for _ in $(seq 1 30); do a=$(cpu); sleep 1; [ $(( $(cpu) - a )) -le 3 ] && break; done
before=$(cpu)
for i in $(seq 1 "$requests"); do match "$(awk -v i="$i" 'BEGIN { printf "%.3f", 55 + (i % 400) * 0.04 }')"; done > "$work/times"
if grep -qv '^200 ' "$work/times"; then echo "non-200 answers:"; grep -v '^200 ' "$work/times" | sort | uniq -c; exit 1; fi
sort -k2 -g "$work/times" | awk '{ t[NR] = $2 * 1000 } END {
  printf "%d sequential JSON matches: median %.1f ms, p90 %.1f ms\n", NR, t[int((NR + 1) / 2)], t[int(NR * 0.9)] }'
awk -v t="$(( $(cpu) - before ))" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
  'BEGIN { printf "service CPU time: %.1f ms per request\n", t * 1000 / hz / n }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
