package org.gstmini.plugins.good.coreelements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.gstmini.base.BaseSink;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Query;
import org.gstmini.core.Registry;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.check.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** fakesink: the factory, the GStreamer defaults, num-buffers, dump, last-message, handoffs, state-error. */
@Timeout(60)
class FakeSinkTest {
    private static final String CAPS = "test/x-data";

    /** A source the test pushes through by hand, on its own thread: a push is a direct call. */
    static final class HandSrc extends Element {
        final Pad src = new Pad("src", PadTemplate.src(Caps.ANY));

        HandSrc() {
            setFlag(ElementFlag.SOURCE, true);
            addPad(src);
        }

        void startStream() {
            src.pushEvent(Event.streamStart("handsrc"));
            src.pushEvent(Event.caps(Caps.parse(CAPS)));
            src.pushEvent(Event.segment(new Segment(Format.TIME)));
        }
    }

    private static Buffer buffer(long pts, byte... bytes) {
        return Buffer.wrap(bytes).withPts(pts);
    }

    @Test
    void theFactoryDescribesFakesinkAndTheElementTakesGStreamersDefaults() {
        ElementFactory factory = Registry.get().findFactoryOrThrow("fakesink");
        assertEquals("Fake Sink", factory.getLongName());
        assertEquals("Sink", factory.getKlass());
        assertEquals("Black hole for data", factory.getDescription());
        PadTemplate t = factory.getPadTemplates().get(0);
        assertEquals("sink", t.nameTemplate());
        assertEquals(PadDirection.SINK, t.direction());
        assertEquals(PadPresence.ALWAYS, t.presence());
        assertTrue(t.caps().isAny());

        Element e = ElementFactory.make("fakesink");
        FakeSink sink = assertInstanceOf(FakeSink.class, e);
        assertTrue(sink.getName().startsWith("fakesink"));
        assertTrue(sink.hasFlag(ElementFlag.SINK));
        assertEquals(false, sink.get(BaseSink.SYNC), "fakesink does not sync by default");
        assertEquals(true, sink.get(BaseSink.ASYNC));
        assertEquals(true, sink.get(FakeSink.SILENT));
        assertEquals(false, sink.get(FakeSink.DUMP));
        assertEquals(false, sink.get(FakeSink.SIGNAL_HANDOFFS));
        assertEquals(-1, sink.get(FakeSink.NUM_BUFFERS));
        assertEquals(FakeSink.StateError.NONE, sink.get(FakeSink.STATE_ERROR));
        assertNull(sink.get(FakeSink.LAST_MESSAGE));
        sink.setPropertyFromString("state-error", "ready-to-paused");
        assertEquals(FakeSink.StateError.READY_TO_PAUSED, sink.get(FakeSink.STATE_ERROR));
    }

    @Test
    void numBuffersReturnsEosFromRenderAfterTheNthBuffer() {
        FakeSink sink = new FakeSink();
        sink.set(FakeSink.NUM_BUFFERS, 2);
        try (Harness h = new Harness(sink)) {
            h.setSrcCapsStr(CAPS);
            assertEquals(FlowReturn.OK, h.push(buffer(0, (byte) 1)));
            assertEquals(FlowReturn.EOS, h.push(buffer(1, (byte) 2)));
            assertEquals(FlowReturn.EOS, h.push(buffer(2, (byte) 3)));
        }
    }

    @Test
    void inAPipelineNumBuffersLeadsToEosOnTheBus() throws Exception {
        Pipeline pipeline = new Pipeline("fakesink-eos");
        HandSrc src = new HandSrc();
        FakeSink sink = new FakeSink();
        sink.set(FakeSink.NUM_BUFFERS, 3);
        pipeline.add(src, sink);
        src.linkOrThrow(sink);
        try {
            StateChangeReturn ret = pipeline.setState(State.PLAYING);
            assertTrue(ret == StateChangeReturn.ASYNC, "waits for preroll: " + ret);
            List<FlowReturn> returns = new CopyOnWriteArrayList<>();
            Thread streaming = new Thread(() -> {
                src.startStream();
                for (int i = 0; i < 5; i++) {
                    FlowReturn r = src.src.push(buffer(i * ClockTime.MSECOND, (byte) i));
                    returns.add(r);
                    if (r == FlowReturn.EOS) {
                        src.src.pushEvent(Event.eos()); // what BaseSrc does on EOS
                        break;
                    }
                }
            }, "fakesink-eos-streaming");
            streaming.start();
            Message eos = pipeline.getBus().timedPop(TimeUnit.SECONDS.toNanos(20), MessageType.EOS, MessageType.ERROR);
            assertNotNull(eos);
            assertEquals(MessageType.EOS, eos.type());
            streaming.join();
            assertEquals(List.of(FlowReturn.OK, FlowReturn.OK, FlowReturn.EOS), returns);
            assertEquals(State.PLAYING, pipeline.getState(0).current());
        } finally {
            assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        }
    }

