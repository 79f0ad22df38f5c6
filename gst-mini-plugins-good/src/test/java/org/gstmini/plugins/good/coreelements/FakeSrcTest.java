package org.gstmini.plugins.good.coreelements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.gstmini.base.BaseSrc;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pad;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.State;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.parse.Parse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** fakesrc through the registry and real pipelines. Waits are bounded only as hang guards. */
class FakeSrcTest {
    private static final long BUS_TIMEOUT = TimeUnit.SECONDS.toNanos(10);

    private Pipeline pipeline;

    @AfterEach
    void tearDown() {
        if (pipeline != null) {
            pipeline.setState(State.NULL);
        }
    }

    /** A sink that records buffers and events, posts EOS, and can work in pull mode. */
    static final class Sink extends Element {
        final Pad pad = new Pad("sink", PadTemplate.sink(Caps.ANY));
        final List<Buffer> buffers = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        volatile Caps restriction = Caps.ANY;
        volatile boolean pull;

        Sink(String name) {
            setName(name);
            setFlag(ElementFlag.SINK, true);
            pad.setChainFunction((p, parent, buffer) -> {
                synchronized (buffers) {
                    buffers.add(buffer);
                    buffers.notifyAll();
                }
                return FlowReturn.OK;
            });
            pad.setEventFunction((p, parent, event) -> {
                synchronized (buffers) {
                    events.add(event);
                    buffers.notifyAll();
                }
                if (event.type() == EventType.EOS) {
                    postMessage(new Message.Eos(this, event.seqnum()));
                }
                return true;
            });
            pad.setQueryFunction((p, parent, query) -> {
                if (query instanceof Query.CapsQuery q) {
                    q.setResult(q.filter() == null ? restriction : q.filter().intersect(restriction));
                    return true;
                }
                return p.queryDefault(query);
            });
            addPad(pad);
        }

        @Override
        protected StateChangeReturn changeState(StateChange transition) {
            if (transition == StateChange.READY_TO_PAUSED && pull && !pad.activateMode(PadMode.PULL, true)) {
                return StateChangeReturn.FAILURE;
            }
            return super.changeState(transition);
        }

