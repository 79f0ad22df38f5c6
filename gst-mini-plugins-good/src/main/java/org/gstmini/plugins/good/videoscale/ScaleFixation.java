package org.gstmini.plugins.good.videoscale;

import java.math.BigInteger;
import org.gstmini.core.PadDirection;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.FractionRange;
import org.gstmini.core.caps.Structure;

/**
 * How videoscale picks an output size: keep the picture's <em>display</em> aspect ratio (DAR)
 * with whatever downstream has already fixed. Mirrors {@code gst_video_convert_scale_fixate_size}
 * (gst-plugins-base/gst/videoconvertscale/gstvideoconvertscale.c, 1.22), branch for branch.
 *
 * <p>Three numbers describe the shape of a picture, and one follows from the other two:
 *
 * <pre>
 *   DAR = (width / height) * PAR          e.g. 320x240 with square pixels (PAR 1/1): DAR 4/3
 *
 *   width  = height * DAR / PAR           so a fixed height gives the width that keeps the DAR
 *   height = width  * PAR / DAR  ... and  PAR = DAR * height / width when both sizes are fixed
 * </pre>
 *
 * Downstream may fix any of width, height and PAR (a caps filter {@code video/x-raw,width=200});
 * the rest is chosen so that the output DAR equals the input DAR, preferring to keep the input
 * height (interlaced material suffers least), then the input width, and changing the PAR only
 * when the sizes cannot keep the DAR. When nothing fits exactly, the closest DAR wins.
 *
 * <pre>
 *   fixed downstream        chosen                                         320x240 1/1 in, gives
 *   width, height           PAR = DAR * h / w (if PAR is open)             200x100 → PAR 2/3
 *   height (+ PAR)          width = h * DAR / PAR                          height=120 → 160x120
 *   height only             input width, PAR adjusted; else width for PAR  height=120 → 320x120 PAR 1/2
 *   width only              input height, PAR adjusted; else height        width=200  → 200x240 PAR 8/5
 *   PAR only                input height, width for the DAR; else ...      par=2/1    → see below
 *   nothing                 the input size and PAR (passthrough)
 * </pre>
 *
 * <p>Two quirks are kept on purpose because the results are compared with GStreamer's: with
 * only the PAR fixed, GStreamer multiplies the DAR by the output PAR where the formula divides
 * (harmless for square pixels, the common case); and a PAR field missing on the input means
 * 1/1, a PAR field missing on the output means "any" when fixating the source pad. One hole is
 * closed: when GStreamer keeps the DAR with a square PAR on an output without a PAR field, it
 * forgets to set the width (or height) it computed, which then falls to the range minimum; here
 * the computed size is kept.
 */
final class ScaleFixation {
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String PAR = "pixel-aspect-ratio";

    /** {@code [ 1/2147483647, 2147483647/1 ]}: any pixel aspect ratio. */
    static final FractionRange ANY_PAR = FractionRange.of(1, Integer.MAX_VALUE, Integer.MAX_VALUE, 1);
    private static final Fraction SQUARE = Fraction.of(1, 1);

    private ScaleFixation() {
    }

    /**
     * Fixes width, height and PAR of {@code outs} for the fixed {@code ins} on the pad of
     * {@code direction}, then fixates every other field, as the transform's
     * {@code fixate_caps} does.
     *
     * @throws ArithmeticException if a size or ratio on the way does not fit in an int
     *     (GStreamer posts "integer overflow" as a negotiation error)
     */
    static Structure fixateSize(PadDirection direction, Structure ins, Structure outs) {
        Object fromParValue = ins.has(PAR) ? ins.get(PAR) : SQUARE;
        Object toParValue = outs.has(PAR) ? outs.get(PAR) : null;
        if (toParValue == null) {
            if (direction == PadDirection.SINK) {
                toParValue = ANY_PAR; // the output may take any PAR, but do not write one unless needed
            } else {
                toParValue = SQUARE;
                outs = outs.with(PAR, SQUARE);
            }
        }
        if (!(fromParValue instanceof Fraction fromPar)) {
            return outs.fixate(); // g_return_val_if_fail: the input PAR must be fixed
        }
        int fromW = fixedInt(ins, WIDTH);
        int fromH = fixedInt(ins, HEIGHT);
        int w = fixedInt(outs, WIDTH);
        int h = fixedInt(outs, HEIGHT);

        if (w != 0 && h != 0) {
            // Both sizes fixed: only the PAR can still make the DAR right.
            if (!(toParValue instanceof Fraction)) {
                Fraction par = displayRatio(fromW, fromH, fromPar, w, h);
                if (par != null && outs.has(PAR)) {
                    outs = outs.fixateFieldNearestFraction(PAR, par);
                } else if (par != null && !par.equals(SQUARE)) {
                    outs = outs.with(PAR, par);
                }
            }
            return outs.fixate();
        }

        Fraction fromDar = multiply(fromW, fromH, fromPar.numerator(), fromPar.denominator());
        if (h != 0) {
            return fixateOtherSide(outs, WIDTH, fromW, h, fromDar, toParValue, false);
        }
        if (w != 0) {
            return fixateOtherSide(outs, HEIGHT, fromH, w, fromDar, toParValue, true);
        }
        if (toParValue instanceof Fraction toPar) {
            return fixateSizeForPar(outs, fromW, fromH, fromDar, toPar);
        }
        return fixateAll(outs, fromW, fromH, fromDar, toParValue);
    }

