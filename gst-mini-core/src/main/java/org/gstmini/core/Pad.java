package org.gstmini.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.debug.Tracers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection point of an element: data leaves through source pads and enters through sink
 * pads. A source pad linked to a sink pad forms the path a buffer takes.
 *
 * <p>Mirrors {@code GstPad} (gst/gstpad.c). The one idea to take away: {@link #push(Buffer)} is
 * a <em>direct, synchronous call</em> into the peer's chain function. No queue, no thread hop:
 *
 * <pre>
 *  streaming thread of the source
 *  │
 *  ├─ src.push(buf) ──► sink.chain(buf)  [identity]  ──► identitySrc.push(buf) ──► sink.chain(buf) [fakesink]
 *  │                                                                                   └─ render, return OK
 *  │                                                      ◄──────────────────────── OK ─┘
 *  ◄──────────────────────────────── OK ─┘
 * </pre>
 *
 * <p>The {@link FlowReturn} travels back up the same call stack, so a source learns at once
 * that downstream hit EOS, is flushing or failed.
 *
 * <h2>What a push does</h2>
 * <ol>
 *   <li>Refuse if this pad is flushing (FLUSHING) or has sent EOS (EOS).</li>
 *   <li>If the pad was (re)linked, first re-send its <b>sticky events</b> (STREAM_START, CAPS,
 *       SEGMENT, ...) to the new peer, in order ({@code check_sticky()} in gstpad.c).</li>
 *   <li>Run probes, if any.</li>
 *   <li>Call the peer's chain function under the peer's <b>stream lock</b>, which serialises
 *       data with serialized events such as SEGMENT and EOS.</li>
 * </ol>
 * With no probes and no tracers this path takes no lock but the stream lock and allocates
 * nothing.
 *
 * <h2>Events and queries</h2>
 * {@link #pushEvent} sends an event to the peer; {@link #sendEvent} delivers one to this pad's
 * event function. {@link #eventDefault} forwards an event to the pads on the other side of the
 * element. Queries work alike with {@link #peerQuery}, {@link #query} and {@link #queryDefault}.
 *
 * <h2>Threads</h2>
 * Data and serialized events arrive on streaming threads holding the stream lock;
 * FLUSH_START arrives on any thread without it, precisely so it can wake a blocked streaming
 * thread. Linking and activation happen on the application thread.
 */
public class Pad {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.pad");
    /** Linking is rare; one lock for all links keeps pairs of pads consistent without ordering. */
    private static final Object LINK_LOCK = new Object();
    private static final AtomicLong PROBE_IDS = new AtomicLong();

    // Bits of 'flags': read on every push without a lock, written under 'lock'.
    private static final int FLUSHING = 1;
    private static final int EOS = 2;
    private static final int PENDING_EVENTS = 4;
    private static final int NEED_RECONFIGURE = 8;

    /** Handles a buffer arriving on a sink pad ({@code GstPadChainFunction}). */
    @FunctionalInterface
    public interface ChainFunction {
        FlowReturn chain(Pad pad, Element parent, Buffer buffer);
    }

    /** Handles an event arriving on a pad ({@code GstPadEventFunction}); true if handled. */
    @FunctionalInterface
    public interface EventFunction {
        boolean event(Pad pad, Element parent, Event event);
    }

    /** Answers a query on a pad ({@code GstPadQueryFunction}); true if answered. */
    @FunctionalInterface
    public interface QueryFunction {
        boolean query(Pad pad, Element parent, Query query);
    }

    /**
     * Produces data on request in pull mode ({@code GstPadGetRangeFunction}). Returns the buffer,
     * or throws {@link FlowException} with the reason (EOS past the end, FLUSHING, ERROR).
     */
    @FunctionalInterface
    public interface GetRangeFunction {
        Buffer getRange(Pad pad, Element parent, long offset, int length) throws FlowException;
    }

    /**
     * Called when the pad is activated or deactivated in a mode ({@code GstPadActivateModeFunction}):
     * a source starts its task here, and stops it on deactivation.
     */
    @FunctionalInterface
    public interface ActivateModeFunction {
        boolean activateMode(Pad pad, Element parent, PadMode mode, boolean active);
    }

    private final PadDirection direction;
    private final PadTemplate template;
    private volatile String name;
    private volatile Element parent;
    private volatile Pad peer;

    private volatile ChainFunction chainFunction;
    private volatile EventFunction eventFunction;
    private volatile QueryFunction queryFunction;
    private volatile GetRangeFunction getRangeFunction;
    private volatile ActivateModeFunction activateModeFunction;

    private volatile boolean proxyCaps;
    private volatile boolean fixedCaps;
    private volatile boolean acceptIntersect;

    private final ReentrantLock streamLock = new ReentrantLock();
    /** The object lock: guards sticky events, probes and the flag word's writes. */
    private final Object lock = new Object();
    private volatile int flags = FLUSHING;
    private volatile PadMode mode = PadMode.NONE;
    /** Sink pads: STREAM_START, CAPS and SEGMENT have all arrived, so data may follow. */
    private volatile boolean readyForData;
    private final List<StickyEntry> sticky = new ArrayList<>();
    private volatile ProbeEntry[] probes = new ProbeEntry[0];
    private Task task;

    /** Creates a pad with no template: use for test pads and pads built by hand. */
    public Pad(String name, PadDirection direction) {
        this(name, direction, null);
    }

    /** Creates a pad from a template ({@code gst_pad_new_from_template}). */
    public Pad(String name, PadTemplate template) {
        this(name, template.direction(), template);
    }

    private Pad(String name, PadDirection direction, PadTemplate template) {
        this.name = Objects.requireNonNull(name, "name");
        this.direction = Objects.requireNonNull(direction, "direction");
        if (direction == PadDirection.UNKNOWN) {
            throw new IllegalArgumentException("pad '" + name + "': direction must be SRC or SINK");
        }
        this.template = template;
    }

    // ---------------------------------------------------------------- identity

    public String getName() {
        return name;
    }

    /** Renames the pad; only allowed before it is added to an element. */
    public void setName(String newName) {
        if (parent != null) {
            throw new IllegalStateException(this + ": cannot rename a pad that belongs to an element");
        }
        this.name = Objects.requireNonNull(newName, "name");
    }

    public PadDirection getDirection() {
        return direction;
    }

    /** The template the pad was made from, or null. */
    public PadTemplate getPadTemplate() {
        return template;
    }

    /** The element that owns this pad, or null. */
    public Element getParent() {
        return parent;
    }

    void setParent(Element element) {
        if (element != null && parent != null && parent != element) {
            throw new IllegalStateException(this + " already belongs to " + parent.getName());
        }
        this.parent = element;
    }

    public Pad getPeer() {
        return peer;
    }

    public boolean isLinked() {
        return peer != null;
    }

    /** {@code element:pad}, as GStreamer's GST_DEBUG_PAD_NAME prints it. */
    @Override
    public String toString() {
        Element p = parent;
        return (p == null ? "''" : p.getName()) + ":" + name;
    }

    // ---------------------------------------------------------------- functions and flags

    public void setChainFunction(ChainFunction f) {
        this.chainFunction = f;
    }

    public void setEventFunction(EventFunction f) {
        this.eventFunction = f;
    }

    public void setQueryFunction(QueryFunction f) {
        this.queryFunction = f;
    }

    public void setGetRangeFunction(GetRangeFunction f) {
        this.getRangeFunction = f;
    }

    public void setActivateModeFunction(ActivateModeFunction f) {
        this.activateModeFunction = f;
    }

    /**
     * Makes the default CAPS and ACCEPT_CAPS handling ask the pads on the other side of the
     * element, and the default event handling forward CAPS events: right for elements that do
     * not change the format ({@code GST_PAD_FLAG_PROXY_CAPS}).
     */
    public void setProxyCaps(boolean proxy) {
        this.proxyCaps = proxy;
    }

    public boolean isProxyCaps() {
        return proxyCaps;
    }

    /** Makes the default CAPS query answer the current caps once set ({@code GST_PAD_FLAG_FIXED_CAPS}). */
    public void setFixedCaps(boolean fixed) {
        this.fixedCaps = fixed;
    }

    /** Makes ACCEPT_CAPS check intersection instead of subset ({@code GST_PAD_FLAG_ACCEPT_INTERSECT}). */
    public void setAcceptIntersect(boolean intersect) {
        this.acceptIntersect = intersect;
    }

    /** The pad's stream lock, held while data or serialized events pass ({@code GST_PAD_STREAM_LOCK}). */
    public ReentrantLock getStreamLock() {
        return streamLock;
    }

    public boolean isFlushing() {
        return (flags & FLUSHING) != 0;
    }

    /** True once the pad has seen (sink) or sent (source) EOS and no flush or new stream followed. */
    public boolean isEos() {
        return (flags & EOS) != 0;
    }

    public PadMode getMode() {
        return mode;
    }

    public boolean isActive() {
        return mode != PadMode.NONE;
    }

    private void setFlag(int bit, boolean on) {
        synchronized (lock) {
            flags = on ? flags | bit : flags & ~bit;
        }
    }

    /**
     * Returns and clears the NEED_RECONFIGURE flag, set when the pad is linked or a RECONFIGURE
     * event reaches it ({@code gst_pad_check_reconfigure}). Sources renegotiate when it is set.
     *
     * <p>Called for every buffer by sources and transforms, so the common answer, "no", is one
     * volatile read of the flags; the pad's lock is taken only to clear a flag that is set (the
     * flags are written under it, so the test-and-clear stays atomic).
     */
    public boolean checkReconfigure() {
        if ((flags & NEED_RECONFIGURE) == 0) {
            return false;
        }
        synchronized (lock) {
            boolean set = (flags & NEED_RECONFIGURE) != 0;
            flags &= ~NEED_RECONFIGURE;
            return set;
        }
    }

    /** Marks the pad as needing renegotiation ({@code gst_pad_mark_reconfigure}). */
    public void markReconfigure() {
        setFlag(NEED_RECONFIGURE, true);
    }

    // ---------------------------------------------------------------- linking

    /**
     * Links this source pad to a sink pad ({@code gst_pad_link}). Checks, in GStreamer's order:
     * directions, that neither pad is linked, that both elements share a parent bin, and that
     * their caps intersect. On success the sticky events of this pad are re-sent before the next
     * data, and the pad is marked for renegotiation.
     */
    public PadLinkReturn link(Pad sink) {
        Objects.requireNonNull(sink, "sink");
        PadLinkReturn ret = checkLink(sink);
        if (ret != PadLinkReturn.OK) {
            LOG.debug("link {} -> {} failed: {}", this, sink, ret);
            return ret;
        }
        synchronized (LINK_LOCK) {
            if (peer != null || sink.peer != null) {
                return PadLinkReturn.WAS_LINKED;
            }
            synchronized (lock) {
                for (StickyEntry e : sticky) {
                    e.received = false;
                }
                int f = flags | NEED_RECONFIGURE;
                flags = sticky.isEmpty() ? f : f | PENDING_EVENTS;
            }
            // Publish the peer last: a pushing thread that sees the new peer also sees that the
            // sticky events are pending, so the peer never gets data before STREAM_START/CAPS/SEGMENT.
            sink.peer = this;
            this.peer = sink;
        }
        LOG.debug("linked {} -> {}", this, sink);
        // As gst_pad_link_full does: tell the elements upstream to renegotiate for the new peer
        // (a queue that stopped on NOT_LINKED restarts on it).
        sendEvent(Event.reconfigure());
        return PadLinkReturn.OK;
    }

    private PadLinkReturn checkLink(Pad sink) {
        if (direction != PadDirection.SRC || sink.direction != PadDirection.SINK) {
            return PadLinkReturn.WRONG_DIRECTION;
        }
        if (peer != null || sink.peer != null) {
            return PadLinkReturn.WAS_LINKED;
        }
        Element a = parent;
        Element b = sink.parent;
        // Pads of the same element would form a loop (gst_pad_link_check_hierarchy: same parents).
        if (a != null && a == b) {
            return PadLinkReturn.WRONG_HIERARCHY;
        }
        if (a != null && b != null && a.getParent() != b.getParent()) {
            return PadLinkReturn.WRONG_HIERARCHY;
        }
        Caps srcCaps = queryCaps(null);
        Caps sinkCaps = sink.queryCaps(null);
        if (!srcCaps.canIntersect(sinkCaps)) {
            return PadLinkReturn.NOFORMAT;
        }
        return PadLinkReturn.OK;
    }

    /** Like {@link #link} but throws {@link PadLinkException} naming both pads and their caps. */
    public void linkOrThrow(Pad sink) {
        PadLinkReturn ret = link(sink);
        if (ret != PadLinkReturn.OK) {
            throw new PadLinkException(this, sink, ret);
        }
    }

    /** Unlinks this source pad from {@code sink} ({@code gst_pad_unlink}); false if not linked to it. */
    public boolean unlink(Pad sink) {
        synchronized (LINK_LOCK) {
            if (peer != sink || sink.peer != this) {
                return false;
            }
            peer = null;
            sink.peer = null;
        }
        LOG.debug("unlinked {} -> {}", this, sink);
        return true;
    }

    // ---------------------------------------------------------------- pushing data

    /**
     * Pushes a buffer to the peer and returns what downstream said ({@code gst_pad_push}).
     * Call from the streaming thread on a source pad.
     */
    public final FlowReturn push(Buffer buffer) {
        if (direction != PadDirection.SRC) {
            throw new IllegalStateException(this + ": push() is for source pads; this is a sink pad");
        }
        // Read the peer before the flags: link() marks sticky events pending before it publishes a
        // new peer, so a peer seen here is never one that still lacks them.
        Pad p = peer;
        int f = flags;
        // NEED_RECONFIGURE is only for sources to poll; it must not push every filter's pad off
        // the fast path.
        if ((f & (FLUSHING | EOS | PENDING_EVENTS)) != 0) {
            FlowReturn pre = checkBeforeData(f);
            if (pre != FlowReturn.OK) {
                return pre;
            }
            p = peer; // the sticky events went to the current peer: push to the same one
        }
        ProbeEntry[] ps = probes;
        if (ps.length != 0) {
            Object item = runProbes(ps, PadProbe.Type.BUFFER, buffer);
            if (item == null) {
                return isFlushing() ? FlowReturn.FLUSHING : FlowReturn.OK;
            }
            buffer = (Buffer) item;
        }
        if (p == null) {
            return FlowReturn.NOT_LINKED;
        }
        FlowReturn ret;
        if (Tracers.active) {
            Tracers.padPushPre(this, buffer);
            ret = p.chain(buffer);
            Tracers.padPushPost(this, ret);
        } else {
            ret = p.chain(buffer);
        }
        if (probes.length != 0) {
            runDeferredIdleProbes();
        }
        return ret;
    }

    private FlowReturn checkBeforeData(int f) {
        if ((f & FLUSHING) != 0) {
            return FlowReturn.FLUSHING;
        }
        if ((f & EOS) != 0) {
            return FlowReturn.EOS;
        }
        if ((f & PENDING_EVENTS) != 0) {
            return sendPendingStickyEvents();
        }
        return FlowReturn.OK;
    }

    /**
     * Delivers a buffer to this sink pad's chain function under the stream lock
     * ({@code gst_pad_chain}). Normally called by the peer's {@link #push}; tests and the
     * Harness may call it directly.
     */
    public final FlowReturn chain(Buffer buffer) {
        if (direction != PadDirection.SINK) {
            throw new IllegalStateException(this + ": chain() is for sink pads; this is a source pad");
        }
        streamLock.lock();
        try {
            int f = flags;
            if ((f & FLUSHING) != 0) {
                return FlowReturn.FLUSHING;
            }
            if ((f & EOS) != 0) {
                return FlowReturn.EOS;
            }
            if (!readyForData) {
                throw new IllegalStateException(missingStickyMessage());
            }
            ProbeEntry[] ps = probes;
            if (ps.length != 0) {
                Object item = runProbes(ps, PadProbe.Type.BUFFER, buffer);
                if (item == null) {
                    return isFlushing() ? FlowReturn.FLUSHING : FlowReturn.OK;
                }
                buffer = (Buffer) item;
            }
            ChainFunction fn = chainFunction;
            if (fn == null) {
                LOG.error("{}: received a buffer but has no chain function", this);
                return FlowReturn.NOT_SUPPORTED;
            }
            if (Tracers.active) {
                Tracers.padChainPre(this, buffer);
                FlowReturn ret = fn.chain(this, parent, buffer);
                Tracers.padChainPost(this, ret);
                return ret;
            }
            return fn.chain(this, parent, buffer);
        } finally {
            streamLock.unlock();
        }
    }

    private String missingStickyMessage() {
        List<String> missing = new ArrayList<>();
        synchronized (lock) {
            for (EventType t : List.of(EventType.STREAM_START, EventType.CAPS, EventType.SEGMENT)) {
                if (findSticky(t) == null) {
                    missing.add(t.name());
                }
            }
        }
        return this + ": received a buffer before " + String.join(", ", missing)
                + ": a stream must start with STREAM_START, CAPS and SEGMENT events (pushed by the upstream element)";
    }

    /**
     * Asks the peer source pad for data in pull mode ({@code gst_pad_pull_range}): {@code length}
     * bytes from {@code offset}. Throws {@link FlowException} with EOS past the end.
     */
    public final Buffer pullRange(long offset, int length) throws FlowException {
        if (direction != PadDirection.SINK) {
            throw new IllegalStateException(this + ": pullRange() is for sink pads");
        }
        if (mode != PadMode.PULL) {
            throw new FlowException(isFlushing() ? FlowReturn.FLUSHING : FlowReturn.NOT_SUPPORTED,
                    this + ": pullRange() needs the pad activated in PULL mode");
        }
        Pad p = peer;
        if (p == null) {
            throw new FlowException(FlowReturn.NOT_LINKED, this + " is not linked");
        }
        return p.getRange(offset, length);
    }

    /** Produces data from this source pad's getrange function ({@code gst_pad_get_range}). */
    public final Buffer getRange(long offset, int length) throws FlowException {
        if (isFlushing()) {
            throw new FlowException(FlowReturn.FLUSHING, this + " is flushing");
        }
        GetRangeFunction fn = getRangeFunction;
        if (fn == null) {
            throw new FlowException(FlowReturn.NOT_SUPPORTED, this + " has no getrange function: it cannot work in pull mode");
        }
        streamLock.lock();
        try {
            return fn.getRange(this, parent, offset, length);
        } finally {
            streamLock.unlock();
        }
    }

    // ---------------------------------------------------------------- events

    /**
     * Sends an event to the peer ({@code gst_pad_push_event}): downstream events from a source
     * pad, upstream events from a sink pad. Sticky events are first stored on this pad, so they
     * reach a peer linked later; for them the result is true even without a peer.
     */
    public final boolean pushEvent(Event event) {
        Objects.requireNonNull(event, "event");
        EventType type = event.type();
        boolean downstream = direction == PadDirection.SRC;
        if (downstream ? !type.isDownstream() : !type.isUpstream()) {
            LOG.warn("{}: cannot push {} {}: wrong direction", this, type.nick(), downstream ? "downstream" : "upstream");
            return false;
        }
        boolean ok;
        if (Tracers.active) {
            Tracers.padPushEventPre(this, event);
            ok = pushEventInternal(event, downstream, type);
            Tracers.padPushEventPost(this, ok);
        } else {
            ok = pushEventInternal(event, downstream, type);
        }
        return ok;
    }

    private boolean pushEventInternal(Event event, boolean downstream, EventType type) {
        if (type == EventType.FLUSH_START) {
            setFlag(FLUSHING, true);
            wakeBlockedProbes();
        } else if (type == EventType.FLUSH_STOP) {
            if (mode == PadMode.NONE) {
                return false; // an inactive pad stays flushing (gst_pad_push_event_unchecked: "inactive")
            }
            flushStopReset();
        } else if (isFlushing()) {
            return false;
        }
        if (downstream && type.isSticky()) {
            if (isEos() && type != EventType.STREAM_START) {
                LOG.debug("{}: refusing {} after EOS", this, type.nick());
                return false;
            }
            synchronized (lock) {
                storeSticky(event, false);
                flags |= PENDING_EVENTS;
            }
            FlowReturn ret = sendPendingStickyEvents();
            // As gst_pad_push_event: the event is stored, so failing to deliver it now is not this
            // call's failure; it resurfaces as the FlowReturn of the next push (NOT_NEGOTIATED for
            // refused caps). Only EOS, which no data follows, reports what happened to it.
            return type != EventType.EOS || ret == FlowReturn.OK;
        }
        if (downstream && type.isSerialized() && (flags & PENDING_EVENTS) != 0) {
            FlowReturn ret = sendPendingStickyEvents();
            if (ret != FlowReturn.OK) {
                return false;
            }
        }
        ProbeEntry[] ps = probes;
        // FLUSH_START/FLUSH_STOP pass blocking probes, as in sendEventFlow: FLUSH_START must reach
        // the peer to unblock it, and FLUSH_STOP must not block the application thread.
        if (ps.length != 0 && type != EventType.FLUSH_START && type != EventType.FLUSH_STOP) {
            Object item = runProbes(ps, downstream ? PadProbe.Type.EVENT_DOWNSTREAM : PadProbe.Type.EVENT_UPSTREAM, event);
            if (item == null) {
                return true;
            }
            event = (Event) item;
        }
        Pad p = peer;
        if (p == null) {
            return false;
        }
        return p.sendEventFlow(event) == FlowReturn.OK;
    }

    /**
     * Re-sends the sticky events the peer has not received, in order ({@code check_sticky}).
     * Returns NOT_LINKED without a peer (the events stay pending for a later link).
     */
    private FlowReturn sendPendingStickyEvents() {
        List<StickyEntry> pending = new ArrayList<>();
        synchronized (lock) {
            for (StickyEntry e : sticky) {
                if (!e.received) {
                    pending.add(e);
                }
            }
            if (pending.isEmpty()) {
                flags &= ~PENDING_EVENTS;
                return FlowReturn.OK;
            }
        }
        Pad p = peer;
        if (p == null) {
            return FlowReturn.NOT_LINKED;
        }
        for (StickyEntry e : pending) {
            FlowReturn ret = p.sendEventFlow(e.event);
            if (ret != FlowReturn.OK) {
                // EOS at the peer still counts as delivered for the EOS event itself.
                if (!(ret == FlowReturn.EOS && e.event.type() == EventType.EOS)) {
                    return ret;
                }
            }
            synchronized (lock) {
                e.received = true;
            }
        }
        synchronized (lock) {
            boolean all = sticky.stream().allMatch(s -> s.received);
            if (all) {
                flags &= ~PENDING_EVENTS;
            }
        }
        return FlowReturn.OK;
    }

    /**
     * Delivers an event to this pad's event function ({@code gst_pad_send_event}): the receiving
     * side of {@link #pushEvent}. Returns true if the event was handled.
     */
    public final boolean sendEvent(Event event) {
        return sendEventFlow(event) == FlowReturn.OK;
    }

    /** Like {@link #sendEvent} but says why an event was refused. */
    final FlowReturn sendEventFlow(Event event) {
        EventType type = event.type();
        boolean fromUpstream = direction == PadDirection.SINK;
        if (fromUpstream ? !type.isDownstream() : !type.isUpstream()) {
            LOG.warn("{}: got {} travelling the wrong way; dropped", this, type.nick());
            return FlowReturn.ERROR;
        }
        boolean serialized = fromUpstream && type.isSerialized();
        switch (type) {
            case FLUSH_START -> {
                setFlag(FLUSHING, true);
                wakeBlockedProbes();
            }
            case FLUSH_STOP -> {
                if (mode == PadMode.NONE) {
                    return FlowReturn.FLUSHING; // an inactive pad stays flushing
                }
                flushStopReset();
            }
            default -> {
                int f = flags;
                if ((f & FLUSHING) != 0) {
                    return FlowReturn.FLUSHING;
                }
                if (serialized && (f & EOS) != 0 && type != EventType.STREAM_START) {
                    return FlowReturn.EOS;
                }
            }
        }
        if (type == EventType.RECONFIGURE) {
            setFlag(NEED_RECONFIGURE, true);
        }
        if (serialized) {
            streamLock.lock();
        }
        try {
            if (type == EventType.CAPS && fromUpstream && !acceptsCapsEvent((Event.CapsEvent) event)) {
                return FlowReturn.NOT_NEGOTIATED;
            }
            ProbeEntry[] ps = probes;
            if (ps.length != 0 && type != EventType.FLUSH_START && type != EventType.FLUSH_STOP) {
                Object item = runProbes(ps, fromUpstream ? PadProbe.Type.EVENT_DOWNSTREAM : PadProbe.Type.EVENT_UPSTREAM, event);
                if (item == null) {
                    return FlowReturn.OK;
                }
                event = (Event) item;
            }
            EventFunction fn = eventFunction;
            boolean ok = fn != null ? fn.event(this, parent, event) : eventDefault(event);
            if (!ok) {
                return type == EventType.CAPS ? FlowReturn.NOT_NEGOTIATED : FlowReturn.ERROR;
            }
            if (fromUpstream && type.isSticky()) {
                synchronized (lock) {
                    storeSticky(event, true);
                }
            }
            return FlowReturn.OK;
        } finally {
            if (serialized) {
                streamLock.unlock();
            }
        }
    }

    private boolean acceptsCapsEvent(Event.CapsEvent caps) {
        boolean accepted = queryAcceptCaps(caps.caps());
        if (!accepted) {
            LOG.warn("{}: refused caps {}", this, caps.caps());
        }
        return accepted;
    }

    /**
     * The default event handling ({@code gst_pad_event_default}): forward the event to every pad
     * on the other side of the element. CAPS events are forwarded only by proxy-caps pads; other
     * elements answer CAPS by configuring themselves and pushing caps of their own.
     */
    public final boolean eventDefault(Event event) {
        if (event.type() == EventType.CAPS && !proxyCaps) {
            return true;
        }
        return forwardEvent(event);
    }

    /**
     * Pushes the event out of every internally linked pad; true if any push succeeded (or there
     * is no pad to push to), as {@code gst_pad_event_default}'s {@code event_forward_func} ORs the
     * results: one flushing or refusing branch of a tee does not fail the event for the others.
     */
    public final boolean forwardEvent(Event event) {
        Element el = parent;
        if (el == null) {
            return true;
        }
        boolean dispatched = false;
        boolean result = false;
        for (Pad other : el.internalLinks(this)) {
            dispatched = true;
            result |= other.pushEvent(event);
        }
        return !dispatched || result;
    }

    // ---------------------------------------------------------------- sticky events

    private static final class StickyEntry {
        Event event;
        boolean received;

        StickyEntry(Event event, boolean received) {
            this.event = event;
            this.received = received;
        }
    }

    /** Stores or replaces a sticky event (call with {@code lock} held), keeping GStreamer's order. */
    private void storeSticky(Event event, boolean received) {
        EventType type = event.type();
        if (type == EventType.STREAM_START) {
            sticky.removeIf(e -> e.event.type() == EventType.EOS || e.event.type() == EventType.TAG);
            flags &= ~EOS;
        }
        if (type == EventType.EOS) {
            flags |= EOS;
        }
        int insertAt = sticky.size();
        for (int i = 0; i < sticky.size(); i++) {
            StickyEntry e = sticky.get(i);
            if (sameStickySlot(e.event, event)) {
                e.event = event;
                e.received = received;
                updateReadyForData();
                return;
            }
            if (e.event.type().ordinal() > type.ordinal() && insertAt == sticky.size()) {
                insertAt = i;
            }
        }
        sticky.add(insertAt, new StickyEntry(event, received));
        updateReadyForData();
    }

    private static boolean sameStickySlot(Event a, Event b) {
        if (a.type() != b.type()) {
            return false;
        }
        if (a instanceof Event.CustomEvent ca && b instanceof Event.CustomEvent cb) {
            return ca.structure().name().equals(cb.structure().name());
        }
        return true;
    }

    private void updateReadyForData() {
        readyForData = findSticky(EventType.STREAM_START) != null && findSticky(EventType.CAPS) != null
                && findSticky(EventType.SEGMENT) != null;
    }

    private Event findSticky(EventType type) {
        for (StickyEntry e : sticky) {
            if (e.event.type() == type) {
                return e.event;
            }
        }
        return null;
    }

    /** The sticky event of this type stored on the pad, or null ({@code gst_pad_get_sticky_event}). */
    public Event getStickyEvent(EventType type) {
        synchronized (lock) {
            return findSticky(type);
        }
    }

    /** All sticky events stored on the pad, in order. */
    public List<Event> getStickyEvents() {
        synchronized (lock) {
            return sticky.stream().map(e -> e.event).toList();
        }
    }

    /** The caps of the CAPS event stored on the pad, or null ({@code gst_pad_get_current_caps}). */
    public Caps getCurrentCaps() {
        Event e = getStickyEvent(EventType.CAPS);
        return e == null ? null : ((Event.CapsEvent) e).caps();
    }

    /** The current segment of the pad, or null. */
    public Segment getCurrentSegment() {
        Event e = getStickyEvent(EventType.SEGMENT);
        return e == null ? null : ((Event.SegmentEvent) e).segment().copy();
    }

    /**
     * Sets the caps of this pad: pushes a CAPS event from a source pad, or delivers one to a sink
     * pad ({@code gst_pad_set_caps}). False if refused.
     */
    public boolean setCaps(Caps caps) {
        Event e = Event.caps(caps);
        return direction == PadDirection.SRC ? pushEvent(e) : sendEvent(e);
    }

    /** After FLUSH_STOP: accept data again, forget EOS and the segment (a new one must follow). */
    private void flushStopReset() {
        synchronized (lock) {
            sticky.removeIf(e -> e.event.type() == EventType.SEGMENT || e.event.type() == EventType.EOS);
            flags &= ~(FLUSHING | EOS);
            updateReadyForData();
        }
    }

    // ---------------------------------------------------------------- queries

    /**
     * Asks this pad a query ({@code gst_pad_query}): calls its query function, or
     * {@link #queryDefault} if it has none. True if answered.
     */
    public final boolean query(Query query) {
        Objects.requireNonNull(query, "query");
        ProbeEntry[] ps = probes;
        if (ps.length != 0) {
            PadProbe.Type kind = direction == PadDirection.SRC ? PadProbe.Type.QUERY_UPSTREAM : PadProbe.Type.QUERY_DOWNSTREAM;
            if (runProbes(ps, kind, query) == null) {
                return true;
            }
        }
        QueryFunction fn = queryFunction;
        if (Tracers.active) {
            Tracers.padQueryPre(this, query);
            boolean ok = fn != null ? fn.query(this, parent, query) : queryDefault(query);
            Tracers.padQueryPost(this, query, ok);
            return ok;
        }
        return fn != null ? fn.query(this, parent, query) : queryDefault(query);
    }

    /** Asks the peer pad ({@code gst_pad_peer_query}); false if unlinked. */
    public final boolean peerQuery(Query query) {
        Pad p = peer;
        return p != null && p.query(query);
    }

    /**
     * The default answers ({@code gst_pad_query_default}): CAPS and ACCEPT_CAPS from the template
     * (or, for proxy-caps pads, from the pads beyond the element); LATENCY combined over the
     * upstream paths; everything else forwarded to the pads on the other side of the element.
     */
    public final boolean queryDefault(Query query) {
        if (query instanceof Query.CapsQuery q) {
            q.setResult(defaultCaps(q.filter()));
            return true;
        }
        if (query instanceof Query.AcceptCapsQuery q) {
            q.setResult(defaultAcceptCaps(q.caps()));
            return true;
        }
        if (query instanceof Query.LatencyQuery q) {
            return defaultLatency(q);
        }
        Element el = parent;
        if (el == null) {
            return false;
        }
        for (Pad other : el.internalLinks(this)) {
            if (other.peerQuery(query)) {
                return true;
            }
        }
        return false;
    }

    private Caps defaultCaps(Caps filter) {
        Caps templ = getPadTemplateCaps();
        Caps result;
        Caps current = fixedCaps ? getCurrentCaps() : null;
        if (current != null) {
            result = current;
        } else if (proxyCaps) {
            result = templ;
            Element el = parent;
            if (el != null) {
                for (Pad other : el.internalLinks(this)) {
                    Caps peerCaps = other.peerQueryCaps(filter == null ? null : filter.intersect(other.getPadTemplateCaps()));
                    result = result.intersect(peerCaps);
                }
            }
        } else {
            result = templ;
        }
        return filter == null ? result : filter.intersect(result);
    }

    private boolean defaultAcceptCaps(Caps caps) {
        if (proxyCaps) {
            Element el = parent;
            if (el != null) {
                for (Pad other : el.internalLinks(this)) {
                    if (!other.peerQueryAcceptCaps(caps)) {
                        return false;
                    }
                }
            }
            return caps.isSubsetOf(getPadTemplateCaps()) || (acceptIntersect && caps.canIntersect(getPadTemplateCaps()));
        }
        Caps allowed = queryCaps(caps);
        return acceptIntersect ? caps.canIntersect(allowed) : caps.isSubsetOf(allowed);
    }

    private boolean defaultLatency(Query.LatencyQuery q) {
        Element el = parent;
        if (el == null) {
            return false;
        }
        List<Query.LatencyQuery> answers = new ArrayList<>();
        for (Pad other : el.internalLinks(this)) {
            Query.LatencyQuery sub = new Query.LatencyQuery();
            if (other.peerQuery(sub)) {
                answers.add(sub);
            }
        }
        if (answers.isEmpty()) {
            return false;
        }
        q.setCombined(answers);
        return true;
    }

    /** The caps this pad can handle now, narrowed by {@code filter} ({@code gst_pad_query_caps}). */
    public final Caps queryCaps(Caps filter) {
        Query.CapsQuery q = new Query.CapsQuery(filter);
        if (query(q) && q.result() != null) {
            return q.result();
        }
        return filter != null ? filter : Caps.ANY;
    }

    /** The caps the peer can handle ({@code gst_pad_peer_query_caps}); without a peer, the filter or ANY. */
    public final Caps peerQueryCaps(Caps filter) {
        Pad p = peer;
        if (p == null) {
            return filter != null ? filter : Caps.ANY;
        }
        return p.queryCaps(filter);
    }

    /** Whether this pad accepts {@code caps} ({@code gst_pad_query_accept_caps}). */
    public final boolean queryAcceptCaps(Caps caps) {
        Query.AcceptCapsQuery q = new Query.AcceptCapsQuery(caps);
        return query(q) && q.result();
    }

    /** Whether the peer accepts {@code caps}; true without a peer ({@code gst_pad_peer_query_accept_caps}). */
    public final boolean peerQueryAcceptCaps(Caps caps) {
        Pad p = peer;
        return p == null || p.queryAcceptCaps(caps);
    }

    /**
     * What both this pad and its peer can handle: this pad's caps used as a filter on the peer's
     * ({@code gst_pad_get_allowed_caps}); null without a peer.
     */
    public final Caps getAllowedCaps() {
        Pad p = peer;
        if (p == null) {
            return null;
        }
        return p.queryCaps(queryCaps(null));
    }

    /** The template's caps, or ANY for a pad without template ({@code gst_pad_get_pad_template_caps}). */
    public final Caps getPadTemplateCaps() {
        return template == null ? Caps.ANY : template.caps();
    }

    // ---------------------------------------------------------------- activation

    /**
     * Activates the pad in push mode, or deactivates it ({@code gst_pad_set_active}). Elements do
     * this for all their pads on READY↔PAUSED.
     */
    public final boolean setActive(boolean active) {
        if (active) {
            return mode != PadMode.NONE || activateMode(PadMode.PUSH, true);
        }
        return activateMode(mode, false);
    }

    /**
     * Activates or deactivates the pad in a scheduling mode ({@code gst_pad_activate_mode}).
     * Activating a sink pad in PULL mode first activates its peer source pad in PULL mode.
     *
     * <p>Deactivation sets the pad flushing (so nothing new enters), calls the activate-mode
     * function (where an element stops its task and wakes its waits), then takes the stream lock
     * once to be sure the streaming thread has left, and forgets the sticky events.
     */
    public final boolean activateMode(PadMode newMode, boolean active) {
        PadMode old = mode;
        if (active) {
            if (old == newMode) {
                return true;
            }
            if (old != PadMode.NONE && !activateMode(old, false)) {
                return false;
            }
            if (newMode == PadMode.PULL && direction == PadDirection.SINK) {
                Pad p = peer;
                if (p == null || !p.activateMode(PadMode.PULL, true)) {
                    LOG.warn("{}: cannot activate in pull mode: {}", this, p == null ? "not linked" : "peer refused");
                    return false;
                }
            }
            mode = newMode;
            setFlag(FLUSHING, false);
            ActivateModeFunction fn = activateModeFunction;
            if (fn != null && !fn.activateMode(this, parent, newMode, true)) {
                LOG.warn("{}: failed to activate in {} mode", this, newMode);
                deactivate(newMode);
                return false;
            }
            return true;
        }
        if (old == PadMode.NONE) {
            return true;
        }
        return deactivate(old);
    }

    private boolean deactivate(PadMode old) {
        setFlag(FLUSHING, true);
        wakeBlockedProbes();
        ActivateModeFunction fn = activateModeFunction;
        boolean ok = fn == null || fn.activateMode(this, parent, old, false);
        if (old == PadMode.PULL && direction == PadDirection.SINK) {
            Pad p = peer;
            if (p != null) {
                p.activateMode(PadMode.PULL, false);
            }
        }
        streamLock.lock(); // waits until the streaming thread has left the pad
        try {
            synchronized (lock) {
                mode = PadMode.NONE;
                sticky.clear();
                flags = (flags | FLUSHING) & ~(EOS | PENDING_EVENTS);
                readyForData = false;
            }
        } finally {
            streamLock.unlock();
        }
        return ok;
    }

    // ---------------------------------------------------------------- tasks

    /**
     * Starts (or resumes) a streaming thread that calls {@code function} in a loop with the stream
     * lock held ({@code gst_pad_start_task}). The thread is named {@code element:pad}.
     */
    public final void startTask(Runnable function) {
        synchronized (lock) {
            if (task == null) {
                task = new Task(toString(), function, streamLock);
            }
            task.start();
        }
    }

    /**
     * Pauses the task and waits until its current iteration ends ({@code gst_pad_pause_task}).
     * Unblock the task function first if it may be waiting (flush, unschedule).
     */
    public final void pauseTask() {
        Task t;
        synchronized (lock) {
            t = task;
            if (t == null) {
                return;
            }
            // Under the lock, as gst_pad_pause_task does: a concurrent stopTask() either sees
            // the pause and overrides it, or has already forgotten the task (no PAUSED after STOPPED).
            t.pause();
        }
        streamLock.lock();
        streamLock.unlock();
    }

    /**
     * Stops the task, waits for its thread to end, and forgets it ({@code gst_pad_stop_task}).
     * When called from the task's own thread it only stops it; the thread ends after the call.
     */
    public final void stopTask() {
        Task t;
        synchronized (lock) {
            t = task;
            task = null;
            if (t == null) {
                return;
            }
            t.stop(); // under the lock, paired with pauseTask()
        }
        if (t.isCurrentThread()) {
            return;
        }
        streamLock.lock();
        streamLock.unlock();
        t.join();
    }

    /** The pad's task, or null. */
    public final Task getTask() {
        synchronized (lock) {
            return task;
        }
    }

    // ---------------------------------------------------------------- probes

    private static final class ProbeEntry {
        final long id;
        final Set<PadProbe.Type> mask;
        final PadProbe callback;
        final boolean blocking;
        final boolean idle;
        volatile boolean idlePending;

        ProbeEntry(long id, Set<PadProbe.Type> mask, PadProbe callback) {
            this.id = id;
            this.mask = mask;
            this.callback = callback;
            this.blocking = mask.contains(PadProbe.Type.BLOCK) || mask.contains(PadProbe.Type.IDLE);
            this.idle = mask.contains(PadProbe.Type.IDLE);
        }

        boolean matches(PadProbe.Type kind) {
            boolean anyData = mask.stream().noneMatch(t -> t == PadProbe.Type.BUFFER || t == PadProbe.Type.EVENT_DOWNSTREAM
                    || t == PadProbe.Type.EVENT_UPSTREAM || t == PadProbe.Type.QUERY_DOWNSTREAM || t == PadProbe.Type.QUERY_UPSTREAM);
            return mask.contains(kind) || (anyData && kind != PadProbe.Type.QUERY_DOWNSTREAM && kind != PadProbe.Type.QUERY_UPSTREAM);
        }
    }

    /**
     * Installs a probe ({@code gst_pad_add_probe}) and returns its id. An IDLE probe is called
     * at once when no data is flowing through the pad (in this thread, with the stream locks
     * held so no data can flow meanwhile), else right after the current push, in the streaming
     * thread.
     */
    public final long addProbe(Set<PadProbe.Type> mask, PadProbe callback) {
        Objects.requireNonNull(callback, "callback");
        ProbeEntry entry = new ProbeEntry(PROBE_IDS.incrementAndGet(), EnumSet.copyOf(mask), callback);
        synchronized (lock) {
            ProbeEntry[] next = Arrays.copyOf(probes, probes.length + 1);
            next[next.length - 1] = entry;
            probes = next;
        }
        if (entry.idle) {
            entry.idlePending = true;
            runIdleProbeIfIdle(entry);
        }
        return entry.id;
    }

    /** Removes a probe; a thread blocked by it continues ({@code gst_pad_remove_probe}). */
    public final void removeProbe(long id) {
        synchronized (lock) {
            ProbeEntry[] cur = probes;
            probes = Arrays.stream(cur).filter(p -> p.id != id).toArray(ProbeEntry[]::new);
            lock.notifyAll();
        }
    }

    /** Whether the pad has a blocking probe installed and a thread waits at it ({@code gst_pad_is_blocking}). */
    public final boolean isBlocked() {
        synchronized (lock) {
            return blockedThreads > 0;
        }
    }

    private int blockedThreads;

    private void runIdleProbeIfIdle(ProbeEntry entry) {
        Pad p = direction == PadDirection.SRC ? peer : null;
        if (!streamLock.tryLock()) {
            return; // data is flowing: the streaming thread calls it after the push
        }
        try {
            if (p != null && !p.streamLock.tryLock()) {
                return;
            }
            try {
                callIdle(entry);
            } finally {
                if (p != null) {
                    p.streamLock.unlock();
                }
            }
        } finally {
            streamLock.unlock();
        }
    }

    private void runDeferredIdleProbes() {
        for (ProbeEntry e : probes) {
            if (e.idle && e.idlePending) {
                callIdle(e);
            }
        }
    }

    private void callIdle(ProbeEntry entry) {
        entry.idlePending = false;
        PadProbe.Return r = entry.callback.probe(this, new PadProbe.Info(entry.id, PadProbe.Type.IDLE, null));
        if (r == PadProbe.Return.REMOVE) {
            removeProbe(entry.id);
        }
    }

    /**
     * Runs the probes that match {@code kind}. Returns the (possibly replaced) item, or null if a
     * probe dropped or handled it, or the pad started flushing while blocked.
     */
    private Object runProbes(ProbeEntry[] ps, PadProbe.Type kind, Object item) {
        for (ProbeEntry p : ps) {
            if (!p.matches(kind)) {
                continue;
            }
            if (p.idle && p.idlePending) {
                callIdle(p);
                continue;
            }
            PadProbe.Info info = new PadProbe.Info(p.id, kind, item);
            PadProbe.Return r = p.callback.probe(this, info);
            item = info.data();
            switch (r) {
                case DROP, HANDLED -> {
                    return null;
                }
                case REMOVE -> removeProbe(p.id);
                case PASS -> {
                }
                case OK -> {
                    if (p.blocking && !blockWhileInstalled(p)) {
                        return null;
                    }
                }
            }
        }
        return item;
    }

    /** Waits while the probe stays installed; false if the pad started flushing. */
    private boolean blockWhileInstalled(ProbeEntry p) {
        synchronized (lock) {
            blockedThreads++;
            try {
                while (Arrays.asList(probes).contains(p)) {
                    if ((flags & FLUSHING) != 0) {
                        return false;
                    }
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return (flags & FLUSHING) == 0;
            } finally {
                blockedThreads--;
            }
        }
    }

    private void wakeBlockedProbes() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
