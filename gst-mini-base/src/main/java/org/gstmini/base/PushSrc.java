package org.gstmini.base;

import java.nio.ByteBuffer;
import org.gstmini.core.Buffer;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.PadTemplate;

/**
 * The base class of sources that produce data in order and cannot be asked for a given
 * offset: cameras, network receivers, test-pattern generators. Mirrors {@code GstPushSrc}
 * (libs/gst/base/gstpushsrc.c).
 *
 * <p>Everything of {@link BaseSrc} applies (the streaming task, negotiation, live mode,
 * seeking, num-buffers); the only difference is the production hook, which takes no offset:
 *
 * <pre>{@code
 * public final class CounterSrc extends PushSrc {
 *     private long n;
 *
 *     public CounterSrc() {
 *         super(SRC_TEMPLATE);
 *         setFormat(Format.TIME);
 *     }
 *
 *     @Override
 *     protected Buffer create() {            // called by the streaming task, once per buffer
 *         long pts = n * 10 * ClockTime.MSECOND;
 *         return Buffer.wrap(new byte[] {(byte) n++}).withTimestamps(pts, ClockTime.NONE, 10 * ClockTime.MSECOND);
 *     }
 * }
 * }</pre>
 *
 * <p>Override either {@link #create()} ({@code GstPushSrcClass::create}) to return whole
 * buffers, or {@link #fill(ByteBuffer)} ({@code GstPushSrcClass::fill}) to write into a buffer of
 * {@code blocksize} bytes that the base class allocates. A push source is never activated in
 * pull mode: its pad answers the SCHEDULING question with "push only"
 * ({@code gst_push_src_query}), which here means the pad refuses PULL activation.
 */
public abstract class PushSrc extends BaseSrc {

    protected PushSrc(PadTemplate srcTemplate) {
        super(srcTemplate);
    }

    /**
     * {@code gst_push_src_create}: ignores the offset and calls {@link #create()}. Final: a push
     * source produces its data in order.
     */
    @Override
    protected final Buffer createRange(long offset, int length) throws FlowException {
        return create();
    }

    /**
     * Produces the next buffer ({@code GstPushSrcClass::create}). Throw {@link FlowException}
     * with EOS at the end of the data, FLUSHING after {@link #unlock()}, ERROR (after posting an
     * ERROR message) on failure. The default allocates {@code blocksize} bytes and calls
     * {@link #fill(ByteBuffer)} ({@code gst_push_src_alloc} + {@code gst_push_src_fill}).
     */
    protected Buffer create() throws FlowException {
        int size = getBlocksize();
        ByteBuffer data = ByteBuffer.allocate(size);
        if (size > 0) {
            fill(data);
        }
        data.position(0);
        return Buffer.of(data);
    }

    /**
     * Writes the next buffer's bytes into {@code data} ({@code GstPushSrcClass::fill}): its
     * capacity is {@code blocksize}; write from index 0 and, for fewer bytes, set
     * {@code data.limit(n)}. Timestamps may be set by overriding {@link #create()} instead.
     */
    protected void fill(ByteBuffer data) throws FlowException {
        throw new FlowException(FlowReturn.NOT_SUPPORTED, getName() + " implements neither create() nor fill()");
    }

    @Override
    final boolean allowsPullMode() {
        return false;
    }
}
