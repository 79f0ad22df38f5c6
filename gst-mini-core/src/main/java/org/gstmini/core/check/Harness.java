package org.gstmini.core.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.gstmini.core.Bin;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.Segment;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.ClockId;
import org.gstmini.core.clock.SystemClock;
import org.gstmini.core.clock.TestClock;

/**
 * Tests one element as a black box: feed it buffers and events, look at what comes out, and
 * move its clock by hand. Mirrors {@code GstHarness} (libs/gst/check/gstharness.c).
 *
 * <h2>The picture</h2>
 * A harness wraps <em>one</em> element (or a bin) between two loose pads of its own:
 *
 * <pre>
 *             ┌──────────────────────────────┐
 *  ┌─────┐    │ ┌──────┐           ┌─────┐   │    ┌──────┐
 *  │ src │────┼─│ sink │  element  │ src │───┼────│ sink │
 *  └─────┘    │ └──────┘           └─────┘   │    └──────┘
 *  harness    └──────────────────────────────┘    harness
 *  src pad                                        sink pad
 *  push(), pushEvent()                            pull(), pullEvent()
 *  pullUpstreamEvent()                            pushUpstreamEvent()
 * </pre>
 *
 * <p>Because {@link Pad#push(Buffer)} is a direct call, {@link #push(Buffer)} runs the element's
 * chain function <em>on the test's own thread</em>; whatever the element pushes on arrives in
 * the harness sink pad's queue before {@code push} returns. A filter is therefore tested with
 * no thread at all. Elements with a thread of their own (a source's task, a queue) deliver into
 * the same queue from that thread, and {@link #pull()} waits for them.
 *
 * <h2>Testing a pass-through element</h2>
 * <pre>{@code
 * // MyPassThrough: your element, with pads "sink" and "src", pushing each buffer on unchanged.
 * // (Harness.of("factory-name") makes one through the registry instead.)
 * try (Harness h = new Harness(new MyPassThrough())) {  // links "sink" and "src", sets PLAYING
 *     h.setSrcCapsStr("video/x-raw, format=(string)RGB, width=(int)2, height=(int)2");
 *                                                    // sends STREAM_START, CAPS, SEGMENT
 *     Buffer in = h.createBuffer(12).withPts(0);
 *     Buffer out = h.pushAndPull(in);               // push in, take what came out
 *     assertSame(in, out);                          // passed on untouched
 *
 *     assertEquals(EventType.STREAM_START, h.pullEvent().type());   // events arrive in order
 *     assertEquals(EventType.CAPS, h.pullEvent().type());
 *     assertEquals(EventType.SEGMENT, h.pullEvent().type());
 * }                                                  // close(): NULL state, no thread left
 * }</pre>
 *
 * <h2>What the harness does for you, as GstHarness does</h2>
 * <ul>
 *   <li><b>On creation</b> it links its pads to the element's pads named {@code sink} and
 *       {@code src} (or the names you give; a name that matches a request template, such as
 *       {@code src_%u}, requests a pad). An element with a sink pad is then set to PLAYING at
 *       once and receives a STREAM_START event. A <em>source</em> (no sink pad) is left in NULL
 *       so it does not start producing before the test is ready: call {@link #play()}.</li>
 *   <li>A sink (sink pad but no source pad) gets its {@code async} and {@code sync} properties
 *       set to false, if it has them, so it neither waits for preroll nor for the clock.</li>
 *   <li>The element gets the harness's {@link TestClock} unless it already has a clock. If
 *       it already has a TestClock, the harness adopts that one. Time then moves only when the
 *       test says so: see {@link #crankSingleClockWait()}.</li>
 *   <li>The harness src pad answers CAPS queries with the caps given to {@link #setSrcCaps}
 *       and the sink pad with those given to {@link #setSinkCaps} (ANY until then), so the
 *       element negotiates against what the test describes. Both answer LATENCY queries as a
 *       live peer with {@link #setUpstreamLatency the latency you set} (0 by default).</li>
 * </ul>
 *
 * <h2>Caps before data</h2>
 * Like GStreamer, a stream must begin with STREAM_START, CAPS and SEGMENT. The harness sends
 * STREAM_START itself; CAPS and a TIME SEGMENT come from {@link #setSrcCaps} (or push your own
 * with {@link #pushEvent}). {@link #push(Buffer)} before that throws
 * {@link IllegalStateException} saying what is missing, instead of letting the element fail
 * later with a less helpful message.
 *
 * <h2>Clocked elements</h2>
 * An element that waits on its clock (a sink with {@code sync=true}, a live source) blocks in
 * the TestClock until the test releases the wait. A blocked {@code push} blocks the test's
 * thread, so push from a helper thread and release the wait from the test's thread:
 *
 * <pre>{@code
 * Thread pusher = new Thread(() -> h.push(buffer));   // blocks in the element's clock wait
 * pusher.start();
 * assertTrue(h.waitForClockIdWaits(1, 5_000));       // the element is now waiting
 * assertTrue(h.crankSingleClockWait());              // advance the clock to it and release it
 * pusher.join();
 * }</pre>
 *
 * A source with its own task needs no helper thread: {@link #play()} it and crank.
 *
 * <h2>Timeouts and failures</h2>
 * {@link #pull()}, {@link #pullEvent()} and {@link #pullUpstreamEvent()} wait up to
 * {@value #PULL_TIMEOUT_SECONDS} seconds and return {@code null} on time-out, as GstHarness
 * does; the {@code try} variants never wait. Where GstHarness aborts with {@code g_assert}
 * (the element refuses the caps, does not reach PLAYING, or cannot be set back to NULL) this
 * class throws {@link AssertionError} with a message naming the element, so the test fails
 * with a reason. Wrong use (pulling from an element without source pad, pushing before caps)
 * throws {@link IllegalStateException}.
 *
 * <p>Not provided: sub-harnesses ({@code gst_harness_add_src}, {@code add_sink}),
 * {@code gst_harness_new_parse}, allocation queries and buffer pools, and the
 * {@code gst_harness_stress_*} threads.
 */
