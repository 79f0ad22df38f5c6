package org.gstmini.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Message;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.State;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;

/**
 * A minimal sink for core tests: records every buffer and event, posts EOS and STREAM_START
 * messages, and with {@code async=true} behaves like a prerolling sink towards its bin: it
 * returns ASYNC on READY→PAUSED and completes the state change on its first buffer or EOS.
 * It does not block in preroll (BaseSink does that).
 */
public final class TestSink extends Element {
    public static final Property<Boolean> ASYNC = Property.ofBoolean("async", "Go to PAUSED asynchronously", false);
    public static final Property<Caps> CAPS = Property.ofCaps("caps", "Caps accepted", Caps.ANY);

    private final Pad sink = new Pad("sink", PadTemplate.sink(Caps.ANY));
    private final List<Buffer> buffers = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private volatile boolean prerollPending;

    public TestSink() {
        installProperty(ASYNC, CAPS);
        setFlag(ElementFlag.SINK, true);
        sink.setChainFunction((pad, parent, buffer) -> render(buffer));
        sink.setEventFunction((pad, parent, event) -> event(event));
        sink.setQueryFunction((pad, parent, query) -> {
            if (query instanceof org.gstmini.core.Query.CapsQuery q) {
                Caps c = get(CAPS);
                q.setResult(q.filter() == null ? c : q.filter().intersect(c));
                return true;
            }
            return pad.queryDefault(query);
        });
        addPad(sink);
    }

    public Pad sinkPad() {
        return sink;
    }

    private FlowReturn render(Buffer buffer) {
        synchronized (buffers) {
            buffers.add(buffer);
            buffers.notifyAll();
        }
        prerolled();
        return FlowReturn.OK;
    }

    private boolean event(Event event) {
        synchronized (buffers) {
            events.add(event);
            buffers.notifyAll();
        }
        if (event.type() == EventType.STREAM_START) {
            postMessage(new Message.StreamStart(this));
        } else if (event.type() == EventType.EOS) {
            prerolled();
            postMessage(new Message.Eos(this, event.seqnum()));
        }
        return true;
    }

    /** The first data completes an ASYNC READY→PAUSED, like BaseSink's commit after preroll. */
    private void prerolled() {
        if (prerollPending) {
            prerollPending = false;
            continueState(StateChangeReturn.SUCCESS);
            postMessage(new Message.AsyncDone(this, org.gstmini.core.ClockTime.NONE));
        }
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        StateChangeReturn ret = super.changeState(transition);
        if (transition == StateChange.READY_TO_PAUSED && get(ASYNC) && ret == StateChangeReturn.SUCCESS) {
            prerollPending = true;
            postMessage(new Message.AsyncStart(this));
            return StateChangeReturn.ASYNC;
        }
        if (transition == StateChange.PAUSED_TO_READY) {
            prerollPending = false;
        }
        return ret;
    }

    /** Buffers received so far, in order. */
    public List<Buffer> buffers() {
        synchronized (buffers) {
            return List.copyOf(buffers);
        }
    }

    /** Events received so far, in order. */
    public List<Event> events() {
        synchronized (buffers) {
            return List.copyOf(events);
        }
    }

    /** Waits up to {@code millis} for {@code count} buffers; returns how many arrived. */
    public int awaitBuffers(int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (buffers) {
            while (buffers.size() < count) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                buffers.wait(left);
            }
            return buffers.size();
        }
    }

    /** True when the sink is still waiting for its first data in an ASYNC state change. */
    public boolean isPrerollPending() {
        return prerollPending && getPendingState() != State.VOID_PENDING;
    }
}
