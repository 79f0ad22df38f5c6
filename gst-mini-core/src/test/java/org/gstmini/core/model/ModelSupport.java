package org.gstmini.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.gstmini.core.Buffer;
import org.gstmini.core.Bus;
import org.gstmini.core.Event;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.Pad;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Caps;

/** Small helpers shared by the model tests: bounded waits, thread checks, stream start-up. */
final class ModelSupport {
    private ModelSupport() {
    }

    /** Polls {@code condition} every 5 ms for up to {@code millis}; returns its last value. */
    static boolean waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return condition.getAsBoolean();
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Names of live threads matching {@code filter}. */
    static List<String> liveThreads(Predicate<String> filter) {
        List<String> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && filter.test(t.getName())) {
                out.add(t.getName());
            }
        }
        return out;
    }

    /** Waits up to {@code millis} until no live thread matches; returns the ones still alive. */
    static List<String> awaitNoThreads(Predicate<String> filter, long millis) throws InterruptedException {
        waitFor(() -> liveThreads(filter).isEmpty(), millis);
        return liveThreads(filter);
    }

    /** Sends STREAM_START, CAPS (test/x-data) and a TIME SEGMENT from a source pad. */
    static void startStream(Pad src) {
        startStream(src, Caps.parse("test/x-data"));
    }

    static void startStream(Pad src, Caps caps) {
        src.pushEvent(Event.streamStart("model-test"));
        src.pushEvent(Event.caps(caps));
        src.pushEvent(Event.segment(new Segment(Format.TIME)));
    }

    static Buffer buffer(int value) {
        return Buffer.wrap(new byte[] {(byte) value});
    }

    /** Takes every message now queued on the bus. */
    static List<Message> drain(Bus bus) {
        List<Message> out = new ArrayList<>();
        for (Message m = bus.pop(); m != null; m = bus.pop()) {
            out.add(m);
        }
        return out;
    }
}
