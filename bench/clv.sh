#!/usr/bin/env bash
# CLV fit-time benchmark (run by hand): CDNOW cohort and synthetic customers drawn from BG/NBD.
# Usage: bench/clv.sh [synthetic customers, default 1000000] [repeats, default 9]
# Prints a Markdown report; bench/out/clv.md keeps a copy. Results we report: bench/results/clv.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# Compiles inside the reactor (no install, no -o: a fresh clone's cache fills itself), and takes the
# classpath from the same run, so sibling modules resolve to their target/classes.
mvn -B -q -pl wayfinder-cli -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
cp="wayfinder-cli/target/test-classes:wayfinder-cli/target/classes:$(cat wayfinder-cli/target/bench.classpath)"
mkdir -p bench/out
exec java ${BENCH_JAVA_OPTS:--Xmx4g} -cp "$cp" io.wayfinder.bench.ClvBenchmark ../shared/data/cdnow "${1:-1000000}" "${2:-9}" bench/out/clv.md
