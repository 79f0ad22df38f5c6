package org.gstmini.examples.hello;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.caps.Caps;

/**
 * A filter: upper-cases the text of each buffer and pushes the result on.
 *
 * <p>What it shows: a chain function runs on the <em>caller's</em> thread (the source's task),
 * and its own {@code src.push} is a nested call: the sink renders before this returns. Events
 * and queries need no code: the pads' defaults forward them ("proxy caps").
 */
public final class UpperCase extends Element {
    static final Caps TEXT = Caps.parse("text/x-raw, format=utf8");
    public static final ElementFactory FACTORY = ElementFactory.builder("uppercase", UpperCase::new)
            .longName("Upper case").klass("Filter/Text").description("Upper-cases text buffers")
            .author("gst-mini examples").padTemplate(PadTemplate.sink(TEXT)).padTemplate(PadTemplate.src(TEXT)).build();

    private final Pad sink = new Pad("sink", PadTemplate.sink(TEXT));
    private final Pad src = new Pad("src", PadTemplate.src(TEXT));

    public UpperCase() {
        sink.setChainFunction((pad, parent, buffer) -> chain(buffer));
        sink.setProxyCaps(true);
        src.setProxyCaps(true);
        addPad(sink);
        addPad(src);
    }

    private FlowReturn chain(Buffer in) {
        String text = StandardCharsets.UTF_8.decode(in.payload()).toString();
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        Trace.enter(getName() + " chain: \"" + text + "\" -> \"" + upper + "\", pushes on");
        // Same timestamps, new bytes: withPayload keeps pts/duration/flags.
        FlowReturn ret = src.push(in.withPayload(ByteBuffer.wrap(upper.getBytes(StandardCharsets.UTF_8))));
        Trace.leave(getName() + " push returned " + ret);
        return ret;
    }
}
