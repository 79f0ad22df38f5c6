package org.gstmini.examples.sync;

import java.io.PrintStream;
import org.gstmini.core.debug.DebugLevels;

/**
 * The same live source and stalling sink as {@link WithoutQueue}, with a {@code queue} between
 * them: {@code videotestsrc is-live=true ! video/x-raw,...,framerate=100/1 ! queue ! timingsink hiccup-every=60 hiccup-ms=120}.
 *
 * <p>Watch for:
 * <ol>
 *   <li><b>Two threads</b>: the source pushes on {@code videotestsrc0:src}, the sink renders on
 *       {@code queue0:src}, the queue's own task. The queue's chain function only stores the
 *       frame and returns; its task takes frames out and pushes them on, a new chain of calls.</li>
 *   <li><b>The source row is steady</b>: every interval about 10 ms, nothing late. The source
 *       no longer waits in the sink's clock wait, nor in its stalls. (On a busy machine a few
 *       late frames may remain: that is the operating system not running the thread in time,
 *       which no queue can help.)</li>
 *   <li><b>The sink row is as bumpy as before</b>: after a stall the sink renders the frames
 *       that piled up in the queue, late and in a burst. A queue decouples the threads; it does
 *       not hide a slow sink (a video sink would drop such frames: see {@code max-lateness}).</li>
 * </ol>
 *
 * <pre>
 *   java -p gst-mini-examples/target/modules -m org.gstmini.examples/org.gstmini.examples.sync.WithQueue [frames] [fps] [hiccup-every] [hiccup-ms]
 * </pre>
 */
public final class WithQueue {
    private WithQueue() {
    }

    public static void main(String[] args) {
        DebugLevels.applyFromEnvironment(); // GST_MINI_DEBUG="*:2,queue_dataflow:5", before any logger exists
        System.exit(run(args, System.out));
    }

    /** The example, printing to {@code out}; returns the exit code (0 after EOS). */
    public static int run(String[] args, PrintStream out) {
        out.println("WithQueue: the same live source and stalling sink, with a queue between them.");
        out.println("The queue stores each frame and returns at once; its own thread (queue0:src) renders.");
        out.println("So the source keeps its 10 ms rhythm, while the sink still catches up after each stall.");
        return QueueComparison.run(true, args, out);
    }
}
