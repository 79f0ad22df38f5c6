package org.gstmini.base.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.base.BaseTransform;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Event;
import org.gstmini.core.Format;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.check.Harness;
import org.junit.jupiter.api.Test;

/**
 * What BaseTransform's per-buffer path hands out without locks or copies: the current segment
 * (one read-only object per SEGMENT event) and the cached {@code qos} property.
 */
class BaseTransformFastPathTest {
    private static final String TEXT = "text/x-raw, format=(string)utf8";

    /** In place: records the segment it sees for each buffer, and what getSegment() gives. */
    static final class SegmentWatcher extends BaseTransform {
        final List<Segment> current = new CopyOnWriteArrayList<>();
        final List<Segment> copies = new CopyOnWriteArrayList<>();

        SegmentWatcher() {
            super(PadTemplate.sink(Caps.ANY), PadTemplate.src(Caps.ANY));
        }

        /** The segment as the streaming thread would see it now. */
        Segment segmentNow() {
            return currentSegment();
        }

        @Override
        protected Buffer transformInPlace(Buffer buffer) {
            current.add(currentSegment());
            copies.add(getSegment());
            return buffer;
        }
    }

    private static Segment timeSegment(long start) {
        Segment s = new Segment(Format.TIME);
        s.setStart(start);
        s.setTime(start);
        s.setPosition(start);
        return s;
    }

    @Test
    void everyBufferOfASegmentSeesTheSameReadOnlySegment() {
        SegmentWatcher watcher = new SegmentWatcher();
        try (Harness h = new Harness(watcher)) {
            h.setSrcCapsStr(TEXT);
            Segment sent = timeSegment(ClockTime.SECOND);
            h.pushEvent(Event.segment(sent));
            for (int i = 0; i < 3; i++) {
                h.push(Buffer.wrap(new byte[] {(byte) i}).withPts(ClockTime.SECOND + i));
            }
            Segment first = watcher.current.get(0);
            assertTrue(first.isReadOnly(), "handed out read-only");
            assertSame(first, watcher.current.get(1), "no copy per buffer");
            assertSame(first, watcher.current.get(2));
            assertEquals(ClockTime.SECOND, first.getStart());

            Segment copy = watcher.copies.get(0);
            assertFalse(copy.isReadOnly(), "getSegment() still gives a writable copy");
            assertNotSame(first, copy);
            copy.setStart(0);
            sent.setStart(0);
            assertEquals(ClockTime.SECOND, watcher.segmentNow().getStart(),
                    "neither the caller's segment nor a copy reaches the element's own");

            h.pushEvent(Event.segment(timeSegment(2 * ClockTime.SECOND)));
            h.push(Buffer.wrap(new byte[] {9}).withPts(2 * ClockTime.SECOND));
            Segment second = watcher.current.get(3);
            assertNotSame(first, second, "a new SEGMENT replaces the object");
            assertEquals(2 * ClockTime.SECOND, second.getStart());
            assertEquals(ClockTime.SECOND, first.getStart(), "the old one is left as it was");

            h.pushEvent(Event.flushStart());
            h.pushEvent(Event.flushStop(true));
            assertEquals(Format.UNDEFINED, watcher.segmentNow().getFormat(), "a flush forgets the segment");
            assertTrue(watcher.segmentNow().isReadOnly());
        }
    }

    @Test
    void theQosPropertyIsSeenByTheStreamingThreadWhicheverWayItIsSet() {
        SegmentWatcher watcher = new SegmentWatcher();
        try (Harness h = new Harness(watcher)) {
            h.setSrcCapsStr(TEXT);
            h.pushEvent(Event.segment(timeSegment(0)));
            watcher.updateQos(1.0, 0, 50 * ClockTime.MSECOND); // late up to running time 50 ms
            h.push(Buffer.wrap(new byte[1]).withPts(10 * ClockTime.MSECOND));
            assertEquals(1, watcher.current.size(), "qos=false (the default): a late buffer is processed");

            watcher.setProperty("qos", true);
            assertTrue(watcher.isQosEnabled());
            h.push(Buffer.wrap(new byte[1]).withPts(20 * ClockTime.MSECOND));
            assertEquals(1, watcher.current.size(), "qos=true via the property: dropped");

            watcher.setQosEnabled(false);
            h.push(Buffer.wrap(new byte[1]).withPts(30 * ClockTime.MSECOND));
            assertEquals(2, watcher.current.size(), "qos=false via the setter: processed again");
        }
    }
}
