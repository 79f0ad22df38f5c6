package org.gstmini.core.check;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.ClockId;
import org.gstmini.core.clock.ClockReturn;
import org.gstmini.core.clock.ClockWaitResult;

/**
 * A tiny synchronising element for the harness tests: its chain function waits on the element's
 * clock until {@code pts + base time}, then pushes the buffer on, as a sink with sync=true
 * would before rendering. Deactivating its sink pad (flush, state change) unschedules the wait.
 */
final class ClockWaitElement extends Element {
    private final Pad sink = new Pad("sink", PadTemplate.sink(Caps.ANY));
    private final Pad src = new Pad("src", PadTemplate.src(Caps.ANY));
    private final Object waitLock = new Object();
    private ClockId current;
    private boolean flushing;
    private final List<ClockReturn> results = new CopyOnWriteArrayList<>();

    ClockWaitElement() {
        sink.setProxyCaps(true);
        src.setProxyCaps(true);
        sink.setChainFunction((pad, parent, buffer) -> chain(buffer));
        sink.setActivateModeFunction((pad, parent, mode, active) -> {
            synchronized (waitLock) {
                flushing = !active;
                if (!active && current != null) {
                    current.unschedule();
                }
            }
            return true;
        });
        addPad(sink);
        addPad(src);
    }

    private FlowReturn chain(Buffer buffer) {
        Clock clock = getClock();
        if (clock != null && ClockTime.isValid(buffer.pts())) {
            ClockId id;
            synchronized (waitLock) {
                if (flushing) {
                    return FlowReturn.FLUSHING;
                }
                id = clock.newSingleShotId(buffer.pts() + getBaseTime());
                current = id;
            }
            ClockWaitResult r = id.waitFor();
            synchronized (waitLock) {
                current = null;
            }
            results.add(r.ret());
            if (r.ret() == ClockReturn.UNSCHEDULED) {
                return FlowReturn.FLUSHING;
            }
        }
        return src.push(buffer);
    }

    /** What each clock wait returned, in order. */
    List<ClockReturn> results() {
        return List.copyOf(results);
    }
}
