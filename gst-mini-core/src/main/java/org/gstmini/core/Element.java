package org.gstmini.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.debug.Tracers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The building block of a pipeline: something that owns pads, has properties, changes state,
 * and posts messages.
 *
 * <p>Mirrors {@code GstElement} (gst/gstelement.c). Write an element by extending a base class
 * (BaseSrc, BaseTransform, BaseSink in {@code org.gstmini.base}) or this class directly:
 * create the pads in the constructor, give them chain/event/query functions, declare the
 * properties, and override {@link #changeState(StateChange)} to open and close resources.
 *
 * <h2>States</h2>
 * {@link #setState(State)} walks one step at a time, calling {@link #changeState} for each
 * transition: NULL→READY→PAUSED→PLAYING going up, and back down the same way. A step may
 * return ASYNC (a sink waits for its first buffer); the element then finishes the change later
 * with {@link #continueState}, and {@link #getState(long)} waits for it. This is the state
 * machine of {@code gst_element_set_state_func}, {@code gst_element_change_state} and
 * {@code gst_element_continue_state}, with the same fields:
 *
 * <pre>
 *   current  the state the element is in
 *   next     the state of the transition under way
 *   pending  the state the element is heading to (VOID_PENDING when there)
 *   target   the state the application asked for last
 * </pre>
 *
 * <h2>Threads</h2>
 * State changes happen on the application thread (or a bin's continue thread) under the state
 * lock; pads' functions run on streaming threads. Properties may be read from any thread.
 */
public abstract class Element {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.element");
    private static final Map<String, AtomicInteger> NAME_COUNTERS = new ConcurrentHashMap<>();

    /** Every element has a name; GStreamer's {@code GstObject:name}. */
    public static final Property<String> NAME = Property.ofString("name", "The name of the object", null);

    private volatile String name;
    private volatile Bin parent;
    private volatile ElementFactory factory;
    private final CopyOnWriteArrayList<Pad> pads = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<Pad>> padAddedListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<Pad>> padRemovedListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Property<?>> properties = new LinkedHashMap<>();
    private final Map<String, Object> propertyValues = new ConcurrentHashMap<>();
    private final EnumSet<ElementFlag> flags = EnumSet.noneOf(ElementFlag.class);

    /** The state lock ({@code GST_STATE_LOCK}): held during a whole setState call. */
    private final ReentrantLock stateLock = new ReentrantLock();
    /** The object lock guarding the state fields; stateChanged is GST_STATE_BROADCAST's cond. */
    private final ReentrantLock objectLock = new ReentrantLock();
    private final Condition stateChanged = objectLock.newCondition();
    private State current = State.NULL;
    private State next = State.VOID_PENDING;
    private State pending = State.VOID_PENDING;
    private State target = State.NULL;
    private StateChangeReturn lastReturn = StateChangeReturn.SUCCESS;
    private int stateCookie;

    private volatile Clock clock;
    private volatile long baseTime;
    private volatile long startTime;

    protected Element() {
        // GStreamer installs GST_TRACERS in gst_init; the first element is our earliest moment.
        Tracers.installFromEnvironment();
        installProperty(NAME);
    }

    // ---------------------------------------------------------------- names and hierarchy

    /**
     * The element's name. Without one given, the first call picks GStreamer's default: the
     * factory name (or class name) in lower case plus a counter, e.g. {@code fakesink0}.
     */
    public String getName() {
        String n = name;
        if (n == null) {
            synchronized (this) {
                if (name == null) {
                    name = defaultName();
                }
                n = name;
            }
        }
        return n;
    }

    private String defaultName() {
        ElementFactory f = factory;
        String base = f != null ? f.getName() : getClass().getSimpleName().toLowerCase(Locale.ROOT);
        if (base.isEmpty()) {
            base = "element";
        }
        if (Character.isDigit(base.charAt(base.length() - 1))) {
            base = base + "-";
        }
        return base + NAME_COUNTERS.computeIfAbsent(base, k -> new AtomicInteger()).getAndIncrement();
    }

    /** Renames the element; refused once it is inside a bin (names must stay unique there). */
    public void setName(String newName) {
        if (parent != null) {
            throw new IllegalStateException(getName() + ": cannot rename an element inside bin " + parent.getName());
        }
        synchronized (this) {
            this.name = newName == null ? defaultName() : newName;
        }
    }

    /** The bin holding this element, or null. */
    public Bin getParent() {
        return parent;
    }

    void setParent(Bin bin) {
        this.parent = bin;
    }

    /** The factory that made this element, or null when built with {@code new}. */
    public ElementFactory getFactory() {
        return factory;
    }

    void setFactory(ElementFactory f) {
        this.factory = f;
    }

    /**
     * The path from the top-level bin, as GStreamer prints it in errors:
     * {@code /Pipeline:pipeline0/FileSrc:filesrc0} ({@code gst_object_get_path_string}).
     */
    public String getPathString() {
        Bin p = parent;
        Class<?> type = getClass();
        while (type.getSimpleName().isEmpty()) {
            type = type.getSuperclass(); // an anonymous subclass: name what it extends
        }
        String self = "/" + type.getSimpleName() + ":" + getName();
        return p == null ? self : p.getPathString() + self;
    }

    @Override
    public String toString() {
        return getName();
    }

    // ---------------------------------------------------------------- flags

    public final boolean hasFlag(ElementFlag flag) {
        synchronized (flags) {
            return flags.contains(flag);
        }
    }

    /** Sets a flag; elements do this in their constructor ({@code GST_OBJECT_FLAG_SET}). */
    protected final void setFlag(ElementFlag flag, boolean on) {
        synchronized (flags) {
            if (on) {
                flags.add(flag);
            } else {
                flags.remove(flag);
            }
        }
    }

    /**
     * Keeps the element's state out of its bin's state changes ({@code gst_element_set_locked_state}).
     * Returns whether the flag changed.
     */
    public boolean setLockedState(boolean locked) {
        boolean was = hasFlag(ElementFlag.LOCKED_STATE);
        setFlag(ElementFlag.LOCKED_STATE, locked);
        return was != locked;
    }

    public boolean isLockedState() {
        return hasFlag(ElementFlag.LOCKED_STATE);
    }

    // ---------------------------------------------------------------- properties

    /** Declares properties; call from the constructor. Values start at their defaults. */
    protected final void installProperty(Property<?>... props) {
        synchronized (properties) {
            for (Property<?> p : props) {
                if (properties.containsKey(p.name())) {
                    throw new IllegalStateException(getClass().getSimpleName() + ": property '" + p.name() + "' installed twice");
                }
                properties.put(p.name(), p);
                if (p.defaultValue() != null && p != NAME) {
                    propertyValues.put(p.name(), p.defaultValue());
                }
            }
        }
    }

    /** All declared properties, in declaration order ({@code g_object_class_list_properties}). */
    public List<Property<?>> listProperties() {
        synchronized (properties) {
            return List.copyOf(properties.values());
        }
    }

    /** The property with this name, or null. */
    public Property<?> findProperty(String propertyName) {
        synchronized (properties) {
            return properties.get(propertyName);
        }
    }

    private Property<?> requireProperty(String propertyName) {
        Property<?> p = findProperty(propertyName);
        if (p == null) {
            List<String> names;
            synchronized (properties) {
                names = List.copyOf(properties.keySet());
            }
            throw new UnknownPropertyException(this, propertyName, names);
        }
        return p;
    }

    /** Reads a property by name ({@code g_object_get}). */
    public Object getProperty(String propertyName) {
        return readProperty(requireProperty(propertyName));
    }

    /** Reads a declared property with its Java type. */
    public final <T> T get(Property<T> property) {
        return property.type().cast(readProperty(property));
    }

    /**
     * Where property reads end up. Elements whose read-only properties are computed on demand
     * (queue levels, statistics) override this and defer to {@code super} for the rest.
     */
    protected Object readProperty(Property<?> property) {
        if (property == NAME) {
            return getName();
        }
        return propertyValues.get(property.name());
    }

    /** Sets a property by name from a Java value ({@code g_object_set}); checks type, range and state. */
    public void setProperty(String propertyName, Object value) {
        writeProperty(requireProperty(propertyName), value);
    }

    /** Sets a property by name from text, as gst-launch does: {@code num-buffers=10}. */
    public void setPropertyFromString(String propertyName, String text) {
        Property<?> p = requireProperty(propertyName);
        writeProperty(p, parseFor(p, text));
    }

    private Object parseFor(Property<?> p, String text) {
        try {
            return p.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(getName() + ": " + e.getMessage(), e);
        }
    }

    /** Sets a declared property with its Java type. */
    public final <T> void set(Property<T> property, T value) {
        writeProperty(property, value);
    }

    private void writeProperty(Property<?> p, Object value) {
        if (!p.isWritable()) {
            throw new IllegalArgumentException(getName() + ": property '" + p.name() + "' is read-only");
        }
        State state = getCurrentState();
        if (!p.isSettableIn(state)) {
            throw new IllegalStateException(getName() + ": property '" + p.name() + "' can only be changed up to the "
                    + p.mutability() + " state; the element is " + state.nick() + " (set it to READY first)");
        }
        Object v;
        try {
            v = p.validate(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(getName() + ": " + e.getMessage(), e);
        }
        if (p == NAME) {
            setName((String) v);
        } else if (v == null) {
            propertyValues.remove(p.name());
        } else {
            propertyValues.put(p.name(), v);
        }
        propertyChanged(p, v);
        notifyProperty(p, v);
    }

    /**
     * Stores a value for a property the element itself maintains (read-only statistics) and
     * notifies watchers. Not for user-set values: those go through {@link #set}.
     */
    protected final <T> void updateProperty(Property<T> property, T value) {
        if (value == null) {
            propertyValues.remove(property.name());
        } else {
            propertyValues.put(property.name(), value);
        }
        notifyProperty(property, value);
    }

    /** Called after a property was set, in the setting thread. Override to react at once. */
    protected void propertyChanged(Property<?> property, Object value) {
    }

    private void notifyProperty(Property<?> p, Object value) {
        for (Bin b = parent; b != null; b = b.getParent()) {
            if (b.isDeepNotifyWatched()) {
                postMessage(new Message.PropertyNotify(this, p.name(), value));
                return;
            }
        }
    }

    // ---------------------------------------------------------------- pads

    /**
     * Adds a pad ({@code gst_element_add_pad}). The name must be unique in the element. A pad
     * added while the element is PAUSED or PLAYING is activated at once, and listeners learn of
     * it (the "pad-added" signal), which is how sometimes-pads of demuxers get linked.
     */
    public final void addPad(Pad pad) {
        Objects.requireNonNull(pad, "pad");
        synchronized (pads) {
            if (getStaticPad(pad.getName()) != null) {
                throw new IllegalArgumentException(getName() + " already has a pad named '" + pad.getName() + "'");
            }
            pad.setParent(this);
            pads.add(pad);
        }
        State s = getCurrentState();
        if (s == State.PAUSED || s == State.PLAYING || getNextState() == State.PAUSED) {
            pad.setActive(true);
        }
        for (Consumer<Pad> l : padAddedListeners) {
            l.accept(pad);
        }
    }

    /** Removes a pad, unlinking and deactivating it ({@code gst_element_remove_pad}). */
    public final void removePad(Pad pad) {
        synchronized (pads) {
            if (!pads.remove(pad)) {
                throw new IllegalArgumentException(pad + " is not a pad of " + getName());
            }
        }
        Pad peer = pad.getPeer();
        if (peer != null) {
            if (pad.getDirection() == PadDirection.SRC) {
                pad.unlink(peer);
            } else {
                peer.unlink(pad);
            }
        }
        pad.setActive(false);
        pad.setParent(null);
        for (Consumer<Pad> l : padRemovedListeners) {
            l.accept(pad);
        }
    }

    /** The pad with this name, or null ({@code gst_element_get_static_pad}). */
    public final Pad getStaticPad(String padName) {
        for (Pad p : pads) {
            if (p.getName().equals(padName)) {
                return p;
            }
        }
        return null;
    }

    /** All pads, in the order they were added. */
    public final List<Pad> getPads() {
        return List.copyOf(pads);
    }

    public final List<Pad> getSrcPads() {
        return pads.stream().filter(p -> p.getDirection() == PadDirection.SRC).toList();
    }

    public final List<Pad> getSinkPads() {
        return pads.stream().filter(p -> p.getDirection() == PadDirection.SINK).toList();
    }

    /**
     * The pads on the other side of the element that data entering {@code pad} may leave by
     * ({@code gst_pad_iterate_internal_links}): by default all pads of the other direction.
     * Used by default event forwarding and queries. Override for elements with several streams.
     */
    public List<Pad> internalLinks(Pad pad) {
        PadDirection want = pad.getDirection().opposite();
        List<Pad> out = new ArrayList<>(2);
        for (Pad p : pads) {
            if (p.getDirection() == want) {
                out.add(p);
            }
        }
        return out;
    }

    /** Calls the listener with every pad added from now on (GStreamer's "pad-added" signal). */
    public final void addPadAddedListener(Consumer<Pad> listener) {
        padAddedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public final void removePadAddedListener(Consumer<Pad> listener) {
        padAddedListeners.remove(listener);
    }

    /** Calls the listener with every pad removed from now on ("pad-removed"). */
    public final void addPadRemovedListener(Consumer<Pad> listener) {
        padRemovedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The pad templates of this element: its factory's, or none for an element built by hand. */
    public List<PadTemplate> getPadTemplates() {
        ElementFactory f = factory;
        return f == null ? List.of() : f.getPadTemplates();
    }

    /** The template with this name template ({@code src_%u}), or null. */
    public final PadTemplate getPadTemplate(String nameTemplate) {
        for (PadTemplate t : getPadTemplates()) {
            if (t.nameTemplate().equals(nameTemplate)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Asks for a request pad by template name ({@code src_%u}: the element picks the number) or
     * by a concrete name ({@code src_3}) ({@code gst_element_request_pad_simple}). Returns null
     * when no request template matches or the element refuses.
     */
    public final Pad requestPad(String name) {
        for (PadTemplate t : getPadTemplates()) {
            if (t.presence() != PadPresence.REQUEST) {
                continue;
            }
            if (t.nameTemplate().equals(name)) {
                return requestPad(t, null, null);
            }
            if (t.matches(name)) {
                return requestPad(t, name, null);
            }
        }
        return null;
    }

    /** Asks for a request pad from a template ({@code gst_element_request_pad}). */
    public final Pad requestPad(PadTemplate template, String padName, Caps caps) {
        if (template.presence() != PadPresence.REQUEST) {
            throw new IllegalArgumentException(getName() + ": template '" + template.nameTemplate() + "' is not a request template");
        }
        if (padName != null && getStaticPad(padName) != null) {
            return null;
        }
        return requestNewPad(template, padName, caps);
    }

    /**
     * Creates a request pad ({@code GstElementClass::request_new_pad}); elements with request
     * templates override it, create the pad, add it and return it. {@code padName} is null when
     * the element should pick the name.
     */
    protected Pad requestNewPad(PadTemplate template, String padName, Caps caps) {
        return null;
    }

    /** Gives back a request pad ({@code gst_element_release_request_pad}). */
    public final void releaseRequestPad(Pad pad) {
        releasePad(pad);
    }

    /** Releases a request pad ({@code GstElementClass::release_pad}); the default removes it. */
    protected void releasePad(Pad pad) {
        removePad(pad);
    }

    // ---------------------------------------------------------------- linking

    /** Links this element to {@code dest} through any compatible pads ({@code gst_element_link}). */
    public final boolean link(Element dest) {
        return ElementLinker.link(this, null, dest, null, false) == null;
    }

    /** Like {@link #link} but throws an exception that names the pads and their caps. */
    public final void linkOrThrow(Element dest) {
        ElementLinker.link(this, null, dest, null, true);
    }

    /**
     * Links named pads, or any compatible pad where a name is null; names may be request
     * templates such as {@code src_%u} ({@code gst_element_link_pads}).
     */
    public final boolean linkPads(String srcPadName, Element dest, String destPadName) {
        return ElementLinker.link(this, srcPadName, dest, destPadName, false) == null;
    }

    /** Like {@link #linkPads} but throws an exception that names the pads and their caps. */
    public final void linkPadsOrThrow(String srcPadName, Element dest, String destPadName) {
        ElementLinker.link(this, srcPadName, dest, destPadName, true);
    }

    /** Links each element to the next ({@code gst_element_link_many}); throws on the first failure. */
    public static void linkMany(Element... elements) {
        for (int i = 0; i + 1 < elements.length; i++) {
            elements[i].linkOrThrow(elements[i + 1]);
        }
    }

    /**
     * The free pads of one direction a link could use, in the order {@code gst_element_link_pads_full}
     * tries them: the pad named {@code padName} (requested from a template if it does not exist
     * yet), else every unlinked pad, else one new request pad. Pads requested here are added to
     * {@code requested}, so a caller that fails to link them can give them back with
     * {@link #releaseRequestPad}.
     */
    public final List<Pad> linkCandidates(PadDirection direction, String padName, List<Pad> requested) {
        List<Pad> out = new ArrayList<>();
        if (padName != null) {
            Pad p = getStaticPad(padName);
            if (p == null) {
                p = requestPad(padName);
                if (p != null) {
                    requested.add(p);
                }
            }
            if (p != null && p.getDirection() == direction && !p.isLinked()) {
                out.add(p);
            }
            return out;
        }
        for (Pad p : direction == PadDirection.SRC ? getSrcPads() : getSinkPads()) {
            if (!p.isLinked()) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            for (PadTemplate t : getPadTemplates()) {
                if (t.direction() == direction && t.presence() == PadPresence.REQUEST) {
                    Pad p = requestPad(t, null, null);
                    if (p != null) {
                        requested.add(p);
                        out.add(p);
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Unlinks every link from this element's source pads to {@code dest} ({@code gst_element_unlink}). */
    public final void unlink(Element dest) {
        for (Pad p : getSrcPads()) {
            Pad peer = p.getPeer();
            if (peer != null && peer.getParent() == dest) {
                p.unlink(peer);
            }
        }
    }

    // ---------------------------------------------------------------- state

    /** The result of {@link #getState(long)}: the return, the current and the pending state. */
    public record StateResult(StateChangeReturn result, State current, State pending) {
    }

    /**
     * Changes the element's state, one transition at a time ({@code gst_element_set_state}).
     * Returns ASYNC when the change completes later (wait with {@link #getState(long)}).
     */
    public final StateChangeReturn setState(State state) {
        Objects.requireNonNull(state, "state");
        if (state == State.VOID_PENDING) {
            throw new IllegalArgumentException("VOID_PENDING is not a state to go to");
        }
        stateLock.lock();
        try {
            StateChange transition;
            objectLock.lock();
            try {
                if (lastReturn == StateChangeReturn.FAILURE) {
                    next = State.VOID_PENDING;
                    pending = State.VOID_PENDING;
                    lastReturn = StateChangeReturn.SUCCESS;
                }
                State cur = current;
                State oldPending = pending;
                if (state != target) {
                    target = state;
                    stateCookie++;
                }
                pending = state;
                if (oldPending != State.VOID_PENDING) {
                    // Busy with an ASYNC change: upward (or to the same next state) it will get there itself.
                    if (oldPending.ordinal() <= state.ordinal() || next == state) {
                        lastReturn = StateChangeReturn.ASYNC;
                        LOG.debug("{}: busy going to {}, new target {} reached asynchronously", getName(), oldPending, state);
                        return StateChangeReturn.ASYNC;
                    }
                    if (next.ordinal() > state.ordinal() && lastReturn == StateChangeReturn.ASYNC) {
                        cur = next; // an upward ASYNC change is abandoned: go down from where it was going
                    }
                }
                State nxt = cur.nextTowards(state);
                next = nxt;
                if (cur != nxt) {
                    lastReturn = StateChangeReturn.ASYNC;
                }
                transition = StateChange.between(cur, nxt);
                stateChanged.signalAll();
            } finally {
                objectLock.unlock();
            }
            return performTransition(transition);
        } finally {
            stateLock.unlock();
        }
    }

    /** Calls {@link #changeState} and acts on its return ({@code gst_element_change_state}). */
    private StateChangeReturn performTransition(StateChange transition) {
        LOG.debug("{}: {}", getName(), transition);
        StateChangeReturn ret;
        if (Tracers.active) {
            Tracers.elementChangeStatePre(this, transition);
        }
        try {
            ret = changeState(transition);
        } catch (RuntimeException e) {
            LOG.error("{}: changeState({}) threw", getName(), transition, e);
            postError(ErrorCode.CORE_STATE_CHANGE, "State change " + transition + " failed: " + e.getMessage(),
                    e.getClass().getName() + ": " + e.getMessage());
            ret = StateChangeReturn.FAILURE;
        }
        if (Tracers.active) {
            Tracers.elementChangeStatePost(this, transition, ret);
        }
        switch (ret) {
            case FAILURE -> abortState();
            case ASYNC -> {
                State tgt;
                objectLock.lock();
                try {
                    tgt = target;
                } finally {
                    objectLock.unlock();
                }
                if (tgt.ordinal() <= State.READY.ordinal()) {
                    // Going down to READY or NULL never waits: force the commit.
                    ret = continueState(StateChangeReturn.SUCCESS);
                }
            }
            case SUCCESS, NO_PREROLL -> ret = continueState(ret);
        }
        return ret;
    }

    /**
     * Performs one transition; override to open resources on NULL→READY, start on READY→PAUSED,
     * and undo on the way down, calling {@code super.changeState(transition)} — GStreamer's
     * {@code GstElementClass::change_state}. The default activates the pads on READY→PAUSED and
     * deactivates them on PAUSED→READY.
     */
    protected StateChangeReturn changeState(StateChange transition) {
        if (transition.current() == transition.next()) {
            // Already there: repeat the last return, so a live element stays NO_PREROLL
            // (gst_element_change_state_func, "was_ok").
            return getLastReturn();
        }
        switch (transition) {
            case READY_TO_PAUSED -> {
                if (!activatePads(true)) {
                    return StateChangeReturn.FAILURE;
                }
            }
            case PAUSED_TO_READY -> {
                if (!activatePads(false)) {
                    return StateChangeReturn.FAILURE;
                }
            }
            default -> {
            }
        }
        return StateChangeReturn.SUCCESS;
    }

    /**
     * Activates or deactivates every pad: source pads first, then sink pads
     * ({@code gst_element_pads_activate}).
     */
    protected final boolean activatePads(boolean active) {
        boolean ok = true;
        for (Pad p : getSrcPads()) {
            ok &= p.setActive(active);
        }
        for (Pad p : getSinkPads()) {
            ok &= p.setActive(active);
        }
        if (!ok) {
            LOG.warn("{}: failed to {} its pads", getName(), active ? "activate" : "deactivate");
        }
        return ok;
    }

    /**
     * Commits the transition under way and goes on towards the pending state
     * ({@code gst_element_continue_state}). Elements that returned ASYNC call this, with
     * SUCCESS, when the asynchronous part is done (a sink after preroll).
     */
    public final StateChangeReturn continueState(StateChangeReturn ret) {
        StateChange nextStep = commitState(ret);
        return nextStep == null ? ret : performTransition(nextStep);
    }

    /**
     * The first half of {@link #continueState}: makes the transition under way the current state,
     * posts STATE_CHANGED, and returns the next transition towards the pending state (with the
     * state marked busy), or null when the pending state is reached. Bins use it to commit in a
     * streaming thread and take the next step on another thread.
     */
    final StateChange commitState(StateChangeReturn ret) {
        return commitState(ret, false, null);
    }

    /**
     * {@link #commitState(StateChangeReturn)} for a bin whose asynchronous children are all done
     * ({@code bin_handle_async_done}). With {@code asyncDone}, nothing is committed unless an
     * ASYNC change towards a state above READY is still under way, checked under the same lock
     * as {@link #setState}'s bookkeeping: otherwise a streaming thread could commit, as its own,
     * a transition the application has just started (the pipeline would reach NULL with its
     * children left in READY). {@code cookieOut[0]} receives the state cookie read with the
     * commit, for the continuation, or -1 when nothing was committed.
     */
    final StateChange commitState(StateChangeReturn ret, boolean asyncDone, int[] cookieOut) {
        State oldState;
        State oldNext;
        State pend;
        StateChange transition = null;
        boolean postFinal = false;
        if (cookieOut != null) {
            cookieOut[0] = -1;
        }
        objectLock.lock();
        try {
            if (asyncDone && (lastReturn != StateChangeReturn.ASYNC || pending == State.VOID_PENDING
                    || target.ordinal() <= State.READY.ordinal())) {
                return null;
            }
            if (cookieOut != null) {
                cookieOut[0] = stateCookie;
            }
            StateChangeReturn oldRet = lastReturn;
            lastReturn = ret;
            pend = pending;
            if (pend == State.VOID_PENDING) {
                return null;
            }
            oldState = current;
            oldNext = next;
            current = oldNext;
            if (pend == current) {
                pending = State.VOID_PENDING;
                next = State.VOID_PENDING;
                // No message for a "change" to the same state, unless it ended an ASYNC wait.
                postFinal = oldState != oldNext || oldRet == StateChangeReturn.ASYNC;
                stateChanged.signalAll();
            } else {
                State nxt = current.nextTowards(pend);
                transition = StateChange.between(current, nxt);
                next = nxt;
                lastReturn = StateChangeReturn.ASYNC;
            }
        } finally {
            objectLock.unlock();
        }
        if (transition == null) {
            if (postFinal) {
                stateChangedHook(oldState, oldNext, State.VOID_PENDING);
            }
            return null;
        }
        stateChangedHook(oldState, oldNext, pend);
        return transition;
    }

    /**
     * Completes this element's ASYNC state change from a streaming thread, as a sink does once it
     * has prerolled: commits the transition under way and goes on towards the pending state, like
     * {@link #continueState} — but only while that change is still wanted. The check happens under
     * the lock {@link #setState} uses, so an application that asked for READY or NULL meanwhile
     * wins and nothing is committed. Returns whether the change was committed.
     */
    public final boolean completeAsyncStateChange() {
        int[] cookie = new int[1];
        StateChange nextStep = commitState(StateChangeReturn.SUCCESS, true, cookie);
        if (cookie[0] == -1) {
            return false;
        }
        if (nextStep != null) {
            performTransition(nextStep);
        }
        return true;
    }

    /**
     * Takes one more step of a state change that a bin committed asynchronously, unless the
     * application asked for another state since ({@code bin_continue_func}).
     */
    final void continueStepIfUnchanged(StateChange step, int cookie) {
        // Wait for the state lock, but give way once the application has asked for another
        // state: its setState() holds the lock and, going to NULL, joins this very thread.
        try {
            while (!stateLock.tryLock(10, TimeUnit.MILLISECONDS)) {
                if (stateCookie() != cookie) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            objectLock.lock();
            try {
                if (cookie != stateCookie || next != step.next() || pending == State.VOID_PENDING) {
                    return;
                }
            } finally {
                objectLock.unlock();
            }
            performTransition(step);
        } finally {
            stateLock.unlock();
        }
    }

    /** Counts the application's state requests; a bin's continue thread checks it ({@code state_cookie}). */
    final int stateCookie() {
        objectLock.lock();
        try {
            return stateCookie;
        } finally {
            objectLock.unlock();
        }
    }

    /**
     * Called after every committed state change; posts STATE_CHANGED. Bins and pipelines extend
     * it (EOS checks, dot dumps).
     */
    void stateChangedHook(State oldState, State newState, State pendingState) {
        postMessage(new Message.StateChanged(this, oldState, newState, pendingState));
    }

    /** Marks the state change under way as failed ({@code gst_element_abort_state}). */
    public final void abortState() {
        objectLock.lock();
        try {
            if (pending != State.VOID_PENDING && lastReturn != StateChangeReturn.FAILURE) {
                LOG.debug("{}: aborting state change to {}", getName(), pending);
            }
            lastReturn = StateChangeReturn.FAILURE;
            stateChanged.signalAll();
        } finally {
            objectLock.unlock();
        }
    }

    /**
     * Says the element lost its state and must do an ASYNC change again, for example a sink
     * that loses its preroll buffer in a flushing seek ({@code gst_element_lost_state}). Posts
     * STATE_CHANGED (current to current) and ASYNC_START.
     */
    public final void lostState() {
        State cur;
        objectLock.lock();
        try {
            if (pending != State.VOID_PENDING || lastReturn == StateChangeReturn.FAILURE) {
                return;
            }
            cur = current;
            next = cur;
            pending = cur;
            lastReturn = StateChangeReturn.ASYNC;
        } finally {
            objectLock.unlock();
        }
        postMessage(new Message.StateChanged(this, cur, cur, cur));
        postMessage(new Message.AsyncStart(this));
    }

    /**
     * Waits up to {@code timeoutNanos} ({@code ClockTime.NONE}: forever) for an ASYNC state
     * change to finish ({@code gst_element_get_state}). Returns SUCCESS (or NO_PREROLL) with the
     * current state when done, ASYNC on time-out, FAILURE if the change failed.
     */
    public final StateResult getState(long timeoutNanos) {
        objectLock.lock();
        try {
            StateChangeReturn ret = lastReturn;
            if (ret == StateChangeReturn.ASYNC && pending != State.VOID_PENDING) {
                int cookie = stateCookie;
                long left = timeoutNanos;
                while (lastReturn == StateChangeReturn.ASYNC && pending != State.VOID_PENDING && cookie == stateCookie) {
                    if (timeoutNanos == ClockTime.NONE) {
                        stateChanged.awaitUninterruptibly();
                    } else {
                        if (left <= 0) {
                            return new StateResult(StateChangeReturn.ASYNC, current, pending);
                        }
                        try {
                            left = stateChanged.awaitNanos(left);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return new StateResult(StateChangeReturn.ASYNC, current, pending);
                        }
                    }
                }
                ret = lastReturn == StateChangeReturn.ASYNC && pending != State.VOID_PENDING
                        ? StateChangeReturn.FAILURE : lastReturn;
                if (ret == StateChangeReturn.ASYNC) {
                    ret = StateChangeReturn.SUCCESS;
                }
            }
            return new StateResult(ret, current, pending);
        } finally {
            objectLock.unlock();
        }
    }

    public final State getCurrentState() {
        objectLock.lock();
        try {
            return current;
        } finally {
            objectLock.unlock();
        }
    }

    /** The state of the transition under way, or VOID_PENDING. */
    public final State getNextState() {
        objectLock.lock();
        try {
            return next;
        } finally {
            objectLock.unlock();
        }
    }

    public final State getPendingState() {
        objectLock.lock();
        try {
            return pending;
        } finally {
            objectLock.unlock();
        }
    }

    /** The state last asked for with {@link #setState}. */
    public final State getTargetState() {
        objectLock.lock();
        try {
            return target;
        } finally {
            objectLock.unlock();
        }
    }

    /** What the last state change returned ({@code GST_STATE_RETURN}). */
    public final StateChangeReturn getLastReturn() {
        objectLock.lock();
        try {
            return lastReturn;
        } finally {
            objectLock.unlock();
        }
    }

    /** Brings the element to its parent's state ({@code gst_element_sync_state_with_parent}). */
    public final boolean syncStateWithParent() {
        Bin p = parent;
        if (p == null) {
            return false;
        }
        State want = p.getPendingState() != State.VOID_PENDING ? p.getPendingState() : p.getCurrentState();
        return setState(want) != StateChangeReturn.FAILURE;
    }

    // ---------------------------------------------------------------- messages

    /**
     * Posts a message to the parent bin, which passes it up to the pipeline's bus
     * ({@code gst_element_post_message}). Returns false if nobody could take it.
     */
    public boolean postMessage(Message message) {
        Bin p = parent;
        if (p != null) {
            return p.receiveChildMessage(message);
        }
        return false;
    }

    /**
     * Posts an ERROR: the user-facing {@code text} (null for the code's default) and debug detail
     * ({@code GST_ELEMENT_ERROR}). The streaming thread should then return FlowReturn.ERROR.
     * Like GStreamer ({@code GST_CAT_INFO_OBJECT (GST_CAT_ERROR_SYSTEM, ...)} in
     * gst_element_message_full) it is only logged at INFO: reporting it is the job of whoever
     * reads the bus, and an error on a private bus (autovideosink trying sinks) is not the user's.
     */
    public final void postError(ErrorCode code, String text, String debug) {
        LOG.info("{}: posting error: {} ({})", getPathString(), text == null ? code.defaultMessage() : text, debug);
        postMessage(new Message.Error(this, code, text, debug));
    }

    /** Posts a WARNING ({@code GST_ELEMENT_WARNING}). */
    public final void postWarning(ErrorCode code, String text, String debug) {
        LOG.info("{}: posting warning: {} ({})", getPathString(), text == null ? code.defaultMessage() : text, debug);
        postMessage(new Message.Warning(this, code, text, debug));
    }

    /** Posts an INFO ({@code GST_ELEMENT_INFO}). */
    public final void postInfo(ErrorCode code, String text, String debug) {
        postMessage(new Message.Info(this, code, text, debug));
    }

    /** The bus of the top-level pipeline this element is in, or null. */
    public Bus getBus() {
        Bin p = parent;
        return p == null ? null : p.getBus();
    }

    // ---------------------------------------------------------------- events and queries

    /**
     * Sends an event to the element from the application ({@code gst_element_send_event}):
     * upstream events (SEEK) leave through a sink pad, downstream ones (EOS) through a source pad.
     */
    public boolean sendEvent(Event event) {
        Collection<Pad> out = event.type().isUpstream() && !event.type().isDownstream() ? getSinkPads() : getSrcPads();
        if (out.isEmpty() && event.type().isUpstream()) {
            out = getSinkPads();
        }
        for (Pad p : out) {
            return p.pushEvent(event);
        }
        return false;
    }

    /**
     * Asks the element a query ({@code gst_element_query}): by default through a source pad, or
     * the peer of a sink pad for elements without source pads.
     */
    public boolean query(Query query) {
        List<Pad> src = getSrcPads();
        if (!src.isEmpty()) {
            return src.get(0).query(query);
        }
        List<Pad> sinks = getSinkPads();
        return !sinks.isEmpty() && sinks.get(0).peerQuery(query);
    }

    // ---------------------------------------------------------------- clock and time

    /**
     * Gives the element the clock to synchronise against ({@code gst_element_set_clock}); a
     * pipeline distributes its clock on the way to PLAYING. Returns false if refused.
     */
    public boolean setClock(Clock newClock) {
        this.clock = newClock;
        return true;
    }

    public Clock getClock() {
        return clock;
    }

    /** A clock this element offers the pipeline (audio sinks do), or null ({@code gst_element_provide_clock}). */
    public Clock provideClock() {
        return null;
    }

    /**
     * The clock time at which running time 0 occurs; sinks render a buffer when
     * {@code clock time = running time + base time} ({@code gst_element_set_base_time}).
     */
    public void setBaseTime(long time) {
        this.baseTime = time;
    }

    public long getBaseTime() {
        return baseTime;
    }

    /** The running time at which the element was last paused ({@code gst_element_set_start_time}). */
    public void setStartTime(long time) {
        this.startTime = time;
    }

    public long getStartTime() {
        return startTime;
    }

    /**
     * The element's running time now: clock time minus base time, or {@code ClockTime.NONE} without
     * a clock ({@code gst_element_get_current_running_time}).
     */
    public long getCurrentRunningTime() {
        Clock c = clock;
        if (c == null) {
            return ClockTime.NONE;
        }
        return Math.max(0, c.getTime() - baseTime);
    }
}
