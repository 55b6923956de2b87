#!/usr/bin/env bash
# compare.sh: KiteMQ against Apache RocketMQ 5.5.0 on this machine, one node at a time on the same
# ports, the same load through the official client, alternating the two; prints a markdown table.
#
#   benchmarks/compare/compare.sh            # full run: 3 pairs, 10 s a cell (about 20 minutes)
#   benchmarks/compare/compare.sh --quick    # smoke run: 1 pair, 3 s a cell (a few minutes)
#   more: --reps N, --seconds S, --warmup S, --latency-warmup S (20), --namesrv-port P (29876),
#         --broker-port P (30911), --out FILE
#
# Needs JDK 17+, Maven, make and network access to Maven Central (or a warm ~/.m2). Builds the KiteMQ
# distribution and tools' test class path (which holds the bench's official-client adapter),
# resolves benchmarks/compare/pom.xml for Apache's name server and broker, then runs Compare.java.
# Work files (stores, logs, bench output) go to $KITE_COMPARE_DIR, else a new directory under
# ${TMPDIR:-/tmp}; stores are deleted after each node stops.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(cd "$here/../.." && pwd -P)"
MVN="${MVN:-mvn}"
work="${KITE_COMPARE_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/kite-compare.XXXXXX")}"
mkdir -p "$work"
echo "work directory: $work"

cd "$root"
echo "building the KiteMQ distribution and the bench's class path ..."
"$MVN" -B -ntp -q -DskipTests -pl server,tools -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/compare-classpath.txt
# The class-data archive bin/kite starts with, as a release has it (make dist records it).
"${MAKE:-make}" -s dist MVN="$MVN" >/dev/null
echo "$(cat tools/target/compare-classpath.txt):$root/tools/target/test-classes:$root/tools/target/classes" \
  >"$work/bench.cp"

echo "resolving Apache RocketMQ 5.5.0 (namesrv, broker) ..."
"$MVN" -B -ntp -q -f "$here/pom.xml" dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/apache.cp"

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)"
java_bin="java"
if [ -n "${JAVA_HOME:-}" ]; then
  java_bin="$JAVA_HOME/bin/java"
fi
exec "$java_bin" "$here/Compare.java" \
  --kite-home "$root/server/target/kite-$version" \
  --bench-cp "$work/bench.cp" \
  --apache-cp "$work/apache.cp" \
  --floor-src "$here/LoopbackFloor.java" \
  --work "$work" "$@"
