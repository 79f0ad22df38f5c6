package org.gstmini.plugins.good.coreelements;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadMode;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.caps.Caps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input, N outputs: every buffer that enters is pushed, the same buffer, out of every
 * source pad in turn.
 *
 * <p>Mirrors {@code GstTee} (plugins/elements/gsttee.c). Source pads are request pads
 * ({@code src_%u}): ask for one per branch, as gst-launch does for {@code tee name=t ! ... t. ! ...}.
 * The pushes are ordinary calls on the upstream thread, one branch after the other:
 *
 * <pre>
 *   upstream thread ─► tee chain(buf) ─► src_0.push(buf) ─► branch 0 ... returns
 *                                    ─► src_1.push(buf) ─► branch 1 ... returns
 *                                    ◄─ combined FlowReturn
 * </pre>
 *
 * so a branch that blocks (a sink waiting for its clock) stalls the others: put a
 * {@link Queue} at the start of every branch to give each its own thread.
 *
 * <h2>What upstream is told</h2>
 * {@code gst_tee_handle_data}: branches that are not linked (NOT_LINKED) are skipped; the first
 * branch that returns anything else but OK (FLUSHING, EOS, an error) stops the round, and that
 * is what upstream gets. Otherwise upstream gets OK, or NOT_LINKED when <em>no</em> branch is
 * linked, or OK even then with {@code allow-not-linked=true} (dynamic pipelines that remove
 * all branches for a while). A pad released while a buffer is on its way counts as not linked.
 *
 * <h2>Caps, events, late branches</h2>
 * The sink pad proxies caps: a CAPS query is the intersection of what every branch accepts, and
 * ACCEPT_CAPS must be accepted by all. Downstream events go to every branch; upstream events
 * from any branch go upstream. A pad requested while data flows first gets the stream's sticky
 * events (STREAM_START, CAPS, SEGMENT, ...) from the sink pad, so the late branch can start.
 *
 * <p>Left out: pull mode ({@code pull-mode} is always "never"), {@code has-chain} and the
 * deprecated {@code alloc-pad}.
 */
public final class Tee extends Element {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.tee");

