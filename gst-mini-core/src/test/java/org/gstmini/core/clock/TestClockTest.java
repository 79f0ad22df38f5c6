package org.gstmini.core.clock;

import static org.gstmini.core.ClockTime.MSECOND;
import static org.gstmini.core.ClockTime.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gstmini.core.ClockTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour of {@link TestClock}, following the scenarios of GStreamer's GstTestClock
 * documentation. Nothing here sleeps: every step waits for the clock's own signals.
 */
@Timeout(10)
class TestClockTest {

    /** Waits on {@code id} in a new thread; the future completes when the wait returns. */
    private static CompletableFuture<ClockWaitResult> waitInThread(ClockId id) {
        CompletableFuture<ClockWaitResult> f = new CompletableFuture<>();
        Thread t = new Thread(() -> f.complete(id.waitFor()), "waiter");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static ClockWaitResult result(CompletableFuture<ClockWaitResult> f) throws Exception {
        return f.get(2, TimeUnit.SECONDS);
    }

    @Test
    void timeMovesOnlyWhenTold() {
        TestClock clock = new TestClock();
        assertEquals(0, clock.getTime());
        clock.advanceTime(SECOND);
        assertEquals(SECOND, clock.getTime());
        clock.setTime(42 * SECOND);
        assertEquals(42 * SECOND, clock.getTime());
        clock.setTime(42 * SECOND); // the same time is allowed
        assertEquals(42 * SECOND, new TestClock(42 * SECOND).getTime());
        assertEquals(42 * SECOND, new TestClock(42 * SECOND).getStartTime());
    }

    @Test
    void timeNeverGoesBackwards() {
        TestClock clock = new TestClock(10 * SECOND);
        assertThrows(IllegalArgumentException.class, () -> clock.setTime(SECOND));
        assertThrows(IllegalArgumentException.class, () -> clock.setTime(ClockTime.NONE));
        assertThrows(IllegalArgumentException.class, () -> clock.advanceTime(-1));
        assertThrows(IllegalArgumentException.class, () -> new TestClock(ClockTime.NONE));
        assertEquals(10 * SECOND, clock.getTime());
    }

    @Test
    void aWaitStaysPendingUntilProcessed() throws Exception {
        TestClock clock = new TestClock();
        ClockId id = clock.newSingleShotId(SECOND);
        CompletableFuture<ClockWaitResult> waiting = waitInThread(id);

        assertSame(id, clock.waitForNextPendingId());
        assertTrue(clock.hasId(id));
        assertEquals(1, clock.getPendingIdCount());
        assertSame(id, clock.peekNextPendingId());
        assertEquals(SECOND, clock.getNextEntryTime());

        assertNull(clock.processNextClockId(), "not due yet");
        clock.advanceTime(SECOND);
        assertFalse(waiting.isDone(), "reaching the time alone does not release the wait");
        assertSame(id, clock.processNextClockId());

        assertEquals(new ClockWaitResult(ClockReturn.OK, -SECOND), result(waiting));
        assertEquals(0, clock.getPendingIdCount());
        assertFalse(clock.hasId(id));
        assertNull(clock.peekNextPendingId());
        assertEquals(ClockTime.NONE, clock.getNextEntryTime());
    }

    @Test
    void aWaitForAPastTimeIsEarlyWithPositiveJitter() throws Exception {
        TestClock clock = new TestClock(2 * SECOND);
        ClockId id = clock.newSingleShotId(SECOND + 500 * MSECOND);
        CompletableFuture<ClockWaitResult> waiting = waitInThread(id);
        clock.waitForNextPendingId();
        assertSame(id, clock.processNextClockId());
        assertEquals(new ClockWaitResult(ClockReturn.EARLY, 500 * MSECOND), result(waiting));
    }

    @Test
    void aWaitForExactlyNowIsOk() throws Exception {
        TestClock clock = new TestClock(SECOND);
        CompletableFuture<ClockWaitResult> waiting = waitInThread(clock.newSingleShotId(SECOND));
        clock.waitForNextPendingId();
        clock.processNextClockId();
        assertEquals(new ClockWaitResult(ClockReturn.OK, 0), result(waiting));
    }

    @Test
    void crankAdvancesToTheNextIdAndReleasesIt() throws Exception {
        TestClock clock = new TestClock();
        ClockId id = clock.newSingleShotId(5 * SECOND);
        CompletableFuture<ClockWaitResult> waiting = waitInThread(id);
        assertTrue(clock.crank());
        assertEquals(5 * SECOND, clock.getTime());
        assertEquals(ClockReturn.OK, result(waiting).ret());
    }

    @Test
    void crankDoesNotMoveTimeBackwards() throws Exception {
        TestClock clock = new TestClock(10 * SECOND);
        CompletableFuture<ClockWaitResult> waiting = waitInThread(clock.newSingleShotId(SECOND));
        assertTrue(clock.crank());
        assertEquals(10 * SECOND, clock.getTime());
        assertEquals(ClockReturn.EARLY, result(waiting).ret());
    }

    @Test
    void unscheduleReleasesAPendingWait() throws Exception {
        TestClock clock = new TestClock();
        ClockId id = clock.newSingleShotId(SECOND);
        CompletableFuture<ClockWaitResult> waiting = waitInThread(id);
        clock.waitForNextPendingId();
        id.unschedule();
        assertEquals(ClockReturn.UNSCHEDULED, result(waiting).ret());
        assertEquals(0, clock.getPendingIdCount());
        assertEquals(ClockReturn.UNSCHEDULED, id.waitFor().ret(), "stays unscheduled");
    }

    @Test
    void pendingIdsAreOrderedByTime() throws Exception {
        TestClock clock = new TestClock();
        ClockId three = clock.newSingleShotId(3 * SECOND);
        ClockId one = clock.newSingleShotId(SECOND);
        ClockId two = clock.newSingleShotId(2 * SECOND);
        CompletableFuture<ClockWaitResult> w3 = waitInThread(three);
        CompletableFuture<ClockWaitResult> w1 = waitInThread(one);
        CompletableFuture<ClockWaitResult> w2 = waitInThread(two);

        assertEquals(List.of(one, two, three), clock.waitForMultiplePendingIds(3));
        assertSame(one, clock.peekNextPendingId());

        clock.setTime(2 * SECOND);
        assertSame(one, clock.processNextClockId());
        assertSame(two, clock.processNextClockId());
        assertNull(clock.processNextClockId());
        assertEquals(ClockReturn.OK, result(w1).ret());
        assertEquals(ClockReturn.OK, result(w2).ret());
        assertFalse(w3.isDone());

        assertTrue(clock.crank());
        assertEquals(3 * SECOND, clock.getTime());
        assertEquals(ClockReturn.OK, result(w3).ret());
    }

    @Test
    void processIdReleasesWhateverTheTime() throws Exception {
        TestClock clock = new TestClock();
        ClockId a = clock.newSingleShotId(SECOND);
        ClockId b = clock.newSingleShotId(2 * SECOND);
        ClockId c = clock.newSingleShotId(3 * SECOND);
        CompletableFuture<ClockWaitResult> wa = waitInThread(a);
        CompletableFuture<ClockWaitResult> wb = waitInThread(b);
        CompletableFuture<ClockWaitResult> wc = waitInThread(c);
        clock.waitForMultiplePendingIds(3);

        clock.processId(b);
        assertEquals(ClockReturn.OK, result(wb).ret());
        assertThrows(IllegalArgumentException.class, () -> clock.processId(b));
        assertEquals(2, clock.processIdList(List.of(a, b, c)));
        assertEquals(ClockReturn.OK, result(wa).ret());
        assertEquals(ClockReturn.OK, result(wc).ret());
        assertEquals(0, clock.getTime());
    }

    @Test
    void timedWaitForPendingIdsGivesUp() {
        TestClock clock = new TestClock();
        assertFalse(clock.waitForMultiplePendingIds(1, 10));
        assertTrue(clock.waitForMultiplePendingIds(0, 10));
    }

    @Test
    void periodicIdsAreCrankedOnePeriodAtATime() throws Exception {
        TestClock clock = new TestClock();
        long interval = 40 * MSECOND;
        ClockId id = clock.newPeriodicId(interval, interval);
        CompletableFuture<List<ClockWaitResult>> loop = new CompletableFuture<>();
        Thread t = new Thread(() -> loop.complete(List.of(id.waitFor(), id.waitFor(), id.waitFor())));
        t.setDaemon(true);
        t.start();
        for (int i = 1; i <= 3; i++) {
            assertTrue(clock.crank());
            assertEquals(i * interval, clock.getTime());
            assertEquals((i + 1) * interval, id.getTime(), "processing moves the id on at once");
        }
        List<ClockWaitResult> results = loop.get(2, TimeUnit.SECONDS);
        for (ClockWaitResult r : results) {
            assertEquals(new ClockWaitResult(ClockReturn.OK, -interval), r);
        }
    }

    @Test
    void waitOnNoneIsBadTimeAndNeverPending() {
        TestClock clock = new TestClock();
        assertEquals(ClockReturn.BADTIME, clock.newSingleShotId(ClockTime.NONE).waitFor().ret());
        assertEquals(0, clock.getPendingIdCount());
    }

    @Test
    void idsOfOneClockAreNotPendingOnAnother() throws Exception {
        TestClock a = new TestClock();
        TestClock b = new TestClock();
        ClockId id = a.newSingleShotId(SECOND);
        CompletableFuture<ClockWaitResult> waiting = waitInThread(id);
        a.waitForNextPendingId();
        assertFalse(b.hasId(id));
        assertFalse(id.usesClock(b));
        assertTrue(a.crank());
        assertEquals(ClockReturn.OK, result(waiting).ret());
    }
}
