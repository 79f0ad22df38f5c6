package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/** What {@link FakeSrc} writes into its buffers ({@code GstFakeSrcFillType}, property "filltype"). */
public enum FakeSrcFillType {
    /** Leave data as allocated (in Java: zeros, since new arrays are zeroed). */
    @Property.Nick(value = 1, nick = "nothing", description = "Leave data as malloced")
    NOTHING,
    @Property.Nick(value = 2, nick = "zero", description = "Fill buffers with zeros")
    ZERO,
    @Property.Nick(value = 3, nick = "random", description = "Fill buffers with random data")
    RANDOM,
    /** Fill buffers with the pattern 0x00 -&gt; 0xff, restarting in every buffer. */
    @Property.Nick(value = 4, nick = "pattern", description = "Fill buffers with pattern 0x00 -> 0xff")
    PATTERN,
    /** Fill buffers with the pattern 0x00 -&gt; 0xff, continued across buffers. */
    @Property.Nick(value = 5, nick = "pattern-span",
            description = "Fill buffers with pattern 0x00 -> 0xff that spans buffers")
    PATTERN_SPAN
}
