package org.gstmini.plugins.good.videotestsrc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Message;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Query;
import org.gstmini.core.caps.Caps;

/**
 * A tiny sink for these tests (fakesink is written elsewhere): it accepts the caps it is given,
 * keeps the metadata of every buffer (not the bytes, so a free-running source cannot fill the
 * memory), records events, and posts EOS to its bin. It never syncs on the clock and never
 * prerolls asynchronously.
 */
final class RecordingSink extends Element {
    /** What the sink remembers of a buffer. */
    record Seen(long pts, long duration, long offset, long offsetEnd, int size, boolean discont) {
    }

    private final Pad sinkPad;
    private final Caps caps;
    private final List<Seen> buffers = new ArrayList<>();
    private final List<EventType> events = new ArrayList<>();

    RecordingSink(Caps caps) {
        this.caps = caps;
        setFlag(ElementFlag.SINK, true);
        sinkPad = new Pad("sink", PadTemplate.sink(Caps.ANY));
        sinkPad.setChainFunction((pad, parent, buffer) -> render(buffer));
        sinkPad.setEventFunction((pad, parent, event) -> event(event));
        sinkPad.setQueryFunction((pad, parent, query) -> {
            if (query instanceof Query.CapsQuery q) {
                q.setResult(q.filter() == null ? caps : q.filter().intersect(caps, Caps.IntersectMode.FIRST));
                return true;
            }
            return pad.queryDefault(query);
        });
        addPad(sinkPad);
    }

    private FlowReturn render(Buffer b) {
        synchronized (buffers) {
            buffers.add(new Seen(b.pts(), b.duration(), b.offset(), b.offsetEnd(), b.size(),
                    b.hasFlag(org.gstmini.core.BufferFlag.DISCONT)));
            buffers.notifyAll();
        }
        return FlowReturn.OK;
    }

    private boolean event(Event event) {
        synchronized (buffers) {
            events.add(event.type());
            buffers.notifyAll();
        }
        if (event.type() == EventType.EOS) {
            postMessage(new Message.Eos(this, event.seqnum()));
        }
        return true;
    }

    List<Seen> buffers() {
        synchronized (buffers) {
            return List.copyOf(buffers);
        }
    }

    List<EventType> events() {
        synchronized (buffers) {
            return List.copyOf(events);
        }
    }

    void clear() {
        synchronized (buffers) {
            buffers.clear();
            events.clear();
        }
    }

    /**
     * Waits until a recorded buffer matches (a guard against a hung test, not a timing check:
     * the limit is generous) and returns it, or null.
     */
    Seen await(java.util.function.Predicate<Seen> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (buffers) {
            int checked = 0;
            while (true) {
                for (; checked < buffers.size(); checked++) {
                    if (match.test(buffers.get(checked))) {
                        return buffers.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(buffers, left);
            }
        }
    }

    Pad sinkPad() {
        return sinkPad;
    }
}
