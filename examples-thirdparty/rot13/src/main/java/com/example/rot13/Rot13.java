package com.example.rot13;

import java.nio.ByteBuffer;
import org.gstmini.base.BaseTransform;
import org.gstmini.core.Buffer;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.caps.Caps;

/**
 * Rotates every ASCII letter of a text buffer by {@code shift} places (13 by default: ROT13, so
 * "tick" becomes "gvpx"); every other byte, including each byte of a multi-byte UTF-8 character,
 * passes unchanged.
 *
 * <pre>
 * gst-launch ticksrc num-buffers=3 ! rot13 ! consolesink            # "gvpx 0", "gvpx 1", ...
 * gst-launch ticksrc num-buffers=3 ! rot13 shift=1 ! consolesink    # "ujdl 0", ...
 * </pre>
 *
 * <p>An element in three parts, the way every gst-mini element is written:
 * <ol>
 *   <li><b>static data</b>: the pad templates and the {@link ElementFactory} (name, klass,
 *       description; what {@code gst-inspect} prints), and the declared {@link Property};</li>
 *   <li><b>settings</b>: the instance's copy of its properties, updated in
 *       {@link #propertyChanged};</li>
 *   <li><b>one hook</b> of the base class: {@link BaseTransform} does the pads, caps
 *       negotiation, events, queries and flushing; this class only says what happens to a
 *       buffer, in {@link #transformInPlace}.</li>
 * </ol>
 */
final class Rot13 extends BaseTransform {
    // ---------------------------------------------------------------- static data

    /** Text in, the same kind of text out. */
    private static final Caps TEXT = Caps.parse("text/x-raw, format=utf8");
    private static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(TEXT);
    private static final PadTemplate SRC_TEMPLATE = PadTemplate.src(TEXT);

    /** What {@code ElementFactory.make("rot13")} and {@code gst-launch ... ! rot13 ! ...} find. */
    static final ElementFactory FACTORY = ElementFactory.builder("rot13", Rot13::new)
            .longName("ROT13").klass("Filter/Text")
            .description("Rotates the ASCII letters of text buffers (ROT13 by default)")
            .author("Example Author <author@example.com>")
            .padTemplate(SINK_TEMPLATE).padTemplate(SRC_TEMPLATE).build();

    /**
     * Declared once, with type, range, default and a one-line description: gst-inspect prints it,
     * gst-launch parses {@code shift=3}, and {@code setProperty} checks the range. Changeable
     * while PLAYING, because the next buffer simply uses the new value.
     */
    static final Property<Integer> SHIFT = Property.ofInt("shift",
            "Places to rotate each ASCII letter by (13 = ROT13, 0 = pass text through)", 0, 25, 13)
            .mutableIn(Property.Mutability.PLAYING);

    // ---------------------------------------------------------------- settings

    /** Written by whoever sets the property, read by the streaming thread: volatile. */
    private volatile int shift = SHIFT.defaultValue();

    Rot13() {
        super(SINK_TEMPLATE, SRC_TEMPLATE);
        installProperty(SHIFT);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value); // BaseTransform's own "qos"
        if (property == SHIFT) {
            shift = (Integer) value;
        }
    }

    // ---------------------------------------------------------------- the transform hook

    /**
     * Called on the upstream streaming thread for every buffer; returns the buffer to push.
     * Because only this hook is overridden, BaseTransform always works in place; a buffer is
     * immutable, so "in place" means: return the same object when nothing changes, or a buffer
     * with the same timestamps and new bytes ({@link Buffer#withPayload}).
     */
    @Override
    protected Buffer transformInPlace(Buffer buffer) {
        int n = shift; // read once, so one buffer never sees two values
        if (n == 0) {
            return buffer; // nothing to change: push the very same buffer on
        }
        ByteBuffer in = buffer.payload();
        byte[] out = new byte[in.remaining()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rotate(in.get(i), n);
        }
        return buffer.withPayload(ByteBuffer.wrap(out));
    }

    /** Rotates one ASCII letter by {@code n} places; any other byte is returned as it is. */
    static byte rotate(byte b, int n) {
        if (b >= 'a' && b <= 'z') {
            return (byte) ('a' + (b - 'a' + n) % 26);
        }
        if (b >= 'A' && b <= 'Z') {
            return (byte) ('A' + (b - 'A' + n) % 26);
        }
        return b;
    }
}
