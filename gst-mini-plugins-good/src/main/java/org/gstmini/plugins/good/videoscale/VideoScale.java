package org.gstmini.plugins.good.videoscale;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gstmini.base.BaseTransform;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Property.Mutability;
import org.gstmini.core.Rank;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.IntRange;
import org.gstmini.core.caps.Structure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resizes raw video: mirrors {@code videoscale} (GstVideoScale, a GstVideoConvertScale that
 * scales but does not convert; gst-plugins-base/gst/videoconvertscale/gstvideoconvertscale.c
 * in GStreamer 1.22).
 *
 * <pre>
 *   videotestsrc ! video/x-raw,width=320,height=240 ! videoscale ! video/x-raw,width=640,height=480 ! ...
 *   videotestsrc ! videoscale method=nearest-neighbour ! video/x-raw,width=100 ! ...   (height follows)
 * </pre>
 *
 * <h2>Negotiation, in three hooks</h2>
 * <ul>
 *   <li>{@link #transformCaps}: whatever the size and pixel aspect ratio on one side, the other
 *       side may have any ({@code width=[1,MAX], height=[1,MAX]}, a PAR range if there was a
 *       PAR); format, frame rate and the rest pass unchanged: videoscale never converts.</li>
 *   <li>{@link #fixateCaps}: among the sizes downstream allows, pick the one that keeps the
 *       picture's display aspect ratio ({@link ScaleFixation}); with nothing fixed downstream
 *       that is the input size, so the element goes to passthrough.</li>
 *   <li>{@link #destination}: with {@code add-borders} (default) and an output whose display aspect
 *       ratio still differs (downstream fixed width <em>and</em> height <em>and</em> PAR), the
 *       picture is scaled into a centred rectangle that keeps its shape and the rest is painted
 *       black (letterbox or pillarbox). Without it the picture is stretched.</li>
 * </ul>
 * Equal caps on both sides mean passthrough: the input buffer goes on untouched
 * ({@code passthrough-on-same-caps}).
 *
 * <h2>Not here</h2>
 * Only {@code method} (nearest-neighbour and bilinear) and {@code add-borders} of GStreamer's
 * properties; the converter options (dither, chroma, matrix, gamma, alpha, n-threads) and the
 * multi-tap kernels with their {@code sharpness}/{@code envelope} would only be honest with a
 * real resampler. Navigation events are not rescaled. {@code qos} keeps BaseTransform's default
 * (off), where GStreamer's video filters turn it on.
 */
public final class VideoScale extends BaseTransform {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.videoscale");

    /** Every VideoFormat, of GStreamer's size range (videoconvertscale's {@code GST_VIDEO_SIZE_RANGE}). */
    public static final Caps CAPS = Caps.parse("video/x-raw, format=(string)" + VideoFormat.capsList(VideoFormat.values())
            + ", width=(int)[ 1, 32767 ], height=(int)[ 1, 32767 ], framerate=(fraction)[ 0/1, 2147483647/1 ]");

    private static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(CAPS);
    private static final PadTemplate SRC_TEMPLATE = PadTemplate.src(CAPS);

    public static final ElementFactory FACTORY = ElementFactory.builder("videoscale", VideoScale::new)
            .longName("Video scaler").klass("Filter/Converter/Video/Scaler").description("Resizes video")
            .author("gst-mini").rank(Rank.MARGINAL).padTemplate(SINK_TEMPLATE).padTemplate(SRC_TEMPLATE).build();

    public static final Property<VideoScaleMethod> METHOD = Property.ofEnum("method", "method",
            VideoScaleMethod.BILINEAR).mutableIn(Mutability.PLAYING);
    public static final Property<Boolean> ADD_BORDERS = Property.ofBoolean("add-borders",
            "Add black borders if necessary to keep the display aspect ratio", true).mutableIn(Mutability.PLAYING);

    // ---- settings: written by the application thread, read once per frame, so a change applies
    //      from the next frame on (GStreamer applies it at the next renegotiation)
    private volatile VideoScaleMethod method = METHOD.defaultValue();
    private volatile boolean addBorders = ADD_BORDERS.defaultValue();

    // ---- streaming state: set in setCaps, used by transform (both on the streaming thread)
    private VideoInfo inInfo;
    private VideoInfo outInfo;
    /** Built on the first frame after caps or a property change; its sample tables are reused. */
    private FrameScaler scaler;
    private VideoScaleMethod scalerMethod;
    private boolean scalerBorders;

    public VideoScale() {
        super(SINK_TEMPLATE, SRC_TEMPLATE);
        installProperty(METHOD, ADD_BORDERS);
        setPassthroughOnSameCaps(true);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == METHOD) {
            method = (VideoScaleMethod) value;
        } else if (property == ADD_BORDERS) {
            addBorders = (Boolean) value;
        }
    }

    // ---------------------------------------------------------------- negotiation

    /**
     * Opens width and height (and the PAR, if present) to any value, keeping the rest
     * ({@code gst_video_convert_caps_remove_format_and_rangify_size_info} with
     * {@code scales} and without {@code converts}). A structure already covered by an earlier
     * one is left out.
     */
    @Override
    protected Caps transformCaps(PadDirection direction, Caps caps, Caps filter) {
        if (caps.isAny()) {
            return filter == null ? caps : filter;
        }
        List<Structure> result = new ArrayList<>();
        for (Structure s : caps.structures()) {
            if (!result.isEmpty() && Caps.of(s).isSubsetOf(Caps.of(result))) {
                continue;
            }
            Structure open = s.with(ScaleFixation.WIDTH, IntRange.of(1, Integer.MAX_VALUE))
                    .with(ScaleFixation.HEIGHT, IntRange.of(1, Integer.MAX_VALUE));
            if (open.has(ScaleFixation.PAR)) {
                open = open.with(ScaleFixation.PAR, ScaleFixation.ANY_PAR);
            }
            result.add(open);
        }
        Caps ret = Caps.of(result);
        return filter == null ? ret : filter.intersect(ret, Caps.IntersectMode.FIRST);
    }

    /**
     * Keeps the display aspect ratio ({@code gst_video_convert_scale_fixate_caps}): the first
     * structure of {@code othercaps} gets width, height and PAR from {@link ScaleFixation}, every
     * other open field its default.
     */
    @Override
    protected Caps fixateCaps(PadDirection direction, Caps caps, Caps othercaps) {
        Structure outs = othercaps.structure(0);
        try {
            return Caps.of(ScaleFixation.fixateSize(direction, caps.structure(0), outs));
        } catch (ArithmeticException e) {
            postError(ErrorCode.CORE_NEGOTIATION, "Error calculating the output scaled size - integer overflow",
                    getName() + ": " + e.getMessage() + " while fixating " + othercaps + " for " + caps);
            return Caps.of(outs.fixate());
        }
    }

    @Override
    protected boolean setCaps(Caps incaps, Caps outcaps) {
        VideoInfo in;
        VideoInfo out;
        try {
            in = VideoInfo.fromCaps(incaps);
            out = VideoInfo.fromCaps(outcaps);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: cannot scale {} to {}: {}", getName(), incaps, outcaps, e.getMessage());
            return false;
        }
        if (in.format() != out.format()) {
            LOG.warn("{}: videoscale does not convert formats: {} -> {} (use videoconvert)", getName(),
                    in.format(), out.format());
            return false;
        }
        inInfo = in;
        outInfo = out;
        scaler = null;
        return true;
    }

    /**
     * One frame in, one frame out: the output buffer holds one frame of the output caps,
     * whatever came in (a wrong input size is reported by {@link #transform}, with the sizes).
     */
    @Override
    protected int transformSize(PadDirection direction, Caps caps, int size, Caps othercaps) {
        try {
            return VideoInfo.fromCaps(othercaps).size();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- data

    @Override
    protected void transform(Buffer in, ByteBuffer out) throws FlowException {
        VideoInfo from = inInfo;
        if (in.size() < from.size()) {
            postError(ErrorCode.STREAM_FORMAT, "Invalid video frame: the buffer is smaller than one frame.",
                    getName() + ": got " + in.size() + " bytes, a " + from.width() + "x" + from.height() + " "
                            + from.format() + " frame needs " + from.size()
                            + "; upstream must send whole frames matching its caps");
            throw new FlowException(FlowReturn.ERROR, getName() + ": short video frame");
        }
        byte[] src = new byte[from.size()];
        in.payload().get(0, src);
        scaler().scale(src, out.array());
    }

    /** The scaler for the current caps and settings, rebuilt when a property changed since the last frame. */
    private FrameScaler scaler() {
        VideoScaleMethod m = method;
        boolean borders = addBorders;
        if (scaler == null || scalerMethod != m || scalerBorders != borders) {
            FrameScaler.Rect dest = destination(inInfo, outInfo, borders);
            LOG.debug("{}: {} -> {} into {} ({})", getName(), inInfo, outInfo, dest, m);
            scaler = new FrameScaler(inInfo, outInfo, dest, m);
            scalerMethod = m;
            scalerBorders = borders;
        }
        return scaler;
    }

    /**
     * Where the picture goes in the output frame ({@code gst_video_convert_scale_set_info}):
     * everything, unless the display aspect ratios differ and borders are wanted; then the
     * largest centred rectangle with the input's display shape. Of {@code n} border rows, the
     * top gets {@code n / 2}.
     *
     * <pre>
     *   in 320x240 (4:3), out 400x200 PAR 1/1 (2:1):  picture 266x200 at x=67   (pillarbox)
     *   in 320x240 (4:3), out 200x200 PAR 1/1 (1:1):  picture 200x150 at y=25   (letterbox)
     * </pre>
     */
    static FrameScaler.Rect destination(VideoInfo in, VideoInfo out, boolean addBorders) {
        FrameScaler.Rect full = new FrameScaler.Rect(0, 0, out.width(), out.height());
        Fraction fromDar = ScaleFixation.displayAspectRatio(in.width(), in.height(), in.pixelAspectRatio());
        Fraction toDar = ScaleFixation.displayAspectRatio(out.width(), out.height(), out.pixelAspectRatio());
        if (!addBorders || fromDar == null || fromDar.equals(toDar)) {
            return full;
        }
        Fraction shape; // the picture's width / height in output pixels
        try {
            Fraction par = out.pixelAspectRatio();
            shape = ScaleFixation.multiply(fromDar.numerator(), fromDar.denominator(), par.denominator(),
                    par.numerator());
        } catch (ArithmeticException e) {
            LOG.warn("{}: can't calculate borders: {}", in, e.getMessage());
            return full;
        }
        int bordersW = 0;
        int bordersH = 0;
        long toH = (long) out.width() * shape.denominator() / shape.numerator();
        if (toH <= out.height()) {
            bordersH = out.height() - (int) toH;
        } else {
            bordersW = out.width() - (int) ((long) out.height() * shape.numerator() / shape.denominator());
        }
        return new FrameScaler.Rect(bordersW / 2, bordersH / 2, out.width() - bordersW, out.height() - bordersH);
    }
}
