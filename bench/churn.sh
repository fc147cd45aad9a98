#!/usr/bin/env bash
# Churn train/score benchmark (run by hand): generated customers imported into a fresh data directory.
# Usage: bench/churn.sh [customer counts, default 2000 20000]
# Prints a Markdown table; results we report: bench/results/churn.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# Compiles inside the reactor (no install, no -o: a fresh clone's cache fills itself), and takes the
# classpath from the same run, so sibling modules resolve to their target/classes.
mvn -B -q -pl wayfinder-cli -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
cp="wayfinder-cli/target/test-classes:wayfinder-cli/target/classes:$(cat wayfinder-cli/target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:--Xmx4g} -cp "$cp" io.wayfinder.bench.ChurnBenchmark "$@"
