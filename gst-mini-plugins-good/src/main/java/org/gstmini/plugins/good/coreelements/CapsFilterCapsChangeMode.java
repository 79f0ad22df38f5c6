package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/**
 * What {@link CapsFilter} does when its {@code caps} property changes while data flows; mirrors
 * {@code GstCapsFilterCapsChangeMode} (plugins/elements/gstcapsfilter.h).
 */
public enum CapsFilterCapsChangeMode implements Property.EnumValue {
    /** Only accept the current filter caps: upstream must renegotiate at once. */
    IMMEDIATE("immediate", 0),
    /** Temporarily accept previous filter caps, until upstream has renegotiated. */
    DELAYED("delayed", 1);

    private final String nick;
    private final int value;

    CapsFilterCapsChangeMode(String nick, int value) {
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
