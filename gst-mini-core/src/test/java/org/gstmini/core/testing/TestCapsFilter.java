package org.gstmini.core.testing;

import org.gstmini.core.Element;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.caps.Caps;

/**
 * A capsfilter for core tests (the real one lives in plugins-good): passes buffers and limits
 * the caps both pads answer to the {@code caps} property.
 */
public final class TestCapsFilter extends Element {
    public static final Property<Caps> CAPS = Property.ofCaps("caps", "Restrict the caps that may pass", Caps.ANY);

    private final Pad sink = new Pad("sink", PadTemplate.sink(Caps.ANY));
    private final Pad src = new Pad("src", PadTemplate.src(Caps.ANY));

    public TestCapsFilter() {
        installProperty(CAPS);
        sink.setChainFunction((pad, parent, buffer) -> src.push(buffer));
        sink.setProxyCaps(true);
        src.setProxyCaps(true);
        sink.setQueryFunction(this::query);
        src.setQueryFunction(this::query);
        addPad(sink);
        addPad(src);
    }

    private boolean query(Pad pad, Element parent, Query query) {
        if (query instanceof Query.CapsQuery q) {
            Caps filter = get(CAPS);
            Caps narrowed = q.filter() == null ? filter : q.filter().intersect(filter);
            Caps peer = (pad == sink ? src : sink).peerQueryCaps(narrowed);
            q.setResult(peer.intersect(filter));
            return true;
        }
        if (query instanceof Query.AcceptCapsQuery q) {
            q.setResult(q.caps().isSubsetOf(get(CAPS)) && (pad == sink ? src : sink).peerQueryAcceptCaps(q.caps()));
            return true;
        }
        return pad.queryDefault(query);
    }
}
