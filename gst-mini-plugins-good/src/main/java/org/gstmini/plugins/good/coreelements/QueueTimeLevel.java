package org.gstmini.plugins.good.coreelements;

import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Event;
import org.gstmini.core.Format;
import org.gstmini.core.Segment;

/**
 * How much time a {@link Queue} holds: not the sum of the buffers' durations, but the distance
 * in <em>running time</em> between the last data that entered (on the sink side) and the last
 * data that left (on the source side). Each side keeps its own copy of the SEGMENT in force
 * there, since a new segment enters the queue long before it leaves it:
 *
 * <pre>
 *   sink side: SEGMENT seen at the input, position = end of the last buffer in   → sinkTime
 *   src side:  SEGMENT pushed by the task, position = end of the last buffer out → srcTime
 *   level = sinkTime - srcTime   (or sinkTime - running time of the first buffer, before any left)
 * </pre>
 *
 * <p>Mirrors {@code apply_segment}, {@code apply_buffer}, {@code apply_gap} and
 * {@code update_time_level} of gstqueue.c. Not thread-safe: the queue calls it with its lock held.
 */
final class QueueTimeLevel {
    private final Segment sinkSegment = new Segment(Format.TIME);
    private final Segment srcSegment = new Segment(Format.TIME);
    /** Signed running times; {@link ClockTime#STIME_NONE} when unknown. */
    private long sinkTime = ClockTime.STIME_NONE;
    private long srcTime = ClockTime.STIME_NONE;
    private long sinkStartTime = ClockTime.STIME_NONE;
    /** The position changed since the running time was computed. */
    private boolean sinkTainted;
    private boolean srcTainted;

    /** Forgets both segments and positions (a flush). */
    void reset() {
        sinkSegment.init(Format.TIME);
        srcSegment.init(Format.TIME);
        sinkTime = ClockTime.STIME_NONE;
        srcTime = ClockTime.STIME_NONE;
        sinkStartTime = ClockTime.STIME_NONE;
        sinkTainted = false;
        srcTainted = false;
    }

    /** {@code apply_segment}: a copy of the segment; a non-TIME one is tracked as TIME from 0. */
    void applySegment(Event.SegmentEvent event, boolean sinkSide) {
        Segment segment = sinkSide ? sinkSegment : srcSegment;
        segment.copyFrom(event.segment());
        if (segment.getFormat() != Format.TIME) {
            segment.setFormat(Format.TIME);
            segment.setStart(0);
            segment.setStop(ClockTime.NONE);
            segment.setTime(0);
        }
        if (sinkSide) {
            sinkTainted = false;
        } else {
            srcTainted = false;
        }
    }

    /**
     * {@code apply_buffer}: the side's position moves to the end of the buffer (a buffer without
     * timestamp continues from the position). Returns the new level.
     */
    long applyBuffer(Buffer buffer, boolean sinkSide) {
        Segment segment = sinkSide ? sinkSegment : srcSegment;
        long timestamp = buffer.dtsOrPts();
        if (timestamp == ClockTime.NONE) {
            timestamp = segment.getPosition();
        }
        return moveTo(segment, sinkSide, timestamp, buffer.duration());
    }

    /** {@code apply_gap}: a GAP moves the position as a buffer would. Returns the new level, or -1 if unchanged. */
    long applyGap(Event.GapEvent gap, boolean sinkSide) {
        if (gap.timestamp() == ClockTime.NONE) {
            return -1;
        }
        return moveTo(sinkSide ? sinkSegment : srcSegment, sinkSide, gap.timestamp(), gap.duration());
    }

    private long moveTo(Segment segment, boolean sinkSide, long timestamp, long duration) {
        if (sinkSide && sinkStartTime == ClockTime.STIME_NONE && timestamp != ClockTime.NONE) {
            sinkStartTime = runningTime(segment, timestamp); // the first data in
        }
        if (timestamp != ClockTime.NONE && duration != ClockTime.NONE) {
            timestamp += duration;
        }
        segment.setPosition(timestamp);
        if (sinkSide) {
            sinkTainted = true;
        } else {
            srcTainted = true;
        }
        return level();
    }

    /** {@code update_time_level}: running time in minus running time out, never negative. */
    private long level() {
        if (sinkTainted) {
            sinkTime = runningTime(sinkSegment, sinkSegment.getPosition());
            sinkTainted = false;
        }
        if (srcTainted) {
            srcTime = runningTime(srcSegment, srcSegment.getPosition());
            srcTainted = false;
        }
        if (sinkTime == ClockTime.STIME_NONE) {
            return 0;
        }
        if (srcTime == ClockTime.STIME_NONE && sinkStartTime != ClockTime.STIME_NONE && sinkTime >= sinkStartTime) {
            return sinkTime - sinkStartTime; // data came in, nothing went out yet
        }
        if (srcTime != ClockTime.STIME_NONE && sinkTime >= srcTime) {
            return sinkTime - srcTime;
        }
        return 0;
    }

    /** Signed running time of a position, or STIME_NONE ({@code my_segment_to_running_time}). */
    private static long runningTime(Segment segment, long position) {
        if (position == ClockTime.NONE) {
            return ClockTime.STIME_NONE;
        }
        return segment.toRunningTimeFull(Format.TIME, position);
    }
}
