package org.gstmini.base.src;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Message;
import org.gstmini.core.Pad;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Query;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;

/**
 * A sink for BaseSrc tests: records buffers and events in arrival order, posts EOS, can
 * restrict its caps (also after linking), can block in its chain function like a sink waiting
 * for its clock (woken by FLUSH_START, deactivation or {@link #release()}), and can activate its
 * pad in PULL mode instead of PUSH. Never ASYNC: state changes complete at once.
 */
final class RecordingSink extends Element {
    /** One thing that arrived: a buffer or an event. */
    record Item(Buffer buffer, Event event) {
        boolean isBuffer() {
            return buffer != null;
        }
    }

    private final Pad sink = new Pad("sink", PadTemplate.sink(Caps.ANY));
    private final List<Item> items = new ArrayList<>();
    private volatile Caps restriction = Caps.ANY;
    private volatile boolean pullMode;
    private int blockAfter = -1;
    private int sinceFlush;
    private boolean released;

    RecordingSink(String name) {
        setName(name);
        setFlag(ElementFlag.SINK, true);
        sink.setChainFunction((pad, parent, buffer) -> chain(buffer));
        sink.setEventFunction((pad, parent, event) -> event(event));
        sink.setQueryFunction((pad, parent, query) -> {
            if (query instanceof Query.CapsQuery q) {
                Caps c = restriction;
                q.setResult(q.filter() == null ? c : q.filter().intersect(c));
                return true;
            }
            return pad.queryDefault(query);
        });
        sink.setActivateModeFunction((pad, parent, mode, active) -> {
            synchronized (items) {
                items.notifyAll(); // a chain blocked in the gate sees the pad flushing
            }
            return true;
        });
        addPad(sink);
    }

    Pad pad() {
        return sink;
    }

    /** Caps this sink accepts from now on (the CAPS query and ACCEPT_CAPS). */
    void restrictCaps(Caps caps) {
        restriction = caps;
    }

    /** Activate the sink pad in PULL mode on READY→PAUSED. */
    void usePullMode() {
        pullMode = true;
    }

    /** Block in chain once {@code n} buffers arrived since the last flush (-1: never). */
    void blockAfter(int n) {
        synchronized (items) {
            blockAfter = n;
            released = false;
            items.notifyAll();
        }
    }

    /** Let a blocked chain return OK and stop blocking. */
    void release() {
        synchronized (items) {
            released = true;
            blockAfter = -1;
            items.notifyAll();
        }
    }

    private FlowReturn chain(Buffer buffer) {
        synchronized (items) {
            items.add(new Item(buffer, null));
            sinceFlush++;
            items.notifyAll();
            while (blockAfter >= 0 && sinceFlush >= blockAfter && !released && !sink.isFlushing()) {
                try {
                    items.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return FlowReturn.FLUSHING;
                }
            }
            return sink.isFlushing() ? FlowReturn.FLUSHING : FlowReturn.OK;
        }
    }

    private boolean event(Event event) {
        synchronized (items) {
            items.add(new Item(null, event));
            if (event.type() == EventType.FLUSH_STOP) {
                sinceFlush = 0;
            }
            items.notifyAll();
        }
        if (event.type() == EventType.EOS) {
            postMessage(new Message.Eos(this, event.seqnum()));
        }
        return true;
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        if (transition == StateChange.READY_TO_PAUSED && pullMode && !sink.activateMode(PadMode.PULL, true)) {
            return StateChangeReturn.FAILURE;
        }
        if (transition == StateChange.READY_TO_PAUSED) {
            synchronized (items) {
                sinceFlush = 0;
            }
        }
        return super.changeState(transition);
    }

    List<Item> items() {
        synchronized (items) {
            return List.copyOf(items);
        }
    }

    List<Buffer> buffers() {
        return items().stream().filter(Item::isBuffer).map(Item::buffer).toList();
    }

    List<Event> events() {
        return items().stream().filter(i -> !i.isBuffer()).map(Item::event).toList();
    }

    void clear() {
        synchronized (items) {
            items.clear();
        }
    }

    /** Waits (hang guard: 10 s) until the recorded items satisfy {@code condition}. */
    List<Item> await(Predicate<List<Item>> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        synchronized (items) {
            while (!condition.test(items)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError(getName() + ": condition not met within 10 s; got " + items);
                }
                items.wait(left);
            }
            return List.copyOf(items);
        }
    }

    /** Waits until at least {@code n} buffers arrived. */
    List<Buffer> awaitBuffers(int n) throws InterruptedException {
        await(list -> list.stream().filter(Item::isBuffer).count() >= n);
        return buffers();
    }

    /** Waits until an event of {@code type} arrived. */
    void awaitEvent(EventType type) throws InterruptedException {
        await(list -> list.stream().anyMatch(i -> !i.isBuffer() && i.event().type() == type));
    }
}
