#!/usr/bin/env bash
# Journey queries on a live store: the replicated receipt store (~10 M events unless told; built in
# DIR when missing, reused otherwise) copied, 1,000 events appended per round through the event
# writer, then a 5-step funnel, with a full index load (before) and with the refresh (after).
# Usage: bench/live.sh [DIR] [EVENTS] [ROUNDS] (timed rounds, after 2 warm-up rounds)
# Compiles inside the reactor (no install), then runs the benchmark main class from the test classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl wayfinder-cli -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="wayfinder-cli/target/test-classes:wayfinder-cli/target/classes:$(cat wayfinder-cli/target/bench.classpath)"
# the JVM's default collector (G1), as the server runs: it allocates the index's large arrays outside the young
# generation, where the parallel collector copied them in long pauses (measured: 0.4-3.5 s)
exec java -Xmx8g -cp "$cp" io.wayfinder.bench.LiveJourneyBenchmark "$@"
