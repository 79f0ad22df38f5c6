package org.gstmini.core.testing;

import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Segment;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;

/**
 * A minimal source for core tests: a task that sends STREAM_START, CAPS and SEGMENT, then
 * {@code num-buffers} buffers 10 ms apart, then EOS. With {@code is-live} it produces only in
 * PLAYING and returns NO_PREROLL, as live sources do. A small stand-in for BaseSrc.
 */
public final class TestSrc extends Element {
    public static final Property<Integer> NUM_BUFFERS = Property.ofInt("num-buffers",
            "Buffers to push before EOS (-1 = unlimited)", -1, Integer.MAX_VALUE, 10);
    public static final Property<Caps> CAPS = Property.ofCaps("caps", "Caps to push", Caps.parse("test/x-data"));
    public static final Property<Boolean> IS_LIVE = Property.ofBoolean("is-live", "Produce only in PLAYING", false);
    public static final long INTERVAL = 10 * ClockTime.MSECOND;

    private final Pad src = new Pad("src", PadTemplate.src(Caps.ANY));
    private volatile boolean started;
    private int produced;

    public TestSrc() {
        installProperty(NUM_BUFFERS, CAPS, IS_LIVE);
        setFlag(ElementFlag.SOURCE, true);
        src.setActivateModeFunction((pad, parent, mode, active) -> {
            if (!active) {
                pad.stopTask();
            } else if (mode == PadMode.PUSH && !get(IS_LIVE)) {
                pad.startTask(this::loop);
            }
            return true;
        });
        addPad(src);
    }

    public Pad src() {
        return src;
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        if (transition == StateChange.READY_TO_PAUSED) {
            started = false;
            produced = 0;
        }
        StateChangeReturn ret = super.changeState(transition);
        if (ret == StateChangeReturn.FAILURE || !get(IS_LIVE)) {
            return ret;
        }
        switch (transition) {
            case PAUSED_TO_PLAYING -> src.startTask(this::loop);
            case PLAYING_TO_PAUSED -> {
                src.pauseTask();
                return StateChangeReturn.NO_PREROLL;
            }
            case READY_TO_PAUSED -> {
                return StateChangeReturn.NO_PREROLL;
            }
            default -> {
            }
        }
        return ret;
    }

    private void loop() {
        if (!started) {
            src.pushEvent(Event.streamStart(getName() + "-stream"));
            src.pushEvent(Event.caps(get(CAPS)));
            src.pushEvent(Event.segment(new Segment(Format.TIME)));
            started = true;
        }
        int limit = get(NUM_BUFFERS);
        if (limit >= 0 && produced >= limit) {
            src.pushEvent(Event.eos());
            src.pauseTask();
            return;
        }
        Buffer b = Buffer.wrap(new byte[] {(byte) produced})
                .withTimestamps(produced * INTERVAL, ClockTime.NONE, INTERVAL)
                .withOffsets(produced, produced + 1);
        produced++;
        FlowReturn ret = src.push(b);
        if (ret != FlowReturn.OK) {
            src.pauseTask();
            if (ret.isFatal()) {
                postError(ErrorCode.STREAM_FAILED, "Internal data stream error.", "streaming stopped, reason " + ret.nick());
                src.pushEvent(Event.eos());
            }
        }
    }
}
