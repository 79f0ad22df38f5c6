package org.gstmini.plugins.good.imagedec;

import org.gstmini.base.Adapter;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Segment;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every still-image decoder does around the decoding itself: collect bytes until a whole
 * picture is there, decode it, negotiate raw video caps, timestamp and push it. It mirrors the
 * parts of {@code GstVideoDecoder} (gst-libs/gst/video/gstvideodecoder.c) that pngdec and
 * gdkpixbufdec use, for input that is <em>not packetized</em>: a file source sends blocks of
 * 4096 bytes that know nothing of where an image ends.
 *
 * <pre>
 *   filesrc ──4096 B──► sink chain ──► Adapter ──► frameSize(adapter) ──► decode(bytes) ──► src push
 *                                     (collects)   (parse: -1 = need more)  (handle_frame)   CAPS, SEGMENT once,
 *                                                                                            then the frame
 *   EOS ──► bytes left? ──► drain(bytes): "truncated" error, or decode them (imagedec) ──► EOS on
 * </pre>
 *
 * A subclass implements two hooks: {@link #frameSize} ({@code GstVideoDecoderClass.parse}:
 * where does the first whole image end?) and {@link #decode} ({@code handle_frame}), and may
 * override {@link #drain} ({@code finish}: what to do with bytes left at EOS) and
 * {@link #resetParser} (forget scanning state on a flush).
 *
 * <h2>Caps, segment, timestamps</h2>
 * The upstream caps only lend their {@code framerate} (if fixed; else 0/1, "a still picture").
 * The output caps come from the decoded picture ({@link VideoInfo#toCaps()}) and are sent
 * before the first frame and again whenever a later picture differs
 * ({@code gst_video_decoder_negotiate}); if downstream refuses them, a CORE/NEGOTIATION error
 * names the format and suggests videoconvert. The SEGMENT event is held back until the caps went
 * out, so downstream sees STREAM_START, CAPS, SEGMENT in GStreamer's order; a segment in BYTES
 * (what filesrc sends) becomes an open TIME segment from 0, as GstVideoDecoder does for
 * non-TIME input. A frame's pts is the pts of the input buffer its first byte came in, else
 * {@code n * frame duration} at a known frame rate, else 0 for the first picture.
 *
 * <h2>Errors</h2>
 * A picture that cannot be decoded posts a STREAM/DECODE error naming the element, the file
 * (the {@code location} of the nearest upstream element that has one, standing in for
 * GStreamer's URI query) and the reason, and the chain returns ERROR, which stops the source's
 * task; nothing is left waiting. The same at EOS with an incomplete picture ("truncated").
 */
public abstract class ImageDecoder extends Element {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.imagedecoder");

    private final Pad sinkPad;
    private final Pad srcPad;

    // ---- streaming state: used with the sink pad's stream lock held; reset on READY->PAUSED and flushes
    private final Adapter adapter = new Adapter();
    private Fraction framerate = Fraction.ZERO;
    /** The SEGMENT to send after the next CAPS, or null once it went out. */
    private Event pendingSegment;
    private Caps outputCaps;
    private long frames;

    protected ImageDecoder(PadTemplate sinkTemplate, PadTemplate srcTemplate) {
        sinkPad = new Pad("sink", sinkTemplate);
        srcPad = new Pad("src", srcTemplate);
        sinkPad.setChainFunction((pad, parent, buffer) -> chain(buffer));
        sinkPad.setEventFunction((pad, parent, event) -> sinkEvent(event));
        srcPad.setFixedCaps(true); // the caps are what the picture is, not a choice
        addPad(sinkPad);
        addPad(srcPad);
    }

    // ---------------------------------------------------------------- hooks

    /**
     * The size in bytes of the whole image at the start of {@code adapter}, or -1 while more
     * bytes are needed ({@code parse}). Called again after every input buffer and after each
     * image taken out, so it may keep scanning state (see {@link #resetParser}).
     *
     * @throws ImageDecodeException if the bytes cannot be the start of an image of this kind
     */
    protected abstract int frameSize(Adapter adapter) throws ImageDecodeException;

    /** Decodes one whole image ({@code handle_frame}). */
    protected abstract RawImage decode(byte[] image) throws ImageDecodeException;

    /**
     * At EOS, the bytes {@link #frameSize} never closed ({@code finish}). The default says the
     * input was cut short; a decoder that takes the whole stream as one image decodes them.
     */
    protected RawImage drain(byte[] rest) throws ImageDecodeException {
        throw new ImageDecodeException("the data ends in the middle of a picture (truncated: only " + rest.length
                + " bytes of it arrived)");
    }

    /** Forgets the scanning state of {@link #frameSize}: the adapter was cleared. */
    protected void resetParser() {
    }

    // ---------------------------------------------------------------- state

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        if (transition == StateChange.READY_TO_PAUSED) {
            reset();
            framerate = Fraction.ZERO;
            outputCaps = null;
        }
        StateChangeReturn ret = super.changeState(transition);
        if (transition == StateChange.PAUSED_TO_READY) {
            reset(); // let go of the collected bytes
        }
        return ret;
    }

    private void reset() {
        adapter.clear();
        resetParser();
        pendingSegment = null;
        frames = 0;
    }

    // ---------------------------------------------------------------- data

    private FlowReturn chain(Buffer buffer) {
        adapter.push(buffer);
        try {
            int size;
            while ((size = frameSize(adapter)) > 0) {
                // the pts of the buffer this picture starts in, if it starts at that buffer's first byte
                long pts = adapter.prevPtsDistance() == 0 ? adapter.prevPts() : ClockTime.NONE;
                FlowReturn ret = finishFrame(decode(adapter.take(size)), pts);
                if (ret != FlowReturn.OK) {
                    return ret;
                }
            }
            return FlowReturn.OK;
        } catch (ImageDecodeException e) {
            return decodeError(e);
        }
    }

    /** Negotiates if the picture's format changed, then pushes it ({@code gst_video_decoder_finish_frame}). */
    private FlowReturn finishFrame(RawImage image, long inputPts) {
        VideoInfo info = image.info().withFramerate(framerate);
        Caps caps = info.toCaps();
        if (outputCaps == null || !outputCaps.isEqualTo(caps)) {
            LOG.debug("{}: output caps {}", getName(), caps);
            if (srcPad.isLinked() && !srcPad.peerQueryAcceptCaps(caps)) {
                // GstVideoDecoder only returns NOT_NEGOTIATED; say which format was refused and what helps
                postError(ErrorCode.CORE_NEGOTIATION, getName() + ": downstream does not accept the decoded picture ("
                        + info.format() + " " + info.width() + "x" + info.height() + ") from " + sourceName()
                        + ". Put videoconvert after " + getName() + ".", getPathString() + ": refused caps " + caps);
                return FlowReturn.NOT_NEGOTIATED;
            }
            srcPad.pushEvent(Event.caps(caps));
            outputCaps = caps;
        }
        if (pendingSegment != null) {
            srcPad.pushEvent(pendingSegment);
            pendingSegment = null;
        }
        long duration = info.frameDurationNanos();
        long pts = inputPts;
        if (pts == ClockTime.NONE) {
            pts = duration > 0 ? frames * duration : frames == 0 ? 0 : ClockTime.NONE;
        }
        frames++;
        Buffer out = Buffer.wrap(image.data()).withTimestamps(pts, ClockTime.NONE, duration);
        return srcPad.push(out);
    }

    private FlowReturn decodeError(ImageDecodeException e) {
        String reads = getFactory() == null ? getName() : getFactory().getName();
        postError(ErrorCode.STREAM_DECODE, getName() + ": could not decode " + sourceName() + ": " + e.getMessage()
                + ". Check that it is a complete image in a format " + reads + " reads.",
                getPathString() + (e.getCause() == null ? "" : ": " + e.getCause()));
        reset();
        return FlowReturn.ERROR;
    }

    // ---------------------------------------------------------------- events

    private boolean sinkEvent(Event event) {
        if (event instanceof Event.CapsEvent c) {
            framerate = c.caps().structure(0).get("framerate") instanceof Fraction f ? f : Fraction.ZERO;
            return true; // our own caps follow the first picture
        }
        if (event instanceof Event.SegmentEvent s) {
            pendingSegment = s.segment().getFormat() == Format.TIME ? event
                    : Event.segment(new Segment(Format.TIME)).withSeqnum(event.seqnum());
            if (outputCaps != null) {
                srcPad.pushEvent(pendingSegment);
                pendingSegment = null;
            }
            return true;
        }
        if (event instanceof Event.EosEvent && adapter.available() > 0) {
            byte[] rest = adapter.take(adapter.available());
            try {
                finishFrame(drain(rest), ClockTime.NONE);
            } catch (ImageDecodeException e) {
                decodeError(e);
            }
        } else if (event instanceof Event.FlushStopEvent) {
            reset();
        }
        return sinkPad.eventDefault(event);
    }

    // ---------------------------------------------------------------- the file's name for errors

    /**
     * {@code "file.png"} for the {@code location} of the nearest element upstream that has
     * one (filesrc, multifilesrc), else "the data from NAME" for the element feeding us.
     */
    private String sourceName() {
        Pad peer = sinkPad.getPeer();
        Element upstream = peer == null ? null : peer.getParent();
        Element first = upstream;
        for (int hops = 0; upstream != null && hops < 32; hops++) {
            if (upstream.findProperty("location") != null && upstream.getProperty("location") instanceof String loc) {
                return "\"" + loc + "\"";
            }
            Pad in = upstream.getSinkPads().isEmpty() ? null : upstream.getSinkPads().get(0).getPeer();
            upstream = in == null ? null : in.getParent();
        }
        return first == null ? "the input" : "the data from " + first.getName();
    }
}
