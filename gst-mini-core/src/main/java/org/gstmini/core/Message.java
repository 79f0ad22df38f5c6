package org.gstmini.core;

import java.util.Objects;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.clock.Clock;

/**
 * A notification from an element to the application, posted on the pipeline's {@link Bus}.
 *
 * <p>Mirrors {@code GstMessage} (gst/gstmessage.c). Messages go <em>up</em>: an element posts
 * to its parent bin, which may act on it (collect EOS from all sinks, track ASYNC_DONE) and
 * passes it on; the top-level pipeline puts it on its bus, where the application reads it.
 * Each kind is a small immutable class; match with {@code instanceof} or by {@link #type()}.
 */
public abstract sealed class Message {
    private final MessageType type;
    private final Element source;
    private final String sourcePath;
    private final int seqnum;

    private Message(MessageType type, Element source, int seqnum) {
        this.type = type;
        this.source = source;
        this.sourcePath = source == null ? "(application)" : source.getPathString();
        this.seqnum = seqnum;
    }

    private Message(MessageType type, Element source) {
        this(type, source, Event.nextSeqnum());
    }

    public MessageType type() {
        return type;
    }

    /** The element that posted the message (for an EOS of a pipeline: the pipeline itself). */
    public Element source() {
        return source;
    }

    /** Where the source sits in the hierarchy, e.g. {@code /Pipeline:pipeline0/FileSrc:filesrc0}. */
    public String sourcePath() {
        return sourcePath;
    }

    public int seqnum() {
        return seqnum;
    }

    @Override
    public String toString() {
        return type + " from " + sourcePath;
    }

    /** The stream ended: every sink of the pipeline has rendered its last buffer. */
    public static final class Eos extends Message {
        public Eos(Element source, int seqnum) {
            super(MessageType.EOS, source, seqnum);
        }
    }

    /**
     * An ERROR, WARNING or INFO with what a user needs: a code, a sentence they can act on, and
     * debug text for developers ({@code GST_ELEMENT_ERROR(el, RESOURCE, NOT_FOUND, (text), (debug))}).
     */
    public abstract static sealed class Report extends Message {
        private final ErrorCode code;
        private final String text;
        private final String debug;

        private Report(MessageType type, Element source, ErrorCode code, String text, String debug) {
            super(type, source);
            this.code = Objects.requireNonNull(code, "code");
            this.text = text == null || text.isEmpty() ? code.defaultMessage() : text;
            this.debug = debug == null ? "" : debug;
        }

        public ErrorCode code() {
            return code;
        }

        /** The sentence for the user, e.g. {@code Resource not found.} */
        public String text() {
            return text;
        }

        /** Detail for developers: the OS reason, the file and line, the failing value. */
        public String debug() {
            return debug;
        }

        @Override
        public String toString() {
            return type() + " from element " + sourcePath() + ": " + text
                    + (debug.isEmpty() ? "" : "\nAdditional debug info:\n" + debug);
        }
    }

    public static final class Error extends Report {
        public Error(Element source, ErrorCode code, String text, String debug) {
            super(MessageType.ERROR, source, code, text, debug);
        }
    }

    public static final class Warning extends Report {
        public Warning(Element source, ErrorCode code, String text, String debug) {
            super(MessageType.WARNING, source, code, text, debug);
        }
    }

    public static final class Info extends Report {
        public Info(Element source, ErrorCode code, String text, String debug) {
            super(MessageType.INFO, source, code, text, debug);
        }
    }

    public static final class Tag extends Message {
        private final Structure tags;

        public Tag(Element source, Structure tags) {
            super(MessageType.TAG, source);
            this.tags = tags;
        }

        public Structure tags() {
            return tags;
        }
    }

    /** An element's state changed: {@code oldState -> newState}, still heading for {@code pending}. */
    public static final class StateChanged extends Message {
        private final State oldState;
        private final State newState;
        private final State pending;

        public StateChanged(Element source, State oldState, State newState, State pending) {
            super(MessageType.STATE_CHANGED, source);
            this.oldState = oldState;
            this.newState = newState;
            this.pending = pending;
        }

        public State oldState() {
            return oldState;
        }

        public State newState() {
            return newState;
        }

        public State pending() {
            return pending;
        }

        @Override
        public String toString() {
            return "STATE_CHANGED " + sourcePath() + ": " + oldState.nick() + " -> " + newState.nick()
                    + " (pending " + pending.nick() + ")";
        }
    }

