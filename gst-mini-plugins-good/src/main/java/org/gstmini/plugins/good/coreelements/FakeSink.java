package org.gstmini.plugins.good.coreelements;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gstmini.base.BaseSink;
import org.gstmini.core.Buffer;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.EventType;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Pad;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Query;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;

/**
 * A sink that swallows everything: the end of a test pipeline, and a probe to see what arrives.
 * Mirrors {@code fakesink} (plugins/elements/gstfakesink.c), built on {@link BaseSink}.
 *
 * <pre>
 * gst-launch fakesrc num-buffers=100 ! fakesink                  # as fast as possible
 * gst-launch videotestsrc ! fakesink sync=true silent=false -v   # at clock speed, describing each buffer
 * </pre>
 *
 * <p>Unlike other sinks it does not synchronise by default ({@code sync=false}, set in the
 * constructor as {@code gst_fake_sink_init} does), but it prerolls like any sink. With
 * {@code silent=false} every event, preroll and buffer updates {@code last-message};
 * {@code dump=true} prints each buffer as hex to stdout; {@code num-buffers=N} returns EOS
 * after N buffers. The {@code handoff} and {@code preroll-handoff} signals (emitted when
 * {@code signal-handoffs=true}) are {@link #addHandoffListener} and
 * {@link #addPrerollHandoffListener}; listeners run in the streaming thread.
 */
