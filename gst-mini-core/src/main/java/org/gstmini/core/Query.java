package org.gstmini.core;

import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;

/**
 * A question asked of a pad or element, answered in place: the asker creates a query, hands it
 * to {@link Pad#query} or {@link Pad#peerQuery}, and reads the answer out of the same object
 * when the call returns {@code true}.
 *
 * <p>Mirrors {@code GstQuery} (gst/gstquery.c). Pads answer the common queries by default
 * ({@link Pad#queryDefault}): CAPS from the template or by asking the peers, the rest by
 * forwarding to the pads on the other side of the element.
 */
public abstract sealed class Query {
    private Query() {
    }

    /** Which way the query travels: upstream queries are asked of the peer of a sink pad. */
    public abstract boolean isUpstream();

    /** "What caps can you handle?" ({@code gst_query_new_caps}); the filter narrows the answer. */
    public static final class CapsQuery extends Query {
        private final Caps filter;
        private Caps result;

        public CapsQuery(Caps filter) {
            this.filter = filter;
        }

        /** The caps the asker is interested in, or null for no restriction. */
        public Caps filter() {
            return filter;
        }

        public Caps result() {
            return result;
        }

        public void setResult(Caps caps) {
            this.result = caps;
        }

        @Override
        public boolean isUpstream() {
            return true;
        }

        @Override
        public String toString() {
            return "caps query (filter " + filter + ") -> " + result;
        }
    }

    /** "Would you accept exactly these caps?" ({@code gst_query_new_accept_caps}). */
    public static final class AcceptCapsQuery extends Query {
        private final Caps caps;
        private boolean result;

        public AcceptCapsQuery(Caps caps) {
            this.caps = caps;
        }

        public Caps caps() {
            return caps;
        }

        public boolean result() {
            return result;
        }

        public void setResult(boolean accepted) {
            this.result = accepted;
        }

        @Override
        public boolean isUpstream() {
            return true;
        }
    }

    /**
     * "How much latency do you add?" ({@code gst_query_new_latency}). Sources answer their own
     * latency; elements on the way add theirs; sinks combine what every upstream path says.
     */
    public static final class LatencyQuery extends Query {
        private boolean live;
        private long min;
        private long max = ClockTime.NONE;

        public boolean live() {
            return live;
        }

        public long min() {
            return min;
        }

        /** Maximum latency the upstream path can absorb, or {@code ClockTime.NONE} for unlimited. */
        public long max() {
            return max;
        }

        public void set(boolean isLive, long minLatency, long maxLatency) {
            this.live = isLive;
            this.min = minLatency;
            this.max = maxLatency;
        }

        /**
         * Sets this query to the combination of several upstream answers, as an element with
         * many inputs (or a bin with many sinks) must: live if any path is live; the largest
         * live minimum, because every path must have delivered; the smallest live maximum,
         * because no path may be asked to buffer more than it can
         * ({@code gst_pad_query_latency_default}). Non-live answers add nothing.
         */
        public void setCombined(java.util.List<LatencyQuery> answers) {
            boolean anyLive = false;
            long minSum = 0;
            long maxSum = ClockTime.NONE;
            for (LatencyQuery a : answers) {
                if (!a.live) {
                    continue;
                }
                anyLive = true;
                minSum = Math.max(minSum, a.min);
                if (a.max != ClockTime.NONE) {
                    maxSum = maxSum == ClockTime.NONE ? a.max : Math.min(maxSum, a.max);
                }
            }
            set(anyLive, minSum, maxSum);
        }

        @Override
        public boolean isUpstream() {
            return true;
        }

        @Override
        public String toString() {
            return "latency query: live=" + live + ", min=" + ClockTime.format(min) + ", max=" + ClockTime.format(max);
        }
    }

    /** "Where are you in the stream?" ({@code gst_query_new_position}). */
    public static final class PositionQuery extends Query {
        private final Format format;
        private long position = -1;

        public PositionQuery(Format format) {
            this.format = format;
        }

        public Format format() {
            return format;
        }

        public long position() {
            return position;
        }

        public void setPosition(long value) {
            this.position = value;
        }

        @Override
        public boolean isUpstream() {
            return true;
        }
    }

    /** "How long is the stream?" ({@code gst_query_new_duration}). */
    public static final class DurationQuery extends Query {
        private final Format format;
        private long duration = -1;

        public DurationQuery(Format format) {
            this.format = format;
        }

        public Format format() {
            return format;
        }

        public long duration() {
            return duration;
        }

        public void setDuration(long value) {
            this.duration = value;
        }

        @Override
        public boolean isUpstream() {
            return true;
        }
    }

    /** "Can you seek, and where to?" ({@code gst_query_new_seeking}). */
    public static final class SeekingQuery extends Query {
        private final Format format;
        private boolean seekable;
        private long segmentStart = -1;
        private long segmentEnd = -1;

        public SeekingQuery(Format format) {
            this.format = format;
        }

        public Format format() {
            return format;
        }

        public boolean seekable() {
            return seekable;
        }

        public long segmentStart() {
            return segmentStart;
        }

        public long segmentEnd() {
            return segmentEnd;
        }

        public void set(boolean canSeek, long start, long end) {
            this.seekable = canSeek;
            this.segmentStart = start;
            this.segmentEnd = end;
        }

        @Override
        public boolean isUpstream() {
            return true;
        }
    }

    /** An element-defined query whose answer is written into a structure. */
    public static final class CustomQuery extends Query {
        private final boolean upstream;
        private Structure structure;

        public CustomQuery(boolean upstream, Structure structure) {
            this.upstream = upstream;
            this.structure = structure;
        }

        public Structure structure() {
            return structure;
        }

        public void setStructure(Structure answer) {
            this.structure = answer;
        }

        @Override
        public boolean isUpstream() {
            return upstream;
        }
    }
}
