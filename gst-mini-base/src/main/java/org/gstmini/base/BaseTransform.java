package org.gstmini.base;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.gstmini.core.Buffer;
import org.gstmini.core.BufferFlag;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Message;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Caps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base class of filters with one sink pad and one source pad, where each input buffer gives
 * (at most) one output buffer; mirrors {@code GstBaseTransform} (libs/gst/base/gstbasetransform.c).
 *
 * <p>It does the pad work every such filter needs — caps negotiation, caps and accept-caps
 * queries, event forwarding, segment tracking, QoS, flushing — and leaves a handful of hooks:
 *
 * <pre>
 *   transformCaps(direction, caps, filter)   which formats one side allows on the other   (default: the same)
 *   fixateCaps(direction, caps, othercaps)   pick one output format                        (default: Caps.fixate)
 *   setCaps(incaps, outcaps)                 configure for the agreed formats
 *   transformInPlace(buffer)                 in-place mode: return the buffer to push
 *   transform(in, out)                       copy mode: fill a new output buffer
 *   transformSize / unitSize                 copy mode: how big the output buffer is
 *   start() / stop()                         open and close resources (READY↔PAUSED)
 *   sinkEvent / srcEvent / query             events and queries, call super for the rest
 * </pre>
 *
 * <h2>The three modes</h2>
 * <ul>
 *   <li><b>Passthrough</b>: the input buffer is pushed on untouched, the very same object. A
 *       subclass that overrides neither {@code transform} nor {@code transformInPlace} is always
 *       in passthrough; others switch with {@link #setPassthrough(boolean)}, or let
 *       {@link #setPassthroughOnSameCaps(boolean) passthrough-on-same-caps} switch it whenever
 *       both pads agree on the same caps. An element that only looks at buffers (identity)
 *       still gets {@link #transformInPlace} called in passthrough, unless
 *       {@link #setTransformIpOnPassthrough(boolean)} says otherwise.</li>
 *   <li><b>In place</b>: {@link #transformInPlace(Buffer)} receives the input buffer and returns
 *       the buffer to push. GStreamer writes into the input buffer's memory; buffers here are
 *       immutable, so "in place" means <em>the output shares what it can with the input</em>:
 *       return the same object when nothing changes, a metadata change
 *       ({@code buffer.withPts(..)}, which shares the payload) to retimestamp, or
 *       {@code buffer.withPayload(..)} with new bytes. Return null to drop the buffer.</li>
 *   <li><b>Copy</b>: {@link #transform(Buffer, ByteBuffer)} receives the input and a fresh
 *       output area of {@link #transformSize} bytes; the base class then pushes a buffer with
 *       the input's timestamps, offsets and flags and the bytes written. Used when the output
 *       has another size or layout (scaling, converting).</li>
 * </ul>
 * A subclass that overrides only {@code transformInPlace} is always in place; one that overrides
 * both chooses with {@link #setInPlace(boolean)} (copy mode by default).
 *
 * <h2>Negotiation</h2>
 * When a CAPS event arrives on the sink pad, the base class computes what it could output
 * ({@link #transformCaps}), narrows that with the template of the source pad and with what the
 * downstream peer accepts, lets {@link #fixateCaps} pick one format, checks the peer accepts
 * it, calls {@link #setCaps} and pushes a CAPS event of its own
 * ({@code gst_base_transform_setcaps}). If that fails the CAPS event is refused, so upstream
 * gets NOT_NEGOTIATED. CAPS queries on either pad are answered by asking the peer of the other
 * pad and transforming its answer ({@code gst_base_transform_query_caps}). A RECONFIGURE event
 * from downstream makes the next buffer negotiate again.
 *
 * <h2>QoS</h2>
 * A sink that renders late sends a QOS event upstream; the base class remembers the earliest
 * running time worth processing. With the {@code qos} property on (off by default, as in
 * GStreamer) a buffer whose running time is not after it is dropped before the transform, a QOS
 * message is posted, and the next buffer pushed is marked DISCONT.
 *
 * <h2>Threads</h2>
 * Buffers and serialized events arrive on the upstream streaming thread with the sink pad's
 * stream lock held; the hooks run there. QOS events and queries may come from any thread.
 * The per-buffer path takes no lock of its own (only the sink pad's stream lock, held by the
 * pad): the segment is a read-only object replaced on each SEGMENT event and read through a
 * volatile field ({@link #currentSegment()}); the QoS values and the {@code qos} property are
 * volatile fields written by the QOS event's thread and the property setter; a pending
 * reconfigure is one volatile read ({@link Pad#checkReconfigure()}).
 *
 * <h2>Not provided</h2>
 * Pull mode (the source pad has no getrange function), ALLOCATION queries and buffer pools
 * ({@code decide_allocation}, {@code propose_allocation}, {@code prepare_output_buffer}),
 * metadata transformation ({@code transform_meta}: buffers here carry no GstMeta), and the
 * {@code submit_input_buffer}/{@code generate_output} split for elements that collect several
 * input buffers into one output: use an {@link Adapter} in a plain element for those.
 */
public abstract class BaseTransform extends Element {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.basetransform");
    /** The segment before the first SEGMENT event. */
    private static final Segment UNDEFINED_SEGMENT = new Segment(Format.UNDEFINED).asReadOnly();

    /** Drop late buffers when downstream reports lateness ("qos", default false). */
    public static final Property<Boolean> QOS = Property.ofBoolean("qos", "Handle Quality-of-Service events", false)
            .mutableIn(Property.Mutability.PLAYING);

    /** Which hooks the concrete class overrides; GStreamer checks its class struct for NULLs. */
    private static final ClassValue<boolean[]> OVERRIDES = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            return new boolean[] {
                overrides(type, "transform", Buffer.class, ByteBuffer.class),
                overrides(type, "transformInPlace", Buffer.class)
            };
        }
    };

    private final Pad sinkPad;
    private final Pad srcPad;
    private final boolean hasTransform;
    private final boolean hasTransformInPlace;

    // ---- settings: chosen by the subclass (usually in its constructor) or the application
    private volatile boolean passthrough;
    private volatile boolean alwaysInPlace;
    private volatile boolean passthroughOnSameCaps;
    private volatile boolean transformIpOnPassthrough = true;
    private volatile boolean gapAware;
    private volatile boolean preferPassthrough = true;

    // ---- state: reset on activation, written by the streaming thread
    /** Read-only ({@link Segment#asReadOnly()}): replaced, never changed, so it can be handed out. */
    private volatile Segment segment = UNDEFINED_SEGMENT;
    private volatile boolean haveSegment;
    private volatile boolean negotiated;
    private volatile long position = ClockTime.NONE;
    private volatile long positionOut = ClockTime.NONE;
    private boolean started;
    private boolean discont;
    private long processed;
    private long dropped;
    /** Why the last negotiation failed, for the log. */
    private String negotiationProblem = "";

    // ---- QoS values, written by QOS events from downstream (any thread); each is read on its
    // own (the streaming thread reads only earliestTime), so volatile fields suffice.
    private volatile double proportion = 1.0;
    private volatile long earliestTime = ClockTime.NONE;
    /** The {@code qos} property, cached for the streaming thread (propertyChanged). */
    private volatile boolean qosEnabled;

    /**
     * Creates the element with an always sink pad "sink" and source pad "src" made from the given
     * templates ({@code gst_base_transform_init}).
     */
    protected BaseTransform(PadTemplate sinkTemplate, PadTemplate srcTemplate) {
        Objects.requireNonNull(sinkTemplate, "sinkTemplate");
        Objects.requireNonNull(srcTemplate, "srcTemplate");
        if (sinkTemplate.direction() != PadDirection.SINK || srcTemplate.direction() != PadDirection.SRC) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": BaseTransform needs a SINK template and a SRC template, in that order");
        }
        boolean[] hooks = OVERRIDES.get(getClass());
        hasTransform = hooks[0];
        hasTransformInPlace = hooks[1];
        if (!hasTransform) {
            alwaysInPlace = true;
            passthrough = !hasTransformInPlace;
        }

        sinkPad = new Pad("sink", sinkTemplate);
        sinkPad.setChainFunction((pad, parent, buffer) -> chain(buffer));
        sinkPad.setEventFunction((pad, parent, event) -> sinkEvent(event));
        sinkPad.setQueryFunction((pad, parent, query) -> query(PadDirection.SINK, query));
        sinkPad.setActivateModeFunction((pad, parent, mode, active) -> mode != PadMode.PUSH || activate(active));
        srcPad = new Pad("src", srcTemplate);
        srcPad.setEventFunction((pad, parent, event) -> srcEvent(event));
        srcPad.setQueryFunction((pad, parent, query) -> query(PadDirection.SRC, query));
        addPad(sinkPad);
        addPad(srcPad);
        installProperty(QOS);
    }

    /** Creates the element from its factory's "sink" and "src" templates. */
    protected BaseTransform(ElementFactory factory) {
        this(template(factory, "sink"), template(factory, "src"));
    }

    private static PadTemplate template(ElementFactory factory, String name) {
        for (PadTemplate t : factory.getPadTemplates()) {
            if (t.nameTemplate().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("factory '" + factory.getName() + "' has no pad template '" + name
                + "': a BaseTransform needs templates named sink and src");
    }

    private static boolean overrides(Class<?> type, String name, Class<?>... params) {
        for (Class<?> c = type; c != null && c != BaseTransform.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(name, params);
                return true;
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return false;
    }

    // ================================================================ hooks for subclasses

    /**
     * The caps possible on the other pad given {@code caps} on the pad of {@code direction},
     * narrowed by {@code filter} when not null ({@code transform_caps}). Called in both
     * directions: SINK means "caps on my sink pad, what could I output?", SRC the reverse. The
     * default (a filter that keeps the format) returns {@code caps}, intersected with the filter.
     */
    protected Caps transformCaps(PadDirection direction, Caps caps, Caps filter) {
        return filter == null ? caps : filter.intersect(caps, Caps.IntersectMode.FIRST);
    }

    /**
     * Picks one format out of {@code othercaps}, the caps possible on the other pad for the fixed
     * {@code caps} on the pad of {@code direction} ({@code fixate_caps}). Override to prefer
     * values ({@code Structure.fixateFieldNearestInt}); the default takes the first of each.
     */
    protected Caps fixateCaps(PadDirection direction, Caps caps, Caps othercaps) {
        return othercaps.fixate();
    }

    /**
     * Whether the pad of {@code direction} can take {@code caps} ({@code accept_caps}). The default
     * checks the pad's template and that {@link #transformCaps} gives something the other
     * template allows.
     */
    protected boolean acceptCaps(PadDirection direction, Caps caps) {
        Pad pad = direction == PadDirection.SINK ? sinkPad : srcPad;
        Pad other = otherPad(pad);
        if (!caps.canIntersect(pad.getPadTemplateCaps())) {
            return false;
        }
        Caps ocaps = transformCapsChecked(direction, caps, other.getPadTemplateCaps());
        return ocaps != null && !ocaps.isEmpty();
    }

    /** Configures the element for input {@code incaps} and output {@code outcaps}; false refuses ({@code set_caps}). */
    protected boolean setCaps(Caps incaps, Caps outcaps) {
        return true;
    }

    /**
     * In-place (and passthrough) processing ({@code transform_ip}): return the buffer to push —
     * the same object, a copy sharing its payload with changed metadata, or one with new bytes —
     * or null to drop it (the next pushed buffer is marked DISCONT). Throw {@link FlowException}
     * to stop the stream (post an ERROR first for {@link FlowReturn#ERROR}).
     */
    protected Buffer transformInPlace(Buffer buffer) throws FlowException {
        return buffer;
    }

    /**
     * Copy-mode processing ({@code transform}): read {@code in} and write the output bytes into
     * {@code out}, a fresh array of {@link #transformSize} bytes positioned at 0. The bytes from 0
     * to {@code out.limit()} are pushed, so fill it completely, or {@code flip()} it after
     * relative writes. The output buffer gets {@code in}'s timestamps, offsets and flags.
     */
    protected void transform(Buffer in, ByteBuffer out) throws FlowException {
        throw new FlowException(FlowReturn.NOT_SUPPORTED, getName() + ": copy mode without a transform()");
    }

    /**
     * The size of the buffer on the other pad for a buffer of {@code size} bytes with {@code caps}
     * on the pad of {@code direction}, or -1 if unknown ({@code transform_size}). The default
     * uses {@link #unitSize}: same number of units on both sides, or the same size when the
     * element does not know unit sizes.
     */
    protected int transformSize(PadDirection direction, Caps caps, int size, Caps othercaps) {
        int inUnit = unitSize(caps);
        if (inUnit < 0) {
            return size;
        }
        if (inUnit == 0 || size % inUnit != 0) {
            LOG.warn("{}: size {} is not a multiple of unit size {}", getName(), size, inUnit);
            return -1;
        }
        int outUnit = unitSize(othercaps);
        if (outUnit < 0) {
            LOG.warn("{}: could not get the unit size of {}", getName(), othercaps);
            return -1;
        }
        return size / inUnit * outUnit;
    }

    /**
     * The size in bytes of one unit (a video frame, an audio sample frame) of {@code caps}, or
     * -1 if the element does not work in units ({@code get_unit_size}).
     */
    protected int unitSize(Caps caps) {
        return -1;
    }

    /** Called with every input buffer before anything else, e.g. to sync properties to its time ({@code before_transform}). */
    protected void beforeTransform(Buffer buffer) {
    }

    /** Called when the sink pad is activated (READY→PAUSED); false fails the state change ({@code start}). */
    protected boolean start() {
        return true;
    }

    /** Called when the sink pad is deactivated (PAUSED→READY), after streaming stopped ({@code stop}). */
    protected boolean stop() {
        return true;
    }

    /**
     * Handles an event arriving on the sink pad ({@code sink_event}): FLUSH_STOP resets the
     * segment and QoS, CAPS negotiates (and is not forwarded: the output caps are pushed
     * instead), SEGMENT is remembered; everything else is pushed out of the source pad.
     * Subclasses override and call {@code super.sinkEvent(event)} for what they do not consume.
     */
    protected boolean sinkEvent(Event event) {
        boolean forward = true;
        boolean ret = true;
        switch (event.type()) {
            case FLUSH_STOP -> {
                resetQos();
                haveSegment = false;
                segment = UNDEFINED_SEGMENT;
                position = ClockTime.NONE;
                positionOut = ClockTime.NONE;
            }
            case CAPS -> {
                srcPad.checkReconfigure(); // clear a pending reconfigure: we negotiate now
                ret = negotiate(((Event.CapsEvent) event).caps());
                if (!ret) {
                    srcPad.markReconfigure();
                }
                forward = false;
            }
            case SEGMENT -> setSegment(((Event.SegmentEvent) event).segment());
            default -> {
            }
        }
        return ret && (!forward || srcPad.pushEvent(event));
    }

    /**
     * Handles an event arriving on the source pad from downstream ({@code src_event}): QOS
     * updates the QoS values; everything is pushed upstream out of the sink pad.
     */
    protected boolean srcEvent(Event event) {
        if (event instanceof Event.QosEvent q) {
            updateQos(q.proportion(), q.diff(), q.timestamp());
        }
        return sinkPad.pushEvent(event);
    }

    /**
     * Answers a query on the pad of {@code direction} ({@code query}): ACCEPT_CAPS with
     * {@link #acceptCaps}, CAPS by transforming the other side's peer caps, POSITION from the
     * segment; the rest is asked of the peer of the other pad.
     */
    protected boolean query(PadDirection direction, Query query) {
        Pad pad = direction == PadDirection.SRC ? srcPad : sinkPad;
        Pad other = otherPad(pad);
        if (query instanceof Query.AcceptCapsQuery q) {
            q.setResult(acceptCaps(direction, q.caps()));
            return true;
        }
        if (query instanceof Query.CapsQuery q) {
            Caps caps = queryCaps(pad, q.filter());
            if (caps == null) {
                LOG.warn("{}: no caps can be handled by this pad", pad);
                caps = Caps.EMPTY;
            }
            q.setResult(caps);
            return true;
        }
        Segment seg = segment;
        if (query instanceof Query.PositionQuery q && q.format() == Format.TIME && seg.getFormat() == Format.TIME) {
            long pos = direction == PadDirection.SINK || positionOut == ClockTime.NONE ? position : positionOut;
            q.setPosition(seg.toStreamTime(Format.TIME, pos == ClockTime.NONE ? seg.getPosition() : pos));
            return true;
        }
        return other.peerQuery(query);
    }

    // ================================================================ API for subclasses and applications

    /** The sink pad, named "sink". */
    public final Pad getSinkPad() {
        return sinkPad;
    }

    /** The source pad, named "src". */
    public final Pad getSrcPad() {
        return srcPad;
    }

    /**
     * Turns passthrough on or off ({@code gst_base_transform_set_passthrough}). An element with
     * neither transform hook stays in passthrough whatever is asked.
     */
    public final void setPassthrough(boolean on) {
        if (on) {
            passthrough = true;
        } else if (hasTransform || hasTransformInPlace) {
            passthrough = false;
        }
    }

    public final boolean isPassthrough() {
        return passthrough;
    }

    /**
     * Chooses in-place over copy mode ({@code gst_base_transform_set_in_place}); only possible
     * when the element overrides {@code transformInPlace} (and turning it off only when it
     * overrides {@code transform}).
     */
    public final void setInPlace(boolean inPlace) {
        if (inPlace && hasTransformInPlace) {
            alwaysInPlace = true;
        } else if (!inPlace && hasTransform) {
            alwaysInPlace = false;
        }
    }

    public final boolean isInPlace() {
        return alwaysInPlace;
    }

    /** Turns QoS handling on or off: the {@code qos} property ({@code gst_base_transform_set_qos_enabled}). */
    public final void setQosEnabled(boolean enabled) {
        set(QOS, enabled);
    }

    public final boolean isQosEnabled() {
        return qosEnabled;
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == QOS) {
            qosEnabled = (Boolean) value;
        }
    }

    /**
     * Stores QoS values, as a QOS event from downstream does ({@code gst_base_transform_update_qos}):
     * buffers with a running time up to {@code timestamp + diff} are late (none when that is
     * negative: downstream is early).
     */
    public final void updateQos(double newProportion, long diff, long timestamp) {
        if (!ClockTime.isValid(timestamp)) {
            return;
        }
        long earliest = timestamp + diff;
        proportion = newProportion;
        earliestTime = earliest < 0 ? ClockTime.NONE : earliest;
        LOG.debug("{}: qos: proportion {}, diff {}, timestamp {}", getName(), newProportion, diff,
                ClockTime.format(timestamp));
    }

    /** Downstream's load estimate from the last QOS event (1.0: just in time; above: too slow). */
    public final double getProportion() {
        return proportion;
    }

    /** The earliest running time worth processing according to the last QOS event, or NONE. */
    public final long getEarliestTime() {
        return earliestTime;
    }

    /**
     * Makes passthrough follow negotiation: on when both pads have the same caps, off otherwise
     * ({@code passthrough_on_same_caps}, a class setting in GStreamer: call from the constructor).
     */
    protected final void setPassthroughOnSameCaps(boolean on) {
        passthroughOnSameCaps = on;
    }

    /** Whether {@link #transformInPlace} still sees buffers in passthrough (default true) ({@code transform_ip_on_passthrough}). */
    protected final void setTransformIpOnPassthrough(boolean on) {
        transformIpOnPassthrough = on;
    }

    /**
     * Keeps the GAP flag on output buffers of copy mode; without it the flag is cleared, since
     * an element that does not understand GAP produces real data ({@code gst_base_transform_set_gap_aware}).
     */
    public final void setGapAware(boolean on) {
        gapAware = on;
    }

    /**
     * Whether CAPS query answers list the peer's untransformed caps first, so negotiation ends in
     * passthrough when it can (default true; {@code gst_base_transform_set_prefer_passthrough}).
     */
    public final void setPreferPassthrough(boolean on) {
        preferPassthrough = on;
    }

    /** Asks upstream to renegotiate, after a property changed what the element accepts ({@code gst_base_transform_reconfigure_sink}). */
    public final void reconfigureSink() {
        if (!sinkPad.pushEvent(Event.reconfigure())) {
            LOG.debug("{}: the reconfigure event was not handled upstream", getName());
        }
    }

    /** Makes the next buffer renegotiate the output caps ({@code gst_base_transform_reconfigure_src}). */
    public final void reconfigureSrc() {
        srcPad.markReconfigure();
    }

    /** Pushes changed output caps without renegotiating ({@code gst_base_transform_update_src_caps}). */
    public final boolean updateSrcCaps(Caps caps) {
        if (srcPad.pushEvent(Event.caps(caps))) {
            srcPad.markReconfigure();
            return true;
        }
        return false;
    }

    /** Whether the last negotiation succeeded. */
    public final boolean isNegotiated() {
        return negotiated;
    }

    /** A writable copy of the current input segment (UNDEFINED before the first SEGMENT). */
    protected final Segment getSegment() {
        return segment.copy();
    }

    /**
     * The current input segment itself, read-only (UNDEFINED before the first SEGMENT): what a
     * subclass reads for every buffer ({@code trans->segment}), without the copy of
     * {@link #getSegment()}. The object never changes; a new SEGMENT replaces it.
     */
    protected final Segment currentSegment() {
        return segment;
    }

    /** Whether a SEGMENT arrived since activation or the last flush ({@code have_segment}). */
    protected final boolean hasSegment() {
        return haveSegment;
    }

    /** Stores the input segment; for subclasses that consume SEGMENT events themselves. */
    protected final void setSegment(Segment newSegment) {
        Segment published = newSegment.asReadOnly();
        segment = published;
        haveSegment = true;
        LOG.debug("{}: received segment {}", getName(), published);
    }

    // ================================================================ activation

    /** {@code gst_base_transform_activate}: start/stop and reset the streaming state. */
    private boolean activate(boolean active) {
        if (active) {
            if (!started) {
                if (!start()) {
                    return false;
                }
                started = true;
            }
            negotiated = false;
            haveSegment = false;
            segment = UNDEFINED_SEGMENT;
            position = ClockTime.NONE;
            positionOut = ClockTime.NONE;
            discont = false;
            resetQos();
            return true;
        }
        // The pad is flushing now; wait until the streaming thread has left before stopping.
        sinkPad.getStreamLock().lock();
        sinkPad.getStreamLock().unlock();
        if (passthroughOnSameCaps) {
            setPassthrough(false);
        }
        boolean ok = true;
        if (started) {
            ok = stop();
            started = false;
        }
        return ok;
    }

    private void resetQos() {
        proportion = 1.0;
        earliestTime = ClockTime.NONE;
        discont = false;
        processed = 0;
        dropped = 0;
    }

    // ================================================================ data flow

    /** {@code gst_base_transform_chain}: QoS, transform, mark DISCONT, push. */
    private FlowReturn chain(Buffer buffer) {
        long ts = buffer.pts();
        long end = ts == ClockTime.NONE ? ClockTime.NONE
                : buffer.duration() == ClockTime.NONE ? ts : ts + buffer.duration();
        beforeTransform(buffer);
        if (buffer.hasFlag(BufferFlag.DISCONT)) {
            discont = true;
        }
        if (!reconfigure() || (!negotiated && !passthrough)) {
            LOG.warn("{}: not negotiated ({}): refusing buffer", getName(), negotiationProblem);
            return srcPad.isFlushing() ? FlowReturn.FLUSHING : FlowReturn.NOT_NEGOTIATED;
        }
        if (isLate(buffer)) {
            discont = true;
            return FlowReturn.OK;
        }
        Buffer out;
        try {
            out = generateOutput(buffer);
        } catch (FlowException e) {
            return e.flow();
        }
        if (out == null) {
            discont = true; // dropped: whoever comes next follows a gap
            return FlowReturn.OK;
        }
        boolean timed = segment.getFormat() == Format.TIME;
        if (end != ClockTime.NONE && timed) {
            position = end;
        }
        long outEnd = out.pts() != ClockTime.NONE
                ? out.pts() + (out.duration() != ClockTime.NONE ? out.duration() : 0) : end;
        if (outEnd != ClockTime.NONE && timed) {
            positionOut = outEnd;
        }
        if (discont) {
            out = out.withFlag(BufferFlag.DISCONT);
            discont = false;
        }
        processed++;
        return srcPad.push(out);
    }

    /** {@code default_generate_output}: passthrough, in-place or copy. */
    private Buffer generateOutput(Buffer in) throws FlowException {
        if (passthrough) {
            return transformIpOnPassthrough && hasTransformInPlace ? transformInPlace(in) : in;
        }
        if (alwaysInPlace && hasTransformInPlace) {
            return transformInPlace(in);
        }
        Caps incaps = sinkPad.getCurrentCaps();
        Caps outcaps = srcPad.getCurrentCaps();
        if (outcaps == null) {
            throw new FlowException(FlowReturn.FLUSHING, getName() + ": no output caps (source pad deactivated)");
        }
        int outSize = transformSize(PadDirection.SINK, incaps, in.size(), outcaps);
        if (outSize < 0) {
            postError(ErrorCode.CORE_NEGOTIATION, "Could not compute the output buffer size",
                    getName() + ": transformSize gave no size for " + in.size() + " bytes of " + incaps + " as " + outcaps);
            throw new FlowException(FlowReturn.ERROR, getName() + ": unknown output size");
        }
        ByteBuffer out = ByteBuffer.allocate(outSize);
        transform(in, out);
        Buffer result = in.withPayload(out.duplicate().position(0));
        return gapAware ? result : result.withoutFlag(BufferFlag.GAP);
    }

    /** The QoS check of {@code default_submit_input_buffer}: drop buffers downstream would render too late. */
    private boolean isLate(Buffer in) {
        long earliest = earliestTime;
        if (!qosEnabled || earliest == ClockTime.NONE) {
            return false; // the common case: two volatile reads
        }
        Segment seg = segment;
        long ts = in.pts();
        if (seg.getFormat() != Format.TIME || ts == ClockTime.NONE) {
            return false;
        }
        long runningTime = seg.toRunningTime(Format.TIME, ts);
        if (runningTime == ClockTime.NONE || runningTime > earliest) {
            return false;
        }
        dropped++;
        LOG.debug("{}: skipping transform: running time {} <= earliest {}", getName(),
                ClockTime.format(runningTime), ClockTime.format(earliest));
        postMessage(new Message.Qos(this, false, runningTime, seg.toStreamTime(Format.TIME, ts), ts, in.duration(),
                earliest - runningTime, processed, dropped));
        return true;
    }

    // ================================================================ negotiation

    /** {@code gst_base_transform_reconfigure_unlocked}: renegotiate if downstream asked for it. */
    private boolean reconfigure() {
        if (!srcPad.checkReconfigure()) {
            return true;
        }
        Caps incaps = sinkPad.getCurrentCaps();
        if (incaps == null) {
            return true;
        }
        if (!negotiate(incaps)) {
            postWarning(ErrorCode.STREAM_FORMAT, "not negotiated", getName() + ": " + negotiationProblem);
            srcPad.markReconfigure();
            return false;
        }
        return true;
    }

    /** {@code gst_base_transform_setcaps}: find the output caps for {@code incaps}, configure, push them. */
    private boolean negotiate(Caps incaps) {
        Caps outcaps = findTransform(sinkPad, incaps);
        boolean ret;
        if (outcaps == null) {
            LOG.warn("{}: cannot transform {} into anything downstream accepts: {}", getName(), incaps, negotiationProblem);
            ret = false;
        } else {
            if (incaps.isEqualTo(outcaps)) {
                outcaps = incaps;
            }
            Caps prevIn = sinkPad.getCurrentCaps();
            Caps prevOut = srcPad.getCurrentCaps();
            if (prevIn != null && prevOut != null && prevIn.isEqualTo(incaps) && prevOut.isEqualTo(outcaps)) {
                ret = true;
            } else {
                ret = configureCaps(incaps, outcaps);
                if (!ret) {
                    negotiationProblem = "setCaps refused " + incaps + " -> " + outcaps;
                    LOG.warn("{}: {}", getName(), negotiationProblem);
                } else if (prevOut == null || !prevOut.isEqualTo(outcaps)) {
                    ret = srcPad.pushEvent(Event.caps(outcaps));
                }
            }
        }
        negotiated = ret;
        return ret;
    }

    /** {@code gst_base_transform_configure_caps}. */
    private boolean configureCaps(Caps in, Caps out) {
        boolean same = in.isEqualTo(out);
        if (passthroughOnSameCaps) {
            setPassthrough(same);
        }
        return setCaps(in, out);
    }

    /**
     * {@code gst_base_transform_find_transform}: the fixed caps for the pad opposite {@code pad}
     * given the fixed {@code caps} on {@code pad}, accepted by that pad's peer; null if none.
     */
    private Caps findTransform(Pad pad, Caps caps) {
        Pad other = otherPad(pad);
        PadDirection direction = pad.getDirection();
        Caps othercaps = transformCapsChecked(direction, caps, null);
        if (othercaps != null && !othercaps.isEmpty()) {
            othercaps = othercaps.intersect(other.getPadTemplateCaps(), Caps.IntersectMode.FIRST);
        }
        if (othercaps == null || othercaps.isEmpty()) {
            negotiationProblem = "transformCaps gives nothing the " + other.getName() + " template allows for " + caps;
            return null;
        }
        if (!othercaps.isFixed()) {
            if (other.getPeer() != null) {
                Caps peercaps = other.peerQueryCaps(othercaps);
                othercaps = peercaps.isEmpty() ? peercaps
                        : peercaps.intersect(other.getPadTemplateCaps(), Caps.IntersectMode.FIRST)
                                .intersect(othercaps, Caps.IntersectMode.FIRST);
            } else {
                othercaps = caps; // no peer: do passthrough
            }
        }
        if (othercaps.isEmpty()) {
            negotiationProblem = "the peer of " + other + " (" + other.getPeer() + ") accepts none of "
                    + transformCapsChecked(direction, caps, null);
            return null;
        }
        if (othercaps.isAny()) {
            negotiationProblem = "cannot fixate ANY caps for " + other;
            return null;
        }
        othercaps = fixateCaps(direction, caps, othercaps);
        if (othercaps == null || !othercaps.isFixed()) {
            negotiationProblem = "fixateCaps did not give fixed caps: " + othercaps;
            return null;
        }
        if (!other.peerQueryAcceptCaps(othercaps)) {
            negotiationProblem = other.getPeer() + " does not accept " + othercaps;
            return null;
        }
        return othercaps;
    }

    /** {@code gst_base_transform_transform_caps}: the hook, with a null guard. */
    private Caps transformCapsChecked(PadDirection direction, Caps caps, Caps filter) {
        if (caps == null) {
            return null;
        }
        Caps ret = transformCaps(direction, caps, filter);
        LOG.trace("{}: transform caps ({}) {} -> {}", getName(), direction, caps, ret);
        return ret;
    }

    /**
     * {@code gst_base_transform_query_caps}: the peer caps of the other pad, filtered by its
     * template, transformed to this side and filtered by this pad's template; with
     * prefer-passthrough the peer's own caps come first when this pad can take them.
     */
    private Caps queryCaps(Pad pad, Caps filter) {
        Pad other = otherPad(pad);
        Caps templ = pad.getPadTemplateCaps();
        Caps otempl = other.getPadTemplateCaps();
        Caps peerfilter = null;
        if (filter != null) {
            peerfilter = transformCapsChecked(pad.getDirection(), filter.intersect(templ, Caps.IntersectMode.FIRST), null);
            if (peerfilter != null && !peerfilter.isEmpty()) {
                peerfilter = peerfilter.intersect(otempl, Caps.IntersectMode.FIRST);
            }
            if (peerfilter != null && peerfilter.isEmpty()) {
                return peerfilter;
            }
        }
        Caps peercaps = other.peerQueryCaps(peerfilter);
        Caps temp = peercaps.intersect(otempl, Caps.IntersectMode.FIRST);
        Caps caps = transformCapsChecked(other.getDirection(), temp, filter);
        if (caps == null || caps.isEmpty()) {
            return caps;
        }
        caps = caps.intersect(templ, Caps.IntersectMode.FIRST);
        if (preferPassthrough) {
            Caps same = peercaps.intersect(caps, Caps.IntersectMode.FIRST);
            if (!same.isEmpty()) {
                caps = same.merge(caps);
            }
        }
        return caps;
    }

    private Pad otherPad(Pad pad) {
        return pad == srcPad ? sinkPad : srcPad;
    }
}
