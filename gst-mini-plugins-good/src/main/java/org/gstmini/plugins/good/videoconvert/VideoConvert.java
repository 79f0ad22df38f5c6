package org.gstmini.plugins.good.videoconvert;

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
import org.gstmini.core.Rank;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.caps.ValueList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts raw video between pixel formats: RGB, BGR, RGBA, BGRA, ARGB, BGRx, xRGB, GRAY8,
 * GRAY16_LE, I420, NV12 and YUY2, in any direction, with BT.601 colour maths in full or limited
 * range. Mirrors {@code videoconvert} (gst-plugins-base/gst/videoconvertscale/gstvideoconvert.c
 * and gstvideoconvertscale.c, a GstVideoFilter whose {@code transform_frame} calls
 * {@code gst_video_converter_frame}).
 *
 * <pre>
 *   gst-launch videotestsrc ! video/x-raw,format=I420 ! videoconvert ! video/x-raw,format=RGB ! ...
 *   gst-launch filesrc location=a.png ! pngdec ! videoconvert ! swingvideosink
 * </pre>
 *
 * <h2>Negotiation (BaseTransform hooks)</h2>
 * <ul>
 *   <li>{@link #transformCaps}: the other side may have any format and colorimetry, but the same
 *       size, frame rate and pixel aspect ratio: the fields {@code format}, {@code colorimetry}
 *       and {@code chroma-site} are removed, as GStreamer's
 *       {@code gst_video_convert_caps_remove_format_and_rangify_size_info} does.</li>
 *   <li>{@link #fixateCaps}: the input caps themselves if downstream takes them (then the element
 *       is in passthrough and pushes the very input buffers); else the format downstream allows
 *       that loses least ({@link FormatLoss}, {@code gst_video_convert_scale_fixate_format}),
 *       keeping the input's colorimetry when both sides are YUV
 *       ({@code transfer_colorimetry_from_input}).</li>
 *   <li>{@link #setCaps}: builds a {@link FrameConverter} for the pair.</li>
 * </ul>
 *
 * <h2>Properties</h2>
 * {@code alpha-mode} and {@code alpha-value}, as in GStreamer; they take effect from the next
 * frame. GStreamer's other properties (dither, chroma-resampler, matrix-mode, gamma-mode, ...)
 * are not offered: this converter has one fixed way of doing each of those (no dither, chroma
 * replicated when upsampling and averaged when downsampling, full matrix, no gamma).
 */
public final class VideoConvert extends BaseTransform {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.videoconvert");

    /** The formats on both pads, in GStreamer's template order (alpha and RGB first, GREY last). */
    static final VideoFormat[] FORMATS = {
        VideoFormat.BGRA, VideoFormat.ARGB, VideoFormat.RGBA, VideoFormat.BGRx, VideoFormat.xRGB, VideoFormat.BGR,
        VideoFormat.RGB, VideoFormat.YUY2, VideoFormat.I420, VideoFormat.NV12, VideoFormat.GRAY16_LE,
        VideoFormat.GRAY8,
    };

    private static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(VideoFormat.templateCaps(FORMATS));
    private static final PadTemplate SRC_TEMPLATE = PadTemplate.src(VideoFormat.templateCaps(FORMATS));

    public static final ElementFactory FACTORY = ElementFactory.builder("videoconvert", VideoConvert::new)
            .longName("Video colorspace converter").klass("Filter/Converter/Video/Colorspace")
            .description("Converts video from one colorspace to another").author("gst-mini")
            .rank(Rank.MARGINAL).padTemplate(SRC_TEMPLATE).padTemplate(SINK_TEMPLATE).build();

    public static final Property<VideoAlphaMode> ALPHA_MODE = Property.ofEnum("alpha-mode", "Alpha Mode to use",
            VideoAlphaMode.COPY).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Double> ALPHA_VALUE = Property.ofDouble("alpha-value", "Alpha Value to use",
            0, 1, 1).mutableIn(Property.Mutability.PLAYING);

    /** Caps fields that say how pixels are coded, which this element changes. */
    private static final String[] CONVERTED_FIELDS = {"format", "colorimetry", "chroma-site"};

    // ---- streaming state: written in setCaps and transform, both on the streaming thread
    private VideoInfo inInfo;
    private VideoInfo outInfo;
    private FrameConverter converter;
    /** The input frame's bytes (buffers are read-only ByteBuffers; one copy makes the loops plain arrays). */
    private byte[] inBytes;
    /** Set when alpha-mode or alpha-value changed, so the next frame rebuilds the converter. */
    private volatile boolean settingsChanged;

    public VideoConvert() {
        super(SINK_TEMPLATE, SRC_TEMPLATE);
        installProperty(ALPHA_MODE, ALPHA_VALUE);
        setPassthroughOnSameCaps(true);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == ALPHA_MODE || property == ALPHA_VALUE) {
            settingsChanged = true;
        }
    }

    /** Any format and colorimetry on the other side; size, rate and aspect ratio stay. */
    @Override
    protected Caps transformCaps(PadDirection direction, Caps caps, Caps filter) {
        if (caps.isAny()) {
            return filter == null ? caps : filter;
        }
        Caps ret = Caps.EMPTY;
        for (Structure s : caps.structures()) {
            for (String field : CONVERTED_FIELDS) {
                s = s.without(field);
            }
            ret = ret.merge(Caps.of(s));
        }
        return filter == null ? ret : filter.intersect(ret, Caps.IntersectMode.FIRST);
    }

    /** {@code gst_video_convert_scale_get_fixed_format}: the input caps if possible, else the least lossy format. */
    @Override
    protected Caps fixateCaps(PadDirection direction, Caps caps, Caps othercaps) {
        Caps result = othercaps.intersect(caps);
        if (result.isEmpty()) {
            result = othercaps;
        }
        result = fixateFormat(caps, result).fixate();
        if (direction == PadDirection.SINK) {
            if (caps.isSubsetOf(result)) {
                return caps;
            }
            result = transferColorimetry(caps, result);
        }
        LOG.debug("{}: fixated {} to {}", getName(), othercaps, result);
        return result;
    }

    /** Puts the least lossy format of any structure of {@code result} into its first structure. */
    private static Caps fixateFormat(Caps caps, Caps result) {
        Structure ins = caps.structure(0);
        VideoFormat in = ins.has("format") && ins.get("format") instanceof String name
                ? VideoFormat.fromCapsName(name) : null;
        if (in == null) {
            return result;
        }
        VideoFormat best = null;
        int minLoss = Integer.MAX_VALUE;
        for (Structure s : result.structures()) {
            Object value = s.has("format") ? s.get("format") : null;
            List<Object> candidates = value instanceof ValueList list ? list.values()
                    : value == null ? List.of() : List.of(value);
            for (Object c : candidates) {
                VideoFormat f = c instanceof String name ? VideoFormat.fromCapsName(name) : null;
                if (f != null && FormatLoss.of(in, f) < minLoss) {
                    minLoss = FormatLoss.of(in, f);
                    best = f;
                }
            }
        }
        if (best == null) {
            return result;
        }
        List<Structure> out = new ArrayList<>(result.structures());
        out.set(0, out.get(0).with("format", best.capsName()));
        return Caps.of(out);
    }

    /**
     * {@code transfer_colorimetry_from_input}: a YUV output of a YUV input keeps the input's
     * colorimetry (so its range); a YUV output of RGB or GREY gets the default, {@code bt601}.
     */
    private static Caps transferColorimetry(Caps caps, Caps result) {
        Structure out = result.structure(0);
        Structure in = caps.structure(0);
        VideoFormat outFormat = VideoFormat.fromCapsName(out.getString("format"));
        if (out.has("colorimetry") || outFormat == null || !outFormat.isYuv()) {
            return result;
        }
        VideoFormat inFormat = VideoFormat.fromCapsName(in.getString("format"));
        boolean keep = inFormat != null && inFormat.isYuv() && in.has("colorimetry");
        return Caps.of(out.with("colorimetry", keep ? in.getString("colorimetry") : "bt601"));
    }

    @Override
    protected boolean setCaps(Caps incaps, Caps outcaps) {
        try {
            inInfo = VideoInfo.fromCaps(incaps);
            outInfo = VideoInfo.fromCaps(outcaps);
            converter = newConverter();
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: cannot convert {} to {}: {}", getName(), incaps, outcaps, e.getMessage());
            converter = null;
            return false;
        }
        inBytes = new byte[inInfo.size()];
        LOG.debug("{}: converting {} -> {}", getName(), inInfo, outInfo);
        return true;
    }

    private FrameConverter newConverter() {
        settingsChanged = false;
        return new FrameConverter(inInfo, outInfo, get(ALPHA_MODE), get(ALPHA_VALUE));
    }

    /** One output frame per input frame, whatever the input buffer's size. */
    @Override
    protected int transformSize(PadDirection direction, Caps caps, int size, Caps othercaps) {
        return unitSize(othercaps);
    }

    @Override
    protected int unitSize(Caps caps) {
        try {
            return VideoInfo.fromCaps(caps).size();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** {@code gst_video_convert_transform_frame}: maps the frame, converts it. */
    @Override
    protected void transform(Buffer in, ByteBuffer out) throws FlowException {
        if (in.size() < inInfo.size()) {
            postError(ErrorCode.STREAM_FORMAT, "Invalid video buffer received",
                    getName() + ": a buffer of " + in.size() + " bytes is smaller than one " + inInfo.width() + "x"
                            + inInfo.height() + " " + inInfo.format() + " frame (" + inInfo.size()
                            + " bytes); the element upstream sends buffers that do not match its caps");
            throw new FlowException(FlowReturn.ERROR, getName() + ": short video buffer");
        }
        if (settingsChanged) {
            converter = newConverter();
        }
        in.payload().get(0, inBytes, 0, inBytes.length);
        converter.convert(inBytes, out.array());
    }

    @Override
    protected boolean stop() {
        inInfo = null;
        outInfo = null;
        converter = null;
        inBytes = null;
        return true;
    }
}
