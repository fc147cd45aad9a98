#!/usr/bin/env bash
# Themes benchmark (run by hand): BANKING77 train.csv -> test.csv with `wayfinder themes evaluate`,
# then discovery on test.csv scored against its labels (`wayfinder themes discover`), same run.
# Usage: bench/themes.sh [data dir, default shared/data/banking77 found above the checkout]
# Prints the two JSON results (per-theme lists left out) and the load average; we report them in bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# the shared/ folder of the nearest ancestor that has one (a worktree sits deeper than main)
up="$PWD"; while [ "$up" != / ] && [ ! -d "$up/shared" ]; do up="$(dirname "$up")"; done
data="${1:-$up/shared/data/banking77}"
# compile and the CLI's third-party classpath in one reactor run (the modules' own jars are not in ~/.m2)
f=$(mktemp)
mvn -B -q -o compile dependency:build-classpath -pl wayfinder-cli -am -Dmdep.outputFile="$f" >&2
cp=":$(tr ':' '\n' < "$f" | grep -v '/io/wayfinder/' | paste -sd:)"
rm -f "$f"
classes="wayfinder-cli/target/classes:wayfinder-server/target/classes:wayfinder-store/target/classes:wayfinder-core/target/classes"
# an array, not a function: /usr/bin/time runs programs only
read -r -a java_opts <<< "${BENCH_JAVA_OPTS:--Xmx3g}"
run=(java "${java_opts[@]}" -cp "$classes$cp" io.wayfinder.cli.Main)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
/usr/bin/time -f "evaluate: wall %e s, cpu user %U s sys %S s, max RSS %M KB" \
  "${run[@]}" themes evaluate --train "$data/train.csv" --test "$data/test.csv" --text-column text --label-column category --json \
  | python3 -c 'import json,sys; o=json.load(sys.stdin); p=o.pop("per_theme"); o["low_confidence"].pop("least_confident"); print(json.dumps(o)); w=sorted(p,key=lambda t:t["recall"])[:5]; print("weakest recall:", [(t["theme"],round(t["precision"],3),round(t["recall"],3)) for t in w])'
echo "load after evaluate: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "discover: wall %e s, cpu user %U s sys %S s" \
  "${run[@]}" themes discover "$data/test.csv" --text-column text --label-column category --json \
  | python3 -c 'import json,sys; o=json.load(sys.stdin); t=o.pop("themes"); print(json.dumps(o)); print("largest theme:", t[0]["texts"], t[0]["terms"], t[0]["examples"][0]["text"])'
echo "load after discover: $(cut -d' ' -f1-3 /proc/loadavg)"
