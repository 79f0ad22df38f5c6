package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/**
 * What {@link CapsFilter} does when its {@code caps} property changes while data flows; mirrors
 * {@code GstCapsFilterCapsChangeMode} (plugins/elements/gstcapsfilter.h).
 */
public enum CapsFilterCapsChangeMode {
    /** Only accept the current filter caps: upstream must renegotiate at once. */
    @Property.Nick(value = 0, nick = "immediate", description = "Only accept the current filter caps")
    IMMEDIATE,
    /** Temporarily accept previous filter caps, until upstream has renegotiated. */
    @Property.Nick(value = 1, nick = "delayed", description = "Temporarily accept previous filter caps")
    DELAYED
}
