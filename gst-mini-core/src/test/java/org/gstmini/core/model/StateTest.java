package org.gstmini.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Message;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.testing.RecordingElement;
import org.gstmini.core.testing.TestSink;
import org.gstmini.core.testing.TestSrc;
import org.junit.jupiter.api.Test;

/** The state machine of gst_element_set_state / continue_state / get_state. */
class StateTest {

    /** "OLD->NEW (pending P)" for every STATE_CHANGED message {@code source} posts, recorded in the posting thread. */
    private static List<String> recordStateChanges(Pipeline p, Element source) {
        List<String> out = new CopyOnWriteArrayList<>();
        p.getBus().setSyncHandler((bus, m) -> {
            if (m instanceof Message.StateChanged sc && m.source() == source) {
                out.add(sc.oldState() + "->" + sc.newState() + " (pending " + sc.pending() + ")");
            }
            return org.gstmini.core.Bus.SyncReply.PASS;
        });
        return out;
    }

    private static Pipeline srcSinkPipeline() {
        Pipeline p = new Pipeline();
        TestSrc src = new TestSrc();
        src.set(TestSrc.NUM_BUFFERS, 3);
        TestSink sink = new TestSink();
        p.add(src, sink);
        Element.linkMany(src, sink);
        return p;
    }

    @Test
    void setStateWalksEveryIntermediateStateUpAndDown() {
        Pipeline p = srcSinkPipeline();
        // With auto-flush-bus (the default) the bus already drops messages when READY->NULL is
        // posted, as in GStreamer; keep it open here to see the whole walk.
        p.set(Pipeline.AUTO_FLUSH_BUS, false);
        List<String> changes = recordStateChanges(p, p);
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        assertEquals(List.of(
                "NULL->READY (pending PLAYING)",
                "READY->PAUSED (pending PLAYING)",
                "PAUSED->PLAYING (pending VOID_PENDING)"), changes);
        Element.StateResult r = p.getState(0);
        assertEquals(StateChangeReturn.SUCCESS, r.result());
        assertEquals(State.PLAYING, r.current());
        assertEquals(State.VOID_PENDING, r.pending());

        changes.clear();
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        assertEquals(List.of(
                "PLAYING->PAUSED (pending NULL)",
                "PAUSED->READY (pending NULL)",
                "READY->NULL (pending VOID_PENDING)"), changes);
        assertEquals(State.NULL, p.getCurrentState());
        for (Element child : p.getChildren()) {
            assertEquals(State.NULL, child.getCurrentState(), child.getName());
        }
    }

    @Test
    void childrenPostTheirOwnStateChangesToo() {
        Pipeline p = srcSinkPipeline();
        Element sink = p.getChildren().get(1);
        List<String> changes = recordStateChanges(p, sink);
        p.setState(State.PAUSED);
        // a bin moves its children one step per transition of its own, so a child never has a pending state
        assertEquals(List.of("NULL->READY (pending VOID_PENDING)", "READY->PAUSED (pending VOID_PENDING)"), changes);
        changes.clear();
        p.setState(State.READY);
        assertEquals(List.of("PAUSED->READY (pending VOID_PENDING)"), changes);
        p.setState(State.NULL);
    }

