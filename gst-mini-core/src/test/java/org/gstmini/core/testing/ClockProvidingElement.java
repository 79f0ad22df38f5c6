package org.gstmini.core.testing;

import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.clock.Clock;

/** An element that offers the pipeline a clock, as an audio sink offers its device clock. */
public final class ClockProvidingElement extends Element {
    private final Clock clock;

    public ClockProvidingElement(Clock clock) {
        this.clock = clock;
        setFlag(ElementFlag.PROVIDE_CLOCK, true);
    }

    @Override
    public Clock provideClock() {
        return clock;
    }
}
