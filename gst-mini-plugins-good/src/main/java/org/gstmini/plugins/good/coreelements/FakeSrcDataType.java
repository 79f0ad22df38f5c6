package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/** How {@link FakeSrc} allocates its buffers ({@code GstFakeSrcDataType}, property "data"). */
public enum FakeSrcDataType implements Property.EnumValue {
    /** A new array for every buffer. */
    ALLOCATE("allocate", 1),
    /** Slices of a shared parent array of "parentsize" bytes. */
    SUBBUFFER("subbuffer", 2);

    private final String nick;
    private final int value;

    FakeSrcDataType(String nick, int value) {
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
