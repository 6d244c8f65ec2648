#!/usr/bin/env bash
# Issue 15 figures: the built service on 127.0.0.1 only, 4 analysis slots, first run straight after start.
#   1. 16 concurrent JSON matches, then 8 concurrent 1 MP photo analyses, wrk 15 s each: answers by status, p50/p99.
#   2. The attacks: four PNG text bombs at once (zTXt inflating to 1 GiB), four uploads trickling at 300 B/s while a
#      normal analysis is timed, a 50,000-deep CxF dry run, and a 10 s storm of wrong keys followed by the right one.
#   3. Peak memory (VmHWM) after 1 and after 2, and resident memory (VmRSS) a minute after the attacks.
# The load average is printed beside the figures: on a shared machine they are not representative.
# Not part of CI (about three minutes; needs wrk, curl, python3 and ImageMagick). From the repository root:
#   dotnet build src/SmpShade.Api -c Release && bash tests/load/measure.sh
set -euo pipefail
port=${PORT:-5199}
source "$(dirname "$0")/service.sh"
admin="smp_load_admin_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
mem() { grep "$1" "/proc/$pid/status" | awk '{printf "%d MB", $2 / 1024}'; }

# A 1 MP JPEG (1155 × 866) of the generated test scene, the multipart body wrk sends, and the attack files.
convert tests/SmpShade.Api.Tests/Images/Generated/scene_sRGB_8.png -resize 1155x866! -quality 90 "$work/photo.jpg"
boundary=smpshadeload
{ printf -- "--%s\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" "$boundary"
  cat "$work/photo.jpg"
  printf -- "\r\n--%s--\r\n" "$boundary"; } > "$work/body.bin"
python3 "$here/attacks.py" "$work"

echo "load average before start: $(load)"
started=$(date +%s.%N)
Photos__MaxConcurrentAnalyses=4 Auth__BootstrapAdminKey="$admin" start_service
echo "ready after $(echo "$(date +%s.%N) - $started" | bc) s; rss $(mem VmRSS); $(grep -o 'Warmed up in [^:]*' "$work/service.log" || echo 'no warm-up logged')"

echo "== 16 concurrent JSON matches, 15 s (load $(load))"
wrk -t2 -c16 -d15s --timeout 10s --latency -s "$here/match.lua" "$base/api/v1/matches" | grep -E "Requests/sec|statuses"
echo "== 8 concurrent 1 MP analyses, 15 s (load $(load))"
BODY="$work/body.bin" BOUNDARY=$boundary wrk -t2 -c8 -d15s --timeout 10s --latency -s "$here/analysis.lua" "$base/api/v1/analyses" | grep -E "Requests/sec|statuses"
echo "peak after the figures: $(mem VmHWM)"

echo "== attacks (load $(load))"
analysis() { curl -s -o /dev/null -w "%{http_code} in %{time_total} s" -H "Content-Type: multipart/form-data; boundary=$boundary" \
  --data-binary @"$work/body.bin" "$base/api/v1/analyses"; }
echo -n "four PNG text bombs at once ($(stat -c %s "$work/bomb.png") B each, zTXt inflating to 1 GiB):"
# (Each wait names its curls: a bare wait would wait for the service too.)
curls=()
for i in 1 2 3 4; do
  curl -s -o /dev/null -w " %{http_code} in %{time_total} s;" -F "photo=@$work/bomb.png;type=image/png" "$base/api/v1/analyses" > "$work/result.bomb.$i" &
  curls+=($!)
done
wait "${curls[@]}"; cat "$work"/result.bomb.*; echo
echo -n "four uploads trickling at 300 B/s:"
curls=()
for i in 1 2 3 4; do
  curl -s -o /dev/null -w " %{http_code} after %{time_total} s;" --limit-rate 300 -H "Content-Type: multipart/form-data; boundary=$boundary" \
    --data-binary @"$work/body.bin" "$base/api/v1/analyses" > "$work/trickle.$i" &
  curls+=($!)
done
sleep 3
during=$(analysis)
wait "${curls[@]}"; cat "$work"/trickle.*; echo
echo "a normal analysis during the trickle: $during"
echo "50,000-deep CxF dry run ($(stat -c %s "$work/deep.xml") B): $(curl -s -o /dev/null -w "%{http_code} in %{time_total} s" -X PUT \
  -H "X-Api-Key: $admin" -H "Content-Type: application/xml" --data-binary @"$work/deep.xml" "$base/api/v1/suppliers/deep/catalogue?dryRun=true")"
echo -n "wrong-key storm, 16 connections, 10 s: "
wrk -t2 -c16 -d10s -s "$here/badkey.lua" "$base" | grep statuses
echo "then the admin key: $(curl -s -o /dev/null -w "%{http_code}" -H "X-Api-Key: $admin" "$base/api/v1/keys")"
echo "a normal analysis after the attacks: $(analysis)"
echo "server errors logged: $(grep -c 'fail:' "$work/service.log" || true)"
echo "peak after the attacks: $(mem VmHWM)"
sleep 60
echo "a minute later: rss $(mem VmRSS) (load $(load))"
