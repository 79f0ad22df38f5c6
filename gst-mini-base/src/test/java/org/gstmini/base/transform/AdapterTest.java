package org.gstmini.base.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.gstmini.base.Adapter;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.junit.jupiter.api.Test;

/** {@link Adapter}: push, map, take and flush across buffer boundaries, scanning, timestamps. */
class AdapterTest {
    private static Buffer bytes(int from, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (from + i);
        }
        return Buffer.wrap(b);
    }

    private static byte[] range(int from, int count) {
        return bytes(from, count).toByteArray();
    }

    private static byte[] toArray(ByteBuffer bb) {
        byte[] out = new byte[bb.remaining()];
        bb.duplicate().get(out);
        return out;
    }

    @Test
    void pushPeekAndTakeAcrossBufferBoundaries() {
        Adapter a = new Adapter();
        a.push(bytes(0, 3));
        a.push(bytes(3, 4));
        a.push(bytes(7, 5));
        assertEquals(12, a.available());
        assertEquals(3, a.availableFast());

        assertArrayEquals(range(0, 2), toArray(a.map(2)));
        assertArrayEquals(range(0, 6), toArray(a.peek(6)), "assembled across two buffers");
        assertEquals(6, a.availableFast(), "what was assembled is now quick to get");
        assertEquals(12, a.available(), "peeking consumes nothing");
        assertNull(a.map(13));

        assertArrayEquals(range(0, 5), a.take(5));
        assertEquals(7, a.available());
        assertEquals(2, a.availableFast(), "rest of the second buffer");
        assertArrayEquals(range(5, 4), a.take(4));
        assertArrayEquals(range(9, 3), a.copy(0, 3));
        assertNull(a.take(4));
        assertArrayEquals(range(9, 3), a.take(3));
        assertEquals(0, a.available());
        assertEquals(0, a.availableFast());
    }

    @Test
    void mapIsAViewWhenOneBufferHoldsTheBytes() {
        Adapter a = new Adapter();
        byte[] backing = range(0, 8);
        a.push(Buffer.wrap(backing));
        a.flush(2);
        ByteBuffer view = a.map(4);
        assertTrue(view.isReadOnly());
        assertArrayEquals(range(2, 4), toArray(view));
        backing[2] = 99; // wrap() shares the array: a view sees the same bytes, a copy would not
        assertEquals(99, view.get(0));
    }

    @Test
    void flushSkipsWholeAndPartialBuffers() {
        Adapter a = new Adapter();
        a.push(bytes(0, 4));
        a.push(Buffer.empty());
        a.push(bytes(4, 4));
        a.flush(5);
        assertEquals(3, a.available());
        assertArrayEquals(range(5, 3), a.take(3));
        assertThrows(IllegalArgumentException.class, () -> a.flush(1));
        a.push(bytes(0, 2));
        a.clear();
        assertEquals(0, a.available());
        assertEquals(ClockTime.NONE, a.prevPts());
    }

    @Test
    void takeBufferSharesThePayloadWhenItCan() {
        Adapter a = new Adapter();
        Buffer first = bytes(0, 4).withPts(100).withDuration(40).withOffsets(0, 4).withFlag(BufferFlag.DISCONT);
        Buffer second = bytes(4, 4).withPts(140);
        a.push(first);
        a.push(second);

        Buffer part = a.takeBuffer(2);
        assertTrue(part.sharesPayloadWith(first) || part.size() == 2, "a slice of the first buffer");
        assertArrayEquals(range(0, 2), part.toByteArray());
        assertEquals(100, part.pts(), "starts at the first buffer's first byte");
        assertEquals(ClockTime.NONE, part.duration(), "not the whole buffer");
        assertTrue(part.hasFlag(BufferFlag.DISCONT));

        Buffer rest = a.takeBuffer(2);
        assertEquals(ClockTime.NONE, rest.pts(), "starts in the middle: its time is unknown");

        assertSame(second, a.takeBuffer(4), "exactly the head buffer: returned as is");

        a.push(bytes(0, 3));
        a.push(bytes(3, 3));
        assertArrayEquals(range(0, 5), a.takeBuffer(5).toByteArray(), "spanning: assembled");
        assertNull(a.takeBuffer(2));
    }

    @Test
    void maskedScanFollowsGStreamersExamples() {
        // The adapter holds 0x00 0x01 ... 0xff, split over buffers of awkward sizes.
        Adapter a = new Adapter();
        int[] sizes = {1, 2, 5, 8, 40, 200};
        int at = 0;
        for (int s : sizes) {
            a.push(bytes(at, s));
            at += s;
        }
        assertEquals(256, a.available());
        assertEquals(0, a.maskedScanUint32(0xffffffff, 0x00010203, 0, 256));
        assertEquals(-1, a.maskedScanUint32(0xffffffff, 0x00010203, 1, 255));
        assertEquals(1, a.maskedScanUint32(0xffffffff, 0x01020304, 1, 255));
        assertEquals(-1, a.maskedScanUint32(0xffff, 0x0001, 0, 256));
        assertEquals(0, a.maskedScanUint32(0xffff, 0x0203, 0, 256));
        assertEquals(2, a.maskedScanUint32(0xffff0000, 0x02030000, 0, 256));
        assertEquals(-1, a.maskedScanUint32(0xffff0000, 0x02030000, 0, 4), "all four bytes must be in range");
        assertEquals(250, a.maskedScanUint32(0xffffffff, 0xfafbfcfd, 0, 256));
        int[] value = new int[1];
        assertEquals(64, a.maskedScanUint32Peek(0xff000000, 0x40000000, 10, 100, value));
        assertEquals(0x40414243, value[0]);
        a.flush(3);
        assertEquals(0, a.maskedScanUint32(0xffffffff, 0x03040506, 0, 10), "offsets count from the current position");
        assertThrows(IllegalArgumentException.class, () -> a.maskedScanUint32(-1, 0, 250, 10));
        assertThrows(IllegalArgumentException.class, () -> a.maskedScanUint32(0xff, 0x100, 0, 10));
    }

    @Test
    void startCodesAreFoundAcrossBuffers() {
        Adapter a = new Adapter();
        a.push(Buffer.wrap(new byte[] {9, 9, 0}));
        a.push(Buffer.wrap(new byte[] {0}));
        a.push(Buffer.wrap(new byte[] {1, (byte) 0xb3, 7}));
        assertEquals(2, a.maskedScanUint32(0xffffff00, 0x00000100, 0, a.available()));
    }

    @Test
    void prevPtsCountsBytesSinceTheTimestamp() {
        Adapter a = new Adapter();
        assertEquals(ClockTime.NONE, a.prevPts());
        assertEquals(0, a.prevPtsDistance());
        a.push(bytes(0, 10).withPts(1000).withDts(900).withOffsets(50, 60));
        a.push(bytes(10, 10)); // no timestamp: the previous one still applies
        a.push(bytes(20, 10).withPts(3000));
        assertEquals(1000, a.prevPts());
        assertEquals(0, a.prevPtsDistance());

        a.flush(4);
        assertEquals(1000, a.prevPts());
        assertEquals(4, a.prevPtsDistance());
        assertEquals(900, a.prevDts());
        assertEquals(4, a.prevDtsDistance());
        assertEquals(50, a.prevOffset());

        a.take(10); // now 4 bytes into the second buffer, which had no pts
        assertEquals(1000, a.prevPts());
        assertEquals(14, a.prevPtsDistance());
        assertEquals(3000, a.prevPtsAtOffset(6), "the third buffer starts 6 bytes ahead");
        assertEquals(1, a.prevPtsDistanceAtOffset(7));

        a.flush(6);
        assertEquals(3000, a.prevPts());
        assertEquals(0, a.prevPtsDistance());
        assertEquals(900, a.prevDts(), "the third buffer had no dts");
        assertEquals(20, a.prevDtsDistance());
    }

    @Test
    void discontIsTracked() {
        Adapter a = new Adapter();
        a.push(bytes(0, 4).withPts(10));
        a.push(bytes(4, 4).withPts(500).withOffsets(8, 12).withFlag(BufferFlag.DISCONT));
        assertEquals(ClockTime.NONE, a.ptsAtDiscont(), "the discont buffer was not reached yet");
        a.flush(6);
        assertEquals(500, a.ptsAtDiscont());
        assertEquals(ClockTime.NONE, a.dtsAtDiscont());
        assertEquals(8, a.offsetAtDiscont());
        assertEquals(2, a.distanceFromDiscont());
        assertFalse(a.toString().isEmpty());
    }
}
