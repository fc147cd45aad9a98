#!/usr/bin/env bash
# Discovery benchmark on ~10 M events (receipt log replicated). Usage: bench/discovery.sh [events]
# Compiles inside the reactor (no install), then runs the benchmark main class from the test classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl wayfinder-cli -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="wayfinder-cli/target/test-classes:wayfinder-cli/target/classes:$(cat wayfinder-cli/target/bench.classpath)"
exec java -Xmx4g -XX:+UseParallelGC -cp "$cp" io.wayfinder.bench.DiscoveryBenchmark "$@"
