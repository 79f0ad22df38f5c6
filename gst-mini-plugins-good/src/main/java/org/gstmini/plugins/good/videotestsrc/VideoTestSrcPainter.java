package org.gstmini.plugins.good.videotestsrc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.gstmini.plugins.good.videotestsrc.RawVideoLayout.Format;

/**
 * Paints the test pictures into raw video frames. The element owns one painter; it is not
 * thread-safe and only the streaming thread uses it.
 *
 * <h2>How a frame is painted</h2>
 * Patterns are described row by row, like GStreamer's videotestsrc does, in one working
 * colour space chosen by the output format:
 *
 * <pre>
 *   RGB, RGBA, BGRx   pixels are 0xAARRGGBB
 *   GRAY8, I420       pixels are 0xAAYYUUVV, Y'CbCr with BT.601 limited range (black Y=16,
 *                     white Y=235, neutral chroma 128); GRAY8 keeps Y only
 * </pre>
 *
 * A pattern paints spans into a reusable row ({@link #row}), which keeps its pixels from the
 * previous row, and {@link #commit(int) commits} it to a canvas of {@code width x height}
 * pixels. Blended patterns (snow, ball, gradient ...) first compute a coverage byte per pixel
 * and mix foreground and background colour with it. Finally {@link #pack} turns the canvas
 * into the output format with its strides; for I420 each chroma sample is the rounded mean
 * of its 2x2 pixels ({@link #mean4}). Nothing is allocated per pixel, and the canvas and rows
 * are reused from frame to frame; only the output array is new for each buffer.
 *
 * <p>Colour values, the layouts of the patterns, the integer rounding and the noise generator
 * follow GStreamer 1.22, so frames equal its videotestsrc's byte for byte (GStreamerReferenceTest)
 * with two deliberate exceptions: pinwheel and spokes turn with {@code kt} (GStreamer caches
 * their first frame), and the sweep cross-hair of the ball is also drawn in I420 (GStreamer's
 * 4:2:0 line pairing loses it).
 */
final class VideoTestSrcPainter {
    /** What the properties say about the picture; the element snapshots them per frame. */
    record Options(VideoTestSrcPattern pattern, long foregroundArgb, long backgroundArgb,
                   VideoTestSrcAnimationMode animationMode, VideoTestSrcMotion motion, boolean flip,
                   int horizontalSpeed, boolean overlayFrameNumber, ZonePlate zonePlate) {
    }

