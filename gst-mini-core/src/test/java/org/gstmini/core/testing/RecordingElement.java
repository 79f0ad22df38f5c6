package org.gstmini.core.testing;

import java.util.List;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;

/**
 * Writes {@code "name:TRANSITION"} into a shared log for every state change it is asked to make,
 * so a test can see the order in which a bin visits its children. It may have a sink pad, a
 * source pad or both (buffers are passed on), and can be told to fail one transition.
 */
public final class RecordingElement extends Element {
    private final List<String> log;
    private volatile StateChange failOn;

    /**
     * @param log     a thread-safe list shared by the elements of one test
     * @param sinkPad whether to give the element a "sink" pad (without a source pad: a sink)
     * @param srcPad  whether to give the element a "src" pad (without a sink pad: a source)
     */
    public RecordingElement(String name, List<String> log, boolean sinkPad, boolean srcPad) {
        setName(name);
        this.log = log;
        Pad src = srcPad ? new Pad("src", PadTemplate.src(Caps.ANY)) : null;
        if (sinkPad) {
            Pad sink = new Pad("sink", PadTemplate.sink(Caps.ANY));
            sink.setChainFunction((pad, parent, buffer) -> src != null ? src.push(buffer) : FlowReturn.OK);
            addPad(sink);
            if (src == null) {
                setFlag(ElementFlag.SINK, true);
            }
        }
        if (src != null) {
            addPad(src);
            if (!sinkPad) {
                setFlag(ElementFlag.SOURCE, true);
            }
        }
    }

    /** Makes {@code transition} return FAILURE (after logging it). */
    public RecordingElement failOn(StateChange transition) {
        this.failOn = transition;
        return this;
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        log.add(getName() + ":" + transition.name());
        if (transition == failOn) {
            return StateChangeReturn.FAILURE;
        }
        return super.changeState(transition);
    }
}
