package org.gstmini.core.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.gstmini.core.ClockTime;

/**
 * A clock whose time moves only when a test says so; mirrors GstTestClock
 * (libs/gst/check/gsttestclock.c).
 *
 * <h2>How a test drives it</h2>
 * Time changes only through {@link #setTime(long)} and {@link #advanceTime(long)}. A thread
 * that waits on one of this clock's ids does <em>not</em> return when the time is reached:
 * its id becomes <em>pending</em> and the thread stays blocked until the test releases it.
 * That makes every wait an explicit, deterministic step of the test — no sleeps, no races:
 *
 * <pre>{@code
 * TestClock clock = new TestClock();
 * element.setClock(clock);                          // the element waits in its own thread
 * ClockId pending = clock.waitForNextPendingId();   // 1. the element is now blocked
 * assertEquals(40 * ClockTime.MSECOND, pending.getTime());
 * clock.advanceTime(40 * ClockTime.MSECOND);        // 2. time reaches the target
 * assertSame(pending, clock.processNextClockId());  // 3. release it: its wait returns OK
 * // or, all three at once:
 * clock.crank();
 * }</pre>
 *
 * <p>A released wait returns {@link ClockReturn#OK} if the id's time was not yet reached
 * when the wait began, or {@link ClockReturn#EARLY} if it already had passed (the thread
 * was late); the jitter is {@code timeAtWait - idTime}. Unscheduling releases the waiter at
 * once with {@link ClockReturn#UNSCHEDULED}. Pending ids are kept sorted by time.
 */
public class TestClock extends Clock {
    /** One pending wait (GstClockEntryContext). */
    private static final class Pending {
        final ClockId id;
        /** Target minus clock time when the wait started; >= 0 means the wait was in time. */
        final long timeDiff;
        /** BUSY while the waiter must stay blocked; set to the wait's result on release. */
        ClockReturn status = ClockReturn.BUSY;

        Pending(ClockId id, long timeDiff) {
            this.id = id;
            this.timeDiff = timeDiff;
        }
    }

    /** Numbers the clocks' names, as GstObject does ("testclock0", "testclock1", ...). */
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition entryAdded = lock.newCondition();
    private final Condition entryProcessed = lock.newCondition();
    private final long startTime;
    private long internalTime;
    /** Pending waits, sorted by id time (gst_clock_id_compare_func). */
    private final List<Pending> pending = new ArrayList<>();

    /** A test clock at time 0 (gst_test_clock_new()). */
    public TestClock() {
        this(0);
    }

    /** A test clock at {@code startTime} (gst_test_clock_new_with_start_time()). */
    public TestClock(long startTime) {
        super("testclock" + COUNTER.getAndIncrement());
        if (!ClockTime.isValid(startTime) || startTime < 0) {
            throw new IllegalArgumentException("TestClock start time must be a valid time, got "
                    + startTime);
        }
        this.startTime = startTime;
        this.internalTime = startTime;
    }

    /** The time this clock was created with (the "start-time" property). */
    public long getStartTime() {
        return startTime;
    }

