package org.gstmini.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;

/**
 * A hand-built chain {@code src ! passthrough × N ! countingsink}, ready for data: every element
 * is PAUSED (pads active in push mode), and STREAM_START, CAPS and SEGMENT have travelled from
 * the source pad to the sink. After {@link #start}, {@link #push(Buffer)} is exactly the hot path
 * a source's streaming thread runs for each buffer.
 *
 * <p>The elements are built by hand, without a registry or a bin, so that nothing but
 * {@link Pad#push(Buffer)} and {@link Pad#chain(Buffer)} sits between two elements:
 *
 * <pre>
 *   BenchSrc:src ──► PassThrough:sink ─chain─► PassThrough:src ──► ... ──► CountingSink:sink ─chain─► count++
 * </pre>
 */
public final class PushChain {
    /** The caps sent before data; fixed so every pad's ACCEPT_CAPS check passes. */
    public static final String CAPS = "video/x-raw, format=RGB, width=1, height=1";

    private final BenchSrc source;
    private final List<PassThrough> filters;
    private final CountingSink sink;
    private final Pad srcPad;

    private PushChain(int passThroughElements) {
        if (passThroughElements < 0) {
            throw new IllegalArgumentException("passThroughElements must be >= 0, not " + passThroughElements);
        }
        source = new BenchSrc();
        filters = new ArrayList<>(passThroughElements);
        for (int i = 0; i < passThroughElements; i++) {
            filters.add(new PassThrough("passthrough" + i));
        }
        sink = new CountingSink();
        srcPad = source.src;
    }

    /**
     * Builds, links and activates a chain with {@code passThroughElements} elements between the
     * source pad and the sink, and sends the stream's first events. Throws if any step fails.
     */
    public static PushChain start(int passThroughElements) {
        PushChain c = new PushChain(passThroughElements);
        List<Element> all = c.elements();
        for (int i = 0; i + 1 < all.size(); i++) {
            all.get(i).getStaticPad("src").linkOrThrow(all.get(i + 1).getStaticPad("sink"));
        }
        // Sink first, like a bin changes state: downstream is ready before upstream pushes.
        for (int i = all.size() - 1; i >= 0; i--) {
            Element e = all.get(i);
            StateChangeReturn r = e.setState(State.PAUSED);
            if (r == StateChangeReturn.FAILURE) {
                throw new IllegalStateException(e.getName() + ": failed to go to PAUSED");
            }
        }
        c.srcPad.checkReconfigure(); // a source clears this on its first push (BaseSrc negotiates)
        c.sendEventOrThrow(Event.streamStart("bench-stream"));
        c.sendEventOrThrow(Event.caps(Caps.parse(CAPS)));
        c.sendEventOrThrow(Event.segment(new Segment(Format.TIME)));
        Caps sinkCaps = c.sink.sink.getCurrentCaps();
        if (sinkCaps == null) {
            throw new IllegalStateException("CAPS did not reach " + c.sink.sink);
        }
        return c;
    }

    private void sendEventOrThrow(Event e) {
        if (!srcPad.pushEvent(e)) {
            throw new IllegalStateException(srcPad + ": downstream refused " + e.type());
        }
    }

    /** Pushes one buffer from the source pad: the measured operation. */
    public FlowReturn push(Buffer buffer) {
        return srcPad.push(buffer);
    }

    /** The source pad the buffers are pushed from. */
    public Pad sourcePad() {
        return srcPad;
    }

    /** How many buffers reached the sink. */
    public long buffersAtSink() {
        return sink.count;
    }

    /** Source, pass-through elements and sink, in stream order. */
    public List<Element> elements() {
        List<Element> all = new ArrayList<>(filters.size() + 2);
        all.add(source);
        all.addAll(filters);
        all.add(sink);
        return all;
    }

    /** Brings every element back to NULL (deactivating the pads). */
    public void stop() {
        for (Element e : elements()) {
            e.setState(State.NULL);
        }
    }

    // ---------------------------------------------------------------- the elements

    /** A source with one always-pad; the benchmark thread plays its streaming thread. */
    static final class BenchSrc extends Element {
        final Pad src = new Pad("src", PadDirection.SRC);

        BenchSrc() {
            setName("benchsrc");
            addPad(src);
        }
    }

    /**
     * The smallest filter: the chain function pushes the very same buffer out of the source pad
     * (what {@code identity} does with no property set). Both pads proxy caps, so the default
     * event handling forwards STREAM_START, CAPS and SEGMENT.
     */
    static final class PassThrough extends Element {
        final Pad sink = new Pad("sink", PadDirection.SINK);
        final Pad src = new Pad("src", PadDirection.SRC);

        PassThrough(String name) {
            setName(name);
            sink.setProxyCaps(true);
            src.setProxyCaps(true);
            sink.setChainFunction((pad, parent, buffer) -> src.push(buffer));
            addPad(sink);
            addPad(src);
        }
    }

    /** A sink that counts buffers (a {@code fakesink} with nothing to do). */
    static final class CountingSink extends Element {
        final Pad sink = new Pad("sink", PadDirection.SINK);
        long count;

        CountingSink() {
            setName("countingsink");
            sink.setChainFunction((pad, parent, buffer) -> {
                count++;
                return FlowReturn.OK;
            });
            addPad(sink);
        }
    }
}
