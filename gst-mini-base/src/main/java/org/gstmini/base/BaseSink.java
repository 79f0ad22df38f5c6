package org.gstmini.base;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.ClockId;
import org.gstmini.core.clock.ClockReturn;
import org.gstmini.core.clock.ClockWaitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base class of sink elements: it implements <em>preroll</em>, <em>clock
 * synchronisation</em>, the state changes, EOS and flushing once, so a sink only says what
 * "rendering a buffer" means.
 *
 * <p>Mirrors {@code GstBaseSink} (libs/gst/base/gstbasesink.c). A subclass gives its sink pad
 * template to the constructor and implements {@link #render(Buffer)}; everything else has a
 * working default. The hooks are the virtual methods of {@code GstBaseSinkClass}:
 * {@link #start()}, {@link #stop()}, {@link #getCaps(Caps)}, {@link #setCaps(Caps)},
 * {@link #getTimes(Buffer)}, {@link #preroll(Buffer)}, {@link #render(Buffer)},
 * {@link #event(Event)}, {@link #waitEvent(Event)}, {@link #sinkQuery(Query)} (GStreamer's
 * {@code query}; {@link #query(Query)} is the element query), {@link #unlock()} and
 * {@link #unlockStop()}.
 *
 * <h2>Preroll: a sink holds the first buffer in PAUSED</h2>
 * A pipeline in PAUSED shows its first picture and stands still. To get there, every sink must
 * have <em>received</em> a buffer — it has "prerolled". So READY→PAUSED cannot complete when it
 * is asked for: the sink returns {@link StateChangeReturn#ASYNC} and posts ASYNC_START. When the
 * first buffer (or EOS, or a GAP) arrives, the streaming thread calls {@link #preroll(Buffer)},
 * <em>commits</em> the state change (PAUSED is reached), posts ASYNC_DONE, and then
 * <em>blocks</em> in the preroll wait until the sink goes to PLAYING (or is flushed, or goes to
 * READY). The bin collects the ASYNC_DONEs of all its sinks and then continues to PLAYING:
 *
 * <pre>
 *  application   setState(PLAYING) ─► ASYNC                     bin's ":continue" thread
 *                     │                                               │ PAUSED→PLAYING:
 *  sink state    READY┼─ ASYNC ────────────► PAUSED ──────────────────┼─► PLAYING   wake preroll
 *                     │                        ▲                      │
 *  streaming          │   buf0 ─► preroll(buf0)┘ commit, ASYNC_DONE,  │
 *  thread             │           preroll wait ·······················┘─► wait on clock ─► render(buf0)
 *                     │                                                              │
 *  clock      ────────┼───────────────────────────────────────────────┼──────────────┼──────────►
 *                                                                 base_time   base_time + rt(buf0)
 * </pre>
 *
 * With {@link #ASYNC async=false} READY→PAUSED returns SUCCESS at once and the sink does not
 * make its bin wait, but it still prerolls: its first buffer in PAUSED waits in the preroll
 * wait until PLAYING. A live source produces nothing in PAUSED, so a live pipeline cannot
 * preroll: the bin returns NO_PREROLL, the sink stays ASYNC, setting it to PLAYING returns ASYNC
 * ("busy"), and it commits straight to PLAYING with its first buffer.
 *
 * <p>Going PLAYING→PAUSED, a sink that holds no buffer (its streaming thread is between buffers
 * or waiting on the clock) has lost its preroll: it returns ASYNC again, and the buffer it was
 * waiting with becomes the preroll buffer. Functions: {@code gst_base_sink_do_preroll},
 * {@code gst_base_sink_commit_state}, {@code gst_base_sink_wait_preroll},
 * {@code gst_base_sink_change_state}.
 *
 * <h2>Sync: rendering at the right moment</h2>
 * In PLAYING, each buffer is rendered when the pipeline's clock reaches the time its
 * timestamp maps to ({@code gst_base_sink_do_sync}, {@code gst_base_sink_get_sync_times},
 * {@code gst_base_sink_adjust_time}, {@code gst_base_sink_wait_clock}):
 *
 * <pre>
 *   start, end  = getTimes(buffer)                        DTS or PTS, + duration
 *   clipped     = segment.clip(start, end)                outside the segment: dropped
 *   rt          = segment.toRunningTime(clipped start)    running time
 *   stime       = rt + latency + ts-offset − render-delay
 *   wait until  clock == base_time + stime                ClockId.waitFor(), unschedulable
 *   jitter      = clock time at the wait − (base_time + stime)      &gt; 0: late
 *   drop if late and rt + jitter &gt; rt_end + max-lateness            (max-lateness ≠ -1)
 * </pre>
 *
 * {@code latency} is what the pipeline configured with a LATENCY event (live pipelines); a sink
 * reports its own share in the LATENCY query: upstream's latency, plus {@link
 * #PROCESSING_DEADLINE processing-deadline} for live upstream, plus {@link #RENDER_DELAY
 * render-delay}. With {@link #SYNC sync=false} buffers are rendered as soon as they arrive. A
 * dropped buffer counts in {@link #STATS stats}; with {@link #QOS qos=true} the sink posts a QOS
 * message for it and sends QOS events upstream so that sources and decoders can skip work
 * ({@code gst_base_sink_perform_qos}).
 *
 * <p>EOS is synchronised too: in PLAYING the EOS message is posted only when the clock reaches
 * the end of the last buffer; an EOS arriving in PAUSED prerolls, and is posted on PLAYING.
 *
 * <h2>Threads and locks</h2>
 * As in gstbasesink.c, the streaming thread holds the pad's stream lock and the sink's
 * <em>preroll lock</em> for the whole chain call, and releases the preroll lock only while it
 * waits — in the preroll wait (a {@link Condition}) and on the clock. State changes and
 * flushes first call {@link #unlock()} (which must make a blocked {@link #render(Buffer)}
 * return: render runs with the preroll lock held), then take the preroll lock to change the
 * flags and wake those waits (unschedule the {@link ClockId}, signal the condition), so a state
 * change never hangs on a blocked sink. Lock order: stream lock, then preroll lock, then the
 * sink's object lock.
 *
 * <p>Per buffer, once PLAYING, the streaming thread takes the stream lock (the pad), the
 * preroll lock, and the object lock at most once: to store the segment position together
 * with the stream times other threads read for POSITION queries (skipped when none of them
 * changed, e.g. a BYTES segment). The rest is read without locks: the
 * properties are volatile fields set by {@link #propertyChanged}; the latency is volatile; the
 * last buffer ({@link #LAST_SAMPLE}) is a volatile field replaced alone while the caps stay the
 * same (buffer and caps change together, under the object lock, only when the caps change);
 * the statistics are counters written by the streaming thread only, with release stores. A
 * buffer's times and its clipping against the segment are computed once, and with
 * {@code sync=false} the clock is not touched.
 *
 * <p><b>Committing on the streaming thread.</b> GStreamer's {@code gst_base_sink_commit_state}
 * writes the element's state fields itself. Here those fields belong to {@link Element}, so the
 * sink commits with {@link Element#completeAsyncStateChange()}. When the application asked
 * for PLAYING meanwhile (the sink's pending state is PLAYING: a live pipeline, or a sink set
 * to PLAYING directly), {@code completeAsyncStateChange} runs the PAUSED→PLAYING {@link #changeState} at
 * once, on the streaming thread, with the preroll lock held (it is reentrant). That is safe
 * because the sink sets {@code havePreroll} before committing, so PAUSED→PLAYING sees a
 * prerolled sink and only clears {@code needPreroll}; and no application thread can wait for
 * the streaming thread while holding the preroll lock (a state change takes the preroll lock
 * only to flip flags and wake waits, and waits for the stream lock only after releasing it).
 * ASYNC_DONE is posted after the commit, so a bin woken by it finds the sink in its new state.
 */
public abstract class BaseSink extends Element {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.basesink");
    private static final long NONE = ClockTime.NONE;
    /** {@link #lastBuffer}, for the release store of setLastBuffer's lock-free path. */
    private static final VarHandle LAST_BUFFER;

    static {
        try {
            LAST_BUFFER = MethodHandles.lookup().findVarHandle(BaseSink.class, "lastBuffer", Buffer.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // ---------------------------------------------------------------- properties

    /** {@code GstBaseSink:sync}: synchronise on the clock (false: render as fast as data comes). */
    public static final Property<Boolean> SYNC = Property.ofBoolean("sync", "Sync on the clock", true)
            .mutableIn(Property.Mutability.PLAYING);
    /** {@code GstBaseSink:max-lateness}: drop buffers later than this; -1 never drops (video sinks use 20 ms). */
    public static final Property<Long> MAX_LATENESS = Property.ofLong("max-lateness",
            "Maximum number of nanoseconds that a buffer can be late before it is dropped (-1 unlimited)",
            -1, Long.MAX_VALUE, -1).mutableIn(Property.Mutability.PLAYING);
    /** {@code GstBaseSink:qos}: post QOS messages for dropped buffers and send QOS events upstream. */
    public static final Property<Boolean> QOS = Property.ofBoolean("qos",
            "Generate Quality-of-Service events upstream", false).mutableIn(Property.Mutability.PLAYING);
    /** {@code GstBaseSink:async}: go to PAUSED asynchronously, waiting for preroll. */
    public static final Property<Boolean> ASYNC = Property.ofBoolean("async", "Go asynchronously to PAUSED", true)
            .mutableIn(Property.Mutability.PLAYING);
    /** {@code GstBaseSink:ts-offset}: render later (positive) or earlier (negative) than the timestamps say. */
    public static final Property<Long> TS_OFFSET = Property.ofLong("ts-offset", "Timestamp offset in nanoseconds",
            Long.MIN_VALUE, Long.MAX_VALUE, 0).mutableIn(Property.Mutability.PLAYING);
    /** {@code GstBaseSink:enable-last-sample}: keep the last buffer for {@link #LAST_SAMPLE}. */
    public static final Property<Boolean> ENABLE_LAST_SAMPLE = Property.ofBoolean("enable-last-sample",
            "Enable the last-sample property", true).mutableIn(Property.Mutability.PLAYING);
    /** {@code GstBaseSink:last-sample}: the last buffer prerolled or rendered, with its caps and segment. */
    public static final Property<Sample> LAST_SAMPLE = Property.readOnly("last-sample",
            "The last sample received in the sink", Sample.class, null);
    /** {@code GstBaseSink:render-delay}: time between synchronising and the media really showing. */
    public static final Property<Long> RENDER_DELAY = Property.ofLong("render-delay",
            "Additional render delay of the sink in nanoseconds", 0, Long.MAX_VALUE, 0)
            .mutableIn(Property.Mutability.PLAYING);
    /** {@code GstBaseSink:throttle-time}: minimum time between rendered buffers (0 = disabled). */
    public static final Property<Long> THROTTLE_TIME = Property.ofLong("throttle-time",
            "The time to keep between rendered buffers (0 = disabled)", 0, Long.MAX_VALUE, 0)
            .mutableIn(Property.Mutability.PLAYING);
    /** {@code GstBaseSink:processing-deadline}: added to the latency of live pipelines. */
    public static final Property<Long> PROCESSING_DEADLINE = Property.ofLong("processing-deadline",
            "Maximum processing time for a buffer in nanoseconds", 0, Long.MAX_VALUE, 20 * ClockTime.MSECOND)
            .mutableIn(Property.Mutability.PLAYING);
    /** {@code GstBaseSink:stats}: {@code application/x-gst-base-sink-stats} with average-rate, dropped, rendered. */
    public static final Property<Structure> STATS = Property.readOnly("stats", "Sink Statistics", Structure.class, null);

    /** The name of the {@link #STATS} structure. */
    public static final String STATS_NAME = "application/x-gst-base-sink-stats";

    /**
     * When a buffer should be shown, in the segment's time ({@code GstBaseSinkClass::get_times}):
     * {@code start} NONE means "do not synchronise this buffer".
     */
    public record Times(long start, long end) {
        /** Do not wait on the clock. */
        public static final Times NONE = new Times(ClockTime.NONE, ClockTime.NONE);
    }

    /**
     * The answer of {@link #queryLatency()} ({@code gst_base_sink_query_latency}): {@code live}
     * is whether this sink synchronises, {@code upstreamLive} whether a live source feeds it.
     */
    public record Latency(boolean live, boolean upstreamLive, long min, long max) {
    }

    // ---------------------------------------------------------------- fields

    private final Pad sinkPad;

    /** GST_BASE_SINK_PREROLL_LOCK and its condition: see "Threads and locks" above. */
    private final ReentrantLock prerollLock = new ReentrantLock();
    private final Condition prerollCond = prerollLock.newCondition();

    // Guarded by prerollLock (basesink->flushing, need_preroll, have_preroll, playing_async ...).
    private boolean flushing = true;
    private boolean needPreroll;
    private boolean havePreroll;
    private boolean playingAsync;
    private boolean receivedEos;
    private boolean callPreroll;
    private boolean committed;
    private ClockId clockId;
    private int eosSeqnum = Event.nextSeqnum();

    /** GST_OBJECT_LOCK for what other threads read: segment, position, latency, last sample. */
    private final Object objectLock = new Object();
    private final Segment segment = new Segment();
    /**
     * The stream times of the last object (POSITION queries, EOS). Written under the object lock
     * and only with the sink pad's stream lock held (or the pad inactive), so the streaming
     * thread may read them without the object lock.
     */
    private long currentSstart = NONE;
    private long currentSstop = NONE;
    private boolean eos;
    /** Written under the object lock, read by the streaming thread without it. */
    private volatile long latency;
    private boolean haveLatency;
    // Written under the object lock; volatile for setLastBuffer's lock-free path.
    private volatile Caps caps;
    private volatile Buffer lastBuffer;
    private volatile Caps lastCaps;

    /** Written with the stream lock held, read by the streaming thread only. */
    private volatile boolean haveNewSegment;

    // Streaming-thread state (stream lock and preroll lock held): timing of the current object and QoS.
    private final SyncTimes syncTimes = new SyncTimes();
    private boolean late;
    private long currentRstart = NONE;
    private long currentRstop = NONE;
    private long currentJitter;
    private long prevRstart = NONE;
    private long eosRtime = NONE;
    private long lastRenderTime = NONE;
    private long lastLeft = NONE;
    private long avgPt = NONE;
    private long avgInDiff = NONE;
    private long earliestInTime = NONE;
    private volatile double avgRate = -1.0;
    /** Written by the streaming thread (or a state change, with the preroll lock) with lazySet; read by any thread. */
    private final AtomicLong rendered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private volatile boolean toPlaying;
    private volatile boolean dropOutOfSegment = true;

    // Property values cached for the streaming thread (updated in propertyChanged).
    private volatile boolean sync = true;
    private volatile long maxLateness = -1;
    private volatile boolean qosEnabled;
    private volatile boolean asyncEnabled = true;
    private volatile long tsOffset;
    private volatile boolean enableLastSample = true;
    private volatile long renderDelay;
    private volatile long throttleTime;
    private volatile long processingDeadline = 20 * ClockTime.MSECOND;

    /**
     * Timing of one object, as {@code gst_base_sink_get_sync_times} computes it. For a buffer,
     * {@code chainUnlocked} first fills in what it computed already (the subclass's times and
     * the clipping of the PTS range), so that nothing is computed twice.
     */
    private static final class SyncTimes {
        // inputs, from chainUnlocked: the buffer they belong to, its times, and clip(ptsStart, ptsStop)
        Buffer buffer;
        long start;
        long stop;
        boolean timesSync;
        long ptsStart;
        long ptsStop;
        Segment.ClipResult ptsClip;
        // outputs
        long sstart;
        long sstop;
        long rstart;
        long rstop;
        long rnext;
        /** The new segment position, to be stored (positionPending) before or with the stream times. */
        long position;
        boolean positionPending;
        boolean doSync;

        void reset() {
            sstart = sstop = rstart = rstop = rnext = NONE;
            positionPending = false;
            doSync = true;
        }
    }

    /**
     * Creates the sink and its always sink pad from {@code sinkTemplate} (in GStreamer the
     * subclass's "sink" template, {@code gst_base_sink_init}).
     *
     * @throws IllegalArgumentException if the template is not an ALWAYS sink template
     */
    protected BaseSink(PadTemplate sinkTemplate) {
        Objects.requireNonNull(sinkTemplate, "sinkTemplate");
        if (sinkTemplate.direction() != PadDirection.SINK || sinkTemplate.presence() != PadPresence.ALWAYS) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": BaseSink needs an ALWAYS sink pad template, got "
                    + sinkTemplate);
        }
        installProperty(SYNC, MAX_LATENESS, QOS, ASYNC, TS_OFFSET, ENABLE_LAST_SAMPLE, LAST_SAMPLE, RENDER_DELAY,
                THROTTLE_TIME, PROCESSING_DEADLINE, STATS);
        sinkPad = new Pad(sinkTemplate.nameTemplate(), sinkTemplate);
        sinkPad.setChainFunction((pad, parent, buffer) -> chain(buffer));
        sinkPad.setEventFunction((pad, parent, event) -> padEvent(event));
        sinkPad.setQueryFunction((pad, parent, query) -> sinkQuery(query));
        sinkPad.setActivateModeFunction((pad, parent, mode, active) -> activateMode(mode, active));
        addPad(sinkPad);
        setFlag(ElementFlag.SINK, true);
    }

    /** The sink pad ({@code GST_BASE_SINK_PAD}). */
    public final Pad getSinkPad() {
        return sinkPad;
    }

    // ---------------------------------------------------------------- hooks (GstBaseSinkClass)

    /** Opens resources on NULL→READY ({@code GstBaseSinkClass::start}); false fails the state change. */
    protected boolean start() {
        return true;
    }

    /** Closes resources on READY→NULL ({@code GstBaseSinkClass::stop}). */
    protected boolean stop() {
        return true;
    }

    /**
     * The caps the sink accepts now, narrowed by {@code filter} ({@code GstBaseSinkClass::get_caps});
     * null (the default) means the pad template's caps.
     */
    protected Caps getCaps(Caps filter) {
        return null;
    }

    /** The stream's format is now {@code caps} ({@code GstBaseSinkClass::set_caps}); false refuses it. */
    protected boolean setCaps(Caps caps) {
        return true;
    }

    /**
     * When to render {@code buffer} ({@code GstBaseSinkClass::get_times}). The default
     * ({@code gst_base_sink_default_get_times}) syncs on the DTS, else the PTS, and ends at
     * timestamp + duration. Return {@link Times#NONE} to render without waiting.
     */
    protected Times getTimes(Buffer buffer) {
        return defaultTimes(buffer);
    }

    /**
     * Called with the preroll buffer, in PAUSED, before the sink commits its state
     * ({@code GstBaseSinkClass::preroll}): a video sink shows the first picture here.
     * Anything but OK aborts the state change.
     */
    protected FlowReturn preroll(Buffer buffer) {
        return FlowReturn.OK;
    }

    /**
     * Renders one buffer, after synchronisation ({@code GstBaseSinkClass::render}). Runs on the
     * streaming thread with the preroll lock held; if it can block, {@link #unlock()} must be
     * able to wake it.
     */
    protected abstract FlowReturn render(Buffer buffer);

    /**
     * Unblocks {@link #render} (and anything else the subclass blocks in) at once
     * ({@code GstBaseSinkClass::unlock}): called on flushes and state changes, before the preroll
     * lock is taken. Return value ignored, as in GStreamer.
     */
    protected boolean unlock() {
        return true;
    }

    /** Clears what {@link #unlock()} set ({@code GstBaseSinkClass::unlock_stop}); called with the preroll lock. */
    protected boolean unlockStop() {
        return true;
    }

    /**
     * Handles an event arriving on the sink pad ({@code GstBaseSinkClass::event}). Serialized
     * events come with the stream and preroll locks held. Override to look at events and call
     * {@code super.event(event)} for the default handling ({@code gst_base_sink_default_event}):
     * FLUSH_START/STOP, EOS (synchronised, then the EOS message), STREAM_START (message), CAPS
     * ({@link #setCaps}), SEGMENT, GAP (synchronised like a buffer) and TAG (message).
     */
    protected boolean event(Event event) {
        if (event instanceof Event.FlushStartEvent) {
            flushStart();
            return true;
        }
        if (event instanceof Event.FlushStopEvent f) {
            flushStop(f.resetTime());
            return true;
        }
        if (event instanceof Event.EosEvent e) {
            return handleEos(e);
        }
        if (event instanceof Event.StreamStartEvent) {
            postMessage(new Message.StreamStart(this));
            return true;
        }
        if (event instanceof Event.CapsEvent c) {
            return handleCaps(c.caps());
        }
        if (event instanceof Event.SegmentEvent s) {
            handleSegment(s.segment());
            return true;
        }
        if (event instanceof Event.GapEvent g) {
            return waitEvent(g) == FlowReturn.OK;
        }
        if (event instanceof Event.TagEvent t) {
            postMessage(new Message.Tag(this, t.tags()));
        }
        return true;
    }

    /**
     * Waits for an event that is synchronised like data: EOS and GAP ({@code GstBaseSinkClass::wait_event},
     * default {@code gst_base_sink_default_wait_event}): preroll with it, then wait on the clock.
     */
    protected FlowReturn waitEvent(Event event) {
        return doSync(event);
    }

    /**
     * Answers a query arriving on the sink pad ({@code GstBaseSinkClass::query}, default
     * {@code gst_base_sink_default_query}): CAPS and ACCEPT_CAPS from {@link #getCaps}, POSITION
     * as the element query does, the rest by the pad's default handling.
     */
    protected boolean sinkQuery(Query query) {
        if (query instanceof Query.CapsQuery q) {
            q.setResult(queryCaps(q.filter()));
            return true;
        }
        if (query instanceof Query.AcceptCapsQuery q) {
            Caps allowed = queryCaps(null);
            q.setResult(q.caps().isSubsetOf(allowed));
            return true;
        }
        if (query instanceof Query.PositionQuery) {
            return query(query);
        }
        return sinkPad.queryDefault(query);
    }

    // ---------------------------------------------------------------- public functions

    /** The configured latency, set by the pipeline's LATENCY event ({@code gst_base_sink_get_latency}). */
    public final long getLatency() {
        synchronized (objectLock) {
            return latency;
        }
    }

    /**
     * The last buffer prerolled or rendered, with its caps and the current segment; null before
     * the first buffer, in READY, or with {@link #ENABLE_LAST_SAMPLE} off
     * ({@code gst_base_sink_get_last_sample}).
     */
    public final Sample getLastSample() {
        synchronized (objectLock) {
            return lastBuffer == null ? null : new Sample(lastBuffer, lastCaps, segment);
        }
    }

    /** Rendered and dropped buffers and the average rate ({@code gst_base_sink_get_stats}). */
    public final Structure getStats() {
        return Structure.of(STATS_NAME)
                .with("average-rate", avgRate)
                .with("dropped", dropped.get())
                .with("rendered", rendered.get());
    }

    /** Whether buffers outside the segment are dropped (default true; {@code gst_base_sink_set_drop_out_of_segment}). */
    protected final void setDropOutOfSegment(boolean drop) {
        this.dropOutOfSegment = drop;
    }

    protected final boolean isDropOutOfSegment() {
        return dropOutOfSegment;
    }

    /** A copy of the segment the sink is using (the last SEGMENT event's). */
    protected final Segment getSegment() {
        synchronized (objectLock) {
            return segment.copy();
        }
    }

    /**
     * Asks upstream for its latency and adds this sink's share ({@code gst_base_sink_query_latency}):
     * for a live upstream and {@code sync=true}, the processing deadline; with {@code sync=true},
     * the render delay. Returns null when the sink cannot answer yet (it synchronises but has not
     * prerolled, so upstream may not be ready).
     */
    public final Latency queryLatency() {
        boolean live;
        boolean have;
        long rd;
        long pd;
        synchronized (objectLock) {
            live = sync;
            have = haveLatency;
            rd = renderDelay;
            pd = processingDeadline;
        }
        long min = 0;
        long max = NONE;
        boolean upstreamLive = false;
        boolean res = false;
        if (have) {
            Query.LatencyQuery q = new Query.LatencyQuery();
            res = sinkPad.peerQuery(q);
            if (res) {
                upstreamLive = q.live();
                if (upstreamLive) {
                    min = q.min();
                    max = q.max();
                    if (live) {
                        if (max == NONE || min + pd <= max) {
                            min += pd;
                        } else {
                            postWarning(ErrorCode.CORE_CLOCK, "Pipeline construction is invalid, please add queues.",
                                    "Not enough buffering available for the processing deadline of " + ClockTime.format(pd)
                                            + ", add enough queues to buffer " + ClockTime.format(min + pd - max)
                                            + " additional data. Shortening processing latency to "
                                            + ClockTime.format(max - min) + ".");
                            min = max;
                        }
                    }
                }
                if (live) {
                    min += rd;
                    if (max != NONE) {
                        max += rd;
                    }
                }
            }
        } else {
            LOG.debug("{}: not yet ready for a LATENCY query", getName());
        }
        if (!res && !live) {
            res = true; // not live: the query failing does not matter
        }
        if (!res) {
            return null;
        }
        LOG.debug("{}: latency: live {}, upstream live {}, min {}, max {}", getName(), live, upstreamLive,
                ClockTime.format(min), ClockTime.format(max));
        return new Latency(live, upstreamLive, min, max);
    }

    /**
     * Blocks until the clock reaches {@code runningTime} (plus the base time), or the wait is
     * unscheduled by a flush or a state change ({@code gst_base_sink_wait_clock}). Returns
     * BADTIME at once without a valid time, a clock, or {@code sync}. No latency or offset is
     * added. Call with the preroll lock held (from {@link #render}, {@link #event}); it is
     * released while waiting.
     */
    public final ClockWaitResult waitClock(long runningTime) {
        requirePrerollLock("waitClock");
        if (!ClockTime.isValid(runningTime) || !sync) {
            return new ClockWaitResult(ClockReturn.BADTIME, 0);
        }
        Clock clock = getClock();
        if (clock == null) {
            return new ClockWaitResult(ClockReturn.BADTIME, 0);
        }
        long time = runningTime + getBaseTime();
        ClockId id = clock.newSingleShotId(time);
        clockId = id;
        int holds = prerollLock.getHoldCount();
        for (int i = 0; i < holds; i++) {
            prerollLock.unlock();
        }
        try {
            return id.waitFor();
        } finally {
            for (int i = 0; i < holds; i++) {
                prerollLock.lock();
            }
            clockId = null;
        }
    }

    /**
     * Blocks in PAUSED until PLAYING (OK) or a flush or READY (FLUSHING)
     * ({@code gst_base_sink_wait_preroll}). For subclasses that synchronise in {@link #render}:
     * call it when {@link #unlock()} woke render because of PLAYING→PAUSED. Preroll lock held.
     */
    public final FlowReturn waitPreroll() {
        requirePrerollLock("waitPreroll");
        havePreroll = true;
        try {
            if (!flushing) {
                LOG.debug("{}: waiting in preroll for flush or PLAYING", getName());
                prerollCond.awaitUninterruptibly();
            }
        } finally {
            havePreroll = false;
        }
        return flushing ? FlowReturn.FLUSHING : FlowReturn.OK;
    }

    /**
     * Prerolls with {@code object} (a buffer, EOS or GAP) if the sink needs preroll: calls
     * {@link #preroll}, commits the state, and waits until PLAYING ({@code gst_base_sink_do_preroll}).
     * Preroll lock held.
     */
    public final FlowReturn doPreroll(Object object) {
        requirePrerollLock("doPreroll");
        while (needPreroll) {
            if (callPreroll && object instanceof Buffer buffer) {
                setLastBuffer(buffer);
                FlowReturn ret = preroll(buffer);
                if (ret != FlowReturn.OK) {
                    LOG.debug("{}: preroll returned {}, aborting the state change", getName(), ret.nick());
                    abortState();
                    return ret;
                }
                callPreroll = false;
            }
            if (playingAsync && !commitState()) {
                return FlowReturn.FLUSHING;
            }
            if (needPreroll) {
                FlowReturn ret = waitPreroll();
                if (ret != FlowReturn.OK) {
                    return ret;
                }
            }
        }
        return FlowReturn.OK;
    }

    /**
     * Waits for preroll, then until the clock reaches {@code runningTime} adjusted by latency,
     * ts-offset and render delay ({@code gst_base_sink_wait}); for subclasses that handle
     * their own synchronisation but leave EOS-like waits to the base class. Preroll lock held.
     */
    public final FlowReturn waitForRunningTime(long runningTime) {
        requirePrerollLock("waitForRunningTime");
        ClockReturn status;
        do {
            while (needPreroll) {
                FlowReturn ret = waitPreroll();
                if (ret != FlowReturn.OK) {
                    return FlowReturn.FLUSHING;
                }
            }
            status = waitClock(adjustTime(runningTime)).ret();
            if (status == ClockReturn.BADTIME) {
                break;
            }
            if (flushing) {
                return FlowReturn.FLUSHING;
            }
        } while (status == ClockReturn.UNSCHEDULED);
        return FlowReturn.OK;
    }

    private void requirePrerollLock(String what) {
        if (!prerollLock.isHeldByCurrentThread()) {
            throw new IllegalStateException(getName() + ": " + what + "() must be called from the streaming thread inside "
                    + "render(), preroll() or event(), where the preroll lock is held");
        }
    }

    // ---------------------------------------------------------------- element overrides

    /**
     * The element query ({@code default_element_query}): POSITION from the clock or the last
     * buffer, DURATION and anything else from upstream, LATENCY via {@link #queryLatency()}.
     */
    @Override
    public boolean query(Query query) {
        if (query instanceof Query.PositionQuery q) {
            boolean[] upstream = new boolean[1];
            long pos = position(q.format(), upstream);
            if (pos != NONE) {
                q.setPosition(pos);
                return true;
            }
            return upstream[0] && sinkPad.peerQuery(q);
        }
        if (query instanceof Query.LatencyQuery q) {
            Latency l = queryLatency();
            if (l == null) {
                return false;
            }
            q.set(l.live(), l.min(), l.max());
            return true;
        }
        // DURATION, SEEKING and the rest: upstream knows (push mode).
        return sinkPad.peerQuery(query);
    }

    /**
     * Events sent to the sink by the application or its bin ({@code gst_base_sink_send_event}):
     * a LATENCY event sets the latency used for synchronisation and goes on upstream (once the
     * sink can report latency); other upstream events (SEEK) go upstream; downstream events are
     * dropped — send EOS to the sources, or to the pipeline.
     */
    @Override
    public boolean sendEvent(Event event) {
        boolean forward = event.type().isUpstream();
        if (event instanceof Event.LatencyEvent l) {
            synchronized (objectLock) {
                latency = l.latency();
                if (!haveLatency) {
                    forward = false;
                }
            }
            LOG.debug("{}: latency set to {}", getName(), ClockTime.format(l.latency()));
        }
        if (!forward) {
            return true;
        }
        return sinkPad.pushEvent(event);
    }

    @Override
    protected Object readProperty(Property<?> property) {
        if (property == LAST_SAMPLE) {
            return getLastSample();
        }
        if (property == STATS) {
            return getStats();
        }
        return super.readProperty(property);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == SYNC) {
            synchronized (objectLock) {
                sync = (Boolean) value;
            }
        } else if (property == MAX_LATENESS) {
            maxLateness = (Long) value;
        } else if (property == QOS) {
            qosEnabled = (Boolean) value;
        } else if (property == ASYNC) {
            prerollLock.lock();
            try {
                asyncEnabled = (Boolean) value;
            } finally {
                prerollLock.unlock();
            }
        } else if (property == TS_OFFSET) {
            synchronized (objectLock) {
                tsOffset = (Long) value;
            }
        } else if (property == ENABLE_LAST_SAMPLE) {
            enableLastSample = (Boolean) value;
            if (!enableLastSample) {
                synchronized (objectLock) {
                    lastBuffer = null;
                    lastCaps = null;
                }
            }
        } else if (property == RENDER_DELAY) {
            long old = renderDelay;
            synchronized (objectLock) {
                renderDelay = (Long) value;
            }
            if (old != renderDelay) {
                postMessage(new Message.Latency(this)); // the pipeline must redistribute latency
            }
        } else if (property == THROTTLE_TIME) {
            throttleTime = (Long) value;
        } else if (property == PROCESSING_DEADLINE) {
            long old = processingDeadline;
            synchronized (objectLock) {
                processingDeadline = (Long) value;
            }
            if (old != processingDeadline) {
                postMessage(new Message.Latency(this));
            }
        }
    }

    // ---------------------------------------------------------------- state changes

    /**
     * {@code gst_base_sink_change_state}: READY→PAUSED arms preroll (ASYNC unless async=false),
     * PAUSED→PLAYING releases the preroll wait (or goes ASYNC if nothing prerolled),
     * PLAYING→PAUSED unschedules the clock wait and goes ASYNC if no buffer is held, PAUSED→READY
     * flushes (via pad deactivation) and forgets the stream. Subclasses override and call super.
     */
    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        StateChangeReturn ret = StateChangeReturn.SUCCESS;
        switch (transition) {
            case NULL_TO_READY -> {
                if (!start()) {
                    postError(ErrorCode.CORE_STATE_CHANGE, null, "Failed to start");
                    return StateChangeReturn.FAILURE;
                }
            }
            case READY_TO_PAUSED -> ret = readyToPaused();
            case PAUSED_TO_PLAYING -> ret = pausedToPlaying();
            default -> {
            }
        }
        StateChangeReturn bret = super.changeState(transition);
        if (bret == StateChangeReturn.FAILURE) {
            LOG.debug("{}: element failed to change states -- activation problem?", getName());
            return StateChangeReturn.FAILURE;
        }
        switch (transition) {
            case PAUSED_TO_PLAYING -> toPlaying = false;
            case PLAYING_TO_PAUSED -> ret = playingToPaused();
            case PAUSED_TO_READY -> pausedToReady();
            case READY_TO_NULL -> {
                if (!stop()) {
                    LOG.warn("{}: failed to stop", getName());
                }
                clearLastBuffer();
                prerollLock.lock();
                try {
                    callPreroll = false;
                } finally {
                    prerollLock.unlock();
                }
            }
            default -> {
            }
        }
        return ret;
    }

    private StateChangeReturn readyToPaused() {
        // No data flows in READY, so we can safely assume we need to preroll.
        prerollLock.lock();
        try {
            synchronized (objectLock) {
                segment.init(Format.UNDEFINED);
                currentSstart = NONE;
                currentSstop = NONE;
                latency = 0;
                eos = false;
            }
            haveNewSegment = false;
            havePreroll = false;
            needPreroll = true;
            playingAsync = true;
            eosRtime = NONE;
            receivedEos = false;
            resetQos();
            committed = false;
            callPreroll = true;
            if (asyncEnabled) {
                LOG.debug("{}: READY->PAUSED, doing async state change", getName());
                postMessage(new Message.AsyncStart(this));
                return StateChangeReturn.ASYNC;
            }
            synchronized (objectLock) {
                haveLatency = true;
            }
            postMessage(new Message.Latency(this));
            return StateChangeReturn.SUCCESS;
        } finally {
            prerollLock.unlock();
        }
    }

    private StateChangeReturn pausedToPlaying() {
        prerollLock.lock();
        try {
            toPlaying = true;
            if (!needsPreroll()) {
                LOG.debug("{}: PAUSED->PLAYING, don't need preroll", getName());
                playingAsync = false;
                needPreroll = false;
                if (isEos()) {
                    LOG.debug("{}: posting EOS received in PAUSED", getName());
                    postMessage(new Message.Eos(this, eosSeqnum));
                } else {
                    prerollCond.signalAll();
                }
                return StateChangeReturn.SUCCESS;
            }
            LOG.debug("{}: PAUSED->PLAYING, we are not prerolled", getName());
            needPreroll = true;
            playingAsync = true;
            callPreroll = true;
            committed = false;
            if (asyncEnabled) {
                postMessage(new Message.AsyncStart(this));
                return StateChangeReturn.ASYNC;
            }
            return StateChangeReturn.SUCCESS;
        } finally {
            prerollLock.unlock();
        }
    }

    private StateChangeReturn playingToPaused() {
        toPlaying = false;
        StateChangeReturn ret = StateChangeReturn.SUCCESS;
        unlock(); // before the preroll lock: render() may hold it while blocked
        prerollLock.lock();
        try {
            unlockStop();
            if (clockId != null) {
                clockId.unschedule();
            }
            if (!needsPreroll()) {
                LOG.debug("{}: PLAYING->PAUSED, we are prerolled", getName());
                playingAsync = false;
                needPreroll = false;
            } else if (getTargetState().ordinal() <= State.READY.ordinal()) {
                LOG.debug("{}: PLAYING->PAUSED on the way to {}", getName(), getTargetState());
            } else {
                LOG.debug("{}: PLAYING->PAUSED, we are not prerolled", getName());
                playingAsync = true;
                needPreroll = true;
                committed = false;
                callPreroll = true;
                if (asyncEnabled) {
                    ret = StateChangeReturn.ASYNC;
                    postMessage(new Message.AsyncStart(this));
                }
            }
            LOG.debug("{}: rendered {}, dropped {}", getName(), rendered.get(), dropped.get());
            resetQos();
        } finally {
            prerollLock.unlock();
        }
        return ret;
    }

    private void pausedToReady() {
        prerollLock.lock();
        try {
            synchronized (objectLock) {
                currentSstart = NONE;
                currentSstop = NONE;
                haveLatency = false;
                caps = null;
            }
            haveNewSegment = false;
            clearLastBuffer();
            callPreroll = false;
            if (!committed) {
                if (asyncEnabled) {
                    // Tell the bin we will not preroll any more (it ignores this below PAUSED).
                    postMessage(new Message.AsyncDone(this, NONE));
                }
                committed = true;
            }
        } finally {
            prerollLock.unlock();
        }
    }

    /** {@code gst_base_sink_needs_preroll}: not blocked in preroll and not at EOS. Preroll lock held. */
    private boolean needsPreroll() {
        return !(havePreroll || receivedEos);
    }

    private boolean isEos() {
        synchronized (objectLock) {
            return eos;
        }
    }

    /**
     * Commits the asynchronous state change now that the sink has prerolled
     * ({@code gst_base_sink_commit_state}). With stream lock and preroll lock held. Returns false
     * when the sink is being stopped (pending READY or NULL, or flushing).
     */
    private boolean commitState() {
        playingAsync = false;
        if (flushing) {
            return false;
        }
        State pending = getPendingState();
        State current = getCurrentState();
        switch (pending) {
            case PLAYING, PAUSED -> {
                if (getTargetState().ordinal() <= State.READY.ordinal()) {
                    return stopping();
                }
                LOG.debug("{}: committing state to {}", getName(), pending);
                if (pending == State.PLAYING) {
                    needPreroll = false;
                }
                committed = true;
                synchronized (objectLock) {
                    haveLatency = true;
                }
                // PAUSED→PLAYING may run right here, inside continueState: it must see us prerolled.
                havePreroll = true;
                boolean committedNow;
                try {
                    committedNow = completeAsyncStateChange();
                } finally {
                    havePreroll = false;
                }
                if (!committedNow) {
                    return stopping(); // the application asked for READY or NULL meanwhile
                }
                postMessage(new Message.AsyncDone(this, NONE));
                postMessage(new Message.Latency(this));
                if (flushing) {
                    // The state change function ran and we could be flushing now.
                    return stopping();
                }
                return true;
            }
            case READY, NULL -> {
                return stopping();
            }
            default -> {
                // Nothing pending: the state change function got here first (or async=false).
                LOG.debug("{}: nothing to commit, now in {}", getName(), current);
                switch (current) {
                    case PLAYING -> needPreroll = false;
                    case PAUSED -> needPreroll = true;
                    default -> {
                        needPreroll = false;
                        flushing = true;
                    }
                }
                synchronized (objectLock) {
                    haveLatency = true;
                }
                postMessage(new Message.Latency(this));
                return true;
            }
        }
    }

    private boolean stopping() {
        LOG.debug("{}: stopping (going to READY)", getName());
        needPreroll = false;
        flushing = true;
        return false;
    }

    // ---------------------------------------------------------------- flushing and activation

    private boolean activateMode(PadMode mode, boolean active) {
        if (mode != PadMode.PUSH) {
            LOG.warn("{}: only push mode is supported, not {}", getName(), mode);
            return false;
        }
        setFlushing(!active);
        return true;
    }

    /**
     * {@code gst_base_sink_set_flushing}: with {@code flush}, wakes everything the streaming
     * thread may wait in — {@link #unlock()}, the clock wait, the preroll wait — and forgets EOS.
     */
    private void setFlushing(boolean flush) {
        if (flush) {
            unlock(); // before the preroll lock: render() holds it
        }
        prerollLock.lock();
        try {
            flushing = flush;
            if (flush) {
                unlockStop();
                // Set before unblocking the clock: an interrupted buffer may become the preroll buffer.
                needPreroll = true;
                if (clockId != null) {
                    clockId.unschedule();
                }
                synchronized (objectLock) {
                    eos = false;
                    if (asyncEnabled) {
                        haveLatency = false; // cannot report latency until we preroll again
                    }
                }
                receivedEos = false;
                havePreroll = false;
                prerollCond.signalAll();
            }
        } finally {
            prerollLock.unlock();
        }
    }

    /** {@code gst_base_sink_flush_start}: unblock, wait for the streaming thread to leave, lose the state. */
    private void flushStart() {
        setFlushing(true);
        ReentrantLock streamLock = sinkPad.getStreamLock();
        streamLock.lock();
        try {
            prerollLock.lock();
            try {
                resetQos();
                playingAsync = true; // commit the state again on the next prerolled buffer
                if (asyncEnabled) {
                    updateStartTime();
                    lostState();
                } else {
                    setStartTime(0);
                    synchronized (objectLock) {
                        haveLatency = true;
                    }
                }
            } finally {
                prerollLock.unlock();
            }
            clearLastBuffer();
        } finally {
            streamLock.unlock();
        }
    }

    /** {@code gst_base_sink_flush_stop}: accept data again; a new SEGMENT must follow. */
    private void flushStop(boolean resetTime) {
        setFlushing(false);
        synchronized (objectLock) {
            currentSstart = NONE;
            currentSstop = NONE;
            if (resetTime) {
                segment.init(Format.UNDEFINED);
            }
        }
        prerollLock.lock();
        try {
            eosRtime = NONE;
            callPreroll = true;
        } finally {
            prerollLock.unlock();
        }
        haveNewSegment = false;
        if (resetTime) {
            setStartTime(0);
        }
    }

    /** {@code gst_base_sink_update_start_time}: remember the running time reached when pausing. */
    private void updateStartTime() {
        Clock clock = getClock();
        if (getCurrentState() == State.PLAYING && clock != null && getStartTime() != NONE) {
            setStartTime(clock.getTime() - getBaseTime());
        }
    }

    // ---------------------------------------------------------------- events

    /** The sink pad's event function ({@code gst_base_sink_event}). */
    private boolean padEvent(Event event) {
        EventType type = event.type();
        if (type == EventType.FLUSH_STOP) {
            // Neither the preroll lock nor the flushing check: this is what ends flushing.
            return event(event);
        }
        if (!type.isSerialized()) {
            return event(event);
        }
        prerollLock.lock();
        try {
            if (flushing) {
                LOG.debug("{}: dropping {} while flushing", getName(), type.nick());
                return false;
            }
            if (receivedEos) {
                LOG.debug("{}: dropping {} received after EOS", getName(), type.nick());
                return false;
            }
            return event(event);
        } finally {
            prerollLock.unlock();
        }
    }

    private boolean handleEos(Event.EosEvent event) {
        if (!prerollLock.isHeldByCurrentThread()) {
            prerollLock.lock();
            try {
                return handleEos(event);
            } finally {
                prerollLock.unlock();
            }
        }
        // Set first, so preroll counts us as prerolled and more buffers are refused.
        receivedEos = true;
        if (waitEvent(event) != FlowReturn.OK) {
            return false;
        }
        synchronized (objectLock) {
            eos = true;
        }
        eosSeqnum = event.seqnum();
        LOG.debug("{}: posting EOS", getName());
        postMessage(new Message.Eos(this, eosSeqnum));
        return true;
    }

    private boolean handleCaps(Caps newCaps) {
        Caps current = sinkPad.getCurrentCaps();
        if (current != null && current.isEqualTo(newCaps)) {
            LOG.debug("{}: new caps equal to old ones: {}", getName(), newCaps);
            return true;
        }
        if (!setCaps(newCaps)) {
            return false;
        }
        synchronized (objectLock) {
            caps = newCaps;
        }
        return true;
    }

    private void handleSegment(Segment newSegment) {
        synchronized (objectLock) {
            segment.copyFrom(newSegment);
            // Keep the position between start and stop.
            long pos = segment.getPosition();
            if (Long.compareUnsigned(pos, segment.getStart()) < 0) {
                pos = segment.getStart();
            } else if (segment.getStop() != NONE && Long.compareUnsigned(pos, segment.getStop()) > 0) {
                pos = segment.getStop();
            }
            segment.setPosition(pos);
            LOG.debug("{}: configured segment {}", getName(), segment);
        }
        haveNewSegment = true;
        resetQos();
    }

    // ---------------------------------------------------------------- data flow

    /** {@code gst_base_sink_chain_main}: the streaming thread enters with the stream lock held. */
    private FlowReturn chain(Buffer buffer) {
        prerollLock.lock();
        try {
            return chainUnlocked(buffer);
        } finally {
            prerollLock.unlock();
        }
    }

    /** {@code gst_base_sink_chain_unlocked}: clip, preroll, synchronise, render. */
    private FlowReturn chainUnlocked(Buffer buffer) {
        if (flushing) {
            return FlowReturn.FLUSHING;
        }
        if (receivedEos) {
            LOG.debug("{}: we are EOS, dropping a buffer", getName());
            return FlowReturn.EOS;
        }
        if (!haveNewSegment) {
            if (sync) {
                postWarning(ErrorCode.STREAM_FAILED, "Internal data flow problem.",
                        "Received buffer without a new-segment. Assuming timestamps start from 0.");
            }
            synchronized (objectLock) {
                segment.init(Format.TIME);
            }
            haveNewSegment = true;
        }
        // The times and the clipping are computed once, here, and handed to getSyncTimes in syncTimes.
        SyncTimes t = syncTimes;
        Times times = getTimes(buffer);
        t.timesSync = times != null && ClockTime.isValid(times.start());
        if (!t.timesSync) {
            times = defaultTimes(buffer); // clip with our own times even if the subclass does not sync
        }
        long start = times.start();
        long end = times.end();
        t.buffer = buffer;
        t.start = start;
        t.stop = end;
        t.ptsClip = null;
        t.ptsStart = NONE;
        // Only buffers whose PTS lies completely outside the segment are dropped (we sync on DTS).
        if (ClockTime.isValid(start) && segment.getFormat() == Format.TIME) {
            long pts = ClockTime.isValid(buffer.pts()) ? buffer.pts() : start;
            long ptsEnd = ClockTime.isValid(end) ? pts + (end - start) : NONE;
            t.ptsStart = pts;
            t.ptsStop = ptsEnd;
            t.ptsClip = segment.clip(Format.TIME, pts, ptsEnd);
            if (t.ptsClip == null && dropOutOfSegment) {
                LOG.debug("{}: dropping buffer, out of the segment: {}", getName(), buffer);
                return FlowReturn.OK;
            }
        }
        FlowReturn ret = doSync(buffer);
        if (ret != FlowReturn.OK) {
            LOG.debug("{}: do_sync returned {}", getName(), ret.nick());
            performQos(false);
            return ret;
        }
        if (late) {
            dropped.lazySet(dropped.get() + 1);
            LOG.debug("{}: buffer late, dropping {}", getName(), buffer);
            if (qosEnabled) {
                long streamTime;
                synchronized (objectLock) {
                    streamTime = currentSstart;
                }
                postMessage(new Message.Qos(this, sync, currentRstart, streamTime, buffer.pts(), buffer.duration(),
                        currentJitter, rendered.get(), dropped.get()));
            }
            performQos(true);
            return FlowReturn.OK;
        }
        setLastBuffer(buffer);
        ret = render(buffer);
        if (flushing) {
            return FlowReturn.FLUSHING;
        }
        rendered.lazySet(rendered.get() + 1);
        performQos(false);
        return ret;
    }

    /**
     * {@code gst_base_sink_do_sync}: make sure we are in PLAYING (prerolling and committing if
     * needed), then wait on the clock for {@code object}. Sets {@link #late} when the object
     * should be dropped. Stream lock and preroll lock held.
     */
    private FlowReturn doSync(Object object) {
        late = false;
        SyncTimes t = syncTimes;
        t.reset();
        currentRstart = NONE;
        boolean syncable = getSyncTimes(object, t);
        t.buffer = null; // the inputs from chainUnlocked are used up
        if (!syncable) {
            return FlowReturn.OK; // not syncable (out of segment, or an event that needs no sync)
        }
        currentRstart = t.rstart;
        currentRstop = ClockTime.isValid(t.rstop) ? t.rstop : t.rstart;
        eosRtime = t.doSync ? t.rnext : NONE;
        if (ClockTime.isValid(t.rstart)) {
            // inter-frame spacing, for QoS and lateness without a duration
            if (ClockTime.isValid(prevRstart) && prevRstart < t.rstart) {
                long inDiff = t.rstart - prevRstart;
                avgInDiff = avgInDiff == NONE ? inDiff : runningAvg(avgInDiff, inDiff, 8);
            }
            prevRstart = t.rstart;
            if (ClockTime.isValid(earliestInTime) && t.rstart < earliestInTime) {
                LOG.debug("{}: dropped because of QoS (throttling)", getName());
                storePosition(t);
                late = true;
                return FlowReturn.OK;
            }
        }
        if (needPreroll) {
            storePosition(t); // before prerolling, as gst_base_sink_get_sync_times does
        }
        while (true) {
            // First preroll: commits the state to PAUSED and waits for PLAYING. No clock sync in PAUSED.
            FlowReturn ret = doPreroll(object);
            if (ret != FlowReturn.OK) {
                return ret;
            }
            long sstop = ClockTime.isValid(t.sstop) ? t.sstop : t.sstart;
            if (t.positionPending || currentSstart != t.sstart || currentSstop != sstop) {
                synchronized (objectLock) {
                    // PLAYING without preroll: the position goes in with the stream times, one lock
                    storePositionLocked(t);
                    currentSstart = t.sstart;
                    currentSstop = sstop;
                }
            }
            if (!t.doSync || !sync) {
                return FlowReturn.OK; // sync=false: render now, without looking at the clock
            }
            long stime = adjustTime(t.rstart);
            if (LOG.isTraceEnabled()) { // formatting two times costs microseconds on every synced buffer
                LOG.trace("{}: waiting for running time {} (adjusted {})", getName(), ClockTime.format(t.rstart),
                        ClockTime.format(stime));
            }
            ClockWaitResult r = waitClock(stime);
            if (r.ret() == ClockReturn.BADTIME) {
                return FlowReturn.OK; // no time, no clock or sync=false: render now
            }
            if (flushing) {
                return FlowReturn.FLUSHING;
            }
            if (r.ret() == ClockReturn.UNSCHEDULED) {
                // A state change (PLAYING→PAUSED) woke us: preroll again with this object.
                LOG.debug("{}: unscheduled, waiting some more", getName());
                callPreroll = true;
                continue;
            }
            currentJitter = r.jitter();
            late = isTooLate(object, t.rstart, t.rstop, r.ret(), r.jitter(), true);
            return FlowReturn.OK;
        }
    }

    /**
     * {@code gst_base_sink_get_sync_times}: the stream and running times of a buffer, EOS or
     * GAP. Returns false for objects that take no part in preroll and sync (other events, buffers
     * outside the segment).
     */
    private boolean getSyncTimes(Object object, SyncTimes t) {
        long start = NONE;
        long stop = NONE;
        Segment seg = segment;
        boolean timeFormat = seg.getFormat() == Format.TIME;
        if (object instanceof Event.EosEvent) {
            long s;
            synchronized (objectLock) {
                s = seg.getRate() >= 0 ? currentSstop : currentSstart;
            }
            if (!ClockTime.isValid(s) && timeFormat) {
                // no buffer seen yet: use the segment's end
                s = seg.toStreamTime(Format.TIME, seg.getRate() >= 0 ? seg.getStop() : seg.getStart());
            }
            t.sstart = t.sstop = s;
            t.rstart = t.rstop = t.rnext = eosRtime;
            t.doSync = ClockTime.isValid(eosRtime);
            return true;
        }
        if (object instanceof Event.GapEvent gap) {
            if (ClockTime.isValid(gap.timestamp())) {
                start = gap.timestamp();
                if (ClockTime.isValid(gap.duration())) {
                    stop = start + gap.duration();
                }
            }
            t.doSync = true;
        } else if (object instanceof Buffer buffer) {
            if (t.buffer != buffer) {
                throw new IllegalStateException(getName() + ": a buffer reached doSync without chainUnlocked");
            }
            // chainUnlocked's times: the subclass's, or (no sync) ours, for the position
            t.doSync = t.timesSync;
            start = t.start;
            stop = t.stop;
        } else {
            return false;
        }
        if (!timeFormat) {
            // Timestamps are TIME: a sink cannot synchronise them against another format.
            t.doSync = false;
            return true;
        }
        // A buffer whose DTS range equals its PTS range was clipped by chainUnlocked already.
        Segment.ClipResult clip = object instanceof Buffer && t.ptsStart == start && t.ptsStop == stop
                && ClockTime.isValid(start) ? t.ptsClip : seg.clip(Format.TIME, start, stop);
        if (clip == null) {
            LOG.trace("{}: not in the segment, skipping", getName());
            return false;
        }
        long cstart = clip.clippedStart();
        long cstop = clip.clippedStop();
        t.position = ClockTime.isValid(stop) && ClockTime.isValid(cstop) ? cstop : cstart;
        t.positionPending = true;
        long rstart = seg.toRunningTime(Format.TIME, cstart);
        long rstop = seg.toRunningTime(Format.TIME, cstop);
        if (seg.getRate() < 0 && ClockTime.isValid(rstop)) {
            long tmp = rstart; // reverse playback plays from stop to start
            rstart = rstop;
            rstop = tmp;
        }
        t.rnext = ClockTime.isValid(stop) ? rstop : rstart;
        t.rstart = rstart;
        t.rstop = rstop;
        t.sstart = seg.toStreamTime(Format.TIME, cstart);
        t.sstop = seg.toStreamTime(Format.TIME, cstop);
        return true;
    }

    /** Stores the position {@code t} computed in the segment, once per object. */
    private void storePosition(SyncTimes t) {
        if (t.positionPending) {
            synchronized (objectLock) {
                storePositionLocked(t);
            }
        }
    }

    /** {@link #storePosition} with the object lock held. */
    private void storePositionLocked(SyncTimes t) {
        if (t.positionPending) {
            segment.setPosition(t.position);
            t.positionPending = false;
        }
    }

    /**
     * {@code gst_base_sink_adjust_time}: running time + latency + ts-offset − render delay
     * (the render delay is part of the latency, but the sink itself must not wait for it).
     */
    private long adjustTime(long time) {
        if (!ClockTime.isValid(time)) {
            return time;
        }
        time += latency;
        long off = tsOffset;
        long rd = renderDelay;
        if (off < 0) {
            long neg = -off;
            time = neg < time ? time - neg : 0;
        } else {
            time += off;
        }
        return time > rd ? time - rd : 0;
    }

    /**
     * {@code gst_base_sink_is_too_late}: a buffer that was late (EARLY) by more than
     * max-lateness past its end is to be dropped — unless nothing was rendered for a second,
     * when it is shown anyway so the user sees something.
     */
    private boolean isTooLate(Object object, long rstart, long rstop, ClockReturn status, long jitter, boolean render) {
        boolean tooLate = false;
        long maxLate = maxLateness;
        if (status == ClockReturn.EARLY && maxLate != -1) {
            if (!(object instanceof Buffer) || !ClockTime.isValid(rstart)) {
                return false;
            }
            if (ClockTime.isValid(rstop)) {
                maxLate += rstop;
            } else {
                maxLate += rstart;
                if (avgInDiff != NONE) {
                    maxLate += avgInDiff; // no stop time: use the average frame distance
                }
            }
            tooLate = rstart + jitter > maxLate;
            if (tooLate) {
                LOG.debug("{}: buffer is too late {} > {}", getName(), ClockTime.format(rstart + jitter),
                        ClockTime.format(maxLate));
                if (ClockTime.isValid(lastRenderTime) && rstart - lastRenderTime > ClockTime.SECOND) {
                    tooLate = false;
                    postWarning(ErrorCode.CORE_CLOCK, "A lot of buffers are being dropped.",
                            "There may be a timestamping problem, or this computer is too slow.");
                }
            }
        }
        if (render && (!tooLate || !ClockTime.isValid(lastRenderTime))) {
            lastRenderTime = rstart;
            long throttle = throttleTime;
            if (throttle > 0) {
                earliestInTime = rstart + throttle; // the next allowed input timestamp
            }
        }
        return tooLate;
    }

    /** {@code gst_base_sink_perform_qos}: running averages, then a QOS event upstream. */
    private void performQos(boolean wasDropped) {
        long start = currentRstart;
        if (!qosEnabled || !ClockTime.isValid(start)) {
            return;
        }
        long jitter = currentJitter;
        long entered;
        long left;
        if (jitter < 0) {
            entered = start < -jitter ? 0 : start + jitter;
            left = start;
        } else {
            entered = start + jitter;
            left = start + jitter;
        }
        long duration = avgInDiff;
        long pt;
        if (ClockTime.isValid(lastLeft)) {
            pt = entered > lastLeft ? entered - lastLeft : 0; // processing time
        } else {
            pt = avgPt;
        }
        if (!ClockTime.isValid(avgPt)) {
            avgPt = pt;
        } else {
            avgPt = runningAvg(avgPt, pt, 8);
        }
        double rate = duration != NONE && duration != 0 && ClockTime.isValid(avgPt)
                ? (double) avgPt / (double) duration : 1.0;
        if (ClockTime.isValid(lastLeft)) {
            double avg = avgRate;
            if (wasDropped || avg < 0.0) {
                avgRate = rate;
            } else if (rate > 1.0) {
                avgRate = runningAvg(avg, rate, 4);
            } else {
                avgRate = runningAvg(avg, rate, 16);
            }
        }
        if (avgRate >= 0.0) {
            if (currentJitter < 0 && currentRstart < -currentJitter) {
                currentJitter = -currentRstart; // never below 0 when added to the timestamp
            }
            Event.QosType type;
            long diff;
            long throttle = throttleTime;
            if (throttle > 0) {
                diff = throttle;
                type = Event.QosType.THROTTLE;
            } else {
                diff = currentJitter;
                type = diff <= 0 ? Event.QosType.OVERFLOW : Event.QosType.UNDERFLOW;
            }
            LOG.debug("{}: qos: type {}, proportion {}, diff {}, timestamp {}", getName(), type, avgRate, diff,
                    ClockTime.format(currentRstart));
            sinkPad.pushEvent(Event.qos(type, avgRate, diff, currentRstart));
        }
        lastLeft = left;
    }

    /** {@code gst_base_sink_reset_qos}. Preroll lock held (or stream lock). */
    private void resetQos() {
        lastRenderTime = NONE;
        prevRstart = NONE;
        earliestInTime = NONE;
        lastLeft = NONE;
        avgPt = NONE;
        avgRate = -1.0;
        avgInDiff = NONE;
        rendered.set(0);
        dropped.set(0);
    }

    private void setLastBuffer(Buffer buffer) {
        if (!enableLastSample) {
            return;
        }
        if (buffer != null && lastBuffer != null && lastCaps == caps) {
            // Same caps: the pair stays consistent without the lock. A release store (no fence):
            // readers take the object lock, which orders it, like JCTools' lazySet.
            LAST_BUFFER.setRelease(this, buffer);
            return;
        }
        synchronized (objectLock) {
            lastBuffer = buffer;
            lastCaps = buffer == null ? null : caps;
        }
    }

    private void clearLastBuffer() {
        synchronized (objectLock) {
            lastBuffer = null;
            lastCaps = null;
        }
    }

    // ---------------------------------------------------------------- queries

    /** {@code gst_base_sink_query_caps}: the subclass's caps, else the template's narrowed by the filter. */
    private Caps queryCaps(Caps filter) {
        Caps result = getCaps(filter);
        if (result == null) {
            result = sinkPad.getPadTemplateCaps();
            if (filter != null) {
                result = filter.intersect(result, Caps.IntersectMode.FIRST);
            }
        }
        return result;
    }

    /**
     * {@code gst_base_sink_get_position}: in PLAYING, the clock's running time mapped back into
     * the segment, never past the end of the last buffer; in PAUSED, the running time where
     * playback paused; at EOS or without a clock, the last buffer's position. Returns NONE with
     * {@code upstream[0]} set when upstream should be asked.
     */
    private long position(Format format, boolean[] upstream) {
        if (format != Format.TIME) {
            upstream[0] = true; // no format conversion here: let upstream answer
            return NONE;
        }
        State state = getCurrentState();
        State pending = getPendingState();
        if (state.ordinal() <= State.READY.ordinal() && pending.ordinal() <= State.READY.ordinal()) {
            return NONE;
        }
        Clock clock = getClock();
        long time;
        long offset;
        long duration;
        long base;
        double rate;
        long lat;
        long baseTime;
        long last;
        boolean lastSeen;
        boolean withClock;
        synchronized (objectLock) {
            if (segment.getFormat() != Format.TIME) {
                upstream[0] = segment.getFormat() != Format.UNDEFINED;
                return NONE;
            }
            boolean inPaused = state != State.PLAYING || pending != State.VOID_PENDING;
            lastSeen = eos;
            withClock = sync && clock != null;
            if (inPaused && withClock && toPlaying) {
                inPaused = false; // going to PLAYING: use the clock asap
            }
            time = ClockTime.isValid(segment.getTime()) ? segment.getTime() : 0;
            offset = segment.getOffset();
            duration = segment.getStop() != NONE ? segment.getStop() - segment.getStart() : 0;
            base = segment.getBase();
            rate = segment.getRate() * segment.getAppliedRate();
            lat = latency;
            if (inPaused) {
                baseTime = getStartTime();
            } else if (withClock) {
                baseTime = getBaseTime();
            } else {
                baseTime = NONE;
            }
            if (baseTime == NONE) {
                lastSeen = true; // no base time: report the last seen timestamp
            }
            long start = currentSstart;
            long stop = currentSstop;
            if (lastSeen) {
                last = stop == NONE || segment.getRate() > 0.0 ? start : stop;
            } else {
                last = start == NONE || segment.getRate() > 0.0 ? stop : start;
            }
            withClock = withClock && !inPaused;
        }
        if (lastSeen) {
            if (last == NONE) {
                upstream[0] = true;
                return NONE;
            }
            return last;
        }
        long now;
        if (withClock) {
            now = clock.getTime();
        } else {
            now = baseTime;
            baseTime = 0;
        }
        baseTime += base + lat;
        if (now - baseTime < 0) {
            baseTime = now;
        }
        if (rate < 0.0) {
            time += duration;
        }
        long cur = time + offset + (long) ((now - baseTime) * rate);
        if (last != NONE) {
            cur = rate > 0.0 ? Math.min(last, cur) : Math.max(last, cur);
        }
        return cur;
    }

    // ---------------------------------------------------------------- helpers

    /** {@code gst_base_sink_default_get_times}: DTS (else PTS) to DTS + duration. */
    private static Times defaultTimes(Buffer buffer) {
        long timestamp = buffer.dtsOrPts();
        if (!ClockTime.isValid(timestamp)) {
            return Times.NONE;
        }
        long end = ClockTime.isValid(buffer.duration()) ? timestamp + buffer.duration() : NONE;
        return new Times(timestamp, end);
    }

    /** {@code DO_RUNNING_AVG}: a running average with window {@code size}. */
    private static long runningAvg(long avg, long val, int size) {
        return (val + (size - 1) * avg) / size;
    }

    private static double runningAvg(double avg, double val, int size) {
        return (val + (size - 1) * avg) / size;
    }
}
