package org.gstmini.core;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;

/**
 * A control message that travels along the pads, with the data (serialized events such as
 * CAPS, SEGMENT and EOS) or against it (SEEK, QOS, LATENCY).
 *
 * <p>Mirrors {@code GstEvent} (gst/gstevent.c). Each kind is a small immutable record; match
 * on it with {@code instanceof}:
 *
 * <pre>{@code
 * if (event instanceof Event.CapsEvent c) {
 *     configure(c.caps());
 * }
 * }</pre>
 *
 * <p>Every event carries a sequence number; events that answer each other (a SEEK and the
 * FLUSH_START/FLUSH_STOP/SEGMENT it causes) share it, as in GStreamer.
 */
public sealed interface Event {
    /** The kind of event, with its direction, serialization and stickiness flags. */
    EventType type();

    /** The sequence number ({@code gst_event_get_seqnum}). */
    int seqnum();

    /** Returns a new sequence number, as {@code gst_util_seqnum_next()} does. */
    static int nextSeqnum() {
        return Seqnums.NEXT.incrementAndGet();
    }

    /** First event of every stream ({@code gst_event_new_stream_start}). */
    static StreamStartEvent streamStart(String streamId) {
        return new StreamStartEvent(streamId, 0, nextSeqnum());
    }

    /** The format of the data that follows ({@code gst_event_new_caps}); caps must be fixed. */
    static CapsEvent caps(Caps caps) {
        return new CapsEvent(caps, nextSeqnum());
    }

    /** How timestamps of the data that follows map to running time ({@code gst_event_new_segment}). */
    static SegmentEvent segment(Segment segment) {
        return new SegmentEvent(segment.copy(), nextSeqnum());
    }

    static TagEvent tag(Structure tags) {
        return new TagEvent(tags, nextSeqnum());
    }

    /** No more data will follow ({@code gst_event_new_eos}). */
    static EosEvent eos() {
        return new EosEvent(nextSeqnum());
    }

    /** Start discarding data and unblock every waiting place ({@code gst_event_new_flush_start}). */
    static FlushStartEvent flushStart() {
        return new FlushStartEvent(nextSeqnum());
    }

    /** Stop discarding data ({@code gst_event_new_flush_stop}); resetTime makes running time start at 0. */
    static FlushStopEvent flushStop(boolean resetTime) {
        return new FlushStopEvent(resetTime, nextSeqnum());
    }

    /** No data for this stretch of time ({@code gst_event_new_gap}). */
    static GapEvent gap(long timestamp, long duration) {
        return new GapEvent(timestamp, duration, nextSeqnum());
    }

    /** Ask upstream to jump ({@code gst_event_new_seek}). */
    static SeekEvent seek(double rate, Format format, Set<SeekFlag> flags, SeekType startType, long start,
                          SeekType stopType, long stop) {
        return new SeekEvent(rate, format, Set.copyOf(flags), startType, start, stopType, stop, nextSeqnum());
    }

    /** Tell upstream how late data arrived ({@code gst_event_new_qos}). */
    static QosEvent qos(QosType qosType, double proportion, long diff, long timestamp) {
        return new QosEvent(qosType, proportion, diff, timestamp, nextSeqnum());
    }

    /** Tell upstream the pipeline's configured latency ({@code gst_event_new_latency}). */
    static LatencyEvent latency(long latency) {
        return new LatencyEvent(latency, nextSeqnum());
    }

    /** Ask upstream to renegotiate caps ({@code gst_event_new_reconfigure}). */
    static ReconfigureEvent reconfigure() {
        return new ReconfigureEvent(nextSeqnum());
    }

    /** An application- or element-defined event ({@code gst_event_new_custom}). */
    static CustomEvent custom(EventType type, Structure structure) {
        if (!type.name().startsWith("CUSTOM_")) {
            throw new IllegalArgumentException("custom events need a CUSTOM_* type, not " + type);
        }
        return new CustomEvent(type, structure, nextSeqnum());
    }

    /** The same event with another sequence number ({@code gst_event_set_seqnum}). */
    Event withSeqnum(int seqnum);

    record StreamStartEvent(String streamId, int groupId, int seqnum) implements Event {
        public StreamStartEvent {
            Objects.requireNonNull(streamId, "streamId");
        }

