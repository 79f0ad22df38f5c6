package org.gstmini.plugins.good.coreelements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.core.Bin;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.check.Harness;
import org.gstmini.core.parse.Parse;
import org.junit.jupiter.api.Test;

/** capsfilter: narrows negotiation to its caps, refuses anything else, follows changes while playing. */
class CapsFilterTest {
    private static final Caps OFFER = Caps.parse(
            "video/x-raw, format=(string)GRAY8, width=(int){ 160, 320, 640 }, height=(int)1");

    private static Caps gray(int width) {
        return Caps.parse("video/x-raw, format=(string)GRAY8, width=(int)" + width + ", height=(int)1");
    }

    private static CapsFilter filter(String caps) {
        CapsFilter f = new CapsFilter();
        f.setPropertyFromString("caps", caps);
        return f;
    }

    @Test
    void registeredWithGStreamersMetadataAndDefaults() {
        Element e = ElementFactory.make("capsfilter");
        assertTrue(e instanceof CapsFilter);
        assertEquals("CapsFilter", e.getFactory().getLongName());
        assertEquals("Generic", e.getFactory().getKlass());
        assertEquals("Pass data without modification, limiting formats", e.getFactory().getDescription());
        assertEquals(Caps.ANY, e.getProperty("caps"));
        assertEquals(CapsFilterCapsChangeMode.IMMEDIATE, e.getProperty("caps-change-mode"));
        e.setPropertyFromString("caps-change-mode", "delayed");
        assertEquals(CapsFilterCapsChangeMode.DELAYED, e.getProperty("caps-change-mode"));
        e.setProperty("caps", null);
        assertEquals(Caps.ANY, e.getProperty("caps"), "NULL means ANY");
    }

    @Test
    void capsBetweenBangsInALaunchLineMakeACapsFilter() {
        Bin bin = (Bin) Parse.launch("identity ! video/x-raw, width=(int)320 ! identity");
        CapsFilter cf = bin.getChildren().stream().filter(CapsFilter.class::isInstance).map(CapsFilter.class::cast)
                .findFirst().orElseThrow();
        assertEquals(Caps.parse("video/x-raw, width=(int)320"), cf.getProperty("caps"));
    }

    @Test
    void theSourcePicksWhatTheFilterAllows() {
        PushSource src = new PushSource(OFFER);
        CapsFilter cf = filter("video/x-raw, width=(int)320");
        CollectSink sink = new CollectSink();
        Pipeline p = new Pipeline("p");
        p.add(src, cf, sink);
        Element.linkMany(src, cf, sink);
        try {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
            // The source's own first choice would be 160; the CAPS query tells it only 320 passes.
            assertEquals(gray(320), src.src.getAllowedCaps());
            assertEquals(gray(320), src.negotiate());
            Buffer b = Buffer.wrap(new byte[320]);
            assertEquals(FlowReturn.OK, src.push(b));
            assertSame(b, sink.buffers.get(0), "passthrough: the very same buffer");
            assertEquals(gray(320), sink.sink.getCurrentCaps());
        } finally {
            p.setState(State.NULL);
        }
    }

    @Test
    void capsOutsideTheFilterAreRefusedWithNotNegotiated() {
        try (Harness h = new Harness(filter("video/x-raw, width=(int)320"))) {
            assertFalse(h.getSrcPad().peerQueryAcceptCaps(gray(160)));
            assertTrue(h.getSrcPad().peerQueryAcceptCaps(gray(320)));
            AssertionError refused = assertThrows(AssertionError.class, () -> h.setSrcCaps(gray(160)));
            assertTrue(refused.getMessage().contains("refused caps"), refused.getMessage());

            // What a source sees: the CAPS event is not taken, and its next push fails.
            h.pushEvent(Event.segment(new Segment(Format.TIME)));
            assertEquals(FlowReturn.NOT_NEGOTIATED, h.push(Buffer.wrap(new byte[160])));
            assertEquals(0, h.buffersReceived());
        }
    }

    @Test
    void transformCapsIntersectsBothWays() {
        try (Harness h = new Harness(filter("video/x-raw, width=(int){ 320, 640 }"))) {
            h.setSinkCapsStr("video/x-raw, width=(int)[ 300, 400 ]");
            // Upstream asks: what may I send? filter ∩ downstream.
            Caps up = h.getSrcPad().peerQueryCaps(OFFER);
            assertEquals(gray(320), up);
            // Downstream asks: what may come? filter ∩ upstream.
            h.setSrcCaps(gray(320));
            assertEquals(gray(320), h.getSinkPad().peerQueryCaps(null));
        }
    }

