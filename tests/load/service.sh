# Sourced by the load scripts after they set $port: the built service ($DLL, default the Release build) on
# 127.0.0.1:$port in Production with a throw-away data folder ($work, removed on exit with the service) and its own
# folder as content root, as the image runs it (CONTENT_ROOT=<dir> for another). start_service [argument…] starts it and
# waits for /health/ready; environment put in front of the call (VAR=value start_service) reaches the service.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export HERE="$here"
base="http://127.0.0.1:$port"
work=$(mktemp -d)
pid=
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dll=${DLL:-src/SmpShade.Api/bin/Release/net10.0/SmpShade.Api.dll}
[ -f "$dll" ] || { echo "build first: dotnet build src/SmpShade.Api -c Release"; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; } # the service's user + system time, clock ticks

start_service() {
  ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$work" dotnet "$dll" --urls "$base" \
    --contentRoot "${CONTENT_ROOT:-$(cd "$(dirname "$dll")" && pwd)}" "$@" > "$work/service.log" 2>&1 &
  pid=$!
  until curl -sf "$base/health/ready" > /dev/null; do
    kill -0 "$pid" 2> /dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.2
  done
}
