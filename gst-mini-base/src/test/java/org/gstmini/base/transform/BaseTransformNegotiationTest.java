package org.gstmini.base.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gstmini.base.transform.TestEnds.CollectSink;
import org.gstmini.base.transform.TestEnds.PushSource;
import org.gstmini.base.transform.TestTransforms.DoubleWidth;
import org.gstmini.base.transform.TestTransforms.Scale;
import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.check.Harness;
import org.junit.jupiter.api.Test;

/** Caps negotiation through BaseTransform: transformCaps, fixateCaps, CAPS queries, refusals, reconfigure. */
class BaseTransformNegotiationTest {
    private static Caps gray(int width, int height) {
        return Caps.parse("video/x-raw, format=(string)GRAY8, width=(int)" + width + ", height=(int)" + height);
    }

    @Test
    void aRealPipelineNegotiatesThroughTheTransform() {
        // The source could do 80 or 160 wide; the sink wants 300 to 400: only 160 doubled fits.
        PushSource src = new PushSource("src", Caps.parse(
                "video/x-raw, format=(string)GRAY8, width=(int){ 80, 160 }, height=(int)1"));
        DoubleWidth dw = new DoubleWidth();
        CollectSink sink = new CollectSink("sink", Caps.parse(
                "video/x-raw, format=(string)GRAY8, width=(int)[ 300, 400 ], height=(int)[ 1, 4096 ]"));
        Pipeline p = new Pipeline("p");
        p.add(src, dw, sink);
        Element.linkMany(src, dw, sink);
        try {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.PLAYING));
            assertEquals(gray(160, 1), src.negotiate(), "the source learned, through the CAPS query, what fits");
            assertEquals(FlowReturn.OK, src.push(Buffer.wrap(new byte[160]).withPts(0)));
            assertEquals(gray(320, 1), sink.sink.getCurrentCaps());
            assertEquals(320, sink.buffers.get(0).size());
            assertEquals(List.of("160->320"), dw.calls);
        } finally {
            p.setState(State.NULL);
        }
    }

    @Test
    void capsQueriesAreAnsweredInBothDirections() {
        try (Harness h = new Harness(new DoubleWidth())) {
            h.setSinkCapsStr("video/x-raw, format=(string)GRAY8, width=(int)[ 100, 400 ], height=(int)[ 1, 10 ]");
            // Upstream asks what the sink pad takes: downstream's widths, halved.
            assertEquals(Caps.parse("video/x-raw, format=(string)GRAY8, width=(int)[ 50, 200 ], height=(int)[ 1, 10 ]"),
                    h.getSrcPad().peerQueryCaps(null));
            // ... narrowed by a filter: a width the element can halve but downstream cannot take is gone.
            assertEquals(Caps.parse("video/x-raw, format=(string)GRAY8, width=(int)120, height=(int)[ 1, 10 ]"),
                    h.getSrcPad().peerQueryCaps(Caps.parse("video/x-raw, width=(int){ 20, 120 }")));

            h.setSrcCaps(gray(160, 4));
            // Downstream asks what the source pad gives: upstream's caps, doubled.
            assertEquals(gray(320, 4), h.getSinkPad().peerQueryCaps(null));
            assertTrue(h.getSrcPad().peerQueryAcceptCaps(gray(160, 4)));
            assertFalse(h.getSrcPad().peerQueryAcceptCaps(Caps.parse("audio/x-raw")));
        }
    }

    @Test
    void theCapsEventNegotiatesAndPushesTheOutputCaps() {
        try (Harness h = new Harness(new DoubleWidth())) {
            h.setSrcCaps(gray(160, 120));
            assertEquals(EventType.STREAM_START, h.pullEvent().type());
            Event caps = h.pullEvent();
            assertEquals(gray(320, 120), ((Event.CapsEvent) caps).caps());
            assertEquals(EventType.SEGMENT, h.pullEvent().type());
        }
    }

    @Test
    void capsDownstreamRefusesFailWithNotNegotiated() {
        try (Harness h = new Harness(new DoubleWidth())) {
            h.setSinkCapsStr("video/x-raw, format=(string)GRAY8, width=(int)[ 100, 200 ], height=(int)[ 1, 10 ]");
            // 160 would come out as 320, which downstream does not take: the CAPS event is refused,
            // and the stream's next push says so.
            h.getSrcPad().pushEvent(Event.caps(gray(160, 1)));
            h.pushEvent(Event.segment(new Segment(Format.TIME)));
            assertEquals(FlowReturn.NOT_NEGOTIATED, h.push(Buffer.wrap(new byte[160])));
            assertEquals(0, h.buffersReceived());
        }
    }

    @Test
    void fixateCapsPicksFromWhatThePeerAllows() {
        try (Harness h = new Harness(new Scale())) {
            h.setSinkCapsStr("video/x-raw, format=(string)GRAY8, width=(int)[ 100, 300 ], height=(int)[ 1, 10 ]");
            h.setSrcCaps(gray(160, 1));
            assertEquals(gray(160, 1), h.getSinkPad().getCurrentCaps(), "nearest to the input width");
            assertEquals(160, h.pushAndPull(Buffer.wrap(new byte[160])).size());
        }
    }

    @Test
    void reconfigureFromDownstreamRenegotiatesBeforeTheNextBuffer() {
        try (Harness h = new Harness(new Scale())) {
            h.setSinkCapsStr("video/x-raw, format=(string)GRAY8, width=(int)[ 100, 300 ], height=(int)[ 1, 10 ]");
            h.setSrcCaps(gray(160, 1));
            assertEquals(160, h.pushAndPull(Buffer.wrap(new byte[160])).size());

            h.setSinkCapsStr("video/x-raw, format=(string)GRAY8, width=(int)[ 400, 500 ], height=(int)[ 1, 10 ]");
            assertEquals(EventType.RECONFIGURE, h.pullUpstreamEvent().type(), "passed on upstream too");
            assertEquals(400, h.pushAndPull(Buffer.wrap(new byte[160])).size());
            assertEquals(gray(400, 1), h.getSinkPad().getCurrentCaps());

            h.setSinkCapsStr("video/x-raw, format=(string)I420");
            assertEquals(FlowReturn.NOT_NEGOTIATED, h.push(Buffer.wrap(new byte[160])));
            assertNull(h.tryPull());
        }
    }

    @Test
    void passthroughOnSameCapsFollowsNegotiation() {
        Scale scale = new Scale() {
            {
                setPassthroughOnSameCaps(true);
            }
        };
        try (Harness h = new Harness(scale)) {
            h.setSinkCapsStr("video/x-raw, format=(string)GRAY8, width=(int)[ 100, 300 ], height=(int)[ 1, 10 ]");
            h.setSrcCaps(gray(160, 1));
            assertTrue(scale.isPassthrough(), "160 in, 160 out");
            Buffer in = Buffer.wrap(new byte[160]);
            assertSame(in, h.pushAndPull(in));

            h.setSinkCapsStr("video/x-raw, format=(string)GRAY8, width=(int)[ 400, 500 ], height=(int)[ 1, 10 ]");
            assertEquals(400, h.pushAndPull(in).size());
            assertFalse(scale.isPassthrough());
        }
    }
}