    /**
     * One size is fixed ({@code fixed}): choose the other ({@code field}). {@code byWidth} says
     * the fixed one is the width, so the free one is {@code fixed / ratio} instead of
     * {@code fixed * ratio}.
     */
    private static Structure fixateOtherSide(Structure outs, String field, int fromSize, int fixed, Fraction fromDar,
            Object toParValue, boolean byWidth) {
        if (toParValue instanceof Fraction toPar) {
            // The PAR is fixed too: the size that keeps the DAR, or the nearest allowed.
            Fraction ratio = multiply(fromDar.numerator(), fromDar.denominator(), toPar.denominator(),
                    toPar.numerator());
            return nearest(outs, field, sizeFor(fixed, ratio, byWidth)).fixate();
        }
        // Keep the input size on this side if allowed, and make the PAR take up the difference.
        Structure tmp = nearest(outs, field, fromSize);
        int set = fixedInt(tmp, field);
        Fraction toPar = byWidth ? multiply(fromDar.numerator(), fromDar.denominator(), set, fixed)
                : multiply(fromDar.numerator(), fromDar.denominator(), fixed, set);
        Fraction setPar = nearestPar(tmp, toParValue, toPar);
        if (setPar.equals(toPar)) {
            return withPar(outs.with(field, set), outs, setPar).fixate();
        }
        // That PAR is not allowed: take the allowed one and size this side for it.
        Fraction ratio = multiply(fromDar.numerator(), fromDar.denominator(), setPar.denominator(),
                setPar.numerator());
        return withPar(nearest(outs, field, sizeFor(fixed, ratio, byWidth)), outs, setPar).fixate();
    }

    /** Only the PAR is fixed: keep the input height if possible, else the input width, else the closest DAR. */
    private static Structure fixateSizeForPar(Structure outs, int fromW, int fromH, Fraction fromDar, Fraction toPar) {
        // GStreamer's formula (kept): DAR * PAR where DAR / PAR would keep the display shape.
        Fraction ratio = multiply(fromDar.numerator(), fromDar.denominator(), toPar.numerator(), toPar.denominator());

        Structure tmp = nearest(outs, HEIGHT, fromH);
        int setH = fixedInt(tmp, HEIGHT);
        int w = sizeFor(setH, ratio, false);
        int setW = fixedInt(nearest(tmp, WIDTH, w), WIDTH);
        if (setW == w) {
            return outs.with(WIDTH, setW).with(HEIGHT, setH).fixate();
        }
        int firstW = setW;
        int firstH = setH;

        tmp = nearest(outs, WIDTH, fromW);
        setW = fixedInt(tmp, WIDTH);
        int h = sizeFor(setW, ratio, true);
        setH = fixedInt(nearest(tmp, HEIGHT, h), HEIGHT);
        if (setH == h) {
            return outs.with(WIDTH, setW).with(HEIGHT, setH).fixate();
        }
        // Neither keeps the DAR: take the pair whose DAR is closest.
        if ((long) setW * Math.abs(setH - h) < (long) Math.abs(firstW - w) * firstH) {
            firstW = setW;
            firstH = setH;
        }
        return outs.with(WIDTH, firstW).with(HEIGHT, firstH).fixate();
    }

