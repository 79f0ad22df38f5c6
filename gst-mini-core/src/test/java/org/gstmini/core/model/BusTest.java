package org.gstmini.core.model;

import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gstmini.core.Bus;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.caps.Structure;
import org.junit.jupiter.api.Test;

/** GstBus's model: FIFO order, filtered timed pops, sync handler, watch thread, flushing. */
class BusTest {
    private static Message app(String name) {
        return new Message.Application(null, Structure.of(name));
    }

    private static String nameOf(Message m) {
        return ((Message.Application) m).structure().name();
    }

    @Test
    void messagesArePoppedInPostingOrder() {
        Bus bus = new Bus("fifo");
        assertNull(bus.pop());
        assertFalse(bus.havePending());
        for (String n : List.of("a", "b", "c")) {
            assertTrue(bus.post(app(n)));
        }
        assertTrue(bus.havePending());
        assertEquals("a", nameOf(bus.pop()));
        assertEquals("b", nameOf(bus.timedPop(0)));
        assertEquals("c", nameOf(bus.timedPop(ClockTime.NONE)));
        assertNull(bus.pop());
    }

    @Test
    void filteredTimedPopDiscardsMessagesOfOtherTypes() {
        Bus bus = new Bus("filter");
        bus.post(app("first"));
        bus.post(new Message.Latency(null));
        Message eos = new Message.Eos(null, 1);
        bus.post(eos);
        bus.post(app("after"));
        assertSame(eos, bus.timedPop(0, MessageType.EOS, MessageType.ERROR));
        assertEquals("after", nameOf(bus.pop()), "messages before the match are gone, later ones stay");
        assertNull(bus.pop());
        bus.post(app("x"));
        assertNull(bus.timedPop(0, EnumSet.of(MessageType.EOS)), "no match: null, and the others are discarded");
        assertFalse(bus.havePending());
    }

    @Test
    void timedPopReturnsNullAfterTheTimeout() {
        Bus bus = new Bus("timeout");
        long t0 = System.nanoTime();
        assertNull(bus.timedPop(100 * ClockTime.MSECOND));
        long elapsed = System.nanoTime() - t0;
        assertTrue(elapsed >= 90 * ClockTime.MSECOND, "returned after " + ClockTime.format(elapsed));
        assertTrue(elapsed < 3 * ClockTime.SECOND, "returned after " + ClockTime.format(elapsed));
    }

    @Test
    void timedPopWakesForAMessagePostedFromAnotherThread() throws Exception {
        Bus bus = new Bus("wake");
        Thread poster = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            bus.post(new Message.Eos(null, 7));
        });
        poster.start();
        Message m = bus.timedPop(5 * ClockTime.SECOND, MessageType.EOS);
        assertEquals(7, m.seqnum());
        poster.join();
    }

    @Test
    void syncHandlerRunsInThePostingThreadAndMayDrop() throws Exception {
        Bus bus = new Bus("sync");
        List<Thread> threads = new CopyOnWriteArrayList<>();
        bus.setSyncHandler((b, m) -> {
            assertSame(bus, b);
            threads.add(Thread.currentThread());
            return nameOf(m).startsWith("drop") ? Bus.SyncReply.DROP : Bus.SyncReply.PASS;
        });
        Thread poster = new Thread(() -> {
            bus.post(app("keep"));
            bus.post(app("drop-me"));
        }, "poster");
        poster.start();
        poster.join();
        assertEquals(List.of(poster, poster), threads);
        assertEquals("keep", nameOf(bus.pop()));
        assertNull(bus.pop(), "the dropped message never reached the queue");
        bus.setSyncHandler(null);
        bus.post(app("drop-but-no-handler"));
        assertEquals("drop-but-no-handler", nameOf(bus.pop()));
    }

    @Test
    void watchDispatchesOnItsOwnThreadUntilRemoved() throws Exception {
        Bus bus = new Bus("watched");
        List<String> names = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> watchThread = new AtomicReference<>();
        CountDownLatch two = new CountDownLatch(2);
        bus.addWatch(m -> {
            watchThread.set(Thread.currentThread());
            names.add(nameOf(m));
            two.countDown();
        });
        assertThrows(IllegalStateException.class, () -> bus.addWatch(m -> { }), "one watch at a time");
        bus.post(app("one"));
        bus.post(app("two"));
        assertTrue(two.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("one", "two"), names);
        assertEquals("watched:watch", watchThread.get().getName());
        assertTrue(watchThread.get().isDaemon());
        bus.removeWatch();
        assertFalse(watchThread.get().isAlive(), "removeWatch waits for the thread to end");
        bus.post(app("three"));
        assertEquals("three", nameOf(bus.pop()), "without a watch messages stay queued");
        assertEquals(2, names.size());
        bus.addWatch(m -> names.add(nameOf(m))); // a new watch may be added afterwards
        bus.post(app("four"));
        assertTrue(ModelSupport.waitFor(() -> names.size() == 3, 5000));
        bus.removeWatch();
    }

    @Test
    void flushingDropsMessagesAndWakesABlockedPop() throws Exception {
        Bus bus = new Bus("flush");
        bus.post(app("queued"));
        bus.setFlushing(true);
        assertFalse(bus.havePending(), "setFlushing(true) empties the queue");
        assertFalse(bus.post(app("dropped")), "posting while flushing fails");
        assertNull(bus.pop());
        List<Message> seenByHandler = new ArrayList<>();
        bus.setSyncHandler((b, m) -> {
            seenByHandler.add(m);
            return Bus.SyncReply.PASS;
        });
        assertFalse(bus.post(app("dropped-too")));
        assertTrue(seenByHandler.isEmpty(), "a flushing bus drops messages before the sync handler");
        bus.setSyncHandler(null);

        bus.setFlushing(false);
        AtomicReference<Message> popped = new AtomicReference<>(app("sentinel"));
        CountDownLatch returned = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            popped.set(bus.timedPop(ClockTime.NONE));
            returned.countDown();
        }, "reader");
        reader.setDaemon(true);
        reader.start();
        assertFalse(returned.await(100, TimeUnit.MILLISECONDS), "the reader waits for a message");
        bus.setFlushing(true);
        assertTrue(returned.await(5, TimeUnit.SECONDS), "setFlushing wakes a reader blocked forever");
        assertNull(popped.get());
        bus.setFlushing(false);
        assertTrue(bus.post(app("again")));
        assertEquals("again", nameOf(bus.pop()));
    }
}
