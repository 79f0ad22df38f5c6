package org.gstmini.examples.sync;

import java.io.PrintStream;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Pipeline;
import org.gstmini.core.debug.DebugLevels;

/**
 * When does a sink render a buffer? {@code videotestsrc num-buffers=10 ! video/x-raw,width=160,
 * height=120,framerate=10/1 ! timingsink}: ten frames at 10 per second, each printed by the
 * sink ({@link TimingSink}) at the moment it renders it.
 *
 * <p>Run it and watch for:
 * <ol>
 *   <li><b>running_time</b> goes 0, 0.1, 0.2 ... s: the frame's pts mapped through the SEGMENT
 *       event (here the identity: the segment starts at 0). It says when the frame should show,
 *       counted from the moment the pipeline started playing.</li>
 *   <li><b>base_time</b> is the same on every line: the clock time the pipeline chose when it
 *       went to PLAYING, handed to every element. So the sink waits until
 *       {@code clock_time = running_time + base_time} (+ latency, 0 here because nothing is live,
 *       + ts-offset, 0 unless you set it), and {@code clock now − base_time} is "how long we have
 *       been playing".</li>
 *   <li><b>late</b> is tens to hundreds of microseconds: the time the streaming thread needs to
 *       wake up after its clock wait. The source does not wait at all (it is not live): the
 *       sink's clock wait paces the whole pipeline, because every push is a call that returns
 *       only after the render.</li>
 *   <li>Frame 0 arrives before the pipeline plays: the sink holds it ("preroll") in PAUSED and
 *       renders it when PLAYING starts. It is the latest of all (milliseconds): base_time is
 *       taken when the pipeline begins its change to PLAYING, and the sink is told to play a
 *       moment after (the pipeline's {@code delay} property, 0 by default, exists to cover
 *       that moment).</li>
 * </ol>
 *
 * <pre>
 *   java -p gst-mini-examples/target/modules -m org.gstmini.examples/org.gstmini.examples.sync.SimpleSync [buffers] [fps]
 * </pre>
 *
 * Try {@code GST_MINI_DEBUG="basesink:6"} to see BaseSink's own account of each wait.
 */
public final class SimpleSync {
    private SimpleSync() {
    }

    public static void main(String[] args) {
        DebugLevels.applyFromEnvironment(); // GST_MINI_DEBUG="*:2,basesink:6", before any logger exists
        System.exit(run(args, System.out));
    }

    /** The example, printing to {@code out}; returns the exit code (0 after EOS). */
    public static int run(String[] args, PrintStream out) {
        int buffers = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int fps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        TimingSink.register();
        String description = "videotestsrc num-buffers=" + buffers
                + " ! video/x-raw,width=160,height=120,framerate=" + fps + "/1 ! timingsink";
        Pipeline pipeline = Playback.launch(description);
        TimingSink sink = (TimingSink) Playback.find(pipeline, "timingsink");
        sink.setOutput(out);

        out.println("SimpleSync: a sink renders each buffer when the pipeline clock reaches");
        out.println("    running_time + latency + ts-offset + base_time");
        out.println("running_time comes from the buffer's pts, base_time is the clock time at PLAYING.");
        out.println("[main] pipeline: " + description);
        out.println();
        int code = Playback.playUntilEos(pipeline, out, (buffers / Math.max(1, fps) + 30) * ClockTime.SECOND);
        out.println("Each row: due − base_time = running_time (+ latency, + ts-offset), and rows came "
                + ClockTime.format(ClockTime.SECOND / Math.max(1, fps)) + " apart: the frame duration.");
        return code;
    }
}
