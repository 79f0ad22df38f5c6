package org.gstmini.base;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;

/**
 * Collects incoming buffers of whatever size upstream sends and hands the bytes back in the
 * chunks an element needs; mirrors {@code GstAdapter} (libs/gst/base/gstadapter.c).
 *
 * <h2>How it is used</h2>
 * A parser or encoder rarely gets its input in the unit it works in: a file source sends 4 kB
 * blocks, a decoder wants whole frames. The element pushes every buffer into an adapter and
 * takes data out as soon as there is enough:
 *
 * <pre>{@code
 * FlowReturn chain(Buffer in) {
 *     adapter.push(in);
 *     FlowReturn ret = FlowReturn.OK;
 *     while (adapter.available() >= 512 && ret == FlowReturn.OK) {
 *         ByteBuffer chunk = adapter.map(512);   // a view, copy-free when one buffer holds it
 *         ret = process(chunk);
 *         adapter.flush(512);                     // the view is invalid from here on
 *     }
 *     return ret;
 * }
 * }</pre>
 *
 * <p>{@link #take(int)} and {@link #takeBuffer(int)} combine the two steps. Clear the adapter on
 * FLUSH_STOP, on a DISCONT buffer if the element cannot bridge the gap, and on PAUSED→READY.
 *
 * <h2>Copies</h2>
 * Buffers are immutable, so the adapter never copies on {@link #push}. {@link #map(int)} and
 * {@link #takeBuffer(int)} return a <em>view</em> of the first buffer when it alone holds the
 * requested bytes; only a request that spans buffers assembles the bytes into a new array.
 * {@link #availableFast()} says how much can be had without that copy.
 *
 * <h2>Timestamps</h2>
 * The adapter remembers the pts, dts and offset of the last buffer whose first byte was
 * reached, and how many bytes have been consumed since then ({@link #prevPts()} and
 * {@link #prevPtsDistance()}, {@code gst_adapter_prev_pts}). For raw audio that is how an
 * element timestamps its output: {@code pts = prevPts + distance / bytesPerSecond}. It also
 * remembers the values of the last DISCONT buffer and the bytes consumed since
 * ({@link #ptsAtDiscont()}, {@link #distanceFromDiscont()}). Before any buffer with a valid
 * timestamp, the timestamps are {@link ClockTime#NONE} and the distances 0.
 *
 * <h2>Threads</h2>
 * Not thread-safe, like GstAdapter: an adapter belongs to one pad's streaming thread (calls are
 * serialised by the pad's stream lock). Views returned by {@link #map(int)} stay valid only
 * until the next call that changes the adapter.
 */
public final class Adapter {
    private static final int[] EMPTY_SCAN = new int[0];

    /** The queued buffers; the first one may be partly consumed ({@link #skip} bytes). */
    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    /** Bytes available (sum of the queued buffers' sizes minus skip). */
    private int size;
    /** Bytes of the head buffer already consumed. */
    private int skip;

    /** Bytes assembled by the last spanning {@link #map(int)}; valid until the next flush. */
    private byte[] assembled = new byte[0];
    private int assembledLen;

    private long pts;
    private long ptsDistance;
    private long dts;
    private long dtsDistance;
    private long offset;
    private long offsetDistance;
    private long ptsAtDiscont;
    private long dtsAtDiscont;
    private long offsetAtDiscont;
    private long distanceFromDiscont;

    /** An empty adapter ({@code gst_adapter_new}). */
    public Adapter() {
        resetTracking();
    }

    private void resetTracking() {
        pts = ClockTime.NONE;
        ptsDistance = 0;
        dts = ClockTime.NONE;
        dtsDistance = 0;
        offset = -1;
        offsetDistance = 0;
        ptsAtDiscont = ClockTime.NONE;
        dtsAtDiscont = ClockTime.NONE;
        offsetAtDiscont = -1;
        distanceFromDiscont = 0;
    }

    // ---------------------------------------------------------------- filling and emptying

    /** Appends a buffer's bytes ({@code gst_adapter_push}); never copies. */
    public void push(Buffer buffer) {
        if (buffer == null) {
            throw new NullPointerException("buffer");
        }
        size += buffer.size();
        boolean wasEmpty = queue.isEmpty();
        queue.addLast(buffer);
        if (wasEmpty) {
            headReached(buffer);
        }
    }

    /** Forgets every byte and every remembered timestamp ({@code gst_adapter_clear}). */
    public void clear() {
        queue.clear();
        size = 0;
        skip = 0;
        assembledLen = 0;
        resetTracking();
    }

