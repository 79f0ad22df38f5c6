package org.gstmini.core;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Carries messages from streaming threads to the application thread.
 *
 * <p>Mirrors {@code GstBus} (gst/gstbus.c). Elements post from any thread; the application
 * reads in its own, usually with {@link #timedPop(long, Set)}:
 *
 * <pre>{@code
 * Message msg = pipeline.getBus().timedPop(ClockTime.NONE, EnumSet.of(MessageType.EOS, MessageType.ERROR));
 * }</pre>
 *
 * <p>A {@linkplain #setSyncHandler sync handler} runs in the posting thread, before the message
 * is queued: it may inspect the message and drop it. A {@linkplain #addWatch watch} dispatches
 * queued messages to a callback on a thread of the bus's own, like a GMainLoop watch.
 *
 * <p>Thread contract: {@link #post} may be called from any thread and never blocks for long;
 * pop and watch callbacks happen on the reading thread.
 */
public final class Bus {
    /** What a sync handler decides about a message ({@code GstBusSyncReply}). */
    public enum SyncReply {
        /** Queue the message for the application. */
        PASS,
        /** Drop the message. */
        DROP
    }

    /** Inspects a message in the thread that posts it. */
    @FunctionalInterface
    public interface SyncHandler {
        SyncReply handle(Bus bus, Message message);
    }

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition messageAvailable = lock.newCondition();
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private volatile SyncHandler syncHandler;
    private boolean flushing;
    private Thread watchThread;

    public Bus(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Posts a message; returns false if the bus is flushing and the message was dropped. */
    public boolean post(Message message) {
        Objects.requireNonNull(message, "message");
        if (isFlushing()) {
            return false; // a flushing bus drops messages before any handler sees them
        }
        SyncHandler handler = syncHandler;
        if (handler != null && handler.handle(this, message) == SyncReply.DROP) {
            return true;
        }
        lock.lock();
        try {
            if (flushing) {
                return false;
            }
            queue.addLast(message);
            messageAvailable.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Installs (or with null, removes) the handler run in the posting thread. */
    public void setSyncHandler(SyncHandler handler) {
        this.syncHandler = handler;
    }

    private boolean isFlushing() {
        lock.lock();
        try {
            return flushing;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the next message without waiting, or null. */
    public Message pop() {
        return timedPop(0, null);
    }

    /** Waits for the next message of any type; {@code ClockTime.NONE} waits forever. */
    public Message timedPop(long timeoutNanos) {
        return timedPop(timeoutNanos, null);
    }

    /**
     * Waits up to {@code timeoutNanos} ({@code ClockTime.NONE}: forever) for a message whose type
     * is in {@code types} (null: any type). Messages of other types that come first are
     * discarded, as {@code gst_bus_timed_pop_filtered} does. Returns null on time-out or when
     * the bus is set flushing.
     */
    public Message timedPop(long timeoutNanos, Set<MessageType> types) {
        long deadline = timeoutNanos == ClockTime.NONE ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            while (true) {
                Message m = queue.pollFirst();
                while (m != null) {
                    if (types == null || types.contains(m.type())) {
                        return m;
                    }
                    m = queue.pollFirst();
                }
                long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0 || flushing) {
                    return null;
                }
                if (left == Long.MAX_VALUE) {
                    messageAvailable.await();
                } else {
                    messageAvailable.awaitNanos(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Convenience for {@link #timedPop(long, Set)} with the types given. */
    public Message timedPop(long timeoutNanos, MessageType first, MessageType... rest) {
        return timedPop(timeoutNanos, EnumSet.of(first, rest));
    }

    /** Whether a message is waiting ({@code gst_bus_have_pending}). */
    public boolean havePending() {
        lock.lock();
        try {
            return !queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Removes queued messages of the given types without returning them. */
    public void drop(Set<MessageType> types) {
        lock.lock();
        try {
            for (Iterator<Message> it = queue.iterator(); it.hasNext(); ) {
                if (types.contains(it.next().type())) {
                    it.remove();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * While flushing, the bus drops every message posted and wakes waiting readers; pipelines
     * flush their bus on the way to NULL ({@code gst_bus_set_flushing}).
     */
    public void setFlushing(boolean flush) {
        lock.lock();
        try {
            this.flushing = flush;
            if (flush) {
                queue.clear();
            }
            messageAvailable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Dispatches every message to {@code callback} on a thread named {@code <bus>:watch}
     * ({@code gst_bus_add_watch}). Only one watch at a time; remove it with {@link #removeWatch}.
     */
    public void addWatch(Consumer<Message> callback) {
        Objects.requireNonNull(callback, "callback");
        lock.lock();
        try {
            if (watchThread != null) {
                throw new IllegalStateException(name + ": the bus already has a watch; remove it first");
            }
            Thread t = new Thread(() -> runWatch(callback), name + ":watch");
            t.setDaemon(true);
            watchThread = t;
            t.start();
        } finally {
            lock.unlock();
        }
    }

    private void runWatch(Consumer<Message> callback) {
        while (true) {
            Message m;
            lock.lock();
            try {
                while (queue.isEmpty() && watchThread == Thread.currentThread()) {
                    messageAvailable.awaitUninterruptibly();
                }
                if (watchThread != Thread.currentThread()) {
                    return;
                }
                m = queue.pollFirst();
            } finally {
                lock.unlock();
            }
            callback.accept(m);
        }
    }

    /** Stops the watch thread and waits for it to end (unless called from the watch itself). */
    public void removeWatch() {
        Thread t;
        lock.lock();
        try {
            t = watchThread;
            watchThread = null;
            messageAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "Bus[" + name + "]";
    }
}
