#!/usr/bin/env bash
# Times whole gst-launch runs: gst-mini's bin/gst-launch next to GStreamer's gst-launch-1.0,
# on the same pipeline lines, and prints buffers/s for both and the ratio.
#
#   gst-mini-benchmarks/time-gst-launch.sh                    # every pipeline, 5 runs each
#   gst-mini-benchmarks/time-gst-launch.sh queue tee-2-queues # some of them
#   RUNS=3 MIN_SECONDS=5 gst-mini-benchmarks/time-gst-launch.sh
#
# Pipelines (the same as PipelineBenchmark's, org.gstmini.benchmarks.Pipelines):
#   fakesrc-fakesink  fakesrc num-buffers=N ! fakesink
#   identity-1|5|10   fakesrc num-buffers=N ! identity ! ... ! fakesink
#   queue             fakesrc num-buffers=N ! queue ! fakesink
#   tee-2-queues      fakesrc num-buffers=N ! tee name=t t. ! queue ! fakesink t. ! queue ! fakesink
#   queue-pinned      the queue line under `taskset -c 0` (one core), for both tools
#
# How N is chosen: first the start-up cost of each tool is measured with a trivial pipeline
# (num-buffers=1, median of RUNS). Then, per pipeline, one calibration run of gst-mini with
# CALIBRATION_BUFFERS gives its rate, and N is rounded up (to a multiple of 1,000,000) so that a
# gst-mini run lasts at least MIN_SECONDS and at least 20 x its start-up: start-up is then
# under 5% of the run. GStreamer runs the same N.
#
# Each measurement is the median wall time of RUNS runs (bash `date +%s%N` around the whole
# process; the two tools alternate, run by run). buffers/s = N / median wall time. The table
# also gives each tool's own "Execution ended after" time (PLAYING to EOS, no start-up) as
# buffers/s, for reference. hyperfine is not used: this script also needs each run's own
# "Execution ended after" line, which hyperfine 1.15 (Debian 12) cannot capture.
#
# Environment:
#   RUNS=5                 runs per measurement (median reported; 3-5 is sensible)
#   MIN_SECONDS=10         shortest gst-mini run; start-up stays under 5% in any case
#   CALIBRATION_BUFFERS=1000000
#   N=...                  force num-buffers for every pipeline (no calibration)
#   GST_MINI_LAUNCH=...    default: <repo>/bin/gst-launch (build the project first)
#   GST_LAUNCH=...         default: gst-launch-1.0 (column skipped with a note if absent)
#   JAVA_OPTS=...          passed on to bin/gst-launch
#   CSV=file               also write the table as CSV
#   WAIT_QUIET=90          before each run, wait until the CPUs were >= 90% idle for 2 s (0: off;
#                          at most WAIT_QUIET_MAX=900 s per run); on a shared machine another
#                          build on the same cores easily halves a number
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
ours="${GST_MINI_LAUNCH:-$root/bin/gst-launch}"
gst="${GST_LAUNCH:-gst-launch-1.0}"
runs="${RUNS:-5}"
min_seconds="${MIN_SECONDS:-10}"
calibration="${CALIBRATION_BUFFERS:-1000000}"
wait_quiet="${WAIT_QUIET:-90}"
wait_quiet_max="${WAIT_QUIET_MAX:-900}"
export GST_MINI_DEBUG="${GST_MINI_DEBUG:-*:1}" # no INFO lines from the streaming threads

declare -A LINES=(
  [fakesrc-fakesink]="fakesrc num-buffers=%N% ! fakesink"
  [identity-1]="fakesrc num-buffers=%N% ! identity ! fakesink"
  [identity-5]="fakesrc num-buffers=%N% ! identity ! identity ! identity ! identity ! identity ! fakesink"
  [identity-10]="fakesrc num-buffers=%N% ! identity ! identity ! identity ! identity ! identity ! identity ! identity ! identity ! identity ! identity ! fakesink"
  [queue]="fakesrc num-buffers=%N% ! queue ! fakesink"
  [tee-2-queues]="fakesrc num-buffers=%N% ! tee name=t t. ! queue ! fakesink t. ! queue ! fakesink"
  [queue-pinned]="fakesrc num-buffers=%N% ! queue ! fakesink"
)
ORDER=(fakesrc-fakesink identity-1 identity-5 identity-10 queue tee-2-queues queue-pinned)

