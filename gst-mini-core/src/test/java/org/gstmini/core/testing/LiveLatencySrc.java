package org.gstmini.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Query;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;

/**
 * A live source that produces nothing but answers the LATENCY query the way a capture device
 * does (live, with a minimum latency) and records the upstream events it receives.
 * Returns NO_PREROLL on READY→PAUSED and PLAYING→PAUSED, as live sources do.
 */
public final class LiveLatencySrc extends Element {
    private final Pad src = new Pad("src", PadTemplate.src(Caps.ANY));
    private final long minLatency;
    private final long maxLatency;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    /** A live source with {@code minLatency} and no maximum. */
    public LiveLatencySrc(long minLatency) {
        this(minLatency, ClockTime.NONE);
    }

    public LiveLatencySrc(long minLatency, long maxLatency) {
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
        setFlag(ElementFlag.SOURCE, true);
        src.setQueryFunction((pad, parent, query) -> {
            if (query instanceof Query.LatencyQuery q) {
                q.set(true, this.minLatency, this.maxLatency);
                return true;
            }
            return pad.queryDefault(query);
        });
        src.setEventFunction((pad, parent, event) -> {
            events.add(event);
            return true;
        });
        addPad(src);
    }

    /** Upstream events that reached the source pad, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        StateChangeReturn ret = super.changeState(transition);
        if (ret != StateChangeReturn.FAILURE
                && (transition == StateChange.READY_TO_PAUSED || transition == StateChange.PLAYING_TO_PAUSED)) {
            return StateChangeReturn.NO_PREROLL;
        }
        return ret;
    }
}
