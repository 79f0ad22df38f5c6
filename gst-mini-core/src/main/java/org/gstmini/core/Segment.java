package org.gstmini.core;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The part of a stream that is to be played, and how it maps onto the pipeline's clock;
 * mirrors GstSegment (gst/gstsegment.c).
 *
 * <h2>Three kinds of time</h2>
 * A buffer carries a timestamp in the stream's own units: its <em>position</em> (for a file,
 * 0 at the beginning). A segment says which positions are to be played ({@code start} to
 * {@code stop}), how fast ({@code rate}, negative to play backwards), and how that maps to
 * <ul>
 *   <li><b>running time</b> ({@link #toRunningTime(Format, long)}): the time since the
 *       pipeline started playing this stretch. It starts at {@code base} and grows while
 *       the segment plays, at any rate and in either direction. Sinks synchronise on it:
 *       {@code clockTime = baseTime + runningTime}.</li>
 *   <li><b>stream time</b> ({@link #toStreamTime(Format, long)}): the position to show a user
 *       (a seek bar), always between 0 and the duration. {@code time} is the stream time of
 *       {@code start}.</li>
 * </ul>
 * A seek builds a new segment ({@link #doSeek}); a SEGMENT event carries a copy downstream;
 * each element then clips buffers to it ({@link #clip}) and converts their timestamps.
 *
 * <h2>Worked example</h2>
 * A file is seeked to 10 s, flushing. The source sends {@code start=10s, stop=NONE,
 * time=10s, base=0}. The buffer stamped 10 s has running time 0 and stream time 10 s; the
 * one stamped 12 s has running time 2 s. At {@code rate=2.0} the 12 s buffer would have
 * running time 1 s. After the segment ends, the next segment's {@code base} is the running
 * time reached so far, so running time keeps growing across segments.
 *
 * <h2>The formulas</h2>
 * For {@code rate > 0}: {@code runningTime = (position - start - offset) / |rate| + base}.
 * For {@code rate < 0}: {@code runningTime = (stop - offset - position) / |rate| + base}
 * (stop may be taken from {@code start + duration}).
 * Stream time: {@code time + (position - start) * |appliedRate|} (from {@code stop}
 * downwards when {@code appliedRate < 0}). Division by the rate truncates and the inverse
 * conversion rounds up, exactly as GStreamer does, so round trips are exact only one way
 * (see {@link #positionFromRunningTime(Format, long)}).
 *
 * <h2>Conventions</h2>
 * All values are {@code long}s in the segment's {@link Format} (nanoseconds for
 * {@link Format#TIME}); {@link ClockTime#NONE} (-1) means "unknown", e.g. {@code stop} of an
 * open-ended segment. GStreamer stores them as unsigned 64-bit numbers, so NONE compares as
 * the largest value; this class compares the same way. Every method that takes a
 * {@link Format} checks it against the segment's and throws {@link IllegalArgumentException}
 * on a mismatch (where GStreamer emits a g_return_val_if_fail critical). A segment is a
 * mutable value, like the C struct: {@link #copy()} before handing it to another thread.
 *
 * <h2>Read-only segments</h2>
 * {@link #asReadOnly()} gives a copy whose setters throw. An element that keeps the current
 * segment of a stream (BaseTransform) publishes such a copy once per SEGMENT event and hands
 * the very same object to every buffer's processing, where GStreamer's elements read
 * {@code trans->segment} in place: no copy per buffer, and nobody can change it behind the
 * element's back. {@link #copy()} of a read-only segment is writable again.
 */
public final class Segment {

    /**
     * Flags of a segment; mirrors GstSegmentFlags (gst/gstsegment.h). {@link #bit()} is
     * GStreamer's value, as printed by {@link Segment#toString()}.
     */
    public enum Flag {
        /** The segment follows a flushing seek: running time restarts (GST_SEGMENT_FLAG_RESET). */
        RESET(0x01),
        /** Segment seek: SEGMENT_DONE instead of EOS at the end (GST_SEGMENT_FLAG_SEGMENT). */
        SEGMENT(0x08),
        /** Trick mode playback (GST_SEGMENT_FLAG_TRICKMODE). */
        TRICKMODE(0x10),
        /** Trick mode, key units only (GST_SEGMENT_FLAG_TRICKMODE_KEY_UNITS). */
        TRICKMODE_KEY_UNITS(0x80),
        /** Trick mode, no audio (GST_SEGMENT_FLAG_TRICKMODE_NO_AUDIO). */
        TRICKMODE_NO_AUDIO(0x100),
        /** Trick mode, forward-predicted frames only (GST_SEGMENT_FLAG_TRICKMODE_FORWARD_PREDICTED). */
        TRICKMODE_FORWARD_PREDICTED(0x200);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }

        /** GStreamer's numeric value of this flag. */
        public int bit() {
            return bit;
        }
    }

    /**
     * The part of {@code [start, stop]} that lies in the segment, as computed by
     * {@link #clip(Format, long, long)} (the {@code clip_start}/{@code clip_stop} outputs of
     * gst_segment_clip()). Either value may be {@link ClockTime#NONE}.
     */
    public record ClipResult(long clippedStart, long clippedStop) {
    }

    /** No flags; shared, since {@link #flags} is never changed in place. */
    private static final EnumSet<Flag> NO_FLAGS = EnumSet.noneOf(Flag.class);

    /**
     * Never modified in place, only replaced (see {@link #setFlags}), so copies may share the
     * set: copying a segment allocates one object, not three.
     */
    private EnumSet<Flag> flags;
    private final boolean readOnly;
    private double rate;
    private double appliedRate;
    private Format format;
    private long base;
    private long offset;
    private long start;
    private long stop;
    private long time;
    private long position;
    private long duration;

    /** A segment in {@code format}, initialised as by {@link #init(Format)}. */
    public Segment(Format format) {
        this.readOnly = false;
        init(format);
    }

    /** A copy of {@code src}, read-only or not. */
    private Segment(Segment src, boolean readOnly) {
        this.readOnly = readOnly;
        copyFields(src);
    }

    /** A segment in {@link Format#UNDEFINED} (gst_segment_new()). */
    public Segment() {
        this(Format.UNDEFINED);
    }

    /**
     * Resets every field (gst_segment_init()): no flags, rate and applied rate 1.0,
     * base, offset, start, time and position 0, stop and duration NONE.
     */
    public void init(Format format) {
        checkWritable();
        this.format = Objects.requireNonNull(format, "format");
        this.flags = NO_FLAGS;
        this.rate = 1.0;
        this.appliedRate = 1.0;
        this.base = 0;
        this.offset = 0;
        this.start = 0;
        this.stop = ClockTime.NONE;
        this.time = 0;
        this.position = 0;
        this.duration = ClockTime.NONE;
    }

    /** An independent, writable copy of this segment (gst_segment_copy()). */
    public Segment copy() {
        return new Segment(this, false);
    }

    /**
     * A read-only copy of this segment (this segment itself if it is read-only already): its
     * setters, {@link #init}, {@link #copyFrom}, {@link #doSeek} and the running-time adjusters
     * throw {@link UnsupportedOperationException}. Safe to share between threads once published
     * (through a volatile field, a lock or an event).
     */
    public Segment asReadOnly() {
        return readOnly ? this : new Segment(this, true);
    }

    /** Whether this segment refuses changes (see {@link #asReadOnly()}). */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Overwrites every field of this segment with {@code src}'s (gst_segment_copy_into()). */
    public void copyFrom(Segment src) {
        checkWritable();
        copyFields(src);
    }

    private void copyFields(Segment src) {
        this.flags = src.flags;
        this.rate = src.rate;
        this.appliedRate = src.appliedRate;
        this.format = src.format;
        this.base = src.base;
        this.offset = src.offset;
        this.start = src.start;
        this.stop = src.stop;
        this.time = src.time;
        this.position = src.position;
        this.duration = src.duration;
    }

    // ------------------------------------------------------------------------------------
    // gst_segment_do_seek()
    // ------------------------------------------------------------------------------------

    /**
     * Updates this segment with the values of a seek event; mirrors gst_segment_do_seek(),
     * gst/gstsegment.c.
     *
     * <p>The new start is {@code start} interpreted by {@code startType} (SET: as is, NONE
     * taken as 0; END: relative to the duration; NONE: unchanged) and brought into
     * {@code [0, duration]}; likewise the stop. Without {@link SeekFlag#FLUSH} the running
     * time reached so far becomes the new {@code base}, so running time continues; with FLUSH
     * it restarts at 0. The new {@code position} is the new start for a positive rate, the
     * new stop (or the duration, or 0) for a negative one, if that edge was updated.
     * {@code time} becomes the start, {@code appliedRate} 1.0, and the seek flags turn into
     * segment flags (FLUSH into {@link Flag#RESET}).
     *
     * @return true if the position changed, so the element must really seek (the
     *         {@code update} output of gst_segment_do_seek()); false if, say, only the
     *         rate changed
     * @throws IllegalArgumentException where GStreamer returns FALSE: {@code rate} is 0 or
     *         not finite, {@code format} differs from the segment's, {@code flags} contains
     *         {@link SeekFlag#INSTANT_RATE_CHANGE} (an element must handle that itself), or
     *         the new start lies after the new stop. The segment is then left unchanged.
     */
    public boolean doSeek(double rate, Format format, Set<SeekFlag> flags, SeekType startType,
            long start, SeekType stopType, long stop) {
        checkWritable();
        checkRate(rate, "rate");
        checkFormat(format);
        if (flags.contains(SeekFlag.INSTANT_RATE_CHANGE)) {
            throw new IllegalArgumentException(
                    "instant-rate-change seeks must not be passed to Segment.doSeek()");
        }
        boolean updateStart = true;
        boolean updateStop = true;
        long newPosition = this.position;

        // this.start is never NONE
        switch (startType) {
            case NONE -> {
                start = this.start;
                updateStart = false;
            }
            case SET -> {
                if (start == ClockTime.NONE) {
                    start = 0; // the desired position; NONE means the beginning
                }
            }
            case END -> {
                if (duration != ClockTime.NONE) {
                    start = duration + start; // start is usually negative here
                } else {
                    start = this.start; // end unknown: no update
                    updateStart = false;
                }
            }
        }
        // bring into a sane range
        if (duration != ClockTime.NONE) {
            start = umin(start, duration);
        } else {
            start = Math.max(start, 0);
        }

        // stop may stay NONE if none is configured
        switch (stopType) {
            case NONE -> {
                stop = this.stop;
                updateStop = false;
            }
            case SET -> {
                // stop holds the required value
            }
            case END -> {
                if (duration != ClockTime.NONE) {
                    stop = duration + stop;
                } else {
                    stop = this.stop;
                    updateStop = false;
                }
            }
        }
        if (stop != ClockTime.NONE) {
            stop = duration != ClockTime.NONE ? Math.max(0, Math.min(stop, duration))
                    : Math.max(stop, 0);
        }
        if (stop != ClockTime.NONE && ugt(start, stop)) {
            throw new IllegalArgumentException("segment update failed: start ("
                    + start + ") > stop (" + stop + ")");
        }

        long newBase;
        if (flags.contains(SeekFlag.FLUSH)) {
            newBase = 0; // a flush restarts running time
        } else {
            // keep the running time reached so far: clamp position into the old segment ...
            newPosition = uclamp(newPosition, this.start, this.stop);
            // ... and make its running time the base of the new one
            newBase = toRunningTime(format, newPosition);
        }

        if (updateStart && rate > 0.0) {
            newPosition = start;
        }
        if (updateStop && rate < 0.0) {
            if (stop != ClockTime.NONE) {
                newPosition = stop;
            } else if (duration != ClockTime.NONE) {
                newPosition = duration;
            } else {
                newPosition = 0;
            }
        }
        boolean update = newPosition != this.position;

        EnumSet<Flag> newFlags = EnumSet.noneOf(Flag.class);
        if (flags.contains(SeekFlag.FLUSH)) {
            newFlags.add(Flag.RESET);
        }
        if (flags.contains(SeekFlag.TRICKMODE)) {
            newFlags.add(Flag.TRICKMODE);
        }
        if (flags.contains(SeekFlag.SEGMENT)) {
            newFlags.add(Flag.SEGMENT);
        }
        if (flags.contains(SeekFlag.TRICKMODE_KEY_UNITS)) {
            newFlags.add(Flag.TRICKMODE_KEY_UNITS);
        }
        if (flags.contains(SeekFlag.TRICKMODE_NO_AUDIO)) {
            newFlags.add(Flag.TRICKMODE_NO_AUDIO);
        }
        if (flags.contains(SeekFlag.TRICKMODE_FORWARD_PREDICTED)) {
            newFlags.add(Flag.TRICKMODE_FORWARD_PREDICTED);
        }
        this.flags = newFlags;
        this.rate = rate;
        this.appliedRate = 1.0;
        this.base = newBase;
        // offset: how far into the new segment playback begins
        if (rate > 0.0) {
            this.offset = newPosition - start;
        } else if (stop != ClockTime.NONE) {
            this.offset = stop - newPosition;
        } else if (duration != ClockTime.NONE) {
            this.offset = duration - newPosition;
        } else {
            this.offset = 0;
        }
        this.start = start;
        this.stop = stop;
        this.time = start;
        this.position = newPosition;
        return update;
    }

    // ------------------------------------------------------------------------------------
    // running time
    // ------------------------------------------------------------------------------------

    /**
     * The running time of {@code position}: what a sink adds to the base time to know when
     * to render it. Mirrors gst_segment_to_running_time(), gst/gstsegment.c.
     *
     * @return the running time, or {@link ClockTime#NONE} if {@code position} is NONE, lies
     *         outside {@code [start, stop]}, or maps to a negative running time
     * @throws IllegalArgumentException if {@code format} is not the segment's format
     */
    public long toRunningTime(Format format, long position) {
        checkFormat(format);
        if (ult(position, start) || (stop != ClockTime.NONE && ugt(position, stop))) {
            return ClockTime.NONE; // outside the segment
        }
        long rt = toRunningTimeFull(format, position);
        return rt >= 0 ? rt : ClockTime.NONE;
    }

    /** {@link #toRunningTime(Format, long)} for a {@link Format#TIME} segment. */
    public long toRunningTime(long position) {
        return toRunningTime(Format.TIME, position);
    }

    /**
     * The running time of any {@code position}, extrapolated outside the segment, as a
     * <em>signed</em> value: negative when the position lies before the point where running
     * time is 0. Mirrors gst_segment_to_running_time_full(), gst/gstsegment.c (which returns
     * the sign separately).
     *
     * @return the signed running time, or {@link ClockTime#STIME_NONE} if {@code position}
     *         is NONE or, with a negative rate, neither stop nor duration is known (or the
     *         offset lies beyond the stop)
     */
    public long toRunningTimeFull(Format format, long position) {
        if (position == ClockTime.NONE) {
            return ClockTime.STIME_NONE;
        }
        checkFormat(format);
        long result;
        boolean negative;
        if (rate > 0.0) {
            // distance from the point of the segment where playback begins
            long begin = start + offset;
            negative = ult(position, begin);
            result = negative ? begin - position : position - begin;
        } else {
            // playing backwards: distance down from the stop
            long end = stop;
            if (end == ClockTime.NONE && duration != ClockTime.NONE) {
                end = start + duration;
            }
            if (end == ClockTime.NONE || ult(end, offset)) {
                return ClockTime.STIME_NONE;
            }
            end -= offset;
            negative = ugt(position, end);
            result = negative ? position - end : end - position;
        }
        double absRate = Math.abs(rate);
        if (absRate != 1.0) {
            result = (long) (result / absRate); // truncates, as the C conversion does
        }
        if (!negative) {
            return result + base;
        }
        // before the segment: the base may still make it positive
        return uge(base, result) ? base - result : -(result - base);
    }

    /**
     * The position whose running time is {@code runningTime}: the inverse of
     * {@link #toRunningTime(Format, long)}. Mirrors gst_segment_position_from_running_time(),
     * gst/gstsegment.c.
     *
     * <p>Rounding follows GStreamer: the forward conversion truncates
     * ({@code (p - start) / rate}), this one rounds up ({@code ceil(rt * rate) + start}). So
     * {@code positionFromRunningTime(toRunningTime(p)) == p} when {@code |rate| <= 1}, and
     * {@code toRunningTime(positionFromRunningTime(rt)) == rt} when {@code |rate| >= 1}.
     *
     * @return the position, or {@link ClockTime#NONE} if {@code runningTime} is NONE or the
     *         position would lie outside {@code [start, stop]}
     */
    public long positionFromRunningTime(Format format, long runningTime) {
        checkFormat(format);
        long pos = positionFromRunningTimeFull(format, runningTime);
        if (pos == ClockTime.STIME_NONE || pos < 0) {
            return ClockTime.NONE;
        }
        if (ult(pos, start) || (stop != ClockTime.NONE && ugt(pos, stop))) {
            return ClockTime.NONE;
        }
        return pos;
    }

    /**
     * Same as {@link #positionFromRunningTime(Format, long)}, under its older GStreamer name
     * (gst_segment_to_position()).
     */
    public long toPosition(Format format, long runningTime) {
        return positionFromRunningTime(format, runningTime);
    }

    /** {@link #positionFromRunningTime(Format, long)} for a {@link Format#TIME} segment. */
    public long toPosition(long runningTime) {
        return positionFromRunningTime(Format.TIME, runningTime);
    }

    /**
     * The position of any {@code runningTime}, extrapolated outside the segment, as a signed
     * value. Mirrors gst_segment_position_from_running_time_full(), gst/gstsegment.c.
     *
     * <p>One deliberate difference: with a negative rate and no stop, GStreamer computes
     * from stop = G_MAXUINT64 and returns a meaningless huge number; this returns
     * {@link ClockTime#STIME_NONE}.
     *
     * @return the signed position, or {@link ClockTime#STIME_NONE} if {@code runningTime}
     *         is NONE
     */
    public long positionFromRunningTimeFull(Format format, long runningTime) {
        if (runningTime == ClockTime.NONE) {
            return ClockTime.STIME_NONE;
        }
        checkFormat(format);
        double absRate = Math.abs(rate);
        boolean afterBase = uge(runningTime, base);
        // the distance from the base, in position units
        long d = afterBase ? runningTime - base : base - runningTime;
        if (absRate != 1.0) {
            d = (long) Math.ceil(d * absRate); // rounds up, as GStreamer does
        }
        if (rate > 0.0) {
            long begin = start + offset;
            if (afterBase) {
                return d + begin;
            }
            // before the base: before the segment's beginning, maybe below 0
            return uge(begin, d) ? begin - d : -(d - begin);
        }
        if (stop == ClockTime.NONE) {
            return ClockTime.STIME_NONE; // see the note above
        }
        if (afterBase) {
            // counting down from stop - offset
            return ult(stop, d + offset) ? -(d + offset - stop) : stop - d - offset;
        }
        // before the base in a reversed segment: above stop - offset
        return uge(stop + d, offset) ? stop + d - offset : -(offset - d - stop);
    }

    /**
     * Adjusts start/stop and base so that the next valid buffer is the one at
     * {@code runningTime}; mirrors gst_segment_set_running_time(), gst/gstsegment.c.
     *
     * @return false if {@code runningTime} is NONE or not in the segment (nothing changed)
     */
    public boolean setRunningTime(Format format, long runningTime) {
        checkWritable();
        long pos = positionFromRunningTime(format, runningTime);
        if (pos == ClockTime.NONE) {
            return false;
        }
        long newStart = start;
        long newStop = stop;
        if (rate > 0.0) {
            newStart = pos;
        } else {
            newStop = pos; // reverse: the stop moves
        }
        // the stream time of the new start, computed with the segment as it still is
        this.time = toStreamTime(format, newStart);
        this.start = newStart;
        this.stop = newStop;
        this.base = runningTime;
        return true;
    }

    /**
     * Shifts all future running times by {@code offset} (which may be negative); mirrors
     * gst_segment_offset_running_time(), gst/gstsegment.c. A positive offset is added to
     * the base. A negative one is taken from the base first; what is left moves the
     * segment's {@code offset}, so playback starts later in the segment.
     *
     * @return false if the remainder of a negative offset lies outside the segment (the base
     *         has then already been set to 0, as in GStreamer)
     */
    public boolean offsetRunningTime(Format format, long offset) {
        checkWritable();
        checkFormat(format);
        if (offset == 0) {
            return true;
        }
        if (offset > 0) {
            base += offset;
            return true;
        }
        long remaining = -offset;
        if (ugt(base, remaining)) {
            base -= remaining;
            return true;
        }
        remaining -= base;
        base = 0;
        long pos = positionFromRunningTime(format, remaining);
        if (pos == ClockTime.NONE) {
            return false;
        }
        this.offset = pos - start;
        return true;
    }

    // ------------------------------------------------------------------------------------
    // stream time
    // ------------------------------------------------------------------------------------

    /**
     * The stream time of {@code position}: where it is in the whole media, as a seek bar
     * shows it. Mirrors gst_segment_to_stream_time(), gst/gstsegment.c.
     *
     * @return the stream time, or {@link ClockTime#NONE} if {@code position} is NONE, outside
     *         {@code [start, stop]}, or maps to a negative stream time
     */
    public long toStreamTime(Format format, long position) {
        checkFormat(format);
        if (ult(position, start) || (stop != ClockTime.NONE && ugt(position, stop))) {
            return ClockTime.NONE;
        }
        long st = toStreamTimeFull(format, position);
        return st >= 0 ? st : ClockTime.NONE;
    }

    /** {@link #toStreamTime(Format, long)} for a {@link Format#TIME} segment. */
    public long toStreamTime(long position) {
        return toStreamTime(Format.TIME, position);
    }

    /**
     * The signed stream time of any {@code position}, extrapolated outside the segment.
     * Mirrors gst_segment_to_stream_time_full(), gst/gstsegment.c.
     *
     * @return the signed stream time, or {@link ClockTime#STIME_NONE} if {@code position}
     *         or {@code time} is NONE, or the applied rate is negative and stop is unknown
     */
    public long toStreamTimeFull(Format format, long position) {
        if (position == ClockTime.NONE) {
            return ClockTime.STIME_NONE;
        }
        checkFormat(format);
        if (time == ClockTime.NONE) {
            return ClockTime.STIME_NONE;
        }
        double absApplied = Math.abs(appliedRate);
        if (appliedRate > 0.0) {
            if (ugt(position, start)) {
                return scale(position - start, absApplied) + time;
            }
            long back = scale(start - position, absApplied);
            return ugt(back, time) ? -(back - time) : time - back;
        }
        // negative applied rate: stream time runs from stop downwards
        if (stop == ClockTime.NONE) {
            return ClockTime.STIME_NONE;
        }
        if (ugt(position, stop)) {
            long back = scale(position - stop, absApplied);
            return ugt(back, time) ? -(back - time) : time - back;
        }
        return scale(stop - position, absApplied) + time;
    }

    /**
     * The position whose stream time is {@code streamTime}: the inverse of
     * {@link #toStreamTime(Format, long)}. Mirrors gst_segment_position_from_stream_time(),
     * gst/gstsegment.c.
     *
     * @return the position, or {@link ClockTime#NONE} if {@code streamTime} is NONE or the
     *         position would lie outside {@code [start, stop]}
     */
    public long positionFromStreamTime(Format format, long streamTime) {
        checkFormat(format);
        long pos = positionFromStreamTimeFull(format, streamTime);
        if (pos == ClockTime.STIME_NONE || pos < 0) {
            return ClockTime.NONE;
        }
        if (ult(pos, start) || (stop != ClockTime.NONE && ugt(pos, stop))) {
            return ClockTime.NONE;
        }
        return pos;
    }

    /**
     * The signed position of any {@code streamTime}, extrapolated outside the segment.
     * Mirrors gst_segment_position_from_stream_time_full(), gst/gstsegment.c.
     *
     * @return the signed position, or {@link ClockTime#STIME_NONE} if {@code streamTime} or
     *         {@code time} is NONE, or the applied rate is negative and stop is unknown
     */
    public long positionFromStreamTimeFull(Format format, long streamTime) {
        if (streamTime == ClockTime.NONE) {
            return ClockTime.STIME_NONE;
        }
        checkFormat(format);
        if (time == ClockTime.NONE) {
            return ClockTime.STIME_NONE;
        }
        double absApplied = Math.abs(appliedRate);
        if (appliedRate > 0.0) {
            boolean after = ugt(streamTime, time);
            long d = after ? streamTime - time : time - streamTime;
            d = unscale(d, absApplied);
            if (after) {
                return d + start;
            }
            return ugt(d, start) ? -(d - start) : start - d;
        }
        if (stop == ClockTime.NONE) {
            return ClockTime.STIME_NONE;
        }
        boolean before = ugt(time, streamTime);
        long d = before ? time - streamTime : streamTime - time;
        d = unscale(d, absApplied);
        if (before) {
            return d + stop; // stream time runs backwards from stop
        }
        return ult(stop, d) ? -(d - stop) : stop - d;
    }

    // ------------------------------------------------------------------------------------
    // clipping
    // ------------------------------------------------------------------------------------

    /**
     * Clips {@code [start, stop]} (say, a buffer's timestamp and end) to this segment;
     * mirrors gst_segment_clip(), gst/gstsegment.c.
     *
     * <p>Either bound may be NONE. A region that only touches the segment's edge is outside,
     * except the empty region exactly at the start of the segment (and any start inside an
     * empty segment). When {@code stop} is NONE the clipped stop is the segment's stop.
     *
     * @return the clipped region, or null if the region lies completely outside
     */
    public ClipResult clip(Format format, long start, long stop) {
        checkFormat(format);
        // starts at or after the segment's stop (an empty segment contains its own start)
        if (this.stop != ClockTime.NONE && start != ClockTime.NONE
                && (ugt(start, this.stop) || (this.start != this.stop && start == this.stop))) {
            return null;
        }
        // ends at or before the segment's start (unless start == stop == segment start)
        if (stop != ClockTime.NONE
                && (ult(stop, this.start) || (start != stop && stop == this.start))) {
            return null;
        }
        long clippedStart = start == ClockTime.NONE ? ClockTime.NONE : umax(start, this.start);
        long clippedStop;
        if (stop == ClockTime.NONE) {
            clippedStop = this.stop;
        } else if (this.stop == ClockTime.NONE) {
            clippedStop = stop;
        } else {
            clippedStop = umin(stop, this.stop);
        }
        return new ClipResult(clippedStart, clippedStop);
    }

    /** {@link #clip(Format, long, long)} for a {@link Format#TIME} segment. */
    public ClipResult clip(long start, long stop) {
        return clip(Format.TIME, start, stop);
    }

    // ------------------------------------------------------------------------------------
    // fields
    // ------------------------------------------------------------------------------------

    /** The segment's flags (a copy). */
    public EnumSet<Flag> getFlags() {
        return EnumSet.copyOf(flags);
    }

    /** Replaces the segment's flags. */
    public void setFlags(Set<Flag> flags) {
        checkWritable();
        this.flags = flags.isEmpty() ? NO_FLAGS : EnumSet.copyOf(flags);
    }

    /** Whether {@code flag} is set. */
    public boolean hasFlag(Flag flag) {
        return flags.contains(flag);
    }

    /** The playback rate: 1.0 normal, 2.0 twice as fast, negative backwards; never 0. */
    public double getRate() {
        return rate;
    }

    /** @throws IllegalArgumentException if {@code rate} is 0, NaN or infinite */
    public void setRate(double rate) {
        checkWritable();
        checkRate(rate, "rate");
        this.rate = rate;
    }

    /**
     * The rate already applied to the data upstream (e.g. by a demuxer doing the trick mode
     * itself); scales stream time. Never 0.
     */
    public double getAppliedRate() {
        return appliedRate;
    }

    /** @throws IllegalArgumentException if {@code appliedRate} is 0, NaN or infinite */
    public void setAppliedRate(double appliedRate) {
        checkWritable();
        checkRate(appliedRate, "applied rate");
        this.appliedRate = appliedRate;
    }

    /** The unit of every value of this segment. */
    public Format getFormat() {
        return format;
    }

    /** Changes the unit; the values are not converted. */
    public void setFormat(Format format) {
        checkWritable();
        this.format = Objects.requireNonNull(format, "format");
    }

    /** The running time at the start of the segment (running time accumulated before it). */
    public long getBase() {
        return base;
    }

    /** Sets the running time at the start of the segment. */
    public void setBase(long base) {
        checkWritable();
        this.base = base;
    }

    /**
     * How far into the segment playback begins: the position {@code start + offset} (or
     * {@code stop - offset} backwards) has running time {@code base}.
     */
    public long getOffset() {
        return offset;
    }

    /** Sets the offset. */
    public void setOffset(long offset) {
        checkWritable();
        this.offset = offset;
    }

    /** The first position of the segment; never NONE. */
    public long getStart() {
        return start;
    }

    /** Sets the first position of the segment. */
    public void setStart(long start) {
        checkWritable();
        this.start = start;
    }

    /** The last position of the segment, or NONE if open-ended. */
    public long getStop() {
        return stop;
    }

    /** Sets the last position of the segment (NONE: open-ended). */
    public void setStop(long stop) {
        checkWritable();
        this.stop = stop;
    }

    /** The stream time of {@code start}. */
    public long getTime() {
        return time;
    }

    /** Sets the stream time of {@code start}. */
    public void setTime(long time) {
        checkWritable();
        this.time = time;
    }

    /** The current position (the last one processed, or where a seek went). */
    public long getPosition() {
        return position;
    }

    /** Sets the current position. */
    public void setPosition(long position) {
        checkWritable();
        this.position = position;
    }

    /** The duration of the stream, or NONE if unknown. */
    public long getDuration() {
        return duration;
    }

    /** Sets the duration of the stream (NONE: unknown). */
    public void setDuration(long duration) {
        checkWritable();
        this.duration = duration;
    }

    // ------------------------------------------------------------------------------------
    // Object
    // ------------------------------------------------------------------------------------

    /** Exact equality of every field, rates included (gst_segment_is_equal()). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Segment s)) {
            return false;
        }
        return flags.equals(s.flags) && rate == s.rate && appliedRate == s.appliedRate
                && format == s.format && base == s.base && offset == s.offset
                && start == s.start && stop == s.stop && time == s.time
                && position == s.position && duration == s.duration;
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, rate, appliedRate, format, base, offset, start, stop, time,
                position, duration);
    }

    /**
     * Prints the segment as GStreamer's debug log does (GST_SEGMENT_FORMAT), e.g.
     * {@code time segment start=0:00:00.000000000, offset=0:00:00.000000000,
     * stop=99:99:99.999999999, rate=1.000000, applied_rate=1.000000, flags=0x00,
     * time=0:00:00.000000000, base=0:00:00.000000000, position 0:00:00.000000000,
     * duration 99:99:99.999999999}.
     */
    @Override
    public String toString() {
        if (format == Format.UNDEFINED) {
            return "UNDEFINED segment";
        }
        int flagBits = 0;
        for (Flag f : flags) {
            flagBits |= f.bit();
        }
        if (format == Format.TIME) {
            return String.format(Locale.ROOT, "time segment start=%s, offset=%s, stop=%s, "
                    + "rate=%f, applied_rate=%f, flags=0x%02x, time=%s, base=%s, "
                    + "position %s, duration %s",
                    ClockTime.format(start), ClockTime.format(offset), ClockTime.format(stop),
                    rate, appliedRate, flagBits, ClockTime.format(time), ClockTime.format(base),
                    ClockTime.format(position), ClockTime.format(duration));
        }
        return String.format(Locale.ROOT, "%s segment start=%d, offset=%d, stop=%d, "
                + "rate=%f, applied_rate=%f, flags=0x%02x, time=%d, base=%d, "
                + "position %d, duration %d",
                format.nick(), start, offset, stop, rate, appliedRate, flagBits, time, base,
                position, duration);
    }

    // ------------------------------------------------------------------------------------
    // helpers: GStreamer's values are guint64, so NONE (-1) compares as the largest value
    // ------------------------------------------------------------------------------------

    private void checkWritable() {
        if (readOnly) {
            throw new UnsupportedOperationException("this segment is read-only (" + this
                    + "): copy() it to change it");
        }
    }

    private void checkFormat(Format format) {
        if (format != this.format) {
            throw new IllegalArgumentException("format mismatch: segment is in "
                    + this.format + " but " + format + " was given");
        }
    }

    private static void checkRate(double rate, String what) {
        if (rate == 0.0 || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("segment " + what
                    + " must be finite and non-zero, got " + rate);
        }
    }

    /** {@code value * factor}, truncated (C's guint64 *= gdouble). */
    private static long scale(long value, double factor) {
        return factor == 1.0 ? value : (long) (value * factor);
    }

    /** {@code value / factor}, truncated (C's guint64 /= gdouble). */
    private static long unscale(long value, double factor) {
        return factor == 1.0 ? value : (long) (value / factor);
    }

    private static boolean ult(long a, long b) {
        return Long.compareUnsigned(a, b) < 0;
    }

    private static boolean ugt(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }

    private static boolean uge(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0;
    }

    private static long umin(long a, long b) {
        return ult(a, b) ? a : b;
    }

    private static long umax(long a, long b) {
        return ugt(a, b) ? a : b;
    }

    /** GLib's CLAMP(x, low, high) on unsigned values: high wins if low > high. */
    private static long uclamp(long x, long low, long high) {
        return ugt(x, high) ? high : (ult(x, low) ? low : x);
    }
}
