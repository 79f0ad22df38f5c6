#!/usr/bin/env bash
# Sink wake-up error: gst-mini's BaseSink (org.gstmini.benchmarks.WakeupError), next to the
# OS sleep floor and real GStreamer's basesink, in one table.
#
#   gst-mini-benchmarks/wakeup-error.sh                 # 1000 buffers at 100 fps per row
#   BUFFERS=3000 gst-mini-benchmarks/wakeup-error.sh
#
# Rows:
#   pipeline non-live / live          gst-mini: videotestsrc is-live=false|true num-buffers=N
#                                     ! video/x-raw,framerate=100/1,width=64,height=48 ! wakeupsink
#   LockSupport.parkNanos(10 ms)      the JVM's sleep floor (how late a plain park returns)
#   SystemClock waits, 10 ms apart    gst-mini's clock wait alone (park, then spin the last 250 µs)
#   C clock_nanosleep(10 ms)          the OS sleep floor for C (native/sleep_floor.c), also with
#                                     the timer slack set to 1 ns
#   GStreamer 1.22 non-live / live    the same pipeline with fakesink sync=true signal-handoffs=true,
#                                     measured in the handoff callback (native/gst_wakeup.c)
#
# Lateness = clock time at the top of render − (base_time + running_time + latency + ts-offset
# − render-delay), in µs; CPU = CPU time / wall time while measuring, in % of one core
# ("process": all threads; "thread": the streaming thread only). The first WARMUP samples are
# left out. The C programs are built with gcc against the GStreamer runtime libraries (no -dev
# package needed); rows whose tool is missing are skipped with a note.
#
# Environment: BUFFERS (1000), WARMUP (100), SKIP_BUILD=1 (do not run Maven), MVN_ARGS, JAVA.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
buffers="${BUFFERS:-1000}"
warmup="${WARMUP:-100}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # shellcheck disable=SC2086
  (cd "$root" && mvn -q ${MVN_ARGS:-} -pl gst-mini-benchmarks -am package -DskipTests)
fi
jar="$(ls "$here"/target/gst-mini-benchmarks-*.jar 2> /dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)"
if [[ -z "$jar" ]]; then
  echo "wakeup-error.sh: no benchmark jar in $here/target; build first (without SKIP_BUILD=1)" >&2
  exit 1
fi
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"

"$java" -cp "$jar:$here/target/lib/*" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  org.gstmini.benchmarks.WakeupError nonlive live park clock --buffers "$buffers" --warmup "$warmup"

native="$here/target/native"
mkdir -p "$native"
if ! command -v gcc > /dev/null 2>&1; then
  echo "(no gcc: the C sleep floor and GStreamer rows are skipped)"
  exit 0
fi
gcc -O2 -o "$native/sleep_floor" "$here/native/sleep_floor.c"
"$native/sleep_floor" "$buffers" "$warmup"

lib=""
for d in /usr/lib/x86_64-linux-gnu /usr/lib64 /usr/lib /usr/lib/aarch64-linux-gnu; do
  if [[ -e "$d/libgstreamer-1.0.so.0" && -e "$d/libgstbase-1.0.so.0" ]]; then
    lib="$d"
    break
  fi
done
if [[ -z "$lib" ]] || ! command -v gst-inspect-1.0 > /dev/null 2>&1 || ! gst-inspect-1.0 videotestsrc > /dev/null 2>&1; then
  echo "(GStreamer 1.x with videotestsrc not found: GStreamer rows skipped; the issue's reference is 140 µs median, 230 µs p99)"
  exit 0
fi
gcc -O2 -o "$native/gst_wakeup" "$here/native/gst_wakeup.c" "$lib/libgstreamer-1.0.so.0" "$lib/libgstbase-1.0.so.0" \
  "$lib/libgobject-2.0.so.0" "$lib/libglib-2.0.so.0"
"$native/gst_wakeup" 0 "$buffers" "$warmup"
"$native/gst_wakeup" 1 "$buffers" "$warmup"