    /** An element started an asynchronous state change (a sink waits for preroll). */
    public static final class AsyncStart extends Message {
        public AsyncStart(Element source) {
            super(MessageType.ASYNC_START, source);
        }
    }

    /** An asynchronous state change completed: the sink prerolled, the pipeline reached PAUSED. */
    public static final class AsyncDone extends Message {
        private final long runningTime;

        public AsyncDone(Element source, long runningTime) {
            super(MessageType.ASYNC_DONE, source);
            this.runningTime = runningTime;
        }

        /** Running time to reset to, or {@code ClockTime.NONE} (after a flushing seek). */
        public long runningTime() {
            return runningTime;
        }
    }

    public static final class NewClock extends Message {
        private final Clock clock;

        public NewClock(Element source, Clock clock) {
            super(MessageType.NEW_CLOCK, source);
            this.clock = clock;
        }

        public Clock clock() {
            return clock;
        }
    }

    public static final class ClockLost extends Message {
        private final Clock clock;

        public ClockLost(Element source, Clock clock) {
            super(MessageType.CLOCK_LOST, source);
            this.clock = clock;
        }

        public Clock clock() {
            return clock;
        }
    }

    /** An element's latency changed; the application should redistribute it. */
    public static final class Latency extends Message {
        public Latency(Element source) {
            super(MessageType.LATENCY, source);
        }
    }

    /** A sink dropped or rendered late data: the QoS numbers for the buffer it concerns. */
    public static final class Qos extends Message {
        private final boolean live;
        private final long runningTime;
        private final long streamTime;
        private final long timestamp;
        private final long duration;
        private final long jitter;
        private final long processed;
        private final long dropped;

        public Qos(Element source, boolean live, long runningTime, long streamTime, long timestamp,
                   long duration, long jitter, long processed, long dropped) {
            super(MessageType.QOS, source);
            this.live = live;
            this.runningTime = runningTime;
            this.streamTime = streamTime;
            this.timestamp = timestamp;
            this.duration = duration;
            this.jitter = jitter;
            this.processed = processed;
            this.dropped = dropped;
        }

        public boolean live() {
            return live;
        }

        public long runningTime() {
            return runningTime;
        }

        public long streamTime() {
            return streamTime;
        }

        public long timestamp() {
            return timestamp;
        }

        public long duration() {
            return duration;
        }

        /** How late the buffer was in ns (positive = late). */
        public long jitter() {
            return jitter;
        }

        public long processed() {
            return processed;
        }

        public long dropped() {
            return dropped;
        }
    }

    /** Every sink has received a STREAM_START: a new stream is playing. */
    public static final class StreamStart extends Message {
        public StreamStart(Element source) {
            super(MessageType.STREAM_START, source);
        }
    }

    public static final class DurationChanged extends Message {
        public DurationChanged(Element source) {
            super(MessageType.DURATION_CHANGED, source);
        }
    }

    /** An element-specific notification ({@code gst_message_new_element}), e.g. a level meter's values. */
    public static final class ElementMessage extends Message {
        private final Structure structure;

        public ElementMessage(Element source, Structure structure) {
            super(MessageType.ELEMENT, source);
            this.structure = Objects.requireNonNull(structure, "structure");
        }

        public Structure structure() {
            return structure;
        }

        @Override
        public String toString() {
            return "ELEMENT from " + sourcePath() + ": " + structure;
        }
    }

    /** A message the application posts to itself ({@code gst_message_new_application}). */
    public static final class Application extends Message {
        private final Structure structure;

        public Application(Element source, Structure structure) {
            super(MessageType.APPLICATION, source);
            this.structure = Objects.requireNonNull(structure, "structure");
        }

        public Structure structure() {
            return structure;
        }
    }

    /** A property of a watched element changed ({@code gst_message_new_property_notify}). */
    public static final class PropertyNotify extends Message {
        private final String propertyName;
        private final Object value;

        public PropertyNotify(Element source, String propertyName, Object value) {
            super(MessageType.PROPERTY_NOTIFY, source);
            this.propertyName = propertyName;
            this.value = value;
        }

        public String propertyName() {
            return propertyName;
        }

        public Object value() {
            return value;
        }

        @Override
        public String toString() {
            return sourcePath() + ": " + propertyName + " = " + value;
        }
    }
}
