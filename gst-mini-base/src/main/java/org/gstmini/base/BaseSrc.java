package org.gstmini.base;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.SeekType;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.ClockId;
import org.gstmini.core.clock.ClockReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base class of source elements: it owns the source pad and its streaming thread, and
 * leaves a subclass only the few decisions that are really its own — how to open the resource
 * and how to make one buffer.
 *
 * <p>Mirrors {@code GstBaseSrc} (libs/gst/base/gstbasesrc.c). A subclass implements
 * {@link #createRange(long, int)} (GStreamer's {@code GstBaseSrcClass::create}) or, far more
 * often, extends {@link PushSrc} and implements {@code create()}; everything else has a
 * working default.
 *
 * <h2>The streaming loop</h2>
 * In push mode the source pad runs a {@link org.gstmini.core.Task} whose function is
 * {@code gst_base_src_loop()}. One iteration produces and pushes one buffer; the push runs the
 * whole pipeline downstream on this thread and its {@link FlowReturn} decides what happens next:
 *
 * <pre>
 *  task "fakesrc0:src"        (each iteration holds the pad's stream lock)
 *  │
 *  ├─ flushing?  ─────────────────────────────────────────────► pause (quietly)
 *  ├─ STREAM_START, once per activation     gst_base_src_send_stream_start()
 *  ├─ pad needs reconfigure? → negotiate()  gst_base_src_negotiate()
 *  │     getCaps ∩ downstream caps → fixate() → setCaps() → CAPS event
 *  ├─ getRange(offset, blocksize)           gst_base_src_get_range()
 *  │     live and PAUSED? wait for PLAYING  gst_base_src_wait_playing()
 *  │     num-buffers used up? ─────────────────────────────────► EOS
 *  │     createRange(offset, size)          GstBaseSrcClass::create  (PushSrc: create())
 *  │     timestamp / clock sync             gst_base_src_do_sync()
 *  ├─ SEGMENT if pending (start, seek)
 *  ├─ advance segment.position; DISCONT after a seek
 *  └─ src.push(buffer) ──► downstream chain functions … ──► FlowReturn
 *        OK          next iteration
 *        EOS         push EOS event, pause                ┐
 *        FLUSHING    pause (a seek or a state change)     ├ "pause:" in gst_base_src_loop()
 *        NOT_LINKED, NOT_NEGOTIATED, ERROR:               │
 *                    post ERROR "Internal data stream     │
 *                    error.", push EOS, pause             ┘
 * </pre>
 *
 * <h2>States</h2>
 * <ul>
 *   <li><b>READY→PAUSED</b> activates the pad: {@link #start()} opens the resource, then the
 *       task starts ({@code gst_base_src_start}, {@code gst_base_src_start_complete}). A failing
 *       {@code start()} fails the state change.</li>
 *   <li><b>PAUSED→READY</b> deactivates it: the pad goes flushing, {@link #unlock()} wakes a
 *       blocked {@code create}, the task is stopped and its thread joined, {@link #unlockStop()},
 *       then {@link #stop()} closes the resource ({@code gst_base_src_stop}). No thread is left.</li>
 *   <li>A <b>live</b> source ({@link #setLive(boolean)}: a camera, a microphone) produces only
 *       in PLAYING: READY→PAUSED and PLAYING→PAUSED return NO_PREROLL; in PAUSED its task waits
 *       in {@link #waitPlaying()}; PLAYING→PAUSED calls {@link #unlock()} so a blocked
 *       {@code create} returns at once ({@code gst_base_src_set_playing}).</li>
 * </ul>
 *
 * <h2>Hooks</h2>
 * {@link #start()}, {@link #stop()}, {@link #getCaps(Caps)}, {@link #fixate(Caps)},
 * {@link #setCaps(Caps)}, {@link #negotiate()}, {@link #isSeekable()},
 * {@link #prepareSeekSegment}, {@link #doSeek(Segment)}, {@link #getSize()},
 * {@link #getTimes(Buffer)}, {@link #unlock()}, {@link #unlockStop()}, {@link #getLatency()},
 * {@link #query(Query)}, {@link #event(Event)} and {@link #createRange(long, int)} — the
 * virtual methods of {@code GstBaseSrcClass}, with the same names where Java allows.
 *
 * <h2>Caps when the source can produce anything</h2>
 * When a source's caps are ANY (fakesrc), GStreamer skips negotiation and sends no CAPS event.
 * gst-mini's pads refuse data before STREAM_START, CAPS and SEGMENT, so BaseSrc must send
 * <em>some</em> caps. The rule (in {@link #negotiate()}): if downstream restricts the format,
 * the source takes downstream's caps and fixates them (what a capsfilter after a fakesrc would
 * impose in GStreamer anyway); if downstream takes anything too, it sends
 * {@link #UNKNOWN_CAPS} ({@code application/unknown}): bytes of no particular type.
 *
 * <h2>Threads and locks</h2>
 * As in gstbasesrc.c: the pad's stream lock is held by every loop iteration; the <em>live
 * lock</em> is held around {@code createRange} and released while waiting for PLAYING or for the
 * clock, so a flush or a state change can take it to know the streaming thread is out of
 * {@code create}; {@link #unlock()} is called <em>before</em> taking it.
 *
 * <p>The per-buffer path (the fast path) of a non-live source takes only those two locks —
 * the stream lock (by the task) and the live lock — and not the object lock:
 * <ul>
 *   <li>{@code live}, {@code started}, the latency and the properties read per buffer
 *       ({@code blocksize}, {@code do-timestamp}) are volatile fields, written under the object
 *       lock (or by the property setter) and read without it;</li>
 *   <li>the segment is written only under the object lock. The streaming thread keeps its own
 *       copy of the values it needs (a {@code SegmentView}, accessed with the live lock held)
 *       and reloads it under the object lock only when somebody else changed the segment:
 *       every such change increments {@code segmentCookie}, a volatile counter, so "nothing
 *       changed" costs one volatile read;</li>
 *   <li>the streaming thread's new {@code segment.position} goes to a volatile field,
 *       {@code streamPosition}, with a release store (no fence, no lock). Whoever reads the
 *       segment under the object lock first copies it in ({@code positioned()}); whoever sets
 *       the position under the object lock (start, a seek, a new segment) publishes it there —
 *       never while the streaming thread stores positions (the caller holds the stream lock, is
 *       the streaming thread, or no task runs), so no position is lost;</li>
 *   <li>events queued by {@link #sendEvent} are flagged by a volatile boolean, so the queue's
 *       lock is taken only when there is something in it;</li>
 *   <li>timestamps are set with one Buffer copy in {@code doSync}, whatever it changes.</li>
 * </ul>
 */
public abstract class BaseSrc extends Element {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.basesrc");
    private static final AtomicInteger GROUP_IDS = new AtomicInteger();
    /** {@link #streamPosition}, for storePosition's release store. */
    private static final VarHandle STREAM_POSITION;

    static {
        try {
            STREAM_POSITION = MethodHandles.lookup().findVarHandle(BaseSrc.class, "streamPosition", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The caps sent when neither the source nor downstream says anything about the format. */
    public static final Caps UNKNOWN_CAPS = Caps.parse("application/unknown");

    /** {@code GstBaseSrc:num-buffers}: read when the source starts. */
    public static final Property<Integer> NUM_BUFFERS = Property.ofInt("num-buffers",
            "Number of buffers to output before sending EOS (-1 = unlimited)", -1, Integer.MAX_VALUE, -1);
    /** {@code GstBaseSrc:blocksize} (a guint in GStreamer: here 0 to Integer.MAX_VALUE). */
    public static final Property<Integer> BLOCKSIZE = Property.ofInt("blocksize",
            "Size in bytes to read per buffer (-1 = default)", 0, Integer.MAX_VALUE, 4096)
            .mutableIn(Property.Mutability.PLAYING);
    /** {@code GstBaseSrc:do-timestamp}: setting it also switches the segment to TIME. */
    public static final Property<Boolean> DO_TIMESTAMP = Property.ofBoolean("do-timestamp",
            "Apply current stream time to buffers", false);

    /** {@code gst_base_src_query_latency}'s answer: live, minimum and maximum latency in ns. */
    public record Latency(boolean live, long min, long max) {
    }

    /**
     * When a buffer should be rendered, for a source that synchronises on the clock itself
     * ({@code GstBaseSrcClass::get_times}): start and end in running time, or NONE.
     */
    public record Times(long start, long end) {
        /** Do not wait on the clock. */
        public static final Times NONE = new Times(ClockTime.NONE, ClockTime.NONE);
    }

    /**
     * The segment's values as the streaming thread last saw them ({@code segmentCookie} says
     * whether they are still current). Accessed only with the live lock held: by the loop, or
     * by the puller's thread in pull mode.
     */
    private static final class SegmentView {
        int cookie = -1;
        Format format;
        double rate;
        long start;
        long stop;
        long time;
        long position;
        long duration;
        boolean automaticEos;

        /** Object lock held. */
        void load(Segment s, boolean automatic, int currentCookie) {
            cookie = currentCookie;
            format = s.getFormat();
            rate = s.getRate();
            start = s.getStart();
            stop = s.getStop();
            time = s.getTime();
            position = s.getPosition();
            duration = s.getDuration();
            automaticEos = automatic;
        }
    }

    private final Pad srcPad;

    /** The object lock ({@code GST_OBJECT_LOCK}): segment, flags, pending events. */
    private final Object lock = new Object();
    /** Guarded by the object lock; its position lags streamPosition (read it through positioned()). */
    private final Segment segment = new Segment(Format.BYTES);
    /**
     * Incremented, with the object lock held, by every change of {@link #segment} other than
     * the streaming thread's own position updates ({@link #segmentChanged()}).
     */
    private volatile int segmentCookie;
    /** segment.position as the streaming thread last stored it (see the class comment). */
    private volatile long streamPosition;
    /** The streaming thread's copy of the segment's values; live lock held. */
    private final SegmentView view = new SegmentView();
    // Flags written under the object lock, volatile so that the streaming thread reads them without it.
    private volatile boolean live;
    private volatile boolean started;
    private volatile boolean starting;
    private FlowReturn startResult = FlowReturn.FLUSHING;
    private boolean randomAccess;
    private boolean canActivatePush = true;
    private boolean automaticEos = true;
    private boolean dynamicSize;
    /** Startup latency; -1 asks the next buffer to measure it (priv->latency). */
    private volatile long latency;
    /** Measured with the first buffer after PLAYING (doSync); streaming state, live lock held. */
    private long tsOffset;
    private Event.SeekEvent pendingSeek;
    private final List<Event> pendingEvents = new ArrayList<>();
    /** Whether pendingEvents has anything; written under the object lock. */
    private volatile boolean hasPendingEvents;
    private Event pendingEos;

    /** The live lock ({@code GST_LIVE_LOCK}) and its condition ({@code GST_LIVE_WAIT}). */
    private final ReentrantLock liveLock = new ReentrantLock();
    private final Condition liveCond = liveLock.newCondition();
    private volatile boolean liveRunning;
    private volatile boolean flushing;
    private volatile boolean hasPendingEos;
    private volatile ClockId clockId;
    private volatile boolean streamStartPending;

    // Streaming-thread state (under the stream lock).
    private int numBuffersLeft = -1;
    private volatile boolean running;
    private boolean segmentPending;
    private int segmentSeqnum = Event.nextSeqnum();
    private boolean discont;
    private boolean forcedEos;
    private int seqnum = -1;
    /** The clock's answer to the last doSync (live lock held): doSync returns the buffer. */
    private ClockReturn syncResult = ClockReturn.OK;
    /** Why the last negotiation failed, for the ERROR message. */
    private String negotiationProblem;

    // Properties read for every buffer, cached by propertyChanged.
    private volatile int blocksize = BLOCKSIZE.defaultValue();
    private volatile boolean doTimestamp = DO_TIMESTAMP.defaultValue();

    /**
     * Creates the source pad "src" from {@code srcTemplate} (GStreamer reads the class's "src"
     * template; a Java factory is attached only after construction, so pass it here) and
     * installs {@code num-buffers}, {@code blocksize} and {@code do-timestamp}.
     */
    protected BaseSrc(PadTemplate srcTemplate) {
        Objects.requireNonNull(srcTemplate, "srcTemplate");
        if (srcTemplate.direction() != PadDirection.SRC) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": BaseSrc needs a SRC pad template, got "
                    + srcTemplate.direction() + " template '" + srcTemplate.nameTemplate() + "'");
        }
        installProperty(NUM_BUFFERS, BLOCKSIZE, DO_TIMESTAMP);
        setFlag(ElementFlag.SOURCE, true);
        srcPad = new Pad("src", srcTemplate);
        srcPad.setActivateModeFunction((pad, parent, mode, active) -> activateMode(mode, active));
        srcPad.setEventFunction((pad, parent, event) -> event(event));
        srcPad.setQueryFunction((pad, parent, query) -> query(query));
        srcPad.setGetRangeFunction((pad, parent, offset, length) -> padGetRange(offset, length));
        addPad(srcPad);
    }

    /** The source pad ({@code GST_BASE_SRC_PAD}). */
    public final Pad getSrcPad() {
        return srcPad;
    }

    // ================================================================ configuration

    /**
     * Makes this a live source, or not ({@code gst_base_src_set_live}): one that produces only
     * in PLAYING (READY→PAUSED returns NO_PREROLL) and stamps buffers with the running time.
     * GStreamer has no "is-live" property on BaseSrc; elements that want one (fakesrc,
     * videotestsrc) declare it and call this.
     */
    public final void setLive(boolean isLive) {
        synchronized (lock) {
            live = isLive;
        }
    }

    /**
     * The number of bytes to read per buffer, the {@code blocksize} property
     * ({@code gst_base_src_get_blocksize}); a volatile read, for {@code create} to call per buffer.
     */
    public final int getBlocksize() {
        return blocksize;
    }

    /** Whether the source is live ({@code gst_base_src_is_live}); a volatile read, no lock. */
    public final boolean isLive() {
        return live;
    }

    /**
     * Sets the format of the segment and of seeks ({@code gst_base_src_set_format}): BYTES by
     * default (file-like sources; also what allows pull mode), TIME for live, audio and video
     * sources. Only in NULL or READY.
     */
    public final void setFormat(Format format) {
        Objects.requireNonNull(format, "format");
        State s = getCurrentState();
        if (s == State.PAUSED || s == State.PLAYING) {
            throw new IllegalStateException(getName() + ": setFormat() is only allowed in NULL or READY, the element is "
                    + s.nick());
        }
        synchronized (lock) {
            segment.init(format);
            segmentReset();
        }
    }

    /** The format of the segment. */
    public final Format getFormat() {
        synchronized (lock) {
            return segment.getFormat();
        }
    }

    /** A copy of the current segment ({@code GstBaseSrc.segment}). */
    protected final Segment getSegment() {
        synchronized (lock) {
            return positioned().copy();
        }
    }

    /** Refuses or allows push-mode activation ({@code GstBaseSrc.can_activate_push}). */
    protected final void setCanActivatePush(boolean allowed) {
        synchronized (lock) {
            canActivatePush = allowed;
        }
    }

    /**
     * With {@code automaticEos} (the default) a BYTES source goes EOS when it reaches the size
     * {@link #getSize()} reports ({@code gst_base_src_set_automatic_eos}).
     */
    protected final void setAutomaticEos(boolean automatic) {
        synchronized (lock) {
            automaticEos = automatic;
            segmentChanged(); // part of the streaming thread's SegmentView
        }
    }

    /** Asks {@link #getSize()} before every read instead of only near the end ({@code gst_base_src_set_dynamic_size}). */
    protected final void setDynamicSize(boolean dynamic) {
        synchronized (lock) {
            dynamicSize = dynamic;
        }
    }

    /** Whether pull mode is possible: seekable and in BYTES ({@code gst_base_src_is_random_access}). */
    public final boolean isRandomAccess() {
        synchronized (lock) {
            if (started) {
                return randomAccess;
            }
        }
        return isSeekable() && getFormat() == Format.BYTES && allowsPullMode();
    }

    /** PushSrc says no here: its pad answers "push only" to the SCHEDULING question. */
    boolean allowsPullMode() {
        return true;
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == BLOCKSIZE) {
            blocksize = (Integer) value;
        } else if (property == DO_TIMESTAMP) {
            doTimestamp = (Boolean) value;
            if (doTimestamp) {
                // gst_base_src_set_do_timestamp: timestamps are running times, so the segment is TIME.
                synchronized (lock) {
                    if (segment.getFormat() != Format.TIME) {
                        segment.init(Format.TIME);
                        segmentReset();
                    }
                }
            }
        }
    }

    /**
     * Marks the segment as changed by someone else than the streaming thread, its position
     * excepted. Object lock held.
     */
    private void segmentChanged() {
        segmentCookie++; // only written with the object lock held: no lost increments
    }

    /**
     * Marks the segment as changed, its position included (init, a seek, a new segment), and
     * publishes that position as the streaming thread's. Object lock held, and never while the
     * streaming thread stores positions: the caller holds the stream lock, is the streaming
     * thread, or no task runs.
     */
    private void segmentReset() {
        streamPosition = segment.getPosition();
        segmentCookie++;
    }

    /** The segment, with the position the streaming thread last stored. Object lock held. */
    private Segment positioned() {
        segment.setPosition(streamPosition);
        return segment;
    }

    /**
     * The streaming thread's view of the segment, reloaded under the object lock if the
     * segment changed since it was last loaded. Live lock held.
     */
    private SegmentView segmentView() {
        SegmentView v = view;
        if (v.cookie != segmentCookie) {
            synchronized (lock) {
                v.load(positioned(), automaticEos, segmentCookie);
            }
        }
        return v;
    }

    /**
     * Stores the streaming thread's new position: in its view, and with a release store (no lock,
     * no fence) in {@link #streamPosition} for the others. Live lock held.
     */
    private void storePosition(long position) {
        SegmentView v = segmentView();
        if (v.position != position) {
            v.position = position;
            STREAM_POSITION.setRelease(this, position);
        }
    }

    // ================================================================ hooks (GstBaseSrcClass)

    /**
     * Opens the resource, on READY→PAUSED ({@code GstBaseSrcClass::start}). Return false on
     * failure after posting an ERROR that says why ({@link #postError}); the state change fails.
     */
    protected boolean start() {
        return true;
    }

    /** Closes the resource, on PAUSED→READY ({@code GstBaseSrcClass::stop}). */
    protected boolean stop() {
        return true;
    }

    /**
     * The caps this source can produce, narrowed by {@code filter} (null: no filter)
     * ({@code GstBaseSrcClass::get_caps}). The default is the pad template's caps.
     */
    protected Caps getCaps(Caps filter) {
        Caps templ = srcPad.getPadTemplateCaps();
        return filter == null ? templ : filter.intersect(templ, Caps.IntersectMode.FIRST);
    }

    /**
     * Picks one format out of {@code caps} ({@code GstBaseSrcClass::fixate}). The default is
     * {@link Caps#fixate()}: first structure, ranges to their minimum. Override to prefer, say,
     * a width near 320 with {@code Structure.fixateFieldNearestInt}, then call super.
     */
    protected Caps fixate(Caps caps) {
        return caps.fixate();
    }

    /**
     * Told the format that was agreed, before the CAPS event leaves ({@code GstBaseSrcClass::set_caps}).
     * Return false to refuse it.
     */
    protected boolean setCaps(Caps caps) {
        return true;
    }

    /**
     * Agrees on a format with downstream and sends it ({@code GstBaseSrcClass::negotiate},
     * default {@code gst_base_src_default_negotiate}): this pad's caps are used as a filter on
     * the peer's, the result is fixated and set with {@link #setSrcCaps}. Returns false if no
     * format works. See the class comment for the rule when this source's caps are ANY.
     */
    protected boolean negotiate() {
        negotiationProblem = null;
        Caps thiscaps = srcPad.queryCaps(null);
        if (thiscaps == null || thiscaps.isAny()) {
            return negotiateAny();
        }
        if (thiscaps.isEmpty()) {
            negotiationProblem = getName() + " offers no caps at all (EMPTY)";
            return false;
        }
        Caps peercaps = srcPad.peerQueryCaps(thiscaps);
        Caps caps = peercaps;
        if (caps == null || caps.isEmpty()) {
            negotiationProblem = "no common format: " + getName() + " offers " + thiscaps + " but downstream "
                    + describePeer() + " accepts " + srcPad.peerQueryCaps(null);
            return false;
        }
        if (caps.isAny()) {
            caps = thiscaps; // downstream ignored the filter and takes anything: our caps decide
        }
        return fixateAndSet(caps, thiscaps);
    }

    private boolean negotiateAny() {
        // GStreamer sends no caps here ("no negotiation needed"); gst-mini must send some.
        Caps peercaps = srcPad.peerQueryCaps(null);
        if (peercaps.isEmpty()) {
            negotiationProblem = "downstream " + describePeer() + " accepts no caps at all (EMPTY)";
            return false;
        }
        Caps caps = peercaps.isAny() ? UNKNOWN_CAPS : peercaps;
        return fixateAndSet(caps, Caps.ANY);
    }

    private boolean fixateAndSet(Caps caps, Caps offered) {
        Caps fixed = fixate(caps);
        if (fixed == null || !fixed.isFixed()) {
            negotiationProblem = getName() + ": fixate() did not give fixed caps for " + caps + " (got " + fixed + ")";
            return false;
        }
        if (!setSrcCaps(fixed)) {
            negotiationProblem = "could not set caps " + fixed + " (" + getName() + " offers " + offered
                    + ", downstream " + describePeer() + " accepts " + srcPad.peerQueryCaps(null) + ")";
            return false;
        }
        return true;
    }

    private String describePeer() {
        Pad peer = srcPad.getPeer();
        return peer == null ? "(not linked)" : peer.toString();
    }

    /** Whether seeks are possible ({@code GstBaseSrcClass::is_seekable}); also enables pull mode in BYTES. */
    protected boolean isSeekable() {
        return false;
    }

    /**
     * Turns a seek event into {@code segment}, in this source's format
     * ({@code GstBaseSrcClass::prepare_seek_segment}). The default handles seeks in the segment's
     * own format; gst-mini has no CONVERT query, so seeks in another format are refused.
     */
    protected boolean prepareSeekSegment(Event.SeekEvent seek, Segment segment) {
        if (seek.format() != segment.getFormat()) {
            LOG.debug("{}: cannot convert a seek in {} to {}", getName(), seek.format(), segment.getFormat());
            return false;
        }
        try {
            segment.doSeek(seek.rate(), seek.format(), seek.flags(), seek.startType(), seek.start(),
                    seek.stopType(), seek.stop());
            return true;
        } catch (IllegalArgumentException e) {
            LOG.debug("{}: seek refused: {}", getName(), e.getMessage());
            return false;
        }
    }

    /**
     * Moves the source to {@code segment.getPosition()} ({@code GstBaseSrcClass::do_seek}); called
     * with the streaming thread stopped. Set {@code segment.setTime(...)} to the stream time of
     * the new position. The default ({@code gst_base_src_default_do_seek}) handles BYTES
     * (stream time = start) and a seek to 0.
     */
    protected boolean doSeek(Segment segment) {
        if (segment.getFormat() == Format.BYTES) {
            segment.setTime(segment.getStart());
            return true;
        }
        if (segment.getStart() == 0) {
            segment.setTime(0);
            return true;
        }
        LOG.info("{}: can't do a default seek to {}", getName(), segment.getStart());
        return false;
    }

    /** The size of the resource in bytes, or -1 if unknown ({@code GstBaseSrcClass::get_size}); BYTES sources only. */
    protected long getSize() {
        return -1;
    }

    /**
     * When to push {@code buffer}, for sources that sync on the clock ({@code GstBaseSrcClass::get_times});
     * {@link Times#NONE} (the default) pushes at once.
     */
    protected Times getTimes(Buffer buffer) {
        return Times.NONE;
    }

    /**
     * Makes a blocked {@code createRange}/{@code create} return FLUSHING as soon as possible
     * ({@code GstBaseSrcClass::unlock}): unschedule a clock wait, close a socket, signal a
     * condition. Called from another thread on flushes, PAUSED→READY and, for live sources,
     * PLAYING→PAUSED. Until {@link #unlockStop()}, {@code create} must not block again.
     */
    protected boolean unlock() {
        return true;
    }

    /** Clears what {@link #unlock()} set ({@code GstBaseSrcClass::unlock_stop}). */
    protected boolean unlockStop() {
        return true;
    }

    /**
     * This source's latency ({@code gst_base_src_query_latency}, used by the default LATENCY
     * answer): live or not, and the startup latency (0 unless measured) as minimum and maximum.
     * A capture source overrides it with, e.g., one frame duration.
     */
    protected Latency getLatency() {
        long min = Math.max(latency, 0);
        return new Latency(live, min, min);
    }

    /**
     * Produces {@code length} bytes at {@code offset} ({@code GstBaseSrcClass::create}); offset
     * is -1 and length the blocksize when the format is not BYTES. Return the buffer, or throw
     * {@link FlowException} with EOS at the end, FLUSHING when {@link #unlock()}ed, ERROR (after
     * posting an ERROR message) on failure. The default allocates {@code length} bytes and lets
     * {@link #fill(long, java.nio.ByteBuffer)} write them ({@code gst_base_src_default_create}).
     */
    protected Buffer createRange(long offset, int length) throws FlowException {
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(Math.max(0, length));
        if (length > 0) {
            fill(offset, data);
        }
        data.position(0);
        return Buffer.of(data);
    }

    /**
     * Writes the data of one buffer into {@code data} ({@code GstBaseSrcClass::fill}): its
     * capacity is the length asked for; write from index 0 and, for fewer bytes, set
     * {@code data.limit(n)}. Throws NOT_SUPPORTED unless overridden.
     */
    protected void fill(long offset, java.nio.ByteBuffer data) throws FlowException {
        throw new FlowException(FlowReturn.NOT_SUPPORTED, getName() + " implements neither createRange() nor fill()");
    }

    /**
     * Handles an event that reached the source pad from downstream ({@code GstBaseSrcClass::event},
     * default {@code gst_base_src_default_event}): SEEK (if {@link #isSeekable()}), FLUSH_START
     * and FLUSH_STOP, QOS, RECONFIGURE and LATENCY. Returns false for the rest.
     */
    protected boolean event(Event event) {
        switch (event.type()) {
            case SEEK -> {
                if (!isSeekable()) {
                    LOG.debug("{}: is not seekable", getName());
                    return false;
                }
                return performSeek((Event.SeekEvent) event, true);
            }
            case FLUSH_START -> {
                setFlushing(true, false, null);
                return true;
            }
            case FLUSH_STOP -> {
                setFlushing(false, true, null);
                return true;
            }
            case QOS, RECONFIGURE, LATENCY -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Answers a query asked of the source pad ({@code GstBaseSrcClass::query}, default
     * {@code gst_base_src_default_query}; also {@code gst_element_query} on this element):
     * CAPS from {@link #getCaps}, LATENCY from {@link #getLatency()}, POSITION and DURATION in
     * the segment's format (or PERCENT), SEEKING; anything else the pad's default way.
     */
    @Override
    public boolean query(Query query) {
        if (query instanceof Query.CapsQuery q) {
            Caps caps = getCaps(q.filter());
            if (caps == null) {
                return false;
            }
            q.setResult(caps);
            return true;
        }
        if (query instanceof Query.LatencyQuery q) {
            Latency l = getLatency();
            q.set(l.live(), l.min(), l.max());
            return true;
        }
        if (query instanceof Query.PositionQuery q) {
            return answerPosition(q);
        }
        if (query instanceof Query.DurationQuery q) {
            return answerDuration(q);
        }
        if (query instanceof Query.SeekingQuery q) {
            long duration;
            Format format;
            synchronized (lock) {
                duration = segment.getDuration();
                format = segment.getFormat();
            }
            if (q.format() != format) {
                return false; // as GStreamer: no answer helps players fall back to the duration
            }
            q.set(isSeekable(), 0, duration);
            return true;
        }
        return srcPad.queryDefault(query);
    }

    private boolean answerPosition(Query.PositionQuery q) {
        long position;
        long duration;
        Format format;
        synchronized (lock) {
            format = segment.getFormat();
            position = positioned().getPosition();
            duration = segment.getDuration();
            if (q.format() != Format.PERCENT && q.format() == format && position != ClockTime.NONE) {
                position = segment.toStreamTime(format, position);
            }
        }
        if (q.format() == Format.PERCENT) {
            long percent;
            if (position != ClockTime.NONE && duration != ClockTime.NONE && duration > 0) {
                percent = position < duration ? Math.round(1_000_000.0 * position / duration) : 1_000_000;
            } else {
                percent = -1;
            }
            q.setPosition(percent);
            return true;
        }
        if (q.format() != format) {
            return false; // no CONVERT query in gst-mini
        }
        q.setPosition(position);
        return true;
    }

    private boolean answerDuration(Query.DurationQuery q) {
        if (q.format() == Format.PERCENT) {
            q.setDuration(1_000_000);
            return true;
        }
        boolean dynamic;
        SegmentView snapshot = new SegmentView(); // this thread's own: the streaming thread's is under the live lock
        synchronized (lock) {
            dynamic = dynamicSize;
            snapshot.load(positioned(), automaticEos, segmentCookie);
        }
        try {
            updateLength(snapshot, 0, 0, dynamic);
        } catch (FlowException ignored) {
            // at or past the end: the duration is still what we know
        }
        long duration;
        Format format;
        synchronized (lock) {
            duration = segment.getDuration();
            format = segment.getFormat();
        }
        if (duration != ClockTime.NONE && q.format() != format) {
            return false;
        }
        q.setDuration(duration);
        return true;
    }

    // ================================================================ public functions

    /**
     * Sends new caps downstream ({@code gst_base_src_set_caps}): STREAM_START first if still
     * due, nothing if the caps equal the current ones, else {@link #setCaps(Caps)} and a CAPS
     * event. Subclasses call this to change format mid-stream.
     */
    public final boolean setSrcCaps(Caps caps) {
        Objects.requireNonNull(caps, "caps");
        if (!caps.isFixed()) {
            LOG.warn("{}: cannot set caps that are not fixed: {}", getName(), caps);
            return false;
        }
        sendStreamStart();
        Caps current = srcPad.getCurrentCaps();
        if (current != null && current.isEqualTo(caps)) {
            return true;
        }
        return setCaps(caps) && srcPad.pushEvent(Event.caps(caps));
    }

    /**
     * Waits until the element is PLAYING ({@code gst_base_src_wait_playing}). For a live
     * {@code create} that was interrupted by PLAYING→PAUSED: call it, then go on producing.
     * Returns OK when PLAYING, FLUSHING when the source is being flushed or stopped. Call only
     * from {@code create} (which holds the live lock).
     */
    protected final FlowReturn waitPlaying() {
        if (!liveLock.isHeldByCurrentThread()) {
            throw new IllegalStateException(getName() + ": waitPlaying() must be called from create(), in the streaming thread");
        }
        do {
            LOG.debug("{}: live source waiting for running state", getName());
            liveCond.awaitUninterruptibly();
            if (flushing) {
                return FlowReturn.FLUSHING;
            }
        } while (!liveRunning);
        return FlowReturn.OK;
    }

    /**
     * Starts a new segment that continues the running time seamlessly, from {@code create}
     * ({@code gst_base_src_new_seamless_segment}); it goes out before the next buffer.
     */
    protected final boolean newSeamlessSegment(long start, long stop, long time) {
        synchronized (lock) {
            Segment seg = positioned();
            seg.setBase(seg.toRunningTime(seg.getFormat(), seg.getPosition()));
            seg.setStart(start);
            seg.setPosition(start);
            seg.setStop(stop);
            seg.setTime(time);
            segmentReset();
        }
        segmentPending = true;
        segmentSeqnum = Event.nextSeqnum();
        discont = true;
        running = true;
        return true;
    }

    /**
     * Handles an event sent to this element by the application ({@code gst_base_src_send_event}):
     * SEEK runs at once if streaming in push mode (else it is kept for the start), EOS makes the
     * streaming thread end the stream after the current buffer (the way to stop a live
     * recording cleanly), FLUSH_START/FLUSH_STOP flush, TAG and CUSTOM events are inserted in
     * the data flow before the next buffer.
     */
    @Override
    public boolean sendEvent(Event event) {
        switch (event.type()) {
            case FLUSH_START -> {
                boolean result = srcPad.pushEvent(event);
                unlock();
                liveLock.lock();
                try {
                    flushing = true;
                    clearPendingEos();
                    unlockStop();
                    ClockId id = clockId;
                    if (id != null) {
                        id.unschedule();
                    }
                    liveCond.signalAll();
                } finally {
                    liveLock.unlock();
                }
                return result;
            }
            case FLUSH_STOP -> {
                liveLock.lock();
                try {
                    segmentPending = true;
                    flushing = false;
                    boolean result = srcPad.pushEvent(event);
                    boolean start = srcPad.getMode() == PadMode.PUSH && (!isLive() || liveRunning);
                    if (start) {
                        srcPad.startTask(this::loop);
                    }
                    return result;
                } finally {
                    liveLock.unlock();
                }
            }
            case EOS -> {
                synchronized (lock) {
                    pendingEos = event;
                    hasPendingEos = true;
                }
                LOG.debug("{}: EOS marked, calling unlock", getName());
                unlock();
                liveLock.lock();
                try {
                    unlockStop();
                } finally {
                    liveLock.unlock();
                }
                return true;
            }
            case TAG, CUSTOM_DOWNSTREAM, CUSTOM_BOTH -> {
                synchronized (lock) {
                    pendingEvents.add(event);
                    hasPendingEvents = true;
                }
                return true;
            }
            case CUSTOM_DOWNSTREAM_OOB, CUSTOM_BOTH_OOB -> {
                return srcPad.pushEvent(event);
            }
            case SEEK -> {
                PadMode mode = srcPad.getMode();
                if (mode == PadMode.PULL) {
                    LOG.debug("{}: cannot perform a seek when operating in pull mode", getName());
                    return false;
                }
                if (mode == PadMode.PUSH) {
                    if (!isSeekable()) {
                        LOG.debug("{}: is not seekable", getName());
                        return false;
                    }
                    return performSeek((Event.SeekEvent) event, true);
                }
                synchronized (lock) {
                    pendingSeek = (Event.SeekEvent) event; // done when the source starts
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    // ================================================================ state changes

    /** {@code gst_base_src_change_state}: NO_PREROLL for live sources, PLAYING starts them. */
    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        boolean noPreroll = false;
        switch (transition) {
            case READY_TO_PAUSED -> noPreroll = isLive();
            case PAUSED_TO_PLAYING -> {
                if (isLive()) {
                    setPlaying(true);
                }
            }
            default -> {
            }
        }
        StateChangeReturn result = super.changeState(transition);
        if (result == StateChangeReturn.FAILURE) {
            return result;
        }
        switch (transition) {
            case PLAYING_TO_PAUSED -> {
                if (isLive()) {
                    setPlaying(false); // block in the live lock while PAUSED
                    noPreroll = true;
                }
            }
            case PAUSED_TO_READY -> {
                synchronized (lock) {
                    clearPendingEos();
                    pendingSeek = null;
                }
            }
            default -> {
            }
        }
        if (noPreroll && result == StateChangeReturn.SUCCESS) {
            result = StateChangeReturn.NO_PREROLL;
        }
        return result;
    }

    /** {@code gst_base_src_activate_mode}. */
    private boolean activateMode(PadMode mode, boolean active) {
        streamStartPending = false;
        return switch (mode) {
            case PULL -> active ? startSource() : stopSource();
            case PUSH -> {
                streamStartPending = active;
                if (active) {
                    boolean allowed;
                    synchronized (lock) {
                        allowed = canActivatePush;
                    }
                    if (!allowed) {
                        LOG.warn("{}: push-mode activation is disabled", getName());
                        yield false;
                    }
                    yield startSource();
                }
                yield stopSource();
            }
            default -> false;
        };
    }

    /** {@code gst_base_src_start}: resets the stream state, calls {@link #start()}, then completes. */
    private boolean startSource() {
        liveLock.lock();
        try {
            synchronized (lock) {
                if (starting || started) {
                    return true;
                }
                startResult = FlowReturn.FLUSHING;
                starting = true;
                segment.init(segment.getFormat());
                segmentReset();
            }
            numBuffersLeft = get(NUM_BUFFERS);
            running = false;
            segmentPending = false;
            segmentSeqnum = Event.nextSeqnum();
            forcedEos = false;
        } finally {
            liveLock.unlock();
        }
        boolean ok;
        try {
            ok = start();
        } catch (RuntimeException e) {
            LOG.error("{}: start() threw", getName(), e);
            ok = false;
        }
        if (!ok) {
            // The subclass should have posted an ERROR; this one is GStreamer's fallback.
            postError(ErrorCode.CORE_STATE_CHANGE, null, "Failed to start");
            startComplete(FlowReturn.ERROR);
            return false;
        }
        startComplete(FlowReturn.OK);
        synchronized (lock) {
            return startResult == FlowReturn.OK;
        }
    }

    /**
     * {@code gst_base_src_start_complete}: learns size and seekability, stops flushing, and in
     * push mode starts the task through an initial (or the pending) seek.
     */
    private void startComplete(FlowReturn ret) {
        if (ret != FlowReturn.OK) {
            finishStart(ret);
            return;
        }
        Format format = getFormat();
        if (format == Format.BYTES) {
            long size = getSize();
            synchronized (lock) {
                segment.setDuration(size < 0 ? ClockTime.NONE : size);
                segmentChanged();
            }
        }
        boolean seekable = isSeekable();
        synchronized (lock) {
            randomAccess = seekable && format == Format.BYTES && allowsPullMode();
        }
        setFlushing(false, false, null);
        srcPad.markReconfigure();
        PadMode mode = srcPad.getMode();
        String failure = null;
        ReentrantLock streamLock = srcPad.getStreamLock();
        streamLock.lock();
        try {
            switch (mode) {
                case PUSH -> {
                    Event.SeekEvent seek;
                    synchronized (lock) {
                        seek = pendingSeek;
                        pendingSeek = null;
                    }
                    if (seek != null && !isSeekable()) {
                        LOG.warn("{}: dropping a seek sent before start: the source is not seekable", getName());
                        seek = null;
                    }
                    if (!performSeek(seek, false)) {
                        failure = "failed to perform the initial seek";
                    }
                }
                case PULL -> {
                    boolean ra;
                    synchronized (lock) {
                        ra = randomAccess;
                    }
                    if (!ra) {
                        failure = "cannot operate in pull mode (not seekable, or not in BYTES format)";
                    }
                }
                default -> failure = "pad not activated yet";
            }
            if (failure == null) {
                synchronized (lock) {
                    started = true;
                    starting = false;
                    startResult = FlowReturn.OK;
                }
            }
        } finally {
            streamLock.unlock();
        }
        if (failure != null) {
            LOG.warn("{}: {}", getName(), failure);
            stopSource();
            finishStart(FlowReturn.ERROR);
        }
    }

    private void finishStart(FlowReturn ret) {
        synchronized (lock) {
            startResult = ret;
            starting = false;
        }
    }

    /** {@code gst_base_src_stop}: flush, stop and join the task, then {@link #stop()}. */
    private boolean stopSource() {
        LOG.debug("{}: stopping source", getName());
        setFlushing(true, false, null);
        srcPad.stopTask();
        synchronized (lock) {
            if (!started && !starting) {
                return true;
            }
            started = false;
            starting = false;
            startResult = FlowReturn.FLUSHING;
        }
        try {
            return stop();
        } catch (RuntimeException e) {
            LOG.error("{}: stop() threw", getName(), e);
            return false;
        }
    }

    /**
     * {@code gst_base_src_set_flushing}: flushing unlocks the subclass, then under the live lock
     * releases a live wait, unschedules a clock wait and calls {@link #unlockStop()}.
     */
    private void setFlushing(boolean flush, boolean livePlay, boolean[] playing) {
        if (flush) {
            unlock();
        }
        liveLock.lock();
        try {
            if (playing != null) {
                playing[0] = liveRunning;
            }
            flushing = flush;
            if (flush) {
                liveRunning = true; // so a task waiting for PLAYING wakes up and sees the flush
                synchronized (lock) {
                    clearPendingEos();
                }
                forcedEos = false;
                unlockStop();
                ClockId id = clockId;
                if (id != null) {
                    id.unschedule();
                }
            } else {
                liveRunning = livePlay;
                synchronized (lock) {
                    pendingEvents.clear();
                    hasPendingEvents = false;
                }
            }
            liveCond.signalAll();
        } finally {
            liveLock.unlock();
        }
    }

    /** {@code gst_base_src_set_playing}: lets a live source run, or makes it wait in PAUSED. */
    private void setPlaying(boolean livePlay) {
        if (!livePlay) {
            unlock(); // a create() blocked on its device returns now
        }
        liveLock.lock();
        try {
            ClockId id = clockId;
            if (id != null) {
                id.unschedule();
            }
            liveRunning = livePlay;
            if (livePlay) {
                unlockStop();
                synchronized (lock) {
                    latency = -1; // re-measure the timestamp offset
                }
                if (srcPad.getMode() == PadMode.PUSH) {
                    srcPad.startTask(this::loop);
                }
                liveCond.signalAll();
            }
        } finally {
            liveLock.unlock();
        }
    }

    private void clearPendingEos() {
        hasPendingEos = false;
        pendingEos = null;
    }

    // ================================================================ seeking

    /**
     * {@code gst_base_src_perform_seek}. A flushing seek sends FLUSH_START (which makes the
     * streaming thread's push return FLUSHING, so it pauses), unlocks the subclass, takes the
     * stream lock, updates a copy of the segment, calls {@link #doSeek}, sends FLUSH_STOP, and
     * restarts the task with a SEGMENT carrying the seek's seqnum pending. A non-flushing seek
     * only pauses the task first. With {@code seek == null} it (re)starts the current segment.
     */
    private boolean performSeek(Event.SeekEvent seek, boolean unlockSubclass) {
        Format destFormat = getFormat();
        Segment seekSegment = null;
        boolean configured = false;
        boolean flush;
        int seekSeqnum;
        if (seek != null) {
            boolean relative = isRelative(seek.startType()) || isRelative(seek.stopType());
            if (destFormat != seek.format() && !relative) {
                seekSegment = new Segment(destFormat);
                if (!prepareSeekSegment(seek, seekSegment)) {
                    LOG.debug("{}: preparing the seek failed before flushing, seek aborted", getName());
                    return false;
                }
                configured = true;
            }
            flush = seek.isFlushing();
            seekSeqnum = seek.seqnum();
        } else {
            flush = false;
            seekSeqnum = Event.nextSeqnum();
        }

        if (flush) {
            srcPad.pushEvent(Event.flushStart().withSeqnum(seekSeqnum));
        } else {
            srcPad.pauseTask();
        }
        boolean[] playing = {false};
        if (unlockSubclass) {
            setFlushing(true, false, playing);
        }
        ReentrantLock streamLock = srcPad.getStreamLock();
        streamLock.lock(); // the task is paused, or stopped, or its push came back FLUSHING
        try {
            if (seqnum == seekSeqnum) {
                LOG.warn("{}: duplicate seek event with seqnum {}", getName(), seekSeqnum);
            } else {
                seqnum = seekSeqnum;
            }
            if (unlockSubclass) {
                setFlushing(false, playing[0], null);
            }
            boolean res = true;
            if (!configured) {
                seekSegment = getSegment();
                if (seek != null) {
                    res = prepareSeekSegment(seek, seekSegment);
                }
            }
            if (res) {
                res = doSeek(seekSegment);
            }
            if (flush) {
                srcPad.pushEvent(Event.flushStop(true).withSeqnum(seekSeqnum));
            }
            if (res && seekSegment.getFormat() != destFormat) {
                LOG.debug("{}: the seek segment is not in {}, seek aborted", getName(), destFormat);
                res = false;
            }
            if (res) {
                synchronized (lock) {
                    segment.copyFrom(seekSegment);
                    segmentReset();
                }
                segmentPending = true;
                segmentSeqnum = seekSeqnum;
            }
            discont = true;
            running = true;
            // Restart the task: it paused itself on the FLUSHING, or was paused above.
            srcPad.startTask(this::loop);
            return res;
        } finally {
            streamLock.unlock();
        }
    }

    private static boolean isRelative(SeekType t) {
        return t != SeekType.NONE && t != SeekType.SET;
    }

    // ================================================================ producing data

    /** The pad's getrange function, for pull mode ({@code gst_base_src_getrange}). */
    private Buffer padGetRange(long offset, int length) throws FlowException {
        liveLock.lock();
        try {
            if (flushing) {
                throw new FlowException(FlowReturn.FLUSHING, getName() + " is flushing");
            }
            return getRange(offset, length);
        } finally {
            liveLock.unlock();
        }
    }

    /**
     * {@code gst_base_src_update_length}: for BYTES, clips {@code length} to the size (and
     * segment stop) and throws EOS at or past the end. Reads the segment's values from
     * {@code v}; stores a new duration in the segment (and in {@code v}) only when it changed.
     */
    private int updateLength(SegmentView v, long offset, int length, boolean force) throws FlowException {
        if (v.format != Format.BYTES) {
            return length;
        }
        long stop = v.stop;
        long size = v.duration;
        boolean auto = v.automaticEos;
        long maxsize = maxSize(auto, stop, size);
        if (maxsize != -1 && (offset >= maxsize || offset + length >= maxsize || force)) {
            size = getSize();
            if (size < 0) {
                size = -1;
            }
            maxsize = maxSize(auto, stop, size);
            if (maxsize != -1) {
                if (offset >= maxsize) {
                    throw new FlowException(FlowReturn.EOS, getName() + ": offset " + offset + " is at or past the end ("
                            + maxsize + ")");
                }
                if (offset + length >= maxsize) {
                    length = (int) (maxsize - offset);
                }
            }
        }
        if (size != v.duration) {
            synchronized (lock) {
                segment.setDuration(size);
                segmentChanged();
            }
            v.duration = size;
        }
        return length;
    }

    private static long maxSize(boolean automatic, long stop, long size) {
        if (!automatic) {
            return stop;
        }
        if (stop != -1) {
            return size != -1 ? Math.min(size, stop) : stop;
        }
        return size;
    }

    /**
     * {@code gst_base_src_get_range}, with the live lock held: waits for PLAYING if live, counts
     * {@code num-buffers}, calls {@link #createRange}, timestamps and syncs.
     */
    private Buffer getRange(long offset, int length) throws FlowException {
        while (true) {
            if (live && !liveRunning) {
                FlowReturn r = waitPlaying();
                if (r != FlowReturn.OK) {
                    throw new FlowException(r, getName() + ": stopped while waiting for PLAYING");
                }
            }
            if (!started && !starting) {
                throw new FlowException(FlowReturn.FLUSHING, getName() + ": getrange but not started");
            }
            SegmentView v = segmentView();
            length = updateLength(v, offset, length, false);
            if (v.format == Format.BYTES) {
                storePosition(offset);
            }
            if (numBuffersLeft >= 0) {
                if (numBuffersLeft == 0) {
                    throw new FlowException(FlowReturn.EOS, getName() + ": sent all buffers");
                }
                numBuffersLeft--;
            }
            if (hasPendingEos) {
                forcedEos = true;
                throw new FlowException(FlowReturn.EOS, getName() + ": EOS was requested");
            }
            Buffer buf;
            FlowException failed = null;
            try {
                buf = createRange(offset, length);
            } catch (FlowException e) {
                buf = null;
                failed = e;
            } catch (RuntimeException e) {
                LOG.error("{}: create threw", getName(), e);
                postError(ErrorCode.STREAM_FAILED, "Internal data stream error.",
                        getName() + ": create threw " + e);
                throw new FlowException(FlowReturn.ERROR, getName() + ": create threw " + e);
            }
            if (hasPendingEos) {
                // create may have been unlocked for the EOS: drop whatever it returned
                forcedEos = true;
                throw new FlowException(FlowReturn.EOS, getName() + ": EOS was requested");
            }
            if (failed != null) {
                throw failed;
            }
            if (buf == null) {
                postError(ErrorCode.STREAM_FAILED, "Internal data flow error.", getName() + ": element returned NULL buffer");
                throw new FlowException(FlowReturn.ERROR, getName() + " returned a null buffer");
            }
            // segmentView() again: create may have started a new segment (newSeamlessSegment)
            // no timestamp and at offset 0: it starts at 0 (DTS 0, set by doSync)
            boolean startsAtZero = offset == 0 && buf.dts() == ClockTime.NONE && !live && segmentView().time == 0;
            buf = doSync(buf, startsAtZero);
            ClockReturn synced = syncResult;
            if (flushing) {
                throw new FlowException(FlowReturn.FLUSHING, getName() + " is flushing");
            }
            switch (synced) {
                case OK, EARLY -> {
                    return buf;
                }
                case UNSCHEDULED -> {
                    if (!liveRunning) {
                        throw new FlowException(FlowReturn.FLUSHING, getName() + ": clock wait unscheduled");
                    }
                    // paused and played again quickly: make a new buffer
                }
                default -> {
                    postError(ErrorCode.CORE_CLOCK, "Internal clock error.",
                            "clock returned unexpected return value " + synced);
                    throw new FlowException(FlowReturn.ERROR, getName() + ": clock error " + synced);
                }
            }
        }
    }

    /**
     * {@code gst_base_src_do_sync}: gives timestamps (do-timestamp, live start), and waits on
     * the clock when {@link #getTimes} asks for it. Called with the live lock held. Returns the
     * buffer with its timestamps — one copy at most, whatever changed — and leaves the clock's
     * answer in {@link #syncResult}.
     *
     * <p>{@code startsAtZero} is {@code gst_base_src_get_range}'s "first buffer gets DTS 0",
     * done here so that it is part of the same copy: {@link #getTimes} still sees the buffer with
     * DTS 0, as in GStreamer, through a view made for that call alone, while the pushed buffer
     * is made from {@code created} once. No variable holds the view: when the JIT inlines
     * {@code getTimes} (one source class in the process), escape analysis then sees it unused
     * and leaves it unallocated.
     */
    private Buffer doSync(Buffer created, boolean startsAtZero) {
        syncResult = ClockReturn.OK;
        Times times = startsAtZero ? getTimes(created.withDts(0)) : getTimes(created);
        long start = times == null ? ClockTime.NONE : times.start();
        long dts = startsAtZero ? 0 : created.dts();
        long pts = created.pts();
        long timestamp = dts != ClockTime.NONE ? dts : pts;
        boolean isLive = live;
        boolean pseudoLive = start != ClockTime.NONE && isLive;
        long lat = latency; // written here and in setPlaying, both with the live lock held
        boolean first = lat == -1;
        if (timestamp != ClockTime.NONE && pseudoLive) {
            long measured = timestamp <= start ? start - timestamp : 0;
            if (measured != lat) {
                latency = measured;
            }
        } else if (first) {
            latency = 0;
        }
        Clock clock = getClock();
        if (clock == null) {
            return startsAtZero ? created.withDts(0) : created;
        }
        long baseTime = getBaseTime();
        if (first) {
            long runningTime = clock.getTime() - baseTime;
            tsOffset = pseudoLive && timestamp != ClockTime.NONE ? runningTime - timestamp : 0;
            if (dts == ClockTime.NONE) {
                if (doTimestamp) {
                    dts = runningTime;
                } else if (pts == ClockTime.NONE) {
                    long segStart = segmentView().start;
                    dts = segStart != ClockTime.NONE ? segStart : 0;
                }
            }
        } else if (doTimestamp && dts == ClockTime.NONE) {
            dts = clock.getTime() - baseTime;
        }
        if (pts == ClockTime.NONE) {
            pts = dts; // gstbasesrc.c sets PTS to DTS here (DELTA_UNIT or not)
        }
        if (start != ClockTime.NONE && isLive) {
            long offset = tsOffset;
            if (pts != ClockTime.NONE) {
                pts += offset;
            }
            if (dts != ClockTime.NONE) {
                dts += offset;
            }
            start += offset;
        }
        Buffer buffer = pts != created.pts() || dts != created.dts()
                ? created.withTimestamps(pts, dts, created.duration()) : created;
        if (start != ClockTime.NONE) {
            syncResult = waitClock(clock, start + baseTime);
        }
        return buffer;
    }

    /** {@code gst_base_src_wait}: a single-shot clock wait with the live lock released. */
    private ClockReturn waitClock(Clock clock, long time) {
        ClockId id = clock.newSingleShotId(time);
        clockId = id;
        liveLock.unlock();
        try {
            return id.waitFor().ret();
        } finally {
            liveLock.lock();
            clockId = null;
        }
    }

    private void sendStreamStart() {
        if (streamStartPending) {
            streamStartPending = false;
            srcPad.pushEvent(new Event.StreamStartEvent(getName(), GROUP_IDS.incrementAndGet(), Event.nextSeqnum()));
        }
    }

    /** One iteration of the streaming task: {@code gst_base_src_loop}. */
    private void loop() {
        Pad pad = srcPad;
        if (flushing || pad.isFlushing()) {
            pauseLoop(FlowReturn.FLUSHING, null);
            return;
        }
        sendStreamStart();
        if (flushing || pad.isFlushing()) {
            pauseLoop(FlowReturn.FLUSHING, null); // the STREAM_START could have made us flush
            return;
        }
        if (pad.checkReconfigure()) {
            boolean ok;
            try {
                ok = negotiate();
            } catch (RuntimeException e) {
                LOG.error("{}: negotiation threw", getName(), e);
                negotiationProblem = "negotiation threw " + e;
                ok = false;
            }
            if (!ok) {
                pad.markReconfigure();
                if (pad.isFlushing()) {
                    pauseLoop(FlowReturn.FLUSHING, null);
                } else {
                    pauseLoop(FlowReturn.NOT_NEGOTIATED, negotiationProblem);
                }
                return;
            }
        }

        Buffer buf;
        boolean eos = false;
        liveLock.lock();
        try {
            if (flushing || pad.isFlushing()) {
                liveLock.unlock();
                pauseLoop(FlowReturn.FLUSHING, null);
                return;
            }
            int size = blocksize;
            long position;
            SegmentView v = segmentView();
            Format format = v.format;
            double rate = v.rate;
            if (format == Format.BYTES) {
                position = v.position;
                if (rate < 0.0) {
                    if (position > v.start + size) {
                        position -= size;
                    } else {
                        size = (int) (position - v.start); // last block
                        position = v.start;
                    }
                }
            } else {
                position = -1;
            }
            try {
                buf = getRange(position, size);
            } catch (FlowException e) {
                if (e.flow() == FlowReturn.FLUSHING && isLive()) {
                    // PLAYING->PAUSED unlocked a live create or clock wait. Decide under the live
                    // lock, where setPlaying(true) restarts the task: pausing outside it could
                    // land just after a quick PAUSED->PLAYING had restarted us, and the source
                    // would stay paused in PLAYING for good.
                    try {
                        if (!liveRunning || flushing) {
                            LOG.info("{}: pausing after getRange(): {} ({})", getName(), e.flow().nick(),
                                    e.getMessage());
                            pauseLoop(FlowReturn.FLUSHING, null);
                        }
                    } finally {
                        liveLock.unlock();
                    }
                    return;
                }
                LOG.info("{}: pausing after getRange(): {} ({})", getName(), e.flow().nick(), e.getMessage());
                liveLock.unlock();
                pauseLoop(e.flow(), null);
                return;
            }
            if (segmentPending) {
                Event seg = Event.segment(getSegment()).withSeqnum(segmentSeqnum);
                segmentSeqnum = Event.nextSeqnum();
                pad.pushEvent(seg);
                segmentPending = false;
            }
            if (hasPendingEvents) {
                List<Event> events;
                synchronized (lock) {
                    events = List.copyOf(pendingEvents);
                    pendingEvents.clear();
                    hasPendingEvents = false;
                }
                for (Event e : events) {
                    pad.pushEvent(e);
                }
            }
            eos = advancePosition(buf, format, rate, position);
            if (discont) {
                buf = buf.withFlag(BufferFlag.DISCONT);
                discont = false;
            }
        } finally {
            if (liveLock.isHeldByCurrentThread()) {
                liveLock.unlock();
            }
        }

        FlowReturn ret = pad.push(buf);
        if (ret != FlowReturn.OK) {
            if (ret == FlowReturn.NOT_NEGOTIATED) {
                if (pad.checkReconfigure()) {
                    pad.markReconfigure(); // downstream asked for new caps: negotiate again
                    return;
                }
                pauseLoop(ret, "downstream " + describePeer() + " refused caps " + pad.getCurrentCaps()
                        + " (it accepts " + pad.peerQueryCaps(null) + ")");
                return;
            }
            LOG.info("{}: pausing after push: {}", getName(), ret.nick());
            pauseLoop(ret, null);
            return;
        }
        if (eos && !segmentPending) {
            LOG.info("{}: pausing after end of segment", getName());
            pauseLoop(FlowReturn.EOS, null);
        }
    }

    /**
     * Moves segment.position past {@code buf}; true when the segment's end is reached. Live lock
     * held; takes the object lock only if the position moved ({@link #storePosition}).
     */
    private boolean advancePosition(Buffer buf, Format format, double rate, long position) {
        SegmentView v = segmentView();
        switch (format) {
            case BYTES -> {
                if (rate >= 0.0) {
                    position += buf.size();
                }
            }
            case TIME -> {
                long start = buf.pts();
                long duration = buf.duration();
                position = start != ClockTime.NONE ? start : v.position;
                if (duration != ClockTime.NONE) {
                    if (rate >= 0.0) {
                        position += duration;
                    } else if (position > duration) {
                        position -= duration;
                    } else {
                        position = 0;
                    }
                }
            }
            case DEFAULT -> position = rate >= 0.0 ? buf.offsetEnd() : buf.offset();
            default -> position = -1;
        }
        if (position == -1) {
            return false;
        }
        boolean eos = false;
        if (rate >= 0.0) {
            long stop = v.stop;
            if (stop != -1 && position >= stop) {
                eos = true;
                position = stop;
            }
        } else {
            if (position <= v.start) {
                eos = true;
                position = v.start;
            }
            discont = true; // going backwards, every buffer is a discontinuity
        }
        storePosition(position);
        return eos;
    }

    /**
     * The {@code pause:} label of {@code gst_base_src_loop}: pause the task, then end the
     * stream. EOS pushes an EOS event; NOT_LINKED and the errors below EOS post an ERROR first
     * ({@code GST_ELEMENT_FLOW_ERROR}) and push EOS too; FLUSHING is a seek or a state change
     * and stays quiet.
     */
    private void pauseLoop(FlowReturn ret, String detail) {
        LOG.debug("{}: pausing task, reason {}", getName(), ret.nick());
        running = false;
        srcPad.pauseTask();
        if (ret == FlowReturn.EOS) {
            Event event = null;
            if (forcedEos) {
                synchronized (lock) {
                    event = pendingEos;
                    clearPendingEos();
                }
            }
            if (event == null) {
                // gst-mini has no SEGMENT_DONE: a segment seek also ends with EOS
                event = Event.eos().withSeqnum(seqnum);
            }
            srcPad.pushEvent(event);
            forcedEos = false;
        } else if (ret.isFatal()) {
            postError(ErrorCode.STREAM_FAILED, "Internal data stream error.",
                    "streaming stopped, reason " + ret.nick() + " (" + ret.value() + ")"
                            + (detail == null ? "" : ": " + detail));
            srcPad.pushEvent(Event.eos().withSeqnum(seqnum));
        }
    }

    /** Whether the task is producing ({@code GstBaseSrc.running}); false after it paused. */
    protected final boolean isRunning() {
        return running;
    }

    /** Whether the source started and is not stopped ({@code GST_BASE_SRC_IS_STARTED}). */
    public final boolean isStarted() {
        synchronized (lock) {
            return started;
        }
    }
}
