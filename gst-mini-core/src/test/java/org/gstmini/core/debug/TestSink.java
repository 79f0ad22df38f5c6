package org.gstmini.core.debug;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.caps.Caps;

/** A test sink: one always sink pad that keeps what it receives. */
final class TestSink extends Element {
    static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);

    final Pad sink;
    final List<Buffer> buffers = new CopyOnWriteArrayList<>();

    TestSink(String name) {
        setName(name);
        sink = new Pad("sink", SINK_TEMPLATE);
        sink.setChainFunction((pad, parent, buffer) -> {
            buffers.add(buffer);
            return FlowReturn.OK;
        });
        addPad(sink);
    }
}
