#!/usr/bin/env bash
# Slow-body clients (issue #11 item 3): N connections that announce a large body and trickle 10 bytes
# every 10 s, against this checkout's server and, in the same run, a baseline build (default: the
# commit where this branch left main), one after the other on the same machine. While they are
# connected, GET /health every 100 ms and an authenticated POST /v1/track every second.
# Usage: bench/slow-clients.sh [CONNECTIONS] [SECONDS] [BASELINE_COMMIT]   (BASELINE_JAR=, CURRENT_JAR=path: use jars built before)
# Builds both runnable jars with `mvn package -DskipTests` (never install); the baseline in a temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}; secs=${2:-30}; base=${3:-$(git merge-base HEAD main)}
work=$(mktemp -d); mkdir -p "$work/client"; trap 'jobs -p | xargs -r kill 2>/dev/null; rm -rf "$work"' EXIT
# the client needs only the JDK
javac -d "$work/client" wayfinder-cli/src/test/java/io/wayfinder/bench/SlowClientsBenchmark.java
if [ -n "${CURRENT_JAR:-}" ]; then
  cp "$CURRENT_JAR" "$work/current.jar"
else
  mvn -B -q -o -DskipTests package -pl wayfinder-cli -am
  cp wayfinder-cli/target/wayfinder.jar "$work/current.jar"
fi
if [ -n "${BASELINE_JAR:-}" ]; then
  cp "$BASELINE_JAR" "$work/baseline.jar" # a jar built from the baseline commit before
else
  git archive "$base" | tar -x -C "$work" --one-top-level=baseline
  (cd "$work/baseline" && mvn -B -q -o -DskipTests package -pl wayfinder-cli -am)
  cp "$work/baseline/wayfinder-cli/target/wayfinder.jar" "$work/baseline.jar"
fi
ulimit -n 20000
for build in baseline current; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  java -jar "$work/$build.jar" serve --port "$port" --data "$work/data-$build" > "$work/$build.log" 2>&1 &
  pid=$!
  for i in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  token=$(cat "$work/data-$build/admin-token")
  key=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"name":"bench","channel":"web"}' \
    "http://127.0.0.1:$port/api/sources" | sed -E 's/.*"writeKey":"([^"]+)".*/\1/')
  echo "== $build ($( [ $build = baseline ] && echo "$base" || git rev-parse --short HEAD)), $n slow connections, ${secs}s, load $(cut -d' ' -f1 /proc/loadavg)"
  java -cp "$work/client" io.wayfinder.bench.SlowClientsBenchmark "http://127.0.0.1:$port" "$key" "$n" "$secs"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
