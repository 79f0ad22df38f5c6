package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Property;

/** How {@link FakeSrc} allocates its buffers ({@code GstFakeSrcDataType}, property "data"). */
public enum FakeSrcDataType {
    /** A new array for every buffer. */
    @Property.Nick(value = 1, nick = "allocate", description = "Allocate data")
    ALLOCATE,
    /** Slices of a shared parent array of "parentsize" bytes. */
    @Property.Nick(value = 2, nick = "subbuffer", description = "Subbuffer data")
    SUBBUFFER
}
