#!/usr/bin/env bash
# Builds gst-mini-core, gst-mini-base, gst-mini-plugins-good and the benchmarks, then runs JMH
# on the class path.
#
#   gst-mini-benchmarks/run-benchmarks.sh                      # all benchmarks, default settings
#   gst-mini-benchmarks/run-benchmarks.sh -prof gc             # + bytes allocated per buffer
#   gst-mini-benchmarks/run-benchmarks.sh -p elements=0,10 -wi 5 PushPath
#   gst-mini-benchmarks/run-benchmarks.sh PipelineBenchmark    # real pipelines, buffers/s
#   gst-mini-benchmarks/run-benchmarks.sh PipelineBenchmark -p pipeline=queue,tee-2-queues
#   gst-mini-benchmarks/run-benchmarks.sh -h                   # JMH's options
#
# Every argument goes to JMH (org.openjdk.jmh.Main's syntax); a summary of the push path
# (ns per element per buffer, buffers/s, bytes/buffer) and of the pipelines (buffers/s,
# ns per identity per buffer) is printed after JMH's own table.
#
# Environment:
#   SKIP_BUILD=1   do not run Maven, use what is in gst-mini-benchmarks/target
#   MVN_ARGS=...   extra Maven arguments, e.g. MVN_ARGS=-o for an offline build
#   JAVA=...       the java launcher (default: $JAVA_HOME/bin/java, else java)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # -am also builds gst-mini-base and gst-mini-plugins-good (the pipelines' elements)
    # shellcheck disable=SC2086  # MVN_ARGS is a list of words on purpose
    (cd "$root" && mvn -q ${MVN_ARGS:-} -pl gst-mini-core,gst-mini-benchmarks -am package -DskipTests)
fi

jar="$(ls "$here"/target/gst-mini-benchmarks-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)"
if [[ -z "$jar" || ! -d "$here/target/lib" ]]; then
    echo "run-benchmarks.sh: $here/target has no benchmark jar or lib/; build first (without SKIP_BUILD=1)" >&2
    exit 1
fi

if [[ -n "${JAVA:-}" ]]; then
    java="$JAVA"
elif [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
else
    java=java
fi

# Class path, not module path: JMH 1.37 forks its measuring JVM with -cp <java.class.path>,
# which is empty for a JVM started on the module path (see module-info.java and README.md).
exec "$java" -cp "$jar:$here/target/lib/*" org.gstmini.benchmarks.BenchmarkMain "$@"
