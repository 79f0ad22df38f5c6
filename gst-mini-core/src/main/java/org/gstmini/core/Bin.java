package org.gstmini.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.core.clock.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An element that contains other elements and treats them as one: it changes their states
 * together, collects their messages, and answers for them.
 *
 * <p>Mirrors {@code GstBin} (gst/gstbin.c). What a bin does for its children:
 * <ul>
 *   <li><b>State changes</b> go to every child, <em>sinks first, sources last</em>
 *       ({@link #sortedChildren()}), so that downstream is ready before upstream starts pushing.
 *       Results combine as GStreamer's do: any FAILURE fails; a NO_PREROLL (live source) wins
 *       over ASYNC; an ASYNC child (a sink waiting for preroll) makes the bin ASYNC.</li>
 *   <li><b>Asynchronous completion</b>: children that go ASYNC post ASYNC_START; when every one
 *       has posted ASYNC_DONE the bin commits its own state, posts ASYNC_DONE, and if the
 *       application asked for PLAYING meanwhile, continues there on a short-lived thread.</li>
 *   <li><b>EOS</b>: the bin posts one EOS once <em>every</em> sink inside has posted EOS.</li>
 *   <li><b>Events and queries</b> sent to the bin go to its sinks (SEEK, position, latency) or
 *       sources (EOS).</li>
 * </ul>
 *
 * <p>A bin has no pads of its own; give it {@link GhostPad}s to link it like any element.
 */
public class Bin extends Element {
    private static final Logger LOG = LoggerFactory.getLogger("org.gstmini.bin");

    private final CopyOnWriteArrayList<Element> children = new CopyOnWriteArrayList<>();
    /** Guards the message bookkeeping below (GStreamer's bin->messages under the object lock). */
    private final Object messagesLock = new Object();
    private final Set<Element> asyncPending = new LinkedHashSet<>();
    private final Set<Element> eosPosted = new HashSet<>();
    private final Set<Element> streamStartPosted = new HashSet<>();
    private boolean polling;
    private boolean sawAsyncStart;
    private boolean eosSent;
    private volatile boolean deepNotify;
    private volatile Thread continueThread;

    public Bin() {
    }

    public Bin(String name) {
        setName(name);
    }

    // ---------------------------------------------------------------- children

    /**
     * Adds elements to the bin ({@code gst_bin_add}). Names must be unique inside the bin and an
     * element can be in one bin only. The child takes the bin's clock and base time; its state
     * is left alone (call {@link Element#syncStateWithParent()} to catch up).
     */
    public void add(Element... elements) {
        for (Element e : elements) {
            Objects.requireNonNull(e, "element");
            synchronized (children) {
                if (e == this) {
                    throw new IllegalArgumentException(getName() + ": a bin cannot contain itself");
                }
                if (e.getParent() != null) {
                    throw new IllegalArgumentException("cannot add " + e.getName() + " to " + getName()
                            + ": it is already in bin " + e.getParent().getName());
                }
                for (Element c : children) {
                    if (c.getName().equals(e.getName())) {
                        throw new IllegalArgumentException("cannot add " + e.getName() + " to " + getName()
                                + ": the bin already has an element with that name");
                    }
                }
                e.setParent(this);
                children.add(e);
            }
            if (e.hasFlag(ElementFlag.SINK)) {
                setFlag(ElementFlag.SINK, true);
            }
            if (e.hasFlag(ElementFlag.SOURCE)) {
                setFlag(ElementFlag.SOURCE, true);
            }
            Clock c = getClock();
            if (c != null) {
                e.setClock(c);
            }
            e.setBaseTime(getBaseTime());
            e.setStartTime(getStartTime());
            LOG.debug("{}: added {}", getName(), e.getName());
        }
    }

    /**
     * Removes an element ({@code gst_bin_remove}): unlinks its pads from the rest of the bin and
     * forgets its messages. Set it to NULL yourself if it should stop.
     */
    public void remove(Element e) {
        synchronized (children) {
            if (!children.remove(e)) {
                throw new IllegalArgumentException(e.getName() + " is not in bin " + getName());
            }
        }
        for (Pad p : e.getPads()) {
            Pad peer = p.getPeer();
            if (peer == null) {
                continue;
            }
            if (p.getDirection() == PadDirection.SRC) {
                p.unlink(peer);
            } else {
                peer.unlink(p);
            }
        }
        e.setParent(null);
        setFlag(ElementFlag.SINK, children.stream().anyMatch(c -> c.hasFlag(ElementFlag.SINK)));
        setFlag(ElementFlag.SOURCE, children.stream().anyMatch(c -> c.hasFlag(ElementFlag.SOURCE)));
        boolean asyncNowDone;
        synchronized (messagesLock) {
            eosPosted.remove(e);
            streamStartPosted.remove(e);
            asyncNowDone = asyncPending.remove(e) && asyncPending.isEmpty() && !polling;
        }
        if (asyncNowDone) {
            asyncDone(ClockTime.NONE);
        }
        LOG.debug("{}: removed {}", getName(), e.getName());
    }

    /** The direct children, in the order they were added. */
    public List<Element> getChildren() {
        return List.copyOf(children);
    }

    /**
     * Finds an element by name in this bin or, recursively, in bins inside it
     * ({@code gst_bin_get_by_name}); null if none.
     */
    public Element getByName(String childName) {
        for (Element c : children) {
            if (c.getName().equals(childName)) {
                return c;
            }
        }
        for (Element c : children) {
            if (c instanceof Bin b) {
                Element found = b.getByName(childName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Every element below this bin, depth first. */
    public List<Element> getChildrenRecursive() {
        List<Element> out = new ArrayList<>();
        for (Element c : children) {
            out.add(c);
            if (c instanceof Bin b) {
                out.addAll(b.getChildrenRecursive());
            }
        }
        return out;
    }

    /** Children that are sinks (flag SINK), as bins see them for EOS and queries. */
    public List<Element> getSinks() {
        return children.stream().filter(c -> c.hasFlag(ElementFlag.SINK)).toList();
    }

    /** Children that are sources: flag SOURCE, or no sink pads at all. */
    public List<Element> getSources() {
        return children.stream().filter(c -> c.hasFlag(ElementFlag.SOURCE)
                || (!(c instanceof Bin) && c.getSinkPads().isEmpty())).toList();
    }

    /**
     * The children in the order state changes visit them: every element comes after all the
     * elements it feeds inside this bin, so sinks come first and sources last
     * ({@code gst_bin_iterate_sorted}). Cycles are broken arbitrarily.
     */
    public List<Element> sortedChildren() {
        List<Element> all = List.copyOf(children);
        Map<Element, Set<Element>> downstream = new HashMap<>();
        for (Element e : all) {
            Set<Element> feeds = new HashSet<>();
            for (Pad p : e.getSrcPads()) {
                Element d = childOwning(p.getPeer());
                if (d != null && d != e) {
                    feeds.add(d);
                }
            }
            downstream.put(e, feeds);
        }
        List<Element> order = new ArrayList<>(all.size());
        Set<Element> placed = new HashSet<>();
        Deque<Element> remaining = new ArrayDeque<>(all);
        while (!remaining.isEmpty()) {
            boolean progress = false;
            for (int i = remaining.size(); i > 0; i--) {
                Element e = remaining.pollFirst();
                if (placed.containsAll(downstream.get(e))) {
                    order.add(e);
                    placed.add(e);
                    progress = true;
                } else {
                    remaining.addLast(e);
                }
            }
            if (!progress) {
                Element e = remaining.pollFirst(); // a loop: take any to break it
                order.add(e);
                placed.add(e);
            }
        }
        return order;
    }

    /** The child of this bin that owns {@code pad}, looking through ghost pads and nested bins. */
    private Element childOwning(Pad pad) {
        if (pad == null) {
            return null;
        }
        Element owner = pad.getParent();
        if (owner == null && pad instanceof GhostPad.Internal internal) {
            owner = internal.ghost().getParent();
        }
        while (owner != null && owner.getParent() != this) {
            owner = owner.getParent();
        }
        return owner;
    }

    // ---------------------------------------------------------------- state

    /**
     * Sets every child to the next state, sinks first, and combines their answers
     * ({@code gst_bin_change_state_func}).
     */
    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        State next = transition.next();
        switch (transition) {
            case READY_TO_PAUSED -> {
                synchronized (messagesLock) {
                    eosPosted.clear();
                    eosSent = false;
                }
            }
            case PAUSED_TO_PLAYING -> {
                if (getParent() == null) {
                    recalculateLatency();
                }
            }
            default -> {
            }
        }
        synchronized (messagesLock) {
            polling = true;
            sawAsyncStart = false;
        }
        boolean haveAsync = false;
        boolean haveNoPreroll = false;
        boolean failed = false;
        boolean visitedAll = false;
        try {
            if (transition == StateChange.READY_TO_PAUSED && !activatePads(true)) {
                return StateChangeReturn.FAILURE;
            }
            for (Element child : sortedChildren()) {
                if (child.isLockedState()) {
                    continue;
                }
                child.setBaseTime(getBaseTime());
                child.setStartTime(getStartTime());
                StateChangeReturn r = child.setState(next);
                switch (r) {
                    case FAILURE -> {
                        LOG.warn("{}: child {} failed to go to {}", getName(), child.getName(), next);
                        failed = true;
                    }
                    case ASYNC -> haveAsync = true;
                    case NO_PREROLL -> haveNoPreroll = true;
                    case SUCCESS -> {
                    }
                }
                if (failed && transition.isUpward()) {
                    return StateChangeReturn.FAILURE;
                }
            }
            if (transition == StateChange.PAUSED_TO_READY) {
                activatePads(false);
            }
            visitedAll = true;
        } finally {
            // An early return stops polling here. Otherwise polling ends below, under the same
            // lock as the check for pending async children (as gst_bin_change_state_func does):
            // an ASYNC_DONE arriving in between would otherwise be committed by the streaming
            // thread *and* by this one, and the bin would skip a transition of its children.
            if (!visitedAll) {
                stopPolling();
            }
        }
        switch (transition) {
            case PAUSED_TO_READY, READY_TO_NULL -> {
                synchronized (messagesLock) {
                    asyncPending.clear();
                    eosPosted.clear();
                    streamStartPosted.clear();
                    eosSent = false;
                }
                if (transition == StateChange.READY_TO_NULL) {
                    joinContinueThread();
                }
            }
            default -> {
            }
        }
        if (failed) {
            stopPolling();
            return StateChangeReturn.FAILURE;
        }
        if (haveNoPreroll) {
            stopPolling();
            return StateChangeReturn.NO_PREROLL;
        }
        if ((haveAsync || sawAsyncStartDuringPoll()) && getTargetState().ordinal() > State.READY.ordinal()) {
            synchronized (messagesLock) {
                polling = false;
                if (!asyncPending.isEmpty()) {
                    return StateChangeReturn.ASYNC;
                }
            }
            // Every async child finished while we were still visiting children: done already.
            postMessage(new Message.AsyncDone(this, ClockTime.NONE));
        }
        stopPolling();
        return StateChangeReturn.SUCCESS;
    }

    private void stopPolling() {
        synchronized (messagesLock) {
            polling = false;
        }
    }

    private boolean sawAsyncStartDuringPoll() {
        synchronized (messagesLock) {
            return sawAsyncStart;
        }
    }

    private void joinContinueThread() {
        Thread t = continueThread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    void stateChangedHook(State oldState, State newState, State pendingState) {
        super.stateChangedHook(oldState, newState, pendingState);
        if (newState == State.PLAYING && pendingState == State.VOID_PENDING) {
            checkEos();
        }
    }

    // ---------------------------------------------------------------- messages from children

    /**
     * Receives a message a child posted, in the child's thread ({@code gst_bin_handle_message}).
     * EOS, STREAM_START and the ASYNC messages are bookkeeping for the bin; everything else goes
     * up unchanged.
     */
    boolean receiveChildMessage(Message message) {
        Element src = message.source();
        switch (message.type()) {
            case EOS -> {
                if (src != null && src.hasFlag(ElementFlag.SINK)) {
                    synchronized (messagesLock) {
                        eosPosted.add(src);
                    }
                    checkEos();
                    return true;
                }
                return postMessage(message);
            }
            case STREAM_START -> {
                boolean all;
                synchronized (messagesLock) {
                    streamStartPosted.add(src);
                    all = streamStartPosted.containsAll(getSinks());
                    if (all) {
                        streamStartPosted.clear();
                    }
                }
                return !all || postMessage(new Message.StreamStart(this));
            }
            case ASYNC_START -> {
                if (getTargetState().ordinal() <= State.READY.ordinal()) {
                    return true;
                }
                boolean first;
                boolean lost;
                synchronized (messagesLock) {
                    first = asyncPending.isEmpty();
                    asyncPending.add(src);
                    sawAsyncStart = true;
                    eosPosted.remove(src);
                    lost = !polling;
                }
                if (lost && getPendingState() == State.VOID_PENDING
                        && getLastReturn() != StateChangeReturn.NO_PREROLL) {
                    lostState(); // a child lost its preroll while we were stable: we are async again
                } else if (first && getParent() != null) {
                    postMessage(new Message.AsyncStart(this)); // our parent must wait for us too
                }
                return true;
            }
            case ASYNC_DONE -> {
                if (getTargetState().ordinal() <= State.READY.ordinal()) {
                    return true;
                }
                boolean allDone;
                synchronized (messagesLock) {
                    asyncPending.remove(src);
                    allDone = asyncPending.isEmpty() && !polling;
                }
                if (allDone) {
                    asyncDone(((Message.AsyncDone) message).runningTime());
                }
                return true;
            }
            default -> {
                return postMessage(message);
            }
        }
    }

    /**
     * Every async child is done: commit the bin's own transition, post ASYNC_DONE, and continue
     * towards the pending state on a separate thread ({@code bin_handle_async_done}). The
     * continuation cannot run here: this is a child's streaming thread, possibly inside the very
     * sink that would have to change state next.
     */
    private void asyncDone(long runningTime) {
        if (getLastReturn() != StateChangeReturn.ASYNC || getPendingState() == State.VOID_PENDING) {
            return;
        }
        // Commit only if still wanted, and take the cookie with the commit (not before it): an
        // application's setState() in between must either win or see the committed state.
        int[] cookieOut = new int[1];
        StateChange nextStep = commitState(StateChangeReturn.SUCCESS, true, cookieOut);
        int cookie = cookieOut[0];
        if (cookie == -1) {
            return; // nothing committed: the application asked for READY or NULL meanwhile
        }
        // Committed first, then ASYNC_DONE, as bin_handle_async_done does: a parent woken by our
        // ASYNC_DONE must find us in the new state, or it could go on to PLAYING while we are
        // still committing PAUSED.
        postMessage(new Message.AsyncDone(this, runningTime));
        if (nextStep != null) {
            Thread t = new Thread(() -> continueStepIfUnchanged(nextStep, cookie), getName() + ":continue");
            t.setDaemon(true);
            continueThread = t;
            t.start();
        }
    }

    private void checkEos() {
        boolean post;
        int seqnum = Event.nextSeqnum();
        synchronized (messagesLock) {
            List<Element> sinks = getSinks();
            post = !eosSent && !sinks.isEmpty() && eosPosted.containsAll(sinks)
                    && getCurrentState() == State.PLAYING && getPendingState() == State.VOID_PENDING;
            if (post) {
                eosSent = true;
            }
        }
        if (post) {
            LOG.debug("{}: all sinks posted EOS", getName());
            postMessage(new Message.Eos(this, seqnum));
        }
    }

    /**
     * Posts to the parent bin or, at the top, onto the bus. The top-level bin of an application
     * is a {@link Pipeline}, which owns the bus.
     */
    @Override
    public boolean postMessage(Message message) {
        Bin p = getParent();
        if (p != null) {
            return p.receiveChildMessage(message);
        }
        Bus bus = getBus();
        return bus != null && bus.post(message);
    }

    /** The bus of the top-level pipeline; a bin without a pipeline above it has none. */
    @Override
    public Bus getBus() {
        Bin p = getParent();
        return p == null ? null : p.getBus();
    }

    /**
     * Posts a PROPERTY_NOTIFY message whenever a property of any element inside changes, as
     * {@code gst-launch -v} asks for ({@code gst_element_add_property_deep_notify_watch}).
     */
    public void addPropertyDeepNotifyWatch() {
        deepNotify = true;
    }

    boolean isDeepNotifyWatched() {
        return deepNotify;
    }

    // ---------------------------------------------------------------- clock, events, queries

    /** Gives the clock to the bin and every child ({@code gst_bin_set_clock_func}). */
    @Override
    public boolean setClock(Clock clock) {
        boolean ok = super.setClock(clock);
        for (Element c : children) {
            ok &= c.setClock(clock);
        }
        return ok;
    }

    @Override
    public void setBaseTime(long time) {
        super.setBaseTime(time);
        for (Element c : children) {
            c.setBaseTime(time);
        }
    }

    @Override
    public void setStartTime(long time) {
        super.setStartTime(time);
        for (Element c : children) {
            c.setStartTime(time);
        }
    }

    /**
     * The clock of the most upstream child that provides one, as GStreamer picks it: visiting
     * sinks to sources, the last provider found wins ({@code gst_bin_provide_clock_func}).
     */
    @Override
    public Clock provideClock() {
        Clock found = null;
        for (Element c : sortedChildren()) {
            Clock offered = c.provideClock();
            if (offered != null) {
                found = offered;
            }
        }
        return found;
    }

    /**
     * Sends upstream events (SEEK, LATENCY) to every sink and downstream events (EOS) to every
     * source ({@code gst_bin_send_event}); true if all of them took it.
     */
    @Override
    public boolean sendEvent(Event event) {
        List<Element> targets = event.type().isUpstream() && !event.type().isDownstream() ? getSinks() : getSources();
        if (targets.isEmpty()) {
            return false;
        }
        boolean ok = true;
        for (Element t : targets) {
            ok &= t.sendEvent(event);
        }
        return ok;
    }

    /**
     * Answers by asking the sinks ({@code gst_bin_query}): DURATION and POSITION take the largest
     * answer; LATENCY combines every sink's (live if any is, the largest minimum, the smallest
     * maximum); other queries take the first sink that answers.
     */
    @Override
    public boolean query(Query query) {
        List<Element> sinks = getSinks();
        if (query instanceof Query.LatencyQuery q) {
            return foldLatency(q, sinks);
        }
        if (query instanceof Query.DurationQuery q) {
            long best = -1;
            for (Element s : sinks) {
                Query.DurationQuery sub = new Query.DurationQuery(q.format());
                if (s.query(sub)) {
                    best = Math.max(best, sub.duration());
                }
            }
            q.setDuration(best);
            return best != -1;
        }
        if (query instanceof Query.PositionQuery q) {
            long best = -1;
            for (Element s : sinks) {
                Query.PositionQuery sub = new Query.PositionQuery(q.format());
                if (s.query(sub)) {
                    best = Math.max(best, sub.position());
                }
            }
            q.setPosition(best);
            return best != -1;
        }
        for (Element s : sinks) {
            if (s.query(query)) {
                return true;
            }
        }
        return false;
    }

    private static boolean foldLatency(Query.LatencyQuery q, List<Element> sinks) {
        List<Query.LatencyQuery> answers = new ArrayList<>();
        for (Element s : sinks) {
            Query.LatencyQuery sub = new Query.LatencyQuery();
            if (s.query(sub)) {
                answers.add(sub);
            }
        }
        q.setCombined(answers);
        return !answers.isEmpty() || sinks.isEmpty();
    }

    /**
     * Asks the sinks for the latency and tells them the result with a LATENCY event
     * ({@code gst_bin_recalculate_latency}): for a live pipeline every sink then renders
     * {@code latency} later than the timestamps say, so that all sources have had time to
     * deliver. Applications call it when an element posts a LATENCY message.
     */
    public boolean recalculateLatency() {
        Query.LatencyQuery q = new Query.LatencyQuery();
        boolean answered = query(q);
        long forced = forcedLatency();
        if (!answered && forced == ClockTime.NONE) {
            return false;
        }
        long latency = forced != ClockTime.NONE ? forced : q.live() ? q.min() : 0;
        if (q.live() && q.max() != ClockTime.NONE && q.min() > q.max()) {
            postWarning(ErrorCode.CORE_CLOCK, "Impossible to configure latency: max " + ClockTime.format(q.max())
                    + " < min " + ClockTime.format(q.min()) + ". Add queues or other buffering elements.", null);
        }
        LOG.debug("{}: latency query says live={}, min={}, max={}; configuring {}", getName(), q.live(),
                ClockTime.format(q.min()), ClockTime.format(q.max()), ClockTime.format(latency));
        return getSinks().isEmpty() || sendEvent(Event.latency(latency));
    }

    /**
     * A latency to configure instead of the measured one, or {@code ClockTime.NONE}; a pipeline's
     * "latency" property sets it, and then it applies live or not ({@code gst_pipeline_do_latency}).
     */
    long forcedLatency() {
        return ClockTime.NONE;
    }
}
