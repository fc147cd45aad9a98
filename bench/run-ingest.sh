#!/usr/bin/env bash
# HTTP ingestion benchmark: the trivial endpoint (/health) and /v1/batch (100 events a request)
# against the same server, in one run, with wrk on loopback. Needs: wrk (apt-get install wrk).
# Usage: bench/run-ingest.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}; conns=${2:-32}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
[ -f wayfinder-cli/target/wayfinder.jar ] || mvn -B -q -DskipTests package
data=$(mktemp -d); port=18181
java -jar wayfinder-cli/target/wayfinder.jar serve --port $port --data "$data/d" > "$data/server.log" 2>&1 &
pid=$!; trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
for i in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
token=$(cat "$data/d/admin-token")
export WRITE_KEY=$(curl -sf -H "Authorization: Bearer $token" -d '{"name":"bench","channel":"web"}' \
  "http://127.0.0.1:$port/api/sources" | sed -E 's/.*"writeKey":"([^"]+)".*/\1/')
echo "== trivial endpoint GET /health (${secs}s, $conns connections)"
wrk -t2 -c"$conns" -d"${secs}s" --latency "http://127.0.0.1:$port/health" | grep -E "Requests/sec|Latency|99%|50%"
echo "== POST /v1/batch, 100 events per request (${secs}s, $conns connections)"
wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/ingest.lua "http://127.0.0.1:$port" | tee "$data/wrk.txt" | grep -E "Requests/sec|Latency|99%|50%|Non-2xx"
rps=$(grep Requests/sec "$data/wrk.txt" | awk '{print $2}')
echo "events/s (acknowledged, 100 per request): $(awk -v r="$rps" 'BEGIN{printf "%.0f", r*100}')"
stored=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/stats" | sed -E 's/.*"events":([0-9]+).*/\1/')
echo "events stored: $stored"
