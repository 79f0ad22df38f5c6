package org.gstmini.core.model;

import static org.gstmini.core.model.ModelSupport.buffer;
import static org.gstmini.core.model.ModelSupport.startStream;
import static org.gstmini.core.model.ModelSupport.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.gstmini.core.Bin;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadLinkReturn;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadProbe;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.testing.PassThrough;
import org.junit.jupiter.api.Test;

/** GstPad's model: linking, pushing, sticky events, flushing, caps queries, pull mode, probes. */
class PadTest {

    /** A sink pad that records every buffer and event it receives, in arrival order. */
    static final class Recorder {
        final Pad pad;
        final List<Object> items = new CopyOnWriteArrayList<>();

        Recorder(String name) {
            this(new Pad(name, PadDirection.SINK));
        }

        Recorder(Pad pad) {
            this.pad = pad;
            pad.setChainFunction((p, parent, b) -> {
                items.add(b);
                return FlowReturn.OK;
            });
            pad.setEventFunction((p, parent, e) -> {
                items.add(e);
                return true;
            });
        }

        List<Buffer> buffers() {
            return items.stream().filter(i -> i instanceof Buffer).map(i -> (Buffer) i).toList();
        }

        List<EventType> eventTypes() {
            return items.stream().filter(i -> i instanceof Event).map(i -> ((Event) i).type()).toList();
        }

        /** "SS", "CAPS", ... for events and "buf" for buffers, in order. */
        List<String> trace() {
            List<String> out = new ArrayList<>();
            for (Object i : items) {
                out.add(i instanceof Buffer ? "buf" : ((Event) i).type().name());
            }
            return out;
        }
    }

    private static Pad activeSrc(String name) {
        Pad src = new Pad(name, PadDirection.SRC);
        assertTrue(src.setActive(true));
        return src;
    }

    private static Recorder activeSink(String name) {
        Recorder r = new Recorder(name);
        assertTrue(r.pad.setActive(true));
        return r;
    }

    // ------------------------------------------------------------------ linking

    @Test
    void linkSucceedsOnceAndRefusesWrongDirectionAndSecondLinks() {
        Pad src = new Pad("src", PadDirection.SRC);
        Pad sink = new Pad("sink", PadDirection.SINK);
        assertEquals(PadLinkReturn.WRONG_DIRECTION, sink.link(src));
        assertEquals(PadLinkReturn.WRONG_DIRECTION, src.link(new Pad("src2", PadDirection.SRC)));
        assertEquals(PadLinkReturn.OK, src.link(sink));
        assertSame(sink, src.getPeer());
        assertSame(src, sink.getPeer());
        assertEquals(PadLinkReturn.WAS_LINKED, src.link(new Pad("other", PadDirection.SINK)));
        assertEquals(PadLinkReturn.WAS_LINKED, new Pad("other", PadDirection.SRC).link(sink));
        assertTrue(src.unlink(sink));
        assertFalse(src.isLinked());
        assertFalse(sink.isLinked());
        assertFalse(src.unlink(sink), "unlinking twice");
    }

    @Test
    void linkRefusesPadsWhoseTemplateCapsDoNotIntersect() {
        Pad audio = new Pad("src", PadTemplate.src(Caps.parse("audio/x-raw")));
        Pad video = new Pad("sink", PadTemplate.sink(Caps.parse("video/x-raw")));
        assertEquals(PadLinkReturn.NOFORMAT, audio.link(video));
        assertFalse(audio.isLinked());
        Pad anyVideo = new Pad("sink", PadTemplate.sink(Caps.parse("video/x-raw; audio/x-raw, rate=44100")));
        assertEquals(PadLinkReturn.OK, audio.link(anyVideo));
    }

    @Test
    void linkRefusesElementsInDifferentBins() {
        Bin a = new Bin("bin-a");
        Bin b = new Bin("bin-b");
        PassThrough left = new PassThrough();
        PassThrough right = new PassThrough();
        PassThrough loose = new PassThrough();
        a.add(left);
        b.add(right);
        assertEquals(PadLinkReturn.WRONG_HIERARCHY, left.getStaticPad("src").link(right.getStaticPad("sink")));
        assertEquals(PadLinkReturn.WRONG_HIERARCHY, left.getStaticPad("src").link(loose.getStaticPad("sink")));
        b.remove(right);
        a.add(right);
        assertEquals(PadLinkReturn.OK, left.getStaticPad("src").link(right.getStaticPad("sink")));
    }

