package org.gstmini.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.gstmini.core.Task;
import org.junit.jupiter.api.Test;

/** GstTask's model: a named thread looping a function under a lock; start, pause, stop, join. */
class TaskTest {
    private static void slow() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void startPauseStopJoin() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        AtomicInteger count = new AtomicInteger();
        AtomicReference<Thread> thread = new AtomicReference<>();
        Task task = new Task("model-task", () -> {
            thread.set(Thread.currentThread());
            assertTrue(lock.isHeldByCurrentThread(), "each iteration runs with the task lock held");
            count.incrementAndGet();
            slow();
        }, lock);
        assertEquals(Task.Status.STOPPED, task.getStatus());
        task.start();
        assertEquals(Task.Status.STARTED, task.getStatus());
        assertTrue(ModelSupport.waitFor(() -> count.get() > 3, 5000), "the loop runs");

        task.pause();
        assertEquals(Task.Status.PAUSED, task.getStatus());
        lock.lock(); // the current iteration has finished once we hold the lock
        lock.unlock();
        int paused = count.get();
        Thread.sleep(50);
        assertEquals(paused, count.get(), "a paused task does not iterate");
        assertTrue(thread.get().isAlive(), "pausing keeps the thread");

        task.start();
        assertTrue(ModelSupport.waitFor(() -> count.get() > paused + 3, 5000), "resumed");
        task.stop();
        assertEquals(Task.Status.STOPPED, task.getStatus());
        task.join();
        assertFalse(thread.get().isAlive());
        int stopped = count.get();
        Thread.sleep(20);
        assertEquals(stopped, count.get());

        task.start(); // a stopped task can start again, on a new thread
        assertTrue(ModelSupport.waitFor(() -> count.get() > stopped, 5000));
        task.stop();
        task.join();
    }

    @Test
    void theThreadCarriesTheTaskName() throws Exception {
        AtomicReference<String> name = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        Task task = new Task("mysrc0:src", () -> {
            name.set(Thread.currentThread().getName());
            ran.countDown();
            slow();
        }, new ReentrantLock());
        task.start();
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertEquals("mysrc0:src", name.get());
        assertEquals("mysrc0:src", task.getName());
        task.stop();
        task.join();
    }

    @Test
    void joinNeedsStopAndIsRefusedFromTheTaskThread() throws Exception {
        AtomicReference<Throwable> fromOwnThread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<Task> self = new AtomicReference<>();
        Task task = new Task("self-join", () -> {
            Task t = self.get();
            t.stop();
            try {
                t.join();
            } catch (Throwable e) {
                fromOwnThread.set(e);
            }
            ran.countDown();
        }, new ReentrantLock());
        self.set(task);
        task.pause();
        IllegalStateException notStopped = assertThrows(IllegalStateException.class, task::join);
        assertTrue(notStopped.getMessage().contains("stop() first"), notStopped.getMessage());
        task.start();
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertNotNull(fromOwnThread.get());
        assertEquals(IllegalStateException.class, fromOwnThread.get().getClass());
        assertTrue(fromOwnThread.get().getMessage().contains("deadlock"), fromOwnThread.get().getMessage());
        task.join(); // from another thread it works
    }

    @Test
    void anExceptionInTheLoopPausesTheTask() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Task task = new Task("thrower", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("boom (expected by TaskTest)");
        }, new ReentrantLock());
        task.start();
        assertTrue(ModelSupport.waitFor(() -> task.getStatus() == Task.Status.PAUSED, 5000));
        Thread.sleep(50);
        assertEquals(1, calls.get(), "the loop stopped after the exception");
        task.stop();
        task.join();
        assertEquals(Task.Status.STOPPED, task.getStatus());
    }

    /**
     * A source pauses its own task (at EOS, on an error) while the application stops it: stop
     * must win, as gst_pad_stop_task and gst_pad_pause_task change the task under the pad's
     * object lock. Otherwise the task is left PAUSED, stopTask's join() throws and the thread
     * never ends. A race, so it is tried many times.
     */
    @Test
    void stopWinsOverAPauseFromTheStreamingThread() throws Exception {
        for (int i = 0; i < 2000; i++) {
            org.gstmini.core.testing.PassThrough owner = new org.gstmini.core.testing.PassThrough();
            owner.setName("racer" + i);
            org.gstmini.core.Pad src = owner.getStaticPad("src");
            CountDownLatch running = new CountDownLatch(1);
            src.startTask(() -> {
                running.countDown();
                src.pauseTask(); // what TestSrc and BaseSrc do at EOS
            });
            assertTrue(running.await(5, TimeUnit.SECONDS));
            src.stopTask(); // must neither throw nor leave the thread behind
            String name = "racer" + i + ":src";
            assertTrue(ModelSupport.awaitNoThreads(n -> n.equals(name), 2000).isEmpty(), name + " is still alive");
        }
    }

    @Test
    void padTasksAreNamedAfterThePadAndStopWithIt() throws Exception {
        org.gstmini.core.Pad pad = new org.gstmini.core.Pad("src", org.gstmini.core.PadDirection.SRC);
        org.gstmini.core.testing.PassThrough owner = new org.gstmini.core.testing.PassThrough();
        owner.setName("owner");
        org.gstmini.core.Pad src = owner.getStaticPad("src");
        AtomicReference<String> name = new AtomicReference<>();
        src.startTask(() -> {
            name.set(Thread.currentThread().getName());
            slow();
        });
        assertTrue(ModelSupport.waitFor(() -> name.get() != null, 5000));
        assertEquals("owner:src", name.get());
        src.pauseTask();
        assertEquals(Task.Status.PAUSED, src.getTask().getStatus());
        src.stopTask();
        assertEquals(null, src.getTask());
        assertTrue(ModelSupport.awaitNoThreads(n -> n.equals("owner:src"), 2000).isEmpty());
        assertEquals(null, pad.getTask());
    }
}
