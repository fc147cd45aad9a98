#!/usr/bin/env bash
# Churn train/score benchmark (run by hand): generated customers imported into a fresh data directory.
# Usage: bench/churn.sh [customer counts, default 2000 20000]
# Prints a Markdown table; results we report: bench/results/churn.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests test-compile -pl wayfinder-cli -am >&2
# Third-party jars of every module (not the reactor's own, which may be stale copies in ~/.m2).
cp=""
for m in wayfinder-core wayfinder-store wayfinder-server wayfinder-cli; do
  f=$(mktemp)
  mvn -B -q -o dependency:build-classpath -pl "$m" -Dmdep.outputFile="$f" -Dmdep.includeScope=test >&2
  cp="$cp:$(tr ':' '\n' < "$f" | grep -v '/io/wayfinder/' | paste -sd:)"
  rm -f "$f"
done
classes="wayfinder-cli/target/test-classes:wayfinder-cli/target/classes:wayfinder-server/target/classes:wayfinder-store/target/classes:wayfinder-core/target/classes"
java ${BENCH_JAVA_OPTS:--Xmx4g} -cp "$classes$cp" io.wayfinder.bench.ChurnBenchmark "$@"
