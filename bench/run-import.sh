#!/usr/bin/env bash
# Bulk-import benchmark: a CSV of N events (default 10 million: 1 million customers x 10 events,
# 5 channels) imported into a fresh data directory with `wayfinder import`.
# Usage: bench/run-import.sh [events]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
[ -f wayfinder-cli/target/wayfinder.jar ] || mvn -B -q -DskipTests package
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
csv="$work/events.csv"
echo "== writing $n rows to $csv"
awk -v n="$n" 'BEGIN {
  split("Product Viewed,Added To Cart,Checkout Started,Payment,Order Completed,Support Call,Email Opened,Review Written,Store Visit,App Opened", act, ",");
  split("web,app,store,call_centre,email", ch, ",");
  print "customer,event,timestamp,channel";
  base = 1700000000;
  for (i = 0; i < n; i++) {
    c = int(i / 10); k = i % 10;
    t = base + c * 37 + k * 600;
    printf "cust-%d,%s,%s,%s\n", c, act[k + 1], strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), ch[(c + k) % 5 + 1];
  }
}' > "$csv"
ls -la "$csv"
echo "== wayfinder import"
/usr/bin/time -v java ${WAYFINDER_JAVA_OPTS:-} -jar wayfinder-cli/target/wayfinder.jar import "$csv" \
  --customer customer --activity event --timestamp timestamp --data "$work/data" --json 2> "$work/time.txt" \
  | grep -E '"(rows|imported|customers|seconds)"'
grep -E "Elapsed|Maximum resident" "$work/time.txt"
