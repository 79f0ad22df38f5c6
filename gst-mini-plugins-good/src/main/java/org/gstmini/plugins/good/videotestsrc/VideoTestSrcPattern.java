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
public enum VideoTestSrcPattern implements Property.EnumValue {
    /** Colour bars in the layout of SMPTE ECR 1-1978 (100% bars on top). */
    SMPTE(0, "smpte", "SMPTE 100% color bars", false),
    /** Random grey noise, like an untuned television. */
    SNOW(1, "snow", "Random (television snow)", false),
    /** The background colour (black by default). */
    BLACK(2, "black", "100% Black", true),
    /** The foreground colour (white by default). */
    WHITE(3, "white", "100% White", true),
    RED(4, "red", "Red", true),
    GREEN(5, "green", "Green", true),
    BLUE(6, "blue", "Blue", true),
    /** Red and green squares of 1 pixel. */
    CHECKERS_1(7, "checkers-1", "Checkers 1px", true),
    CHECKERS_2(8, "checkers-2", "Checkers 2px", true),
    CHECKERS_4(9, "checkers-4", "Checkers 4px", true),
    CHECKERS_8(10, "checkers-8", "Checkers 8px", true),
    /** Concentric rings of rising frequency. */
    CIRCULAR(11, "circular", "Circular", true),
    /** Alternates the background and foreground colour every frame. */
    BLINK(12, "blink", "Blink", false),
    /** Seven full-height 75% colour bars. */
    SMPTE75(13, "smpte75", "SMPTE 75% color bars", true),
    /** A zone plate driven by the k0 ... kt2 properties (uniform grey when they are all 0). */
    ZONE_PLATE(14, "zone-plate", "Zone plate", true),
    /** Checkers of legal and out-of-gamut values (visible in YUV formats only). */
    GAMUT(15, "gamut", "Gamut checkers", true),
    /** The zone plate on the chroma channels. */
    CHROMA_ZONE_PLATE(16, "chroma-zone-plate", "Chroma zone plate", true),
    /** The foreground colour. */
    SOLID_COLOR(17, "solid-color", "Solid color", true),
    /** A moving anti-aliased ball; see the animation-mode and motion properties. */
    BALL(18, "ball", "Moving ball", false),
    /** Seven full-height 100% colour bars. */
    SMPTE100(19, "smpte100", "SMPTE 100% color bars", true),
    /** A vertical bar of the foreground colour on the background colour. */
    BAR(20, "bar", "Bar", true),
    PINWHEEL(21, "pinwheel", "Pinwheel", true),
    SPOKES(22, "spokes", "Spokes", true),
    /** From the background colour at the top to the foreground colour at the bottom. */
    GRADIENT(23, "gradient", "Gradient", true),
    /** Every colour the format can show, spread over the picture. */
    COLORS(24, "colors", "Colors", true);

    private final int value;
    private final String nick;
    private final String description;
    private final boolean still;

    VideoTestSrcPattern(int value, String nick, String description, boolean still) {
        this.value = value;
        this.nick = nick;
        this.description = description;
        this.still = still;
    }

    @Override
    public int value() {
        return value;
    }

    @Override
    public String nick() {
        return nick;
    }

    /** The text gst-inspect shows next to the nick. */
    public String description() {
        return description;
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
