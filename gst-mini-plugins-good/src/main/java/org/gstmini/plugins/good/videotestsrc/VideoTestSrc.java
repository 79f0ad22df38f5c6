package org.gstmini.plugins.good.videotestsrc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.gstmini.base.PushSrc;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Property.Mutability;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.caps.ValueList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source of test pictures: colour bars, a moving ball, noise, checkers and more, as raw video
 * frames. Mirrors {@code GstVideoTestSrc} (gst-plugins-base, gst/videotestsrc/gstvideotestsrc.c)
 * with the same property names, defaults and pictures (byte for byte, see the tests).
 *
 * <pre>
 *   videotestsrc pattern=ball num-buffers=100 ! video/x-raw,format=I420,width=640,height=480 ! ...
 * </pre>
 *
 * <h2>What it does as a PushSrc</h2>
 * <ul>
 *   <li><b>Negotiation</b>: it offers RGB, RGBA, BGRx, GRAY8 and I420 of any size and frame
 *       rate; what downstream leaves open is {@linkplain #fixate fixated} as GStreamer does: the
 *       first format in the list, 320x240 and 30/1 or the nearest allowed values. A foreground
 *       colour with alpha prefers a format with alpha.</li>
 *   <li><b>Timestamps</b>: frame n has {@code pts = timestamp-offset + n * 10^9 * den / num}
 *       (rounded down, computed from n, so no error accumulates), duration up to the next
 *       frame's pts, offset n and offset-end n+1. The segment is in TIME; a seek sets n from
 *       the seek position. A framerate of 0/1 gives one frame, then EOS.</li>
 *   <li><b>Live</b> ({@code is-live=true}): it produces only in PLAYING (NO_PREROLL in PAUSED),
 *       each frame waits on the clock until its time, and BaseSrc moves the timestamps to the
 *       running time at which the first frame was made. LATENCY is one frame.</li>
 * </ul>
 *
 * <h2>Not in GStreamer</h2>
 * {@code overlay-frame-number} (a gst-mini addition) writes the buffer offset in the top-left
 * corner, so that every frame differs visibly even with a still pattern.
 */
public final class VideoTestSrc extends PushSrc {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.videotestsrc");

    /** What the source pad can produce. */
    public static final Caps SRC_CAPS = Caps.parse("video/x-raw, format=(string){ RGB, RGBA, BGRx, GRAY8, I420 }, "
            + "width=(int)[ 1, 2147483647 ], height=(int)[ 1, 2147483647 ], "
            + "framerate=(fraction)[ 0/1, 2147483647/1 ], pixel-aspect-ratio=(fraction)1/1");

    public static final PadTemplate SRC_TEMPLATE = new PadTemplate("src", PadDirection.SRC, PadPresence.ALWAYS, SRC_CAPS);

    public static final ElementFactory FACTORY = ElementFactory.builder("videotestsrc", VideoTestSrc::new)
            .longName("Video test source").klass("Source/Video").description("Creates a test video stream")
            .author("gst-mini").padTemplate(SRC_TEMPLATE).build();

    public static final Property<VideoTestSrcPattern> PATTERN = Property.ofEnum("pattern",
            "Type of test pattern to generate", VideoTestSrcPattern.SMPTE).mutableIn(Mutability.PLAYING);
    public static final Property<Long> TIMESTAMP_OFFSET = Property.ofLong("timestamp-offset",
            "An offset added to timestamps set on buffers (in ns)", 0, Long.MAX_VALUE, 0)
            .mutableIn(Mutability.PLAYING);
    public static final Property<Boolean> IS_LIVE = Property.ofBoolean("is-live",
            "Whether to act as a live source", false);
    public static final Property<Long> FOREGROUND_COLOR = Property.ofLong("foreground-color",
            "Foreground color to use (big-endian ARGB)", 0, 0xffffffffL, 0xffffffffL).mutableIn(Mutability.PLAYING);
    public static final Property<Long> BACKGROUND_COLOR = Property.ofLong("background-color",
            "Background color to use (big-endian ARGB)", 0, 0xffffffffL, 0xff000000L).mutableIn(Mutability.PLAYING);
    public static final Property<Integer> HORIZONTAL_SPEED = Property.ofInt("horizontal-speed",
            "Scroll image number of pixels per frame (positive is scroll to the left)",
            Integer.MIN_VALUE, Integer.MAX_VALUE, 0).mutableIn(Mutability.PLAYING);
    public static final Property<VideoTestSrcAnimationMode> ANIMATION_MODE = Property.ofEnum("animation-mode",
            "For pattern=ball, which counter defines the position of the ball.", VideoTestSrcAnimationMode.FRAMES)
            .mutableIn(Mutability.PLAYING);
    public static final Property<VideoTestSrcMotion> MOTION = Property.ofEnum("motion",
            "For pattern=ball, what motion the ball does", VideoTestSrcMotion.WAVY).mutableIn(Mutability.PLAYING);
    public static final Property<Boolean> FLIP = Property.ofBoolean("flip",
            "For pattern=ball, invert colors every second.", false).mutableIn(Mutability.PLAYING);
    /** A gst-mini addition: GStreamer's videotestsrc has no frame counter. */
    public static final Property<Boolean> OVERLAY_FRAME_NUMBER = Property.ofBoolean("overlay-frame-number",
            "Draw the frame number in the top-left corner (gst-mini addition)", false).mutableIn(Mutability.PLAYING);

    public static final Property<Integer> K0 = zonePlate("k0",
            "Zoneplate zero order phase, for generating plain fields or phase offsets");
    public static final Property<Integer> KX = zonePlate("kx",
            "Zoneplate 1st order x phase, for generating constant horizontal frequencies");
    public static final Property<Integer> KY = zonePlate("ky",
            "Zoneplate 1st order y phase, for generating content vertical frequencies");
    public static final Property<Integer> KT = zonePlate("kt",
            "Zoneplate 1st order t phase, for generating phase rotation as a function of time");
    public static final Property<Integer> KXT = zonePlate("kxt",
            "Zoneplate x*t product phase, normalised to kxy/256 cycles per vertical pixel at width/2 from origin");
    public static final Property<Integer> KYT = zonePlate("kyt", "Zoneplate y*t product phase");
    public static final Property<Integer> KXY = zonePlate("kxy", "Zoneplate x*y product phase");
    public static final Property<Integer> KX2 = zonePlate("kx2",
            "Zoneplate 2nd order x phase, normalised to kx2/256 cycles per horizontal pixel at width/2 from origin");
    public static final Property<Integer> KY2 = zonePlate("ky2",
            "Zoneplate 2nd order y phase, normailsed to ky2/256 cycles per vertical pixel at height/2 from origin");
    public static final Property<Integer> KT2 = zonePlate("kt2",
            "Zoneplate 2nd order t phase, t*t/256 cycles per picture");
    public static final Property<Integer> XOFFSET = zonePlate("xoffset", "Zoneplate 2nd order products x offset");
    public static final Property<Integer> YOFFSET = zonePlate("yoffset", "Zoneplate 2nd order products y offset");

    private static Property<Integer> zonePlate(String name, String blurb) {
        return Property.ofInt(name, blurb, Integer.MIN_VALUE, Integer.MAX_VALUE, 0).mutableIn(Mutability.PLAYING);
    }

    // ---------------------------------------------------------------- state
    // Touched by the streaming thread (setCaps, create) and by doSeek (stream lock held) and
    // queries (any thread): all under this lock.
    private final Object lock = new Object();
    private final VideoTestSrcPainter painter = new VideoTestSrcPainter();
    private RawVideoLayout layout;
    private int fpsN;
    private int fpsD = 1;
    /** Frames since the caps were set or the last seek; -1 ends reverse playback. */
    private long nFrames;
    /** Stream time of frame nFrames, from nFrames alone. */
    private long runningTime;
    /** Frames and time of the earlier caps, so that timestamps go on after a caps change. */
    private long accumFrames;
    private long accumRtime;
    private boolean reverse;
    /** A still picture is painted once and shared by every buffer (buffers are immutable). */
    private byte[] cachedFrame;
    private VideoTestSrcPainter.Options cachedOptions;

    public VideoTestSrc() {
        super(SRC_TEMPLATE);
        installProperty(PATTERN, TIMESTAMP_OFFSET, IS_LIVE, FOREGROUND_COLOR, BACKGROUND_COLOR, HORIZONTAL_SPEED,
                ANIMATION_MODE, MOTION, FLIP, OVERLAY_FRAME_NUMBER,
                K0, KX, KY, KT, KXT, KYT, KXY, KX2, KY2, KT2, XOFFSET, YOFFSET);
        setFormat(Format.TIME);
        setLive(false);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == IS_LIVE) {
            setLive((Boolean) value);
        }
    }

    /** The properties that shape the picture, read once per frame. */
    VideoTestSrcPainter.Options paintOptions() {
        return new VideoTestSrcPainter.Options(get(PATTERN), get(FOREGROUND_COLOR), get(BACKGROUND_COLOR),
                get(ANIMATION_MODE), get(MOTION), get(FLIP), get(HORIZONTAL_SPEED), get(OVERLAY_FRAME_NUMBER),
                new VideoTestSrcPainter.ZonePlate(get(K0), get(KX), get(KY), get(KT), get(KXT), get(KYT), get(KXY),
                        get(KX2), get(KY2), get(KT2), get(XOFFSET), get(YOFFSET)));
    }

    // ---------------------------------------------------------------- BaseSrc hooks

    @Override
    protected boolean start() {
        synchronized (lock) {
            layout = null;
            fpsN = 0;
            fpsD = 1;
            nFrames = 0;
            runningTime = 0;
            accumFrames = 0;
            accumRtime = 0;
            reverse = false;
            cachedFrame = null;
        }
        return true;
    }

    @Override
    protected boolean stop() {
        synchronized (lock) {
            layout = null;
            cachedFrame = null;
            painter.release();
        }
        return true;
    }

    /**
     * {@code gst_video_test_src_src_fixate}: keeps only formats with alpha if the foreground
     * colour is translucent (and downstream allows one), then prefers 320x240 at 30/1 with square
     * pixels; the rest (the format list) takes its first value.
     */
    @Override
    protected Caps fixate(Caps caps) {
        if ((get(FOREGROUND_COLOR) >>> 24) != 0xff) {
            Caps alpha = alphaOnly(caps);
            if (alpha.isEmpty()) {
                LOG.warn("{}: the foreground color has alpha, but downstream cannot take a format with alpha", getName());
            } else {
                caps = alpha;
            }
        }
        Structure s = caps.structure(0);
        s = s.has("width") ? s.fixateFieldNearestInt("width", 320) : s.with("width", 320);
        s = s.has("height") ? s.fixateFieldNearestInt("height", 240) : s.with("height", 240);
        Fraction thirty = new Fraction(30, 1);
        s = s.has("framerate") ? s.fixateFieldNearestFraction("framerate", thirty) : s.with("framerate", thirty);
        Fraction square = new Fraction(1, 1);
        s = s.has("pixel-aspect-ratio") ? s.fixateFieldNearestFraction("pixel-aspect-ratio", square)
                : s.with("pixel-aspect-ratio", square);
        return super.fixate(Caps.of(s));
    }

    private static Caps alphaOnly(Caps caps) {
        List<Structure> out = new ArrayList<>();
        for (Structure s : caps.structures()) {
            Object formats = s.get("format");
            if (formats instanceof ValueList list) {
                List<Object> keep = new ArrayList<>();
                for (Object f : list.values()) {
                    if (hasAlpha(f)) {
                        keep.add(f);
                    }
                }
                if (!keep.isEmpty()) {
                    out.add(s.with("format", keep.size() == 1 ? keep.get(0) : new ValueList(keep)));
                }
            } else if (hasAlpha(formats)) {
                out.add(s);
            }
        }
        return out.isEmpty() ? Caps.EMPTY : Caps.of(out);
    }

    private static boolean hasAlpha(Object format) {
        return RawVideoLayout.Format.RGBA.capsName().equals(format);
    }

    /** {@code gst_video_test_src_setcaps}: reads the format and prepares the painter. */
    @Override
    protected boolean setCaps(Caps caps) {
        RawVideoLayout newLayout;
        try {
            newLayout = RawVideoLayout.fromCaps(caps.structure(0));
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot produce {}: {}", getName(), caps, e.getMessage());
            return false;
        }
        synchronized (lock) {
            try {
                painter.configure(newLayout);
            } catch (IllegalArgumentException | OutOfMemoryError e) {
                LOG.warn("{}: cannot paint {}: {}", getName(), newLayout, e.toString());
                return false;
            }
            layout = newLayout;
            fpsN = newLayout.framerate().numerator();
            fpsD = newLayout.framerate().denominator();
            // Timestamps continue where the previous format left off.
            accumRtime += runningTime;
            accumFrames += nFrames;
            runningTime = 0;
            nFrames = 0;
            cachedFrame = null;
        }
        LOG.debug("{}: producing {}", getName(), newLayout);
        return true;
    }

    @Override
    protected boolean isSeekable() {
        return true;
    }

    /**
     * {@code gst_video_test_src_do_seek}: the next frame is the one at the seek position
     * (rounded down to a frame), its timestamp that frame's time.
     */
    @Override
    protected boolean doSeek(Segment segment) {
        segment.setTime(segment.getStart());
        long position = Math.max(0, segment.getPosition());
        synchronized (lock) {
            reverse = segment.getRate() < 0;
            if (fpsN > 0) {
                nFrames = ClockTime.scale(position, fpsN, fpsD * ClockTime.SECOND);
                runningTime = frameTime(nFrames);
            } else {
                nFrames = 0;
                runningTime = 0;
            }
            accumFrames = 0;
            accumRtime = 0;
        }
        return true;
    }

    /** Live: sync each frame on its timestamp ({@code gst_video_test_src_get_times}). */
    @Override
    protected Times getTimes(Buffer buffer) {
        if (!isLive() || buffer.pts() == ClockTime.NONE) {
            return Times.NONE;
        }
        long end = buffer.duration() == ClockTime.NONE ? ClockTime.NONE : buffer.pts() + buffer.duration();
        return new Times(buffer.pts(), end);
    }

    /** One frame of latency: a frame exists only once its whole duration has passed. */
    @Override
    protected Latency getLatency() {
        synchronized (lock) {
            if (fpsN > 0) {
                return new Latency(isLive(), ClockTime.scale(ClockTime.SECOND, fpsD, fpsN), ClockTime.NONE);
            }
        }
        return super.getLatency();
    }

    /** DURATION is known when num-buffers is set ({@code gst_video_test_src_query}). */
    @Override
    public boolean query(Query query) {
        int numBuffers = get(NUM_BUFFERS);
        if (query instanceof Query.DurationQuery q && numBuffers != -1) {
            synchronized (lock) {
                if (q.format() == Format.TIME && fpsN > 0) {
                    BigInteger n = BigInteger.valueOf(numBuffers).multiply(BigInteger.valueOf(ClockTime.SECOND))
                            .multiply(BigInteger.valueOf(fpsD));
                    BigInteger d = BigInteger.valueOf(fpsN);
                    q.setDuration(n.add(d.shiftRight(1)).divide(d).longValue());
                    return true;
                }
                if (q.format() == Format.BYTES && layout != null) {
                    q.setDuration((long) numBuffers * layout.size());
                    return true;
                }
            }
        }
        return super.query(query);
    }

    /** Paints and stamps the next frame ({@code gst_video_test_src_fill}). */
    @Override
    protected Buffer create() throws FlowException {
        VideoTestSrcPainter.Options options = paintOptions();
        long tsOffset = get(TIMESTAMP_OFFSET);
        synchronized (lock) {
            if (layout == null) {
                throw new FlowException(FlowReturn.NOT_NEGOTIATED, getName() + ": no format negotiated");
            }
            if ((fpsN == 0 && nFrames == 1) || nFrames == -1) {
                throw new FlowException(FlowReturn.EOS, getName() + ": "
                        + (nFrames == -1 ? "reached the start playing backwards" : "framerate 0/1 makes one frame"));
            }
            long frame = nFrames;
            long pts = accumRtime + tsOffset + runningTime;
            long offset = accumFrames + frame;
            byte[] data = still(options) ? stillFrame(options, frame, offset, pts) : painter.paint(options, frame, offset, pts);
            long duration;
            if (fpsN > 0) {
                long next = frameTime(frame + 1);
                duration = next - frameTime(frame);
                nFrames = reverse ? frame - 1 : frame + 1;
                runningTime = reverse ? frameTime(frame - 1) : next;
            } else {
                duration = ClockTime.NONE; // one picture that lasts forever
                nFrames = frame + 1;
            }
            return Buffer.wrap(data).withTimestamps(pts, ClockTime.NONE, duration).withOffsets(offset, offset + 1);
        }
    }

    private boolean still(VideoTestSrcPainter.Options o) {
        if (!o.pattern().isStill() || o.horizontalSpeed() != 0 || o.overlayFrameNumber()) {
            return false;
        }
        return switch (o.pattern()) {
            case ZONE_PLATE, CHROMA_ZONE_PLATE -> !o.zonePlate().movesWithTime();
            case PINWHEEL, SPOKES -> o.zonePlate().kt() == 0;
            default -> true;
        };
    }

    private byte[] stillFrame(VideoTestSrcPainter.Options o, long frame, long offset, long pts) {
        if (cachedFrame == null || !o.equals(cachedOptions)) {
            cachedFrame = painter.paint(o, frame, offset, pts);
            cachedOptions = o;
        }
        return cachedFrame;
    }

    /** The stream time of frame n: n * 10^9 * fpsD / fpsN, rounded down. Lock held. */
    private long frameTime(long n) {
        return n <= 0 ? 0 : ClockTime.scale(n, fpsD * ClockTime.SECOND, fpsN);
    }
}