    /** Bytes available ({@code gst_adapter_available}): the most {@link #map} or {@link #take} can return. */
    public int available() {
        return size;
    }

    /**
     * Bytes that {@link #map(int)} can return without copying: what is left of the first non-empty
     * buffer, or what a previous spanning map already assembled ({@code gst_adapter_available_fast}).
     */
    public int availableFast() {
        if (size == 0) {
            return 0;
        }
        if (assembledLen > 0) {
            return assembledLen;
        }
        boolean head = true;
        for (Buffer b : queue) {
            int s = b.size() - (head ? skip : 0);
            head = false;
            if (s > 0) {
                return s;
            }
        }
        return 0;
    }

    /**
     * The first {@code n} bytes as a read-only view, or null if fewer are available
     * ({@code gst_adapter_map}). Copy-free when the first buffer holds them; otherwise the bytes
     * are assembled once and reused by later maps of the same or a smaller size. The view is
     * valid until the adapter is next changed (flush, take, push, clear).
     */
    public ByteBuffer map(int n) {
        checkSize(n);
        if (n > size) {
            return null;
        }
        if (n == 0) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer();
        }
        if (assembledLen >= n) {
            return ByteBuffer.wrap(assembled, 0, n).slice().asReadOnlyBuffer();
        }
        Buffer head = queue.peekFirst();
        if (head.size() - skip >= n) {
            return head.payload().position(skip).limit(skip + n).slice();
        }
        if (assembled.length < n) {
            byte[] bigger = new byte[n];
            System.arraycopy(assembled, 0, bigger, 0, assembledLen);
            assembled = bigger;
        }
        copyInto(assembled, assembledLen, assembledLen, n - assembledLen);
        assembledLen = n;
        return ByteBuffer.wrap(assembled, 0, n).slice().asReadOnlyBuffer();
    }

    /** Same as {@link #map(int)}: look at the first {@code n} bytes without consuming them. */
    public ByteBuffer peek(int n) {
        return map(n);
    }

    /**
     * Copies {@code n} bytes starting {@code at} bytes into the adapter, without consuming them
     * ({@code gst_adapter_copy_bytes}).
     *
     * @throws IndexOutOfBoundsException if fewer than {@code at + n} bytes are available
     */
    public byte[] copy(int at, int n) {
        checkSize(n);
        if (at < 0 || (long) at + n > size) {
            throw new IndexOutOfBoundsException("adapter: cannot copy " + n + " bytes at " + at + ", only " + size
                    + " available");
        }
        byte[] out = new byte[n];
        copyInto(out, 0, at, n);
        return out;
    }

    /** Consumes the first {@code n} bytes ({@code gst_adapter_flush}); the caller checks availability. */
    public void flush(int n) {
        checkSize(n);
        if (n > size) {
            throw new IllegalArgumentException("adapter: cannot flush " + n + " bytes, only " + size + " available");
        }
        if (n == 0) {
            return;
        }
        flushUnchecked(n);
    }

    /**
     * Consumes the first {@code n} bytes and returns them in a new array, or null if fewer are
     * available ({@code gst_adapter_take}).
     */
    public byte[] take(int n) {
        checkSize(n);
        if (n > size) {
            return null;
        }
        byte[] out = new byte[n];
        copyInto(out, 0, 0, n);
        flushUnchecked(n);
        return out;
    }

    /**
     * Consumes the first {@code n} bytes and returns them as a buffer, or null if fewer are
     * available ({@code gst_adapter_take_buffer}). When the first buffer holds all {@code n}
     * bytes the result shares its payload (no copy); exactly the first buffer is returned as is.
     *
     * <p>Metadata: the result carries the first buffer's flags; its pts, dts and offset only when
     * the bytes start at that buffer's first byte, and its duration and offset-end only when
     * the result is that whole buffer (as {@code gst_buffer_copy_region} does). Anything else is
     * unknown ({@link ClockTime#NONE}, -1): use {@link #prevPts()} to compute it.
     */
    public Buffer takeBuffer(int n) {
        Buffer b = getBuffer(n);
        if (b != null) {
            flushUnchecked(n);
        }
        return b;
    }

    /** Like {@link #takeBuffer(int)} without consuming the bytes ({@code gst_adapter_get_buffer}). */
    public Buffer getBuffer(int n) {
        checkSize(n);
        if (n > size) {
            return null;
        }
        if (n == 0) {
            return Buffer.empty();
        }
        Buffer head = queue.peekFirst();
        if (skip == 0 && head.size() == n) {
            return head;
        }
        ByteBuffer bytes;
        if (head.size() - skip >= n) {
            bytes = head.payload().position(skip).limit(skip + n);
        } else {
            byte[] out = new byte[n];
            copyInto(out, 0, 0, n);
            bytes = ByteBuffer.wrap(out);
        }
        Buffer out = Buffer.of(bytes);
        for (BufferFlag f : head.flags()) {
            out = out.withFlag(f);
        }
        if (skip == 0) {
            out = out.withTimestamps(head.pts(), head.dts(), ClockTime.NONE).withOffsets(head.offset(), -1);
        }
        return out;
    }

    // ---------------------------------------------------------------- scanning

    /**
     * Finds the first position {@code p} in {@code [offset, offset + size - 4]} where the four
     * bytes at {@code p}, read big-endian, satisfy {@code (value & mask) == pattern}; returns
     * {@code p} (counted from the adapter's first byte) or -1 ({@code gst_adapter_masked_scan_uint32}).
     * All four bytes must lie inside the scanned range, even those the mask ignores. Start codes
     * are found this way: {@code maskedScanUint32(0xffffff00, 0x00000100, 0, available())}
     * finds an MPEG start code {@code 00 00 01 xx}.
     *
     * @throws IllegalArgumentException if {@code offset + size} exceeds {@link #available()}, or
     *     the pattern has bits outside the mask (it could never match)
     */
    public int maskedScanUint32(int mask, int pattern, int offset, int size) {
        return maskedScan(mask, pattern, offset, size, EMPTY_SCAN);
    }

    /**
     * Like {@link #maskedScanUint32} and also stores the matching four bytes in {@code value[0]}
     * when found ({@code gst_adapter_masked_scan_uint32_peek}).
     */
    public int maskedScanUint32Peek(int mask, int pattern, int offset, int size, int[] value) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("value must be an array of at least one int");
        }
        return maskedScan(mask, pattern, offset, size, value);
    }

    private int maskedScan(int mask, int pattern, int offset, int n, int[] value) {
        if (offset < 0 || n < 0 || (long) offset + n > this.size) {
            throw new IllegalArgumentException("adapter: cannot scan " + n + " bytes at " + offset + ", only "
                    + this.size + " available");
        }
        if ((~mask & pattern) != 0) {
            throw new IllegalArgumentException(String.format("pattern 0x%08x has bits outside mask 0x%08x", pattern, mask));
        }
        if (n < 4) {
            return -1;
        }
        int state = ~pattern;
        int seen = 0;
        int toSkip = offset + skip;
        for (Buffer b : queue) {
            int bsize = b.size();
            if (toSkip >= bsize) {
                toSkip -= bsize;
                continue;
            }
            ByteBuffer data = b.payload();
            for (int i = toSkip; i < bsize && seen < n; i++) {
                state = (state << 8) | (data.get(i) & 0xff);
                seen++;
                if (seen >= 4 && (state & mask) == pattern) {
                    if (value.length > 0) {
                        value[0] = state;
                    }
                    return offset + seen - 4;
                }
            }
            toSkip = 0;
            if (seen >= n) {
                break;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- timestamps

    /** The pts of the last buffer whose first byte was reached, or NONE ({@code gst_adapter_prev_pts}). */
    public long prevPts() {
        return pts;
    }

    /** Bytes consumed since the byte that carried {@link #prevPts()}. */
    public long prevPtsDistance() {
        return ptsDistance;
    }

    /** The dts of the last buffer whose first byte was reached, or NONE ({@code gst_adapter_prev_dts}). */
    public long prevDts() {
        return dts;
    }

    /** Bytes consumed since the byte that carried {@link #prevDts()}. */
    public long prevDtsDistance() {
        return dtsDistance;
    }

    /** The offset of the last buffer whose first byte was reached, or -1 ({@code gst_adapter_prev_offset}). */
    public long prevOffset() {
        return offset;
    }

    /** Bytes consumed since the byte that carried {@link #prevOffset()}. */
    public long prevOffsetDistance() {
        return offsetDistance;
    }

    /**
     * The pts that applies to the byte {@code at} bytes into the adapter: that of the last
     * buffer, queued or already consumed, that carried one and starts at or before that byte
     * ({@code gst_adapter_prev_pts_at_offset}). Unlike GStreamer, a buffer starting exactly at
     * {@code at} counts, so {@code prevPtsAtOffset(0) == prevPts()}.
     */
    public long prevPtsAtOffset(int at) {
        return timestampAt(at, true)[0];
    }

    /** Bytes between the byte that carried {@link #prevPtsAtOffset(int)} and byte {@code at}. */
    public long prevPtsDistanceAtOffset(int at) {
        return timestampAt(at, true)[1];
    }

    /** Like {@link #prevPtsAtOffset(int)} for the dts ({@code gst_adapter_prev_dts_at_offset}). */
    public long prevDtsAtOffset(int at) {
        return timestampAt(at, false)[0];
    }

    /** Bytes between the byte that carried {@link #prevDtsAtOffset(int)} and byte {@code at}. */
    public long prevDtsDistanceAtOffset(int at) {
        return timestampAt(at, false)[1];
    }

    /** {timestamp, distance} for the byte {@code at} bytes into the adapter. */
    private long[] timestampAt(int at, boolean usePts) {
        if (at < 0 || at > size) {
            throw new IndexOutOfBoundsException("adapter: offset " + at + " outside the " + size + " available bytes");
        }
        long ts = usePts ? pts : dts;
        long distance = (usePts ? ptsDistance : dtsDistance) + at;
        long target = (long) at + skip; // counted from the head buffer's first byte
        long start = 0;
        for (Buffer b : queue) {
            if (start > target) {
                break;
            }
            long t = usePts ? b.pts() : b.dts();
            if (t != ClockTime.NONE) {
                ts = t;
                distance = target - start;
            }
            start += b.size();
        }
        return new long[] {ts, distance};
    }

    /** The pts of the last DISCONT buffer reached, or NONE ({@code gst_adapter_pts_at_discont}). */
    public long ptsAtDiscont() {
        return ptsAtDiscont;
    }

    /** The dts of the last DISCONT buffer reached, or NONE ({@code gst_adapter_dts_at_discont}). */
    public long dtsAtDiscont() {
        return dtsAtDiscont;
    }

    /** The offset of the last DISCONT buffer reached, or -1 ({@code gst_adapter_offset_at_discont}). */
    public long offsetAtDiscont() {
        return offsetAtDiscont;
    }

    /** Bytes consumed since the last DISCONT buffer's first byte ({@code gst_adapter_distance_from_discont}). */
    public long distanceFromDiscont() {
        return distanceFromDiscont;
    }

    @Override
    public String toString() {
        return "Adapter[" + size + " bytes in " + queue.size() + " buffers, prev pts " + ClockTime.format(pts)
                + " + " + ptsDistance + " bytes]";
    }

    // ---------------------------------------------------------------- internals

    private static void checkSize(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("adapter: size must not be negative: " + n);
        }
    }

    /** A buffer became the head: its valid timestamps and offset restart the distances. */
    private void headReached(Buffer b) {
        if (b.pts() != ClockTime.NONE) {
            pts = b.pts();
            ptsDistance = 0;
        }
        if (b.dts() != ClockTime.NONE) {
            dts = b.dts();
            dtsDistance = 0;
        }
        if (b.offset() != -1) {
            offset = b.offset();
            offsetDistance = 0;
        }
        if (b.hasFlag(BufferFlag.DISCONT)) {
            ptsAtDiscont = b.pts();
            dtsAtDiscont = b.dts();
            offsetAtDiscont = b.offset();
            distanceFromDiscont = 0;
        }
    }

    private void advanceDistances(long n) {
        ptsDistance += n;
        dtsDistance += n;
        offsetDistance += n;
        distanceFromDiscont += n;
    }

    private void flushUnchecked(int n) {
        if (n == 0) {
            return;
        }
        size -= n;
        assembledLen = 0;
        // Count from the head buffer's first byte: the distances already include 'skip'.
        int toFlush = n + skip;
        advanceDistances(-skip);
        Buffer head = queue.peekFirst();
        int hsize = head.size();
        while (toFlush >= hsize) {
            advanceDistances(hsize);
            toFlush -= hsize;
            queue.pollFirst();
            head = queue.peekFirst();
            if (head == null) {
                break;
            }
            headReached(head);
            hsize = head.size();
        }
        skip = toFlush;
        advanceDistances(toFlush);
    }

    /** Copies {@code n} bytes starting {@code from} bytes into the adapter into {@code dest[destPos..]}. */
    private void copyInto(byte[] dest, int destPos, int from, int n) {
        int toSkip = from + skip;
        for (Buffer b : queue) {
            if (n == 0) {
                return;
            }
            int bsize = b.size();
            if (toSkip >= bsize) {
                toSkip -= bsize;
                continue;
            }
            int chunk = Math.min(bsize - toSkip, n);
            b.payload().position(toSkip).get(dest, destPos, chunk);
            destPos += chunk;
            n -= chunk;
            toSkip = 0;
        }
    }
}
