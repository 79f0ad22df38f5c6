package org.gstmini.plugins.good.coreelements;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntToLongFunction;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.Pad;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;

/**
 * Small source and sink elements for the queue and tee tests (they must not depend on
 * fakesrc/fakesink): a {@link Feeder} the test pushes through by hand, a {@link LoopSource}
 * with a task of its own, and a {@link Collector} sink that records what arrives, on which
 * thread, and can be slowed down or blocked like a sink waiting for its clock.
 */
final class QueueTestElements {
    /** The hang guard of every wait in these tests; reaching it fails the test, it never times a result. */
    static final long HANG_GUARD_SECONDS = 20;
    static final Caps DATA_CAPS = Caps.parse("test/x-data");
    static final long INTERVAL = 10 * ClockTime.MSECOND;

    private QueueTestElements() {
    }

    /** Buffer number {@code index}: 4 bytes holding the index, pts index * 10 ms, duration 10 ms. */
    static Buffer numbered(int index) {
        return numbered(index, 4);
    }

    /** Like {@link #numbered(int)} with {@code size} bytes (at least 4). */
    static Buffer numbered(int index, int size) {
        ByteBuffer bb = ByteBuffer.allocate(Math.max(4, size));
        bb.putInt(0, index);
        return Buffer.of(bb).withTimestamps(index * INTERVAL, ClockTime.NONE, INTERVAL);
    }

    static int indexOf(Buffer buffer) {
        return buffer.payload().getInt(0);
    }

