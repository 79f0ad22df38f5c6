package org.gstmini.core;

import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming thread: calls one function over and over until paused or stopped.
 *
 * <p>Mirrors {@code GstTask} (gst/gsttask.c). A source's task function produces one buffer and
 * pushes it; the push runs the whole chain downstream on this thread. Each call happens with
 * the task's lock held, which is the pad's stream lock, so a thread that takes the stream lock
 * knows the loop is not in the middle of an iteration:
 *
 * <pre>
 *   start()  ──► STARTED: the thread runs  lock; function(); unlock;  in a loop
 *   pause()  ──► PAUSED:  the loop finishes its iteration and waits
 *   stop()   ──► STOPPED: the loop finishes its iteration and the thread ends
 *   join()   ──► waits for the thread to end (call after stop)
 * </pre>
 *
 * <p>Pausing does not interrupt a blocked function: unblock it first (flush the pad, unschedule
 * the clock wait), as elements do before pausing their task. The thread is named after the
 * element and pad it serves, e.g. {@code videotestsrc0:src}, so thread dumps explain themselves.
 *
 * <h2>Threads and locks</h2>
 * <ul>
 *   <li>{@code start}, {@code pause}, {@code stop} and {@code join} may be called from any
 *       thread; they change {@link #getStatus() the status} under the status lock and signal
 *       its condition.</li>
 *   <li>The loop's thread reads the status once per iteration, a single volatile read, and
 *       takes the status lock only when the status is not STARTED (to wait while PAUSED, or to
 *       end when STOPPED). It reads it again with the task lock held, so an iteration never
 *       starts after a {@code pause()} or {@code stop()} that returned before the task lock was
 *       taken. Per buffer that is one lock, the task lock, as in {@code gst_task_func}, which
 *       also reads the state atomically and locks only to wait.</li>
 * </ul>
 */
public final class Task {
    /** The task's state ({@code GstTaskState}). */
    public enum Status { STOPPED, STARTED, PAUSED }

    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.task");

    private final String name;
    private final Runnable function;
    private final ReentrantLock taskLock;
    private final ReentrantLock statusLock = new ReentrantLock();
    private final Condition statusChanged = statusLock.newCondition();
    /** Written only with statusLock held; read without it by the loop (its fast path) and getStatus. */
    private volatile Status status = Status.STOPPED;
    /** The loop's thread while it runs the loop; null once it has decided to end. */
    private Thread thread;
    /** The most recent thread, kept so {@link #join()} can wait until it has really ended. */
    private Thread lastThread;

    /**
     * @param name     the thread's name
     * @param function one iteration of the loop
     * @param taskLock held around each iteration (a pad's stream lock)
     */
    public Task(String name, Runnable function, ReentrantLock taskLock) {
        this.name = Objects.requireNonNull(name, "name");
        this.function = Objects.requireNonNull(function, "function");
        this.taskLock = Objects.requireNonNull(taskLock, "taskLock");
    }

    public String getName() {
        return name;
    }

    /** The current status ({@code gst_task_get_state}: an atomic read, no lock). */
    public Status getStatus() {
        return status;
    }

    /** Starts the loop, creating the thread if needed, or resumes a paused task. */
    public void start() {
        setStatus(Status.STARTED);
    }

    /** Makes the loop wait after its current iteration; creates the thread if needed. */
    public void pause() {
        setStatus(Status.PAUSED);
    }

    /** Makes the loop end after its current iteration. Does not wait: call {@link #join()}. */
    public void stop() {
        setStatus(Status.STOPPED);
    }

    private void setStatus(Status newStatus) {
        statusLock.lock();
        try {
            status = newStatus;
            if (newStatus != Status.STOPPED && thread == null) {
                Thread t = new Thread(this::run, name);
                t.setDaemon(true);
                thread = t;
                lastThread = t;
                t.start();
            }
            statusChanged.signalAll();
        } finally {
            statusLock.unlock();
        }
    }

    /**
     * Waits for the thread to end. The task must be stopped first; joining from the task's own
     * thread would wait forever, so it is refused.
     */
    public void join() {
        Thread t;
        statusLock.lock();
        try {
            if (status != Status.STOPPED) {
                throw new IllegalStateException("task " + name + ": join() needs stop() first");
            }
            t = lastThread;
        } finally {
            statusLock.unlock();
        }
        if (t == null) {
            return;
        }
        if (t == Thread.currentThread()) {
            throw new IllegalStateException("task " + name + ": join() called from the task's own thread would deadlock");
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when called from this task's own thread. */
    public boolean isCurrentThread() {
        statusLock.lock();
        try {
            return thread == Thread.currentThread();
        } finally {
            statusLock.unlock();
        }
    }

    /**
     * The loop ({@code gst_task_func}). The fast path is one volatile read of the status and the
     * task lock; only a status other than STARTED goes to {@link #waitUntilStartedOrStopped()}.
     */
    private void run() {
        while (status == Status.STARTED || waitUntilStartedOrStopped()) {
            taskLock.lock();
            try {
                if (status == Status.STARTED) {
                    function.run();
                }
            } catch (RuntimeException | Error e) {
                LOG.error("task {}: the loop function threw; pausing the task", name, e);
                pauseAfterFailure();
            } finally {
                taskLock.unlock();
            }
        }
    }

    private void pauseAfterFailure() {
        statusLock.lock();
        try {
            if (status == Status.STARTED) {
                status = Status.PAUSED;
            }
        } finally {
            statusLock.unlock();
        }
    }

    /** Returns true to run one more iteration, false to end the thread. */
    private boolean waitUntilStartedOrStopped() {
        statusLock.lock();
        try {
            while (status == Status.PAUSED) {
                statusChanged.awaitUninterruptibly();
            }
            if (status == Status.STOPPED) {
                thread = null; // a later start() makes a new thread; this one ends
                return false;
            }
            return true;
        } finally {
            statusLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Task[" + name + ", " + getStatus() + "]";
    }
}
