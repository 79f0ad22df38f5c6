package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/** What {@link FakeSrc} writes into its buffers ({@code GstFakeSrcFillType}, property "filltype"). */
public enum FakeSrcFillType implements Property.EnumValue {
    /** Leave data as allocated (in Java: zeros, since new arrays are zeroed). */
    NOTHING("nothing", 1),
    /** Fill buffers with zeros. */
    ZERO("zero", 2),
    /** Fill buffers with random bytes. */
    RANDOM("random", 3),
    /** Fill buffers with the pattern 0x00 -&gt; 0xff, restarting in every buffer. */
    PATTERN("pattern", 4),
    /** Fill buffers with the pattern 0x00 -&gt; 0xff, continued across buffers. */
    PATTERN_SPAN("pattern-span", 5);

    private final String nick;
    private final int value;

    FakeSrcFillType(String nick, int value) {
        this.nick = nick;
        this.value = value;
    }

    @Override
    public String nick() {
        return nick;
    }

    @Override
    public int value() {
        return value;
    }
}
