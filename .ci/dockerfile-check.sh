#!/usr/bin/env bash
# No Docker engine here, so this replays the Dockerfile's build stage by hand: copy exactly what its COPY lines
# name into an empty folder, run its publish command there, then start the output the way the runtime stage
# does (same ENV, a loopback port) and ask /health/ready. A file the build needs but the Dockerfile does not
# copy makes this fail, as it would fail `docker build`.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/smpshade-docker.XXXXXX)
trap 'if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

mkdir -p "$work/src"
# COPY lines of the build stage (before the second FROM), excluding --from copies.
awk '/^FROM/{n++} n==1 && /^COPY / && !/--from/' Dockerfile | while read -r _ rest; do
  read -ra parts <<<"$rest"
  dest="${parts[-1]}"
  for src in "${parts[@]:0:${#parts[@]}-1}"; do
    # .dockerignore keeps bin/ obj/ App_Data/ out of the build context; so does this copy.
    target="$work/src/$dest"; mkdir -p "$target"
    if [ -d "$src" ]; then
      tar -C "$src" --exclude=bin --exclude=obj --exclude=App_Data -cf - . | tar -C "$target" -xf -
    else
      cp "$src" "$target"
    fi
  done
done
publish_cmd=$(awk '/^RUN dotnet publish/{sub(/^RUN /,""); print}' Dockerfile)
publish_cmd=${publish_cmd//\/app\/publish/$work/app}
(cd "$work/src" && eval "$publish_cmd" >"$work/publish.log" 2>&1) || { echo "Dockerfile check: publish failed"; tail -20 "$work/publish.log"; exit 1; }

# A free loopback port, so a leftover or parallel run cannot collide.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$work/data"
# exec: $pid is the service itself, so the EXIT trap stops it rather than an idle subshell.
(cd "$work/app" && ASPNETCORE_URLS="http://127.0.0.1:$port" Database__DataDirectory="$work/data" \
  Auth__BootstrapAdminKey="dockerfile-check-admin-key-0123456789" exec dotnet SmpShade.Api.dll >"$work/log" 2>&1) &
pid=$!
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
    curl -fsS "http://127.0.0.1:$port/api/v1/suppliers" | grep -q '"sample"' || { echo "Dockerfile check: sample catalogue not loaded from publish output"; cat "$work/log"; exit 1; }
    echo "Dockerfile check: published output serves /health/ready and the sample catalogue"
    exit 0
  fi
  sleep 1
done
echo "Dockerfile check: the published service did not become ready"; cat "$work/log"; exit 1