    @Test
    void changingTheCapsWhilePlayingAsksUpstreamToRenegotiate() {
        CapsFilter cf = filter("video/x-raw, width=(int)320");
        try (Harness h = new Harness(cf)) {
            h.setSrcCaps(gray(320));
            h.push(Buffer.wrap(new byte[320]));
            while (h.tryPullUpstreamEvent() != null) {
                // drop what came before
            }
            cf.setPropertyFromString("caps", "video/x-raw, width=(int)640"); // PLAYING: allowed
            assertEquals(EventType.RECONFIGURE, h.pullUpstreamEvent().type());
            assertEquals(gray(640), h.getSrcPad().peerQueryCaps(OFFER), "upstream now learns the new caps");
            assertFalse(h.getSrcPad().peerQueryAcceptCaps(gray(320)), "immediate: the old caps are refused at once");
            h.setSrcCaps(gray(640));
            assertEquals(gray(640), h.getSinkPad().getCurrentCaps());
        }
    }

    @Test
    void aSourceFollowsTheChangeInARealPipeline() {
        PushSource src = new PushSource(OFFER);
        CapsFilter cf = filter("video/x-raw, width=(int)320");
        CollectSink sink = new CollectSink();
        Pipeline p = new Pipeline("p");
        p.add(src, cf, sink);
        Element.linkMany(src, cf, sink);
        try {
            p.setState(State.PLAYING);
            src.negotiate();
            assertEquals(FlowReturn.OK, src.push(Buffer.wrap(new byte[320])));
            cf.set(CapsFilter.CAPS, Caps.parse("video/x-raw, width=(int)640"));
            // The RECONFIGURE marked the source pad; its next push negotiates first.
            assertEquals(FlowReturn.OK, src.push(Buffer.wrap(new byte[640])));
            assertEquals(gray(640), sink.sink.getCurrentCaps());
            assertEquals(List.of(320, 640), sink.buffers.stream().map(Buffer::size).toList());
        } finally {
            p.setState(State.NULL);
        }
    }

    @Test
    void delayedModeKeepsAcceptingThePreviousCapsUntilUpstreamMoves() {
        CapsFilter cf = filter("video/x-raw, width=(int)320");
        cf.set(CapsFilter.CAPS_CHANGE_MODE, CapsFilterCapsChangeMode.DELAYED);
        try (Harness h = new Harness(cf)) {
            h.setSrcCaps(gray(320));
            cf.set(CapsFilter.CAPS, Caps.parse("video/x-raw, width=(int)640"));
            assertTrue(h.getSrcPad().peerQueryAcceptCaps(gray(320)), "delayed: the previous caps still pass");
            assertEquals(gray(640), h.getSrcPad().peerQueryCaps(OFFER), "but the new ones are what is offered");
            h.setSrcCaps(gray(640));
            assertFalse(h.getSrcPad().peerQueryAcceptCaps(gray(320)), "upstream moved on: old caps forgotten");
        }
    }

    /** A source driven by the test's thread that negotiates the way a base source does. */
    private static final class PushSource extends Element {
        final Pad src;

        PushSource(Caps template) {
            src = new Pad("src", PadTemplate.src(template));
            addPad(src);
            setFlag(ElementFlag.SOURCE, true);
        }

        Caps negotiate() {
            src.checkReconfigure();
            Caps caps = src.getAllowedCaps().fixate();
            src.pushEvent(Event.streamStart(getName()));
            src.pushEvent(Event.caps(caps));
            src.pushEvent(Event.segment(new Segment(Format.TIME)));
            return caps;
        }

        FlowReturn push(Buffer b) {
            if (src.checkReconfigure()) {
                negotiate();
            }
            return src.push(b);
        }
    }

    /** Takes anything and keeps it. */
    private static final class CollectSink extends Element {
        final Pad sink = new Pad("sink", PadTemplate.sink(Caps.ANY));
        final List<Buffer> buffers = new CopyOnWriteArrayList<>();

        CollectSink() {
            sink.setChainFunction((pad, parent, buffer) -> {
                buffers.add(buffer);
                return FlowReturn.OK;
            });
            addPad(sink);
            setFlag(ElementFlag.SINK, true);
        }
    }
}
