package org.gstmini.plugins.good.coreelements;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.gstmini.base.BaseTransform;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.ClockId;
import org.gstmini.core.clock.ClockReturn;
import org.gstmini.core.clock.SystemClock;

/**
 * Passes data through unchanged, with diagnostics on the way: drop, fail or end the stream
 * after N buffers, synchronise to the clock like a sink, check timestamps for gaps, print what
 * passes. Mirrors {@code identity} (plugins/elements/gstidentity.c).
 *
 * <p>Built on {@link BaseTransform} in passthrough: {@link #transformInPlace} sees every buffer
 * and returns the same object unless a property asks for a change ({@code datarate} and
 * {@code single-segment} retimestamp, which leaves passthrough).
 *
 * <pre>
 * gst-launch fakesrc num-buffers=10 ! identity error-after=5 ! fakesink   # ERROR after 5 buffers
 * gst-launch filesrc location=f ! identity sync=true ! fakesink           # play at clock speed
 * </pre>
 *
 * <p>The {@code handoff} signal is {@link #addHandoffListener(HandoffListener)}: the listener
 * runs in the streaming thread before the buffer is pushed on.
 */
public final class Identity extends BaseTransform {
    private static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);
    private static final PadTemplate SRC_TEMPLATE = PadTemplate.src(Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("identity", Identity::new)
            .longName("Identity").klass("Generic").description("Pass data without modification")
            .author("gst-mini").padTemplate(SRC_TEMPLATE).padTemplate(SINK_TEMPLATE).build();

    public static final Property<Long> SLEEP_TIME = Property.ofLong("sleep-time",
            "Microseconds to sleep between processing", 0, 0xFFFF_FFFFL, 0).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> ERROR_AFTER = Property.ofInt("error-after",
            "Error after N buffers", -1, Integer.MAX_VALUE, -1);
    public static final Property<Double> DROP_PROBABILITY = Property.ofDouble("drop-probability",
            "The Probability a buffer is dropped", 0.0, 1.0, 0.0).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> DATARATE = Property.ofInt("datarate",
            "(Re)timestamps buffers with number of bytes per second (0 = inactive)", 0, Integer.MAX_VALUE, 0)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> SILENT = Property.ofBoolean("silent", "silent", true)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> SINGLE_SEGMENT = Property.ofBoolean("single-segment",
            "Timestamp buffers and eat segments so as to appear as one segment", false);
    public static final Property<String> LAST_MESSAGE = Property.readOnly("last-message", "last-message",
            String.class, null);
    public static final Property<Boolean> DUMP = Property.ofBoolean("dump", "Dump buffer contents to stdout", false)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> SYNC = Property.ofBoolean("sync", "Synchronize to pipeline clock", false);
    public static final Property<Long> TS_OFFSET = Property.ofLong("ts-offset",
            "Timestamp offset in nanoseconds for synchronisation, negative for earlier sync",
            Long.MIN_VALUE, Long.MAX_VALUE, 0).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> CHECK_IMPERFECT_TIMESTAMP = Property.ofBoolean("check-imperfect-timestamp",
            "Send element messages if timestamps and durations do not match up", false)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> CHECK_IMPERFECT_OFFSET = Property.ofBoolean("check-imperfect-offset",
            "Send element messages if offset and offset_end do not match up", false)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> SIGNAL_HANDOFFS = Property.ofBoolean("signal-handoffs",
            "Send a signal before pushing the buffer", true).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> EOS_AFTER = Property.ofInt("eos-after", "EOS after N buffers",
            -1, Integer.MAX_VALUE, -1);
    public static final Property<Structure> STATS = Property.readOnly("stats", "Statistics", Structure.class, null);

    /** The "handoff" signal: called with each buffer before it is pushed on. */
    @FunctionalInterface
    public interface HandoffListener {
        void handoff(Identity identity, Buffer buffer);
    }

    // ---- settings (mirrors of the properties, read on every buffer)
    private volatile long sleepTime;
    private volatile int errorAfter = -1;
    private volatile double dropProbability;
    private volatile int datarate;
    private volatile boolean silent = true;
    private volatile boolean singleSegment;
    private volatile boolean dump;
    private volatile boolean sync;
    private volatile long tsOffset;
    private volatile boolean checkImperfectTimestamp;
    private volatile boolean checkImperfectOffset;
    private volatile boolean signalHandoffs = true;
    private volatile int eosAfter = -1;
    private final CopyOnWriteArrayList<HandoffListener> handoffListeners = new CopyOnWriteArrayList<>();

    // ---- clock waiting: guarded by lock; blocked while PAUSED, flushing on flush and PAUSED->READY
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition unblocked = lock.newCondition();
    private boolean flushing;
    private boolean blocked;
    private ClockId clockId;
    private Segment seekSegment;
    private volatile long upstreamLatency;

    // ---- streaming state: reset in start(), touched by the streaming thread
    private int errorAfterCounter = -1;
    private int eosAfterCounter = -1;
    private long offset;
    private long prevTimestamp = ClockTime.NONE;
    private long prevDuration = ClockTime.NONE;
    private long prevOffset = -1;
    private long prevOffsetEnd = -1;
    /**
     * The {@code stats} counters: written by the streaming thread alone with {@code lazySet} (a
     * release store: no fence per buffer, unlike a volatile {@code +=}), read by any thread.
     */
    private final AtomicLong numBytes = new AtomicLong();
    private final AtomicLong numBuffers = new AtomicLong();

    public Identity() {
        super(SINK_TEMPLATE, SRC_TEMPLATE);
        installProperty(SLEEP_TIME, ERROR_AFTER, DROP_PROBABILITY, DATARATE, SILENT, SINGLE_SEGMENT, LAST_MESSAGE,
                DUMP, SYNC, TS_OFFSET, CHECK_IMPERFECT_TIMESTAMP, CHECK_IMPERFECT_OFFSET, SIGNAL_HANDOFFS, EOS_AFTER,
                STATS);
        setGapAware(true);
        setFlag(ElementFlag.REQUIRE_CLOCK, true);
        updatePassthrough();
    }

    /** Calls {@code listener} with every buffer before it is pushed on (GStreamer's "handoff" signal). */
    public void addHandoffListener(HandoffListener listener) {
        handoffListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    public void removeHandoffListener(HandoffListener listener) {
        handoffListeners.remove(listener);
    }

    // ---------------------------------------------------------------- properties

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        switch (property.name()) {
            case "sleep-time" -> sleepTime = (Long) value;
            case "error-after" -> errorAfter = (Integer) value;
            case "drop-probability" -> dropProbability = (Double) value;
            case "datarate" -> datarate = (Integer) value;
            case "silent" -> silent = (Boolean) value;
            case "single-segment" -> singleSegment = (Boolean) value;
            case "dump" -> dump = (Boolean) value;
            case "sync" -> {
                sync = (Boolean) value;
                setFlag(ElementFlag.PROVIDE_CLOCK, sync);
            }
            case "ts-offset" -> tsOffset = (Long) value;
            case "check-imperfect-timestamp" -> checkImperfectTimestamp = (Boolean) value;
            case "check-imperfect-offset" -> checkImperfectOffset = (Boolean) value;
            case "signal-handoffs" -> signalHandoffs = (Boolean) value;
            case "eos-after" -> eosAfter = (Integer) value;
            default -> {
            }
        }
        updatePassthrough();
    }

    private void updatePassthrough() {
        setPassthrough(datarate <= 0 && !singleSegment);
    }

    @Override
    protected Object readProperty(Property<?> property) {
        if (property == STATS) {
            return Structure.of("application/x-identity-stats").with("num-bytes", numBytes.get())
                    .with("num-buffers", numBuffers.get());
        }
        return super.readProperty(property);
    }

    /** With {@code sync=true}, offers the system clock, as GStreamer's identity does. */
    @Override
    public Clock provideClock() {
        return sync ? SystemClock.obtain() : null;
    }

    // ---------------------------------------------------------------- state

    @Override
    protected boolean start() {
        if (eosAfter != -1 && errorAfter != -1) {
            postError(ErrorCode.CORE_FAILED, "eos-after and error-after can't both be defined.",
                    getName() + ": eos-after=" + eosAfter + ", error-after=" + errorAfter);
            return false;
        }
        offset = 0;
        prevTimestamp = ClockTime.NONE;
        prevDuration = ClockTime.NONE;
        prevOffset = -1;
        prevOffsetEnd = -1;
        errorAfterCounter = errorAfter;
        eosAfterCounter = eosAfter;
        return true;
    }

    @Override
    protected boolean stop() {
        updateProperty(LAST_MESSAGE, null);
        return true;
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        boolean noPreroll = false;
        switch (transition) {
            case READY_TO_PAUSED -> {
                withLock(() -> {
                    flushing = false;
                    blocked = true;
                });
                noPreroll = sync;
                numBytes.set(0);
                numBuffers.set(0);
            }
            case PAUSED_TO_PLAYING -> withLock(() -> blocked = false);
            case PAUSED_TO_READY -> withLock(() -> {
                flushing = true;
                blocked = false;
                if (clockId != null) {
                    clockId.unschedule();
                }
            });
            default -> {
            }
        }
        StateChangeReturn ret = super.changeState(transition);
        if (transition == StateChange.PLAYING_TO_PAUSED) {
            upstreamLatency = 0;
            withLock(() -> blocked = true);
            noPreroll = sync;
        }
        return noPreroll && ret == StateChangeReturn.SUCCESS ? StateChangeReturn.NO_PREROLL : ret;
    }

    private void withLock(Runnable r) {
        lock.lock();
        try {
            r.run();
            unblocked.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- clock sync

    /** Waits until the clock reaches {@code runningTime} (+ base time, latency, ts-offset) when sync is on. */
    private FlowReturn doSync(long runningTime) {
        if (!sync || currentSegment().getFormat() != Format.TIME) {
            return FlowReturn.OK;
        }
        ClockId id;
        lock.lock();
        try {
            while (blocked && !flushing) {
                unblocked.awaitUninterruptibly(); // PAUSED: wait for PLAYING, a flush or READY
            }
            if (flushing) {
                return FlowReturn.FLUSHING;
            }
            Clock clock = getClock();
            if (clock == null) {
                return FlowReturn.OK;
            }
            long target = runningTime + getBaseTime() + upstreamLatency;
            long off = tsOffset;
            if (off < 0) {
                target = -off < target ? target + off : 0;
            } else {
                target += off;
            }
            id = clock.newSingleShotId(target);
            clockId = id; // so that a flush or a state change can unschedule it
        } finally {
            lock.unlock();
        }
        ClockReturn cret = id.waitFor().ret();
        lock.lock();
        try {
            clockId = null;
            return cret == ClockReturn.UNSCHEDULED || flushing ? FlowReturn.FLUSHING : FlowReturn.OK;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- events

    @Override
    protected boolean sinkEvent(Event event) {
        if (!silent) {
            setLastMessage("event   ******* (" + getSinkPad() + ") E (type: " + event.type().nick() + ", " + event + ")");
        }
        if (singleSegment && event instanceof Event.SegmentEvent se) {
            if (!hasSegment()) {
                setSegment(se.segment());
                // The first segment goes out as a fresh (0, -1) one; later ones are eaten.
                Segment out = new Segment(se.segment().getFormat());
                lock.lock();
                try {
                    if (seekSegment != null && seekSegment.getFormat() != Format.UNDEFINED) {
                        out.setTime(seekSegment.getTime());
                        out.setBase(seekSegment.getBase());
                        seekSegment = null;
                    }
                } finally {
                    lock.unlock();
                }
                getSrcPad().pushEvent(Event.segment(out).withSeqnum(se.seqnum()));
            } else {
                setSegment(se.segment());
            }
        }
        if (event instanceof Event.GapEvent gap && hasSegment()) {
            Segment seg = currentSegment();
            if (seg.getFormat() == Format.TIME) {
                long start = seg.toRunningTime(Format.TIME, gap.timestamp());
                doSync(start != ClockTime.NONE ? start : 0);
                if (singleSegment) {
                    Segment.ClipResult clip = gap.duration() == ClockTime.NONE || gap.timestamp() == ClockTime.NONE ? null
                            : seg.clip(Format.TIME, gap.timestamp(), gap.timestamp() + gap.duration());
                    if (start != ClockTime.NONE) {
                        event = Event.gap(start, gap.duration());
                    } else if (clip != null) {
                        event = Event.gap(clip.clippedStart(), clip.clippedStop() - clip.clippedStart());
                    } else {
                        return true; // completely outside the segment: drop it
                    }
                }
            }
        }
        if (event.type() == org.gstmini.core.EventType.SEGMENT) {
            // No false imperfection reports across segments.
            prevTimestamp = ClockTime.NONE;
            prevDuration = ClockTime.NONE;
            prevOffset = -1;
            prevOffsetEnd = -1;
            if (singleSegment) {
                return true; // eaten
            }
        }
        switch (event.type()) {
            case FLUSH_START -> {
                lock.lock();
                try {
                    flushing = true;
                    unblocked.signalAll();
                    if (clockId != null) {
                        clockId.unschedule();
                    }
                } finally {
                    lock.unlock();
                }
            }
            case FLUSH_STOP -> withLock(() -> flushing = false);
            default -> {
            }
        }
        return super.sinkEvent(event);
    }

    @Override
    protected boolean srcEvent(Event event) {
        if (event instanceof Event.SeekEvent seek) {
            Segment s = new Segment(seek.format());
            try {
                s.doSeek(seek.rate(), seek.format(), seek.flags(), seek.startType(), seek.start(), seek.stopType(),
                        seek.stop());
            } catch (IllegalArgumentException e) {
                return false; // could not run the seek
            }
            lock.lock();
            try {
                seekSegment = s;
            } finally {
                lock.unlock();
            }
        }
        return super.srcEvent(event);
    }

    // ---------------------------------------------------------------- caps and queries

    /** Accepts what the element on the other side accepts: identity never changes the format. */
    @Override
    protected boolean acceptCaps(PadDirection direction, Caps caps) {
        return (direction == PadDirection.SRC ? getSinkPad() : getSrcPad()).peerQueryAcceptCaps(caps);
    }

    /** With sync=true identity behaves like a live sink in latency queries. */
    @Override
    protected boolean query(PadDirection direction, Query query) {
        boolean ret = super.query(direction, query);
        if (query instanceof Query.LatencyQuery q) {
            boolean live = false;
            long min = 0;
            long max = 0;
            if (ret) {
                live = q.live();
                min = q.min();
                max = q.max();
                if (sync && max != ClockTime.NONE && max < min) {
                    postWarning(ErrorCode.CORE_CLOCK, null, "Impossible to configure latency before identity sync=true: max "
                            + ClockTime.format(max) + " < min " + ClockTime.format(min)
                            + ". Add queues or other buffering elements.");
                }
            }
            if (live) {
                upstreamLatency = min;
            } else {
                upstreamLatency = 0;
                max = ClockTime.NONE; // a non-live upstream has no maximum
            }
            q.set(live || sync, min, max);
            return true;
        }
        return ret;
    }

    // ---------------------------------------------------------------- buffers

    @Override
    protected Buffer transformInPlace(Buffer buf) throws FlowException {
        int size = buf.size();
        if (checkImperfectTimestamp) {
            checkImperfectTimestamp(buf);
        }
        if (checkImperfectOffset) {
            checkImperfectOffset(buf);
        }
        prevTimestamp = buf.pts();
        prevDuration = buf.duration();
        prevOffset = buf.offset();
        prevOffsetEnd = buf.offsetEnd();

        if (errorAfterCounter >= 0 && --errorAfterCounter == 0) {
            postError(ErrorCode.CORE_FAILED, "Failed after iterations as requested.",
                    getName() + ": error-after=" + errorAfter);
            throw new FlowException(FlowReturn.ERROR, getName() + ": error after " + errorAfter + " buffers");
        }
        if (eosAfterCounter >= 0 && --eosAfterCounter == 0) {
            throw new FlowException(FlowReturn.EOS, getName() + ": EOS after " + eosAfter + " buffers as requested");
        }
        double p = dropProbability;
        if (p > 0.0 && ThreadLocalRandom.current().nextDouble() < p) {
            return drop(buf, size);
        }
        if (dump) {
            System.out.print(hexDump(buf.payload()));
        }
        if (!silent) {
            setLastMessage(describe("chain", buf, size));
        }
        int rate = datarate;
        if (rate > 0) {
            long time = ClockTime.scale(offset, ClockTime.SECOND, rate);
            buf = buf.withTimestamps(time, time, ClockTime.scale(size, ClockTime.SECOND, rate));
        }
        if (signalHandoffs) {
            for (HandoffListener l : handoffListeners) {
                l.handoff(this, buf);
            }
        }
        Segment seg = currentSegment(); // read-only, the same object for every buffer of the segment
        long runPts = ClockTime.NONE;
        long runDts = ClockTime.NONE;
        if (seg.getFormat() == Format.TIME) {
            boolean forward = seg.getRate() > 0;
            runPts = seg.toRunningTime(Format.TIME, forward ? buf.pts() : end(buf.pts(), buf.duration()));
            runDts = seg.toRunningTime(Format.TIME, forward ? buf.dts() : end(buf.dts(), buf.duration()));
        }
        long runTimestamp = runDts != ClockTime.NONE ? runDts : runPts != ClockTime.NONE ? runPts : 0;
        FlowReturn ret = doSync(runTimestamp);
        offset += size;
        long sleep = sleepTime;
        if (sleep > 0 && ret == FlowReturn.OK) {
            try {
                Thread.sleep(sleep / 1000, (int) (sleep % 1000) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (singleSegment && seg.getFormat() == Format.TIME && ret == FlowReturn.OK) {
            buf = buf.withTimestamps(runPts, runDts, buf.duration()).withOffsets(-1, -1);
        }
        numBytes.lazySet(numBytes.get() + buf.size());
        numBuffers.lazySet(numBuffers.get() + 1);
        if (ret != FlowReturn.OK) {
            throw new FlowException(ret, getName() + ": clock wait ended with " + ret.nick());
        }
        return buf;
    }

    private Buffer drop(Buffer buf, int size) {
        if (!silent) {
            setLastMessage(describe("dropping", buf, size));
        }
        if (buf.pts() != ClockTime.NONE) {
            getSrcPad().pushEvent(Event.gap(buf.pts(), buf.duration()));
        }
        return null; // dropped: BaseTransform marks the next buffer DISCONT
    }

    private static long end(long ts, long duration) {
        return ts != ClockTime.NONE && duration != ClockTime.NONE ? ts + duration : ts;
    }

    private void checkImperfectTimestamp(Buffer buf) {
        long ts = buf.pts();
        if (ts == ClockTime.NONE || prevTimestamp == ClockTime.NONE || prevDuration == ClockTime.NONE) {
            return;
        }
        long delta = ts - (prevTimestamp + prevDuration);
        if (delta != 0) {
            postMessage(new Message.ElementMessage(this, Structure.of("imperfect-timestamp")
                    .with("delta", delta)
                    .with("prev-timestamp", prevTimestamp).with("prev-duration", prevDuration)
                    .with("prev-offset", prevOffset).with("prev-offset-end", prevOffsetEnd)
                    .with("cur-timestamp", ts).with("cur-duration", buf.duration())
                    .with("cur-offset", buf.offset()).with("cur-offset-end", buf.offsetEnd())));
        }
    }

    private void checkImperfectOffset(Buffer buf) {
        long off = buf.offset();
        if (prevOffsetEnd != off && prevOffsetEnd != -1 && off != -1) {
            postMessage(new Message.ElementMessage(this, Structure.of("imperfect-offset")
                    .with("prev-timestamp", prevTimestamp).with("prev-duration", prevDuration)
                    .with("prev-offset", prevOffset).with("prev-offset-end", prevOffsetEnd)
                    .with("cur-timestamp", buf.pts()).with("cur-duration", buf.duration())
                    .with("cur-offset", off).with("cur-offset-end", buf.offsetEnd())));
        }
    }

    // ---------------------------------------------------------------- last-message and dump

    private void setLastMessage(String text) {
        updateProperty(LAST_MESSAGE, text);
    }

    private String describe(String action, Buffer buf, int size) {
        String flags = buf.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(" "));
        return String.format(Locale.ROOT,
                "%s   ******* (%s) (%d bytes, dts: %s, pts: %s, duration: %s, offset: %d, offset_end: %d, flags: %s)",
                action, getSinkPad(), size, time(buf.dts()), time(buf.pts()), time(buf.duration()), buf.offset(),
                buf.offsetEnd(), flags.isEmpty() ? "none" : flags);
    }

    private static String time(long t) {
        return t == ClockTime.NONE ? "none" : ClockTime.format(t);
    }

    /** Sixteen bytes per line: offset, hex, printable characters. */
    static String hexDump(ByteBuffer data) {
        StringBuilder sb = new StringBuilder();
        int n = data.remaining();
        for (int line = 0; line < n; line += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder text = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i < n) {
                    int b = data.get(data.position() + i) & 0xff;
                    hex.append(String.format("%02x ", b));
                    text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    hex.append("   ");
                }
            }
            sb.append(String.format("%08x: %s %s%n", line, hex, text));
        }
        return sb.toString();
    }
}
