package org.gstmini.core.debug;

import org.gstmini.core.Buffer;
import org.gstmini.core.Element;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.Query;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;

/**
 * Watches the core at work: every hook is called in the thread that does the work, right
 * before ("pre") and after ("post") it. Override only the hooks you need.
 *
 * <p>Mirrors {@code GstTracer} (gst/gsttracer.c) and its hooks (gst/gsttracerutils.h:
 * {@code pad-push-pre}, {@code pad-chain-pre}, {@code element-change-state-pre}, ...). Tracers
 * are enabled with {@link Tracers#install} or the {@code GST_MINI_TRACERS} environment variable.
 * When no tracer is installed, the core pays one static field read per hook point.
 *
 * <p>Thread contract: hooks run on streaming threads, concurrently; a tracer must be
 * thread-safe and quick.
 */
public abstract class Tracer {
    /** A source pad is about to push {@code buffer} to its peer. */
    public void padPushPre(Pad pad, Buffer buffer) {
    }

    /** The push returned {@code result} to the pusher. */
    public void padPushPost(Pad pad, FlowReturn result) {
    }

    /** A sink pad's chain function is about to be called. */
    public void padChainPre(Pad pad, Buffer buffer) {
    }

    /** The chain function returned. */
    public void padChainPost(Pad pad, FlowReturn result) {
    }

    /** A pad is about to push an event to its peer. */
    public void padPushEventPre(Pad pad, Event event) {
    }

    public void padPushEventPost(Pad pad, boolean result) {
    }

    /** A pad is about to ask its peer a query. */
    public void padQueryPre(Pad pad, Query query) {
    }

    public void padQueryPost(Pad pad, Query query, boolean result) {
    }

    /** An element is about to perform one state transition. */
    public void elementChangeStatePre(Element element, StateChange transition) {
    }

    public void elementChangeStatePost(Element element, StateChange transition, StateChangeReturn result) {
    }

    /** An element was created by a factory. */
    public void elementNew(Element element) {
    }
}