    @Test
    void settingTheCurrentStateAgainPostsNothing() {
        Pipeline p = srcSinkPipeline();
        p.setState(State.PAUSED);
        List<String> changes = recordStateChanges(p, p);
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PAUSED));
        assertTrue(changes.isEmpty(), changes.toString());
        assertEquals(State.PAUSED, p.getCurrentState());
        p.setState(State.NULL);
    }

    /**
     * gst_element_change_state_func answers a same-state transition with the last return, so a
     * live source asked for PAUSED again is still NO_PREROLL; otherwise the bin would see only
     * its (still prerolling) async sink and wait for a preroll a live source never delivers.
     */
    @Test
    void aLivePipelineAskedForPausedTwiceStaysNoPreroll() {
        TestSrc alone = new TestSrc();
        alone.set(TestSrc.IS_LIVE, true);
        assertEquals(StateChangeReturn.NO_PREROLL, alone.setState(State.PAUSED));
        assertEquals(StateChangeReturn.NO_PREROLL, alone.setState(State.PAUSED), "same state, same answer");
        alone.setState(State.NULL);

        Pipeline p = new Pipeline();
        TestSrc src = new TestSrc();
        src.set(TestSrc.IS_LIVE, true);
        src.set(TestSrc.NUM_BUFFERS, 3);
        TestSink sink = new TestSink();
        sink.set(TestSink.ASYNC, true);
        p.add(src, sink);
        Element.linkMany(src, sink);
        assertEquals(StateChangeReturn.NO_PREROLL, p.setState(State.PAUSED));
        assertEquals(StateChangeReturn.NO_PREROLL, p.setState(State.PAUSED));
        Element.StateResult r = p.getState(ClockTime.SECOND);
        assertEquals(StateChangeReturn.NO_PREROLL, r.result());
        assertEquals(State.PAUSED, r.current());
        assertEquals(State.VOID_PENDING, r.pending(), "nothing left pending");
        p.setState(State.PLAYING);
        r = p.getState(5 * ClockTime.SECOND);
        assertEquals(StateChangeReturn.SUCCESS, r.result());
        assertEquals(State.PLAYING, r.current());
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
    }

    @Test
    void getStateOfAnElementNeverChangedIsNull() {
        TestSink sink = new TestSink();
        Element.StateResult r = sink.getState(0);
        assertEquals(StateChangeReturn.SUCCESS, r.result());
        assertEquals(State.NULL, r.current());
        assertEquals(State.VOID_PENDING, r.pending());
        assertEquals(State.NULL, sink.getTargetState());
    }

    @Test
    void targetStateIsWhatWasAskedLast() {
        Pipeline p = srcSinkPipeline();
        p.setState(State.PAUSED);
        assertEquals(State.PAUSED, p.getTargetState());
        p.setState(State.READY);
        assertEquals(State.READY, p.getTargetState());
        p.setState(State.NULL);
    }

    @Test
    void aFailingTransitionFailsTheChangeAndThePipelineCanStillGoToNull() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Pipeline p = new Pipeline();
        RecordingElement sink = new RecordingElement("rsink", log, true, false);
        RecordingElement broken = new RecordingElement("broken", log, true, true).failOn(StateChange.READY_TO_PAUSED);
        RecordingElement src = new RecordingElement("rsrc", log, false, true);
        p.add(src, broken, sink);
        Element.linkMany(src, broken, sink);

        assertEquals(StateChangeReturn.FAILURE, p.setState(State.PLAYING));
        Element.StateResult r = p.getState(ClockTime.SECOND);
        assertEquals(StateChangeReturn.FAILURE, r.result());
        assertEquals(State.READY, r.current(), "the pipeline stays where the failure stopped it");
        assertEquals(State.PLAYING, r.pending(), "gst_element_abort_state keeps the pending state");
        assertEquals(State.READY, broken.getCurrentState());
        assertEquals(State.PAUSED, sink.getCurrentState(), "the sink went first, before the failure");
        assertTrue(log.contains("broken:READY_TO_PAUSED"));
        assertTrue(!log.contains("rsrc:READY_TO_PAUSED"), "an upward change stops at the first failure: " + log);

        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        r = p.getState(0);
        assertEquals(StateChangeReturn.SUCCESS, r.result());
        assertEquals(State.NULL, r.current());
        for (Element child : p.getChildren()) {
            assertEquals(State.NULL, child.getCurrentState(), child.getName());
        }
        // and after the failure is cured it works again
        broken.failOn(null);
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
        assertEquals(State.PLAYING, p.getCurrentState());
        p.setState(State.NULL);
    }

    @Test
    void anExceptionInChangeStateIsAFailureAndAnError() {
        Pipeline p = new Pipeline();
        Element thrower = new Element() {
            @Override
            protected StateChangeReturn changeState(StateChange transition) {
                if (transition == StateChange.NULL_TO_READY) {
                    throw new IllegalStateException("device missing");
                }
                return super.changeState(transition);
            }
        };
        p.add(thrower);
        assertEquals(StateChangeReturn.FAILURE, p.setState(State.READY));
        Message m = p.getBus().timedPop(ClockTime.SECOND, org.gstmini.core.MessageType.ERROR);
        assertTrue(m instanceof Message.Error, String.valueOf(m));
        assertTrue(((Message.Error) m).text().contains("device missing"), m.toString());
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
    }
}
