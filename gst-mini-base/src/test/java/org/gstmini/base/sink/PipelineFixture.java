package org.gstmini.base.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.clock.TestClock;

/** {@code scriptedsrc ! recordingsink} in a pipeline that runs on a TestClock. */
final class PipelineFixture implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final TestClock clock = new TestClock();
    final Pipeline pipeline;
    final ScriptedSrc src;
    final RecordingSink sink;
    final MessageLog log;

    PipelineFixture(boolean live) {
        int n = COUNTER.getAndIncrement();
        pipeline = new Pipeline("bsinkpipe" + n);
        pipeline.useClock(clock);
        src = new ScriptedSrc("bsinksrc" + n, live);
        sink = new RecordingSink("bsinksink" + n);
        pipeline.add(src, sink);
        src.linkOrThrow(sink);
        log = new MessageLog(pipeline.getBus());
    }

    static Buffer buffer(long pts, long duration) {
        return Buffer.wrap(new byte[] {1, 2, 3, 4}).withPts(pts).withDuration(duration);
    }

    static long ms(long millis) {
        return millis * ClockTime.MSECOND;
    }

    /** Sets PLAYING: ASYNC, or SUCCESS if the sink prerolled while the bin was still changing state. */
    void play() {
        StateChangeReturn ret = pipeline.setState(State.PLAYING);
        assertTrue(ret == StateChangeReturn.ASYNC || ret == StateChangeReturn.SUCCESS, "setState(PLAYING) returned " + ret);
    }

    /** Waits for the state change to finish and checks where the pipeline got. */
    void assertState(State expected) {
        Element.StateResult r = pipeline.getState(TimeUnit.SECONDS.toNanos(20));
        assertEquals(StateChangeReturn.SUCCESS, r.result(), "pipeline state change result");
        assertEquals(expected, r.current());
    }

    MessageLog.Entry await(MessageType type, Element source) {
        MessageLog.Entry e = log.await(m -> m.type() == type && m.source() == source);
        assertNotNull(e, "no " + type + " from " + source.getName());
        return e;
    }

    long count(MessageType type, Element source) {
        return log.count(m -> m.type() == type && m.source() == source);
    }

    static boolean isStateChange(Message m, Element source, State from, State to) {
        return m instanceof Message.StateChanged s && m.source() == source && s.oldState() == from && s.newState() == to;
    }

    /** Streaming threads and continue threads of this fixture still alive. */
    List<String> liveThreads() {
        List<String> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (t.isAlive() && (name.startsWith(src.getName() + ":") || name.startsWith(pipeline.getName() + ":")
                    || name.startsWith(sink.getName() + ":"))) {
                out.add(name + " " + t.getState());
            }
        }
        return out;
    }

    /** To NULL, and no thread of ours left (joined by the state change itself: no waiting here). */
    void toNull() {
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertEquals(State.NULL, pipeline.getState(0).current());
        assertEquals(State.NULL, sink.getCurrentState());
        assertEquals(State.NULL, src.getCurrentState());
        assertTrue(liveThreads().isEmpty(), () -> "threads left after NULL: " + liveThreads());
    }

    @Override
    public void close() {
        pipeline.setState(State.NULL);
    }
}
