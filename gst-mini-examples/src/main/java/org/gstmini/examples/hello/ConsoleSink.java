package org.gstmini.examples.hello;

import java.nio.charset.StandardCharsets;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Message;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Caps;

/**
 * A sink that prints each buffer with its timing, then returns OK up the call stack.
 *
 * <p>What it shows: a buffer's <b>running time</b> (its pts mapped through the SEGMENT event)
 * and the clock time at which it is rendered, related by
 * {@code clock_time ≈ running_time + latency + base_time}; and that a sink posts EOS to its bin,
 * which tells the application once every sink has finished.
 */
public final class ConsoleSink extends Element {
    public static final ElementFactory FACTORY = ElementFactory.builder("consolesink", ConsoleSink::new)
            .longName("Console sink").klass("Sink").description("Prints text buffers with their timing")
            .author("gst-mini examples").padTemplate(PadTemplate.sink(Caps.ANY)).build();

    private final Pad sink = new Pad("sink", PadTemplate.sink(Caps.ANY));
    private volatile long latency;

    public ConsoleSink() {
        setFlag(ElementFlag.SINK, true);
        sink.setChainFunction((pad, parent, buffer) -> render(buffer));
        sink.setEventFunction((pad, parent, event) -> event(event));
        addPad(sink);
    }

    private FlowReturn render(Buffer buffer) {
        Segment segment = sink.getCurrentSegment();
        long runningTime = segment.toRunningTime(buffer.pts());
        long clockTime = getClock().getTime();
        Trace.enter(getName() + " renders \"" + StandardCharsets.UTF_8.decode(buffer.payload())
                + "\": running time " + ClockTime.format(runningTime)
                + ", due at clock " + ClockTime.format(getBaseTime() + runningTime + latency)
                + ", now " + ClockTime.format(clockTime));
        Trace.leave(getName() + " returns OK");
        return FlowReturn.OK;
    }

    /** Receives upstream's events; upstream events such as LATENCY arrive via the src side. */
    private boolean event(Event event) {
        if (event.type() == EventType.EOS) {
            postMessage(new Message.Eos(this, event.seqnum()));
        }
        return sink.eventDefault(event);
    }

    @Override
    public boolean sendEvent(Event event) {
        if (event instanceof Event.LatencyEvent l) {
            latency = l.latency(); // the pipeline tells every sink the latency it must add
            return true;
        }
        return super.sendEvent(event);
    }
}
