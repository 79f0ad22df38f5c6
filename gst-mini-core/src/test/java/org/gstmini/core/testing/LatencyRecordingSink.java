package org.gstmini.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.caps.Caps;

/**
 * A sink that records the events sent to it as an element ({@link Element#sendEvent}), the way
 * BaseSink takes the LATENCY event a pipeline distributes, then passes them on upstream.
 */
public final class LatencyRecordingSink extends Element {
    private final Pad sink = new Pad("sink", PadTemplate.sink(Caps.ANY));
    private final List<Event> sent = new CopyOnWriteArrayList<>();

    public LatencyRecordingSink() {
        setFlag(ElementFlag.SINK, true);
        sink.setChainFunction((pad, parent, buffer) -> FlowReturn.OK);
        addPad(sink);
    }

    @Override
    public boolean sendEvent(Event event) {
        sent.add(event);
        return super.sendEvent(event);
    }

    /** The LATENCY events the element received, oldest first. */
    public List<Event.LatencyEvent> latencyEvents() {
        return sent.stream().filter(e -> e instanceof Event.LatencyEvent).map(e -> (Event.LatencyEvent) e).toList();
    }
}
