package org.gstmini.base.sink;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;

/**
 * A source with its own streaming task that pushes exactly what the test queues (buffers and
 * events), so a test decides when each item reaches the sink. Like BaseSrc, a live one pushes
 * only in PLAYING and answers NO_PREROLL, and on an EOS return it pushes an EOS event.
 */
final class ScriptedSrc extends Element {
    static final Caps CAPS = Caps.parse("test/x-data");

    private final Pad src = new Pad("src", PadTemplate.src(Caps.ANY));
    private final boolean live;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private boolean flushing = true;
    private boolean playing;

    final List<FlowReturn> returns = new CopyOnWriteArrayList<>();
    final List<Event> upstreamEvents = new CopyOnWriteArrayList<>();
    volatile long latencyMin;

    ScriptedSrc(String name, boolean live) {
        setName(name);
        this.live = live;
        setFlag(ElementFlag.SOURCE, true);
        src.setActivateModeFunction((pad, parent, mode, active) -> {
            if (active) {
                setFlushing(false);
                pad.startTask(this::loop);
            } else {
                setFlushing(true);
                pad.stopTask();
            }
            return true;
        });
        src.setEventFunction((pad, parent, event) -> {
            upstreamEvents.add(event);
            signal();
            return true;
        });
        src.setQueryFunction((pad, parent, query) -> {
            if (query instanceof Query.LatencyQuery q) {
                q.set(live, latencyMin, ClockTime.NONE);
                return true;
            }
            return pad.queryDefault(query);
        });
        addPad(src);
    }

    Pad srcPad() {
        return src;
    }

    /** Queues buffers and events; the task pushes them in order. */
    void queue(Object... objects) {
        lock.lock();
        try {
            for (Object o : objects) {
                items.addLast(o);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Queues STREAM_START, CAPS and a TIME SEGMENT. */
    void queueStreamStart() {
        queue(Event.streamStart(getName()), Event.caps(CAPS), Event.segment(new Segment(Format.TIME)));
    }

    private void setFlushing(boolean flush) {
        lock.lock();
        try {
            flushing = flush;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        Object item;
        lock.lock();
        try {
            while (!flushing && (items.isEmpty() || (live && !playing))) {
                changed.awaitUninterruptibly();
            }
            if (flushing) {
                return;
            }
            item = items.pollFirst();
        } finally {
            lock.unlock();
        }
        if (item instanceof Buffer b) {
            FlowReturn r = src.push(b);
            returns.add(r);
            signal();
            if (r == FlowReturn.EOS) {
                src.pushEvent(Event.eos());
            }
        } else if (item instanceof Event e) {
            src.pushEvent(e);
        }
    }

    /** Waits (hang guard of 20 s) until {@code count} pushes have returned. */
    boolean awaitReturns(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        lock.lock();
        try {
            while (returns.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        if (transition == StateChange.PAUSED_TO_PLAYING) {
            lock.lock();
            try {
                playing = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        StateChangeReturn ret = super.changeState(transition);
        switch (transition) {
            case READY_TO_PAUSED -> {
                if (ret == StateChangeReturn.SUCCESS && live) {
                    ret = StateChangeReturn.NO_PREROLL;
                }
            }
            case PLAYING_TO_PAUSED -> {
                lock.lock();
                try {
                    playing = false;
                } finally {
                    lock.unlock();
                }
                if (live) {
                    ret = StateChangeReturn.NO_PREROLL;
                }
            }
            case PAUSED_TO_READY -> {
                lock.lock();
                try {
                    items.clear(); // what was not pushed is forgotten, as after a real stop
                } finally {
                    lock.unlock();
                }
            }
            default -> {
            }
        }
        return ret;
    }
}