        List<Buffer> awaitBuffers(int n) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 10_000;
            synchronized (buffers) {
                while (buffers.size() < n) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        throw new AssertionError(getName() + ": " + buffers.size() + " of " + n + " buffers within 10 s");
                    }
                    buffers.wait(left);
                }
                return List.copyOf(buffers);
            }
        }

        List<Event> events() {
            synchronized (buffers) {
                return List.copyOf(events);
            }
        }
    }

    private static FakeSrc fakesrc(String name) {
        Element e = ElementFactory.make("fakesrc", name);
        return assertInstanceOf(FakeSrc.class, e);
    }

    private Pipeline pipeline(Element src, Element sink) {
        pipeline = new Pipeline();
        pipeline.add(src, sink);
        src.linkOrThrow(sink);
        return pipeline;
    }

    private static Message await(Pipeline p, MessageType type) {
        Message m = p.getBus().timedPop(BUS_TIMEOUT, type, MessageType.ERROR);
        assertNotNull(m, "no " + type + " within 10 s");
        if (type != MessageType.ERROR && m instanceof Message.Error e) {
            throw new AssertionError("expected " + type + " but got " + e);
        }
        return m;
    }

    private static boolean noThreadsOf(String elementName) {
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith(elementName + ":"));
    }

    // ------------------------------------------------------------------ factory and properties

    @Test
    void registeredAsFakesrcWithGStreamersMetadata() {
        ElementFactory f = ElementFactory.make("fakesrc").getFactory();
        assertSame(FakeSrc.FACTORY, f);
        assertEquals("Fake Source", f.getLongName());
        assertEquals("Source", f.getKlass());
        assertEquals("Push empty (no data) buffers around", f.getDescription());
        assertEquals("gst-mini", f.getAuthor());
        PadTemplate t = f.getPadTemplates().get(0);
        assertEquals("src", t.nameTemplate());
        assertEquals(PadPresence.ALWAYS, t.presence());
        assertTrue(t.caps().isAny());
    }

    @Test
    void propertiesHaveGStreamersNamesAndDefaults() {
        FakeSrc src = fakesrc("props");
        List<String> names = src.listProperties().stream().map(Property::name).toList();
        assertTrue(names.containsAll(List.of("num-buffers", "blocksize", "do-timestamp", "data", "sizetype", "sizemin",
                "sizemax", "parentsize", "filltype", "datarate", "sync", "last-message", "silent", "signal-handoffs",
                "dump", "can-activate-push", "can-activate-pull", "is-live", "format")), names.toString());
        assertEquals(-1, src.getProperty("num-buffers"));
        assertEquals(FakeSrcSizeType.EMPTY, src.getProperty("sizetype"));
        assertEquals(0, src.getProperty("sizemin"));
        assertEquals(4096, src.getProperty("sizemax"));
        assertEquals(40960, src.getProperty("parentsize"));
        assertEquals(FakeSrcFillType.NOTHING, src.getProperty("filltype"));
        assertEquals(0, src.getProperty("datarate"));
        assertEquals(true, src.getProperty("silent"));
        assertEquals(false, src.getProperty("signal-handoffs"));
        assertEquals(true, src.getProperty("can-activate-pull"));
        assertEquals(true, src.getProperty("can-activate-push"));
        assertEquals(false, src.getProperty("is-live"));
        assertEquals(Format.BYTES, src.getProperty("format"));
        assertNull(src.getProperty("last-message"));
        assertFalse(src.findProperty("last-message").isWritable());

        src.setPropertyFromString("sizetype", "fixed");
        src.setPropertyFromString("filltype", "pattern-span");
        src.setPropertyFromString("format", "time");
        src.setPropertyFromString("is-live", "true");
        assertEquals(FakeSrcSizeType.FIXED, src.get(FakeSrc.SIZETYPE));
        assertEquals(FakeSrcFillType.PATTERN_SPAN, src.get(FakeSrc.FILLTYPE));
        assertEquals(Format.TIME, src.get(FakeSrc.FORMAT));
        assertTrue(src.isLive(), "is-live calls BaseSrc.setLive");
        assertThrows(IllegalArgumentException.class, () -> src.setPropertyFromString("sizetype", "huge"));
    }

    @Test
    void parseLaunchSetsTypedProperties() {
        // One element alone: gst_parse_launch returns the element itself, not a pipeline.
        Element e = Parse.launch("fakesrc name=parsed num-buffers=3 sizetype=fixed sizemax=10 filltype=pattern format=time");
        FakeSrc src = assertInstanceOf(FakeSrc.class, e);
        assertEquals("parsed", src.getName());
        assertEquals(3, src.get(BaseSrc.NUM_BUFFERS));
        assertEquals(FakeSrcSizeType.FIXED, src.get(FakeSrc.SIZETYPE));
        assertEquals(10, src.get(FakeSrc.SIZEMAX));
        assertEquals(FakeSrcFillType.PATTERN, src.get(FakeSrc.FILLTYPE));
        assertEquals(Format.TIME, src.get(FakeSrc.FORMAT));
    }

    // ------------------------------------------------------------------ with the real elements

    @Test
    void gstLaunchFakesrcToFakesink() {
        pipeline = (Pipeline) Parse.launch("fakesrc num-buffers=10 sizetype=fixed sizemax=8 ! fakesink");
        pipeline.setState(State.PLAYING);
        assertNotNull(await(pipeline, MessageType.EOS));
    }

    @Test
    void gstLaunchLiveFakesrcSyncedToAFakesinkThatSyncs() {
        pipeline = (Pipeline) Parse.launch("fakesrc name=src is-live=true format=time num-buffers=5 sizetype=fixed "
                + "sizemax=10 datarate=1000 sync=true ! fakesink sync=true");
        assertEquals(StateChangeReturn.NO_PREROLL, pipeline.setState(State.PAUSED));
        pipeline.setState(State.PLAYING);
        assertNotNull(await(pipeline, MessageType.EOS));
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertTrue(noThreadsOf("src"));
    }

    @Test
    void gstLaunchCapsfilterDecidesTheCapsOfAnAnySource() throws Exception {
        pipeline = (Pipeline) Parse.launch("fakesrc name=src num-buffers=2 ! capsfilter "
                + "caps=\"video/x-raw, width=(int)320, height=(int)[ 1, 480 ]\" ! fakesink");
        pipeline.setState(State.PLAYING);
        assertNotNull(await(pipeline, MessageType.EOS));
        FakeSrc src = (FakeSrc) pipeline.getByName("src");
        assertEquals(Caps.parse("video/x-raw, width=(int)320, height=(int)1"), src.getSrcPad().getCurrentCaps());
    }

    // ------------------------------------------------------------------ push mode

    @Test
    void numBuffersEmptyBuffersThenEos() throws Exception {
        FakeSrc src = fakesrc("five");
        src.set(BaseSrc.NUM_BUFFERS, 5);
        Sink sink = new Sink("fivesink");
        pipeline(src, sink);
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PLAYING));
        await(pipeline, MessageType.EOS);

        List<Buffer> buffers = sink.awaitBuffers(5);
        assertEquals(5, buffers.size());
        for (Buffer b : buffers) {
            assertEquals(0, b.size(), "sizetype=empty");
            assertEquals(0, b.offset(), "BYTES offsets do not move with empty buffers");
        }
        List<Event> events = sink.events();
        assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT),
                events.subList(0, 3).stream().map(Event::type).toList());
        assertEquals(BaseSrc.UNKNOWN_CAPS, ((Event.CapsEvent) events.get(1)).caps(),
                "ANY source, ANY sink: application/unknown");
        assertEquals(Format.BYTES, ((Event.SegmentEvent) events.get(2)).segment().getFormat());
        assertEquals(EventType.EOS, events.get(events.size() - 1).type());
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertTrue(noThreadsOf("five"));
    }

    @Test
    void fixedSizePatternAndDatarateTimestamps() throws Exception {
        FakeSrc src = fakesrc("rated");
        src.set(BaseSrc.NUM_BUFFERS, 3);
        src.set(FakeSrc.SIZETYPE, FakeSrcSizeType.FIXED);
        src.set(FakeSrc.SIZEMAX, 100);
        src.set(FakeSrc.FILLTYPE, FakeSrcFillType.PATTERN);
        src.set(FakeSrc.DATARATE, 1000);
        Sink sink = new Sink("ratedsink");
        pipeline(src, sink);
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);

        List<Buffer> buffers = sink.awaitBuffers(3);
        for (int i = 0; i < 3; i++) {
            Buffer b = buffers.get(i);
            assertEquals(100, b.size());
            assertEquals(i * 100L, b.offset(), "offset = bytes before it");
            assertEquals(i * 100 * ClockTime.MSECOND, b.pts(), "100 bytes at 1000 bytes/s = 100 ms");
            assertEquals(100 * ClockTime.MSECOND, b.duration());
            byte[] data = b.toByteArray();
            assertEquals(0, data[0], "pattern restarts in every buffer");
            assertEquals(99, data[99]);
        }
    }

    @Test
    void patternSpanContinuesAcrossBuffersAndSubbuffersSliceAParent() throws Exception {
        FakeSrc src = fakesrc("span");
        src.set(BaseSrc.NUM_BUFFERS, 4);
        src.set(FakeSrc.SIZETYPE, FakeSrcSizeType.FIXED);
        src.set(FakeSrc.SIZEMAX, 100);
        src.set(FakeSrc.FILLTYPE, FakeSrcFillType.PATTERN_SPAN);
        src.set(FakeSrc.DATA, FakeSrcDataType.SUBBUFFER);
        src.set(FakeSrc.PARENTSIZE, 250);
        Sink sink = new Sink("spansink");
        pipeline(src, sink);
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);

        List<Buffer> buffers = sink.awaitBuffers(4);
        int expected = 0;
        for (Buffer b : buffers) {
            byte[] data = b.toByteArray();
            assertEquals(100, data.length);
            for (byte value : data) {
                assertEquals((byte) expected, value);
                expected = (expected + 1) & 0xff;
            }
        }
    }

    @Test
    void randomSizesStayInRange() throws Exception {
        FakeSrc src = fakesrc("random");
        src.set(BaseSrc.NUM_BUFFERS, 50);
        src.set(FakeSrc.SIZETYPE, FakeSrcSizeType.RANDOM);
        src.set(FakeSrc.SIZEMIN, 10);
        src.set(FakeSrc.SIZEMAX, 20);
        src.set(FakeSrc.FILLTYPE, FakeSrcFillType.RANDOM);
        Sink sink = new Sink("randomsink");
        pipeline(src, sink);
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);
        for (Buffer b : sink.awaitBuffers(50)) {
            assertTrue(b.size() >= 10 && b.size() < 20, "size " + b.size());
        }
    }

    @Test
    void handoffListenersAndLastMessage() throws Exception {
        FakeSrc src = fakesrc("handoff");
        src.set(BaseSrc.NUM_BUFFERS, 3);
        src.set(FakeSrc.SIGNAL_HANDOFFS, true);
        src.set(FakeSrc.SILENT, false);
        List<Buffer> handedOff = new CopyOnWriteArrayList<>();
        List<String> messages = new CopyOnWriteArrayList<>();
        src.addHandoffListener(buffer -> {
            handedOff.add(buffer);
            messages.add((String) src.getProperty("last-message")); // written just before the handoff
        });
        Sink sink = new Sink("handoffsink");
        pipeline(src, sink);
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);

        assertEquals(3, handedOff.size(), "one handoff per buffer, before it leaves");
        assertEquals(sink.awaitBuffers(3).stream().map(Buffer::size).toList(), handedOff.stream().map(Buffer::size).toList());
        String last = messages.get(2);
        assertTrue(last.startsWith("create   ******* (handoff:src) (0 bytes, dts: none, pts:none, duration: none, "
                + "offset: 0, offset_end: -1, flags: 00000000 ) 0x"), last);
        String now = (String) src.getProperty("last-message");
        assertTrue(now.startsWith("create ") || now.startsWith("event   ******* (handoff:src) E (type: "), now);

        pipeline.setState(State.NULL);
        assertNull(src.getProperty("last-message"), "cleared in stop()");
    }

    @Test
    void noHandoffsUnlessSignalHandoffs() throws Exception {
        FakeSrc src = fakesrc("quiet");
        src.set(BaseSrc.NUM_BUFFERS, 3);
        List<Buffer> handedOff = new CopyOnWriteArrayList<>();
        src.addHandoffListener(handedOff::add);
        Sink sink = new Sink("quietsink");
        pipeline(src, sink);
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);
        assertTrue(handedOff.isEmpty());
        assertNull(src.getProperty("last-message"), "silent by default");
    }

    @Test
    void capsComeFromDownstreamWhenItRestricts() throws Exception {
        FakeSrc src = fakesrc("capsy");
        src.set(BaseSrc.NUM_BUFFERS, 1);
        Sink sink = new Sink("capsysink");
        sink.restriction = Caps.parse("video/x-raw, format=(string){ RGB, I420 }, width=(int)[ 16, 4096 ]");
        pipeline(src, sink);
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);
        assertEquals(Caps.parse("video/x-raw, format=(string)RGB, width=(int)16"), sink.pad.getCurrentCaps());
    }

    @Test
    void notLinkedIsAnInternalDataStreamError() {
        FakeSrc src = fakesrc("alone");
        pipeline = new Pipeline();
        pipeline.add(src);
        pipeline.setState(State.PLAYING);
        Message.Error error = (Message.Error) await(pipeline, MessageType.ERROR);
        assertSame(src, error.source());
        assertEquals(ErrorCode.STREAM_FAILED, error.code());
        assertEquals("Internal data stream error.", error.text());
        assertTrue(error.debug().contains("reason not-linked"), error.debug());
    }

    // ------------------------------------------------------------------ live

    @Test
    void liveWithSyncRunsOnTheClockAndStampsRunningTime() throws Exception {
        FakeSrc src = fakesrc("livefake");
        src.set(FakeSrc.IS_LIVE, true);
        src.set(FakeSrc.FORMAT, Format.TIME);
        src.set(FakeSrc.SIZETYPE, FakeSrcSizeType.FIXED);
        src.set(FakeSrc.SIZEMAX, 10);
        src.set(FakeSrc.DATARATE, 1000); // 10 ms per buffer
        src.set(FakeSrc.SYNC, true);
        Sink sink = new Sink("livefakesink");
        pipeline(src, sink);

        assertEquals(StateChangeReturn.NO_PREROLL, pipeline.setState(State.PAUSED));
        Query.LatencyQuery latency = new Query.LatencyQuery();
        assertTrue(src.getSrcPad().query(latency));
        assertTrue(latency.live());

        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PLAYING));
        List<Buffer> buffers = sink.awaitBuffers(4);
        for (int i = 0; i < 4; i++) {
            assertTrue(buffers.get(i).pts() >= 0);
            assertEquals(10 * ClockTime.MSECOND, buffers.get(i).duration());
        }
        for (int i = 1; i < 4; i++) {
            assertEquals(10 * ClockTime.MSECOND, buffers.get(i).pts() - buffers.get(i - 1).pts(),
                    "datarate timestamps, shifted by one constant offset to running time");
        }
        assertEquals(Format.TIME, ((Event.SegmentEvent) sink.events().stream()
                .filter(e -> e.type() == EventType.SEGMENT).findFirst().orElseThrow()).segment().getFormat());
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertTrue(noThreadsOf("livefake"));
    }

    // ------------------------------------------------------------------ activation modes

    @Test
    void pullModeServesRangesWhenCanActivatePull() throws Exception {
        FakeSrc src = fakesrc("pullfake");
        src.set(BaseSrc.NUM_BUFFERS, 2);
        src.set(FakeSrc.SIZETYPE, FakeSrcSizeType.FIXED);
        src.set(FakeSrc.SIZEMAX, 64);
        src.set(FakeSrc.FILLTYPE, FakeSrcFillType.PATTERN);
        Sink sink = new Sink("pullfakesink");
        sink.pull = true;
        pipeline(src, sink);

        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PAUSED));
        assertEquals(PadMode.PULL, src.getSrcPad().getMode());
        Buffer a = sink.pad.pullRange(0, 64);
        assertEquals(64, a.size());
        assertEquals(0, a.offset());
        Buffer b = sink.pad.pullRange(128, 64);
        assertEquals(128, b.offset(), "fakesrc stamps the offset it was asked for");
        FlowException eos = assertThrows(FlowException.class, () -> sink.pad.pullRange(192, 64));
        assertEquals(FlowReturn.EOS, eos.flow(), "num-buffers counts pulls too");
        assertTrue(noThreadsOf("pullfake"), "pull mode runs in the sink's thread");
    }

    @Test
    void pullModeRefusedWithoutCanActivatePull() {
        FakeSrc src = fakesrc("nopull");
        src.set(FakeSrc.CAN_ACTIVATE_PULL, false);
        Sink sink = new Sink("nopullsink");
        sink.pull = true;
        pipeline(src, sink);
        assertEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PAUSED));
    }

    @Test
    void pushModeRefusedWithoutCanActivatePush() {
        FakeSrc src = fakesrc("nopush");
        src.set(FakeSrc.CAN_ACTIVATE_PUSH, false);
        Sink sink = new Sink("nopushsink");
        pipeline(src, sink);
        assertEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PAUSED));
    }

    @Test
    void seekableInBytesWhenCanActivatePull() throws Exception {
        FakeSrc src = fakesrc("seekfake");
        Query.SeekingQuery q = new Query.SeekingQuery(Format.BYTES);
        assertTrue(src.getSrcPad().query(q));
        assertTrue(q.seekable());
        src.set(FakeSrc.CAN_ACTIVATE_PULL, false);
        Query.SeekingQuery q2 = new Query.SeekingQuery(Format.BYTES);
        assertTrue(src.getSrcPad().query(q2));
        assertFalse(q2.seekable());
    }
}
