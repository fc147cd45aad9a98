#!/usr/bin/env bash
# CLV fit-time benchmark (run by hand): CDNOW cohort and synthetic customers drawn from BG/NBD.
# Usage: bench/clv.sh [synthetic customers, default 1000000] [repeats, default 9]
# Prints a Markdown report; bench/out/clv.md keeps a copy. Results we report: bench/results/clv.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests test-compile -pl wayfinder-cli -am >&2
cp=$(mvn -B -q -o dependency:build-classpath -pl wayfinder-cli -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
mkdir -p bench/out
java ${BENCH_JAVA_OPTS:--Xmx4g} -cp "wayfinder-cli/target/test-classes:wayfinder-cli/target/classes:wayfinder-core/target/classes:$cp" \
  io.wayfinder.bench.ClvBenchmark ../shared/data/cdnow "${1:-1000000}" "${2:-9}" bench/out/clv.md
