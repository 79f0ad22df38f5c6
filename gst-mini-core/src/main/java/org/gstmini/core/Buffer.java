package org.gstmini.core;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A piece of media: a read-only payload plus the timing that says when it belongs.
 *
 * <p>Mirrors {@code GstBuffer} (gst/gstbuffer.h). GStreamer buffers are reference counted and
 * writable only when you hold the single reference; here a buffer is simply immutable. Changing
 * its metadata ({@link #withPts}, {@link #withFlag}, ...) returns a new {@code Buffer} that
 * <em>shares</em> the same payload bytes, so a filter that only retimestamps costs an object,
 * never a copy. To change the bytes, build a new buffer.
 *
 * <pre>
 *   pts       when the buffer should be presented, in stream time (ns, or ClockTime.NONE)
 *   dts       when it should be decoded (differs from pts with B-frames)
 *   duration  how long it lasts
 *   offset    media-specific position (byte offset, frame number)
 *   offsetEnd offset of the end of the buffer
 * </pre>
 */
public final class Buffer {
    private static final ByteBuffer NO_BYTES = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final ByteBuffer payload;
    private final long pts;
    private final long dts;
    private final long duration;
    private final long offset;
    private final long offsetEnd;
    private final int flags;

    private Buffer(ByteBuffer payload, long pts, long dts, long duration, long offset, long offsetEnd, int flags) {
        this.payload = payload;
        this.pts = pts;
        this.dts = dts;
        this.duration = duration;
        this.offset = offset;
        this.offsetEnd = offsetEnd;
        this.flags = flags;
    }

    /** A buffer with no bytes and no timestamps (useful for GAP buffers and tests). */
    public static Buffer empty() {
        return new Buffer(NO_BYTES, ClockTime.NONE, ClockTime.NONE, ClockTime.NONE, -1, -1, 0);
    }

    /** Wraps the array without copying; the caller must not change it afterwards. */
    public static Buffer wrap(byte[] bytes) {
        return of(ByteBuffer.wrap(bytes));
    }

    /**
     * Wraps the remaining bytes of {@code bytes} without copying; the caller must not change them
     * afterwards. The buffer keeps a read-only view.
     */
    public static Buffer of(ByteBuffer bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new Buffer(bytes.slice().asReadOnlyBuffer(), ClockTime.NONE, ClockTime.NONE, ClockTime.NONE, -1, -1, 0);
    }

    /** A fresh read-only view of the payload (position 0, limit = size); cheap, never copies. */
    public ByteBuffer payload() {
        return payload.duplicate();
    }

    /** Copies the payload into a new array. */
    public byte[] toByteArray() {
        byte[] out = new byte[payload.remaining()];
        payload.duplicate().get(out);
        return out;
    }

    /** Number of payload bytes ({@code gst_buffer_get_size}). */
    public int size() {
        return payload.remaining();
    }

    public long pts() {
        return pts;
    }

    public long dts() {
        return dts;
    }

    /** The decode timestamp if set, else the presentation timestamp ({@code GST_BUFFER_DTS_OR_PTS}). */
    public long dtsOrPts() {
        return dts != ClockTime.NONE ? dts : pts;
    }

    public long duration() {
        return duration;
    }

    public long offset() {
        return offset;
    }

    public long offsetEnd() {
        return offsetEnd;
    }

    public boolean hasFlag(BufferFlag flag) {
        return (flags & flag.bit) != 0;
    }

    /** The flags set on this buffer, as a new set. */
    public Set<BufferFlag> flags() {
        EnumSet<BufferFlag> set = EnumSet.noneOf(BufferFlag.class);
        for (BufferFlag f : BufferFlag.values()) {
            if (hasFlag(f)) {
                set.add(f);
            }
        }
        return set;
    }

    public Buffer withPts(long newPts) {
        return new Buffer(payload, newPts, dts, duration, offset, offsetEnd, flags);
    }

    public Buffer withDts(long newDts) {
        return new Buffer(payload, pts, newDts, duration, offset, offsetEnd, flags);
    }

    public Buffer withDuration(long newDuration) {
        return new Buffer(payload, pts, dts, newDuration, offset, offsetEnd, flags);
    }

    /** Sets pts, dts and duration at once. */
    public Buffer withTimestamps(long newPts, long newDts, long newDuration) {
        return new Buffer(payload, newPts, newDts, newDuration, offset, offsetEnd, flags);
    }

    public Buffer withOffsets(long newOffset, long newOffsetEnd) {
        return new Buffer(payload, pts, dts, duration, newOffset, newOffsetEnd, flags);
    }

    /**
     * Sets pts, dts, duration, offset and offset-end at once: one copy where
     * {@link #withTimestamps} then {@link #withOffsets} make two. For a source stamping the
     * buffer it just made, as GStreamer's sources write all of these into their new buffer.
     */
    public Buffer withTimestampsAndOffsets(long newPts, long newDts, long newDuration, long newOffset,
            long newOffsetEnd) {
        return new Buffer(payload, newPts, newDts, newDuration, newOffset, newOffsetEnd, flags);
    }

    public Buffer withFlag(BufferFlag flag) {
        return hasFlag(flag) ? this : new Buffer(payload, pts, dts, duration, offset, offsetEnd, flags | flag.bit);
    }

    public Buffer withoutFlag(BufferFlag flag) {
        return hasFlag(flag) ? new Buffer(payload, pts, dts, duration, offset, offsetEnd, flags & ~flag.bit) : this;
    }

    /** Same metadata, other bytes: what a transform that rewrites the data returns. */
    public Buffer withPayload(ByteBuffer bytes) {
        return new Buffer(bytes.slice().asReadOnlyBuffer(), pts, dts, duration, offset, offsetEnd, flags);
    }

    /** True when both buffers view the very same bytes (metadata changes keep the payload). */
    public boolean sharesPayloadWith(Buffer other) {
        return payload == other.payload;
    }

    @Override
    public String toString() {
        return "Buffer[size=" + size() + ", pts=" + ClockTime.format(pts) + ", dts=" + ClockTime.format(dts)
                + ", duration=" + ClockTime.format(duration) + ", offset=" + offset + ", offset-end=" + offsetEnd
                + ", flags=" + flags() + "]";
    }
}
