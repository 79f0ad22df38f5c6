package org.gstmini.base.transform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Caps;

/** A source driven by the test's thread and a sink that keeps what it gets, for small pipelines. */
final class TestEnds {
    private TestEnds() {
    }

    /** Pushes from the calling thread; negotiates the way a base source does: allowed caps, fixate. */
    static final class PushSource extends Element {
        final Pad src;

        PushSource(String name, Caps template) {
            setName(name);
            src = new Pad("src", PadTemplate.src(template));
            addPad(src);
            setFlag(ElementFlag.SOURCE, true);
        }

        /** Picks the first format downstream allows, sends STREAM_START, CAPS and SEGMENT; returns the caps. */
        Caps negotiate() {
            src.checkReconfigure();
            Caps allowed = src.getAllowedCaps();
            Caps caps = allowed.fixate();
            src.pushEvent(Event.streamStart(getName()));
            src.pushEvent(Event.caps(caps));
            src.pushEvent(Event.segment(new Segment(Format.TIME)));
            return caps;
        }

        FlowReturn push(Buffer b) {
            if (src.checkReconfigure()) {
                negotiate();
            }
            return src.push(b);
        }
    }

    /** Accepts its template caps and records buffers and caps. */
    static final class CollectSink extends Element {
        final Pad sink;
        final List<Buffer> buffers = new CopyOnWriteArrayList<>();

        CollectSink(String name, Caps template) {
            setName(name);
            sink = new Pad("sink", PadTemplate.sink(template));
            sink.setChainFunction((pad, parent, buffer) -> {
                buffers.add(buffer);
                return FlowReturn.OK;
            });
            addPad(sink);
            setFlag(ElementFlag.SINK, true);
        }
    }
}
