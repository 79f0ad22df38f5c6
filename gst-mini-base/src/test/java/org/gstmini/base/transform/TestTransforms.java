package org.gstmini.base.transform;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.base.BaseTransform;
import org.gstmini.core.Buffer;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.IntRange;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.caps.ValueList;

/** Tiny BaseTransform subclasses, one per mode, for the tests of this package. */
final class TestTransforms {
    /** Gray 8-bit video: one byte per pixel, so a frame is width × height bytes. */
    static final Caps GRAY = Caps.parse("video/x-raw, format=(string)GRAY8, width=(int)[ 1, 4096 ], height=(int)[ 1, 4096 ]");

    private TestTransforms() {
    }

    /** Overrides no transform hook: BaseTransform makes it passthrough. */
    static final class Pass extends BaseTransform {
        final List<String> calls = new CopyOnWriteArrayList<>();

        Pass() {
            super(PadTemplate.sink(Caps.ANY), PadTemplate.src(Caps.ANY));
        }

        @Override
        protected boolean start() {
            calls.add("start");
            return true;
        }

        @Override
        protected boolean stop() {
            calls.add("stop");
            return true;
        }

        @Override
        protected boolean setCaps(Caps incaps, Caps outcaps) {
            calls.add("setCaps " + incaps + " -> " + outcaps);
            return true;
        }
    }

    /**
     * In place: adds one second to the pts (a metadata change that shares the payload) and drops
     * buffers whose first byte is 0x7f; throws EOS on a buffer whose first byte is 0x7e.
     */
    static final class Retime extends BaseTransform {
        Retime() {
            super(PadTemplate.sink(Caps.ANY), PadTemplate.src(Caps.ANY));
        }

        @Override
        protected Buffer transformInPlace(Buffer buffer) throws FlowException {
            byte first = buffer.size() > 0 ? buffer.payload().get(0) : 0;
            if (first == 0x7f) {
                return null;
            }
            if (first == 0x7e) {
                throw new FlowException(FlowReturn.EOS, "test EOS");
            }
            return buffer.withPts(buffer.pts() + 1_000_000_000L);
        }
    }

    /**
     * Copy mode: doubles the width of GRAY8 frames by repeating each pixel. Its caps
     * transformation doubles (sink to src) or halves (src to sink) the width field, so caps
     * negotiation and both CAPS query directions can be checked with numbers.
     */
    static final class DoubleWidth extends BaseTransform {
        final List<String> calls = new CopyOnWriteArrayList<>();

        DoubleWidth() {
            super(PadTemplate.sink(GRAY), PadTemplate.src(GRAY));
            setPreferPassthrough(false); // it never outputs its input format
        }

        @Override
        protected Caps transformCaps(PadDirection direction, Caps caps, Caps filter) {
            Caps out = mapWidth(caps, direction == PadDirection.SINK);
            return filter == null ? out : filter.intersect(out, Caps.IntersectMode.FIRST);
        }

        @Override
        protected boolean setCaps(Caps incaps, Caps outcaps) {
            calls.add(incaps.structure(0).getInt("width") + "->" + outcaps.structure(0).getInt("width"));
            return true;
        }

        @Override
        protected int unitSize(Caps caps) {
            Structure s = caps.structure(0);
            return s.getInt("width") * s.getInt("height");
        }

        @Override
        protected void transform(Buffer in, ByteBuffer out) {
            ByteBuffer src = in.payload();
            while (src.hasRemaining()) {
                byte p = src.get();
                out.put(p).put(p);
            }
        }

        static Caps mapWidth(Caps caps, boolean doubling) {
            if (caps.isAny() || caps.isEmpty()) {
                return caps;
            }
            List<Structure> out = new ArrayList<>();
            for (Structure s : caps.structures()) {
                if (!s.has("width")) {
                    out.add(s);
                    continue;
                }
                Object w = mapValue(s.get("width"), doubling);
                if (w != null) {
                    out.add(s.with("width", w));
                }
            }
            return Caps.of(out);
        }

        private static Object mapValue(Object v, boolean doubling) {
            if (v instanceof Integer i) {
                return doubling ? Integer.valueOf(i * 2) : i % 2 == 0 ? Integer.valueOf(i / 2) : null;
            }
            if (v instanceof IntRange r) {
                int min = doubling ? r.min() * 2 : (r.min() + 1) / 2;
                int max = doubling ? r.max() * 2 : r.max() / 2;
                return min > max ? null : min == max ? (Object) min : IntRange.of(min, max);
            }
            if (v instanceof ValueList l) {
                List<Object> mapped = new ArrayList<>();
                for (Object o : l.values()) {
                    Object m = mapValue(o, doubling);
                    if (m != null) {
                        mapped.add(m);
                    }
                }
                return mapped.isEmpty() ? null : mapped.size() == 1 ? mapped.get(0) : ValueList.of(mapped.toArray());
            }
            return v;
        }
    }

    /**
     * Copy mode with an output width left open: any width can come out, the peer's caps and
     * {@link #fixateCaps} decide which (the one nearest the input width, as videoscale does).
     */
    static class Scale extends BaseTransform {
        Scale() {
            super(PadTemplate.sink(GRAY), PadTemplate.src(GRAY));
        }

        @Override
        protected Caps transformCaps(PadDirection direction, Caps caps, Caps filter) {
            List<Structure> out = new ArrayList<>();
            for (Structure s : caps.structures()) {
                out.add(s.with("width", IntRange.of(1, 4096)));
            }
            Caps any = caps.isAny() ? caps : Caps.of(out);
            return filter == null ? any : filter.intersect(any, Caps.IntersectMode.FIRST);
        }

        @Override
        protected Caps fixateCaps(PadDirection direction, Caps caps, Caps othercaps) {
            int width = caps.structure(0).getInt("width");
            Structure s = othercaps.structure(0).fixateFieldNearestInt("width", width);
            return Caps.of(s).fixate();
        }

        @Override
        protected int unitSize(Caps caps) {
            Structure s = caps.structure(0);
            return s.getInt("width") * s.getInt("height");
        }

        @Override
        protected void transform(Buffer in, ByteBuffer out) {
            out.position(out.limit()); // the test only checks sizes; leave the bytes zero
        }
    }
}
