package org.gstmini.core;

/**
 * The kinds of events, with the flags that decide how pads treat them.
 * Mirrors {@code GstEventType} and {@code GstEventTypeFlags} (gst/gstevent.h).
 *
 * <ul>
 *   <li><b>downstream / upstream</b>: the direction the event may travel;</li>
 *   <li><b>serialized</b>: ordered with buffers, so it is handled under the pad's stream lock;</li>
 *   <li><b>sticky</b>: stored on the pad and re-sent to a newly linked peer before the next
 *       data, so a late-linked element still learns the stream's caps and segment. The order of
 *       the constants below is the order sticky events must arrive in.</li>
 * </ul>
 */
public enum EventType {
    STREAM_START(false, true, true, true),
    CAPS(false, true, true, true),
    SEGMENT(false, true, true, true),
    TAG(false, true, true, true),
    EOS(false, true, true, true),
    /** Custom sticky downstream event (stored like the others, keyed by its structure name). */
    CUSTOM_DOWNSTREAM_STICKY(false, true, true, true),
    GAP(false, true, true, false),
    FLUSH_START(true, true, false, false),
    FLUSH_STOP(true, true, true, false),
    SEEK(true, false, false, false),
    QOS(true, false, false, false),
    LATENCY(true, false, false, false),
    RECONFIGURE(true, false, false, false),
    CUSTOM_UPSTREAM(true, false, false, false),
    CUSTOM_DOWNSTREAM(false, true, true, false),
    CUSTOM_DOWNSTREAM_OOB(false, true, false, false),
    CUSTOM_BOTH(true, true, true, false),
    CUSTOM_BOTH_OOB(true, true, false, false);

    /** Number of sticky types; sticky types come first, so their ordinal is a slot index. */
    static final int STICKY_COUNT = 6;

    private final boolean upstream;
    private final boolean downstream;
    private final boolean serialized;
    private final boolean sticky;

    EventType(boolean upstream, boolean downstream, boolean serialized, boolean sticky) {
        this.upstream = upstream;
        this.downstream = downstream;
        this.serialized = serialized;
        this.sticky = sticky;
    }

    public boolean isUpstream() {
        return upstream;
    }

    public boolean isDownstream() {
        return downstream;
    }

    public boolean isSerialized() {
        return serialized;
    }

    public boolean isSticky() {
        return sticky;
    }

    /** The name GStreamer prints, e.g. "stream-start" ({@code gst_event_type_get_name}). */
    public String nick() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
