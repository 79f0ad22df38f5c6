package org.gstmini.core.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.caps.Caps;

/**
 * A tee for core tests: request pads {@code src_%u}; each buffer goes to every branch. Like
 * GStreamer's tee, caps pass through, and a new branch first gets the stream's sticky events.
 */
public final class TestTee extends Element {
    public static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);
    public static final PadTemplate SRC_TEMPLATE = new PadTemplate("src_%u", PadDirection.SRC, PadPresence.REQUEST, Caps.ANY);

    private final Pad sink = new Pad("sink", SINK_TEMPLATE);
    private final AtomicInteger nextPad = new AtomicInteger();

    public TestTee() {
        sink.setChainFunction((pad, parent, buffer) -> pushAll(buffer));
        sink.setProxyCaps(true); // like GStreamer's tee: caps pass through to every branch
        addPad(sink);
    }

    /** The templates even without a factory (elements made with {@code new}). */
    @Override
    public List<PadTemplate> getPadTemplates() {
        return List.of(SINK_TEMPLATE, SRC_TEMPLATE);
    }

    private FlowReturn pushAll(Buffer buffer) {
        FlowReturn result = FlowReturn.NOT_LINKED;
        for (Pad p : getSrcPads()) {
            FlowReturn r = p.push(buffer);
            if (r == FlowReturn.OK) {
                result = FlowReturn.OK;
            } else if (r != FlowReturn.NOT_LINKED) {
                return r;
            }
        }
        return result;
    }

    @Override
    protected Pad requestNewPad(PadTemplate template, String padName, Caps caps) {
        String name = padName != null ? padName : template.nameFor(nextPad.getAndIncrement());
        Pad p = new Pad(name, template);
        p.setProxyCaps(true);
        addPad(p);
        for (Event e : sink.getStickyEvents()) {
            p.pushEvent(e); // stored on the new pad, delivered once it is linked
        }
        return p;
    }
}