    /** gst_pad_link_check_hierarchy: "if the parents are the same, we have a loop". */
    @Test
    void linkRefusesALoopOntoTheSameElement() {
        PassThrough pt = new PassThrough();
        assertEquals(PadLinkReturn.WRONG_HIERARCHY, pt.getStaticPad("src").link(pt.getStaticPad("sink")));
    }

    // ------------------------------------------------------------------ pushing

    @Test
    void pushOnUnlinkedActivePadIsNotLinked() {
        Pad src = activeSrc("src");
        assertEquals(FlowReturn.NOT_LINKED, src.push(buffer(1)));
        startStream(src); // sticky events are kept for a later peer, even unlinked
        assertEquals(3, src.getStickyEvents().size());
        assertEquals(FlowReturn.NOT_LINKED, src.push(buffer(2)));
    }

    @Test
    void pushOnInactivePadIsFlushing() {
        Pad src = new Pad("src", PadDirection.SRC);
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        assertTrue(src.isFlushing());
        assertEquals(FlowReturn.FLUSHING, src.push(buffer(1)));
        assertTrue(sink.items.isEmpty());
        // and an inactive sink pad refuses too
        Pad src2 = activeSrc("src2");
        Recorder inactive = new Recorder("sink2");
        src2.link(inactive.pad);
        startStream(src2);
        assertEquals(FlowReturn.FLUSHING, src2.push(buffer(1)));
        assertTrue(inactive.items.isEmpty());
    }

    @Test
    void pushPushesToThePeerChainFunctionSynchronously() {
        Pad src = activeSrc("src");
        Pad sink = new Pad("sink", PadDirection.SINK);
        AtomicReference<Thread> chainThread = new AtomicReference<>();
        sink.setChainFunction((p, parent, b) -> {
            chainThread.set(Thread.currentThread());
            assertTrue(p.getStreamLock().isHeldByCurrentThread(), "chain runs under the stream lock");
            return FlowReturn.EOS; // whatever the chain says travels back
        });
        sink.setActive(true);
        src.link(sink);
        startStream(src);
        assertEquals(FlowReturn.EOS, src.push(buffer(1)));
        assertSame(Thread.currentThread(), chainThread.get());
    }

