package org.gstmini.base.sink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.gstmini.base.BaseSink;
import org.gstmini.core.Buffer;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.caps.Caps;

/**
 * A BaseSink for the tests: records what it is given in preroll and render, and can block in
 * render until {@link #unlock()} wakes it (as a sink writing to a device would).
 */
final class RecordingSink extends BaseSink {
    static final PadTemplate TEMPLATE = PadTemplate.sink(Caps.ANY);

    final List<Buffer> prerolled = new CopyOnWriteArrayList<>();
    final List<Buffer> rendered = new CopyOnWriteArrayList<>();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean blockInRender;
    private boolean unlocked;
    private boolean blockedInRender;

    RecordingSink(String name) {
        super(TEMPLATE);
        setName(name);
    }

    /** Makes render() block until unlock() is called (or this is switched off). */
    void setBlockInRender(boolean block) {
        lock.lock();
        try {
            blockInRender = block;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected boolean start() {
        calls.add("start");
        return true;
    }

    @Override
    protected boolean stop() {
        calls.add("stop");
        return true;
    }

    @Override
    protected FlowReturn preroll(Buffer buffer) {
        prerolled.add(buffer);
        signal();
        return FlowReturn.OK;
    }

    @Override
    protected FlowReturn render(Buffer buffer) {
        lock.lock();
        try {
            while (blockInRender && !unlocked) {
                blockedInRender = true;
                changed.signalAll();
                changed.awaitUninterruptibly();
            }
            blockedInRender = false;
            if (unlocked) {
                return FlowReturn.FLUSHING;
            }
        } finally {
            lock.unlock();
        }
        rendered.add(buffer);
        signal();
        return FlowReturn.OK;
    }

    @Override
    protected boolean unlock() {
        calls.add("unlock");
        lock.lock();
        try {
            unlocked = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return true;
    }

    @Override
    protected boolean unlockStop() {
        calls.add("unlockStop");
        lock.lock();
        try {
            unlocked = false;
        } finally {
            lock.unlock();
        }
        return true;
    }

    @Override
    protected boolean event(Event event) {
        events.add(event);
        signal();
        return super.event(event);
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean awaitRendered(int count) {
        return await(rendered::size, count);
    }

    boolean awaitPrerolled(int count) {
        return await(prerolled::size, count);
    }

    boolean awaitBlockedInRender() {
        return await(() -> blockedInRender ? 1 : 0, 1);
    }

    /** Waits (at most 20 s, a hang guard, not a timing assertion) until {@code value} reaches {@code count}. */
    private boolean await(IntSupplier value, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        lock.lock();
        try {
            while (value.getAsInt() < count) {
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
}