public final class Harness implements AutoCloseable {
    /** How long {@link #pull()}, {@link #pullEvent()} and {@link #pullUpstreamEvent()} wait. */
    public static final long PULL_TIMEOUT_SECONDS = 60;

    /**
     * How many open harnesses share each element (GstHarness's "harness-ref"): only the last
     * one closed sets the element to NULL. Weak, so a harness never closed does not pin its
     * element (Element keeps Object's identity equality).
     */
    private static final Map<Element, Integer> ELEMENT_REFS = new WeakHashMap<>();

    private final Element element;
    private final TestClock testClock;
    private Pad srcPad;
    private Pad sinkPad;
    private volatile String elementSinkPadName;
    private volatile String elementSrcPadName;

    private volatile Caps srcCaps;
    private volatile Caps sinkCaps;
    private volatile boolean live = true;
    private volatile long latencyMin = 0;
    private volatile long latencyMax = ClockTime.NONE;
    private volatile long lastPushTimestamp = ClockTime.NONE;

    /** Guards the queues, counters and flags below; {@code changed} is signalled on every change. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Buffer> bufferQueue = new ArrayDeque<>();
    private final ArrayDeque<Event> sinkEventQueue = new ArrayDeque<>();
    private final ArrayDeque<Event> srcEventQueue = new ArrayDeque<>();
    private int buffersReceived;
    private int eventsReceived;
    private int upstreamEventsReceived;
    private boolean eosReceived;
    private boolean dropBuffers;
    private boolean blockingPushMode;
    /** Counts pulls, so a chain blocked in blocking-push mode knows a pull happened. */
    private long pullCount;
    private boolean closed;
    private boolean referenced;

    // ---------------------------------------------------------------- creation

    /**
     * Wraps {@code element}, linking the harness to its pads named {@code sink} and {@code src}
     * ({@code gst_harness_new_with_element (element, "sink", "src")}).
     *
     * @see #Harness(Element, String, String)
     */
    public Harness(Element element) {
        this(element, "sink", "src");
    }

