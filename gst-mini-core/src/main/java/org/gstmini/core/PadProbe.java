package org.gstmini.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * A callback that watches (or stops) what passes through a pad: buffers, events, queries.
 *
 * <p>Mirrors {@code gst_pad_add_probe()} (gst/gstpad.c). Add one with
 * {@link Pad#addProbe(Set, PadProbe)}; it is called in the streaming thread with a
 * {@link Info} describing the item, and its {@link Return} decides what happens next:
 *
 * <pre>
 *   OK       let the item pass (for a BLOCK probe: keep the pad blocked until the probe is removed)
 *   DROP     drop the item; a dropped buffer counts as pushed (OK)
 *   REMOVE   remove this probe and let the item pass
 *   PASS     let the item pass even though the probe blocks
 *   HANDLED  the probe took care of the item (like DROP, for queries: answered)
 * </pre>
 *
 * <p>A BLOCK probe stops the streaming thread at the pad until the probe is removed or the pad
 * flushes: the classic way to change a running pipeline safely. An IDLE probe is called once
 * the pad is idle (at once if no data is flowing), with no data flowing while it runs.
 */
@FunctionalInterface
public interface PadProbe {
    Return probe(Pad pad, Info info);

    /** What a probe wants ({@code GstPadProbeType}). An empty data mask means every kind of data. */
    enum Type {
        /** Block the streaming thread while the probe is installed. */
        BLOCK,
        /** Call the probe once, when no data is flowing. */
        IDLE,
        BUFFER,
        EVENT_DOWNSTREAM,
        EVENT_UPSTREAM,
        /** FLUSH_START / FLUSH_STOP, which are not blocked. */
        EVENT_FLUSH,
        QUERY_DOWNSTREAM,
        QUERY_UPSTREAM,
        /** Data in push mode (the default: probes see pushes). */
        PUSH,
        /** Data in pull mode. */
        PULL;

        /** BLOCK plus all downstream data: the common way to block a pad. */
        public static final Set<Type> BLOCK_DOWNSTREAM = EnumSet.of(BLOCK, BUFFER, EVENT_DOWNSTREAM);
        /** All downstream data, without blocking. */
        public static final Set<Type> DATA_DOWNSTREAM = EnumSet.of(BUFFER, EVENT_DOWNSTREAM);
    }

    /** The probe's decision ({@code GstPadProbeReturn}). */
    enum Return { DROP, OK, REMOVE, PASS, HANDLED }

    /**
     * What the probe is looking at ({@code GstPadProbeInfo}). A probe may replace a buffer with
     * {@link #setBuffer} before it continues downstream.
     */
    final class Info {
        private final long id;
        private final Type kind;
        private Object data;

        Info(long id, Type kind, Object data) {
            this.id = id;
            this.kind = kind;
            this.data = data;
        }

        /** The probe's id, as returned by {@link Pad#addProbe}. */
        public long id() {
            return id;
        }

        /** BUFFER, EVENT_DOWNSTREAM, EVENT_UPSTREAM, QUERY_*, or IDLE when there is no data. */
        public Type kind() {
            return kind;
        }

        /** The buffer, or null when the item is not a buffer. */
        public Buffer buffer() {
            return data instanceof Buffer b ? b : null;
        }

        public Event event() {
            return data instanceof Event e ? e : null;
        }

        public Query query() {
            return data instanceof Query q ? q : null;
        }

        /** Replaces the buffer that continues downstream. */
        public void setBuffer(Buffer buffer) {
            if (!(data instanceof Buffer)) {
                throw new IllegalStateException("probe " + id + ": setBuffer() on a " + kind + " item");
            }
            this.data = buffer;
        }

        /** Replaces the event that continues. */
        public void setEvent(Event event) {
            if (!(data instanceof Event)) {
                throw new IllegalStateException("probe " + id + ": setEvent() on a " + kind + " item");
            }
            this.data = event;
        }

        Object data() {
            return data;
        }
    }
}
