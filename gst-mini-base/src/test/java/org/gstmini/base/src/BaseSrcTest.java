package org.gstmini.base.src;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gstmini.base.BaseSrc;
import org.gstmini.base.PushSrc;
import org.gstmini.base.src.TestSources.AnySrc;
import org.gstmini.base.src.TestSources.BlockingSrc;
import org.gstmini.base.src.TestSources.ByteSrc;
import org.gstmini.base.src.TestSources.FailingStartSrc;
import org.gstmini.base.src.TestSources.LiveSrc;
import org.gstmini.base.src.TestSources.RangeSrc;
import org.gstmini.base.src.TestSources.TimeSrc;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Query;
import org.gstmini.core.SeekFlag;
import org.gstmini.core.SeekType;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * BaseSrc and PushSrc through real pipelines: a source subclass, a {@link RecordingSink}, and
 * the pipeline's bus. Waits are bounded only as hang guards; nothing is timed.
 */
class BaseSrcTest {
    private static final long BUS_TIMEOUT = TimeUnit.SECONDS.toNanos(10);

    private Pipeline pipeline;

    @AfterEach
    void tearDown() {
        if (pipeline != null) {
            pipeline.setState(State.NULL);
        }
    }

    private Pipeline play(Element src, Element sink) {
        pipeline = new Pipeline();
        pipeline.add(src, sink);
        src.linkOrThrow(sink);
        return pipeline;
    }

    private static Message await(Pipeline p, MessageType type) {
        Message m = p.getBus().timedPop(BUS_TIMEOUT, type, MessageType.ERROR);
        assertNotNull(m, "no " + type + " message within 10 s");
        if (type != MessageType.ERROR && m instanceof Message.Error e) {
            throw new AssertionError("expected " + type + " but got " + e);
        }
        return m;
    }

