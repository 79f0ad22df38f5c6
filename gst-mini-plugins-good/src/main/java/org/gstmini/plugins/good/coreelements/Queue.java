package org.gstmini.plugins.good.coreelements;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.caps.Caps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded FIFO between two threads: buffers and serialized events enter on the sink pad in
 * the upstream thread, and the queue's own streaming thread takes them out and pushes them on.
 *
 * <p>Mirrors {@code GstQueue} (plugins/elements/gstqueue.c); the method and field names follow
 * it ({@code chain} is {@code gst_queue_chain}, {@code loop} is {@code gst_queue_loop},
 * {@code pushOne} is {@code gst_queue_push_one}, {@code srcresult}, {@code item_add},
 * {@code item_del}, ...).
 *
 * <h2>Where a new thread starts</h2>
 * Everywhere else in a pipeline, {@code pad.push(buffer)} is a plain method call that runs the
 * next element on the caller's thread. A queue is where that chain of calls <em>ends</em>: its
 * chain function only stores the buffer and returns. A second thread, the task of the queue's
 * source pad (named {@code queue0:src}), takes the buffer out and starts a new chain of calls
 * downstream:
 *
 * <pre>
 *   upstream thread (e.g. "filesrc0:src")        │  the queue's task "queue0:src"
 *                                                │
 *   filesrc push ─► queue sink chain():          │  loop():
 *                     while FULL: wait item_del  │    while EMPTY: wait item_add
 *                     enqueue(buffer)            │    buffer = dequeue()
 *                     signal item_add ───────────┼──► (wakes)      signal item_del ──┐
 *                     return OK ◄─ filesrc       │    srcpad.push(buffer)            │
 *                     goes on reading            │      ─► decoder chain ─► sink ... │
 *                                                │    (and loops)                    │
 *          ◄────── a blocked chain wakes when the task made room ─────────────────────┘
 * </pre>
 *
 * <p>So the two sides run at their own pace: a slow sink no longer stalls the reader, up to the
 * queue's limits ({@code max-size-buffers} 200, {@code max-size-bytes} 10 MB,
 * {@code max-size-time} 1 s by default, whichever is reached first; 0 disables a limit).
 *
 * <h2>When it is full, when it is empty</h2>
 * <ul>
 *   <li><b>Full</b>, {@code leaky=no} (the default): the upstream thread waits in the chain
 *       function until the task made room. Nothing is lost.</li>
 *   <li><b>Full</b>, {@code leaky=upstream}: the <em>new</em> buffer is dropped; the next buffer
 *       that enters is flagged {@link BufferFlag#DISCONT}.</li>
 *   <li><b>Full</b>, {@code leaky=downstream}: the <em>oldest</em> buffers are dropped until
 *       there is room; the next buffer pushed out is flagged DISCONT.</li>
 *   <li><b>Empty</b>, or below a {@code min-threshold-*}: the task waits for data.</li>
 * </ul>
 * The time level is not a count: it is the difference between the running time of the last
 * buffer that entered (mapped through the SEGMENT seen on the sink pad) and that of the last
 * buffer that left (mapped through the SEGMENT the task has pushed), as gstqueue.c's
 * {@code update_time_level} computes it ({@code QueueTimeLevel}).
 *
 * <h2>Waking the other side, and what it costs</h2>
 * A thread that waits is parked; waking it is a system call, and when both threads share one
 * core it also means a context switch (a few microseconds, tens of buffers' worth of work). So,
 * as gstqueue.c does with {@code waiting_add} / {@code waiting_del}, a side is only signalled
 * when it really waits, and the task pushes a run of items per iteration while there are any.
 *
 * <h2>Events, errors, flushing</h2>
 * Serialized events (STREAM_START, CAPS, SEGMENT, EOS, ...) are queued with the data, in order;
 * other events (FLUSH_START, FLUSH_STOP, out-of-band ones) pass at once. After pushing EOS the
 * task pauses. If downstream returns NOT_LINKED, EOS or an error, the task pauses and the
 * return is remembered ({@code srcresult}) and given to upstream at its next push, so the
 * upstream element learns of it and stops; when upstream cannot learn it any more (EOS was
 * already queued), the queue posts the ERROR "Internal data stream error." itself.
 * FLUSH_START wakes both threads (a blocked chain returns FLUSHING, the task pauses);
 * FLUSH_STOP empties the queue and starts the task again. Going from PAUSED to READY does the
 * same and stops the task, so no thread is left behind.
 *
 * <h2>Signals</h2>
 * GStreamer's queue emits the signals {@code underrun}, {@code running}, {@code overrun} and
 * {@code pushing}; here a {@link Listener} receives them ({@link #addListener}), from the
 * streaming threads, unless {@code silent} is set. Keep listeners quick.
 */
public final class Queue extends Element {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.queue_dataflow");

    /**
     * Items the task pushes per iteration at most. Each iteration of a {@link org.gstmini.core.Task}
     * costs its own locking; pushing a run of items per iteration spreads that cost, and the
     * iteration still ends at once on anything but OK, so flushing and pausing work as before.
     */
    private static final int MAX_ITEMS_PER_ITERATION = 64;

    public static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);
    public static final PadTemplate SRC_TEMPLATE = PadTemplate.src(Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("queue", Queue::new)
            .longName("Queue")
            .klass("Generic")
            .description("Simple data queue")
            .author("gst-mini (after Erik Walthinsen's GstQueue)")
            .padTemplate(SINK_TEMPLATE)
            .padTemplate(SRC_TEMPLATE)
            .build();

    public static final Property<Integer> CURRENT_LEVEL_BUFFERS = Property.readOnly("current-level-buffers",
            "Current number of buffers in the queue", Integer.class, 0);
    public static final Property<Integer> CURRENT_LEVEL_BYTES = Property.readOnly("current-level-bytes",
            "Current amount of data in the queue (bytes)", Integer.class, 0);
    public static final Property<Long> CURRENT_LEVEL_TIME = Property.readOnly("current-level-time",
            "Current amount of data in the queue (in ns)", Long.class, 0L);
    public static final Property<Integer> MAX_SIZE_BUFFERS = Property.ofInt("max-size-buffers",
            "Max. number of buffers in the queue (0=disable)", 0, Integer.MAX_VALUE, 200)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> MAX_SIZE_BYTES = Property.ofInt("max-size-bytes",
            "Max. amount of data in the queue (bytes, 0=disable)", 0, Integer.MAX_VALUE, 10 * 1024 * 1024)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Long> MAX_SIZE_TIME = Property.ofLong("max-size-time",
            "Max. amount of data in the queue (in ns, 0=disable)", 0, Long.MAX_VALUE, ClockTime.SECOND)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> MIN_THRESHOLD_BUFFERS = Property.ofInt("min-threshold-buffers",
            "Min. number of buffers in the queue to allow reading (0=disable)", 0, Integer.MAX_VALUE, 0)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> MIN_THRESHOLD_BYTES = Property.ofInt("min-threshold-bytes",
            "Min. amount of data in the queue to allow reading (bytes, 0=disable)", 0, Integer.MAX_VALUE, 0)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Long> MIN_THRESHOLD_TIME = Property.ofLong("min-threshold-time",
            "Min. amount of data in the queue to allow reading (in ns, 0=disable)", 0, Long.MAX_VALUE, 0L)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<QueueLeaky> LEAKY = Property.ofEnum("leaky",
            "Where the queue leaks, if at all", QueueLeaky.NO)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> SILENT = Property.ofBoolean("silent",
            "Don't emit queue signals", false)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> FLUSH_ON_EOS = Property.ofBoolean("flush-on-eos",
            "Discard all data in the queue when an EOS event is received", false)
            .mutableIn(Property.Mutability.PLAYING);

    /**
     * Receives the queue's signals, GStreamer's {@code GstQueue::underrun}, {@code ::running},
     * {@code ::overrun} and {@code ::pushing}. Called from streaming threads, without the
     * queue's lock held, and not at all while {@code silent} is true.
     */
    public interface Listener {
        /** The queue became empty (or fell below a min-threshold): the task waits for data. */
        default void underrun(Queue queue) {
        }

        /** The queue has enough data again (after an underrun), or room again (after an overrun). */
        default void running(Queue queue) {
        }

        /** The queue is full: upstream blocks, or buffers leak. */
        default void overrun(Queue queue) {
        }

        /** The queue has enough data to push again after an underrun. */
        default void pushing(Queue queue) {
        }
    }

    /** A consistent snapshot of the three fill levels, read under the queue's lock. */
    public record Levels(int buffers, long bytes, long time) {
    }

    private final Pad sinkpad = new Pad("sink", SINK_TEMPLATE);
    private final Pad srcpad = new Pad("src", SRC_TEMPLATE);
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

    /** {@code qlock}: guards everything below; {@code item_add} wakes the task, {@code item_del} the chain. */
    private final ReentrantLock qlock = new ReentrantLock();
    private final Condition itemAdd = qlock.newCondition();
    private final Condition itemDel = qlock.newCondition();
    /**
     * Whether the task waits on {@code itemAdd} ({@code waiting_add}) and the chain function on
     * {@code itemDel} ({@code waiting_del}); guarded by qlock. Only a waiting thread is signalled.
     */
    private boolean waitingAdd;
    private boolean waitingDel;

    /** Buffers and serialized events, oldest first. */
    private final ArrayDeque<Object> items = new ArrayDeque<>(300);

    private int curBuffers;
    private long curBytes;
    private long curTime;

    private int maxBuffers = MAX_SIZE_BUFFERS.defaultValue();
    private long maxBytes = MAX_SIZE_BYTES.defaultValue();
    private long maxTime = MAX_SIZE_TIME.defaultValue();
    /** The thresholds in force; EOS zeroes them so the queue drains completely. */
    private int minBuffers;
    private long minBytes;
    private long minTime;
    /** The thresholds as set by the user, restored on flush ({@code orig_min_threshold}). */
    private int origMinBuffers;
    private long origMinBytes;
    private long origMinTime;
    private QueueLeaky leaky = QueueLeaky.NO;
    private volatile boolean silent;
    private boolean flushOnEos;

    /** Running time in and out ({@code sink_segment}, {@code src_segment}, {@code sinktime}, ...). */
    private final QueueTimeLevel timeLevel = new QueueTimeLevel();
    /** A SEGMENT entered an empty queue and was applied to the source side at once. */
    private boolean newsegAppliedToSrc;

    private boolean headNeedsDiscont;
    private boolean tailNeedsDiscont;

    /** What the last push downstream returned, or FLUSHING while flushing or inactive. */
    private FlowReturn srcresult = FlowReturn.FLUSHING;
    /** EOS was queued: refuse more data. */
    private boolean eos;
    /** Downstream returned EOS and nothing pushable is left: refuse data until a new segment. */
    private boolean unexpected;
    /**
     * Sticky events taken out of the queue without being pushed (leaked, or flushed), to be
     * sent before the next item: what {@code gst_pad_store_sticky_event (srcpad, ...)} achieves
     * in gstqueue.c, done by the task so that only the task ever pushes on the source pad.
     */
    private final List<Event> pendingSticky = new ArrayList<>();

    public Queue() {
        installProperty(CURRENT_LEVEL_BUFFERS, CURRENT_LEVEL_BYTES, CURRENT_LEVEL_TIME,
                MAX_SIZE_BUFFERS, MAX_SIZE_BYTES, MAX_SIZE_TIME,
                MIN_THRESHOLD_BUFFERS, MIN_THRESHOLD_BYTES, MIN_THRESHOLD_TIME,
                LEAKY, SILENT, FLUSH_ON_EOS);

        sinkpad.setChainFunction((pad, parent, buffer) -> chain(buffer));
        sinkpad.setEventFunction((pad, parent, event) -> handleSinkEvent(event));
        sinkpad.setActivateModeFunction((pad, parent, mode, active) -> sinkActivateMode(mode, active));
        sinkpad.setProxyCaps(true);
        addPad(sinkpad);

        srcpad.setEventFunction((pad, parent, event) -> handleSrcEvent(pad, event));
        srcpad.setQueryFunction((pad, parent, query) -> handleSrcQuery(pad, query));
        srcpad.setActivateModeFunction((pad, parent, mode, active) -> srcActivateMode(mode, active));
        srcpad.setProxyCaps(true);
        addPad(srcpad);
    }

    /** The templates even for a queue made with {@code new} rather than by its factory. */
    @Override
    public List<PadTemplate> getPadTemplates() {
        return List.of(SINK_TEMPLATE, SRC_TEMPLATE);
    }

    // ---------------------------------------------------------------- listeners and levels

    /** Adds a listener for the queue's signals (GStreamer's {@code g_signal_connect}). */
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** The current fill levels, all three read at once. */
    public Levels currentLevels() {
        qlock.lock();
        try {
            return new Levels(curBuffers, curBytes, curTime);
        } finally {
            qlock.unlock();
        }
    }

    @Override
    protected Object readProperty(Property<?> property) {
        if (property == CURRENT_LEVEL_BUFFERS || property == CURRENT_LEVEL_BYTES || property == CURRENT_LEVEL_TIME) {
            Levels l = currentLevels();
            if (property == CURRENT_LEVEL_BUFFERS) {
                return l.buffers();
            }
            if (property == CURRENT_LEVEL_BYTES) {
                return (int) Math.min(Integer.MAX_VALUE, l.bytes());
            }
            return l.time();
        }
        return super.readProperty(property);
    }

    /** Applies a new setting under the queue's lock and wakes whichever side it concerns. */
    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        qlock.lock();
        try {
            if (property == MAX_SIZE_BUFFERS) {
                maxBuffers = (Integer) value;
                capacityChanged();
            } else if (property == MAX_SIZE_BYTES) {
                maxBytes = (Integer) value;
                capacityChanged();
            } else if (property == MAX_SIZE_TIME) {
                maxTime = (Long) value;
                capacityChanged();
            } else if (property == MIN_THRESHOLD_BUFFERS) {
                minBuffers = origMinBuffers = (Integer) value;
                itemAdd.signalAll();
            } else if (property == MIN_THRESHOLD_BYTES) {
                minBytes = origMinBytes = (Integer) value;
                itemAdd.signalAll();
            } else if (property == MIN_THRESHOLD_TIME) {
                minTime = origMinTime = (Long) value;
                itemAdd.signalAll();
            } else if (property == LEAKY) {
                leaky = (QueueLeaky) value;
            } else if (property == SILENT) {
                silent = (Boolean) value;
            } else if (property == FLUSH_ON_EOS) {
                flushOnEos = (Boolean) value;
            }
        } finally {
            qlock.unlock();
        }
    }

    /** {@code queue_capacity_change}: a leaky-downstream queue leaks at once; a blocked chain may now fit. */
    private void capacityChanged() {
        if (leaky == QueueLeaky.DOWNSTREAM) {
            leakDownstream();
        }
        itemDel.signalAll();
    }

    // ---------------------------------------------------------------- fill state (with qlock)

    /** {@code gst_queue_is_filled}: a max limit is reached. */
    private boolean isFilled() {
        return (maxBuffers > 0 && curBuffers >= maxBuffers)
                || (maxBytes > 0 && curBytes >= maxBytes)
                || (maxTime > 0 && curTime >= maxTime);
    }

    /**
     * {@code gst_queue_is_empty}: nothing queued, or only buffers and a min-threshold not yet
     * reached (events at the tail always let the task run, so they are not held back).
     */
    private boolean isEmpty() {
        Object tail = items.peekLast();
        if (tail == null) {
            return true;
        }
        if (!(tail instanceof Buffer)) {
            return false;
        }
        boolean below = (minBuffers > 0 && curBuffers < minBuffers)
                || (minBytes > 0 && curBytes < minBytes)
                || (minTime > 0 && curTime < minTime);
        return below && !isFilled();
    }

    // ---------------------------------------------------------------- queue operations (with qlock)

    /**
     * {@code gst_queue_locked_flush}: drops everything queued and resets the levels and time
     * tracking. Unless {@code full}, sticky events other than SEGMENT and EOS are kept to be
     * sent before the next data, so the format survives a flush.
     */
    private void lockedFlush(boolean full) {
        if (full) {
            pendingSticky.clear();
        }
        for (Object item : items) {
            if (!full && item instanceof Event e && e.type().isSticky()
                    && e.type() != EventType.SEGMENT && e.type() != EventType.EOS) {
                storePendingSticky(e);
            }
        }
        items.clear();
        curBuffers = 0;
        curBytes = 0;
        curTime = 0;
        minBuffers = origMinBuffers;
        minBytes = origMinBytes;
        minTime = origMinTime;
        timeLevel.reset();
        headNeedsDiscont = false;
        tailNeedsDiscont = false;
        newsegAppliedToSrc = false;
        itemDel.signalAll(); // we deleted a lot of something
    }

    /** Keeps one sticky event per slot, the latest, in the order they came. */
    private void storePendingSticky(Event event) {
        for (int i = 0; i < pendingSticky.size(); i++) {
            if (sameStickySlot(pendingSticky.get(i), event)) {
                pendingSticky.remove(i);
                break;
            }
        }
        pendingSticky.add(event);
    }

    private static boolean sameStickySlot(Event a, Event b) {
        if (a.type() != b.type()) {
            return false;
        }
        if (a instanceof Event.CustomEvent ca && b instanceof Event.CustomEvent cb) {
            return Objects.equals(ca.structure().name(), cb.structure().name());
        }
        return true;
    }

    /** {@code gst_queue_locked_enqueue_buffer}. */
    private void enqueueBuffer(Buffer buffer) {
        curBuffers++;
        curBytes += buffer.size();
        curTime = timeLevel.applyBuffer(buffer, true);
        items.addLast(buffer);
        signalAdd();
    }

    /** {@code gst_queue_locked_enqueue_event}. */
    private void enqueueEvent(Event event) {
        switch (event.type()) {
            case EOS -> {
                if (flushOnEos) {
                    lockedFlush(false);
                } else {
                    // Zero the thresholds so that everything left can be read out.
                    minBuffers = 0;
                    minBytes = 0;
                    minTime = 0;
                }
                eos = true; // refuse more data
            }
            case SEGMENT -> {
                Event.SegmentEvent seg = (Event.SegmentEvent) event;
                timeLevel.applySegment(seg, true);
                if (items.isEmpty()) {
                    // Nothing ahead of it: the source side is in this segment from now on.
                    timeLevel.applySegment(seg, false);
                    newsegAppliedToSrc = true;
                }
                unexpected = false; // a new segment lets data in again after downstream EOS
            }
            case GAP -> applyGap((Event.GapEvent) event, true);
            default -> {
            }
        }
        items.addLast(event);
        signalAdd();
    }

    private void applyGap(Event.GapEvent gap, boolean sinkSide) {
        long level = timeLevel.applyGap(gap, sinkSide);
        if (level >= 0) {
            curTime = level;
        }
    }

    /** {@code GST_QUEUE_SIGNAL_ADD}: wakes the task if it waits for an item. */
    private void signalAdd() {
        if (waitingAdd) {
            itemAdd.signal();
        }
    }

    /** {@code GST_QUEUE_SIGNAL_DEL}: wakes the chain function if it waits for room. */
    private void signalDel() {
        if (waitingDel) {
            itemDel.signal();
        }
    }

    /** {@code GST_QUEUE_WAIT_ADD_CHECK}'s wait: the task sleeps until an item comes or a wake-all (flush, thresholds). */
    private void waitAdd() {
        waitingAdd = true;
        try {
            itemAdd.awaitUninterruptibly();
        } finally {
            waitingAdd = false;
        }
    }

    /** {@code GST_QUEUE_WAIT_DEL_CHECK}'s wait: the chain function sleeps until room is made or a wake-all. */
    private void waitDel() {
        waitingDel = true;
        try {
            itemDel.awaitUninterruptibly();
        } finally {
            waitingDel = false;
        }
    }

    /** {@code gst_queue_locked_dequeue}: takes the oldest item and updates the levels; null if empty. */
    private Object dequeue() {
        Object item = items.pollFirst();
        if (item == null) {
            return null;
        }
        if (item instanceof Buffer buffer) {
            curBuffers--;
            curBytes -= buffer.size();
            curTime = timeLevel.applyBuffer(buffer, false);
            if (curBuffers == 0) {
                curTime = 0; // empty now: whatever the timestamps say
            }
        } else if (item instanceof Event event) {
            switch (event.type()) {
                case EOS -> {
                    curBuffers = 0;
                    curBytes = 0;
                    curTime = 0;
                }
                case SEGMENT -> {
                    if (!newsegAppliedToSrc) {
                        timeLevel.applySegment((Event.SegmentEvent) event, false);
                    } else {
                        newsegAppliedToSrc = false;
                    }
                }
                case GAP -> applyGap((Event.GapEvent) event, false);
                default -> {
                }
            }
        }
        signalDel();
        return item;
    }

    /** {@code gst_queue_leak_downstream}: drops the oldest items until the queue is no longer full. */
    private void leakDownstream() {
        while (isFilled()) {
            Object leak = dequeue();
            if (leak == null) {
                break; // full with nothing queued: only possible if a limit is 0-sized; nothing to drop
            }
            LOG.debug("{}: queue is full, leaking {} on downstream end", getName(), leak);
            if (leak instanceof Event e && e.type().isSticky()) {
                storePendingSticky(e);
            }
            headNeedsDiscont = true; // the next buffer pushed out follows a gap
        }
    }

    // ---------------------------------------------------------------- the upstream side

    /** {@code gst_queue_chain}: runs in the upstream thread; waits while full (or leaks). */
    private FlowReturn chain(Buffer buffer) {
        qlock.lock();
        try {
            if (srcresult != FlowReturn.OK) {
                return srcresult;
            }
            if (eos || unexpected) {
                return FlowReturn.EOS; // EOS was queued, or downstream is EOS
            }
            makeRoom:
            while (isFilled()) {
                if (!silent) {
                    emitUnlocked(Signal.OVERRUN);
                    if (srcresult != FlowReturn.OK) {
                        return srcresult;
                    }
                    if (!isFilled()) {
                        break makeRoom; // a listener may have changed the limits
                    }
                }
                switch (leaky) {
                    case UPSTREAM -> {
                        LOG.debug("{}: queue is full, leaking buffer on upstream end", getName());
                        tailNeedsDiscont = true;
                        return FlowReturn.OK;
                    }
                    case DOWNSTREAM -> {
                        leakDownstream();
                        if (items.isEmpty()) {
                            break makeRoom; // nothing left to drop (a time level made by GAPs): take the buffer
                        }
                    }
                    case NO -> {
                        LOG.trace("{}: queue is full, waiting for free space", getName());
                        while (isFilled()) {
                            waitDel();
                            if (srcresult != FlowReturn.OK) {
                                return srcresult;
                            }
                        }
                        if (!silent) {
                            emitUnlocked(Signal.RUNNING);
                            if (srcresult != FlowReturn.OK) {
                                return srcresult;
                            }
                        }
                    }
                }
            }
            if (tailNeedsDiscont) {
                buffer = buffer.withFlag(BufferFlag.DISCONT);
                tailNeedsDiscont = false;
            }
            enqueueBuffer(buffer);
            return FlowReturn.OK;
        } finally {
            qlock.unlock();
        }
    }

    /** {@code gst_queue_handle_sink_event}. */
    private boolean handleSinkEvent(Event event) {
        switch (event.type()) {
            case FLUSH_START -> {
                boolean ret = srcpad.pushEvent(event);
                qlock.lock();
                try {
                    srcresult = FlowReturn.FLUSHING;
                    itemAdd.signalAll(); // unblock the task
                    itemDel.signalAll(); // and the chain function
                } finally {
                    qlock.unlock();
                }
                // The task now leaves its loop (downstream got FLUSH_START too); wait for that.
                srcpad.pauseTask();
                return ret;
            }
            case FLUSH_STOP -> {
                boolean ret = srcpad.pushEvent(event);
                qlock.lock();
                try {
                    lockedFlush(false);
                    srcresult = FlowReturn.OK;
                    eos = false;
                    unexpected = false;
                    if (srcpad.isActive()) {
                        srcpad.startTask(this::loop);
                    } else {
                        LOG.info("{}: not restarting the task on {}: the pad is no longer active", getName(), srcpad);
                    }
                } finally {
                    qlock.unlock();
                }
                return ret;
            }
            default -> {
                if (!event.type().isSerialized()) {
                    return srcpad.pushEvent(event); // out-of-band: forward at once
                }
                return queueSerializedEvent(event);
            }
        }
    }

    private boolean queueSerializedEvent(Event event) {
        EventType type = event.type();
        FlowReturn flowError = null;
        qlock.lock();
        try {
            // STREAM_START and SEGMENT reset the EOS state of the pad downstream.
            if (srcresult == FlowReturn.EOS && (type == EventType.STREAM_START || type == EventType.SEGMENT)) {
                srcresult = FlowReturn.OK;
            }
            if (srcresult != FlowReturn.OK) {
                // Sticky events other than EOS are queued anyway: data flow will report the
                // problem. Non-sticky ones, and EOS (no data follows it), are refused.
                if (!type.isSticky()) {
                    return false;
                }
                if (type == EventType.EOS) {
                    if (srcresult.isFatal()) {
                        flowError = srcresult;
                    }
                    return false;
                }
            }
            if (eos) {
                if (type != EventType.STREAM_START && type != EventType.SEGMENT) {
                    return false; // refuse more events after EOS, unless they start a new stream
                }
                eos = false;
                unexpected = false;
                if (srcpad.getMode() == PadMode.PUSH) {
                    srcresult = FlowReturn.OK;
                    srcpad.startTask(this::loop); // the task paused after pushing EOS
                }
            }
            enqueueEvent(event);
            return true;
        } finally {
            qlock.unlock();
            if (flowError != null) {
                postFlowError(flowError);
            }
        }
    }

    // ---------------------------------------------------------------- the queue's own thread

    /**
     * {@code gst_queue_loop}: one iteration of the source pad's task. Waits while the queue is
     * empty, then pushes items downstream, up to {@link #MAX_ITEMS_PER_ITERATION} (gstqueue.c
     * pushes one per iteration). On anything but OK the task pauses.
     */
    private void loop() {
        FlowReturn ret = FlowReturn.OK;
        boolean wasEos;
        qlock.lock();
        try {
            for (int i = 0; i < MAX_ITEMS_PER_ITERATION && ret == FlowReturn.OK; i++) {
                ret = waitAndPushOne();
            }
            if (ret == FlowReturn.OK) {
                return;
            }
            // out_flushing
            wasEos = eos;
            ret = srcresult;
            srcpad.pauseTask();
            LOG.debug("{}: pausing task, reason {}", getName(), ret.nick());
            if (ret != FlowReturn.NOT_LINKED && ret != FlowReturn.EOS) {
                lockedFlush(false);
            } else {
                // Keep the data: a relink (RECONFIGURE) or a new stream restarts the task.
                itemDel.signalAll();
            }
        } finally {
            qlock.unlock();
        }
        // Upstream has sent EOS and will push no more, so it cannot learn of this: tell the app.
        if (wasEos && ret.isFatal()) {
            postFlowError(ret);
            srcpad.pushEvent(Event.eos());
        }
    }

    /** The body of the loop with qlock held; returns OK to go on, or the reason to pause. */
    private FlowReturn waitAndPushOne() {
        if (srcresult != FlowReturn.OK) {
            return srcresult;
        }
        while (isEmpty()) {
            if (!silent) {
                emitUnlocked(Signal.UNDERRUN);
                if (srcresult != FlowReturn.OK) {
                    return srcresult;
                }
            }
            while (isEmpty()) {
                waitAdd();
                if (srcresult != FlowReturn.OK) {
                    return srcresult;
                }
            }
            if (!silent) {
                emitUnlocked(Signal.RUNNING);
                emitUnlocked(Signal.PUSHING);
                if (srcresult != FlowReturn.OK) {
                    return srcresult;
                }
            }
        }
        FlowReturn ret = pushOne();
        srcresult = ret;
        return ret;
    }

    /** {@code gst_queue_push_one}: dequeues one item and pushes it, with qlock released around the push. */
    private FlowReturn pushOne() {
        if (!pendingSticky.isEmpty()) {
            List<Event> sticky = new ArrayList<>(pendingSticky);
            pendingSticky.clear();
            qlock.unlock();
            try {
                for (Event e : sticky) {
                    srcpad.pushEvent(e);
                }
            } finally {
                qlock.lock();
            }
            if (srcresult != FlowReturn.OK) {
                return srcresult;
            }
        }
        Object data = dequeue();
        if (data == null) {
            LOG.error("{}: the task ran with no item in the queue", getName());
            return FlowReturn.ERROR;
        }
        while (true) {
            if (data instanceof Buffer buffer) {
                if (headNeedsDiscont) {
                    buffer = buffer.withFlag(BufferFlag.DISCONT);
                    headNeedsDiscont = false;
                }
                FlowReturn result;
                qlock.unlock();
                try {
                    result = srcpad.push(buffer);
                } finally {
                    qlock.lock();
                }
                if (srcresult != FlowReturn.OK) {
                    return srcresult; // flushed or deactivated while we pushed
                }
                if (result == FlowReturn.EOS) {
                    // Downstream wants no more data: drop queued data until something that can
                    // still be pushed (EOS, SEGMENT, STREAM_START); with none, refuse new data.
                    LOG.debug("{}: got EOS from downstream", getName());
                    Object next;
                    while ((next = dequeue()) != null) {
                        if (next instanceof Event e && (e.type() == EventType.EOS || e.type() == EventType.SEGMENT
                                || e.type() == EventType.STREAM_START)) {
                            break;
                        }
                    }
                    if (next != null) {
                        data = next;
                        continue;
                    }
                    unexpected = true;
                    return FlowReturn.OK;
                }
                return result;
            }
            Event event = (Event) data;
            qlock.unlock();
            try {
                srcpad.pushEvent(event);
            } finally {
                qlock.lock();
            }
            if (srcresult != FlowReturn.OK) {
                return srcresult;
            }
            // After EOS the task pauses until a new stream or a flush.
            return event.type() == EventType.EOS ? FlowReturn.EOS : FlowReturn.OK;
        }
    }

    // ---------------------------------------------------------------- source pad: events, queries

    /** {@code gst_queue_handle_src_event}: upstream events pass; RECONFIGURE retries after NOT_LINKED. */
    private boolean handleSrcEvent(Pad pad, Event event) {
        if (event.type() == EventType.RECONFIGURE) {
            qlock.lock();
            try {
                if (srcresult == FlowReturn.NOT_LINKED) {
                    // Probably linked again: try pushing once more.
                    srcresult = FlowReturn.OK;
                    srcpad.startTask(this::loop);
                }
            } finally {
                qlock.unlock();
            }
            return sinkpad.pushEvent(event);
        }
        return pad.eventDefault(event);
    }

    /**
     * {@code gst_queue_handle_src_query}: answered upstream, then corrected for what sits in
     * the queue: POSITION minus the queued amount, LATENCY plus what the queue can hold.
     */
    private boolean handleSrcQuery(Pad pad, Query query) {
        if (!pad.queryDefault(query)) {
            return false;
        }
        if (query instanceof Query.PositionQuery q) {
            Levels l = currentLevels();
            if (q.format() == Format.BYTES) {
                q.setPosition(Math.max(0, q.position() - l.bytes()));
            } else if (q.format() == Format.TIME) {
                q.setPosition(Math.max(0, q.position() - l.time()));
            }
        } else if (query instanceof Query.LatencyQuery q) {
            long max = q.max();
            long min = q.min();
            long limit;
            QueueLeaky mode;
            long threshold;
            qlock.lock();
            try {
                limit = maxTime;
                mode = leaky;
                threshold = minTime;
            } finally {
                qlock.unlock();
            }
            // The queue can delay data by up to its time limit. Without a limit, or when
            // upstream's maximum is unknown, the maximum becomes unlimited.
            if (limit > 0 && max != ClockTime.NONE && mode == QueueLeaky.NO) {
                max += limit;
            } else if (limit > 0 && mode != QueueLeaky.NO) {
                max = max == ClockTime.NONE ? ClockTime.NONE : Math.max(limit, max);
            } else {
                max = ClockTime.NONE;
            }
            if (threshold > 0) {
                min += threshold; // data waits until the threshold is reached
            }
            q.set(q.live(), min, max);
        }
        return true;
    }

    // ---------------------------------------------------------------- activation

    /** {@code gst_queue_sink_activate_mode}. */
    private boolean sinkActivateMode(PadMode mode, boolean active) {
        if (mode != PadMode.PUSH) {
            return false;
        }
        if (active) {
            qlock.lock();
            try {
                srcresult = FlowReturn.OK;
                eos = false;
                unexpected = false;
            } finally {
                qlock.unlock();
            }
            return true;
        }
        // 1: wake a chain function waiting for room
        qlock.lock();
        try {
            srcresult = FlowReturn.FLUSHING;
            itemDel.signalAll();
        } finally {
            qlock.unlock();
        }
        // 2: wait until the upstream thread has left the chain function, then empty the queue
        sinkpad.getStreamLock().lock();
        try {
            qlock.lock();
            try {
                lockedFlush(true);
            } finally {
                qlock.unlock();
            }
        } finally {
            sinkpad.getStreamLock().unlock();
        }
        return true;
    }

    /** {@code gst_queue_src_activate_mode}: starts the task; on deactivation wakes and stops it. */
    private boolean srcActivateMode(PadMode mode, boolean active) {
        if (mode != PadMode.PUSH) {
            return false;
        }
        if (active) {
            qlock.lock();
            try {
                srcresult = FlowReturn.OK;
                eos = false;
                unexpected = false;
                pendingSticky.clear();
                srcpad.startTask(this::loop);
            } finally {
                qlock.unlock();
            }
            return true;
        }
        // 1: wake the task if it waits for data
        qlock.lock();
        try {
            srcresult = FlowReturn.FLUSHING;
            itemAdd.signalAll();
        } finally {
            qlock.unlock();
        }
        // 2: make sure streaming has finished and the thread is gone
        srcpad.stopTask();
        qlock.lock();
        try {
            lockedFlush(false);
        } finally {
            qlock.unlock();
        }
        return true;
    }

    // ---------------------------------------------------------------- signals and errors

    private enum Signal { UNDERRUN, RUNNING, OVERRUN, PUSHING }

    /** Emits a signal with qlock released, as g_signal_emit is called in gstqueue.c; relocks after. */
    private void emitUnlocked(Signal signal) {
        if (listeners.isEmpty()) {
            return;
        }
        qlock.unlock();
        try {
            for (Listener l : listeners) {
                try {
                    switch (signal) {
                        case UNDERRUN -> l.underrun(this);
                        case RUNNING -> l.running(this);
                        case OVERRUN -> l.overrun(this);
                        case PUSHING -> l.pushing(this);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("{}: a {} listener threw", getName(), signal.name().toLowerCase(java.util.Locale.ROOT), e);
                }
            }
        } finally {
            qlock.lock();
        }
    }

    /** {@code GST_ELEMENT_FLOW_ERROR}: the ERROR a streaming thread posts when it gives up. */
    private void postFlowError(FlowReturn ret) {
        postError(ErrorCode.STREAM_FAILED, "Internal data stream error.",
                "streaming stopped, reason " + ret.nick() + " (" + ret.value() + ")");
    }
}
