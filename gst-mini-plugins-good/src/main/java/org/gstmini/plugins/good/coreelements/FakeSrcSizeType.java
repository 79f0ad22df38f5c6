package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/** How {@link FakeSrc} sizes its buffers ({@code GstFakeSrcSizeType}, property "sizetype"). */
public enum FakeSrcSizeType implements Property.EnumValue {
    /** Send empty buffers. */
    EMPTY("empty", 1),
    /** Fixed size buffers (sizemax sized). */
    FIXED("fixed", 2),
    /** Random sized buffers (sizemin &lt;= size &lt;= sizemax). */
    RANDOM("random", 3);

    private final String nick;
    private final int value;

    FakeSrcSizeType(String nick, int value) {
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
