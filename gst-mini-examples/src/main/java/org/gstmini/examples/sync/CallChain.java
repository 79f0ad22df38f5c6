package org.gstmini.examples.sync;

import java.io.PrintStream;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Pipeline;
import org.gstmini.core.debug.ChainTracer;
import org.gstmini.core.debug.DebugLevels;
import org.gstmini.core.debug.Tracer;
import org.gstmini.core.debug.Tracers;

/**
 * The call stack of a push, printed by the {@code chain} tracer:
 * {@code videotestsrc num-buffers=3 ! identity ! tee ! queue ! fakesink}.
 *
 * <p>Run it and watch for:
 * <ol>
 *   <li>each line starts with its thread. From {@code videotestsrc0:src} the indentation grows
 *       with every push: videotestsrc0 pushes into identity0, whose chain function pushes into
 *       tee0, which pushes into queue0 — calls nested in calls, one Java stack;</li>
 *   <li>the FlowReturn ({@code ok}) comes back up the same stack, in reverse order: the source's
 *       push returns only when everything downstream of it on this thread is done;</li>
 *   <li>{@code queue0:sink chain} returns at once: the queue only stored the buffer. The rest of
 *       the journey is a new stack on a NEW thread, {@code queue0:src}, starting again at depth 0,
 *       and its lines interleave with the source's;</li>
 *   <li>the first {@code fakesink0:sink chain} returns only after the pipeline went to PLAYING:
 *       the sink holds its first buffer in PAUSED ("preroll").</li>
 * </ol>
 *
 * <p>The same output comes from any pipeline with {@code GST_MINI_TRACERS=chain}; here the tracer
 * is installed in code ({@link Tracers#install}) and removed at the end.
 *
 * <pre>
 *   java -p gst-mini-examples/target/modules -m org.gstmini.examples/org.gstmini.examples.sync.CallChain [buffers]
 * </pre>
 */
public final class CallChain {
    private CallChain() {
    }

    public static void main(String[] args) {
        DebugLevels.applyFromEnvironment(); // GST_MINI_DEBUG="*:2,pad:6", before any logger exists
        System.exit(run(args, System.out));
    }

    /** The example, printing to {@code out}; returns the exit code (0 after EOS). */
    public static int run(String[] args, PrintStream out) {
        int buffers = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        out.println("CallChain: one line per call, '[thread]' first, indented by call depth; '... returned ok' is");
        out.println("the FlowReturn travelling back up the same stack. A push is a call: the source's push returns");
        out.println("after everything downstream ran on its thread - up to the queue, where thread queue0:src takes over.");
        String description = "videotestsrc num-buffers=" + buffers + " ! identity ! tee ! queue ! fakesink";
        Pipeline pipeline = Playback.launch(description);
        out.println("[main] pipeline: " + description);
        Tracer tracer = new ChainTracer("", out);
        Tracers.install(tracer);
        try {
            return Playback.playUntilEos(pipeline, out, 30 * ClockTime.SECOND);
        } finally {
            Tracers.uninstall(tracer);
        }
    }
}
