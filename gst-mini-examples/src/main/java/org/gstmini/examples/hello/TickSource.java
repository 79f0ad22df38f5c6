package org.gstmini.examples.hello;

import java.nio.charset.StandardCharsets;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.ClockId;
import org.gstmini.core.clock.ClockReturn;

/**
 * A live source that produces a text buffer "tick N" every {@code interval}, paced by the
 * pipeline clock, the way a camera produces frames.
 *
 * <p>What it shows: a source owns a <b>task</b> (a thread) on its src pad, and every
 * {@code src.push(buffer)} runs the whole rest of the pipeline on that thread, returning the
 * {@link FlowReturn} when downstream is done. Being live, it only produces in PLAYING, returns
 * NO_PREROLL on the way to PAUSED, stamps each buffer with the running time it was "captured"
 * at, and answers the LATENCY query (one interval: a tick is complete only at its end).
 */
public final class TickSource extends Element {
    static final PadTemplate SRC = PadTemplate.src(Caps.parse("text/x-raw, format=utf8"));
    public static final ElementFactory FACTORY = ElementFactory.builder("ticksrc", TickSource::new)
            .longName("Tick source").klass("Source").description("Produces \"tick N\" text buffers on the clock")
            .author("gst-mini examples").padTemplate(SRC).build();

    static final Property<Integer> NUM_BUFFERS = Property.ofInt("num-buffers",
            "Number of ticks before EOS (-1 = unlimited)", -1, Integer.MAX_VALUE, 5);
    static final Property<Long> INTERVAL = Property.ofLong("interval",
            "Time between ticks in nanoseconds", ClockTime.MSECOND, ClockTime.SECOND * 10, 200 * ClockTime.MSECOND);

    private final Pad src = new Pad("src", SRC);
    private volatile ClockId waiting;
    private int ticks;
    private boolean streamStarted;

    public TickSource() {
        installProperty(NUM_BUFFERS, INTERVAL);
        setFlag(ElementFlag.SOURCE, true);
        src.setQueryFunction((pad, parent, query) -> {
            if (query instanceof Query.LatencyQuery q) {
                q.set(true, get(INTERVAL), ClockTime.NONE);
                return true;
            }
            return pad.queryDefault(query);
        });
        addPad(src);
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        switch (transition) {
            case READY_TO_PAUSED -> {
                ticks = 0;
                streamStarted = false;
            }
            case PLAYING_TO_PAUSED, PAUSED_TO_READY -> stopTicking();
            default -> {
            }
        }
        StateChangeReturn ret = super.changeState(transition);
        return switch (transition) {
            case PAUSED_TO_PLAYING -> {
                src.startTask(this::produceOneTick);
                yield ret;
            }
            // A live source has nothing to show in PAUSED: sinks must not wait for preroll.
            case READY_TO_PAUSED, PLAYING_TO_PAUSED -> StateChangeReturn.NO_PREROLL;
            default -> ret;
        };
    }

    /** Wakes a task blocked on the clock, then pauses it (what BaseSrc's unlock does). */
    private void stopTicking() {
        ClockId id = waiting;
        if (id != null) {
            id.unschedule();
        }
        src.pauseTask();
    }

    /** One iteration of the task: wait for the next tick, then push it downstream. */
    private void produceOneTick() {
        if (!streamStarted) {
            src.pushEvent(Event.streamStart(getName()));
            src.pushEvent(Event.caps(Caps.parse("text/x-raw, format=utf8")));
            src.pushEvent(Event.segment(new Segment(Format.TIME)));
            streamStarted = true;
        }
        int limit = get(NUM_BUFFERS);
        if (limit >= 0 && ticks >= limit) {
            src.pushEvent(Event.eos());
            src.pauseTask();
            return;
        }
        long interval = get(INTERVAL);
        Clock clock = getClock();
        long runningTime = getCurrentRunningTime();
        // The tick covering [runningTime, runningTime + interval) is complete at its end.
        ClockId id = clock.newSingleShotId(getBaseTime() + runningTime + interval);
        waiting = id;
        ClockReturn waited = id.waitFor().ret();
        waiting = null;
        if (waited == ClockReturn.UNSCHEDULED) {
            return; // we are being paused
        }
        String text = "tick " + ticks++;
        Buffer buffer = Buffer.wrap(text.getBytes(StandardCharsets.UTF_8))
                .withTimestamps(runningTime, ClockTime.NONE, interval);
        Trace.enter(getName() + " pushes \"" + text + "\" (pts " + ClockTime.format(runningTime) + ")");
        FlowReturn ret = src.push(buffer);
        Trace.leave(getName() + " push returned " + ret);
        if (ret != FlowReturn.OK) {
            src.pauseTask();
            if (ret.isFatal()) {
                postError(ErrorCode.STREAM_FAILED, "Internal data stream error.", "streaming stopped, reason " + ret.nick());
                src.pushEvent(Event.eos());
            }
        }
    }
}