    public static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);
    public static final PadTemplate SRC_TEMPLATE = new PadTemplate("src_%u", PadDirection.SRC, PadPresence.REQUEST, Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("tee", Tee::new)
            .longName("Tee pipe fitting")
            .klass("Generic")
            .description("1-to-N pipe fitting")
            .author("gst-mini (after Erik Walthinsen's and Wim Taymans' GstTee)")
            .padTemplate(SINK_TEMPLATE)
            .padTemplate(SRC_TEMPLATE)
            .build();

    public static final Property<Integer> NUM_SRC_PADS = Property.readOnly("num-src-pads",
            "The number of source pads", Integer.class, 0);
    public static final Property<Boolean> SILENT = Property.ofBoolean("silent",
            "Don't produce last_message events", true)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<String> LAST_MESSAGE = Property.readOnly("last-message",
            "The message describing current status", String.class, null);
    public static final Property<Boolean> ALLOW_NOT_LINKED = Property.ofBoolean("allow-not-linked",
            "Return GST_FLOW_OK even if there are no source pads or they are all unlinked", false)
            .mutableIn(Property.Mutability.PLAYING);

    /**
     * A tee source pad ({@code GstTeePad}): its number, whether it was released, and the
     * bookkeeping of the current round ({@code pushed}, {@code result}), which only the
     * streaming thread touches, under the sink pad's stream lock.
     */
    private static final class TeePad extends Pad {
        final int index;
        volatile boolean removed;
        boolean pushed;
        FlowReturn result = FlowReturn.NOT_LINKED;

        TeePad(String name, PadTemplate template, int index) {
            super(name, template);
            this.index = index;
        }
    }

    private static final TeePad[] NO_PADS = new TeePad[0];

    private final Pad sinkpad = new Pad("sink", SINK_TEMPLATE);
    /**
     * The source pads, replaced as a whole on every change (copy on write): the streaming thread
     * reads it without a lock, and a changed array tells it the pads changed during a round,
     * as {@code pads_cookie} does in gsttee.c.
     */
    private volatile TeePad[] srcPads = NO_PADS;
    /** Guards {@link #srcPads} changes, the used indexes and {@link #nextPadIndex}. */
    private final Object padLock = new Object();
    private final Set<Integer> padIndexes = new HashSet<>();
    private int nextPadIndex;

    /**
     * The stream's current sticky events, in sticky order, kept by the tee itself so that a
     * new pad gets exactly the events it would otherwise miss: taken together with the pad list
     * under {@link #padLock}, unlike the sink pad's own store, which is only written after the
     * event function has returned.
     */
    private final List<Event> sticky = new ArrayList<>();

    private volatile boolean silent = SILENT.defaultValue();
    private volatile boolean allowNotLinked = ALLOW_NOT_LINKED.defaultValue();

    public Tee() {
        installProperty(NUM_SRC_PADS, SILENT, LAST_MESSAGE, ALLOW_NOT_LINKED);
        sinkpad.setChainFunction((pad, parent, buffer) -> handleData(buffer));
        sinkpad.setEventFunction((pad, parent, event) -> sinkEvent(event));
        sinkpad.setActivateModeFunction((pad, parent, mode, active) -> {
            if (!active) {
                synchronized (padLock) {
                    sticky.clear(); // a deactivated pad forgets its sticky events
                }
            }
            return mode == PadMode.PUSH; // pull mode: never
        });
        sinkpad.setProxyCaps(true); // caps pass through, and must suit every branch
        addPad(sinkpad);
    }

    /** The templates even for a tee made with {@code new} rather than by its factory. */
    @Override
    public List<PadTemplate> getPadTemplates() {
        return List.of(SINK_TEMPLATE, SRC_TEMPLATE);
    }

    @Override
    protected Object readProperty(Property<?> property) {
        if (property == NUM_SRC_PADS) {
            return srcPads.length;
        }
        return super.readProperty(property);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        if (property == SILENT) {
            silent = (Boolean) value;
        } else if (property == ALLOW_NOT_LINKED) {
            allowNotLinked = (Boolean) value;
        }
    }

    // ---------------------------------------------------------------- request pads

    /**
     * {@code gst_tee_request_new_pad}: picks the number (or takes the one in {@code src_N}),
     * activates the pad if data may flow, hands it the stream's sticky events and adds it.
     */
    @Override
    protected Pad requestNewPad(PadTemplate template, String padName, Caps caps) {
        int index;
        synchronized (padLock) {
            Integer wanted = parseIndex(padName);
            if (wanted != null) {
                if (padIndexes.contains(wanted)) {
                    LOG.error("{}: pad name {} is not unique", getName(), padName);
                    return null;
                }
                index = wanted;
                if (index >= nextPadIndex) {
                    nextPadIndex = index + 1;
                }
            } else {
                index = nextPadIndex;
                while (padIndexes.contains(index)) {
                    index++;
                }
                nextPadIndex = index + 1;
            }
            padIndexes.add(index);
        }
        TeePad pad = new TeePad("src_" + Integer.toUnsignedString(index), template, index);
        pad.setProxyCaps(true);
        boolean active = sinkpad.isActive();
        if (active && !pad.setActive(true)) {
            synchronized (padLock) {
                padIndexes.remove(index);
            }
            LOG.warn("{}: failed to activate request pad {}", getName(), pad.getName());
            return null;
        }
        synchronized (padLock) {
            // Data may be flowing: store the stream's sticky events on the pad before the
            // streaming thread can see it. The pad is not linked yet, so this only stores them
            // (marked pending); they reach the branch before its first buffer. Every event
            // after these is forwarded to the pad by the streaming thread.
            if (active) {
                for (Event e : sticky) {
                    pad.pushEvent(e);
                }
            }
            TeePad[] next = Arrays.copyOf(srcPads, srcPads.length + 1);
            next[next.length - 1] = pad;
            srcPads = next;
        }
        addPad(pad);
        return pad;
    }

    private static Integer parseIndex(String padName) {
        if (padName == null || !padName.startsWith("src_") || padName.length() == 4) {
            return null;
        }
        try {
            return Integer.parseUnsignedInt(padName.substring(4));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code gst_tee_release_pad}: marks the pad removed first, so a push on its way through it
     * counts as NOT_LINKED rather than FLUSHING, then deactivates and removes it.
     */
    @Override
    protected void releasePad(Pad pad) {
        if (!(pad instanceof TeePad tp) || pad.getParent() != this) {
            throw new IllegalArgumentException(pad + " is not a request pad of " + getName());
        }
        tp.removed = true;
        synchronized (padLock) {
            TeePad[] cur = srcPads;
            srcPads = Arrays.stream(cur).filter(p -> p != tp).toArray(TeePad[]::new);
        }
        pad.setActive(false);
        removePad(pad);
        synchronized (padLock) {
            padIndexes.remove(tp.index);
        }
    }

    // ---------------------------------------------------------------- events

    /**
     * {@code gst_tee_sink_event} (the default handling): every event goes to every branch; true
     * if any branch took it. Sticky events are remembered for pads requested later.
     */
    private boolean sinkEvent(Event event) {
        TeePad[] pads;
        synchronized (padLock) {
            rememberSticky(event);
            pads = srcPads;
        }
        boolean result = false;
        for (TeePad pad : pads) {
            result |= pad.pushEvent(event);
        }
        return pads.length == 0 || result;
    }

    /** Keeps {@link #sticky} as a pad keeps its sticky events (call with padLock held). */
    private void rememberSticky(Event event) {
        EventType type = event.type();
        if (type == EventType.FLUSH_STOP) {
            sticky.removeIf(e -> e.type() == EventType.SEGMENT || e.type() == EventType.EOS);
            return;
        }
        if (!type.isSticky()) {
            return;
        }
        if (type == EventType.STREAM_START) {
            sticky.removeIf(e -> e.type() == EventType.EOS || e.type() == EventType.TAG);
        }
        int insertAt = sticky.size();
        for (int i = 0; i < sticky.size(); i++) {
            Event e = sticky.get(i);
            boolean sameSlot = e.type() == type && (!(e instanceof Event.CustomEvent ce)
                    || Objects.equals(ce.structure().name(), ((Event.CustomEvent) event).structure().name()));
            if (sameSlot) {
                sticky.set(i, event);
                return;
            }
            if (e.type().ordinal() > type.ordinal() && insertAt == sticky.size()) {
                insertAt = i;
            }
        }
        sticky.add(insertAt, event);
    }

    // ---------------------------------------------------------------- data

    /** {@code gst_tee_handle_data}: push to every branch, combine the returns. */
    private FlowReturn handleData(Buffer buffer) {
        if (!silent) {
            updateProperty(LAST_MESSAGE, "chain        ******* (" + sinkpad + ")t (" + buffer.size() + " bytes, "
                    + ClockTime.format(buffer.pts()) + ")");
        }
        TeePad[] pads = srcPads;
        if (pads.length == 0) {
            return allowNotLinked ? FlowReturn.OK : FlowReturn.NOT_LINKED;
        }
        if (pads.length == 1) {
            TeePad pad = pads[0];
            FlowReturn ret = pad.push(buffer);
            if (pad.removed) {
                ret = FlowReturn.NOT_LINKED;
            }
            return ret == FlowReturn.NOT_LINKED && allowNotLinked ? FlowReturn.OK : ret;
        }
        for (TeePad p : pads) {
            p.pushed = false;
            p.result = FlowReturn.NOT_LINKED;
        }
        restart:
        while (true) {
            FlowReturn cret = allowNotLinked ? FlowReturn.OK : FlowReturn.NOT_LINKED;
            for (TeePad pad : pads) {
                FlowReturn ret;
                if (!pad.pushed) {
                    ret = pad.push(buffer);
                    if (pad.removed) {
                        ret = FlowReturn.NOT_LINKED;
                    }
                    pad.pushed = true;
                    pad.result = ret;
                } else {
                    ret = pad.result; // pushed before the pad list changed
                }
                TeePad[] now = srcPads;
                if (now != pads) {
                    // Pads were added or released meanwhile: go over the new list; pads already
                    // pushed on keep their result and do not get the buffer twice.
                    LOG.trace("{}: pad list changed, restarting", getName());
                    pads = now;
                    continue restart;
                }
                if (ret != FlowReturn.OK && ret != FlowReturn.NOT_LINKED) {
                    LOG.debug("{}: {} returned {}", getName(), pad, ret.nick());
                    return ret; // a branch failed (or flushes, or is EOS): stop here
                }
                if (ret != FlowReturn.NOT_LINKED) {
                    cret = ret;
                }
            }
            return cret;
        }
    }
}
