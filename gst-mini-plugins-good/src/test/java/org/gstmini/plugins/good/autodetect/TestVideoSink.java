package org.gstmini.plugins.good.autodetect;

import java.util.concurrent.atomic.AtomicInteger;
import org.gstmini.base.BaseSink;
import org.gstmini.core.Buffer;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Rank;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;

/**
 * Video sinks for the autovideosink tests, registered only in a test's own registry: one that
 * opens, one that cannot open its "display" and says why with an ERROR (as a window sink on a
 * headless machine), one that fails without a word.
 */
final class TestVideoSink extends BaseSink {
    /** What happens at NULL→READY. */
    enum Opening {
        WORKS, FAILS_WITH_ERROR, FAILS_SILENTLY
    }

    static final String ERROR_TEXT = "Could not open the test display.";

    private final Opening opening;
    final AtomicInteger rendered = new AtomicInteger();

    private TestVideoSink(String caps, Opening opening) {
        super(PadTemplate.sink(Caps.parse(caps)));
        this.opening = opening;
    }

    /** A Sink/Video factory of this rank whose sink pad takes {@code caps}. */
    static ElementFactory factory(String name, Rank rank, String caps, Opening opening) {
        return ElementFactory.builder(name, () -> new TestVideoSink(caps, opening)).klass("Sink/Video")
                .rank(rank).padTemplate(PadTemplate.sink(Caps.parse(caps))).build();
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        if (transition == StateChange.NULL_TO_READY && opening != Opening.WORKS) {
            if (opening == Opening.FAILS_WITH_ERROR) {
                postError(ErrorCode.RESOURCE_OPEN_WRITE, ERROR_TEXT, "DISPLAY is not set (" + getName() + ")");
                // then the generic one, as BaseSink posts after a failed start()
                postError(ErrorCode.CORE_STATE_CHANGE, null, "Failed to start");
            }
            return StateChangeReturn.FAILURE;
        }
        return super.changeState(transition);
    }

    @Override
    protected FlowReturn render(Buffer buffer) {
        rendered.incrementAndGet();
        return FlowReturn.OK;
    }
}