    /**
     * The zone plate's phase coefficients: {@code phase = k0 + kx*x + ky*y + kt*t + kxt*x*t +
     * kyt*y*t + kxy*x*y + kx2*x*x + ky2*y*y + kt2*t*t}, with t the frame number; the
     * second-order terms are scaled to the picture size and centred on (xoffset, yoffset).
     */
    record ZonePlate(int k0, int kx, int ky, int kt, int kxt, int kyt, int kxy, int kx2, int ky2, int kt2,
                     int xoffset, int yoffset) {
        static final ZonePlate NONE = new ZonePlate(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        boolean movesWithTime() {
            return kt != 0 || kxt != 0 || kyt != 0 || kt2 != 0;
        }
    }

    // Indices into the colour tables.
    private static final int WHITE = 0;
    private static final int YELLOW = 1;
    private static final int CYAN = 2;
    private static final int GREEN = 3;
    private static final int MAGENTA = 4;
    private static final int RED = 5;
    private static final int BLUE = 6;
    private static final int BLACK = 7;
    private static final int NEG_I = 8;
    private static final int POS_Q = 9;
    private static final int SUPER_BLACK = 10;
    private static final int DARK_GREY = 11;

    /**
     * The bar colours as {Y, Cb, Cr, R, G, B}, 100% intensity: the values GStreamer's
     * videotestsrc uses for BT.601 (the R'G'B' triplets converted with limited range;
     * -I and +Q are the NTSC I/Q test signals, sitting at black level).
     */
    private static final int[][] COLORS_100 = {
        {235, 128, 128, 255, 255, 255}, // white
        {210, 16, 146, 255, 255, 0},    // yellow
        {170, 166, 16, 0, 255, 255},    // cyan
        {145, 54, 34, 0, 255, 0},       // green
        {106, 202, 222, 255, 0, 255},   // magenta
        {81, 90, 240, 255, 0, 0},       // red
        {41, 240, 110, 0, 0, 255},      // blue
        {16, 128, 128, 0, 0, 0},        // black
        {16, 198, 21, 0, 0, 128},       // -I
        {16, 235, 198, 0, 128, 255},    // +Q
        {0, 128, 128, 0, 0, 0},         // super black (below black level)
        {32, 128, 128, 19, 19, 19},     // dark grey
    };

    /** The first seven colours at 75% intensity (R'G'B' 191), for smpte75. */
    private static final int[][] COLORS_75 = {
        {180, 128, 128, 191, 191, 191},
        {162, 44, 142, 191, 191, 0},
        {131, 156, 44, 0, 191, 191},
        {112, 72, 58, 0, 191, 0},
        {84, 184, 198, 191, 0, 191},
        {65, 100, 212, 191, 0, 0},
        {35, 212, 114, 0, 0, 191},
    };

    /** One period of a sine, offset to 0..255 with 128 at phase 0 (the zone plate's waveform). */
    private static final int[] SINE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            SINE[i] = Math.min(255, (int) Math.floor(128.0 + 128.0 * Math.sin(2 * Math.PI * i / 256)));
        }
    }

    private RawVideoLayout layout;
    private int width;
    private int height;
    private boolean yuv;
    private int[] canvas;
    /** The row being painted; it keeps its pixels from one row to the next, like a brush stroke. */
    private int[] row;
    /** Coverage per pixel of the row, 0 (background) to 255 (foreground), for blended patterns. */
    private int[] coverage;
    /** Packed colours of the two tables, in the working space of the format. */
    private int[] colors100;
    private int[] colors75;
    private int xOffset;
    /** State of the snow generator; kept across frames and caps changes, as GStreamer does. */
    private int randomState;

    /** Prepares buffers for frames of this layout ({@code setcaps}). */
    void configure(RawVideoLayout newLayout) {
        this.layout = newLayout;
        this.width = newLayout.width();
        this.height = newLayout.height();
        this.yuv = newLayout.format().isYuv();
        long pixels = (long) width * height;
        if (pixels > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame has too many pixels");
        }
        this.canvas = new int[(int) pixels];
        this.row = new int[width];
        this.coverage = new int[width];
        this.colors100 = packTable(COLORS_100);
        this.colors75 = packTable(COLORS_75);
    }

    /** Drops the frame-sized buffers ({@code stop}); the snow generator keeps its state. */
    void release() {
        layout = null;
        canvas = null;
        row = null;
        coverage = null;
    }

    RawVideoLayout layout() {
        return layout;
    }

    /**
     * Paints one frame and returns it as a new array of {@code layout().size()} bytes.
     *
     * @param o        the properties
     * @param frame    frames since the caps were set or the last seek (animates the patterns)
     * @param offset   the frame's number in the stream (the buffer offset; the overlay shows it)
     * @param pts      the frame's timestamp, for {@code animation-mode=running-time}
     */
    byte[] paint(Options o, long frame, long offset, long pts) {
        if (layout == null) {
            throw new IllegalStateException("videotestsrc: painting before caps were negotiated");
        }
        int fg = packArgb(o.foregroundArgb());
        int bg = packArgb(o.backgroundArgb());
        long x = width == 0 ? 0 : ((long) o.horizontalSpeed() * frame) % width;
        xOffset = (int) (x < 0 ? x + width : x);
        switch (o.pattern()) {
            case SMPTE -> smpte(fg, bg);
            case SNOW -> snow(fg, bg);
            case BLACK -> solid(bg);
            case WHITE, SOLID_COLOR -> solid(fg);
            case RED -> solid(colors100[RED]);
            case GREEN -> solid(colors100[GREEN]);
            case BLUE -> solid(colors100[BLUE]);
            case CHECKERS_1 -> checkers(1);
            case CHECKERS_2 -> checkers(2);
            case CHECKERS_4 -> checkers(4);
            case CHECKERS_8 -> checkers(8);
            case CIRCULAR -> circular(fg, bg);
            case BLINK -> solid((frame & 1) != 0 ? fg : bg);
            case SMPTE75 -> bars(colors75);
            case ZONE_PLATE -> zonePlate(o.zonePlate(), (int) frame, fg, bg, false);
            case GAMUT -> gamut();
            case CHROMA_ZONE_PLATE -> zonePlate(o.zonePlate(), (int) frame, fg, bg, true);
            case BALL -> ball(o, frame, pts, fg, bg);
            case SMPTE100 -> bars(colors100);
            case BAR -> bar(fg, bg);
            case PINWHEEL -> pinwheel(o.zonePlate().kt() * (double) frame, fg, bg, false);
            case SPOKES -> pinwheel(o.zonePlate().kt() * (double) frame, fg, bg, true);
            case GRADIENT -> gradient(fg, bg);
            case COLORS -> colors();
        }
        if (o.overlayFrameNumber()) {
            overlayNumber(offset, fg, bg);
        }
        byte[] out = new byte[layout.size()];
        pack(out);
        return out;
    }

    // ------------------------------------------------------------------ colours

    private int[] packTable(int[][] table) {
        int[] packed = new int[table.length];
        for (int i = 0; i < table.length; i++) {
            int[] c = table[i];
            packed[i] = yuv ? pack(255, c[0], c[1], c[2]) : pack(255, c[3], c[4], c[5]);
        }
        return packed;
    }

    private static int pack(int a, int c1, int c2, int c3) {
        return (a << 24) | (c1 << 16) | (c2 << 8) | c3;
    }

    /**
     * A property colour (big-endian ARGB, as GStreamer's foreground-color) in the working space:
     * unchanged for RGB, converted to BT.601 limited-range Y'CbCr for YUV formats with 10-bit
     * fixed-point coefficients (white gives 235/128/128, black 16/128/128).
     */
    int packArgb(long argb) {
        int a = (int) (argb >>> 24) & 0xff;
        int r = (int) (argb >>> 16) & 0xff;
        int g = (int) (argb >>> 8) & 0xff;
        int b = (int) argb & 0xff;
        if (!yuv) {
            return pack(a, r, g, b);
        }
        int y = (fix(0.299 * 219 / 255) * r + fix(0.587 * 219 / 255) * g + fix(0.114 * 219 / 255) * b
                + (1 << 9) + (16 << 10)) >> 10;
        int u = ((-fix(0.16874 * 224 / 255) * r - fix(0.33126 * 224 / 255) * g + fix(0.5 * 224 / 255) * b
                + (1 << 9) - 1) >> 10) + 128;
        int v = ((fix(0.5 * 224 / 255) * r - fix(0.41869 * 224 / 255) * g - fix(0.08131 * 224 / 255) * b
                + (1 << 9) - 1) >> 10) + 128;
        return pack(a, clamp(y), clamp(u), clamp(v));
    }

    private static int fix(double coefficient) {
        return (int) (coefficient * 1024 + 0.5);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** a*x + b*(255-x), divided by 255 with rounding, on each of the four channels. */
    private static int blend(int a, int b, int x) {
        int out = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int ca = (a >>> shift) & 0xff;
            int cb = (b >>> shift) & 0xff;
            int m = ca * x + cb * (255 - x);
            out |= ((m + ((m + 128) >> 8) + 128) >> 8) << shift;
        }
        return out;
    }

    // ------------------------------------------------------------------ row painting

    private void fill(int x, int len, int color) {
        Arrays.fill(row, x, x + len, color);
    }

    /** Mixes foreground and background by the coverage of pixels x1..x2-1 into the row. */
    private void blendRow(int fg, int bg, int x1, int x2) {
        for (int i = x1; i < x2; i++) {
            int c = coverage[i];
            // blend() gives exactly bg at 0 and fg at 255; skip the arithmetic there.
            row[i] = c == 0 ? bg : c == 255 ? fg : blend(fg, bg, c);
        }
    }

    /** Copies the row to canvas row y, scrolled left by the horizontal offset. */
    private void commit(int y) {
        int base = y * width;
        if (xOffset == 0) {
            System.arraycopy(row, 0, canvas, base, width);
        } else {
            System.arraycopy(row, xOffset, canvas, base, width - xOffset);
            System.arraycopy(row, 0, canvas, base + width - xOffset, xOffset);
        }
    }

    /** i * w / n without overflow, for bar edges. */
    private static int part(long i, long w, long n) {
        return (int) (i * w / n);
    }

    private int nextRandom() {
        randomState = randomState * 1103515245 + 12345;
        return (randomState >>> 16) & 0xff;
    }

    // ------------------------------------------------------------------ patterns

    /** Bars of the top two thirds, the reversed blue bars, then the PLUGE row. */
    private void smpte(int fg, int bg) {
        int w = width;
        int h = height;
        int y1 = 2 * h / 3;
        int y2 = part(3, h, 4);
        for (int j = 0; j < y1; j++) {
            for (int i = 0; i < 7; i++) {
                int x1 = part(i, w, 7);
                fill(x1, part(i + 1, w, 7) - x1, colors100[i]);
            }
            commit(j);
        }
        for (int j = y1; j < y2; j++) {
            for (int i = 0; i < 7; i++) {
                int x1 = part(i, w, 7);
                fill(x1, part(i + 1, w, 7) - x1, colors100[(i & 1) != 0 ? BLACK : 6 - i]);
            }
            commit(j);
        }
        int[] bottom = {NEG_I, WHITE, POS_Q};
        int[] pluge = {SUPER_BLACK, BLACK, DARK_GREY};
        for (int j = y2; j < h; j++) {
            for (int i = 0; i < 3; i++) {
                int x1 = part(i, w, 6);
                fill(x1, part(i + 1, w, 6) - x1, colors100[bottom[i]]);
            }
            for (int i = 0; i < 3; i++) {
                int x1 = w / 2 + part(i, w, 12);
                fill(x1, w / 2 + part(i + 1, w, 12) - x1, colors100[pluge[i]]);
            }
            int x1 = part(3, w, 4);
            for (int i = x1; i < w; i++) {
                coverage[i] = nextRandom();
            }
            blendRow(fg, bg, x1, w);
            commit(j);
        }
    }

    private void bars(int[] table) {
        for (int i = 0; i < 7; i++) {
            int x1 = part(i, width, 7);
            fill(x1, part(i + 1, width, 7) - x1, table[i]);
        }
        for (int j = 0; j < height; j++) {
            commit(j);
        }
    }

    private void snow(int fg, int bg) {
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                coverage[i] = nextRandom();
            }
            blendRow(fg, bg, 0, width);
            commit(j);
        }
    }

    private void solid(int color) {
        fill(0, width, color);
        for (int j = 0; j < height; j++) {
            commit(j);
        }
    }

    /** Red and green squares of n pixels; (x ^ y) & n picks green. */
    private void checkers(int n) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x += n) {
                fill(x, Math.min(n, width - x), ((x ^ y) & n) != 0 ? colors100[GREEN] : colors100[RED]);
            }
            commit(y);
        }
    }

    private void bar(int fg, int bg) {
        int x2 = width / 7;
        fill(0, x2, fg);
        fill(x2, width - x2, bg);
        for (int j = 0; j < height; j++) {
            commit(j);
        }
    }

    /** Rows from background (top) to foreground (bottom). */
    private void gradient(int fg, int bg) {
        for (int j = 0; j < height; j++) {
            Arrays.fill(coverage, 0, width, (int) (j * 255.0 / height));
            blendRow(fg, bg, 0, width);
            commit(j);
        }
    }

    /** Rings whose frequency halves every four rings, seven of them, from the centre out. */
    private void circular(int fg, int bg) {
        double[] freq = new double[8];
        for (int i = 1; i < 8; i++) {
            freq[i] = 200 * Math.pow(2.0, -(i - 1) / 4.0);
        }
        for (int j = 0; j < height; j++) {
            long dy = 2L * j - height;
            for (int i = 0; i < width; i++) {
                long dx = 2L * i - width;
                double dist = Math.sqrt((double) (dx * dx + dy * dy)) / (2.0 * width);
                int seg = (int) Math.floor(dist * 16);
                if (seg == 0 || seg >= 8) {
                    coverage[i] = 0;
                } else {
                    coverage[i] = SINE[(int) Math.floor(256 * dist * freq[seg] + 0.5) & 0xff];
                }
            }
            blendRow(fg, bg, 0, width);
            commit(j);
        }
    }

    /** Four bands (black, white, red, blue) of checkers alternating a legal and an extreme value. */
    private void gamut() {
        for (int y = 0; y < height; y++) {
            int region = (int) (4L * y / height);
            int primary;
            int secondary;
            switch (region) {
                case 0 -> {
                    primary = colors100[BLACK];
                    secondary = yuv ? (primary & 0xff00ffff) : primary;            // Y = 0
                }
                case 1 -> {
                    primary = colors100[WHITE];
                    secondary = yuv ? (primary | 0x00ff0000) : primary;            // Y = 255
                }
                case 2 -> {
                    primary = colors100[RED];
                    secondary = yuv ? (primary | 0x000000ff) : primary;            // Cr = 255
                }
                default -> {
                    primary = colors100[BLUE];
                    secondary = yuv ? (primary | 0x0000ff00) : primary;            // Cb = 255
                }
            }
            for (int x = 0; x < width; x += 8) {
                fill(x, Math.min(8, width - x), ((x ^ y) & 16) != 0 ? primary : secondary);
            }
            commit(y);
        }
    }

    /**
     * The zone plate, evaluated incrementally with GStreamer's integer scaling so the pictures
     * match: first-order terms count from 1, kxy is scaled by 0xffff/(w/2) and kx2 by 0xffff/w
     * (both then shifted down 16 bits), ky2 divided by h, kt2 halved.
     */
    private void zonePlate(ZonePlate z, int t, int fg, int bg, boolean chroma) {
        int w = width;
        int h = height;
        int xreset = -(w / 2) - z.xoffset();
        int yreset = -(h / 2) - z.yoffset();
        int scaleKxy = 0xffff / Math.max(1, w / 2);
        int scaleKx2 = 0xffff / w;
        int kt = z.kt() * t;
        int kt2 = z.kt2() * t * t;
        int deltaKxt = z.kxt() * t;
        int accumKy = 0;
        int accumKyt = 0;
        for (int j = 0, y = yreset; j < h; j++, y++) {
            int accumKx = 0;
            int accumKxt = 0;
            accumKy += z.ky();
            accumKyt += z.kyt() * t;
            int deltaKxy = z.kxy() * y * scaleKxy;
            int accumKxy = deltaKxy * xreset;
            int ky2 = z.ky2() * y * y / h;
            for (int i = 0, x = xreset; i < w; i++, x++) {
                accumKx += z.kx();
                accumKxt += deltaKxt;
                accumKxy += deltaKxy;
                int phase = z.k0() + accumKx + accumKy + kt + accumKxt + accumKyt + (accumKxy >> 16)
                        + ((z.kx2() * x * x * scaleKx2) >> 16) + ky2 + (kt2 >> 1);
                int s = SINE[phase & 0xff];
                if (chroma) {
                    row[i] = yuv ? pack(255, 128, s, s) : pack(255, 128, 128, s);
                } else {
                    coverage[i] = s;
                }
            }
            if (!chroma) {
                blendRow(fg, bg, 0, w);
            }
            commit(j);
        }
    }

    /**
     * Nineteen lines through the centre: pinwheel alternates the sign of each line's clamped
     * distance (sectors), spokes draws each line 2 pixels wide. The kt property turns them.
     */
    private void pinwheel(double turn, int fg, int bg, boolean spokes) {
        double[] c = new double[19];
        double[] s = new double[19];
        for (int k = 0; k < 19; k++) {
            double theta = Math.PI / 19 * k + 0.001 * turn;
            c[k] = Math.cos(theta);
            s[k] = Math.sin(theta);
        }
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                double v = 0;
                for (int k = 0; k < 19; k++) {
                    double d = c[k] * (i - 0.5 * width) + s[k] * (j - 0.5 * height);
                    if (spokes) {
                        v += Math.min(1.0, Math.max(0.0, 1.0 - Math.abs(d) + 0.5));
                    } else {
                        double y = Math.min(1.0, Math.max(-1.0, d));
                        v += (k & 1) != 0 ? -y : y;
                    }
                }
                double level = spokes ? Math.rint(v * 255) : Math.rint(v * 128 + 128);
                coverage[i] = (int) Math.min(255, Math.max(0, level));
            }
            blendRow(fg, bg, 0, width);
            commit(j);
        }
    }

    /** Channel values from position: every combination of the top bits appears somewhere. */
    private void colors() {
        long w = width;
        long h = height;
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                int c1 = (int) ((i * 4096L / w) % 256);
                int c2 = (int) ((((j * 16L) / h) << 4) | ((i * 16L) / w));
                int c3 = (int) ((j * 4096L / h) % 256);
                row[i] = pack(255, c1, c2 & 0xff, c3);
            }
            commit(j);
        }
    }

    /**
     * A ball of radius 20 with a soft edge. Its position follows the frame count, the wall clock
     * or the running time (animation-mode): wavy moves it on a Lissajous figure, sweep and hsweep
     * circle it around the centre with a cross-hair. With flip, the colours swap every second.
     */
    private void ball(Options o, long frame, long pts, int fg, int bg) {
        int w = width;
        int h = height;
        int radius = 20;
        double rad;
        long flipit;
        switch (o.animationMode()) {
            case WALL_TIME -> {
                long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                rad = micros / 1_000_000.0;
                flipit = (micros / 1_000_000) % 2;
            }
            case RUNNING_TIME -> {
                long t = Math.max(0, pts);
                rad = (double) t / 1_000_000_000L;
                flipit = (t / 1_000_000_000L) % 2;
            }
            default -> {
                rad = frame / 200.0;
                flipit = (frame / 50) % 2;
            }
        }
        if (o.motion() == VideoTestSrcMotion.HSWEEP) {
            rad /= 2;
            rad -= Math.floor(2 * rad) / 2;
        }
        rad = 2 * Math.PI * rad;
        double x;
        double y;
        if (o.motion() == VideoTestSrcMotion.WAVY) {
            x = radius + (0.5 + 0.5 * Math.sin(rad)) * (w - 2 * radius);
            y = radius + (0.5 + 0.5 * Math.sin(rad * Math.sqrt(2))) * (h - 2 * radius);
        } else {
            radius = Math.min(h, w) / 4;
            x = w / 2 + Math.sin(rad) * radius;
            y = h / 2 - Math.cos(rad) * radius;
        }
        if (o.flip() && flipit != 0) {
            int swap = fg;
            fg = bg;
            bg = swap;
        }
        boolean sweep = o.motion() != VideoTestSrcMotion.WAVY;
        for (int i = 0; i < h; i++) {
            if (i < y - radius || i > y + radius) {
                Arrays.fill(coverage, 0, w, 0);
            } else {
                double dy = i - y;
                int r = (int) Math.rint(Math.sqrt(Math.max(0, radius * radius - dy * dy)));
                int x1 = (int) Math.max(0, x - r);
                int x2 = (int) Math.min(w, x + r + 1);
                Arrays.fill(coverage, 0, x1, 0);
                for (int j = x1; j < x2; j++) {
                    double dx = j - x;
                    double rr = (radius - Math.sqrt(dx * dx + dy * dy)) * 0.5;
                    coverage[j] = (int) Math.min(255, Math.max(0, Math.floor(256 * rr)));
                }
                Arrays.fill(coverage, Math.max(x1, x2), w, 0);
            }
            if (sweep) {
                coverage[w / 2] = 255;
                coverage[clampIndex((int) x, w)] = 255;
            }
            blendRow(fg, bg, 0, w);
            commit(i);
        }
        if (sweep) {
            Arrays.fill(coverage, 0, w, 255);
            blendRow(fg, bg, 0, w);
            commit(h / 2);
            commit(clampIndex((int) y, h));
        }
    }

    private static int clampIndex(int i, int n) {
        return i < 0 ? 0 : Math.min(i, n - 1);
    }

    // ------------------------------------------------------------------ frame number overlay

    /** Digits 0-9 in a 3x5 pixel font, one row per 3 bits, top row first (a gst-mini addition). */
    private static final int[] DIGITS = {
        0b111_101_101_101_111, 0b010_110_010_010_111, 0b111_001_111_100_111, 0b111_001_111_001_111,
        0b101_101_111_001_001, 0b111_100_111_001_111, 0b111_100_111_101_111, 0b111_001_001_001_001,
        0b111_101_111_101_111, 0b111_101_111_001_111,
    };

    /**
     * Writes {@code number} in the top-left corner: foreground-colour digits on a
     * background-colour box, each font pixel a square of about a sixtieth of the picture's
     * smaller side (at least 1). Clipped to the frame.
     */
    private void overlayNumber(long number, int fg, int bg) {
        String text = Long.toString(Math.max(0, number));
        int scale = Math.max(1, Math.min(width, height) / 60);
        int boxW = (text.length() * 4 + 1) * scale;
        int boxH = 7 * scale;
        int x0 = scale;
        int y0 = scale;
        for (int y = y0; y < Math.min(height, y0 + boxH); y++) {
            int fy = (y - y0) / scale - 1; // font row, -1 and 5 are the box margin
            int base = y * width;
            for (int x = x0; x < Math.min(width, x0 + boxW); x++) {
                int fx = (x - x0) / scale - 1;
                boolean on = false;
                if (fy >= 0 && fy < 5 && fx >= 0) {
                    int digit = fx / 4;
                    int col = fx % 4;
                    if (col < 3 && digit < text.length()) {
                        int bits = DIGITS[text.charAt(digit) - '0'];
                        on = ((bits >> ((4 - fy) * 3 + (2 - col))) & 1) != 0;
                    }
                }
                canvas[base + x] = on ? fg : bg;
            }
        }
    }

    // ------------------------------------------------------------------ packing

    /** Converts the canvas into the output format, row by row, honouring the strides. */
    private void pack(byte[] out) {
        int w = width;
        int h = height;
        int stride = layout.strides()[0];
        Format format = layout.format();
        switch (format) {
            case RGB, RGBA, BGRx -> {
                boolean rgba = format == Format.RGBA;
                boolean bgrx = format == Format.BGRx;
                for (int y = 0; y < h; y++) {
                    int o = y * stride;
                    int base = y * w;
                    for (int x = 0; x < w; x++) {
                        int c = canvas[base + x];
                        if (bgrx) {
                            out[o++] = (byte) c;
                            out[o++] = (byte) (c >> 8);
                            out[o++] = (byte) (c >> 16);
                            out[o++] = (byte) 0xff;
                        } else {
                            out[o++] = (byte) (c >> 16);
                            out[o++] = (byte) (c >> 8);
                            out[o++] = (byte) c;
                            if (rgba) {
                                out[o++] = (byte) (c >>> 24);
                            }
                        }
                    }
                }
            }
            case GRAY8 -> packLuma(out, 0, stride);
            case I420 -> {
                packLuma(out, 0, stride);
                int cStride = layout.strides()[1];
                int uBase = layout.offsets()[1];
                int vBase = layout.offsets()[2];
                int cw = (w + 1) / 2;
                int ch = (h + 1) / 2;
                for (int cy = 0; cy < ch; cy++) {
                    int top = 2 * cy * w;
                    int bottom = Math.min(2 * cy + 1, h - 1) * w;
                    for (int cx = 0; cx < cw; cx++) {
                        int left = 2 * cx;
                        int right = Math.min(left + 1, w - 1);
                        int a = canvas[top + left];
                        int b = canvas[top + right];
                        int c = canvas[bottom + left];
                        int d = canvas[bottom + right];
                        out[uBase + cy * cStride + cx] = (byte) mean4(a >> 8, b >> 8, c >> 8, d >> 8);
                        out[vBase + cy * cStride + cx] = (byte) mean4(a, b, c, d);
                    }
                }
            }
        }
    }

    /**
     * The chroma of a 2x2 block (low bytes of a, b on the top row, c, d below): the two
     * columns are averaged vertically first, then the results horizontally, each step rounding
     * half up. This is what GStreamer's chroma resampler gives, to the last bit.
     */
    private static int mean4(int a, int b, int c, int d) {
        int left = ((a & 0xff) + (c & 0xff) + 1) >> 1;
        int right = ((b & 0xff) + (d & 0xff) + 1) >> 1;
        return (left + right + 1) >> 1;
    }

    private void packLuma(byte[] out, int offset, int stride) {
        for (int y = 0; y < height; y++) {
            int o = offset + y * stride;
            int base = y * width;
            for (int x = 0; x < width; x++) {
                out[o + x] = (byte) (canvas[base + x] >> 16);
            }
        }
    }
}
