package org.gstmini.core.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gstmini.core.ClockTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour of {@link SystemClock}. No test asserts how accurately a wait wakes up (that is
 * measured, not unit-tested); bounds below only catch a wait that hangs.
 */
@Timeout(10)
class SystemClockTest {

    private final SystemClock clock = SystemClock.obtain();

    /** Runs {@code id.waitFor()} on a new thread. */
    private static CompletableFuture<ClockWaitResult> waitInThread(ClockId id, Thread[] thread) {
        CompletableFuture<ClockWaitResult> f = new CompletableFuture<>();
        Thread t = new Thread(() -> f.complete(id.waitFor()), "waiter");
        t.setDaemon(true);
        thread[0] = t;
        t.start();
        return f;
    }

    /** Waits until {@code t} is parked (inside the clock wait). */
    private static void awaitBlocked(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.TIMED_WAITING && t.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }

    @Test
    void obtainReturnsOneSharedClock() {
        assertSame(SystemClock.obtain(), SystemClock.obtain());
        assertEquals("GstSystemClock", clock.getName());
    }

    @Test
    void timeIsMonotonic() {
        long last = clock.getTime();
        for (int i = 0; i < 10_000; i++) {
            long now = clock.getTime();
            assertTrue(now >= last);
            last = now;
        }
    }

    @Test
    void waitForAFutureTimeReturnsOkOnceTheTimeIsReached() {
        long target = clock.getTime() + 20 * ClockTime.MSECOND;
        ClockWaitResult r = clock.newSingleShotId(target).waitFor();
        assertEquals(ClockReturn.OK, r.ret());
        assertTrue(clock.getTime() >= target - SystemClock.MIN_WAIT_NS, "returned before the target");
        // jitter = time at the call - target: we were early by up to 20 ms
        assertTrue(r.jitter() < 0 && r.jitter() >= -20 * ClockTime.MSECOND, "jitter " + r.jitter());
    }

    @Test
    void waitForAPastTimeReturnsEarlyWithPositiveJitter() {
        long target = clock.getTime() - 5 * ClockTime.MSECOND;
        ClockWaitResult r = clock.newSingleShotId(target).waitFor();
        assertEquals(ClockReturn.EARLY, r.ret());
        assertTrue(r.jitter() >= 5 * ClockTime.MSECOND, "late by at least 5 ms: " + r.jitter());
    }

    @Test
    void waitForNoneIsBadTime() {
        assertEquals(new ClockWaitResult(ClockReturn.BADTIME, 0),
                clock.newSingleShotId(ClockTime.NONE).waitFor());
    }

    @Test
    void unscheduleWakesABlockedWaiterAtOnce() throws Exception {
        ClockId id = clock.newSingleShotId(clock.getTime() + 60 * ClockTime.SECOND);
        Thread[] t = new Thread[1];
        CompletableFuture<ClockWaitResult> result = waitInThread(id, t);
        awaitBlocked(t[0]);
        long before = System.nanoTime();
        id.unschedule();
        ClockWaitResult r = result.get(2, TimeUnit.SECONDS);
        long took = System.nanoTime() - before;
        assertEquals(ClockReturn.UNSCHEDULED, r.ret());
        assertTrue(took < 2 * ClockTime.SECOND, "unschedule took " + ClockTime.format(took));
        assertTrue(id.isUnscheduled());
    }

    @Test
    void anInterruptDoesNotEndTheWaitButIsKept() {
        Thread.currentThread().interrupt();
        try {
            long target = clock.getTime() + 20 * ClockTime.MSECOND;
            assertEquals(ClockReturn.OK, clock.newSingleShotId(target).waitFor().ret());
            assertTrue(clock.getTime() >= target - SystemClock.MIN_WAIT_NS, "returned before the target");
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status restored");
        } finally {
            Thread.interrupted(); // leave the test thread clean
        }
    }

    @Test
    void anUnscheduledIdStaysUnscheduled() {
        ClockId id = clock.newSingleShotId(clock.getTime() + 60 * ClockTime.SECOND);
        id.unschedule();
        id.unschedule(); // harmless twice
        assertEquals(ClockReturn.UNSCHEDULED, id.waitFor().ret());
        assertEquals(ClockReturn.UNSCHEDULED, id.waitFor().ret());
    }

    @Test
    void aSecondWaiterOnTheSameIdIsBusy() throws Exception {
        ClockId id = clock.newSingleShotId(clock.getTime() + 60 * ClockTime.SECOND);
        Thread[] t = new Thread[1];
        CompletableFuture<ClockWaitResult> first = waitInThread(id, t);
        awaitBlocked(t[0]);
        assertEquals(ClockReturn.BUSY, id.waitFor().ret());
        id.unschedule();
        assertEquals(ClockReturn.UNSCHEDULED, first.get(2, TimeUnit.SECONDS).ret());
    }

    @Test
    void periodicIdsWaitForSuccessiveIntervals() {
        long interval = 5 * ClockTime.MSECOND;
        long start = clock.getTime() + interval;
        ClockId id = clock.newPeriodicId(start, interval);
        assertTrue(id.isPeriodic());
        assertEquals(interval, id.getInterval());
        for (int i = 0; i < 3; i++) {
            long target = start + i * interval;
            assertEquals(target, id.getTime());
            ClockReturn ret = id.waitFor().ret();
            // OK normally; EARLY only if this thread was descheduled past a whole interval
            assertTrue(ret == ClockReturn.OK || ret == ClockReturn.EARLY, ret.toString());
            assertTrue(clock.getTime() >= target - SystemClock.MIN_WAIT_NS);
        }
        assertEquals(start + 3 * interval, id.getTime());
    }

    @Test
    void aPeriodicIdThatFellBehindIsEarlyAndStillAdvances() {
        long start = clock.getTime() - 10 * ClockTime.MSECOND;
        ClockId id = clock.newPeriodicId(start, ClockTime.MSECOND);
        assertEquals(ClockReturn.EARLY, id.waitFor().ret());
        assertEquals(start + ClockTime.MSECOND, id.getTime());
    }

    @Test
    void periodicIdsNeedAValidStartAndAPositiveInterval() {
        assertThrows(IllegalArgumentException.class, () -> clock.newPeriodicId(ClockTime.NONE, 1));
        assertThrows(IllegalArgumentException.class, () -> clock.newPeriodicId(0, 0));
        assertThrows(IllegalArgumentException.class, () -> clock.newPeriodicId(0, -5));
    }

    @Test
    void idsKnowTheirClock() {
        ClockId id = clock.newSingleShotId(42);
        assertSame(clock, id.getClock());
        assertTrue(id.usesClock(clock));
        assertEquals(42, id.getTime());
        assertEquals(ClockTime.NONE, id.getInterval());
        assertTrue(id.toString().contains("GstSystemClock"), id.toString());
    }
}
