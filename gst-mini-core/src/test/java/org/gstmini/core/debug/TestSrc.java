package org.gstmini.core.debug;

import org.gstmini.core.Element;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.caps.Caps;

/** A test source: one always src pad and a property; it never streams on its own. */
final class TestSrc extends Element {
    static final PadTemplate SRC_TEMPLATE = PadTemplate.src(Caps.parse("video/x-raw; image/png"));
    static final Property<Integer> NUM_BUFFERS = Property.ofInt("num-buffers", "Buffers to send (-1 = forever)",
            -1, Integer.MAX_VALUE, -1);

    final Pad src;

    TestSrc(String name) {
        setName(name);
        installProperty(NUM_BUFFERS);
        src = new Pad("src", SRC_TEMPLATE);
        addPad(src);
    }
}
