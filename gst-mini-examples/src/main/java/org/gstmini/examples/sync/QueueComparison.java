package org.gstmini.examples.sync;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Pad;
import org.gstmini.core.PadProbe;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Segment;
import org.gstmini.core.clock.Clock;

/**
 * The experiment behind {@link WithoutQueue} and {@link WithQueue}: a live source at 100 fps
 * feeds a {@link TimingSink} whose render stalls now and then; the only difference between the
 * two is a {@code queue} before the sink. Two meters ({@link FrameIntervalMeter}) watch the
 * frames go by:
 *
 * <ul>
 *   <li><b>source</b>: a buffer probe on {@code videotestsrc0:src} notes the clock time of each
 *       push and how late it is against the frame's own time ({@code base_time + running_time}
 *       of its pts): the moment a camera would have delivered it;</li>
 *   <li><b>sink</b>: {@link TimingSink} notes the clock time of each render and its lateness
 *       against {@code base_time + running_time + latency}.</li>
 * </ul>
 */
final class QueueComparison {
    private QueueComparison() {
    }

    /**
     * Runs the experiment. {@code args}: frames (300), fps (100), hiccup-every (60), hiccup-ms
     * (120). Returns the exit code: 0 after EOS.
     */
    static int run(boolean withQueue, String[] args, PrintStream out) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int fps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int hiccupMs = args.length > 3 ? Integer.parseInt(args[3]) : 120;
        long frameDuration = ClockTime.SECOND / fps;
        long lateThreshold = frameDuration / 2;

        TimingSink.register();
        String description = "videotestsrc is-live=true num-buffers=" + frames
                + " ! video/x-raw,width=64,height=48,framerate=" + fps + "/1"
                + (withQueue ? " ! queue" : "")
                + " ! timingsink silent=true hiccup-every=" + every + " hiccup-ms=" + hiccupMs;
        Pipeline pipeline = Playback.launch(description);

        FrameIntervalMeter atSource = new FrameIntervalMeter("source (push)", lateThreshold);
        FrameIntervalMeter atSink = new FrameIntervalMeter("sink (render)", lateThreshold);
        Element src = Playback.find(pipeline, "videotestsrc");
        watchPushes(src.getStaticPad("src"), atSource);
        TimingSink sink = (TimingSink) Playback.find(pipeline, "timingsink");
        AtomicLong latency = new AtomicLong();
        sink.setListener(t -> {
            atSink.record(t.now(), t.lateness());
            latency.set(t.latency());
        });

        out.println("[main] pipeline: " + description);
        out.println("[main] " + frames + " frames at " + fps + " fps; every " + every + "th render takes "
                + hiccupMs + " ms");
        int code = Playback.playUntilEos(pipeline, out, (frames / fps + 30L) * ClockTime.SECOND);

        FrameIntervalMeter.Summary source = atSource.summary();
        FrameIntervalMeter.Summary rendered = atSink.summary();
        out.println();
        out.println(FrameIntervalMeter.HEADER);
        out.println(source.row());
        out.println(rendered.row());
        out.println();
        out.println("latency the sinks added: " + ClockTime.format(latency.get())
                + " (one frame from the live source + the sink's 20 ms processing-deadline)");
        if (source.threads().equals(rendered.threads())) {
            out.println("one thread, " + String.join(", ", source.threads()) + ", pushed and rendered: while the "
                    + "sink stalled, the source could not push.");
        } else {
            out.println("two threads: " + String.join(", ", source.threads()) + " pushed, "
                    + String.join(", ", rendered.threads()) + " rendered: the queue handed the frames over.");
        }
        return code;
    }

    /**
     * Adds a buffer probe that records each push on {@code pad}: the clock time now, and how far
     * that is past the frame's own time, {@code base_time + running_time(pts)}.
     */
    private static void watchPushes(Pad pad, FrameIntervalMeter meter) {
        pad.addProbe(EnumSet.of(PadProbe.Type.BUFFER), (p, info) -> {
            Element element = p.getParent();
            Clock clock = element.getClock();
            Segment segment = p.getCurrentSegment();
            if (clock != null && segment != null) {
                long now = clock.getTime();
                long frameTime = element.getBaseTime() + segment.toRunningTime(info.buffer().pts());
                meter.record(now, now - frameTime);
            }
            return PadProbe.Return.OK;
        });
    }
}
