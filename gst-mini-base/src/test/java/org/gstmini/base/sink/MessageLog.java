package org.gstmini.base.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.gstmini.core.Bus;
import org.gstmini.core.Message;

/** Records every message posted on a bus, with the thread that posted it, in order. */
final class MessageLog {
    record Entry(Message message, String thread) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final List<Entry> entries = new ArrayList<>();

    MessageLog(Bus bus) {
        bus.setSyncHandler((b, m) -> {
            lock.lock();
            try {
                entries.add(new Entry(m, Thread.currentThread().getName()));
                added.signalAll();
            } finally {
                lock.unlock();
            }
            return Bus.SyncReply.DROP;
        });
    }

    List<Entry> entries() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    long count(Predicate<Message> p) {
        return entries().stream().filter(e -> p.test(e.message())).count();
    }

    int indexOf(Predicate<Message> p) {
        List<Entry> all = entries();
        for (int i = 0; i < all.size(); i++) {
            if (p.test(all.get(i).message())) {
                return i;
            }
        }
        return -1;
    }

    /** Waits (hang guard of 20 s) for the first message matching {@code p}; null if none came. */
    Entry await(Predicate<Message> p) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        lock.lock();
        try {
            while (true) {
                for (Entry e : entries) {
                    if (p.test(e.message())) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                added.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }
}