    @Test
    void bufferBeforeStreamStartCapsSegmentIsAnErrorNamingPadAndMissingEvents() {
        Pad src = activeSrc("src");
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> src.push(buffer(1)));
        assertTrue(e.getMessage().startsWith(sink.pad + ": received a buffer before STREAM_START, CAPS, SEGMENT"),
                e.getMessage());
        src.pushEvent(Event.streamStart("s"));
        e = assertThrows(IllegalStateException.class, () -> src.push(buffer(1)));
        assertTrue(e.getMessage().startsWith(sink.pad + ": received a buffer before CAPS, SEGMENT:"), e.getMessage());
        src.pushEvent(Event.caps(Caps.parse("test/x")));
        e = assertThrows(IllegalStateException.class, () -> src.push(buffer(1)));
        assertTrue(e.getMessage().startsWith(sink.pad + ": received a buffer before SEGMENT:"), e.getMessage());
        src.pushEvent(Event.segment(new Segment(Format.TIME)));
        assertEquals(FlowReturn.OK, src.push(buffer(1)));
        assertEquals(1, sink.buffers().size());
    }

    @Test
    void dataAfterEosIsRefusedWithEosUntilANewStreamStarts() {
        Pad src = activeSrc("src");
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        startStream(src);
        assertEquals(FlowReturn.OK, src.push(buffer(1)));
        assertTrue(src.pushEvent(Event.eos()));
        assertTrue(src.isEos());
        assertTrue(sink.pad.isEos());
        assertEquals(FlowReturn.EOS, src.push(buffer(2)));
        assertFalse(src.pushEvent(Event.segment(new Segment(Format.TIME))), "sticky events after EOS are refused");
        assertEquals(FlowReturn.EOS, sink.pad.chain(buffer(3)), "the sink pad refuses data after EOS too");
        assertEquals(List.of("STREAM_START", "CAPS", "SEGMENT", "buf", "EOS"), sink.trace());
        // a new STREAM_START begins a new stream and clears EOS
        assertTrue(src.pushEvent(Event.streamStart("again")));
        assertFalse(src.isEos());
        assertFalse(sink.pad.isEos());
        assertEquals(FlowReturn.OK, src.push(buffer(4)));
    }

    @Test
    void flushStartMakesPushFlushingAndFlushStopClearsEosAndNeedsANewSegment() {
        Pad src = activeSrc("src");
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        startStream(src);
        assertTrue(src.pushEvent(Event.eos()));

        assertTrue(src.pushEvent(Event.flushStart()));
        assertTrue(src.isFlushing());
        assertTrue(sink.pad.isFlushing());
        assertEquals(FlowReturn.FLUSHING, src.push(buffer(1)));
        assertFalse(src.pushEvent(Event.segment(new Segment(Format.TIME))), "serialized events are refused while flushing");

        assertTrue(src.pushEvent(Event.flushStop(true)));
        assertFalse(src.isFlushing());
        assertFalse(src.isEos());
        assertFalse(sink.pad.isEos());
        assertNull(sink.pad.getCurrentSegment(), "FLUSH_STOP drops the segment");
        assertNotNull(sink.pad.getCurrentCaps(), "but keeps the caps");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> src.push(buffer(2)));
        assertTrue(e.getMessage().contains("before SEGMENT"), e.getMessage());
        assertTrue(src.pushEvent(Event.segment(new Segment(Format.TIME))));
        assertEquals(FlowReturn.OK, src.push(buffer(3)));
        assertEquals(List.of("STREAM_START", "CAPS", "SEGMENT", "EOS", "FLUSH_START", "FLUSH_STOP", "SEGMENT", "buf"),
                sink.trace());
    }

    /** gst_pad_push_event: FLUSH_STOP only clears the flushing flag of an active pad. */
    @Test
    void flushStopOnAnInactivePadKeepsItFlushing() {
        Pad src = new Pad("src", PadDirection.SRC);
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        assertFalse(src.pushEvent(Event.flushStop(true)), "flush-stop on an inactive pad is refused");
        assertTrue(src.isFlushing(), "an inactive pad must stay flushing");
        assertEquals(FlowReturn.FLUSHING, src.push(buffer(1)));
        assertTrue(sink.items.isEmpty(), "nothing is forwarded: " + sink.trace());

        Recorder inactiveSink = new Recorder("sink2");
        assertFalse(inactiveSink.pad.sendEvent(Event.flushStop(true)));
        assertTrue(inactiveSink.pad.isFlushing());
    }

    // ------------------------------------------------------------------ sticky events

    @Test
    void stickyEventsAreStoredInOrderAndReplacedBySameType() {
        Pad src = activeSrc("src");
        assertTrue(src.pushEvent(Event.streamStart("s")));
        assertTrue(src.pushEvent(Event.segment(new Segment(Format.TIME))));
        assertTrue(src.pushEvent(Event.caps(Caps.parse("test/a"))));
        assertEquals(List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT),
                src.getStickyEvents().stream().map(Event::type).toList(), "stored in sticky order, not arrival order");
        assertTrue(src.pushEvent(Event.caps(Caps.parse("test/b"))));
        assertEquals(3, src.getStickyEvents().size());
        assertEquals(Caps.parse("test/b"), ((Event.CapsEvent) src.getStickyEvent(EventType.CAPS)).caps());
        assertNull(src.getStickyEvent(EventType.EOS));
    }

    /** Like GStreamer's test_sticky_events: events stored before linking reach the peer before the next buffer. */
    @Test
    void stickyEventsAreResentToANewPeerBeforeTheNextBuffer() {
        Pad src = activeSrc("src");
        assertTrue(src.pushEvent(Event.streamStart("s")));
        assertTrue(src.pushEvent(Event.caps(Caps.parse("test/x"))));
        Recorder first = activeSink("first");
        assertEquals(PadLinkReturn.OK, src.link(first.pad));
        assertTrue(first.items.isEmpty(), "nothing is sent at link time");
        assertTrue(src.pushEvent(Event.segment(new Segment(Format.TIME))));
        assertEquals(List.of("STREAM_START", "CAPS", "SEGMENT"), first.trace(),
                "the next serialized event first brings the pending sticky events");
        assertEquals(FlowReturn.OK, src.push(buffer(1)));
        assertEquals(List.of("STREAM_START", "CAPS", "SEGMENT", "buf"), first.trace());

        // relink: the new peer gets all sticky events again, in order, then the buffer
        assertTrue(src.unlink(first.pad));
        Recorder second = activeSink("second");
        assertEquals(PadLinkReturn.OK, src.link(second.pad));
        assertTrue(second.items.isEmpty());
        assertEquals(FlowReturn.OK, src.push(buffer(2)));
        assertEquals(List.of("STREAM_START", "CAPS", "SEGMENT", "buf"), second.trace());
        assertEquals(4, first.items.size(), "the old peer gets nothing more");
        assertEquals(Caps.parse("test/x"), second.pad.getCurrentCaps());

        // a changed sticky event is sent once, not the whole set again
        assertTrue(src.pushEvent(Event.caps(Caps.parse("test/y"))));
        assertEquals(FlowReturn.OK, src.push(buffer(3)));
        assertEquals(List.of("STREAM_START", "CAPS", "SEGMENT", "buf", "CAPS", "buf"), second.trace());
    }

    @Test
    void capsRefusedBySinkTemplateFailsThePushNotTheStickyEvent() {
        Pad src = activeSrc("src");
        Recorder sink = new Recorder(new Pad("sink", PadTemplate.sink(Caps.parse("video/x-raw"))));
        sink.pad.setActive(true);
        assertEquals(PadLinkReturn.OK, src.link(sink.pad));
        assertTrue(src.pushEvent(Event.streamStart("s")));
        // As gst_pad_push_event: a sticky event is stored and reported as pushed even when the peer
        // refuses it; the refusal comes back as the FlowReturn of the next buffer.
        assertTrue(src.pushEvent(Event.caps(Caps.parse("audio/x-raw"))), "sticky CAPS is stored");
        assertNull(sink.pad.getCurrentCaps());
        assertTrue(src.pushEvent(Event.segment(new Segment(Format.TIME))), "SEGMENT is stored behind the refused CAPS");
        assertEquals(FlowReturn.NOT_NEGOTIATED, src.push(buffer(1)));
        assertTrue(sink.buffers().isEmpty());
        // caps the template accepts repair the stream
        assertTrue(src.pushEvent(Event.caps(Caps.parse("video/x-raw"))));
        assertEquals(FlowReturn.OK, src.push(buffer(2)));
        assertEquals(List.of("STREAM_START", "CAPS", "SEGMENT", "buf"), sink.trace());
    }

    // ------------------------------------------------------------------ default event and query handling

    @Test
    void passThroughForwardsEventsBothWaysByDefault() {
        PassThrough pt = new PassThrough();
        pt.getPads().forEach(p -> p.setActive(true));
        Pad up = activeSrc("up");
        List<Event> upstreamSeen = new CopyOnWriteArrayList<>();
        up.setEventFunction((p, parent, e) -> upstreamSeen.add(e));
        Recorder down = activeSink("down");
        up.link(pt.getStaticPad("sink"));
        pt.getStaticPad("src").link(down.pad);

        startStream(up);
        Event custom = Event.custom(EventType.CUSTOM_DOWNSTREAM, Structure.of("hello"));
        assertTrue(up.pushEvent(custom));
        assertEquals(List.of("STREAM_START", "CAPS", "SEGMENT", "CUSTOM_DOWNSTREAM"), down.trace());
        assertSame(custom, down.items.get(3));
        assertEquals(Caps.parse("test/x-data"), pt.getStaticPad("src").getCurrentCaps(),
                "a proxy-caps pad forwards CAPS");
        assertEquals(FlowReturn.OK, up.push(buffer(7)));
        assertEquals(1, down.buffers().size());

        Event seek = Event.custom(EventType.CUSTOM_UPSTREAM, Structure.of("ask"));
        assertTrue(down.pad.pushEvent(seek));
        // Linking sent RECONFIGURE upstream first (gst_pad_link_full does), through the pass-through.
        assertTrue(upstreamSeen.stream().limit(upstreamSeen.size() - 1).allMatch(e -> e.type() == EventType.RECONFIGURE),
                upstreamSeen.toString());
        assertEquals(seek, upstreamSeen.get(upstreamSeen.size() - 1));
        pt.getStaticPad("src").checkReconfigure(); // clears the flag set by linking
        assertFalse(pt.getStaticPad("src").checkReconfigure());
        assertTrue(down.pad.pushEvent(Event.reconfigure()));
        assertTrue(pt.getStaticPad("src").checkReconfigure(), "RECONFIGURE marks the pads it passes");
        assertEquals(EventType.RECONFIGURE, upstreamSeen.get(1).type());
    }

    /** gst_pad_event_default ORs the results: an event forwarded to several pads succeeds if any push did. */
    @Test
    void defaultForwardingSucceedsIfAnyBranchTookTheEvent() {
        org.gstmini.core.testing.TestElementsPlugin.register();
        Element tee = org.gstmini.core.ElementFactory.make("testtee");
        Pad live = tee.requestPad("src_%u");
        Pad dead = tee.requestPad("src_%u");
        tee.getPads().forEach(p -> p.setActive(true));
        Recorder liveSink = activeSink("live");
        Recorder deadSink = new Recorder("dead"); // inactive: flushing, refuses everything
        live.link(liveSink.pad);
        dead.link(deadSink.pad);
        Pad up = activeSrc("up");
        up.link(tee.getStaticPad("sink"));
        startStream(up);
        Event custom = Event.custom(EventType.CUSTOM_DOWNSTREAM, Structure.of("both"));
        assertTrue(up.pushEvent(custom), "one branch took it");
        assertEquals(List.of("STREAM_START", "CAPS", "SEGMENT", "CUSTOM_DOWNSTREAM"), liveSink.trace());
        assertTrue(deadSink.items.isEmpty());
        liveSink.pad.setActive(false);
        assertFalse(up.pushEvent(Event.custom(EventType.CUSTOM_DOWNSTREAM, Structure.of("none"))),
                "no branch took it");
    }

    @Test
    void defaultCapsQueryAnswersTheTemplateNarrowedByTheFilter() {
        Pad p = new Pad("sink", PadTemplate.sink(Caps.parse("video/x-raw, width=[1, 1000]")));
        assertTrue(p.queryCaps(null).isEqualTo(Caps.parse("video/x-raw, width=[1, 1000]")));
        Caps narrowed = p.queryCaps(Caps.parse("video/x-raw, width=320; audio/x-raw"));
        assertTrue(narrowed.isEqualTo(Caps.parse("video/x-raw, width=320")), narrowed.toString());
        assertTrue(new Pad("any", PadDirection.SINK).queryCaps(null).isAny(), "no template: ANY");
    }

    @Test
    void proxyCapsQueryAsksThroughPassThrough() {
        PassThrough pt = new PassThrough();
        Pad up = new Pad("up", PadDirection.SRC);
        Pad down = new Pad("down", PadTemplate.sink(Caps.parse("video/x-raw, width=320")));
        up.link(pt.getStaticPad("sink"));
        assertTrue(up.peerQueryCaps(null).isAny(), "nothing downstream yet: the template, ANY");
        pt.getStaticPad("src").link(down);
        Caps c = up.peerQueryCaps(null);
        assertTrue(c.isEqualTo(Caps.parse("video/x-raw, width=320")), c.toString());
        assertTrue(up.peerQueryCaps(Caps.parse("audio/x-raw")).isEmpty());
    }

    @Test
    void acceptCapsChecksSubsetOfTheTemplateAndProxiesThroughPassThrough() {
        Pad sink = new Pad("sink", PadTemplate.sink(Caps.parse("video/x-raw")));
        assertTrue(sink.queryAcceptCaps(Caps.parse("video/x-raw, width=1")));
        assertFalse(sink.queryAcceptCaps(Caps.parse("audio/x-raw")));
        assertFalse(sink.queryAcceptCaps(Caps.parse("video/x-raw; audio/x-raw")), "only a subset is accepted");

        PassThrough pt = new PassThrough();
        pt.getStaticPad("src").link(sink);
        Pad ptSink = pt.getStaticPad("sink");
        assertTrue(ptSink.queryAcceptCaps(Caps.parse("video/x-raw, width=1")));
        assertFalse(ptSink.queryAcceptCaps(Caps.parse("audio/x-raw")), "refused downstream, refused here");
    }

    @Test
    void allowedCapsIsWhatBothSidesCanDo() {
        Pad src = new Pad("src", PadTemplate.src(Caps.parse("video/x-raw, width=[1, 100]")));
        Pad sink = new Pad("sink", PadTemplate.sink(Caps.parse("video/x-raw, width=[50, 200]")));
        assertNull(src.getAllowedCaps(), "unlinked: null");
        assertEquals(PadLinkReturn.OK, src.link(sink));
        Caps allowed = src.getAllowedCaps();
        assertTrue(allowed.isEqualTo(Caps.parse("video/x-raw, width=[50, 100]")), allowed.toString());
    }

    @Test
    void latencyQueryFoldsEveryUpstreamPath() {
        Element mixer = new Element() { };
        Pad sink0 = new Pad("sink_0", PadDirection.SINK);
        Pad sink1 = new Pad("sink_1", PadDirection.SINK);
        Pad sink2 = new Pad("sink_2", PadDirection.SINK);
        Pad src = new Pad("src", PadDirection.SRC);
        mixer.addPad(sink0);
        mixer.addPad(sink1);
        mixer.addPad(sink2);
        mixer.addPad(src);
        Query.LatencyQuery unanswered = new Query.LatencyQuery();
        assertFalse(src.query(unanswered), "no upstream answers: not answered");

        latencySource(true, 20 * ClockTime.MSECOND, 100 * ClockTime.MSECOND).link(sink0);
        latencySource(true, 30 * ClockTime.MSECOND, ClockTime.NONE).link(sink1);
        latencySource(false, 500 * ClockTime.MSECOND, 600 * ClockTime.MSECOND).link(sink2);
        Query.LatencyQuery q = new Query.LatencyQuery();
        assertTrue(src.query(q));
        assertTrue(q.live());
        assertEquals(30 * ClockTime.MSECOND, q.min(), "the largest minimum of the live paths");
        assertEquals(100 * ClockTime.MSECOND, q.max(), "the smallest maximum of the live paths");
    }

    private static Pad latencySource(boolean live, long min, long max) {
        Pad p = new Pad("up", PadDirection.SRC);
        p.setQueryFunction((pad, parent, query) -> {
            if (query instanceof Query.LatencyQuery q) {
                q.set(live, min, max);
                return true;
            }
            return pad.queryDefault(query);
        });
        return p;
    }

    // ------------------------------------------------------------------ pull mode

    @Test
    void pullModeActivatesThePeerAndPullsRanges() throws Exception {
        byte[] data = new byte[100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Pad src = new Pad("src", PadDirection.SRC);
        src.setGetRangeFunction((pad, parent, offset, length) -> {
            if (offset >= data.length) {
                throw new FlowException(FlowReturn.EOS, "past the end");
            }
            int n = (int) Math.min(length, data.length - offset);
            byte[] out = new byte[n];
            System.arraycopy(data, (int) offset, out, 0, n);
            return Buffer.wrap(out).withOffsets(offset, offset + n);
        });
        Pad sink = new Pad("sink", PadDirection.SINK);
        assertEquals(PadLinkReturn.OK, src.link(sink));
        assertThrows(FlowException.class, () -> sink.pullRange(0, 10), "not activated in pull mode");

        assertTrue(sink.activateMode(PadMode.PULL, true));
        assertEquals(PadMode.PULL, sink.getMode());
        assertEquals(PadMode.PULL, src.getMode(), "activating the sink in pull mode activates its peer");
        Buffer b = sink.pullRange(10, 5);
        assertEquals(5, b.size());
        assertEquals(10, b.offset());
        assertEquals(10, b.payload().get(0));
        assertEquals(4, sink.pullRange(96, 10).size(), "a short read at the end");
        FlowException eos = assertThrows(FlowException.class, () -> sink.pullRange(100, 10));
        assertEquals(FlowReturn.EOS, eos.flow());

        assertTrue(sink.activateMode(PadMode.PULL, false));
        assertEquals(PadMode.NONE, src.getMode(), "deactivating the sink deactivates the peer");
        FlowException flushing = assertThrows(FlowException.class, () -> sink.pullRange(0, 1));
        assertEquals(FlowReturn.FLUSHING, flushing.flow());
    }

    @Test
    void pullModeFailsWithoutAPeer() {
        Pad sink = new Pad("sink", PadDirection.SINK);
        assertFalse(sink.activateMode(PadMode.PULL, true));
        assertEquals(PadMode.NONE, sink.getMode());
    }

    // ------------------------------------------------------------------ probes

    @Test
    void bufferProbeSeesBuffersAndMayReplaceThem() {
        Pad src = activeSrc("src");
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        startStream(src);
        List<Buffer> seen = new CopyOnWriteArrayList<>();
        Buffer replacement = buffer(99);
        src.addProbe(EnumSet.of(PadProbe.Type.BUFFER), (pad, info) -> {
            assertEquals(PadProbe.Type.BUFFER, info.kind());
            seen.add(info.buffer());
            if (seen.size() == 2) {
                info.setBuffer(replacement);
            }
            return PadProbe.Return.OK;
        });
        Buffer b1 = buffer(1);
        Buffer b2 = buffer(2);
        assertEquals(FlowReturn.OK, src.push(b1));
        assertEquals(FlowReturn.OK, src.push(b2));
        assertTrue(src.pushEvent(Event.custom(EventType.CUSTOM_DOWNSTREAM, Structure.of("x"))));
        assertEquals(List.of(b1, b2), seen, "a BUFFER probe sees buffers only");
        assertEquals(List.of(b1, replacement), sink.buffers());
    }

    @Test
    void dropProbeDropsBuffersAndPushReturnsOk() {
        Pad src = activeSrc("src");
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        startStream(src);
        AtomicInteger calls = new AtomicInteger();
        long id = src.addProbe(EnumSet.of(PadProbe.Type.BUFFER), (pad, info) -> {
            calls.incrementAndGet();
            return PadProbe.Return.DROP;
        });
        assertEquals(FlowReturn.OK, src.push(buffer(1)));
        assertEquals(FlowReturn.OK, src.push(buffer(2)));
        assertEquals(2, calls.get());
        assertTrue(sink.buffers().isEmpty());
        src.removeProbe(id);
        assertEquals(FlowReturn.OK, src.push(buffer(3)));
        assertEquals(1, sink.buffers().size());
    }

    @Test
    void removeReturnRemovesTheProbe() {
        Pad src = activeSrc("src");
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        startStream(src);
        AtomicInteger calls = new AtomicInteger();
        src.addProbe(EnumSet.of(PadProbe.Type.BUFFER), (pad, info) -> {
            calls.incrementAndGet();
            return PadProbe.Return.REMOVE;
        });
        src.push(buffer(1));
        src.push(buffer(2));
        assertEquals(1, calls.get());
        assertEquals(2, sink.buffers().size(), "REMOVE lets the item pass");
    }

    @Test
    void sinkPadProbeRunsInChain() {
        Pad src = activeSrc("src");
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        startStream(src);
        List<Buffer> seen = new CopyOnWriteArrayList<>();
        sink.pad.addProbe(EnumSet.of(PadProbe.Type.BUFFER), (pad, info) -> {
            seen.add(info.buffer());
            return PadProbe.Return.DROP;
        });
        assertEquals(FlowReturn.OK, src.push(buffer(1)));
        assertEquals(1, seen.size());
        assertTrue(sink.buffers().isEmpty());
    }

    /** Runs a push on its own thread so the test thread can watch it block. */
    private static final class Pusher {
        final AtomicReference<FlowReturn> result = new AtomicReference<>();
        final CountDownLatch done = new CountDownLatch(1);
        final Thread thread;

        Pusher(Pad src, Buffer b) {
            thread = new Thread(() -> {
                try {
                    result.set(src.push(b));
                } finally {
                    done.countDown();
                }
            }, "model-pusher");
            thread.setDaemon(true);
            thread.start();
        }

        FlowReturn await() throws InterruptedException {
            assertTrue(done.await(5, TimeUnit.SECONDS), "push did not return");
            return result.get();
        }
    }

    @Test
    void blockProbeBlocksTheStreamingThreadUntilRemoved() throws Exception {
        Pad src = activeSrc("src");
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        startStream(src);
        List<Object> seen = new CopyOnWriteArrayList<>();
        long id = src.addProbe(PadProbe.Type.BLOCK_DOWNSTREAM, (pad, info) -> {
            seen.add(info.buffer() != null ? info.buffer() : info.event());
            return PadProbe.Return.OK;
        });
        Buffer b = buffer(1);
        Pusher pusher = new Pusher(src, b);
        assertTrue(waitFor(src::isBlocked, 5000), "the streaming thread did not block");
        assertFalse(pusher.done.await(50, TimeUnit.MILLISECONDS), "push returned while blocked");
        assertTrue(sink.buffers().isEmpty());
        assertEquals(List.of(b), seen);
        src.removeProbe(id);
        assertEquals(FlowReturn.OK, pusher.await());
        assertFalse(src.isBlocked());
        assertEquals(List.of(b), sink.buffers());
    }

    @Test
    void flushStartUnblocksABlockedPushWithFlushingAndPassesBlockProbes() throws Exception {
        Pad src = activeSrc("src");
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        startStream(src);
        List<Object> seen = new CopyOnWriteArrayList<>();
        long id = src.addProbe(PadProbe.Type.BLOCK_DOWNSTREAM, (pad, info) -> {
            seen.add(info.buffer() != null ? info.buffer() : info.event());
            return PadProbe.Return.OK;
        });
        Pusher pusher = new Pusher(src, buffer(1));
        assertTrue(waitFor(src::isBlocked, 5000));

        assertTrue(src.pushEvent(Event.flushStart()));
        assertEquals(FlowReturn.FLUSHING, pusher.await());
        assertTrue(sink.buffers().isEmpty());
        assertEquals(EventType.FLUSH_START, sink.eventTypes().get(sink.eventTypes().size() - 1),
                "FLUSH_START is not blocked: it must reach the peer");
        // FLUSH_STOP must not block on the probe either (a blocked application thread would hang)
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertTrue(src.pushEvent(Event.flushStop(true))));
        assertEquals(EventType.FLUSH_STOP, sink.eventTypes().get(sink.eventTypes().size() - 1));
        assertEquals(1, seen.size(), "block probes do not see flush events: " + seen);
        src.removeProbe(id);
        assertTrue(src.pushEvent(Event.segment(new Segment(Format.TIME))));
        assertEquals(FlowReturn.OK, src.push(buffer(2)));
    }

    @Test
    void idleProbeOnAnIdlePadRunsAtOnceInTheCallingThread() {
        Pad src = activeSrc("src");
        Recorder sink = activeSink("sink");
        src.link(sink.pad);
        AtomicReference<Thread> ranIn = new AtomicReference<>();
        AtomicReference<PadProbe.Type> kind = new AtomicReference<>();
        src.addProbe(EnumSet.of(PadProbe.Type.IDLE), (pad, info) -> {
            ranIn.set(Thread.currentThread());
            kind.set(info.kind());
            return PadProbe.Return.REMOVE;
        });
        assertSame(Thread.currentThread(), ranIn.get(), "the IDLE probe ran before addProbe returned");
        assertEquals(PadProbe.Type.IDLE, kind.get());
        startStream(src);
        assertEquals(FlowReturn.OK, src.push(buffer(1)), "a removed IDLE probe does not block");
    }

    @Test
    void idleProbeDuringAPushRunsRightAfterItInTheStreamingThread() throws Exception {
        Pad src = activeSrc("src");
        Pad sink = new Pad("sink", PadDirection.SINK);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch inChain = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sink.setChainFunction((p, parent, b) -> {
            inChain.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("chain-done");
            return FlowReturn.OK;
        });
        sink.setActive(true);
        src.link(sink);
        startStream(src);
        AtomicReference<Thread> streaming = new AtomicReference<>();
        AtomicReference<Thread> ranIn = new AtomicReference<>();
        Thread t = new Thread(() -> {
            streaming.set(Thread.currentThread());
            src.push(buffer(1));
            order.add("push-returned");
        }, "model-streaming");
        t.setDaemon(true);
        t.start();
        assertTrue(inChain.await(5, TimeUnit.SECONDS));
        src.addProbe(EnumSet.of(PadProbe.Type.IDLE), (pad, info) -> {
            ranIn.set(Thread.currentThread());
            order.add("idle");
            return PadProbe.Return.REMOVE;
        });
        assertNull(ranIn.get(), "data is flowing: the IDLE probe must wait");
        release.countDown();
        t.join(5000);
        assertFalse(t.isAlive());
        assertEquals(List.of("chain-done", "idle", "push-returned"), order);
        assertSame(streaming.get(), ranIn.get());
    }

    @Test
    void padNamesAndTemplates() {
        PadTemplate t = new PadTemplate("src_%u", PadDirection.SRC, PadPresence.REQUEST, Caps.ANY);
        Pad p = new Pad("src_3", t);
        assertSame(t, p.getPadTemplate());
        assertEquals(PadDirection.SRC, p.getDirection());
        assertEquals("'':src_3", p.toString());
        PassThrough pt = new PassThrough();
        pt.setName("pt");
        assertEquals("pt:src", pt.getStaticPad("src").toString());
        assertThrows(IllegalStateException.class, () -> pt.getStaticPad("src").setName("x"));
        assertInstanceOf(Pad.class, pt.getStaticPad("sink"));
    }
}
