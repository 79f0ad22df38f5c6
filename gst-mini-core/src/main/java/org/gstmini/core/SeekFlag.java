package org.gstmini.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * Flags of a seek; combine them in a {@link Set} (an {@link EnumSet}), the empty set being
 * GST_SEEK_FLAG_NONE.
 *
 * <p>Mirrors GstSeekFlags (gst/gstsegment.h); {@link #bit()} is GStreamer's value. GStreamer's
 * GST_SEEK_FLAG_SNAP_NEAREST is not a flag of its own but SNAP_BEFORE | SNAP_AFTER: use
 * {@link #snapNearest()}.
 */
public enum SeekFlag {
    /** Flush the pipeline before seeking, so the seek happens at once (GST_SEEK_FLAG_FLUSH). */
    FLUSH(1 << 0),
    /** Seek to the exact position even if slower (GST_SEEK_FLAG_ACCURATE). */
    ACCURATE(1 << 1),
    /** Seek to the nearest keyframe (GST_SEEK_FLAG_KEY_UNIT). */
    KEY_UNIT(1 << 2),
    /** Segment seek: post SEGMENT_DONE instead of EOS at the end (GST_SEEK_FLAG_SEGMENT). */
    SEGMENT(1 << 3),
    /** Trick mode: skip frames when playing fast (GST_SEEK_FLAG_TRICKMODE). */
    TRICKMODE(1 << 4),
    /** Go to a location before the requested position (GST_SEEK_FLAG_SNAP_BEFORE). */
    SNAP_BEFORE(1 << 5),
    /** Go to a location after the requested position (GST_SEEK_FLAG_SNAP_AFTER). */
    SNAP_AFTER(1 << 6),
    /** Trick mode: decode key units only (GST_SEEK_FLAG_TRICKMODE_KEY_UNITS). */
    TRICKMODE_KEY_UNITS(1 << 7),
    /** Trick mode: do not decode audio (GST_SEEK_FLAG_TRICKMODE_NO_AUDIO). */
    TRICKMODE_NO_AUDIO(1 << 8),
    /** Trick mode: forward-predicted frames only (GST_SEEK_FLAG_TRICKMODE_FORWARD_PREDICTED). */
    TRICKMODE_FORWARD_PREDICTED(1 << 9),
    /** Change the rate without flushing or moving (GST_SEEK_FLAG_INSTANT_RATE_CHANGE). */
    INSTANT_RATE_CHANGE(1 << 10);

    private final int bit;

    SeekFlag(int bit) {
        this.bit = bit;
    }

    /** GStreamer's numeric value of this flag. */
    public int bit() {
        return bit;
    }

    /** GST_SEEK_FLAG_SNAP_NEAREST: snap to whichever location is nearest. */
    public static EnumSet<SeekFlag> snapNearest() {
        return EnumSet.of(SNAP_BEFORE, SNAP_AFTER);
    }

    /** The GstSeekFlags value of a set of flags. */
    public static int toBits(Set<SeekFlag> flags) {
        int bits = 0;
        for (SeekFlag f : flags) {
            bits |= f.bit;
        }
        return bits;
    }
}