    @Test
    void dumpPrintsEachBufferAsHexToStdout() {
        FakeSink sink = new FakeSink();
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Harness h = new Harness(sink)) {
            h.setSrcCapsStr(CAPS);
            sink.set(FakeSink.DUMP, true);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(FlowReturn.OK, h.push(Buffer.wrap("0123456789abcdefXYZ\n".getBytes(StandardCharsets.US_ASCII))));
        } finally {
            System.setOut(old);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(2, lines.length, out.toString(StandardCharsets.UTF_8));
        assertTrue(lines[0].matches("00000000 \\(0x[0-9a-f]+\\): 30 31 32 33 34 35 36 37 38 39 61 62 63 64 65 66  0123456789abcdef"),
                lines[0]);
        assertTrue(lines[1].matches("00000010 \\(0x[0-9a-f]+\\): 58 59 5a 0a {37} XYZ\\. *"), lines[1]);
    }

    @Test
    void lastMessageDescribesEachBufferAndEventWhenNotSilent() {
        FakeSink sink = new FakeSink();
        try (Harness h = new Harness(sink)) {
            h.setSrcCapsStr(CAPS);
            assertNull(sink.get(FakeSink.LAST_MESSAGE), "silent by default");
            sink.set(FakeSink.SILENT, false);
            Buffer b = Buffer.wrap(new byte[4]).withPts(ClockTime.SECOND).withFlag(BufferFlag.DISCONT);
            assertEquals(FlowReturn.OK, h.push(b));
            String msg = sink.get(FakeSink.LAST_MESSAGE);
            assertTrue(msg.matches("chain   \\*{7} \\(" + sink.getName() + ":sink\\) \\(4 bytes, dts: none, pts: 0:00:01\\.000000000, "
                    + "duration: none, offset: -1, offset_end: -1, flags: 00000040 discont, meta: none\\) 0x[0-9a-f]+"), msg);
            assertTrue(h.pushEvent(Event.eos()));
            msg = sink.get(FakeSink.LAST_MESSAGE);
            assertTrue(msg.matches("event   \\*{7} \\(" + sink.getName() + ":sink\\) E \\(type: eos \\(28174\\), \\) 0x[0-9a-f]+"), msg);
        }
        assertNull(sink.get(FakeSink.LAST_MESSAGE), "cleared on READY->NULL");
    }

    @Test
    void handoffListenersSeePrerollAndRenderedBuffersWhenSignalHandoffsIsOn() throws Exception {
        Pipeline pipeline = new Pipeline("fakesink-handoff");
        HandSrc src = new HandSrc();
        FakeSink sink = new FakeSink();
        sink.set(FakeSink.SIGNAL_HANDOFFS, true);
        List<Buffer> handoffs = new CopyOnWriteArrayList<>();
        List<Buffer> prerollHandoffs = new CopyOnWriteArrayList<>();
        sink.addHandoffListener((s, buf, pad) -> {
            assertSame(sink, s);
            assertSame(sink.getSinkPad(), pad);
            handoffs.add(buf);
        });
        sink.addPrerollHandoffListener((s, buf, pad) -> prerollHandoffs.add(buf));
        pipeline.add(src, sink);
        src.linkOrThrow(sink);
        try {
            pipeline.setState(State.PLAYING);
            Buffer b0 = buffer(0, (byte) 0);
            Buffer b1 = buffer(1, (byte) 1);
            Thread streaming = new Thread(() -> {
                src.startStream();
                src.src.push(b0);
                src.src.push(b1);
            }, "fakesink-handoff-streaming");
            streaming.start();
            streaming.join();
            assertEquals(List.of(b0), prerollHandoffs);
            assertEquals(List.of(b0, b1), handoffs);
        } finally {
            assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        }
    }

    @Test
    void stateErrorFailsTheChosenStateChangeWithAnError() {
        Pipeline pipeline = new Pipeline("fakesink-state-error");
        FakeSink sink = new FakeSink();
        sink.set(FakeSink.STATE_ERROR, FakeSink.StateError.READY_TO_PAUSED);
        pipeline.add(sink);
        assertEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PAUSED));
        Message error = pipeline.getBus().timedPop(0, MessageType.ERROR);
        assertNotNull(error);
        assertSame(sink, error.source());
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
    }

    @Test
    void fakesinkIsNotSeekable() {
        FakeSink sink = new FakeSink();
        Query.SeekingQuery q = new Query.SeekingQuery(Format.TIME);
        assertTrue(sink.getSinkPad().query(q));
        assertFalse(q.seekable());
    }
}
