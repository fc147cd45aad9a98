#!/usr/bin/env bash
# Condition language throughput (run by hand), one thread, 1,000 customer documents.
# Usage: bench/conditions.sh [seconds per case, default 2]
# Prints a Markdown table; results we report: bench/results/flows.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests test-compile -pl wayfinder-core >&2
f=$(mktemp)
mvn -B -q -o dependency:build-classpath -pl wayfinder-core -Dmdep.outputFile="$f" -Dmdep.includeScope=test >&2
java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "wayfinder-core/target/test-classes:wayfinder-core/target/classes:$(cat "$f")" \
  io.wayfinder.core.act.condition.ConditionBenchmark "$@"
rm -f "$f"