if [[ $# -gt 0 ]]; then
  names=("$@")
else
  names=("${ORDER[@]}")
fi
for n in "${names[@]}"; do
  [[ -n "${LINES[$n]:-}" ]] || { echo "time-gst-launch.sh: unknown pipeline '$n' (known: ${ORDER[*]})" >&2; exit 2; }
done

if [[ ! -x "$ours" ]]; then
  echo "time-gst-launch.sh: $ours not found" >&2
  exit 2
fi
have_gst=1
if ! command -v "$gst" > /dev/null 2>&1; then
  have_gst=0
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# idle_percent <seconds>: how idle the CPUs were over that time, from /proc/stat
idle_percent() {
  local a b c d e f g h t1 i1
  read -r _ a b c d e f g h _ < /proc/stat
  t1=$((a + b + c + d + e + f + g + h)); i1=$((d + e))
  sleep "$1"
  read -r _ a b c d e f g h _ < /proc/stat
  echo $((100 * ((d + e) - i1) / ((a + b + c + d + e + f + g + h) - t1 + 1)))
}

# quiet: waits until the machine is idle enough (WAIT_QUIET), or WAIT_QUIET_MAX seconds
quiet() { # (runs in the $(run_once ...) subshell: the time waited is summed in a file)
  [[ "$wait_quiet" -gt 0 && -r /proc/stat ]] || return 0
  local start=$SECONDS
  while [[ $(idle_percent 2) -lt $wait_quiet ]]; do
    if ((SECONDS - start > wait_quiet_max)); then
      echo "time-gst-launch.sh: the machine is still busy after ${wait_quiet_max} s; measuring anyway" >&2
      return 0
    fi
  done
  echo $((SECONDS - start)) >> "$tmp/waited"
}

# run_once <tool: ours|gst> <pinned: 0|1> <line>: prints "<wall ns> <execution ns or ->"
run_once() {
  local tool="$1" pinned="$2" line="$3" cmd=()
  quiet
  [[ "$pinned" == 1 ]] && cmd=(taskset -c 0)
  if [[ "$tool" == ours ]]; then cmd+=("$ours"); else cmd+=("$gst"); fi
  # shellcheck disable=SC2206  # the pipeline line is split into words, as a shell would
  local words=($line)
  local t0 t1
  t0=$(date +%s%N)
  if ! "${cmd[@]}" "${words[@]}" > "$tmp/out" 2> "$tmp/err"; then
    echo "time-gst-launch.sh: failed: ${cmd[*]} $line" >&2
    cat "$tmp/err" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  if ! grep -q 'Got EOS' "$tmp/out"; then
    echo "time-gst-launch.sh: no EOS from: ${cmd[*]} $line" >&2
    cat "$tmp/out" "$tmp/err" >&2
    exit 1
  fi
  # "Execution ended after 0:00:01.234567890" -> ns
  local exec_ns
  exec_ns=$(sed -n 's/^Execution ended after \([0-9]*\):\([0-9]*\):\([0-9]*\)\.\([0-9]*\).*/\1 \2 \3 \4/p' "$tmp/out" |
    awk '{ printf "%.0f", (($1 * 60 + $2) * 60 + $3) * 1e9 + $4 }')
  echo "$((t1 - t0)) ${exec_ns:--}"
}

spread() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { if (NR == 0) print "-"; else printf "%.0f", (hi - lo) / 1e6 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure <tool> <pinned> <line>: sets MED_WALL, MED_EXEC (ns) over $runs runs
measure_pair() {
  local pinned="$1" line="$2" i r
  : > "$tmp/ours.wall"; : > "$tmp/ours.exec"; : > "$tmp/gst.wall"; : > "$tmp/gst.exec"
  for ((i = 0; i < runs; i++)); do
    r=$(run_once ours "$pinned" "$line"); echo "${r% *}" >> "$tmp/ours.wall"; echo "${r#* }" >> "$tmp/ours.exec"
    if [[ $have_gst == 1 ]]; then
      r=$(run_once gst "$pinned" "$line"); echo "${r% *}" >> "$tmp/gst.wall"; echo "${r#* }" >> "$tmp/gst.exec"
    fi
  done
  OURS_WALL=$(median < "$tmp/ours.wall"); OURS_EXEC=$({ grep -v -- - "$tmp/ours.exec" || true; } | median)
  GST_WALL=$(median < "$tmp/gst.wall"); GST_EXEC=$({ grep -v -- - "$tmp/gst.exec" || true; } | median)
  OURS_SPREAD=$(spread < "$tmp/ours.wall"); GST_SPREAD=$(spread < "$tmp/gst.wall")
}

rate() { # rate <buffers> <ns>
  if [[ "$2" == - || -z "$2" ]]; then echo "-"; else awk -v n="$1" -v t="$2" 'BEGIN { printf "%.0f", n / (t / 1e9) }'; fi
}
ratio() { if [[ "$1" == - || "$2" == - ]]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; fi; }
fmt() { # 1234567 -> 1,234,567
  if [[ "$1" == - ]]; then echo "-"; else echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; fi
}

echo "time-gst-launch.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  ours: $ours ($(java -version 2>&1 | head -n 1))"
if [[ $have_gst == 1 ]]; then
  echo "  GStreamer: $("$gst" --version | sed -n 2p)"
else
  echo "  GStreamer: $gst not found: GStreamer columns skipped (install gstreamer1.0-tools to compare)"
fi
echo "  $runs runs per measurement, median wall time of the whole process$([[ "$wait_quiet" -gt 0 ]] && echo "; each run waits for >= ${wait_quiet}% idle CPUs")"

# ---- start-up alone
measure_pair 0 "fakesrc num-buffers=1 ! fakesink"
startup_ours=$OURS_WALL
startup_gst=$GST_WALL
echo "  start-up (fakesrc num-buffers=1 ! fakesink): gst-mini $((startup_ours / 1000000)) ms, GStreamer $([[ $have_gst == 1 ]] && echo "$((startup_gst / 1000000)) ms" || echo -)"
min_ns=$(awk -v s="$startup_ours" -v m="$min_seconds" 'BEGIN { a = 20 * s; b = m * 1e9; printf "%.0f", (a > b ? a : b) }')
echo "  each gst-mini run lasts >= $(awk -v t="$min_ns" 'BEGIN { printf "%.1f", t / 1e9 }') s: start-up < 5% of the run"
echo

printf "%-16s %11s | %14s %14s %6s | %14s %14s | %7s %7s %7s %7s\n" "pipeline" "N" "ours buf/s" "GStreamer" "ratio" \
  "ours in-run" "GStr in-run" "ours s" "±ms" "GStr s" "±ms"
[[ -n "${CSV:-}" ]] && echo "pipeline,N,ours_wall_ns,ours_buffers_per_s,gst_wall_ns,gst_buffers_per_s,ratio,ours_exec_ns,gst_exec_ns" > "$CSV"

for name in "${names[@]}"; do
  pinned=0
  [[ "$name" == *-pinned ]] && pinned=1
  template="${LINES[$name]}"
  if [[ -n "${N:-}" ]]; then
    n=$N
  else
    r=$(run_once ours "$pinned" "${template//%N%/$calibration}")
    wall=${r% *}
    per_buffer=$(awk -v w="$wall" -v s="$startup_ours" -v c="$calibration" 'BEGIN { d = w - s; if (d < w / 10) d = w / 10; print d / c }')
    # x1.25: the calibration run is a cold JVM, a little slower per buffer than the long runs
    n=$(awk -v t="$min_ns" -v p="$per_buffer" 'BEGIN { n = 1.25 * t / p; n = int((n + 999999) / 1000000) * 1000000; if (n < 1000000) n = 1000000; printf "%.0f", n }')
  fi
  line="${template//%N%/$n}"
  measure_pair "$pinned" "$line"
  ours_rate=$(rate "$n" "$OURS_WALL")
  gst_rate=$([[ $have_gst == 1 ]] && rate "$n" "$GST_WALL" || echo -)
  printf "%-16s %11s | %14s %14s %6s | %14s %14s | %7.2f %7s %7s %7s\n" "$name" "$(fmt "$n")" "$(fmt "$ours_rate")" \
    "$(fmt "$gst_rate")" "$(ratio "$ours_rate" "$gst_rate")" "$(fmt "$(rate "$n" "$OURS_EXEC")")" \
    "$(fmt "$([[ $have_gst == 1 ]] && rate "$n" "$GST_EXEC" || echo -)")" \
    "$(awk -v t="$OURS_WALL" 'BEGIN { printf "%.3f", t / 1e9 }')" "$OURS_SPREAD" \
    "$([[ $have_gst == 1 ]] && awk -v t="$GST_WALL" 'BEGIN { printf "%.2f", t / 1e9 }' || echo -)" "$GST_SPREAD"
  [[ -n "${CSV:-}" ]] && echo "$name,$n,$OURS_WALL,$ours_rate,${GST_WALL},$gst_rate,$(ratio "$ours_rate" "$gst_rate"),$OURS_EXEC,$GST_EXEC" >> "$CSV"
done
echo
echo "buf/s = N / median wall time of the whole process (start-up included); ratio = ours / GStreamer."
echo "in-run = N / the tool's own \"Execution ended after\" time (PLAYING to EOS). s = median wall time, ±ms = spread (max - min) of the runs."
echo "queue-pinned: both tools under 'taskset -c 0' (one core)."
echo "finished $(date -u '+%H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg); waited $(awk '{ s += $1 } END { print s + 0 }' "$tmp/waited" 2> /dev/null || echo 0) s in all for quiet CPUs"
