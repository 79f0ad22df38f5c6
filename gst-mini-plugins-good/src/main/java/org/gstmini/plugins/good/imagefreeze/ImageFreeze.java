package org.gstmini.plugins.good.imagefreeze;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.ClockId;
import org.gstmini.core.clock.ClockReturn;
import org.gstmini.core.clock.ClockWaitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one picture into a video stream: keeps the first buffer that arrives and pushes it
 * again and again, stamped frame after frame, at the frame rate downstream wants.
 *
 * <p>Mirrors {@code GstImageFreeze}, gst-plugins-good/gst/imagefreeze/gstimagefreeze.c
 * ({@code sinkChain} is {@code gst_image_freeze_sink_chain}, {@code srcLoop} is
 * {@code gst_image_freeze_src_loop}, {@code negotiate} is {@code gst_image_freeze_sink_setcaps}).
 * The usual pipeline: {@code filesrc location=a.png ! pngdec ! videoconvert ! imagefreeze !
 * autovideosink}.
 *
 * <h2>Two threads</h2>
 * A decoder gives one frame and then EOS. imagefreeze answers that frame with EOS
 * ({@code allow-replace=false}), so upstream stops, and swallows upstream's EOS and SEGMENT:
 * from now on it is a <em>source</em>, with a task of its own on its src pad:
 *
 * <pre>
 *  upstream thread "pngdec0:..."            │ imagefreeze's task "imagefreeze0:src"
 *  push(frame) ─► sinkChain: keep it,       │ srcLoop(), over and over:
 *                 start the task ───────────┼─► negotiate (first time): CAPS, rate nearest 25/1
 *            ◄── EOS (no more, thanks)      │   SEGMENT (first time, and after a seek)
 *  push(EOS)  ─► dropped                    │   frame n: pts = n / rate, duration, offset n
 *                                           │   (live: wait until the clock reaches it)
 *                                           │   push ─► ... ─► sink
 *                                           │   after num-buffers frames, or past the
 *                                           │   segment's stop: EOS, the task pauses
 * </pre>
 *
 * <p>Frame n's times are computed from n alone, never by adding up rounded durations, so
 * they do not drift ({@link FreezeTimeline}); {@link FreezeCaps} picks the output caps.
 *
 * <h2>Live or not</h2>
 * Not live (the default), frames are made as fast as downstream takes them; a syncing sink
 * paces them. The stream is seekable (TIME or DEFAULT = frames): a flushing seek restarts at
 * the new position with a new SEGMENT. With {@code is-live=true} the element behaves as a live
 * source: going to PAUSED returns NO_PREROLL, frames are made only in PLAYING, each frame
 * waits on the pipeline clock until its running time, a late frame makes it skip ahead, the
 * LATENCY query says "live, 0 to one frame", and seeking is refused.
 *
 * <p>Flushing and going to READY wake the task wherever it waits (clock, PAUSED) and stop it:
 * no thread is left after NULL. Differences from GStreamer 1.22, each to be robust: a
 * FLUSH_STOP from upstream ends the flushing state, PLAYING→PAUSED unschedules the clock wait
 * (the frame is redone in PLAYING), and caps come from the sink pad's current caps.
 */
public final class ImageFreeze extends Element {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.imagefreeze");

