package org.gstmini.core.testing;

import org.gstmini.core.Element;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.caps.Caps;

/** Pushes every buffer on unchanged; events and queries use the pads' defaults (proxy caps). */
public final class PassThrough extends Element {
    private final Pad sink = new Pad("sink", PadTemplate.sink(Caps.ANY));
    private final Pad src = new Pad("src", PadTemplate.src(Caps.ANY));

    public PassThrough() {
        sink.setChainFunction((pad, parent, buffer) -> src.push(buffer));
        sink.setProxyCaps(true);
        src.setProxyCaps(true);
        addPad(sink);
        addPad(src);
    }
}