    /**
     * Wraps {@code element}, linking the harness src pad to the element's sink pad named
     * {@code elementSinkPadName} and the element's source pad named {@code elementSrcPadName} to
     * the harness sink pad ({@code gst_harness_new_with_element}).
     *
     * <p>A name that is not a pad of the element is requested from its request templates: give
     * a template ({@code "src_%u"}, the element picks the number) or a concrete name
     * ({@code "src_3"}). Requested pads are released again by {@link #close()}. A null name
     * creates the harness pad without linking it; link it later with
     * {@link #addElementSinkPad(Pad)} / {@link #addElementSrcPad(Pad)} (a demuxer's sometimes-pad,
     * or a second harness on the same element).
     *
     * @throws IllegalArgumentException if a named pad neither exists nor can be requested
     * @throws org.gstmini.core.PadLinkException if a link fails (the caps do not intersect)
     * @throws AssertionError if an element with a sink pad does not reach PLAYING
     */
    public Harness(Element element, String elementSinkPadName, String elementSrcPadName) {
        this.element = Objects.requireNonNull(element, "element");
        Clock elementClock = element.getClock();
        this.testClock = elementClock instanceof TestClock tc ? tc : new TestClock();
        boolean hasSinkPad = hasPadsOrTemplates(PadDirection.SINK);
        boolean hasSrcPad = hasPadsOrTemplates(PadDirection.SRC);
        try {
            if (hasSinkPad) {
                setupSrcPad(elementSinkPadName);
            }
            if (hasSrcPad) {
                setupSinkPad(elementSrcPadName);
            }
            if (hasSinkPad && !hasSrcPad) {
                turnAsyncAndSyncOff(element);
            }
            if (elementClock == null) {
                useTestClock();
            }
            addElementRef();
            // Sources stay in NULL: they would start producing data at once.
            if (hasSinkPad) {
                play();
            }
            if (srcPad != null) {
                // GstHarness sends STREAM_START before play(); here it goes after, so the now
                // active element receives it at once rather than with the first CAPS.
                String streamId = element.getName() + "-" + Integer.toHexString(System.identityHashCode(this));
                if (!srcPad.pushEvent(Event.streamStart(streamId)) && srcPad.isLinked()) {
                    throw new AssertionError(this + ": " + srcPad.getPeer() + " refused the STREAM_START event");
                }
            }
            forgetSetupReconfigure();
        } catch (RuntimeException | Error e) {
            try {
                close();
            } catch (RuntimeException | Error cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Makes an element with {@link ElementFactory#make(String)} and wraps it, linking its pads
     * {@code sink} and {@code src} ({@code gst_harness_new}).
     *
     * @throws org.gstmini.core.NoSuchElementFactoryException if no factory has that name
     */
    public static Harness of(String factoryName) {
        return new Harness(ElementFactory.make(factoryName));
    }

    /**
     * Like {@link #of(String)} with the element's pad names; either may be null
     * ({@code gst_harness_new_with_padnames}).
     */
    public static Harness of(String factoryName, String elementSinkPadName, String elementSrcPadName) {
        return new Harness(ElementFactory.make(factoryName), elementSinkPadName, elementSrcPadName);
    }

    private boolean hasPadsOrTemplates(PadDirection direction) {
        if (!(direction == PadDirection.SRC ? element.getSrcPads() : element.getSinkPads()).isEmpty()) {
            return true;
        }
        for (PadTemplate t : element.getPadTemplates()) {
            if (t.direction() == direction) {
                return true;
            }
        }
        return false;
    }

    private void setupSrcPad(String elementSinkPadName) {
        Pad pad = new Pad("src", PadTemplate.src(Caps.ANY));
        pad.setQueryFunction((p, parent, query) -> srcQuery(p, query));
        pad.setEventFunction((p, parent, event) -> srcEvent(event));
        pad.setActive(true);
        srcPad = pad;
        if (elementSinkPadName != null) {
            Pad target = findOrRequestPad(elementSinkPadName, PadDirection.SINK);
            srcPad.linkOrThrow(target);
            this.elementSinkPadName = target.getName();
        }
    }

    private void setupSinkPad(String elementSrcPadName) {
        Pad pad = new Pad("sink", PadTemplate.sink(Caps.ANY));
        pad.setChainFunction((p, parent, buffer) -> chain(buffer));
        pad.setQueryFunction((p, parent, query) -> sinkQuery(p, query));
        pad.setEventFunction((p, parent, event) -> sinkEvent(event));
        pad.setActive(true);
        sinkPad = pad;
        if (elementSrcPadName != null) {
            Pad target = findOrRequestPad(elementSrcPadName, PadDirection.SRC);
            target.linkOrThrow(sinkPad);
            this.elementSrcPadName = target.getName();
        }
    }

    private Pad findOrRequestPad(String name, PadDirection direction) {
        Pad pad = element.getStaticPad(name);
        if (pad == null) {
            pad = element.requestPad(name);
        }
        if (pad == null) {
            throw new IllegalArgumentException("Harness: element '" + element.getName() + "' has no "
                    + direction.name().toLowerCase(java.util.Locale.ROOT) + " pad '" + name
                    + "' and no request template that makes one; its pads: " + padNames()
                    + ", its templates: " + templateNames());
        }
        if (pad.getDirection() != direction) {
            throw new IllegalArgumentException("Harness: " + pad + " is a " + pad.getDirection()
                    + " pad; the harness needs a " + direction + " pad there");
        }
        return pad;
    }

    private String padNames() {
        List<String> names = new ArrayList<>();
        for (Pad p : element.getPads()) {
            names.add(p.getName());
        }
        return names.toString();
    }

    private String templateNames() {
        List<String> names = new ArrayList<>();
        for (PadTemplate t : element.getPadTemplates()) {
            names.add(t.nameTemplate() + " (" + t.direction() + ", " + t.presence() + ")");
        }
        return names.toString();
    }

    /** A harnessed sink needs neither preroll nor clock sync ({@code turn_async_and_sync_off}). */
    private static void turnAsyncAndSyncOff(Element element) {
        for (String name : List.of("async", "sync")) {
            Property<?> p = element.findProperty(name);
            if (p != null && p.type() == Boolean.class && p.isSettableIn(element.getCurrentState())) {
                element.setProperty(name, Boolean.FALSE);
            }
        }
    }

    private void addElementRef() {
        synchronized (ELEMENT_REFS) {
            ELEMENT_REFS.merge(element, 1, Integer::sum);
            referenced = true;
        }
    }

    /** Drops this harness's reference; true if it was the last one. */
    private boolean releaseElementRef() {
        synchronized (ELEMENT_REFS) {
            if (!referenced) {
                return false;
            }
            referenced = false;
            int left = ELEMENT_REFS.merge(element, -1, Integer::sum);
            if (left <= 0) {
                ELEMENT_REFS.remove(element);
                return true;
            }
            return false;
        }
    }

    /**
     * Links an element source pad that appeared after the harness was made (a demuxer's
     * sometimes-pad) to the harness sink pad, creating that pad if needed
     * ({@code gst_harness_add_element_src_pad}).
     */
    public void addElementSrcPad(Pad elementSrcPad) {
        Objects.requireNonNull(elementSrcPad, "elementSrcPad");
        if (sinkPad == null) {
            setupSinkPad(null);
        }
        elementSrcPad.linkOrThrow(sinkPad);
        elementSrcPadName = elementSrcPad.getName();
    }

    /**
     * Links the harness src pad to an element sink pad, creating the harness pad if needed
     * ({@code gst_harness_add_element_sink_pad}).
     */
    public void addElementSinkPad(Pad elementSinkPad) {
        Objects.requireNonNull(elementSinkPad, "elementSinkPad");
        if (srcPad == null) {
            setupSrcPad(null);
        }
        srcPad.linkOrThrow(elementSinkPad);
        elementSinkPadName = elementSinkPad.getName();
    }

    // ---------------------------------------------------------------- the harness pads' functions

    /** {@code gst_harness_chain}: queue (or drop) the buffer; in blocking-push mode wait for a pull. */
    private FlowReturn chain(Buffer buffer) {
        lock.lock();
        try {
            buffersReceived++;
            if (!dropBuffers) {
                bufferQueue.addLast(buffer);
            }
            changed.signalAll();
            if (blockingPushMode) {
                long pullsBefore = pullCount;
                while (blockingPushMode && pullCount == pullsBefore) {
                    changed.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        return FlowReturn.OK;
    }

    /** {@code gst_harness_sink_event}: every downstream event is queued for {@link #pullEvent()}. */
    private boolean sinkEvent(Event event) {
        lock.lock();
        try {
            eventsReceived++;
            if (event.type() == EventType.EOS) {
                eosReceived = true;
            }
            sinkEventQueue.addLast(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return true;
    }

    /**
     * Linking a pad sends RECONFIGURE upstream ({@code gst_pad_link_full}), so the harness's own
     * set-up would leave RECONFIGURE events in the upstream queue. They tell a test nothing, so the
     * harness forgets them; RECONFIGURE events the element sends later are queued as usual.
     */
    private void forgetSetupReconfigure() {
        lock.lock();
        try {
            int before = srcEventQueue.size();
            srcEventQueue.removeIf(e -> e.type() == EventType.RECONFIGURE);
            upstreamEventsReceived -= before - srcEventQueue.size();
        } finally {
            lock.unlock();
        }
    }

    /** {@code gst_harness_src_event}: every upstream event is queued for {@link #pullUpstreamEvent()}. */
    private boolean srcEvent(Event event) {
        lock.lock();
        try {
            upstreamEventsReceived++;
            srcEventQueue.addLast(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return true;
    }

    private boolean srcQuery(Pad pad, Query query) {
        return answer(pad, query, srcCaps);
    }

    private boolean sinkQuery(Pad pad, Query query) {
        return answer(pad, query, sinkCaps);
    }

    /** {@code gst_harness_src_query} / {@code gst_harness_sink_query}: CAPS and LATENCY answered here. */
    private boolean answer(Pad pad, Query query, Caps configured) {
        if (query instanceof Query.LatencyQuery q) {
            q.set(live, latencyMin, latencyMax);
            return true;
        }
        if (query instanceof Query.CapsQuery q) {
            Caps caps = configured != null ? configured : pad.getPadTemplateCaps();
            Caps filter = q.filter();
            q.setResult(filter == null ? caps : filter.intersect(caps, Caps.IntersectMode.FIRST));
            return true;
        }
        // ACCEPT_CAPS by default checks against this pad's own CAPS answer above.
        return pad.queryDefault(query);
    }

    // ---------------------------------------------------------------- caps

    /**
     * Sets the caps of the harness src pad and starts the stream with them
     * ({@code gst_harness_set_src_caps}): pushes a CAPS event, then a SEGMENT event with a
     * fresh TIME segment. From now on the harness src pad answers CAPS queries with
     * {@code caps}. This must happen before buffers can be pushed.
     *
     * @param caps fixed caps (a CAPS event carries fixed caps)
     * @throws AssertionError if the element refuses the caps or the segment
     */
    public void setSrcCaps(Caps caps) {
        Pad pad = requireSrcPad("setSrcCaps");
        pad.pushEvent(Event.caps(caps)); // true even if refused: sticky events are stored
        Pad peer = pad.getPeer();
        if (peer != null && !caps.equals(peer.getCurrentCaps())) {
            throw new AssertionError(this + ": the element refused caps " + caps
                    + " (its sink pad " + pad.getPeer() + " accepts " + pad.peerQueryCaps(null) + ")");
        }
        srcCaps = caps;
        if (!pad.pushEvent(Event.segment(new Segment(Format.TIME)))) {
            throw new AssertionError(this + ": the element refused a TIME SEGMENT event");
        }
    }

    /** {@link #setSrcCaps} with caps in GStreamer's text form ({@code gst_harness_set_src_caps_str}). */
    public void setSrcCapsStr(String caps) {
        setSrcCaps(Caps.parse(caps));
    }

    /**
     * Restricts what the harness sink pad accepts and answers to CAPS queries
     * ({@code gst_harness_set_sink_caps}), then sends a RECONFIGURE event upstream so the element
     * renegotiates. Because the harness src pad receives every upstream event, that RECONFIGURE
     * (if the element passes it on) shows up in {@link #pullUpstreamEvent()}.
     */
    public void setSinkCaps(Caps caps) {
        Pad pad = requireSinkPad("setSinkCaps");
        sinkCaps = Objects.requireNonNull(caps, "caps");
        pad.pushEvent(Event.reconfigure());
    }

    /** {@link #setSinkCaps} with caps in text form ({@code gst_harness_set_sink_caps_str}). */
    public void setSinkCapsStr(String caps) {
        setSinkCaps(Caps.parse(caps));
    }

    /**
     * Sets the sink caps, then the src caps ({@code gst_harness_set_caps}): what goes in and
     * what may come out.
     */
    public void setCaps(Caps in, Caps out) {
        setSinkCaps(out);
        setSrcCaps(in);
    }

    /** {@link #setCaps} with caps in text form ({@code gst_harness_set_caps_str}). */
    public void setCapsStr(String in, String out) {
        setSinkCapsStr(out);
        setSrcCapsStr(in);
    }

    // ---------------------------------------------------------------- state

    /**
     * Sets the element to PLAYING and checks it got there ({@code gst_harness_play}). Done on
     * creation for every element with a sink pad; call it yourself for sources, which the
     * harness leaves in NULL so they do not produce before the test is ready.
     *
     * @throws AssertionError if the element fails, or answers ASYNC (a sink waiting for
     *     preroll: set its {@code async} property to false)
     */
    public void play() {
        StateChangeReturn ret = element.setState(State.PLAYING);
        if (ret == StateChangeReturn.ASYNC) {
            throw new AssertionError(this + ": going to PLAYING returned ASYNC: the element waits for "
                    + "preroll, which cannot arrive while play() runs; turn its async property off");
        }
        if (ret == StateChangeReturn.FAILURE) {
            throw new AssertionError(this + ": the element failed to go to PLAYING (see its ERROR message or log)");
        }
        Element.StateResult s = element.getState(0);
        if (s.current() != State.PLAYING) {
            throw new AssertionError(this + ": expected state PLAYING, got " + s.current()
                    + " (pending " + s.pending() + ", " + s.result() + ")");
        }
    }

    // ---------------------------------------------------------------- buffers

    /**
     * Makes a buffer of {@code size} zero bytes, without timestamps, to push
     * ({@code gst_harness_create_buffer}; there are no buffer pools here).
     */
    public Buffer createBuffer(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("buffer size must not be negative: " + size);
        }
        return Buffer.wrap(new byte[size]);
    }

    /**
     * Pushes a buffer into the element through the harness src pad and returns what the element
     * said ({@code gst_harness_push}). Runs the element's chain function on this thread.
     *
     * @throws IllegalStateException if no CAPS or SEGMENT event was sent yet (call
     *     {@link #setSrcCaps} first), or the element has no sink pad
     */
    public FlowReturn push(Buffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        Pad pad = requireSrcPad("push");
        List<String> missing = new ArrayList<>(2);
        for (EventType t : List.of(EventType.CAPS, EventType.SEGMENT)) {
            if (pad.getStickyEvent(t) == null) {
                missing.add(t.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(this + ": push() before " + String.join(" and ", missing)
                    + ": call setSrcCaps(...) first (it sends CAPS and a TIME SEGMENT), or push those events "
                    + "with pushEvent(); after a FLUSH_STOP a new SEGMENT is needed");
        }
        lastPushTimestamp = buffer.pts();
        return pad.push(buffer);
    }

    /**
     * Takes the next buffer the element pushed out, waiting up to {@value #PULL_TIMEOUT_SECONDS}
     * seconds ({@code gst_harness_pull}).
     *
     * @return the buffer, or null if none arrived in time
     */
    public Buffer pull() {
        return pollBuffer("pull", TimeUnit.SECONDS.toNanos(PULL_TIMEOUT_SECONDS));
    }

    /** Takes the next buffer if one is queued, else returns null at once ({@code gst_harness_try_pull}). */
    public Buffer tryPull() {
        return pollBuffer("tryPull", 0);
    }

    private Buffer pollBuffer(String what, long nanos) {
        requireSinkPad(what);
        lock.lock();
        try {
            while (bufferQueue.isEmpty() && nanos > 0) {
                nanos = awaitNanos(nanos);
            }
            Buffer b = bufferQueue.pollFirst();
            pullCount++; // releases a chain waiting in blocking-push mode
            changed.signalAll();
            return b;
        } finally {
            lock.unlock();
        }
    }

    private long awaitNanos(long nanos) {
        try {
            return changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Takes the next buffer, or null once EOS has arrived and no buffer is left
     * ({@code gst_harness_pull_until_eos}). Loop on it to collect a whole stream:
     *
     * <pre>{@code
     * for (Buffer b; (b = h.pullUntilEos()) != null; ) { check(b); }
     * }</pre>
     *
     * @throws AssertionError if neither a buffer nor EOS arrives within
     *     {@value #PULL_TIMEOUT_SECONDS} seconds (GstHarness returns FALSE there)
     */
    public Buffer pullUntilEos() {
        requireSinkPad("pullUntilEos");
        long nanos = TimeUnit.SECONDS.toNanos(PULL_TIMEOUT_SECONDS);
        lock.lock();
        try {
            while (bufferQueue.isEmpty() && !eosReceived) {
                if (nanos <= 0) {
                    throw new AssertionError(this + ": neither a buffer nor EOS arrived within "
                            + PULL_TIMEOUT_SECONDS + " s");
                }
                nanos = awaitNanos(nanos);
            }
            Buffer b = bufferQueue.pollFirst();
            pullCount++;
            changed.signalAll();
            return b;
        } finally {
            lock.unlock();
        }
    }

    /** {@link #push} then {@link #pull}: one buffer in, look at what came out ({@code gst_harness_push_and_pull}). */
    public Buffer pushAndPull(Buffer buffer) {
        push(buffer);
        return pull();
    }

    /** Buffers that reached the harness sink pad so far, pulled, queued or dropped ({@code gst_harness_buffers_received}). */
    public int buffersReceived() {
        lock.lock();
        try {
            return buffersReceived;
        } finally {
            lock.unlock();
        }
    }

    /** Buffers waiting to be pulled ({@code gst_harness_buffers_in_queue}). */
    public int buffersInQueue() {
        lock.lock();
        try {
            return bufferQueue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops arriving buffers instead of queueing them; they are still counted by
     * {@link #buffersReceived()} ({@code gst_harness_set_drop_buffers}).
     */
    public void setDropBuffers(boolean drop) {
        lock.lock();
        try {
            dropBuffers = drop;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the harness sink pad's chain function wait after queueing each buffer until the test
     * pulls ({@link #pull()}, {@link #tryPull()}), so a source without clock waits produces one
     * buffer per pull instead of as fast as it can ({@code gst_harness_set_blocking_push_mode}).
     * {@link #close()} releases a waiting chain.
     */
    public void setBlockingPushMode() {
        lock.lock();
        try {
            blockingPushMode = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes every queued buffer and returns their bytes one after the other
     * ({@code gst_harness_take_all_data}); an empty array if none is queued.
     */
    public byte[] takeAllData() {
        List<Buffer> all = drainBuffers();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Buffer b : all) {
            out.writeBytes(b.toByteArray());
        }
        return out.toByteArray();
    }

    /**
     * Takes every queued buffer and joins them into one, with the first buffer's timestamps and
     * flags ({@code gst_harness_take_all_data_as_buffer}); an empty buffer if none is queued.
     */
    public Buffer takeAllDataAsBuffer() {
        List<Buffer> all = drainBuffers();
        if (all.isEmpty()) {
            return Buffer.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Buffer b : all) {
            out.writeBytes(b.toByteArray());
        }
        return all.get(0).withPayload(ByteBuffer.wrap(out.toByteArray()));
    }

    /** Writes the bytes of every queued buffer to a file, taking them ({@code gst_harness_dump_to_file}). */
    public void dumpToFile(Path file) {
        try {
            Files.write(file, takeAllData());
        } catch (IOException e) {
            throw new UncheckedIOException(this + ": cannot write " + file, e);
        }
    }

    private List<Buffer> drainBuffers() {
        requireSinkPad("takeAllData");
        lock.lock();
        try {
            List<Buffer> all = new ArrayList<>(bufferQueue);
            bufferQueue.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The pts of the last buffer given to {@link #push}, or {@link ClockTime#NONE} if none was
     * pushed ({@code gst_harness_get_last_pushed_timestamp}).
     */
    public long getLastPushedTimestamp() {
        return lastPushTimestamp;
    }

    // ---------------------------------------------------------------- downstream events

    /**
     * Pushes an event into the element through the harness src pad ({@code gst_harness_push_event}):
     * EOS, FLUSH_START/STOP, a new SEGMENT, a custom event. Sticky events (CAPS, SEGMENT, ...) are
     * kept on the harness src pad and resent before the next data if the element was not ready.
     *
     * @return whether the element handled it
     */
    public boolean pushEvent(Event event) {
        Objects.requireNonNull(event, "event");
        return requireSrcPad("pushEvent").pushEvent(event);
    }

    /**
     * Takes the next event that reached the harness sink pad, waiting up to
     * {@value #PULL_TIMEOUT_SECONDS} seconds ({@code gst_harness_pull_event}): the stream's
     * STREAM_START, CAPS and SEGMENT, then EOS, GAP, flushes, ... in the order they came.
     *
     * @return the event, or null if none arrived in time
     */
    public Event pullEvent() {
        requireSinkPad("pullEvent");
        return pollEvent(sinkEventQueue, TimeUnit.SECONDS.toNanos(PULL_TIMEOUT_SECONDS));
    }

    /** Takes the next downstream event if one is queued, else null ({@code gst_harness_try_pull_event}). */
    public Event tryPullEvent() {
        requireSinkPad("tryPullEvent");
        return pollEvent(sinkEventQueue, 0);
    }

    /** Downstream events received so far, pulled or not ({@code gst_harness_events_received}). */
    public int eventsReceived() {
        lock.lock();
        try {
            return eventsReceived;
        } finally {
            lock.unlock();
        }
    }

    /** Downstream events waiting to be pulled ({@code gst_harness_events_in_queue}). */
    public int eventsInQueue() {
        lock.lock();
        try {
            return sinkEventQueue.size();
        } finally {
            lock.unlock();
        }
    }

    private Event pollEvent(ArrayDeque<Event> queue, long nanos) {
        lock.lock();
        try {
            while (queue.isEmpty() && nanos > 0) {
                nanos = awaitNanos(nanos);
            }
            return queue.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- upstream events

    /**
     * Sends an upstream event (SEEK, QOS, LATENCY, RECONFIGURE, ...) into the element through the
     * harness sink pad ({@code gst_harness_push_upstream_event}).
     *
     * @return whether the element handled it
     * @throws IllegalArgumentException if the event does not travel upstream
     */
    public boolean pushUpstreamEvent(Event event) {
        Objects.requireNonNull(event, "event");
        if (!event.type().isUpstream()) {
            throw new IllegalArgumentException(this + ": pushUpstreamEvent() needs an upstream event; "
                    + event.type().nick() + " travels downstream (use pushEvent())");
        }
        return requireSinkPad("pushUpstreamEvent").pushEvent(event);
    }

    /**
     * Takes the next upstream event the element sent out of its sink pad, waiting up to
     * {@value #PULL_TIMEOUT_SECONDS} seconds ({@code gst_harness_pull_upstream_event}).
     *
     * @return the event, or null if none arrived in time
     */
    public Event pullUpstreamEvent() {
        requireSrcPad("pullUpstreamEvent");
        return pollEvent(srcEventQueue, TimeUnit.SECONDS.toNanos(PULL_TIMEOUT_SECONDS));
    }

    /** Takes the next upstream event if one is queued, else null ({@code gst_harness_try_pull_upstream_event}). */
    public Event tryPullUpstreamEvent() {
        requireSrcPad("tryPullUpstreamEvent");
        return pollEvent(srcEventQueue, 0);
    }

    /** Upstream events received so far, pulled or not ({@code gst_harness_upstream_events_received}). */
    public int upstreamEventsReceived() {
        lock.lock();
        try {
            return upstreamEventsReceived;
        } finally {
            lock.unlock();
        }
    }

    /** Upstream events waiting to be pulled ({@code gst_harness_upstream_events_in_queue}). */
    public int upstreamEventsInQueue() {
        lock.lock();
        try {
            return srcEventQueue.size();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- latency

    /**
     * Asks the element for its latency through the harness sink pad and returns the minimum,
     * or {@link ClockTime#NONE} if unanswered ({@code gst_harness_query_latency}).
     */
    public long queryLatency() {
        Query.LatencyQuery q = new Query.LatencyQuery();
        if (requireSinkPad("queryLatency").peerQuery(q)) {
            return q.min();
        }
        return ClockTime.NONE;
    }

    /** The minimum latency the harness pads report to LATENCY queries ({@code gst_harness_set_upstream_latency}). */
    public void setUpstreamLatency(long latency) {
        if (!ClockTime.isValid(latency)) {
            throw new IllegalArgumentException("latency must be a valid time, got " + latency);
        }
        this.latencyMin = latency;
    }

    /** Whether the harness pads answer LATENCY queries as live; true by default ({@code gst_harness_set_live}). */
    public void setLive(boolean isLive) {
        this.live = isLive;
    }

    // ---------------------------------------------------------------- clock

    /** Gives the element the harness's {@link TestClock} ({@code gst_harness_use_testclock}); done on creation. */
    public void useTestClock() {
        element.setClock(testClock);
    }

    /** Gives the element the real system clock instead ({@code gst_harness_use_systemclock}). */
    public void useSystemClock() {
        element.setClock(SystemClock.obtain());
    }

    /**
     * The harness's test clock ({@code gst_harness_get_testclock}): for finer steps than the
     * crank methods, such as {@link TestClock#peekNextPendingId()} or
     * {@link TestClock#advanceTime(long)}.
     */
    public TestClock getTestclock() {
        return testClock;
    }

    /**
     * Sets the test clock's time ({@code gst_harness_set_time}). Time never goes back.
     *
     * @throws IllegalArgumentException if {@code time} is before the clock's time
     */
    public void setTime(long time) {
        testClock.setTime(time);
    }

    /**
     * Waits up to {@code timeoutMillis} until {@code waits} clock waits are pending on the test
     * clock ({@code gst_harness_wait_for_clock_id_waits}; GStreamer counts the timeout in
     * seconds). Use it to be sure the element is blocked where the test expects.
     *
     * @return true if exactly {@code waits} waits are pending; false on time-out or if there are more
     */
    public boolean waitForClockIdWaits(int waits, long timeoutMillis) {
        return testClock.waitForMultiplePendingIds(waits, timeoutMillis);
    }

    /**
     * One logical step of the clock ({@code gst_harness_crank_single_clock_wait}): wait until a
     * clock wait is pending, set the clock to its time (if later than now), and release it. Blocks
     * until some thread waits on the clock, with no time-out: call
     * {@link #waitForClockIdWaits(int, long)} first if the element might never wait.
     *
     * @return true when the pending wait was released
     */
    public boolean crankSingleClockWait() {
        return testClock.crank();
    }

    /**
     * Like {@link #crankSingleClockWait()} for elements that wait on several clock ids at once
     * ({@code gst_harness_crank_multiple_clock_waits}): waits until {@code waits} ids are pending,
     * sets the clock to the latest of their times and releases them all together, so no thread
     * can register a new wait in between.
     *
     * @return true if exactly {@code waits} ids were released
     */
    public boolean crankMultipleClockWaits(int waits) {
        List<ClockId> pending = testClock.waitForMultiplePendingIds(waits);
        long latest = ClockTime.NONE;
        for (ClockId id : pending) {
            latest = Math.max(latest, id.getTime());
        }
        if (latest > testClock.getTime()) {
            testClock.setTime(latest);
        }
        return testClock.processIdList(pending) == waits;
    }

    // ---------------------------------------------------------------- accessors

    /** The harnessed element ({@code h->element}). */
    public Element getElement() {
        return element;
    }

    /** The harness's src pad, linked to the element's sink pad; null for a source element ({@code h->srcpad}). */
    public Pad getSrcPad() {
        return srcPad;
    }

    /** The harness's sink pad, linked from the element's source pad; null for a sink element ({@code h->sinkpad}). */
    public Pad getSinkPad() {
        return sinkPad;
    }

    private Pad requireSrcPad(String what) {
        Pad p = srcPad;
        if (p == null) {
            throw new IllegalStateException(this + ": " + what + "() needs the harness src pad, but the element has "
                    + "no sink pad (it is a source)");
        }
        return p;
    }

    private Pad requireSinkPad(String what) {
        Pad p = sinkPad;
        if (p == null) {
            throw new IllegalStateException(this + ": " + what + "() needs the harness sink pad, but the element has "
                    + "no source pad (it is a sink)");
        }
        return p;
    }

    @Override
    public String toString() {
        return "Harness(" + element.getName()
                + (elementSinkPadName != null ? ", sink=" + elementSinkPadName : "")
                + (elementSrcPadName != null ? ", src=" + elementSrcPadName : "") + ")";
    }

    // ---------------------------------------------------------------- teardown

    /**
     * Tears the harness down ({@code gst_harness_teardown}): releases a chain waiting in
     * blocking-push mode, gives back pads it requested, deactivates and unlinks its pads and, if
     * it is the last harness on the element, sets the element to NULL and checks that no
     * streaming thread named after the element (or, for a bin, after one of its children) is
     * still alive. Calling it again does nothing.
     *
     * @throws AssertionError if the element does not reach NULL or a streaming thread is left
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            blockingPushMode = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (srcPad != null) {
            Pad peer = srcPad.getPeer();
            if (peer != null && isRequestPad(peer) && element.getPads().contains(peer)) {
                element.releaseRequestPad(peer);
            }
            srcPad.setActive(false);
        }
        if (sinkPad != null) {
            Pad peer = sinkPad.getPeer();
            if (peer != null && isRequestPad(peer) && element.getPads().contains(peer)) {
                element.releaseRequestPad(peer);
            }
            sinkPad.setActive(false);
        }
        boolean last = releaseElementRef();
        AssertionError failure = null;
        if (last) {
            StateChangeReturn ret = element.setState(State.NULL);
            Element.StateResult s = element.getState(0);
            if (ret != StateChangeReturn.SUCCESS || s.current() != State.NULL) {
                failure = new AssertionError(this + ": setting the element to NULL returned " + ret
                        + " and left it in " + s.current());
            }
        }
        if (srcPad != null && srcPad.getPeer() != null) {
            srcPad.unlink(srcPad.getPeer());
        }
        if (sinkPad != null && sinkPad.getPeer() != null) {
            sinkPad.getPeer().unlink(sinkPad);
        }
        if (failure != null) {
            throw failure;
        }
        if (last) {
            checkNoStreamingThreadLeft();
        }
    }

    private static boolean isRequestPad(Pad pad) {
        PadTemplate t = pad.getPadTemplate();
        return t != null && t.presence() == PadPresence.REQUEST;
    }

    /** Streaming threads are named {@code element:pad} (see {@link org.gstmini.core.Task}). */
    private void checkNoStreamingThreadLeft() {
        List<String> prefixes = new ArrayList<>();
        prefixes.add(element.getName() + ":");
        if (element instanceof Bin bin) {
            for (Element child : bin.getChildrenRecursive()) {
                prefixes.add(child.getName() + ":");
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Thread> left = liveThreads(prefixes);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                left.get(0).join(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = liveThreads(prefixes);
        }
        if (!left.isEmpty()) {
            StringBuilder sb = new StringBuilder(this + ": streaming threads still alive after NULL:");
            for (Thread t : left) {
                sb.append("\n  \"").append(t.getName()).append("\" ").append(t.getState());
                StackTraceElement[] frames = t.getStackTrace();
                for (int i = 0; i < Math.min(frames.length, 8); i++) {
                    sb.append("\n      at ").append(frames[i]);
                }
            }
            throw new AssertionError(sb.toString());
        }
    }

    private static List<Thread> liveThreads(List<String> prefixes) {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.isAlive() || t == Thread.currentThread()) {
                continue;
            }
            for (String p : prefixes) {
                if (t.getName().startsWith(p)) {
                    out.add(t);
                    break;
                }
            }
        }
        return out;
    }
}
