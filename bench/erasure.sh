#!/usr/bin/env bash
# Erasure benchmark (run by hand): one customer and 10,000 customers erased on a store of N customers x 10 events,
# side by side with plain DuckDB deletes. Usage: bench/erasure.sh [customers, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
f=$(mktemp)
# compiling in the same reactor lets wayfinder-core resolve to its classes (nothing is installed in ~/.m2)
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -pl wayfinder-store -am -Dmdep.outputFile="$f" -Dmdep.includeScope=test >&2
cp="$(tr ':' '\n' < "$f" | grep -v '/io/wayfinder/' | paste -sd:)"
rm -f "$f"
classes="wayfinder-store/target/test-classes:wayfinder-store/target/classes:wayfinder-core/target/classes"
java ${BENCH_JAVA_OPTS:--Xmx4g} -cp "$classes:$cp" io.wayfinder.bench.ErasureBenchmark "$@"
