package org.gstmini.core.debug;

import java.io.PrintStream;
import java.util.Locale;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.Query;

/**
 * The {@code chain} tracer: prints the synchronous call chain of a running pipeline, one line
 * per call and one per return, indented by call depth, on standard output.
 *
 * <p>This is the picture the README teaches: {@code pad.push(buffer)} is a plain method call
 * into the peer's chain function, which pushes on, and so on down to the sink; the
 * {@link FlowReturn} then travels back up the same stack. Enable it with
 * {@code GST_MINI_TRACERS=chain}:
 *
 * <pre>
 *   [videotestsrc0:src] videotestsrc0:src push -&gt; identity0:sink (pts 0:00:00.000000000)
 *   [videotestsrc0:src]   identity0:sink chain
 *   [videotestsrc0:src]     identity0:src push -&gt; fakesink0:sink (pts 0:00:00.000000000)
 *   [videotestsrc0:src]       fakesink0:sink chain
 *   [videotestsrc0:src]       fakesink0:sink chain returned ok
 *   [videotestsrc0:src]     identity0:src push returned ok
 *   [videotestsrc0:src]   identity0:sink chain returned ok
 *   [videotestsrc0:src] videotestsrc0:src push returned ok
 * </pre>
 *
 * Each line starts with the name of the thread that makes the call: a source's streaming task
 * is named after its pad ({@code videotestsrc0:src}), so every line of one buffer's journey
 * carries the same name until a {@code queue} hands the buffer to a thread of its own. The
 * depth is counted per thread, so lines of two threads interleave but each keeps its own
 * indentation.
 *
 * <p>GStreamer has no tracer of exactly this kind; the nearest are the {@code log} tracer
 * (plugins/tracers/gstlog.c), whose {@code pad-push-pre}/{@code pad-push-post} hooks this one
 * uses too, and {@code GST_DEBUG=GST_SCHEDULING:5}.
 *
 * <h2>Parameters</h2>
 * {@code chain(events=true)} also prints events pushed along pads (CAPS, SEGMENT, EOS
 * downstream; QOS, LATENCY, SEEK upstream) and whether they were accepted;
 * {@code chain(queries=true)} prints the queries each pad answers (CAPS, ACCEPT_CAPS,
 * LATENCY...). Both are off by default, as the buffer flow is the point. Several are separated
 * by commas: {@code chain(events=true,queries=true)}.
 *
 * <p>Each line is written with one call and flushed, so lines of different threads never mix
 * within a line. Printing is slow compared with a push (microseconds against nanoseconds): use
 * it to understand a pipeline, not to measure one.
 */
public class ChainTracer extends Tracer {
    /** The factory registered by the core as tracer {@code chain}. */
    public static final TracerFactory FACTORY = new TracerFactory("chain",
            "Prints every push and chain call and its return, indented by call depth per thread"
                    + " (parameters: events=true, queries=true)",
            ChainTracer::new);

    private final boolean events;
    private final boolean queries;
    private final PrintStream fixedOut;
    /** How deep each thread is in the call chain, as this tracer has seen it. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /** A chain tracer for buffers only, printing to {@link System#out}. */
    public ChainTracer() {
        this("");
    }

    /**
     * A chain tracer from the text of {@code chain(...)}, printing to {@link System#out} (the
     * stream in place when each line is printed).
     *
     * @throws IllegalArgumentException for an unknown key, a pair without {@code =}, or a value
     *                                  other than true/false
     */
    public ChainTracer(String params) {
        this(params, null);
    }

    /**
     * A chain tracer printing to {@code out} instead of {@link System#out}; for tools and tests
     * that collect the lines.
     */
    public ChainTracer(String params, PrintStream out) {
        boolean ev = false;
        boolean qu = false;
        String text = params == null ? "" : params.trim();
        for (String pair : text.isEmpty() ? new String[0] : text.split(",")) {
            String p = pair.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("chain tracer: expected key=value, got '" + p
                        + "' (known keys: events, queries)");
            }
            String key = p.substring(0, eq).trim();
            boolean value = parseBoolean(key, p.substring(eq + 1).trim());
            switch (key) {
                case "events" -> ev = value;
                case "queries" -> qu = value;
                default -> throw new IllegalArgumentException("chain tracer: unknown parameter '" + key
                        + "' (known keys: events, queries)");
            }
        }
        this.events = ev;
        this.queries = qu;
        this.fixedOut = out;
    }

    private static boolean parseBoolean(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("chain tracer: " + key + "=" + value
                    + " is not a boolean (use true or false)");
        };
    }

    /** Whether events are printed ({@code events=true}). */
    public boolean tracesEvents() {
        return events;
    }

    /** Whether queries are printed ({@code queries=true}). */
    public boolean tracesQueries() {
        return queries;
    }

    // ---------------------------------------------------------------- output

    /** Prints a line at the current depth, then goes one level deeper. */
    private void enter(String what) {
        int[] d = depth.get();
        print(d[0], what);
        d[0]++;
    }

    /** Goes one level back up, then prints a line there. */
    private void leave(String what) {
        int[] d = depth.get();
        // A call that threw never reports its return; never let that push the margin below 0.
        d[0] = Math.max(0, d[0] - 1);
        print(d[0], what);
    }

    private void print(int level, String what) {
        String line = "[" + Thread.currentThread().getName() + "] " + "  ".repeat(level) + what;
        PrintStream out = fixedOut != null ? fixedOut : System.out;
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static String peerOf(Pad pad) {
        Pad peer = pad.getPeer();
        return peer == null ? "(not linked)" : peer.toString();
    }

    private static String time(long t) {
        return t == ClockTime.NONE ? "none" : ClockTime.format(t);
    }

    private static String eventName(Event event) {
        return event.type().nick();
    }

    private static String queryName(Query query) {
        // CapsQuery -> caps, AcceptCapsQuery -> accept-caps, as gst_query_type_get_name prints them
        String name = query.getClass().getSimpleName();
        if (name.endsWith("Query") && name.length() > "Query".length()) {
            name = name.substring(0, name.length() - "Query".length());
        }
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- buffers

    @Override
    public void padPushPre(Pad pad, Buffer buffer) {
        enter(pad + " push -> " + peerOf(pad) + " (pts " + time(buffer.pts()) + ")");
    }

    @Override
    public void padPushPost(Pad pad, FlowReturn result) {
        leave(pad + " push returned " + result.nick());
    }

    @Override
    public void padChainPre(Pad pad, Buffer buffer) {
        enter(pad + " chain");
    }

    @Override
    public void padChainPost(Pad pad, FlowReturn result) {
        leave(pad + " chain returned " + result.nick());
    }

    // ---------------------------------------------------------------- events and queries

    @Override
    public void padPushEventPre(Pad pad, Event event) {
        if (events) {
            enter(pad + " push event " + eventName(event) + " -> " + peerOf(pad));
        }
    }

    @Override
    public void padPushEventPost(Pad pad, boolean result) {
        if (events) {
            leave(pad + " push event returned " + result);
        }
    }

    @Override
    public void padQueryPre(Pad pad, Query query) {
        if (queries) {
            enter(pad + " query " + queryName(query));
        }
    }

    @Override
    public void padQueryPost(Pad pad, Query query, boolean result) {
        if (queries) {
            leave(pad + " query " + queryName(query) + " returned " + result);
        }
    }

    @Override
    public String toString() {
        if (!events && !queries) {
            return "chain";
        }
        return "chain(events=" + events + ",queries=" + queries + ")";
    }
}
