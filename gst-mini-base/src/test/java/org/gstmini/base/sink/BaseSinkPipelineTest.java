package org.gstmini.base.sink;

import static org.gstmini.base.sink.PipelineFixture.buffer;
import static org.gstmini.base.sink.PipelineFixture.isStateChange;
import static org.gstmini.base.sink.PipelineFixture.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gstmini.base.BaseSink;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.clock.ClockId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** BaseSink in a real pipeline: preroll, clock sync on a TestClock, EOS, QoS, flushing, live sources. */
@Timeout(60)
class BaseSinkPipelineTest {

    @Test
    void prerollsThenRendersEachBufferWhenTheClockReachesBaseTimePlusRunningTime() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            f.clock.setTime(ClockTime.SECOND); // so that base_time is not 0
            Buffer b0 = buffer(0, ms(40));
            Buffer b1 = buffer(ms(40), ms(40));
            f.src.queueStreamStart();
            // No data yet, so the sink cannot have prerolled: the state change must be ASYNC.
            assertEquals(StateChangeReturn.ASYNC, f.pipeline.setState(State.PLAYING));
            assertEquals(State.READY, f.sink.getCurrentState());
            assertEquals(State.PAUSED, f.sink.getPendingState());
            f.src.queue(b0, b1);

            // The sink prerolled b0, committed PAUSED, and the pipeline went on to PLAYING.
            MessageLog.Entry asyncDone = f.await(MessageType.ASYNC_DONE, f.pipeline);
            assertNotNull(f.log.await(m -> isStateChange(m, f.pipeline, State.PAUSED, State.PLAYING)));
            List<MessageLog.Entry> all = f.log.entries();
            assertTrue(all.indexOf(asyncDone) < f.log.indexOf(m -> isStateChange(m, f.pipeline, State.PAUSED, State.PLAYING)),
                    "ASYNC_DONE comes before PLAYING");
            assertTrue(f.log.indexOf(m -> isStateChange(m, f.sink, State.READY, State.PAUSED))
                    < f.log.indexOf(m -> m.type() == MessageType.ASYNC_DONE && m.source() == f.pipeline));
            f.await(MessageType.STREAM_START, f.pipeline);
            assertEquals(List.of(b0), f.sink.prerolled);

            // In PLAYING the streaming thread waits for base_time + running time before rendering.
            ClockId first = f.clock.waitForNextPendingId();
            assertEquals(ClockTime.SECOND, f.pipeline.getBaseTime());
            assertEquals(ClockTime.SECOND + 0, first.getTime());
            assertTrue(f.sink.rendered.isEmpty(), "nothing rendered before the clock reached the buffer");
            f.clock.crank();
            assertTrue(f.sink.awaitRendered(1));
            assertSame(b0, f.sink.rendered.get(0));

            ClockId second = f.clock.waitForNextPendingId();
            assertEquals(ClockTime.SECOND + ms(40), second.getTime());
            assertEquals(1, f.sink.rendered.size());
            f.clock.crank();
            assertTrue(f.sink.awaitRendered(2));
            assertSame(b1, f.sink.rendered.get(1));
            f.assertState(State.PLAYING);
            assertEquals(List.of(b0), f.sink.prerolled, "preroll() only for the first buffer");

