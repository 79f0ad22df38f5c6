package org.gstmini.plugins.good.png;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gstmini.base.BaseTransform;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Rank;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;

/**
 * Encodes each raw video frame as one PNG picture. Mirrors {@code pngenc}
 * (gst-plugins-good/ext/libpng/gstpngenc.c), with {@link PngWriting} in place of libpng.
 *
 * <pre>
 * gst-launch videotestsrc num-buffers=1 ! pngenc ! filesink location=frame.png       # one picture
 * gst-launch videotestsrc ! pngenc snapshot=true ! filesink location=frame.png        # the same: EOS after one
 * gst-launch videotestsrc num-buffers=10 ! pngenc ! multifilesink location=f%02d.png  # one file per frame
 * </pre>
 *
 * <h2>How it fits BaseTransform</h2>
 * One frame in, one picture out, so the base class does the pad work. {@link #transformCaps}
 * maps {@code video/x-raw} to {@code image/png} keeping width, height and framerate (and back,
 * for caps queries from downstream); {@link #setCaps} remembers the frame layout; and
 * {@link #transformInPlace} returns a buffer with the input's timestamps and the PNG's bytes.
 *
 * <h2>snapshot</h2>
 * With {@code snapshot=true} the element ends the stream after the first picture, as GStreamer's
 * does: it pushes the picture itself, then EOS downstream, and answers upstream with EOS, which
 * stops the source. A {@code filesink} then holds exactly one PNG.
 *
 * <h2>Formats</h2>
 * RGBA, RGB, GRAY8 as in GStreamer; 16-bit grey is accepted as GRAY16_LE (gst-mini has no
 * GRAY16_BE; PNG stores it big-endian, so the writer swaps the bytes).
 */
public final class PngEnc extends BaseTransform {
    static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(VideoFormat.templateCaps(VideoFormat.RGBA,
            VideoFormat.RGB, VideoFormat.GRAY8, VideoFormat.GRAY16_LE));
    static final PadTemplate SRC_TEMPLATE = PadTemplate.src(Caps.parse("image/png, width=(int)[ 1, 1000000 ], "
            + "height=(int)[ 1, 1000000 ], framerate=(fraction)[ 0/1, 2147483647/1 ]"));

    public static final ElementFactory FACTORY = ElementFactory.builder("pngenc", PngEnc::new)
            .longName("PNG image encoder").klass("Codec/Encoder/Image")
            .description("Encode a video frame to a .png image").author("gst-mini (after Jeremy Simon's pngenc)")
            .rank(Rank.PRIMARY).padTemplate(SINK_TEMPLATE).padTemplate(SRC_TEMPLATE).build();

    /** {@code GstPngEnc:compression-level}: zlib's level, 0 (store) to 9 (smallest). */
    public static final Property<Integer> COMPRESSION_LEVEL = Property.ofInt("compression-level",
            "PNG compression level", 0, 9, 6).mutableIn(Property.Mutability.PLAYING);
    /** {@code GstPngEnc:snapshot}: end the stream after the first picture. */
    public static final Property<Boolean> SNAPSHOT = Property.ofBoolean("snapshot",
            "Send EOS after encoding a frame, useful for snapshots", false).mutableIn(Property.Mutability.PLAYING);

    /** Fields that are the same on both sides. */
    private static final String[] SHARED_FIELDS = {"width", "height", "framerate"};

    // ---- settings
    private volatile int compressionLevel = COMPRESSION_LEVEL.defaultValue();
    private volatile boolean snapshot = SNAPSHOT.defaultValue();

    // ---- streaming state: the negotiated input layout
    private volatile VideoInfo info;

    public PngEnc() {
        super(SINK_TEMPLATE, SRC_TEMPLATE);
        installProperty(COMPRESSION_LEVEL, SNAPSHOT);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == COMPRESSION_LEVEL) {
            compressionLevel = (Integer) value;
        } else if (property == SNAPSHOT) {
            snapshot = (Boolean) value;
        }
    }

    /** Raw video ⇄ image/png with the same width, height and framerate; the other side's template decides the rest. */
    @Override
    protected Caps transformCaps(PadDirection direction, Caps caps, Caps filter) {
        Caps other = (direction == PadDirection.SINK ? SRC_TEMPLATE : SINK_TEMPLATE).caps();
        if (caps.isAny()) {
            return filter == null ? other : filter.intersect(other, Caps.IntersectMode.FIRST);
        }
        List<Structure> out = new ArrayList<>();
        for (Structure s : caps.structures()) {
            for (Structure t : other.structures()) {
                for (String field : SHARED_FIELDS) {
                    if (s.has(field)) {
                        t = t.with(field, s.get(field));
                    }
                }
                out.add(t);
            }
        }
        Caps result = Caps.of(out).intersect(other);
        return filter == null ? result : filter.intersect(result, Caps.IntersectMode.FIRST);
    }

    @Override
    protected boolean setCaps(Caps incaps, Caps outcaps) {
        info = VideoInfo.fromCaps(incaps);
        return true;
    }

    @Override
    protected Buffer transformInPlace(Buffer buffer) throws FlowException {
        VideoInfo layout = info;
        if (buffer.size() < layout.size()) {
            postError(ErrorCode.STREAM_FORMAT, getName() + ": a raw frame is shorter than its caps say.",
                    getPathString() + ": got " + buffer.size() + " bytes, a " + layout + " frame needs " + layout.size());
            throw new FlowException(FlowReturn.ERROR, getName() + ": short frame");
        }
        byte[] png = PngWriting.encode(layout, buffer.payload(), compressionLevel);
        Buffer out = buffer.withPayload(ByteBuffer.wrap(png));
        if (!snapshot) {
            return out;
        }
        FlowReturn ret = getSrcPad().push(out);
        getSrcPad().pushEvent(Event.eos());
        throw new FlowException(ret == FlowReturn.OK ? FlowReturn.EOS : ret,
                getName() + ": snapshot=true, the stream ends after one picture");
    }
}