        public EventType type() {
            return EventType.STREAM_START;
        }

        public Event withSeqnum(int s) {
            return new StreamStartEvent(streamId, groupId, s);
        }
    }

    record CapsEvent(Caps caps, int seqnum) implements Event {
        public CapsEvent {
            Objects.requireNonNull(caps, "caps");
            if (!caps.isFixed()) {
                throw new IllegalArgumentException("a CAPS event needs fixed caps, got " + caps);
            }
        }

        public EventType type() {
            return EventType.CAPS;
        }

        public Event withSeqnum(int s) {
            return new CapsEvent(caps, s);
        }
    }

    /** The segment is a private copy: read it, do not change it. */
    record SegmentEvent(Segment segment, int seqnum) implements Event {
        public EventType type() {
            return EventType.SEGMENT;
        }

        public Event withSeqnum(int s) {
            return new SegmentEvent(segment, s);
        }
    }

    record TagEvent(Structure tags, int seqnum) implements Event {
        public EventType type() {
            return EventType.TAG;
        }

        public Event withSeqnum(int s) {
            return new TagEvent(tags, s);
        }
    }

    record EosEvent(int seqnum) implements Event {
        public EventType type() {
            return EventType.EOS;
        }

        public Event withSeqnum(int s) {
            return new EosEvent(s);
        }
    }

    record FlushStartEvent(int seqnum) implements Event {
        public EventType type() {
            return EventType.FLUSH_START;
        }

        public Event withSeqnum(int s) {
            return new FlushStartEvent(s);
        }
    }

    record FlushStopEvent(boolean resetTime, int seqnum) implements Event {
        public EventType type() {
            return EventType.FLUSH_STOP;
        }

        public Event withSeqnum(int s) {
            return new FlushStopEvent(resetTime, s);
        }
    }

    record GapEvent(long timestamp, long duration, int seqnum) implements Event {
        public EventType type() {
            return EventType.GAP;
        }

        public Event withSeqnum(int s) {
            return new GapEvent(timestamp, duration, s);
        }
    }

    record SeekEvent(double rate, Format format, Set<SeekFlag> flags, SeekType startType, long start,
                     SeekType stopType, long stop, int seqnum) implements Event {
        public SeekEvent {
            if (rate == 0.0) {
                throw new IllegalArgumentException("a seek rate of 0 is invalid");
            }
        }

        public EventType type() {
            return EventType.SEEK;
        }

        public boolean isFlushing() {
            return flags.contains(SeekFlag.FLUSH);
        }

        public Event withSeqnum(int s) {
            return new SeekEvent(rate, format, flags, startType, start, stopType, stop, s);
        }
    }

    /** Kinds of QoS events ({@code GstQOSType}). */
    enum QosType { OVERFLOW, UNDERFLOW, THROTTLE }

    /**
     * Sent upstream by a sink when data arrives late or early: {@code diff} is how late (positive)
     * the buffer with running time {@code timestamp} was; proportion estimates the load.
     */
    record QosEvent(QosType qosType, double proportion, long diff, long timestamp, int seqnum) implements Event {
        public EventType type() {
            return EventType.QOS;
        }

        public Event withSeqnum(int s) {
            return new QosEvent(qosType, proportion, diff, timestamp, s);
        }
    }

    record LatencyEvent(long latency, int seqnum) implements Event {
        public EventType type() {
            return EventType.LATENCY;
        }

        public Event withSeqnum(int s) {
            return new LatencyEvent(latency, s);
        }
    }

    record ReconfigureEvent(int seqnum) implements Event {
        public EventType type() {
            return EventType.RECONFIGURE;
        }

        public Event withSeqnum(int s) {
            return new ReconfigureEvent(s);
        }
    }

    record CustomEvent(EventType type, Structure structure, int seqnum) implements Event {
        public Event withSeqnum(int s) {
            return new CustomEvent(type, structure, s);
        }
    }
}

/** Holder for the global sequence-number counter (interfaces cannot hold mutable state privately). */
final class Seqnums {
    static final AtomicInteger NEXT = new AtomicInteger();

    private Seqnums() {
    }
}