            assertTrue(f.src.awaitReturns(2)); // both chain calls are over: the counters are final
            Structure stats = f.sink.getStats();
            assertEquals(BaseSink.STATS_NAME, stats.name());
            assertEquals(2L, stats.getLong("rendered"));
            assertEquals(0L, stats.getLong("dropped"));
            f.toNull();
            List<String> calls = f.sink.calls;
            assertEquals("start", calls.get(0));
            assertEquals("stop", calls.get(calls.size() - 1));
            assertTrue(calls.indexOf("unlock") < calls.indexOf("unlockStop"), "unlock() comes before unlockStop()");
        }
    }

    @Test
    void syncFalseRendersAsSoonAsPlayingWithoutWaitingOnTheClock() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            f.sink.set(BaseSink.SYNC, false);
            f.src.queueStreamStart();
            f.src.queue(buffer(ClockTime.SECOND * 10, ms(10)), buffer(ClockTime.SECOND * 20, ms(10)),
                    buffer(ClockTime.SECOND * 30, ms(10)));
            f.play();
            f.assertState(State.PLAYING);
            assertTrue(f.sink.awaitRendered(3));
            assertEquals(0, f.clock.getPendingIdCount());
            assertEquals(1, f.sink.prerolled.size());
            f.toNull();
        }
    }

    @Test
    void asyncFalseReachesPausedAtOnceButStillHoldsThePrerollBuffer() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            f.sink.set(BaseSink.ASYNC, false);
            Buffer b0 = buffer(0, ms(10));
            f.src.queueStreamStart();
            f.src.queue(b0);
            assertEquals(StateChangeReturn.SUCCESS, f.pipeline.setState(State.PAUSED));
            assertTrue(f.sink.awaitPrerolled(1));
            assertEquals(0, f.count(MessageType.ASYNC_START, f.pipeline));
            assertTrue(f.sink.rendered.isEmpty());
            assertEquals(0, f.clock.getPendingIdCount(), "no clock wait in PAUSED");

            assertEquals(StateChangeReturn.SUCCESS, f.pipeline.setState(State.PLAYING));
            assertEquals(0, f.clock.waitForNextPendingId().getTime());
            f.clock.crank();
            assertTrue(f.sink.awaitRendered(1));
            assertSame(b0, f.sink.rendered.get(0));
            f.toNull();
        }
    }

    @Test
    void aBufferLaterThanMaxLatenessIsDroppedWithAQosMessageAndEvent() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            f.sink.set(BaseSink.QOS, true);
            f.sink.set(BaseSink.MAX_LATENESS, ms(5));
            Buffer b0 = buffer(0, ms(10));
            Buffer b1 = buffer(ms(10), ms(10));
            f.src.queueStreamStart();
            f.src.queue(b0);
            f.play();
            assertEquals(0, f.clock.waitForNextPendingId().getTime());
            f.clock.crank();
            assertTrue(f.sink.awaitRendered(1));
            assertTrue(f.src.awaitReturns(1));

            // b1 is due at 10 ms but only reaches the sink at 50 ms: 40 ms late, more than 5 ms.
            f.clock.setTime(ms(50));
            f.src.queue(b1);
            assertEquals(ms(10), f.clock.waitForNextPendingId().getTime());
            f.clock.crank();
            assertTrue(f.src.awaitReturns(2));
            assertEquals(FlowReturn.OK, f.src.returns.get(1), "a dropped buffer is not an error");
            assertEquals(List.of(b0), f.sink.rendered);

            Message.Qos qos = (Message.Qos) f.await(MessageType.QOS, f.sink).message();
            assertEquals(ms(40), qos.jitter());
            assertEquals(1, qos.dropped());
            assertEquals(1, qos.processed());
            assertEquals(ms(10), qos.runningTime());
            assertEquals(ms(10), qos.streamTime());
            assertEquals(ms(10), qos.timestamp());
            assertEquals(ms(10), qos.duration());
            assertTrue(qos.live());

            Event.QosEvent event = f.src.upstreamEvents.stream().filter(e -> e instanceof Event.QosEvent)
                    .map(e -> (Event.QosEvent) e).findFirst().orElseThrow();
            assertEquals(Event.QosType.UNDERFLOW, event.qosType());
            assertEquals(ms(40), event.diff());
            assertEquals(ms(10), event.timestamp());
            assertTrue(event.proportion() > 0);

            Structure stats = f.sink.getStats();
            assertEquals(1L, stats.getLong("dropped"));
            assertEquals(1L, stats.getLong("rendered"));
            f.toNull();
        }
    }

    @Test
    void lateBuffersAreRenderedWhenMaxLatenessIsUnlimited() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            f.sink.set(BaseSink.QOS, true);
            f.src.queueStreamStart();
            f.clock.setTime(ms(500));
            Buffer b0 = buffer(0, ms(10));
            f.src.queue(b0);
            f.play();
            f.assertState(State.PLAYING);
            ClockId id = f.clock.waitForNextPendingId();
            assertEquals(ms(500), id.getTime()); // base_time is 500 ms: b0 is on time
            f.clock.setTime(ms(900));
            f.clock.crank();
            assertTrue(f.sink.awaitRendered(1));
            assertEquals(0, f.count(MessageType.QOS, f.sink));
            f.toNull();
        }
    }

    @Test
    void eosIsPostedOnlyOnceTheClockReachesTheEndOfTheLastBuffer() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            f.src.queueStreamStart();
            f.src.queue(buffer(0, ms(40)), Event.eos());
            f.play();
            assertEquals(0, f.clock.waitForNextPendingId().getTime());
            f.clock.crank();
            assertTrue(f.sink.awaitRendered(1));

            ClockId eosWait = f.clock.waitForNextPendingId();
            assertEquals(ms(40), eosWait.getTime(), "EOS waits for the end of the last buffer");
            assertEquals(0, f.log.count(m -> m.type() == MessageType.EOS));
            f.clock.crank();
            f.await(MessageType.EOS, f.pipeline);

            // Pausing and playing again: the sink repeats its EOS, the pipeline does not.
            assertNotEquals(StateChangeReturn.FAILURE, f.pipeline.setState(State.PAUSED));
            f.assertState(State.PAUSED);
            assertNotEquals(StateChangeReturn.FAILURE, f.pipeline.setState(State.PLAYING));
            f.assertState(State.PLAYING);
            assertEquals(1, f.log.count(m -> m.type() == MessageType.EOS));
            assertEquals(FlowReturn.EOS, f.sink.getSinkPad().chain(buffer(ms(50), ms(10))),
                    "data after EOS is refused");
            f.toNull();
        }
    }

    @Test
    void eosInPausedPrerollsAndIsPostedOnPlaying() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            f.src.queueStreamStart();
            f.src.queue(Event.eos());
            assertNotEquals(StateChangeReturn.FAILURE, f.pipeline.setState(State.PAUSED));
            f.assertState(State.PAUSED); // EOS completed the preroll
            assertEquals(0, f.log.count(m -> m.type() == MessageType.EOS));
            assertEquals(StateChangeReturn.SUCCESS, f.pipeline.setState(State.PLAYING));
            f.await(MessageType.EOS, f.pipeline);
            assertTrue(f.sink.prerolled.isEmpty());
            f.toNull();
        }
    }

    @Test
    void flushStartWakesAClockWaitAtOnceAndTheSinkPrerollsAgainAfterFlushStop() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            f.src.queueStreamStart();
            f.src.queue(buffer(5 * ClockTime.SECOND, ms(10)));
            f.play();
            ClockId wait = f.clock.waitForNextPendingId();
            assertEquals(5 * ClockTime.SECOND, wait.getTime());

            assertTrue(f.src.srcPad().pushEvent(Event.flushStart()));
            // flush-start returns once the streaming thread has left the sink
            assertTrue(f.src.awaitReturns(1));
            assertEquals(FlowReturn.FLUSHING, f.src.returns.get(0));
            assertTrue(wait.isUnscheduled());
            assertEquals(0, f.clock.getPendingIdCount());
            assertTrue(f.sink.rendered.isEmpty());
            assertNull(f.sink.getLastSample(), "flushing forgets the last sample");

            assertTrue(f.src.srcPad().pushEvent(Event.flushStop(true)));
            Buffer b1 = buffer(0, ms(10));
            f.src.queue(Event.segment(new Segment(Format.TIME)), b1);
            assertTrue(f.sink.awaitPrerolled(2));
            assertSame(b1, f.sink.prerolled.get(1));
            f.clock.crank();
            assertTrue(f.sink.awaitRendered(1));
            assertSame(b1, f.sink.rendered.get(0));
            f.assertState(State.PLAYING);
            f.toNull();
        }
    }

    @Test
    void flushStartWakesThePrerollWait() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            f.src.queueStreamStart();
            f.src.queue(buffer(0, ms(10)));
            assertNotEquals(StateChangeReturn.FAILURE, f.pipeline.setState(State.PAUSED));
            f.assertState(State.PAUSED);
            assertTrue(f.sink.awaitPrerolled(1));
            assertTrue(f.src.srcPad().pushEvent(Event.flushStart()));
            assertTrue(f.src.awaitReturns(1));
            assertEquals(FlowReturn.FLUSHING, f.src.returns.get(0));
            f.toNull();
        }
    }

    @Test
    void pausingWhileWaitingOnTheClockMakesTheSameBufferThePrerollBufferAgain() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            Buffer b0 = buffer(ClockTime.SECOND, ms(10));
            f.src.queueStreamStart();
            f.src.queue(b0);
            f.play();
            ClockId wait = f.clock.waitForNextPendingId();
            assertEquals(ClockTime.SECOND, wait.getTime());

            assertNotEquals(StateChangeReturn.FAILURE, f.pipeline.setState(State.PAUSED));
            f.assertState(State.PAUSED);
            assertTrue(wait.isUnscheduled());
            assertTrue(f.sink.awaitPrerolled(2));
            assertEquals(List.of(b0, b0), f.sink.prerolled);
            assertTrue(f.sink.rendered.isEmpty());
            assertEquals(0, f.clock.getPendingIdCount());
            assertTrue(f.src.returns.isEmpty(), "the push is still in the sink, now in the preroll wait");

            assertEquals(StateChangeReturn.SUCCESS, f.pipeline.setState(State.PLAYING));
            assertEquals(ClockTime.SECOND, f.clock.waitForNextPendingId().getTime());
            f.clock.crank();
            assertTrue(f.sink.awaitRendered(1));
            assertSame(b0, f.sink.rendered.get(0));
            f.toNull();
        }
    }

    @Test
    void aLiveSourceMakesThePipelineNoPrerollAndTheSinkCommitsToPlayingOnItsFirstBuffer() {
        try (PipelineFixture f = new PipelineFixture(true)) {
            f.src.queueStreamStart();
            assertEquals(StateChangeReturn.ASYNC, f.pipeline.setState(State.PLAYING));
            // READY->PAUSED returned NO_PREROLL; the sink is still busy going to PAUSED, now for PLAYING.
            assertEquals(State.PAUSED, f.pipeline.getCurrentState());
            assertEquals(State.PLAYING, f.pipeline.getPendingState());
            assertEquals(State.READY, f.sink.getCurrentState());
            assertEquals(State.PLAYING, f.sink.getPendingState());
            assertEquals(StateChangeReturn.ASYNC, f.sink.getLastReturn());
            assertEquals(StateChangeReturn.ASYNC, f.sink.setState(State.PLAYING), "busy: still ASYNC");

            Buffer b0 = buffer(0, ms(10));
            f.src.queue(b0);
            ClockId wait = f.clock.waitForNextPendingId();
            // committed to PLAYING by the first buffer, on the streaming thread, before syncing it
            assertEquals(State.PLAYING, f.sink.getCurrentState());
            assertEquals(State.VOID_PENDING, f.sink.getPendingState());
            assertEquals(List.of(b0), f.sink.prerolled);
            assertTrue(f.sink.rendered.isEmpty());
            assertEquals(f.pipeline.getBaseTime(), wait.getTime());
            f.assertState(State.PLAYING);
            MessageLog.Entry playing = f.log.await(m -> isStateChange(m, f.sink, State.PAUSED, State.PLAYING));
            assertNotNull(playing);
            assertEquals(f.src.getName() + ":src", playing.thread());
            assertTrue(f.log.indexOf(m -> isStateChange(m, f.sink, State.PAUSED, State.PLAYING))
                    < f.log.indexOf(m -> m.type() == MessageType.ASYNC_DONE && m.source() == f.pipeline),
                    "the sink is PLAYING before the pipeline's ASYNC_DONE");

            f.clock.crank();
            assertTrue(f.sink.awaitRendered(1));
            assertEquals(StateChangeReturn.NO_PREROLL, f.pipeline.setState(State.PAUSED));
            f.toNull();
        }
    }

    @Test
    void liveLatencyIsQueriedFromUpstreamAndUsedForSync() {
        try (PipelineFixture f = new PipelineFixture(true)) {
            f.src.latencyMin = ms(30);
            f.sink.set(BaseSink.PROCESSING_DEADLINE, ms(20));
            f.src.queueStreamStart();
            f.play();
            f.src.queue(buffer(0, ms(10)));
            ClockId first = f.clock.waitForNextPendingId();
            assertEquals(0, first.getTime(), "no latency configured before the sink could answer");
            f.clock.crank();
            assertTrue(f.sink.awaitRendered(1));

            // Now prerolled, the sink answers: upstream 30 ms + processing deadline 20 ms.
            assertTrue(f.pipeline.recalculateLatency());
            assertEquals(ms(50), f.sink.getLatency());
            assertTrue(f.src.upstreamEvents.stream().anyMatch(e -> e instanceof Event.LatencyEvent l
                    && l.latency() == ms(50)), "the LATENCY event goes on upstream");
            f.src.queue(buffer(ms(10), ms(10)));
            assertEquals(ms(60), f.clock.waitForNextPendingId().getTime());
            f.clock.crank();
            assertTrue(f.sink.awaitRendered(2));
            f.toNull();
        }
    }

    @Test
    void stateChangesNeverHangWhetherTheSinkWaitsOnTheClockInPrerollOrInRender() {
        try (PipelineFixture f = new PipelineFixture(false)) {
            for (int i = 0; i < 24; i++) {
                f.src.queueStreamStart();
                f.src.queue(buffer(ClockTime.SECOND, ms(10)), buffer(2 * ClockTime.SECOND, ms(10)));
                switch (i % 4) {
                    case 0 -> { // blocked in the clock wait
                        f.pipeline.setState(State.PLAYING);
                        f.clock.waitForNextPendingId();
                    }
                    case 1 -> { // blocked in the preroll wait
                        f.pipeline.setState(State.PAUSED);
                        f.assertState(State.PAUSED);
                    }
                    case 2 -> { // blocked in render
                        f.sink.setBlockInRender(true);
                        f.pipeline.setState(State.PLAYING);
                        f.clock.crank();
                        assertTrue(f.sink.awaitBlockedInRender());
                    }
                    default -> f.pipeline.setState(State.PLAYING); // whatever happens to be going on
                }
                f.toNull();
                f.sink.setBlockInRender(false);
            }
        }
    }
}
