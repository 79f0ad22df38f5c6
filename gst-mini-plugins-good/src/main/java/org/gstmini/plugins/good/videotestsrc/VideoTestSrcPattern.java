package org.gstmini.plugins.good.videotestsrc;

import org.gstmini.core.Property;

/**
 * The pictures {@code videotestsrc} can paint: the values of its {@code pattern} property, with
 * the nicks and numbers of GStreamer's {@code GstVideoTestSrcPattern}, so that
 * {@code pattern=ball} and {@code pattern=18} mean the same as with {@code gst-launch-1.0}.
 *
 * <p>GStreamer 1.22 also has {@code smpte-rp-219} (25); gst-mini does not paint it, so it is
 * not offered.
 */
public enum VideoTestSrcPattern {
    /** Colour bars in the layout of SMPTE ECR 1-1978 (100% bars on top). */
    @Property.Nick(value = 0, nick = "smpte", description = "SMPTE 100% color bars")
    SMPTE(false),
    /** Random grey noise, like an untuned television. */
    @Property.Nick(value = 1, nick = "snow", description = "Random (television snow)")
    SNOW(false),
    /** The background colour (black by default). */
    @Property.Nick(value = 2, nick = "black", description = "100% Black")
    BLACK(true),
    /** The foreground colour (white by default). */
    @Property.Nick(value = 3, nick = "white", description = "100% White")
    WHITE(true),
    @Property.Nick(value = 4, nick = "red", description = "Red")
    RED(true),
    @Property.Nick(value = 5, nick = "green", description = "Green")
    GREEN(true),
    @Property.Nick(value = 6, nick = "blue", description = "Blue")
    BLUE(true),
    /** Red and green squares of 1 pixel. */
    @Property.Nick(value = 7, nick = "checkers-1", description = "Checkers 1px")
    CHECKERS_1(true),
    @Property.Nick(value = 8, nick = "checkers-2", description = "Checkers 2px")
    CHECKERS_2(true),
    @Property.Nick(value = 9, nick = "checkers-4", description = "Checkers 4px")
    CHECKERS_4(true),
    @Property.Nick(value = 10, nick = "checkers-8", description = "Checkers 8px")
    CHECKERS_8(true),
    /** Concentric rings of rising frequency. */
    @Property.Nick(value = 11, nick = "circular", description = "Circular")
    CIRCULAR(true),
    /** Alternates the background and foreground colour every frame. */
    @Property.Nick(value = 12, nick = "blink", description = "Blink")
    BLINK(false),
    /** Seven full-height 75% colour bars. */
    @Property.Nick(value = 13, nick = "smpte75", description = "SMPTE 75% color bars")
    SMPTE75(true),
    /** A zone plate driven by the k0 ... kt2 properties (uniform grey when they are all 0). */
    @Property.Nick(value = 14, nick = "zone-plate", description = "Zone plate")
    ZONE_PLATE(true),
    /** Checkers of legal and out-of-gamut values (visible in YUV formats only). */
    @Property.Nick(value = 15, nick = "gamut", description = "Gamut checkers")
    GAMUT(true),
    /** The zone plate on the chroma channels. */
    @Property.Nick(value = 16, nick = "chroma-zone-plate", description = "Chroma zone plate")
    CHROMA_ZONE_PLATE(true),
    /** The foreground colour. */
    @Property.Nick(value = 17, nick = "solid-color", description = "Solid color")
    SOLID_COLOR(true),
    /** A moving anti-aliased ball; see the animation-mode and motion properties. */
    @Property.Nick(value = 18, nick = "ball", description = "Moving ball")
    BALL(false),
    /** Seven full-height 100% colour bars. */
    @Property.Nick(value = 19, nick = "smpte100", description = "SMPTE 100% color bars")
    SMPTE100(true),
    /** A vertical bar of the foreground colour on the background colour. */
    @Property.Nick(value = 20, nick = "bar", description = "Bar")
    BAR(true),
    @Property.Nick(value = 21, nick = "pinwheel", description = "Pinwheel")
    PINWHEEL(true),
    @Property.Nick(value = 22, nick = "spokes", description = "Spokes")
    SPOKES(true),
    /** From the background colour at the top to the foreground colour at the bottom. */
    @Property.Nick(value = 23, nick = "gradient", description = "Gradient")
    GRADIENT(true),
    /** Every colour the format can show, spread over the picture. */
    @Property.Nick(value = 24, nick = "colors", description = "Colors")
    COLORS(true);

    private final boolean still;

    VideoTestSrcPattern(boolean still) {
        this.still = still;
    }

    /**
     * Whether every frame of this pattern is the same picture by itself (the zone plates and
     * pinwheel/spokes only while their time parameters are 0, and nothing is still while the
     * picture scrolls or carries a frame number; the element checks those).
     */
    boolean isStill() {
        return still;
    }
}
