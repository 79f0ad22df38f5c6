package org.gstmini.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.EnumSet;
import java.util.List;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.junit.jupiter.api.Test;

/** GstBuffer's model: immutable metadata, shared read-only payload, flags. */
class BufferTest {
    @Test
    void newBufferHasNoTimestampsNoOffsetsNoFlags() {
        Buffer b = Buffer.wrap(new byte[] {1, 2, 3});
        assertEquals(3, b.size());
        assertEquals(ClockTime.NONE, b.pts());
        assertEquals(ClockTime.NONE, b.dts());
        assertEquals(ClockTime.NONE, b.duration());
        assertEquals(-1, b.offset());
        assertEquals(-1, b.offsetEnd());
        assertTrue(b.flags().isEmpty());
        assertEquals(0, Buffer.empty().size());
    }

    @Test
    void metadataChangesReturnNewBuffersSharingThePayload() {
        Buffer b = Buffer.wrap(new byte[] {1, 2, 3});
        Buffer t = b.withPts(5).withDts(4).withDuration(10).withOffsets(7, 8);
        assertNotSame(b, t);
        assertTrue(t.sharesPayloadWith(b), "retimestamping must not copy the bytes");
        assertEquals(5, t.pts());
        assertEquals(4, t.dts());
        assertEquals(10, t.duration());
        assertEquals(7, t.offset());
        assertEquals(8, t.offsetEnd());
        // the original is untouched
        assertEquals(ClockTime.NONE, b.pts());
        assertEquals(-1, b.offset());

        Buffer all = b.withTimestamps(1, 2, 3);
        assertEquals(1, all.pts());
        assertEquals(2, all.dts());
        assertEquals(3, all.duration());
        assertTrue(all.sharesPayloadWith(b));

        Buffer stamped = b.withFlag(BufferFlag.DISCONT).withTimestampsAndOffsets(1, 2, 3, 7, 8);
        assertEquals(List.of(1L, 2L, 3L, 7L, 8L), List.of(stamped.pts(), stamped.dts(), stamped.duration(),
                stamped.offset(), stamped.offsetEnd()));
        assertTrue(stamped.hasFlag(BufferFlag.DISCONT), "the flags stay");
        assertTrue(stamped.sharesPayloadWith(b));
    }

    @Test
    void dtsOrPtsPrefersDts() {
        Buffer b = Buffer.wrap(new byte[0]).withPts(20);
        assertEquals(20, b.dtsOrPts());
        assertEquals(10, b.withDts(10).dtsOrPts());
    }

    @Test
    void flagsAreSetAndClearedIndependently() {
        Buffer b = Buffer.wrap(new byte[] {9});
        Buffer f = b.withFlag(BufferFlag.DISCONT).withFlag(BufferFlag.DELTA_UNIT);
        assertTrue(f.hasFlag(BufferFlag.DISCONT));
        assertTrue(f.hasFlag(BufferFlag.DELTA_UNIT));
        assertFalse(f.hasFlag(BufferFlag.GAP));
        assertEquals(EnumSet.of(BufferFlag.DISCONT, BufferFlag.DELTA_UNIT), f.flags());
        assertFalse(b.hasFlag(BufferFlag.DISCONT), "flags are metadata of the new buffer only");
        Buffer cleared = f.withoutFlag(BufferFlag.DISCONT);
        assertEquals(EnumSet.of(BufferFlag.DELTA_UNIT), cleared.flags());
        assertTrue(cleared.sharesPayloadWith(b));
        // setting a flag that is already set, or clearing one that is not, changes nothing
        assertSame(f, f.withFlag(BufferFlag.DISCONT));
        assertSame(b, b.withoutFlag(BufferFlag.MARKER));
        for (BufferFlag flag : BufferFlag.values()) {
            assertEquals(EnumSet.of(flag), b.withFlag(flag).flags(), flag.name());
        }
    }

    @Test
    void payloadIsReadOnlyAndEachViewIndependent() {
        byte[] bytes = {1, 2, 3, 4};
        Buffer b = Buffer.wrap(bytes);
        ByteBuffer view = b.payload();
        assertTrue(view.isReadOnly());
        assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 7));
        view.get(); // moving one view's position does not move the next view
        assertEquals(0, b.payload().position());
        assertEquals(4, b.payload().remaining());
        assertArrayEquals(bytes, b.toByteArray());
        byte[] copy = b.toByteArray();
        copy[0] = 42;
        assertEquals(1, b.payload().get(0), "toByteArray returns a copy");
    }

    @Test
    void ofTakesTheRemainingBytesOnly() {
        ByteBuffer bb = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
        bb.position(2);
        Buffer b = Buffer.of(bb);
        assertArrayEquals(new byte[] {3, 4, 5}, b.toByteArray());
        assertTrue(b.payload().isReadOnly());
    }

    @Test
    void withPayloadKeepsMetadataButNotTheBytes() {
        Buffer b = Buffer.wrap(new byte[] {1}).withPts(3).withFlag(BufferFlag.HEADER);
        Buffer other = b.withPayload(ByteBuffer.wrap(new byte[] {5, 6}));
        assertFalse(other.sharesPayloadWith(b));
        assertEquals(2, other.size());
        assertEquals(3, other.pts());
        assertTrue(other.hasFlag(BufferFlag.HEADER));
        assertTrue(other.payload().isReadOnly());
    }
}
