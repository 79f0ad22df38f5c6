package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/** How {@link FakeSrc} sizes its buffers ({@code GstFakeSrcSizeType}, property "sizetype"). */
public enum FakeSrcSizeType {
    @Property.Nick(value = 1, nick = "empty", description = "Send empty buffers")
    EMPTY,
    @Property.Nick(value = 2, nick = "fixed", description = "Fixed size buffers (sizemax sized)")
    FIXED,
    @Property.Nick(value = 3, nick = "random", description = "Random sized buffers (sizemin <= size <= sizemax)")
    RANDOM
}