    private static List<Thread> threadsOf(String elementName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(elementName + ":")).toList();
    }

    /**
     * Waits (hang guard 10 s) until the streaming thread of {@code elementName} is parked where
     * it cannot produce: waiting for PLAYING, or in a paused task.
     */
    private static void awaitStreamingThreadIdle(String elementName) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (Thread t : threadsOf(elementName)) {
                Thread.State s = t.getState();
                boolean parked = s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
                boolean idleFrame = Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("waitPlaying")
                        || f.getMethodName().equals("waitUntilStartedOrStopped"));
                if (parked && idleFrame) {
                    return;
                }
            }
            Thread.sleep(1);
        }
        throw new AssertionError(elementName + ": streaming thread did not become idle within 10 s");
    }

    // ------------------------------------------------------------------ push mode basics

    @Test
    void numBuffersThenEosWithStickyEventsFirst() throws Exception {
        TimeSrc src = new TimeSrc("numsrc", false);
        src.set(BaseSrc.NUM_BUFFERS, 5);
        RecordingSink sink = new RecordingSink("numsink");
        play(src, sink);

        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PLAYING));
        Message eos = await(pipeline, MessageType.EOS);
        assertSame(pipeline, eos.source());

        List<RecordingSink.Item> items = sink.items();
        assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT),
                items.subList(0, 3).stream().map(i -> i.event().type()).toList());
        assertEquals(EventType.EOS, items.get(items.size() - 1).event().type());
        List<Buffer> buffers = sink.buffers();
        assertEquals(5, buffers.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(i * TestSources.INTERVAL, buffers.get(i).pts());
            assertEquals(TestSources.INTERVAL, buffers.get(i).duration());
        }
        assertTrue(buffers.get(0).hasFlag(BufferFlag.DISCONT), "the first buffer after start is DISCONT");
        assertFalse(buffers.get(1).hasFlag(BufferFlag.DISCONT));

        Event.StreamStartEvent ss = (Event.StreamStartEvent) items.get(0).event();
        assertEquals("numsrc", ss.streamId());
        assertEquals(Caps.parse("test/x-data"), ((Event.CapsEvent) items.get(1).event()).caps());
        assertEquals(List.of(Caps.parse("test/x-data")), src.setCapsCalls);
        Segment segment = ((Event.SegmentEvent) items.get(2).event()).segment();
        assertEquals(Format.TIME, segment.getFormat());
        Query.PositionQuery position = new Query.PositionQuery(Format.TIME);
        assertTrue(src.getSrcPad().query(position));
        assertEquals(5 * TestSources.INTERVAL, position.position(), "the position follows pts + duration");
    }

    @Test
    void bytesSourceReadsBlocksUntilItsSizeThenEos() throws Exception {
        ByteSrc src = new ByteSrc("bytesrc", 10);
        src.set(BaseSrc.BLOCKSIZE, 4);
        RecordingSink sink = new RecordingSink("bytesink");
        play(src, sink);

        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);

        List<Buffer> buffers = sink.buffers();
        assertEquals(List.of(4, 4, 2), buffers.stream().map(Buffer::size).toList(), "the last read is clipped to the size");
        assertArrayEquals(new byte[] {8, 9}, buffers.get(2).toByteArray(), "fill() was asked for offset 8");
        assertEquals(0, buffers.get(0).dts(), "a buffer at offset 0 without timestamps starts at 0");
        assertEquals(0, buffers.get(0).pts(), "with a clock, do_sync gives it its DTS as PTS");
        Buffer asked = src.timesAsked.get(0);
        assertEquals(0, asked.dts(), "getTimes sees the DTS 0 already, as gst_base_src_get_range sets it first");
        assertEquals(ClockTime.NONE, asked.pts(), "getTimes is asked before do_sync sets the PTS");
        assertEquals(ClockTime.NONE, buffers.get(1).dts(), "only the buffer at offset 0 starts at 0");
        Segment segment = ((Event.SegmentEvent) sink.events().stream()
                .filter(e -> e.type() == EventType.SEGMENT).findFirst().orElseThrow()).segment();
        assertEquals(Format.BYTES, segment.getFormat());
        assertEquals(10, segment.getDuration(), "getSize() gives the BYTES duration");

        Query.DurationQuery dq = new Query.DurationQuery(Format.BYTES);
        assertTrue(src.getSrcPad().query(dq));
        assertEquals(10, dq.duration());
        Query.PositionQuery pq = new Query.PositionQuery(Format.BYTES);
        assertTrue(src.getSrcPad().query(pq));
        assertEquals(10, pq.position());
        Query.SeekingQuery sq = new Query.SeekingQuery(Format.BYTES);
        assertTrue(src.getSrcPad().query(sq));
        assertTrue(sq.seekable());
        assertEquals(10, sq.segmentEnd());
        assertFalse(src.getSrcPad().query(new Query.SeekingQuery(Format.TIME)), "no answer in another format");
    }

    @Test
    void notLinkedPostsInternalDataStreamErrorAndPushesEos() throws Exception {
        TimeSrc src = new TimeSrc("lonesrc", false);
        pipeline = new Pipeline();
        pipeline.add(src);

        pipeline.setState(State.PLAYING);
        Message m = await(pipeline, MessageType.ERROR);
        Message.Error error = (Message.Error) m;
        assertSame(src, error.source());
        assertEquals(ErrorCode.STREAM_FAILED, error.code());
        assertEquals("Internal data stream error.", error.text());
        assertTrue(error.debug().contains("streaming stopped, reason not-linked (-1)"), error.debug());
        // after the error, the source sent EOS (it waits on the pad for a link, as a sticky event)
        long deadline = System.currentTimeMillis() + 10_000;
        while (!src.getSrcPad().isEos() && System.currentTimeMillis() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(src.getSrcPad().isEos());
    }

    @Test
    void failingStartFailsTheStateChangeWithTheSubclassError() {
        FailingStartSrc src = new FailingStartSrc("nodevice");
        RecordingSink sink = new RecordingSink("nodevicesink");
        play(src, sink);

        assertEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PAUSED));
        Message.Error first = (Message.Error) pipeline.getBus().timedPop(BUS_TIMEOUT, MessageType.ERROR);
        assertNotNull(first);
        assertEquals(ErrorCode.RESOURCE_OPEN_READ, first.code());
        assertSame(src, first.source());
        assertTrue(threadsOf("nodevice").isEmpty());
    }

    @Test
    void sinkEosEndsTheTaskWithoutError() throws Exception {
        // Downstream returns EOS: the source pauses quietly and sends EOS.
        TimeSrc src = new TimeSrc("eossrc", false);
        RecordingSink sink = new RecordingSink("eossink");
        sink.pad().setChainFunction((pad, parent, buffer) -> FlowReturn.EOS);
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitEvent(EventType.EOS);
        assertNotNull(await(pipeline, MessageType.EOS));
    }

    // ------------------------------------------------------------------ live sources

    @Test
    void liveSourceProducesOnlyInPlayingAndStampsRunningTime() throws Exception {
        LiveSrc src = new LiveSrc("livesrc");
        src.set(BaseSrc.DO_TIMESTAMP, true);
        RecordingSink sink = new RecordingSink("livesink");
        play(src, sink);

        assertEquals(StateChangeReturn.NO_PREROLL, pipeline.setState(State.PAUSED));
        awaitStreamingThreadIdle("livesrc");
        assertEquals(0, src.created.get(), "a live source makes nothing in PAUSED");
        assertEquals(0, sink.buffers().size());

        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PLAYING));
        List<Buffer> first = sink.awaitBuffers(3);
        assertTrue(first.stream().allMatch(b -> b.pts() != ClockTime.NONE && b.pts() >= 0), "stamped with running time");
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i).pts() >= first.get(i - 1).pts(), "running time never goes back");
        }

        assertEquals(StateChangeReturn.NO_PREROLL, pipeline.setState(State.PAUSED));
        awaitStreamingThreadIdle("livesrc");
        int paused = sink.buffers().size();
        awaitStreamingThreadIdle("livesrc");
        assertEquals(paused, sink.buffers().size(), "nothing arrives while PAUSED");

        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PLAYING));
        sink.awaitBuffers(paused + 3);
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        assertTrue(threadsOf("livesrc").isEmpty());
    }

    @Test
    void latencyQueryAnswersLiveOrNot() {
        LiveSrc live = new LiveSrc("latlive");
        Query.LatencyQuery q = new Query.LatencyQuery();
        assertTrue(live.getSrcPad().query(q));
        assertTrue(q.live());
        assertEquals(0, q.min());

        TimeSrc notLive = new TimeSrc("latnotlive", false);
        Query.LatencyQuery q2 = new Query.LatencyQuery();
        assertTrue(notLive.getSrcPad().query(q2));
        assertFalse(q2.live());
    }

    @Test
    void eosSentToALiveSourceEndsTheStreamCleanly() throws Exception {
        LiveSrc src = new LiveSrc("eoslive");
        RecordingSink sink = new RecordingSink("eoslivesink");
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitBuffers(2);

        Event eos = Event.eos();
        assertTrue(pipeline.sendEvent(eos), "a bin sends EOS to its sources");
        await(pipeline, MessageType.EOS);
        Event last = sink.events().get(sink.events().size() - 1);
        assertEquals(EventType.EOS, last.type());
        assertEquals(eos.seqnum(), last.seqnum(), "the application's own EOS event travels down");
    }

    // ------------------------------------------------------------------ unlock and threads

    @Test
    void settingNullWhileCreateIsBlockedUnlocksItAndLeavesNoThread() throws Exception {
        BlockingSrc src = new BlockingSrc("blocksrc", false);
        RecordingSink sink = new RecordingSink("blocksink");
        play(src, sink);
        pipeline.setState(State.PLAYING);
        assertTrue(src.entered.await(10, TimeUnit.SECONDS), "create() was called");

        StateChangeReturn ret = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> pipeline.setState(State.NULL));
        assertEquals(StateChangeReturn.SUCCESS, ret);
        assertTrue(src.unlocks.get() >= 1, "unlock() woke the blocked create()");
        assertTrue(src.unlockStops.get() >= 1, "unlockStop() cleared it again");
        assertTrue(threadsOf("blocksrc").isEmpty(), "no streaming thread after NULL: " + threadsOf("blocksrc"));
        assertTrue(sink.buffers().isEmpty());
        assertTrue(pipeline.getBus().timedPop(0, MessageType.ERROR) == null, "an unlock is no error");
    }

    @Test
    void liveSourceGoingToPausedUnlocksABlockedCreate() throws Exception {
        BlockingSrc src = new BlockingSrc("blocklive", true);
        RecordingSink sink = new RecordingSink("blocklivesink");
        play(src, sink);
        assertEquals(StateChangeReturn.NO_PREROLL, pipeline.setState(State.PAUSED));
        pipeline.setState(State.PLAYING);
        assertTrue(src.entered.await(10, TimeUnit.SECONDS));

        StateChangeReturn ret = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> pipeline.setState(State.PAUSED));
        assertEquals(StateChangeReturn.NO_PREROLL, ret);
        assertEquals(1, src.unlocks.get());
        awaitStreamingThreadIdle("blocklive");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> pipeline.setState(State.NULL));
        assertTrue(threadsOf("blocklive").isEmpty());
    }

    @Test
    void repeatedNullToPlayingToNullWhileDataFlows() throws Exception {
        TimeSrc src = new TimeSrc("cyclesrc", false);
        RecordingSink sink = new RecordingSink("cyclesink");
        play(src, sink);
        for (int round = 0; round < 25; round++) {
            sink.clear();
            assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PLAYING));
            List<Buffer> got = sink.awaitBuffers(3);
            assertEquals(0, got.get(0).pts(), "round " + round + " starts from the beginning");
            assertEquals(EventType.STREAM_START, sink.events().get(0).type(), "each run is a new stream");
            assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
            assertTrue(threadsOf("cyclesrc").isEmpty(), "round " + round);
        }
        assertTrue(pipeline.getBus().timedPop(0, MessageType.ERROR) == null);
    }

    // ------------------------------------------------------------------ seeking

    @Test
    void flushingSeekFlushesAndRestartsFromTheNewPosition() throws Exception {
        TimeSrc src = new TimeSrc("seeksrc", true);
        RecordingSink sink = new RecordingSink("seeksink");
        sink.blockAfter(3); // like a sink waiting on its clock
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitBuffers(3);

        Event.SeekEvent seek = Event.seek(1.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH), SeekType.SET,
                ClockTime.SECOND, SeekType.NONE, ClockTime.NONE);
        assertTrue(pipeline.sendEvent(seek));

        List<RecordingSink.Item> items = sink.await(list -> list.stream().filter(RecordingSink.Item::isBuffer).count() >= 6);
        int flushStart = indexOf(items, EventType.FLUSH_START);
        int flushStop = indexOf(items, EventType.FLUSH_STOP);
        int segment = lastIndexOf(items, EventType.SEGMENT);
        assertTrue(flushStart >= 0 && flushStart < flushStop && flushStop < segment, "FLUSH_START, FLUSH_STOP, SEGMENT: " + items);
        assertEquals(seek.seqnum(), items.get(flushStart).event().seqnum());
        assertEquals(seek.seqnum(), items.get(flushStop).event().seqnum());
        assertTrue(((Event.FlushStopEvent) items.get(flushStop).event()).resetTime());
        Event.SegmentEvent seg = (Event.SegmentEvent) items.get(segment).event();
        assertEquals(seek.seqnum(), seg.seqnum(), "the new SEGMENT carries the seek's seqnum");
        assertEquals(ClockTime.SECOND, seg.segment().getStart());
        assertEquals(0, seg.segment().getBase(), "a flushing seek restarts running time");

        Buffer afterSeek = items.get(segment + 1).buffer();
        assertNotNull(afterSeek, "data follows the SEGMENT");
        assertEquals(ClockTime.SECOND, afterSeek.pts());
        assertTrue(afterSeek.hasFlag(BufferFlag.DISCONT));
        assertEquals(ClockTime.SECOND + TestSources.INTERVAL, items.get(segment + 2).buffer().pts());
        assertTrue(pipeline.getBus().timedPop(0, MessageType.ERROR) == null, "a seek is no error");
    }

    @Test
    void nonFlushingSeekContinuesRunningTimeWithANewSegment() throws Exception {
        TimeSrc src = new TimeSrc("nfseeksrc", true);
        RecordingSink sink = new RecordingSink("nfseeksink");
        sink.blockAfter(3);
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitBuffers(3);

        Event.SeekEvent seek = Event.seek(1.0, Format.TIME, EnumSet.noneOf(SeekFlag.class), SeekType.SET,
                5 * ClockTime.SECOND, SeekType.NONE, ClockTime.NONE);
        // A non-flushing seek waits for the streaming thread to finish its push: seek from a
        // second thread, then let the sink return.
        Thread seeker = new Thread(() -> pipeline.sendEvent(seek), "seeker");
        seeker.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (seeker.getState() != Thread.State.WAITING && System.currentTimeMillis() < deadline) {
            Thread.sleep(1); // until the seek waits for the streaming thread's push
        }
        sink.blockAfter(1_000); // the blocked push returns; the seek goes on
        seeker.join(10_000);
        assertFalse(seeker.isAlive());

        List<RecordingSink.Item> items = sink.await(list -> {
            int seg = -1;
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isBuffer() && list.get(i).event().seqnum() == seek.seqnum()) {
                    seg = i;
                }
            }
            return seg >= 0 && seg + 1 < list.size();
        });
        assertEquals(-1, indexOf(items, EventType.FLUSH_START), "no flush");
        int segment = -1;
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isBuffer() && items.get(i).event().seqnum() == seek.seqnum()) {
                segment = i;
            }
        }
        Event.SegmentEvent seg = (Event.SegmentEvent) items.get(segment).event();
        assertEquals(5 * ClockTime.SECOND, seg.segment().getStart());
        long buffersBefore = items.subList(0, segment).stream().filter(RecordingSink.Item::isBuffer).count();
        assertEquals(buffersBefore * TestSources.INTERVAL, seg.segment().getBase(),
                "running time continues from where the old segment stopped");
        assertEquals(5 * ClockTime.SECOND, items.get(segment + 1).buffer().pts());
        sink.release();
    }

    @Test
    void seekSentBeforeStartingIsPerformedWhenTheSourceStarts() throws Exception {
        TimeSrc src = new TimeSrc("earlyseek", true);
        RecordingSink sink = new RecordingSink("earlyseeksink");
        sink.blockAfter(2);
        play(src, sink);
        Event.SeekEvent seek = Event.seek(1.0, Format.TIME, EnumSet.noneOf(SeekFlag.class), SeekType.SET,
                2 * ClockTime.SECOND, SeekType.NONE, ClockTime.NONE);
        assertTrue(src.sendEvent(seek), "kept until the source starts (gst_base_src_send_event)");

        pipeline.setState(State.PLAYING);
        List<Buffer> buffers = sink.awaitBuffers(2);
        assertEquals(2 * ClockTime.SECOND, buffers.get(0).pts());
        Event.SegmentEvent seg = (Event.SegmentEvent) sink.events().stream()
                .filter(e -> e.type() == EventType.SEGMENT).findFirst().orElseThrow();
        assertEquals(seek.seqnum(), seg.seqnum());
        assertEquals(2 * ClockTime.SECOND, seg.segment().getStart());
    }

    @Test
    void tagEventSentToTheSourceGoesOutBeforeTheNextBuffer() throws Exception {
        TimeSrc src = new TimeSrc("tagsrc", false);
        RecordingSink sink = new RecordingSink("tagsink");
        sink.blockAfter(1);
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitBuffers(1);

        Event tag = Event.tag(org.gstmini.core.caps.Structure.of("taglist").with("title", "test"));
        assertTrue(src.sendEvent(tag));
        sink.blockAfter(3);
        List<RecordingSink.Item> items = sink.await(list -> list.stream().filter(RecordingSink.Item::isBuffer).count() >= 3);
        int at = indexOf(items, EventType.TAG);
        assertTrue(at > 0, "TAG arrived: " + items);
        assertSame(tag, items.get(at).event());
        assertTrue(items.get(at + 1).isBuffer(), "in the data flow, before a buffer");
    }

    @Test
    void seekOnANonSeekableSourceIsRefused() throws Exception {
        TimeSrc src = new TimeSrc("noseeksrc", false);
        RecordingSink sink = new RecordingSink("noseeksink");
        sink.blockAfter(1);
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitBuffers(1);
        Event.SeekEvent seek = Event.seek(1.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH), SeekType.SET,
                ClockTime.SECOND, SeekType.NONE, ClockTime.NONE);
        assertFalse(pipeline.sendEvent(seek));
        assertFalse(src.sendEvent(seek), "also when sent to the element");
        assertEquals(-1, indexOf(sink.items(), EventType.FLUSH_START));
    }

    // ------------------------------------------------------------------ pull mode

    @Test
    void randomAccessSourceServesRangesInPullMode() throws Exception {
        ByteSrc src = new ByteSrc("pullsrc", 10);
        RecordingSink sink = new RecordingSink("pullsink");
        sink.usePullMode();
        play(src, sink);

        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.PAUSED));
        assertTrue(src.isRandomAccess());
        assertTrue(threadsOf("pullsrc").isEmpty(), "no task in pull mode: the sink's thread does the work");
        Buffer a = sink.pad().pullRange(0, 4);
        assertArrayEquals(new byte[] {0, 1, 2, 3}, a.toByteArray());
        Buffer b = sink.pad().pullRange(8, 4);
        assertArrayEquals(new byte[] {8, 9}, b.toByteArray(), "clipped to the size");
        FlowException eos = assertThrows(FlowException.class, () -> sink.pad().pullRange(10, 4));
        assertEquals(FlowReturn.EOS, eos.flow());
        assertFalse(src.sendEvent(Event.seek(1.0, Format.BYTES, EnumSet.of(SeekFlag.FLUSH), SeekType.SET, 0,
                SeekType.NONE, ClockTime.NONE)), "no seek event in pull mode: the sink asks for offsets");
        assertEquals(StateChangeReturn.SUCCESS, pipeline.setState(State.NULL));
        FlowException flushing = assertThrows(FlowException.class, () -> src.getSrcPad().getRange(0, 4));
        assertEquals(FlowReturn.FLUSHING, flushing.flow());
    }

    @Test
    void pushSourceRefusesPullMode() {
        TimeSrc src = new TimeSrc("pushonly", true);
        RecordingSink sink = new RecordingSink("pushonlysink");
        sink.usePullMode();
        play(src, sink);
        assertFalse(src.isRandomAccess());
        assertEquals(StateChangeReturn.FAILURE, pipeline.setState(State.PAUSED));
    }

    // ------------------------------------------------------------------ negotiation

    @Test
    void fixatePicksFromTheSourceRangeWithinTheDownstreamRestriction() throws Exception {
        RangeSrc src = new RangeSrc("camsrc", true);
        RecordingSink sink = new RecordingSink("camsink");
        sink.restrictCaps(Caps.parse("video/x-raw, width=(int)[ 320, 640 ], height=(int)240"));
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitBuffers(1);

        Caps expected = Caps.parse("video/x-raw, width=(int)500, height=(int)240");
        assertEquals(expected, src.getSrcPad().getCurrentCaps());
        assertEquals(List.of(expected), src.setCapsCalls);
        assertEquals(expected, sink.pad().getCurrentCaps());
    }

    @Test
    void defaultFixateTakesTheLowestValues() throws Exception {
        RangeSrc src = new RangeSrc("plainsrc", false);
        RecordingSink sink = new RecordingSink("plainsink");
        sink.restrictCaps(Caps.parse("video/x-raw, width=(int)[ 320, 640 ]"));
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitBuffers(1);
        assertEquals(Caps.parse("video/x-raw, width=(int)320, height=(int)1"), sink.pad().getCurrentCaps());
    }

    @Test
    void noCommonFormatPostsAnErrorNamingBothCaps() throws Exception {
        RangeSrc src = new RangeSrc("videosrc", true);
        RecordingSink sink = new RecordingSink("audiosink");
        play(src, sink);
        sink.restrictCaps(Caps.parse("audio/x-raw, rate=(int)48000")); // after linking, as a renegotiating sink would
        pipeline.setState(State.PLAYING);

        Message.Error error = (Message.Error) await(pipeline, MessageType.ERROR);
        assertSame(src, error.source());
        assertEquals("Internal data stream error.", error.text());
        String debug = error.debug();
        assertTrue(debug.contains("not-negotiated"), debug);
        assertTrue(debug.contains("video/x-raw"), debug);
        assertTrue(debug.contains("audio/x-raw"), debug);
        assertTrue(debug.contains("audiosink:sink"), debug);
        assertTrue(sink.buffers().isEmpty());
    }

    @Test
    void capsRefusedBySetCapsIsNotNegotiated() throws Exception {
        RangeSrc src = new RangeSrc("pickysrc", false);
        src.refuseCaps();
        RecordingSink sink = new RecordingSink("pickysink");
        play(src, sink);
        pipeline.setState(State.PLAYING);
        Message.Error error = (Message.Error) await(pipeline, MessageType.ERROR);
        assertTrue(error.debug().contains("not-negotiated"), error.debug());
        assertEquals(1, src.setCapsCalls.size());
    }

    @Test
    void capsRefusedDownstreamAtTheCapsEventIsNotNegotiated() throws Exception {
        // The sink says in its CAPS query it takes anything, but refuses the CAPS event itself.
        RangeSrc src = new RangeSrc("liarsrc", false);
        RecordingSink sink = new RecordingSink("liarsink");
        play(src, sink);
        sink.pad().setQueryFunction((pad, parent, query) -> {
            if (query instanceof Query.AcceptCapsQuery q) {
                q.setResult(false);
                return true;
            }
            return pad.queryDefault(query);
        });
        pipeline.setState(State.PLAYING);
        Message.Error error = (Message.Error) await(pipeline, MessageType.ERROR);
        assertTrue(error.debug().contains("not-negotiated"), error.debug());
        assertTrue(error.debug().contains("refused caps video/x-raw"), error.debug());
    }

    @Test
    void anySourceToAnySinkSendsApplicationUnknown() throws Exception {
        AnySrc src = new AnySrc("anysrc");
        RecordingSink sink = new RecordingSink("anysink");
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitBuffers(1);
        assertEquals(BaseSrc.UNKNOWN_CAPS, sink.pad().getCurrentCaps());
    }

    @Test
    void anySourceTakesWhatDownstreamRestrictsTo() throws Exception {
        AnySrc src = new AnySrc("anysrc2");
        RecordingSink sink = new RecordingSink("videoonly");
        sink.restrictCaps(Caps.parse("video/x-raw, width=(int)[ 16, 64 ]; image/png"));
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitBuffers(1);
        assertEquals(Caps.parse("video/x-raw, width=(int)16"), sink.pad().getCurrentCaps());
    }

    // ------------------------------------------------------------------ the fast path's cached state

    /** A push source of bytes that shrinks its own blocksize after its third buffer. */
    private static final class ShrinkingSrc extends PushSrc {
        private int made;

        ShrinkingSrc() {
            super(PadTemplate.src(Caps.parse("application/x-test-bytes")));
            setName("shrinking");
            set(BLOCKSIZE, 8);
            set(NUM_BUFFERS, 6);
        }

        @Override
        protected void fill(ByteBuffer data) {
            if (++made == 3) {
                set(BLOCKSIZE, 2); // a property set while PLAYING (blocksize is mutable there)
            }
        }
    }

    /** The loop reads blocksize from a cached field: a new value must reach the next buffer. */
    @Test
    void aBlocksizeSetWhilePlayingAppliesToTheNextBuffer() throws Exception {
        ShrinkingSrc src = new ShrinkingSrc();
        List<Buffer> buffers = playToEos(src);
        assertEquals(List.of(8, 8, 8, 2, 2, 2), buffers.stream().map(Buffer::size).toList());
        assertEquals(2, src.getBlocksize());
        assertEquals(3 * 8 + 3 * 2, positionOf(src, Format.BYTES), "the position the streaming thread stored");
    }

    /**
     * A TIME source of 10 ms buffers that, at its fourth buffer, starts a seamless segment from
     * 1 s that stops at 1.02 s.
     */
    private static final class SeamlessSrc extends PushSrc {
        private long next;
        private int made;

        SeamlessSrc() {
            super(PadTemplate.src(Caps.parse("test/x-data")));
            setName("seamless");
            setFormat(Format.TIME);
        }

        @Override
        protected Buffer create() {
            if (++made == 4) {
                next = ClockTime.SECOND;
                newSeamlessSegment(next, next + 20 * ClockTime.MSECOND, next);
            }
            long pts = next;
            next += TestSources.INTERVAL;
            return Buffer.wrap(new byte[] {(byte) made}).withTimestamps(pts, ClockTime.NONE, TestSources.INTERVAL);
        }
    }

    /**
     * The loop keeps its own view of the segment: a segment started inside create must replace
     * it at once, or the loop would miss the new stop and never end.
     */
    @Test
    void aSegmentStartedInsideCreateIsTheOneTheLoopEndsOn() throws Exception {
        SeamlessSrc src = new SeamlessSrc();
        List<Long> pts = playToEos(src).stream().map(Buffer::pts).toList();
        assertEquals(List.of(0L, 10 * ClockTime.MSECOND, 20 * ClockTime.MSECOND, ClockTime.SECOND,
                ClockTime.SECOND + 10 * ClockTime.MSECOND), pts, "EOS at the new segment's stop");
        RecordingSink sink = (RecordingSink) pipeline.getByName("fastpathsink");
        List<Segment> segments = sink.events().stream().filter(e -> e.type() == EventType.SEGMENT)
                .map(e -> ((Event.SegmentEvent) e).segment()).toList();
        assertEquals(2, segments.size());
        assertEquals(ClockTime.SECOND, segments.get(1).getStart());
        assertEquals(30 * ClockTime.MSECOND, segments.get(1).getBase(), "running time continues seamlessly");
        assertEquals(ClockTime.SECOND + 20 * ClockTime.MSECOND, positionOf(src, Format.TIME));
    }

    /** Plays {@code src} into a RecordingSink "fastpathsink" until EOS; returns the buffers. */
    private List<Buffer> playToEos(BaseSrc src) {
        RecordingSink sink = new RecordingSink("fastpathsink");
        play(src, sink);
        pipeline.setState(State.PLAYING);
        await(pipeline, MessageType.EOS);
        return sink.buffers();
    }

    private static long positionOf(BaseSrc src, Format format) {
        Query.PositionQuery pq = new Query.PositionQuery(format);
        assertTrue(src.getSrcPad().query(pq));
        return pq.position();
    }

    /** DURATION queries write the segment from another thread while the loop reads its view of it. */
    @Test
    void durationQueriesWhileStreamingLeaveTheStreamIntact() throws Exception {
        ByteSrc src = new ByteSrc("durationsrc", 1 << 20);
        src.set(BaseSrc.BLOCKSIZE, 1024);
        RecordingSink sink = new RecordingSink("durationsink");
        play(src, sink);
        pipeline.setState(State.PLAYING);
        sink.awaitBuffers(3);
        for (int i = 0; i < 20; i++) {
            Query.DurationQuery dq = new Query.DurationQuery(Format.BYTES);
            assertTrue(src.getSrcPad().query(dq));
            assertEquals(1 << 20, dq.duration());
        }
        await(pipeline, MessageType.EOS);
        assertEquals(1 << 20, sink.buffers().stream().mapToInt(Buffer::size).sum(), "every byte, once");
    }

    private static int indexOf(List<RecordingSink.Item> items, EventType type) {
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isBuffer() && items.get(i).event().type() == type) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<RecordingSink.Item> items, EventType type) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (!items.get(i).isBuffer() && items.get(i).event().type() == type) {
                return i;
            }
        }
        return -1;
    }
}