    /** GStreamer's templates say {@code video/x-raw(ANY)}; caps features do not exist here. */
    public static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.parse("video/x-raw"));
    public static final PadTemplate SRC_TEMPLATE = PadTemplate.src(Caps.parse("video/x-raw"));

    public static final ElementFactory FACTORY = ElementFactory.builder("imagefreeze", ImageFreeze::new)
            .longName("Still frame stream generator")
            .klass("Filter/Video")
            .description("Generates a still frame stream from an image")
            .author("gst-mini (after Sebastian Dröge's GstImageFreeze)")
            .padTemplate(SINK_TEMPLATE)
            .padTemplate(SRC_TEMPLATE)
            .build();

    public static final Property<Integer> NUM_BUFFERS = Property.ofInt("num-buffers",
            "Number of buffers to output before sending EOS (-1 = unlimited)", -1, Integer.MAX_VALUE, -1)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> ALLOW_REPLACE = Property.ofBoolean("allow-replace",
            "Allow replacing the input buffer and always output the latest", false)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> IS_LIVE = Property.ofBoolean("is-live",
            "Whether to output a live video stream", false)
            .mutableIn(Property.Mutability.PLAYING);

    private final Pad sinkpad = new Pad("sink", SINK_TEMPLATE);
    private final Pad srcpad = new Pad("src", SRC_TEMPLATE);

    // ---- settings: set by properties, read by the threads (num-buffers counts from the next start)
    private volatile int numBuffers = NUM_BUFFERS.defaultValue();
    private volatile boolean allowReplace = ALLOW_REPLACE.defaultValue();
    private volatile boolean isLive = IS_LIVE.defaultValue();

    // ---- streaming state, guarded by 'lock'; 'blockedCond' wakes a live task waiting for PLAYING
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition blockedCond = lock.newCondition();
    /** The frame to repeat, and the caps it came with. */
    private Buffer buffer;
    private Caps bufferCaps;
    private int numBuffersLeft;
    /** The segment, the frame rate and the next frame's number. */
    private final FreezeTimeline timeline = new FreezeTimeline();
    private boolean needSegment;
    /** Sequence number of the last seek, given to the SEGMENT and EOS it causes; 0 = none. */
    private int seqnum;
    /** Set while flushing or stopped: the task pauses at its next look. */
    private boolean flushing;
    /** Live only: true while not PLAYING, so the task waits. */
    private boolean blocked;
    private ClockId clockId;
    /** Only the streaming thread touches this one. */
    private boolean negotiatedFramerate;

    public ImageFreeze() {
        installProperty(NUM_BUFFERS, ALLOW_REPLACE, IS_LIVE);
        sinkpad.setChainFunction((pad, parent, buf) -> sinkChain(buf));
        sinkpad.setEventFunction((pad, parent, event) -> sinkEvent(event));
        sinkpad.setQueryFunction((pad, parent, query) -> sinkQuery(pad, query));
        addPad(sinkpad);
        srcpad.setEventFunction((pad, parent, event) -> srcEvent(event));
        srcpad.setQueryFunction((pad, parent, query) -> srcQuery(pad, query));
        addPad(srcpad);
        reset();
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        if (property == NUM_BUFFERS) {
            numBuffers = (Integer) value;
        } else if (property == ALLOW_REPLACE) {
            allowReplace = (Boolean) value;
        } else if (property == IS_LIVE) {
            isLive = (Boolean) value;
        }
    }

    /** {@code gst_image_freeze_reset}: forget the frame and the stream; wake a waiting task. */
    private void reset() {
        lock.lock();
        try {
            buffer = null;
            bufferCaps = null;
            numBuffersLeft = numBuffers;
            timeline.reset();
            needSegment = true;
            flushing = true;
            negotiatedFramerate = false;
            seqnum = 0;
            unblockLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the task wherever it waits: the clock, or PLAYING. Lock held. */
    private void unblockLocked() {
        if (clockId != null) {
            clockId.unschedule();
        }
        blockedCond.signalAll();
    }

    // ---------------------------------------------------------------- sink pad

    /** {@code gst_image_freeze_sink_chain}: keep the frame, start the task; EOS tells upstream to stop. */
    private FlowReturn sinkChain(Buffer in) {
        boolean replace = allowReplace;
        lock.lock();
        try {
            if (buffer != null && !replace) {
                LOG.debug("{}: already have a buffer, dropping", getName());
                return FlowReturn.EOS;
            }
            // The CAPS event is stored on the pad once our event function accepted it.
            Caps caps = sinkpad.getCurrentCaps();
            if (caps == null) {
                LOG.error("{}: got a buffer before any caps", getName());
                return FlowReturn.NOT_NEGOTIATED;
            }
            buffer = in;
            if (bufferCaps == null || !bufferCaps.isEqualTo(caps)) {
                srcpad.markReconfigure(); // the task negotiates before its next frame
            }
            bufferCaps = caps;
            srcpad.startTask(this::srcLoop);
            return replace ? FlowReturn.OK : FlowReturn.EOS;
        } finally {
            lock.unlock();
        }
    }

    /** {@code gst_image_freeze_sink_event}: upstream's SEGMENT and (after a frame) EOS are not ours to pass on. */
    private boolean sinkEvent(Event event) {
        switch (event.type()) {
            case CAPS, SEGMENT -> {
                return true; // caps are negotiated by the task; the segment is our own
            }
            case EOS -> {
                if (locked(() -> buffer != null)) {
                    return true; // we keep producing
                }
                LOG.debug("{}: EOS without input buffer, passing it on", getName());
                return srcpad.pushEvent(event);
            }
            case FLUSH_START -> {
                reset();
                return srcpad.pushEvent(event);
            }
            case FLUSH_STOP -> {
                setFlushing(false);
                return srcpad.pushEvent(event);
            }
            default -> {
                boolean ret = srcpad.pushEvent(event);
                return event.type().isSticky() || ret; // sticky: stored, so delivered later anyway
            }
        }
    }

    private boolean sinkQuery(Pad pad, Query query) {
        if (query instanceof Query.CapsQuery q) {
            q.setResult(queryCaps(pad, q.filter()));
            return true;
        }
        return pad.queryDefault(query);
    }

    /**
     * {@code gst_image_freeze_query_caps}: what the other side's peer accepts, whatever its
     * frame rate, since imagefreeze sets the rate itself.
     */
    private Caps queryCaps(Pad pad, Caps filter) {
        Pad other = pad == srcpad ? sinkpad : srcpad;
        Caps peer = other.peerQueryCaps(filter == null ? null : FreezeCaps.withAnyFramerate(filter));
        return FreezeCaps.withAnyFramerate(peer.intersect(pad.getPadTemplateCaps()));
    }

    // ---------------------------------------------------------------- src pad

    /** {@code gst_image_freeze_src_event}: SEEK is ours; QOS and LATENCY end here; the rest goes upstream. */
    private boolean srcEvent(Event event) {
        switch (event.type()) {
            case QOS, LATENCY -> {
                return true;
            }
            case SEEK -> {
                return seek((Event.SeekEvent) event);
            }
            case FLUSH_START -> {
                setFlushing(true);
                return sinkpad.pushEvent(event);
            }
            case FLUSH_STOP -> {
                reset();
                setFlushing(false);
                return sinkpad.pushEvent(event);
            }
            default -> {
                return sinkpad.pushEvent(event);
            }
        }
    }

    /**
     * The SEEK part of {@code gst_image_freeze_src_event}. A flushing seek wakes downstream with
     * FLUSH_START, so the task leaves its push and pauses; under the stream lock (the task is
     * now idle) the segment moves; FLUSH_STOP, then the task starts again with a new SEGMENT.
     */
    private boolean seek(Event.SeekEvent seek) {
        if (isLive) {
            LOG.warn("{}: cannot seek in live mode", getName());
            return false;
        }
        if (!isTimeOrFrames(seek.format())) {
            LOG.warn("{}: cannot seek in format {}", getName(), seek.format().nick());
            return false;
        }
        boolean inFrames = seek.format() == Format.DEFAULT;
        long start;
        long stop;
        Segment target;
        lock.lock();
        try {
            target = timeline.segment();
            start = inFrames ? timeline.framesToTime(seek.start()) : seek.start();
            stop = inFrames ? timeline.framesToTime(seek.stop()) : seek.stop();
        } finally {
            lock.unlock();
        }
        if (inFrames && ((seek.start() != ClockTime.NONE && start == ClockTime.NONE)
                || (seek.stop() != ClockTime.NONE && stop == ClockTime.NONE))) {
            LOG.warn("{}: a seek in frames needs a negotiated frame rate", getName());
            return false;
        }
        try {
            target.doSeek(seek.rate(), Format.TIME, seek.flags(), seek.startType(), start, seek.stopType(), stop);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: invalid seek: {}", getName(), e.getMessage());
            return false;
        }
        if (target.getRate() < 0 && target.getStop() == ClockTime.NONE) {
            LOG.warn("{}: a reverse seek needs a stop position (a still frame has no duration)", getName());
            return false;
        }
        boolean flush = seek.isFlushing();
        if (flush) {
            setFlushing(true);
            srcpad.pushEvent(Event.flushStart().withSeqnum(seek.seqnum()));
        } else {
            srcpad.pauseTask();
        }
        boolean startTask;
        srcpad.getStreamLock().lock(); // the task is between frames now
        try {
            lock.lock();
            try {
                // The next frame is the new start's (or, in reverse, stop's) frame, whatever the
                // old position was, so the segment computed above can be taken as it is.
                timeline.setSegment(target);
                needSegment = true;
                seqnum = seek.seqnum();
                startTask = buffer != null;
                flushing = false;
            } finally {
                lock.unlock();
            }
            if (flush) {
                srcpad.pushEvent(Event.flushStop(true).withSeqnum(seek.seqnum()));
            }
        } finally {
            srcpad.getStreamLock().unlock();
        }
        if (startTask) {
            srcpad.startTask(this::srcLoop);
        }
        return true;
    }

    /** {@code gst_image_freeze_src_query}. */
    private boolean srcQuery(Pad pad, Query query) {
        if (query instanceof Query.CapsQuery q) {
            q.setResult(queryCaps(pad, q.filter()));
            return true;
        }
        if (query instanceof Query.SeekingQuery q) {
            boolean seekable = !isLive && isTimeOrFrames(q.format());
            q.set(seekable, seekable ? 0 : ClockTime.NONE, ClockTime.NONE);
            return true;
        }
        if (query instanceof Query.LatencyQuery q) {
            if (!isLive) {
                // Not live, even behind a live upstream: frames go out as fast as downstream takes them.
                q.set(false, 0, ClockTime.NONE);
                return true;
            }
            // Live: a frame goes out at its time, and downstream may hold it up to one frame.
            q.set(true, 0, locked(timeline::frameDurationCeil));
            return true;
        }
        if (query instanceof Query.PositionQuery q && isTimeOrFrames(q.format())) {
            q.setPosition(locked(() -> timeline.position(q.format())));
            return true;
        }
        if (query instanceof Query.DurationQuery q && isTimeOrFrames(q.format())) {
            q.setDuration(locked(() -> timeline.duration(q.format())));
            return true;
        }
        return pad.queryDefault(query);
    }

    // ---------------------------------------------------------------- the task

    /** One iteration of the task: one frame, or the reason to pause ({@code gst_image_freeze_src_loop}). */
    private void srcLoop() {
        FlowReturn ret = produceFrame();
        if (ret == FlowReturn.OK) {
            return;
        }
        LOG.debug("{}: pausing task, reason {}", getName(), ret.nick());
        srcpad.pauseTask();
        if (ret == FlowReturn.EOS || ret.isFatal()) {
            if (ret.isFatal()) {
                postError(ErrorCode.STREAM_FAILED, "Internal data stream error.",
                        "streaming stopped, reason " + ret.nick() + " (" + ret.value() + "); "
                                + getName() + " had caps " + locked(() -> bufferCaps));
            }
            Event eos = Event.eos();
            int s = locked(() -> seqnum);
            srcpad.pushEvent(s != 0 ? eos.withSeqnum(s) : eos);
        }
    }

    /** Makes and pushes one frame; OK to go on, else the reason to stop. */
    private FlowReturn produceFrame() {
        Buffer frame;
        Caps caps;
        lock.lock();
        try {
            if (flushing) {
                return FlowReturn.FLUSHING;
            }
            if (buffer == null) {
                LOG.error("{}: the task ran without a buffer", getName());
                return FlowReturn.ERROR;
            }
            frame = buffer;
            caps = bufferCaps;
        } finally {
            lock.unlock();
        }
        if (srcpad.checkReconfigure() && !negotiate(caps)) {
            srcpad.markReconfigure(); // try again if downstream changes
            return FlowReturn.NOT_NEGOTIATED;
        }

        boolean first = false;
        Event segmentEvent = null;
        lock.lock();
        try {
            if (numBuffersLeft == 0) {
                return FlowReturn.EOS;
            }
            if (needSegment) {
                Event e = Event.segment(timeline.segment());
                segmentEvent = seqnum != 0 ? e.withSeqnum(seqnum) : e;
                timeline.rewind();
                needSegment = false;
                first = true;
            }
        } finally {
            lock.unlock();
        }
        if (segmentEvent != null) {
            srcpad.pushEvent(segmentEvent);
        }

        Buffer out = null;
        FreezeTimeline.Frame next;
        lock.lock();
        try {
            long zeroRatePts = ClockTime.NONE;
            if (isLive) {
                ClockWaitResult waited = waitForFrameLocked(timeline.dueTime());
                if (waited == null) {
                    return FlowReturn.FLUSHING;
                }
                if (waited.ret() == ClockReturn.UNSCHEDULED) {
                    return FlowReturn.OK; // PLAYING→PAUSED: the next iteration waits for PLAYING again
                }
                timeline.catchUp(waited.jitter()); // late (a slow start, a stall): skip past frames
                zeroRatePts = Math.max(waited.jitter(), 0);
            }
            next = timeline.next(zeroRatePts);
            if (numBuffersLeft > 0) {
                numBuffersLeft--;
            }
            if (next.inSegment()) {
                Buffer stamped = frame.withTimestamps(next.pts(), ClockTime.NONE, next.duration())
                        .withOffsets(next.offset(), next.offset() + 1);
                out = first ? stamped.withFlag(BufferFlag.DISCONT) : stamped.withoutFlag(BufferFlag.DISCONT);
            }
        } finally {
            lock.unlock();
        }
        if (out != null) {
            FlowReturn ret = srcpad.push(out);
            if (ret != FlowReturn.OK) {
                return ret;
            }
        }
        return next.last() ? FlowReturn.EOS : FlowReturn.OK;
    }

    /**
     * Live mode: waits until PLAYING, then on the clock until the next frame's running time
     * {@code runningTime} (clock time {@code base_time + runningTime}). Lock held; released while
     * waiting. Returns null when flushing, else the clock's answer (UNSCHEDULED when paused meanwhile).
     */
    private ClockWaitResult waitForFrameLocked(long runningTime) {
        Clock clock = getClock();
        while ((clock == null || blocked) && !flushing) {
            blockedCond.awaitUninterruptibly();
            clock = getClock();
        }
        if (flushing) {
            return null;
        }
        ClockId id = clock.newSingleShotId(getBaseTime() + runningTime);
        clockId = id;
        lock.unlock();
        ClockWaitResult result;
        try {
            result = id.waitFor();
        } finally {
            lock.lock();
            clockId = null;
        }
        return flushing ? null : result;
    }

    /**
     * {@code gst_image_freeze_sink_setcaps}: the first time, offers the frame's caps at any
     * frame rate downstream and fixes the rate nearest 25/1; later (a new frame with other
     * caps under allow-replace) keeps the negotiated rate.
     */
    private boolean negotiate(Caps caps) {
        if (negotiatedFramerate) {
            Caps withRate = FreezeCaps.withFramerate(caps, locked(timeline::framerate));
            Caps current = srcpad.getCurrentCaps();
            if (current != null && !current.isEqualTo(withRate)) {
                srcpad.setCaps(withRate);
            }
            return true;
        }
        Caps offer = FreezeCaps.withAnyFramerate(caps).intersect(sinkpad.getPadTemplateCaps());
        Caps candidates = srcpad.peerQueryCaps(offer).intersect(offer, Caps.IntersectMode.FIRST);
        Caps output = FreezeCaps.chooseOutput(candidates);
        if (output == null) {
            LOG.error("{}: downstream accepts none of {} (it can take {})", getName(), offer, candidates);
            return false;
        }
        Fraction rate = FreezeCaps.framerate(output);
        srcpad.setCaps(output);
        lock.lock();
        try {
            timeline.setFramerate(rate);
        } finally {
            lock.unlock();
        }
        negotiatedFramerate = true;
        LOG.debug("{}: output caps {}", getName(), output);
        return true;
    }

    // ---------------------------------------------------------------- state

    /** {@code gst_image_freeze_change_state}: live mode is NO_PREROLL and waits for PLAYING. */
    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        boolean noPreroll = false;
        switch (transition) {
            case READY_TO_PAUSED -> {
                reset();
                lock.lock();
                try {
                    flushing = false;
                    blocked = true;
                } finally {
                    lock.unlock();
                }
                noPreroll = isLive;
            }
            case PAUSED_TO_PLAYING -> setBlocked(false);
            case PAUSED_TO_READY -> {
                reset(); // flushing, wakes the task wherever it waits
                srcpad.stopTask();
            }
            default -> {
            }
        }
        StateChangeReturn ret = super.changeState(transition);
        if (transition == StateChange.PLAYING_TO_PAUSED) {
            setBlocked(true);
            noPreroll = isLive;
        }
        if (noPreroll && ret == StateChangeReturn.SUCCESS) {
            ret = StateChangeReturn.NO_PREROLL;
        }
        return ret;
    }

    private void setBlocked(boolean value) {
        lock.lock();
        try {
            blocked = value;
            unblockLocked(); // either way the task must look again: go on, or stop waiting on the clock
        } finally {
            lock.unlock();
        }
    }

    private void setFlushing(boolean value) {
        lock.lock();
        try {
            flushing = value;
            if (value) {
                unblockLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    private static boolean isTimeOrFrames(Format format) {
        return format == Format.TIME || format == Format.DEFAULT;
    }

    /** Reads streaming state under the lock. */
    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }
}
