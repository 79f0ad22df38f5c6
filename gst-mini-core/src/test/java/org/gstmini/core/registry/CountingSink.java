package org.gstmini.core.registry;

import java.util.concurrent.atomic.AtomicInteger;
import org.gstmini.core.Element;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.caps.Caps;

/** The smallest useful test element: one always sink pad that counts the buffers it gets. */
public final class CountingSink extends Element {
    public static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);

    private final AtomicInteger buffers = new AtomicInteger();

    public CountingSink() {
        Pad sink = new Pad("sink", SINK_TEMPLATE);
        sink.setChainFunction((pad, parent, buffer) -> {
            buffers.incrementAndGet();
            return FlowReturn.OK;
        });
        addPad(sink);
    }

    public int buffers() {
        return buffers.get();
    }
}
