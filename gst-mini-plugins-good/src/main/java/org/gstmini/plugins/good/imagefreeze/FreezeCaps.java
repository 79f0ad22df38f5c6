package org.gstmini.plugins.good.imagefreeze;

import java.util.ArrayList;
import java.util.List;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.FractionRange;
import org.gstmini.core.caps.Structure;

/**
 * The caps arithmetic of imagefreeze: upstream's frame rate means nothing (a single image
 * usually says {@code framerate=0/1}), so it is replaced by "any rate" in every direction, and
 * downstream picks the rate.
 *
 * <pre>
 *   upstream caps   video/x-raw, format=RGB, width=320, height=240, framerate=0/1
 *        │ withAnyFramerate
 *        ▼
 *   offer           video/x-raw, format=RGB, width=320, height=240, framerate=[0/1, 2147483647/1]
 *        │ ∩ what downstream accepts (a caps query on the peer of the src pad)
 *        ▼
 *   candidates      video/x-raw, ..., framerate=[1/1, 60/1]   (say)
 *        │ chooseOutput: frame rate nearest 25/1, then the rest fixed
 *        ▼
 *   output caps     video/x-raw, format=RGB, width=320, height=240, framerate=25/1
 * </pre>
 *
 * Mirrors {@code gst_image_freeze_remove_fps} and the fixation in
 * {@code gst_image_freeze_sink_setcaps}, gst-plugins-good/gst/imagefreeze/gstimagefreeze.c.
 */
final class FreezeCaps {
    /** The frame rate imagefreeze prefers when downstream leaves it open, as GStreamer's does. */
    static final Fraction PREFERRED_FRAMERATE = Fraction.of(25, 1);
    private static final String FRAMERATE = "framerate";
    private static final FractionRange ANY_FRAMERATE = FractionRange.of(0, 1, Integer.MAX_VALUE, 1);

    private FreezeCaps() {
    }

    /**
     * {@code caps} with the frame rate of each structure replaced by {@code [0/1, MAX/1]}
     * ({@code gst_image_freeze_remove_fps}). The field moves to the end, as in GStreamer.
     */
    static Caps withAnyFramerate(Caps caps) {
        if (caps.isAny() || caps.isEmpty()) {
            return caps;
        }
        List<Structure> out = new ArrayList<>(caps.size());
        for (Structure s : caps.structures()) {
            out.add(s.without(FRAMERATE).with(FRAMERATE, ANY_FRAMERATE));
        }
        return Caps.of(out);
    }

    /**
     * The first candidate whose frame rate can be fixed to a real rate (nearest 25/1), fixed
     * completely, or null if none can. A fixed {@code 0/1} is a real rate too: one frame, then
     * EOS. The other fields are fixed as well, because downstream may add open fields a CAPS
     * event cannot carry.
     */
    static Caps chooseOutput(Caps candidates) {
        for (Structure s : candidates.structures()) {
            if (!s.has(FRAMERATE)) {
                continue;
            }
            Structure fixed = s.fixateFieldNearestFraction(FRAMERATE, PREFERRED_FRAMERATE);
            if (fixed.get(FRAMERATE) instanceof Fraction f && f.denominator() != 0) {
                return Caps.of(fixed.fixate());
            }
        }
        return null;
    }

    /** The frame rate of fixed caps made by {@link #chooseOutput}. */
    static Fraction framerate(Caps fixed) {
        return fixed.structure(0).getFraction(FRAMERATE);
    }

    /** {@code caps} (fixed, one structure) with the frame rate set to {@code rate}. */
    static Caps withFramerate(Caps caps, Fraction rate) {
        return Caps.of(caps.structure(0).without(FRAMERATE).with(FRAMERATE, rate));
    }
}