public final class FakeSink extends BaseSink {
    public static final PadTemplate SINK_TEMPLATE = PadTemplate.sink(Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("fakesink", FakeSink::new)
            .longName("Fake Sink").klass("Sink").description("Black hole for data")
            .author("gst-mini").padTemplate(SINK_TEMPLATE).build();

    /** Which state change {@code state-error} makes fail ({@code GstFakeSinkStateError}). */
    public enum StateError {
        @Property.Nick(value = 0, nick = "none", description = "No state change errors")
        NONE,
        @Property.Nick(value = 1, nick = "null-to-ready", description = "Fail state change from NULL to READY")
        NULL_TO_READY,
        @Property.Nick(value = 2, nick = "ready-to-paused", description = "Fail state change from READY to PAUSED")
        READY_TO_PAUSED,
        @Property.Nick(value = 3, nick = "paused-to-playing", description = "Fail state change from PAUSED to PLAYING")
        PAUSED_TO_PLAYING,
        @Property.Nick(value = 4, nick = "playing-to-paused", description = "Fail state change from PLAYING to PAUSED")
        PLAYING_TO_PAUSED,
        @Property.Nick(value = 5, nick = "paused-to-ready", description = "Fail state change from PAUSED to READY")
        PAUSED_TO_READY,
        @Property.Nick(value = 6, nick = "ready-to-null", description = "Fail state change from READY to NULL")
        READY_TO_NULL
    }

    public static final Property<StateError> STATE_ERROR = Property.ofEnum("state-error",
            "Generate a state change error", StateError.NONE);
    public static final Property<Boolean> SILENT = Property.ofBoolean("silent", "Don't produce last_message events", true)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> DUMP = Property.ofBoolean("dump", "Dump buffer contents to stdout", false)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> SIGNAL_HANDOFFS = Property.ofBoolean("signal-handoffs",
            "Send a signal before unreffing the buffer", false);
    public static final Property<Boolean> DROP_OUT_OF_SEGMENT = Property.ofBoolean("drop-out-of-segment",
            "Drop and don't render / hand off out-of-segment buffers", true);
    public static final Property<String> LAST_MESSAGE = Property.readOnly("last-message",
            "The message describing current status", String.class, null);
    public static final Property<Integer> NUM_BUFFERS = Property.ofInt("num-buffers",
            "Number of buffers to accept going EOS", -1, Integer.MAX_VALUE, -1);

    /** The "handoff" and "preroll-handoff" signals: the buffer and the pad that received it. */
    @FunctionalInterface
    public interface HandoffListener {
        void handoff(FakeSink sink, Buffer buffer, Pad pad);
    }

    private final CopyOnWriteArrayList<HandoffListener> handoffListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<HandoffListener> prerollHandoffListeners = new CopyOnWriteArrayList<>();

    private volatile StateError stateError = StateError.NONE;
    private volatile boolean silent = true;
    private volatile boolean dump;
    private volatile boolean signalHandoffs;
    private volatile int numBuffers = -1;
    /** Counts down from num-buffers; reset on READY→PAUSED. Streaming thread. */
    private int numBuffersLeft = -1;

    public FakeSink() {
        super(SINK_TEMPLATE);
        installProperty(STATE_ERROR, SILENT, DUMP, SIGNAL_HANDOFFS, DROP_OUT_OF_SEGMENT, LAST_MESSAGE, NUM_BUFFERS);
        set(SYNC, false); // fakesink does not sync by default (gst_base_sink_set_sync in init)
    }

    /** Calls {@code listener} with every rendered buffer when signal-handoffs is true ("handoff"). */
    public void addHandoffListener(HandoffListener listener) {
        handoffListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeHandoffListener(HandoffListener listener) {
        handoffListeners.remove(listener);
    }

    /** Calls {@code listener} with the preroll buffer when signal-handoffs is true ("preroll-handoff"). */
    public void addPrerollHandoffListener(HandoffListener listener) {
        prerollHandoffListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removePrerollHandoffListener(HandoffListener listener) {
        prerollHandoffListeners.remove(listener);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        if (property == STATE_ERROR) {
            stateError = (StateError) value;
        } else if (property == SILENT) {
            silent = (Boolean) value;
        } else if (property == DUMP) {
            dump = (Boolean) value;
        } else if (property == SIGNAL_HANDOFFS) {
            signalHandoffs = (Boolean) value;
        } else if (property == DROP_OUT_OF_SEGMENT) {
            setDropOutOfSegment((Boolean) value);
        } else if (property == NUM_BUFFERS) {
            numBuffers = (Integer) value;
        }
    }

    // ---------------------------------------------------------------- BaseSink hooks

    @Override
    protected boolean event(Event event) {
        if (!silent) {
            setLastMessage(String.format(Locale.ROOT, "event   ******* (%s) E (type: %s (%d), %s) 0x%x",
                    getSinkPad(), event.type().nick(), gstEventType(event.type()), eventStructure(event),
                    System.identityHashCode(event)));
        }
        return super.event(event);
    }

    @Override
    protected FlowReturn preroll(Buffer buffer) {
        if (numBuffersLeft == 0) {
            return FlowReturn.EOS;
        }
        if (!silent) {
            setLastMessage("preroll   ******* ");
        }
        if (signalHandoffs) {
            for (HandoffListener l : prerollHandoffListeners) {
                l.handoff(this, buffer, getSinkPad());
            }
        }
        return FlowReturn.OK;
    }

    @Override
    protected FlowReturn render(Buffer buffer) {
        if (numBuffersLeft == 0) {
            return FlowReturn.EOS;
        }
        if (numBuffersLeft != -1) {
            numBuffersLeft--;
        }
        if (!silent) {
            setLastMessage(describe(buffer));
        }
        if (signalHandoffs) {
            for (HandoffListener l : handoffListeners) {
                l.handoff(this, buffer, getSinkPad());
            }
        }
        if (dump) {
            BufferText.dumpMem(buffer, System.out);
        }
        return numBuffersLeft == 0 ? FlowReturn.EOS : FlowReturn.OK;
    }

    /** Answers SEEKING with "not seekable"; the rest as any sink ({@code gst_fake_sink_query}). */
    @Override
    protected boolean sinkQuery(Query query) {
        if (query instanceof Query.SeekingQuery q) {
            q.set(false, 0, -1);
            return true;
        }
        return super.sinkQuery(query);
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        StateError err = stateError;
        switch (transition) {
            case NULL_TO_READY, READY_TO_PAUSED, PAUSED_TO_PLAYING -> {
                if (failsOn(err, transition)) {
                    return stateError();
                }
                if (transition == StateChange.READY_TO_PAUSED) {
                    numBuffersLeft = numBuffers;
                }
            }
            default -> {
            }
        }
        StateChangeReturn ret = super.changeState(transition);
        switch (transition) {
            case PLAYING_TO_PAUSED, PAUSED_TO_READY, READY_TO_NULL -> {
                if (failsOn(err, transition)) {
                    return stateError();
                }
                if (transition == StateChange.READY_TO_NULL) {
                    updateProperty(LAST_MESSAGE, null);
                }
            }
            default -> {
            }
        }
        return ret;
    }

    private static boolean failsOn(StateError err, StateChange transition) {
        return err != StateError.NONE && err.name().equals(transition.name());
    }

    private StateChangeReturn stateError() {
        postError(ErrorCode.CORE_STATE_CHANGE, null, "Erroring out on state change as requested");
        return StateChangeReturn.FAILURE;
    }

    // ---------------------------------------------------------------- last-message and dump

    private void setLastMessage(String text) {
        updateProperty(LAST_MESSAGE, text);
    }

    /** The "chain" line of {@code gst_fake_sink_render}. */
    private String describe(Buffer buf) {
        return BufferText.lastMessage("chain  ", getSinkPad(), buf, "pts: ", ", meta: none");
    }

    /** GStreamer's number of an event type ({@code GST_EVENT_MAKE_TYPE (num, flags)}), as last-message prints it. */
    static int gstEventType(EventType type) {
        int num = switch (type) {
            case FLUSH_START -> 10;
            case FLUSH_STOP -> 20;
            case STREAM_START -> 40;
            case CAPS -> 50;
            case SEGMENT -> 70;
            case TAG -> 80;
            case EOS -> 110;
            case GAP -> 160;
            case QOS -> 190;
            case SEEK -> 200;
            case LATENCY -> 220;
            case RECONFIGURE -> 240;
            case CUSTOM_UPSTREAM -> 256;
            case CUSTOM_DOWNSTREAM -> 260;
            case CUSTOM_DOWNSTREAM_OOB -> 270;
            case CUSTOM_DOWNSTREAM_STICKY -> 275;
            case CUSTOM_BOTH -> 280;
            case CUSTOM_BOTH_OOB -> 290;
        };
        int flags = (type.isUpstream() ? 1 : 0) | (type.isDownstream() ? 2 : 0) | (type.isSerialized() ? 4 : 0)
                | (type.isSticky() ? 8 : 0)
                | (type == EventType.TAG || type == EventType.CUSTOM_DOWNSTREAM_STICKY ? 16 : 0);
        return (num << 8) | flags;
    }

    /** The event's structure as GStreamer prints it in last-message ("" for events without one). */
    private static String eventStructure(Event event) {
        if (event instanceof Event.CapsEvent c) {
            return "GstEventCaps, caps=(GstCaps)\"" + c.caps() + "\";";
        }
        if (event instanceof Event.SegmentEvent s) {
            return "GstEventSegment, segment=(GstSegment)\"" + s.segment() + "\";";
        }
        if (event instanceof Event.StreamStartEvent s) {
            return "GstEventStreamStart, stream-id=(string)" + s.streamId() + ", group-id=(uint)" + s.groupId() + ";";
        }
        if (event instanceof Event.FlushStopEvent f) {
            return "GstEventFlushStop, reset-time=(boolean)" + f.resetTime() + ";";
        }
        if (event instanceof Event.GapEvent g) {
            return "GstEventGap, timestamp=(guint64)" + g.timestamp() + ", duration=(guint64)" + g.duration() + ";";
        }
        if (event instanceof Event.TagEvent t) {
            return String.valueOf(t.tags());
        }
        if (event instanceof Event.CustomEvent c) {
            return String.valueOf(c.structure());
        }
        return "";
    }
}
