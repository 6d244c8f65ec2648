#!/usr/bin/env bash
# Issue 15 figures: the built service on 127.0.0.1 only, first run straight after start.
#   16 concurrent JSON matches and 8 concurrent 1 MP photo analyses, wrk 15 s each; peak and settled memory (VmHWM/VmRSS).
# Not part of CI (it takes about a minute and needs wrk and ImageMagick). Usage, from the repository root:
#   dotnet build src/SmpShade.Api -c Release && bash tests/load/measure.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${PORT:-5199}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dll=src/SmpShade.Api/bin/Release/net10.0/SmpShade.Api.dll
[ -f "$dll" ] || { echo "build first: dotnet build src/SmpShade.Api -c Release"; exit 1; }

# A 1 MP JPEG (1155 × 866) of the generated test scene, and the multipart body wrk sends.
convert tests/SmpShade.Api.Tests/Images/Generated/scene_sRGB_8.png -resize 1155x866! -quality 90 "$work/photo.jpg"
boundary=smpshadeload
{ printf -- "--%s\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" "$boundary"
  cat "$work/photo.jpg"
  printf -- "\r\n--%s--\r\n" "$boundary"; } > "$work/body.bin"

ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$work" Photos__MaxConcurrentAnalyses=4 \
  dotnet "$dll" --urls "http://127.0.0.1:$port" > "$work/service.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null; do sleep 0.2; done
echo "ready; rss $(grep VmRSS /proc/$pid/status)"

echo "== 16 concurrent JSON matches, 15 s"
wrk -t2 -c16 -d15s --latency -s "$here/match.lua" "http://127.0.0.1:$port/api/v1/matches"
echo "== 8 concurrent 1 MP analyses, 15 s"
BODY="$work/body.bin" BOUNDARY=$boundary wrk -t2 -c8 -d15s --latency -s "$here/analysis.lua" "http://127.0.0.1:$port/api/v1/analyses"
echo "peak $(grep VmHWM /proc/$pid/status)"
sleep 60
echo "a minute later $(grep VmRSS /proc/$pid/status)"
