package org.gstmini.plugins.good.imagefreeze;

import org.gstmini.core.ClockTime;
import org.gstmini.core.Format;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Fraction;

/**
 * Where imagefreeze is in its endless stream: the segment (set by seeks), the negotiated frame
 * rate and the number of the next frame. It says when each frame starts and ends, clipped to
 * the segment, and when the stream is over. Not thread-safe: {@link ImageFreeze} guards it with
 * its lock.
 *
 * <p>Frame n covers {@code [n * d / r, (n + 1) * d / r)} with {@code d / r = fpsD s / fpsN},
 * each bound rounded down on its own, so the durations of 30000/1001 alternate between 33366666
 * and 33366667 ns and frame 10^6 is exactly where it belongs:
 *
 * <pre>
 *   segment.start                                            segment.stop
 *        │                                                        │
 *   ──┬──┼──────┬─────────┬─────────┬─────────┬─────────┬─────────┼┬────
 *     │ n│      │  n + 1  │  n + 2  │   ...   │         │  n + k  ││ n + k + 1: past the stop, EOS
 *   ──┴──┼──────┴─────────┴─────────┴─────────┴─────────┴─────────┼┴────
 *        └ frame n is clipped: pts = start         frame n + k is clipped at the stop ┘
 * </pre>
 *
 * Mirrors the timestamp part of {@code gst_image_freeze_src_loop} and
 * {@code gst_image_freeze_convert}, gst-plugins-good/gst/imagefreeze/gstimagefreeze.c.
 */
final class FreezeTimeline {
    /** One frame to push: its number and times, whether any of it is inside the segment, and whether it is the last. */
    record Frame(long offset, long pts, long duration, boolean inSegment, boolean last) {
    }

    private final Segment segment = new Segment(Format.TIME);
    private int fpsN;
    private int fpsD;
    private long offset;

    /** Back to a fresh TIME segment, no frame rate, frame 0. */
    void reset() {
        segment.init(Format.TIME);
        fpsN = 0;
        fpsD = 0;
        offset = 0;
    }

    void setFramerate(Fraction rate) {
        fpsN = rate.numerator();
        fpsD = rate.denominator();
    }

    /** The negotiated rate, or null before negotiation. */
    Fraction framerate() {
        return fpsD == 0 ? null : Fraction.of(fpsN, fpsD);
    }

    /** A copy of the segment, for a SEGMENT event or to try a seek on. */
    Segment segment() {
        return segment.copy();
    }

    /** Takes the segment a seek computed; {@link #rewind()} goes to its first frame. */
    void setSegment(Segment seeked) {
        segment.copyFrom(seeked);
    }

    /** Goes to the segment's first frame (its last, playing backwards); done when a SEGMENT goes out. */
    void rewind() {
        offset = timeToFrames(segment.getRate() >= 0 ? segment.getStart() : segment.getStop());
    }

    /** The number of the next frame: the POSITION in frames. */
    long offset() {
        return offset;
    }

    /** The running time at which the next frame is due, for a live stream whose segment starts at 0. */
    long dueTime() {
        return fpsN == 0 ? 0 : framesToTime(offset);
    }

    /** A live stream woke up {@code lateness} ns after the next frame was due: skip to the frame due now. */
    void catchUp(long lateness) {
        if (fpsN != 0 && lateness > 0) {
            offset = timeToFrames(framesToTime(offset) + lateness);
        }
    }

    /**
     * The next frame, and moves on to the one after it. At framerate 0/1 there is one frame,
     * at {@code zeroRatePts} if valid (live: the running time it was made at), else at the
     * segment's start.
     */
    Frame next(long zeroRatePts) {
        long off = offset;
        long start;
        long end;
        if (fpsN != 0) {
            start = framesToTime(off);
            end = framesToTime(off + 1);
        } else {
            start = zeroRatePts != ClockTime.NONE ? zeroRatePts : segment.getStart();
            end = ClockTime.NONE;
        }
        boolean forward = segment.getRate() >= 0;
        boolean pastOnlyFrame = fpsN == 0 && off > 0;
        boolean last = pastOnlyFrame
                || (forward && segment.getStop() != ClockTime.NONE && start > segment.getStop())
                || (!forward && off == 0)
                || (!forward && end != ClockTime.NONE && end < segment.getStart());
        Segment.ClipResult clip = pastOnlyFrame ? null : segment.clip(start, end);
        offset = forward ? off + 1 : off - 1;
        if (clip == null) {
            return new Frame(off, ClockTime.NONE, ClockTime.NONE, false, last);
        }
        long cstart = clip.clippedStart();
        long cstop = clip.clippedStop();
        segment.setPosition(forward && cstop != ClockTime.NONE ? cstop : cstart);
        return new Frame(off, cstart, cstop == ClockTime.NONE ? ClockTime.NONE : cstop - cstart, true, last);
    }

    /** The POSITION query's answer: the next frame's number, or the end of the last frame pushed. */
    long position(Format format) {
        return switch (format) {
            case DEFAULT -> offset;
            case TIME -> segment.getPosition();
            default -> ClockTime.NONE;
        };
    }

    /** The DURATION query's answer: the segment's stop (NONE: endless), in time or frames. */
    long duration(Format format) {
        long stop = segment.getStop();
        return switch (format) {
            case TIME -> stop;
            case DEFAULT -> stop == ClockTime.NONE ? ClockTime.NONE : timeToFrames(stop);
            default -> ClockTime.NONE;
        };
    }

    /** One frame's duration rounded up, the most a live downstream may delay a frame; NONE without a rate. */
    long frameDurationCeil() {
        return fpsN > 0 ? (ClockTime.SECOND * fpsD + fpsN - 1) / fpsN : ClockTime.NONE;
    }

    /** Frame number to time, {@code n * fpsD * 1 s / fpsN} rounded down; NONE without a rate or for NONE. */
    long framesToTime(long frames) {
        if (frames == ClockTime.NONE || fpsN == 0) {
            return ClockTime.NONE;
        }
        return ClockTime.scale(frames, ClockTime.SECOND * fpsD, fpsN);
    }

    /** Time to frame number, rounded down (0 before negotiation and at 0/1). */
    private long timeToFrames(long time) {
        return fpsD == 0 ? 0 : ClockTime.scale(time, fpsN, ClockTime.SECOND * fpsD);
    }
}
