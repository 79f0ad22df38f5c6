package org.gstmini.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Query;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.SystemClock;
import org.gstmini.core.clock.TestClock;
import org.gstmini.core.testing.ClockProvidingElement;
import org.gstmini.core.testing.LatencyRecordingSink;
import org.gstmini.core.testing.TestSrc;
import org.gstmini.core.testing.LiveLatencySrc;
import org.gstmini.core.testing.RecordingElement;
import org.junit.jupiter.api.Test;

/** GstPipeline's model: clock selection, base time and running time, latency. */
class PipelineTest {
    private static final long MS = ClockTime.MSECOND;

    private static Pipeline pipelineWithOneElement() {
        Pipeline p = new Pipeline();
        p.add(new RecordingElement("child", new CopyOnWriteArrayList<>(), false, false));
        return p;
    }

    private static List<Clock> newClockMessages(Pipeline p) {
        List<Clock> out = new java.util.ArrayList<>();
        for (Message m : ModelSupport.drain(p.getBus())) {
            if (m instanceof Message.NewClock nc) {
                assertSame(p, m.source());
                out.add(nc.clock());
            }
        }
        return out;
    }

    @Test
    void theSystemClockIsChosenByDefaultAndAnnounced() {
        Pipeline p = pipelineWithOneElement();
        assertNull(p.getClock(), "no clock before PLAYING");
        assertSame(SystemClock.obtain(), p.getPipelineClock(), "the clock it would use");
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PAUSED));
        assertNull(p.getClock(), "the clock is chosen on PAUSED→PLAYING");
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        assertSame(SystemClock.obtain(), p.getClock());
        assertSame(SystemClock.obtain(), p.getByName("child").getClock(), "children get the clock");
        assertEquals(List.of(SystemClock.obtain()), newClockMessages(p));
        // pausing and playing again keeps the clock and posts nothing new
        p.setState(State.PAUSED);
        p.setState(State.PLAYING);
        assertEquals(List.of(), newClockMessages(p));
        p.setState(State.NULL);
    }

    @Test
    void useClockForcesTheClock() {
        Pipeline p = pipelineWithOneElement();
        TestClock forced = new TestClock();
        p.add(new ClockProvidingElement(new TestClock()));
        p.useClock(forced);
        p.setState(State.PLAYING);
        assertSame(forced, p.getClock(), "a forced clock wins over a provider");
        assertSame(forced, p.getByName("child").getClock());
        assertEquals(List.of(forced), newClockMessages(p));
        p.setState(State.NULL);
    }

    @Test
    void anElementProvidingAClockIsPreferredToTheSystemClock() {
        Pipeline p = pipelineWithOneElement();
        TestClock device = new TestClock();
        p.add(new ClockProvidingElement(device));
        assertSame(device, p.provideClock());
        p.setState(State.PLAYING);
        assertSame(device, p.getClock());
        assertEquals(List.of(device), newClockMessages(p));
        p.setState(State.NULL);

        // autoClock after useClock chooses again
        TestClock forced = new TestClock();
        p.useClock(forced);
        p.setState(State.PLAYING);
        assertSame(forced, p.getClock());
        p.setState(State.NULL);
        p.autoClock();
        p.setState(State.PLAYING);
        assertSame(device, p.getClock());
        p.setState(State.NULL);
    }

    @Test
    void baseTimeIsTheClockTimeWhenPlayingStarts() {
        long t = 10 * ClockTime.SECOND;
        TestClock clock = new TestClock(t);
        Pipeline p = pipelineWithOneElement();
        p.useClock(clock);
        p.setState(State.PAUSED);
        clock.advanceTime(ClockTime.SECOND); // time spent in PAUSED does not count
        p.setState(State.PLAYING);
        assertEquals(t + ClockTime.SECOND, p.getBaseTime());
        assertEquals(t + ClockTime.SECOND, p.getByName("child").getBaseTime(), "children get the base time");
        assertEquals(0, p.getCurrentRunningTime());
        clock.advanceTime(250 * MS);
        assertEquals(250 * MS, p.getCurrentRunningTime());
        p.setState(State.NULL);
    }

    @Test
    void runningTimeContinuesAfterAPause() {
        long t = 3 * ClockTime.SECOND;
        TestClock clock = new TestClock(t);
        Pipeline p = pipelineWithOneElement();
        p.useClock(clock);
        p.setState(State.PLAYING);
        assertEquals(t, p.getBaseTime());
        clock.advanceTime(ClockTime.SECOND);            // play 1 s
        p.setState(State.PAUSED);
        assertEquals(ClockTime.SECOND, p.getStartTime(), "the running time reached is remembered");
        clock.advanceTime(5 * ClockTime.SECOND);        // paused 5 s
        p.setState(State.PLAYING);
        long now = t + 6 * ClockTime.SECOND;
        assertEquals(now - ClockTime.SECOND, p.getBaseTime(), "new base time = now - running time so far");
        assertEquals(ClockTime.SECOND, p.getCurrentRunningTime());

        // a new run from READY starts running time at 0 again
        p.setState(State.READY);
        p.setState(State.PLAYING);
        assertEquals(now, p.getBaseTime());
        p.setState(State.NULL);
    }

    @Test
    void delayIsAddedToTheBaseTime() {
        TestClock clock = new TestClock(ClockTime.SECOND);
        Pipeline p = pipelineWithOneElement();
        p.useClock(clock);
        p.set(Pipeline.DELAY, 40 * MS);
        p.setState(State.PLAYING);
        assertEquals(ClockTime.SECOND + 40 * MS, p.getBaseTime());
        p.setState(State.NULL);
    }

    private static Pipeline livePipeline(LiveLatencySrc src, LatencyRecordingSink sink) {
        Pipeline p = new Pipeline();
        p.add(src, sink);
        Element.linkMany(src, sink);
        return p;
    }

    @Test
    void aLivePipelineConfiguresTheLatencyItMeasures() {
        LiveLatencySrc src = new LiveLatencySrc(20 * MS);
        LatencyRecordingSink sink = new LatencyRecordingSink();
        Pipeline p = livePipeline(src, sink);
        assertEquals(StateChangeReturn.NO_PREROLL, p.setState(State.PAUSED));
        assertTrue(sink.latencyEvents().isEmpty(), "latency is configured on the way to PLAYING");

        Query.LatencyQuery q = new Query.LatencyQuery();
        assertTrue(p.query(q));
        assertTrue(q.live());
        assertEquals(20 * MS, q.min());
        assertEquals(ClockTime.NONE, q.max());

        p.setState(State.PLAYING);
        assertEquals(State.PLAYING, p.getState(5 * ClockTime.SECOND).current());
        assertEquals(1, sink.latencyEvents().size());
        assertEquals(20 * MS, sink.latencyEvents().get(0).latency());
        List<Event> upstream = src.events();
        assertEquals(1, upstream.size(), "the LATENCY event travels on upstream to the source");
        assertEquals(EventType.LATENCY, upstream.get(0).type());
        assertEquals(20 * MS, ((Event.LatencyEvent) upstream.get(0)).latency());
        p.setState(State.NULL);
    }

    @Test
    void theLatencyPropertyOverridesTheMeasuredLatency() {
        LiveLatencySrc src = new LiveLatencySrc(20 * MS);
        LatencyRecordingSink sink = new LatencyRecordingSink();
        Pipeline p = livePipeline(src, sink);
        p.set(Pipeline.LATENCY, 50 * MS);
        p.setState(State.PLAYING);
        assertEquals(1, sink.latencyEvents().size());
        assertEquals(50 * MS, sink.latencyEvents().get(0).latency());
        p.setState(State.NULL);
    }

    @Test
    void aForcedLatencyAppliesToANonLivePipelineToo() {
        Pipeline p = new Pipeline();
        TestSrc src = new TestSrc(); // not live: its pipeline measures no latency
        LatencyRecordingSink sink = new LatencyRecordingSink();
        p.add(src, sink);
        Element.linkMany(src, sink);
        p.set(Pipeline.LATENCY, 40 * MS);
        p.setState(State.PLAYING); // the latency is configured on the way to PLAYING
        assertEquals(1, sink.latencyEvents().size());
        assertEquals(40 * MS, sink.latencyEvents().get(0).latency(), "gst_pipeline_do_latency uses the forced value");
        p.set(Pipeline.LATENCY, -1L);
        assertFalse(p.recalculateLatency(), "nothing upstream answers the query and nothing is forced");
        assertEquals(1, sink.latencyEvents().size());
        p.setState(State.NULL);
    }

    @Test
    void recalculateLatencyRedistributesAndWarnsWhenImpossible() {
        LiveLatencySrc src = new LiveLatencySrc(80 * MS, 30 * MS); // min > max: cannot be done
        LatencyRecordingSink sink = new LatencyRecordingSink();
        Pipeline p = livePipeline(src, sink);
        p.setState(State.PLAYING);
        Message w = p.getBus().timedPop(ClockTime.SECOND, MessageType.WARNING);
        assertNotNull(w, "an impossible latency is reported");
        assertTrue(((Message.Warning) w).text().contains("Impossible to configure latency"), w.toString());
        assertTrue(p.recalculateLatency());
        assertEquals(2, sink.latencyEvents().size(), "the application may redistribute the latency");
        p.setState(State.NULL);
    }
}