    @Override
    protected long internalTime() {
        lock.lock();
        try {
            return internalTime;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets the clock's time (gst_test_clock_set_time()). Time never goes backwards.
     *
     * @throws IllegalArgumentException if {@code newTime} is NONE or earlier than now
     */
    public void setTime(long newTime) {
        if (!ClockTime.isValid(newTime)) {
            throw new IllegalArgumentException(getName() + ": cannot set time to NONE");
        }
        lock.lock();
        try {
            setTimeLocked(newTime);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the clock's time forward by {@code delta} ns (gst_test_clock_advance_time()).
     *
     * @throws IllegalArgumentException if {@code delta} is negative
     */
    public void advanceTime(long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException(getName() + ": cannot advance time by a negative "
                    + "delta " + delta);
        }
        lock.lock();
        try {
            internalTime = Math.addExact(internalTime, delta);
        } finally {
            lock.unlock();
        }
    }

    /** The number of pending ids: threads blocked on this clock (gst_test_clock_peek_id_count()). */
    public int getPendingIdCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code id} is currently pending on this clock (gst_test_clock_has_id()). */
    public boolean hasId(ClockId id) {
        lock.lock();
        try {
            return find(id) != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The earliest pending id, or null if no thread is waiting
     * (gst_test_clock_peek_next_pending_id()).
     */
    public ClockId peekNextPendingId() {
        lock.lock();
        try {
            return pending.isEmpty() ? null : pending.get(0).id;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The time of the earliest pending id, or NONE if there is none
     * (gst_test_clock_get_next_entry_time()).
     */
    public long getNextEntryTime() {
        ClockId next = peekNextPendingId();
        return next == null ? ClockTime.NONE : next.getTime();
    }

    /**
     * Blocks until some thread is waiting on this clock, and returns the earliest pending id
     * (gst_test_clock_wait_for_next_pending_id()). There is no timeout: if nobody ever
     * waits, the test's own timeout must catch it.
     */
    public ClockId waitForNextPendingId() {
        lock.lock();
        try {
            return waitForNextPendingIdLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until at least {@code count} ids are pending and returns them, earliest first
     * (gst_test_clock_wait_for_multiple_pending_ids()).
     */
    public List<ClockId> waitForMultiplePendingIds(int count) {
        lock.lock();
        try {
            while (pending.size() < count) {
                entryAdded.awaitUninterruptibly();
            }
            return pendingIdsLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #waitForMultiplePendingIds(int)} but gives up after {@code timeoutMillis};
     * returns whether exactly {@code count} ids are pending
     * (gst_test_clock_timed_wait_for_multiple_pending_ids()).
     */
    public boolean waitForMultiplePendingIds(int count, long timeoutMillis) {
        lock.lock();
        try {
            long nanos = timeoutMillis * ClockTime.MSECOND;
            while (pending.size() < count && nanos > 0) {
                nanos = entryAdded.awaitNanos(nanos);
            }
            return pending.size() == count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases the earliest pending id whose time has been reached, and returns it; null if
     * none is due (gst_test_clock_process_next_clock_id()). Its waiter returns OK, or EARLY
     * if it started waiting after the id's time.
     */
    public ClockId processNextClockId() {
        lock.lock();
        try {
            return processNextLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases {@code id}, whatever the clock's time (gst_test_clock_process_id()).
     *
     * @throws IllegalArgumentException if {@code id} is not pending
     */
    public void processId(ClockId id) {
        lock.lock();
        try {
            Pending p = find(id);
            if (p == null) {
                throw new IllegalArgumentException(getName() + ": " + id + " is not pending");
            }
            process(p);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases each pending id of {@code ids}, whatever the clock's time; returns how many
     * were pending (gst_test_clock_process_id_list()).
     */
    public int processIdList(List<ClockId> ids) {
        lock.lock();
        try {
            int n = 0;
            for (ClockId id : ids) {
                Pending p = find(id);
                if (p != null) {
                    process(p);
                    n++;
                }
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /**
     * One logical step of the clock (gst_test_clock_crank()): wait until an id is pending,
     * advance the time to that id's time if it is in the future, and release it.
     *
     * @return true (GStreamer's crank always succeeds once an id is pending)
     */
    public boolean crank() {
        lock.lock();
        try {
            ClockId next = waitForNextPendingIdLocked();
            if (next.getTime() > internalTime) {
                setTimeLocked(next.getTime());
            }
            ClockId released = processNextLocked();
            assert released == next : "crank released " + released + " instead of " + next;
            return true;
        } finally {
            lock.unlock();
        }
    }

    // ---- Clock implementation (gst_test_clock_wait / gst_test_clock_unschedule) ----

    @Override
    protected ClockWaitResult waitUntil(ClockId id, long target) {
        lock.lock();
        try {
            if (id.isUnscheduled()) {
                return new ClockWaitResult(ClockReturn.UNSCHEDULED, 0);
            }
            long now = internalTime;
            Pending p = find(id);
            if (p == null) {
                p = new Pending(id, target - now);
                insertSorted(p);
                entryAdded.signalAll();
            }
            while (p.status == ClockReturn.BUSY) {
                entryProcessed.awaitUninterruptibly();
            }
            return new ClockWaitResult(p.status, now - target);
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void wakeUp(ClockId id, Thread waiter) {
        lock.lock();
        try {
            Pending p = find(id);
            if (p != null) {
                p.status = ClockReturn.UNSCHEDULED;
                pending.remove(p);
                entryProcessed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- helpers, all called with the lock held ----

    private void setTimeLocked(long newTime) {
        if (newTime < internalTime) {
            throw new IllegalArgumentException(getName() + ": time must not go backwards: "
                    + ClockTime.format(newTime) + " < " + ClockTime.format(internalTime));
        }
        internalTime = newTime;
    }

    private ClockId waitForNextPendingIdLocked() {
        while (pending.isEmpty()) {
            entryAdded.awaitUninterruptibly();
        }
        return pending.get(0).id;
    }

    private ClockId processNextLocked() {
        for (Pending p : pending) {
            if (internalTime >= p.id.getTime()) {
                process(p);
                return p.id;
            }
        }
        return null;
    }

    /** Releases one pending wait (process_entry_context_unlocked()). */
    private void process(Pending p) {
        p.status = p.timeDiff >= 0 ? ClockReturn.OK : ClockReturn.EARLY;
        pending.remove(p);
        if (p.id.isPeriodic()) {
            // visible to the test at once; waitId() sets the same value when the waiter returns
            p.id.setTime(p.id.getTime() + p.id.getInterval());
        }
        entryProcessed.signalAll();
    }

    private Pending find(ClockId id) {
        for (Pending p : pending) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }

    /** Inserts before the first pending id that is not earlier (like g_list_insert_sorted). */
    private void insertSorted(Pending p) {
        int i = 0;
        while (i < pending.size() && pending.get(i).id.getTime() < p.id.getTime()) {
            i++;
        }
        pending.add(i, p);
    }

    private List<ClockId> pendingIdsLocked() {
        List<ClockId> ids = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            ids.add(p.id);
        }
        return ids;
    }
}
