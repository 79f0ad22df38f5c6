#!/usr/bin/env python3
"""Hot spots of a JFR recording: where the sampled threads spend their time.

    jfr-hotspots.py recording.jfr [--thread SUBSTRING] [--top 25] [--short] [--by-method]

Reads jdk.ExecutionSample events (`jfr print --json`), and prints
  * self time: the top frame of each sample, as Class.method:line (share of samples);
  * inclusive time: every distinct frame on the stack, as Class.method:line;
  * per thread: how many samples each thread got.
Lines are source lines of the running code, so the numbers point at file:line; record with
-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints, or the JIT attributes inlined code to
the nearest safepoint's line. --by-method drops the line numbers (self time per method).
Only measures; used to explain RESULTS.md's hot spots.
"""
import argparse
import collections
import json
import subprocess
import sys


def frame_name(f, with_line=True):
    m = f["method"]
    cls = m["type"]["name"].replace("/", ".")
    if not with_line:
        return "%s.%s" % (cls, m["name"])
    return "%s.%s:%s" % (cls, m["name"], f.get("lineNumber", "?"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--thread", default=None, help="only threads whose name contains this")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--short", action="store_true", help="drop package names")
    ap.add_argument("--by-method", action="store_true", help="aggregate per method, without line numbers")
    ap.add_argument("--callers", default=None,
                    help="for samples whose top frame contains this, the first gst-mini frame below it")
    args = ap.parse_args()
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", args.recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    callers = collections.Counter()
    self_c = collections.Counter()
    incl_c = collections.Counter()
    threads = collections.Counter()
    n = 0
    for e in events:
        v = e["values"]
        t = (v.get("sampledThread") or {}).get("javaName") or "?"
        threads[t] += 1
        if args.thread and args.thread not in t:
            continue
        frames = (v.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        n += 1
        names = [frame_name(f, not args.by_method) for f in frames]
        if args.short:
            names = [".".join(x.split(".")[-2:]) for x in names]
        self_c[names[0]] += 1
        full = [frame_name(f) for f in frames]
        if args.callers and args.callers in full[0]:
            caller = next((x for x in full if x.startswith("org.gstmini.")), "?")
            callers[".".join(caller.split(".")[-2:]) if args.short else caller] += 1
        for x in set(names):
            incl_c[x] += 1
    print("samples per thread:")
    for t, c in threads.most_common(10):
        print("  %6d  %s" % (c, t))
    print("\n%d samples%s\n\nself (top frame):" % (n, " in threads matching '%s'" % args.thread if args.thread else ""))
    for x, c in self_c.most_common(args.top):
        print("  %5.1f%%  %s" % (100.0 * c / n, x))
    if args.callers:
        total = sum(callers.values())
        print("\nfirst gst-mini caller of top frames matching '%s' (%d samples):" % (args.callers, total))
        for x, c in callers.most_common(args.top):
            print("  %5.1f%%  %s" % (100.0 * c / max(total, 1), x))
    print("\ninclusive (on the stack):")
    for x, c in incl_c.most_common(args.top):
        print("  %5.1f%%  %s" % (100.0 * c / n, x))


if __name__ == "__main__":
    sys.exit(main())
