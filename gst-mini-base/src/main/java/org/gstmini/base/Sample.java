package org.gstmini.base;

import java.util.Objects;
import org.gstmini.core.Buffer;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Caps;

/**
 * A buffer together with what is needed to understand it: its caps (the format) and the
 * segment it was received in (how its timestamps map to running and stream time).
 *
 * <p>Mirrors {@code GstSample} (gst/gstsample.c) as {@code gst_base_sink_get_last_sample()}
 * returns it: a sink's {@code last-sample} property holds one, which is how an application
 * takes a snapshot (a thumbnail) of what a sink shows. Buffer and caps are immutable; the
 * segment is the sample's own copy, so changing it affects nobody else.
 *
 * @param buffer  the buffer, never null
 * @param caps    the caps the buffer was received with, or null if none were negotiated
 * @param segment the segment in effect when the buffer arrived (a copy), or null
 */
public record Sample(Buffer buffer, Caps caps, Segment segment) {
    public Sample {
        Objects.requireNonNull(buffer, "buffer");
        segment = segment == null ? null : segment.copy();
    }

    /** The segment (a fresh copy, so the sample itself stays unchanged). */
    @Override
    public Segment segment() {
        return segment == null ? null : segment.copy();
    }
}