    /** Nothing fixed downstream: keep the input size and find the PAR, else adjust one size to the PAR allowed. */
    private static Structure fixateAll(Structure outs, int fromW, int fromH, Fraction fromDar, Object toParValue) {
        Structure tmp = nearest(outs, HEIGHT, fromH);
        int setH = fixedInt(tmp, HEIGHT);
        tmp = nearest(tmp, WIDTH, fromW);
        int setW = fixedInt(tmp, WIDTH);
        Fraction toPar = multiply(fromDar.numerator(), fromDar.denominator(), setH, setW);
        Fraction setPar = nearestPar(tmp, toParValue, toPar);
        if (setPar.equals(toPar)) {
            return withPar(outs.with(WIDTH, setW).with(HEIGHT, setH), outs, setPar).fixate();
        }
        Fraction ratio = multiply(fromDar.numerator(), fromDar.denominator(), setPar.denominator(),
                setPar.numerator());
        int w = sizeFor(setH, ratio, false);
        if (fixedInt(nearest(outs, WIDTH, w), WIDTH) == w) {
            return withPar(outs.with(WIDTH, w).with(HEIGHT, setH), outs, setPar).fixate();
        }
        int h = sizeFor(setW, ratio, true);
        if (fixedInt(nearest(outs, HEIGHT, h), HEIGHT) == h) {
            return withPar(outs.with(WIDTH, setW).with(HEIGHT, h), outs, setPar).fixate();
        }
        return withPar(outs.with(WIDTH, setW).with(HEIGHT, setH), outs, setPar).fixate();
    }

    // ---------------------------------------------------------------- arithmetic, as GStreamer's utils

    /**
     * {@code a/b * c/d}, reduced ({@code gst_util_fraction_multiply}).
     *
     * @throws ArithmeticException if the reduced result does not fit in an int
     */
    static Fraction multiply(long aN, long aD, long bN, long bD) {
        long n = aN * bN;
        long d = aD * bD;
        long g = BigInteger.valueOf(n).gcd(BigInteger.valueOf(d)).longValue();
        if (g > 1) {
            n /= g;
            d /= g;
        }
        if (Math.abs(n) > Integer.MAX_VALUE || Math.abs(d) > Integer.MAX_VALUE || d == 0) {
            throw new ArithmeticException("integer overflow computing " + aN + "/" + aD + " * " + bN + "/" + bD);
        }
        return Fraction.of((int) n, (int) d);
    }

    /**
     * The output PAR that shows a {@code fromW x fromH} picture of {@code fromPar} at
     * {@code w x h} with its display shape, or null on overflow
     * ({@code gst_video_calculate_display_ratio} with the output size as "display PAR").
     */
    static Fraction displayRatio(int fromW, int fromH, Fraction fromPar, int w, int h) {
        Fraction dar = displayAspectRatio(fromW, fromH, fromPar);
        try {
            return dar == null ? null : multiply(dar.numerator(), dar.denominator(), h, w);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** {@code w / h * par}, the shape of the picture on screen, or null on overflow. */
    static Fraction displayAspectRatio(int w, int h, Fraction par) {
        try {
            return multiply(w, h, par.numerator(), par.denominator());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** {@code fixed * ratio} (or {@code fixed / ratio}), rounded to nearest ({@code gst_util_uint64_scale_int_round}). */
    private static int sizeFor(int fixed, Fraction ratio, boolean divide) {
        long num = divide ? ratio.denominator() : ratio.numerator();
        long den = divide ? ratio.numerator() : ratio.denominator();
        long size = (fixed * num + den / 2) / den;
        if (size > Integer.MAX_VALUE) {
            throw new ArithmeticException("Error calculating the output scaled size - integer overflow");
        }
        return (int) size;
    }

    // ---------------------------------------------------------------- structure helpers

    /** The field's value if it is a plain int, else 0 ({@code gst_structure_get_int} failing). */
    private static int fixedInt(Structure s, String field) {
        return s.has(field) && s.get(field) instanceof Integer i ? i : 0;
    }

    /** {@code gst_structure_fixate_field_nearest_int}, a no-op for a missing field. */
    private static Structure nearest(Structure s, String field, int target) {
        return s.has(field) ? s.fixateFieldNearestInt(field, target) : s;
    }

    /** The allowed PAR nearest {@code target}, using {@code toParValue} where the structure has no PAR field. */
    private static Fraction nearestPar(Structure tmp, Object toParValue, Fraction target) {
        Structure withPar = tmp.has(PAR) ? tmp : tmp.with(PAR, toParValue);
        return withPar.fixateFieldNearestFraction(PAR, target).getFraction(PAR);
    }

    /** Writes the PAR if the output caps have the field or the PAR is not square (else "square" is implied). */
    private static Structure withPar(Structure result, Structure outs, Fraction par) {
        return outs.has(PAR) || !par.equals(SQUARE) ? result.with(PAR, par) : result;
    }
}