    /** Waits until {@code condition} holds; false when the hang guard runs out. */
    static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return true;
    }

    /** Names of live threads that start with {@code prefix} (streaming threads are "element:pad"). */
    static List<String> liveThreads(String prefix) {
        List<String> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(prefix)) {
                out.add(t.getName());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- Feeder

    /**
     * A source without a thread: the test (or a producer thread it starts) calls
     * {@link #push(Buffer)}, which runs downstream on the caller's thread. Answers CAPS and
     * LATENCY queries with what the test configures, and records upstream events.
     */
    static final class Feeder extends Element {
        final Pad src = new Pad("src", PadTemplate.src(Caps.ANY));
        final List<Event> upstreamEvents = new ArrayList<>();
        volatile Caps caps = DATA_CAPS;
        volatile boolean live;
        volatile long latencyMin;
        volatile long latencyMax = ClockTime.NONE;

        Feeder() {
            setFlag(ElementFlag.SOURCE, true);
            src.setEventFunction((pad, parent, event) -> {
                synchronized (upstreamEvents) {
                    upstreamEvents.add(event);
                }
                return true;
            });
            src.setQueryFunction((pad, parent, query) -> {
                if (query instanceof Query.LatencyQuery q) {
                    q.set(live, latencyMin, latencyMax);
                    return true;
                }
                if (query instanceof Query.CapsQuery q) {
                    q.setResult(q.filter() == null ? caps : q.filter().intersect(caps));
                    return true;
                }
                return pad.queryDefault(query);
            });
            addPad(src);
        }

        /** Sends STREAM_START, CAPS and a TIME SEGMENT. */
        void begin() {
            src.pushEvent(Event.streamStart(getName() + "-stream"));
            src.pushEvent(Event.caps(DATA_CAPS));
            segment();
        }

        void segment() {
            src.pushEvent(Event.segment(new Segment(Format.TIME)));
        }

        FlowReturn push(Buffer buffer) {
            return src.push(buffer);
        }

        boolean event(Event event) {
            return src.pushEvent(event);
        }

        List<Event> upstreamEvents() {
            synchronized (upstreamEvents) {
                return List.copyOf(upstreamEvents);
            }
        }
    }

    // ---------------------------------------------------------------- LoopSource

    /**
     * A source with its own task ("name:src"): STREAM_START, CAPS, SEGMENT, then numbered
     * buffers ({@code count} of them, or forever when negative), then EOS. Before buffer
     * {@code i} it sleeps {@code pauseNanos(i)}. Pauses on any non-OK return, posting an ERROR
     * for fatal ones, as a source does.
     */
    static final class LoopSource extends Element {
        final Pad src = new Pad("src", PadTemplate.src(Caps.ANY));
        private final int count;
        private final IntToLongFunction pauseNanos;
        private final List<FlowReturn> returns = new ArrayList<>();
        private boolean started;
        private int produced;
        volatile int pushed;

        LoopSource(int count, IntToLongFunction pauseNanos) {
            this.count = count;
            this.pauseNanos = pauseNanos;
            setFlag(ElementFlag.SOURCE, true);
            src.setActivateModeFunction((pad, parent, mode, active) -> {
                if (active) {
                    pad.startTask(this::loop);
                } else {
                    pad.stopTask();
                }
                return true;
            });
            addPad(src);
        }

        @Override
        protected StateChangeReturn changeState(StateChange transition) {
            if (transition == StateChange.READY_TO_PAUSED) {
                started = false;
                produced = 0;
            }
            return super.changeState(transition);
        }

        /** What the loop threw, if anything (the task logs it and pauses; tests want to see it). */
        volatile Throwable failure;

        private void loop() {
            try {
                loopOnce();
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
        }

        private void loopOnce() {
            if (!started) {
                src.pushEvent(Event.streamStart(getName() + "-stream"));
                src.pushEvent(Event.caps(DATA_CAPS));
                src.pushEvent(Event.segment(new Segment(Format.TIME)));
                started = true;
            }
            if (count >= 0 && produced >= count) {
                src.pushEvent(Event.eos());
                src.pauseTask();
                return;
            }
            long pause = pauseNanos.applyAsLong(produced);
            if (pause > 0) {
                LockSupport.parkNanos(pause);
            }
            FlowReturn ret = src.push(numbered(produced));
            produced++;
            synchronized (returns) {
                returns.add(ret);
            }
            pushed = produced;
            if (ret != FlowReturn.OK) {
                src.pauseTask();
                if (ret.isFatal()) {
                    postError(ErrorCode.STREAM_FAILED, "Internal data stream error.", "streaming stopped, reason " + ret.nick());
                    src.pushEvent(Event.eos());
                }
            }
        }

        List<FlowReturn> returns() {
            synchronized (returns) {
                return List.copyOf(returns);
            }
        }
    }

    // ---------------------------------------------------------------- Collector

    /**
     * A sink that records buffers and events in arrival order with the thread they came on. It
     * can sleep before taking each buffer ({@link #delays}), be blocked ({@link #block()}) like
     * a sink waiting for its clock (FLUSH_START and deactivation unblock it, returning
     * FLUSHING), answer CAPS queries with configured caps, and return a configured FlowReturn.
     */
    static final class Collector extends Element {
        final Pad sink = new Pad("sink", PadTemplate.sink(Caps.ANY));
        private final Object lock = new Object();
        private final List<Object> items = new ArrayList<>();
        private final List<Buffer> buffers = new ArrayList<>();
        private final List<String> threads = new ArrayList<>();
        private boolean blocked;
        private boolean waiting;
        private boolean flushing;
        volatile IntToLongFunction delays = i -> 0;
        volatile FlowReturn returnValue = FlowReturn.OK;
        volatile Caps caps = Caps.ANY;

        Collector() {
            setFlag(ElementFlag.SINK, true);
            sink.setChainFunction((pad, parent, buffer) -> render(buffer));
            sink.setEventFunction((pad, parent, event) -> event(event));
            sink.setActivateModeFunction((pad, parent, mode, active) -> {
                synchronized (lock) {
                    flushing = !active;
                    lock.notifyAll();
                }
                return mode == PadMode.PUSH;
            });
            sink.setQueryFunction((pad, parent, query) -> {
                if (query instanceof Query.CapsQuery q) {
                    Caps c = caps;
                    q.setResult(q.filter() == null ? c : q.filter().intersect(c));
                    return true;
                }
                return pad.queryDefault(query);
            });
            addPad(sink);
        }

        private FlowReturn render(Buffer buffer) {
            int n;
            synchronized (lock) {
                n = buffers.size();
                while (blocked && !flushing) {
                    waiting = true;
                    lock.notifyAll();
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return FlowReturn.FLUSHING;
                    } finally {
                        waiting = false;
                    }
                }
                if (flushing) {
                    return FlowReturn.FLUSHING;
                }
            }
            long delay = delays.applyAsLong(n);
            if (delay > 0) {
                LockSupport.parkNanos(delay);
            }
            FlowReturn ret = returnValue;
            synchronized (lock) {
                items.add(buffer);
                buffers.add(buffer);
                threads.add(Thread.currentThread().getName());
                lock.notifyAll();
            }
            return ret;
        }

        private boolean event(Event event) {
            synchronized (lock) {
                if (event.type() == EventType.FLUSH_START) {
                    flushing = true;
                } else if (event.type() == EventType.FLUSH_STOP) {
                    flushing = false;
                }
                items.add(event);
                threads.add(Thread.currentThread().getName());
                lock.notifyAll();
            }
            if (event.type() == EventType.EOS) {
                postMessage(new Message.Eos(this, event.seqnum()));
            }
            return true;
        }

        void block() {
            synchronized (lock) {
                blocked = true;
            }
        }

        void unblock() {
            synchronized (lock) {
                blocked = false;
                lock.notifyAll();
            }
        }

        /** Waits until a streaming thread is blocked in the chain function. */
        boolean awaitWaiting() {
            return await(() -> {
                synchronized (lock) {
                    return waiting;
                }
            });
        }

        boolean awaitBuffers(int n) {
            return await(() -> bufferCount() >= n);
        }

        boolean awaitEvent(EventType type) {
            return await(() -> events().stream().anyMatch(e -> e.type() == type));
        }

        int bufferCount() {
            synchronized (lock) {
                return buffers.size();
            }
        }

        List<Buffer> buffers() {
            synchronized (lock) {
                return List.copyOf(buffers);
            }
        }

        List<Integer> indexes() {
            return buffers().stream().map(QueueTestElements::indexOf).toList();
        }

        List<Event> events() {
            synchronized (lock) {
                return items.stream().filter(o -> o instanceof Event).map(o -> (Event) o).toList();
            }
        }

        List<EventType> eventTypes() {
            return events().stream().map(Event::type).toList();
        }

        /** Buffers and events in arrival order. */
        List<Object> items() {
            synchronized (lock) {
                return List.copyOf(items);
            }
        }

        List<String> threads() {
            synchronized (lock) {
                return List.copyOf(threads);
            }
        }
    }
}
