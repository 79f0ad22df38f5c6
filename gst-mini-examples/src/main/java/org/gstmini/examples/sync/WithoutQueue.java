package org.gstmini.examples.sync;

import java.io.PrintStream;
import org.gstmini.core.debug.DebugLevels;

/**
 * A live source and a sink that stalls, with <em>no</em> queue between them:
 * {@code videotestsrc is-live=true ! video/x-raw,...,framerate=100/1 ! timingsink hiccup-every=60 hiccup-ms=120}.
 * Run it, then {@link WithQueue}, and compare the two tables it prints at the end.
 *
 * <p>Watch for:
 * <ol>
 *   <li><b>One thread</b> in both rows: {@code videotestsrc0:src} pushes and also renders,
 *       because {@code push} is a plain call into the sink. The source's next frame can only be
 *       made once the sink's render has returned.</li>
 *   <li><b>The source row is late</b>, by about 20 ms on nearly every frame: the sink renders
 *       frame n at {@code running_time + latency} (latency 30 ms = one frame of the live source
 *       + the sink's 20 ms processing-deadline), and only then does the push return and the
 *       source make frame n+1, whose time was 10 ms after frame n's. This is what the latency
 *       is for: the pipeline budgets for it, so the sink still renders on time.</li>
 *   <li><b>The hiccups reach the source</b>: while the sink stalls for 120 ms the source cannot
 *       push. Its p99 and max interval jump to about the stall, and the frames it missed then
 *       leave in a burst (intervals near 0). A real camera would have had to drop them.</li>
 *   <li>The sink row looks the same as with a queue: a queue does not make the sink faster.</li>
 * </ol>
 *
 * <pre>
 *   java -p gst-mini-examples/target/modules -m org.gstmini.examples/org.gstmini.examples.sync.WithoutQueue [frames] [fps] [hiccup-every] [hiccup-ms]
 * </pre>
 */
public final class WithoutQueue {
    private WithoutQueue() {
    }

    public static void main(String[] args) {
        DebugLevels.applyFromEnvironment(); // GST_MINI_DEBUG="*:2,basesink:5", before any logger exists
        System.exit(run(args, System.out));
    }

    /** The example, printing to {@code out}; returns the exit code (0 after EOS). */
    public static int run(String[] args, PrintStream out) {
        out.println("WithoutQueue: a live 100 fps source pushes straight into a sink whose render sometimes stalls.");
        out.println("One thread does both, so while the sink stalls the source cannot push: its frames leave late,");
        out.println("then in a burst. Compare the 'source' row with the one WithQueue prints.");
        return QueueComparison.run(false, args, out);
    }
}
