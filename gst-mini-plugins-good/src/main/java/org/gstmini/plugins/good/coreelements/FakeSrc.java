package org.gstmini.plugins.good.coreelements;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.gstmini.base.BaseSrc;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Event;
import org.gstmini.core.FlowException;
import org.gstmini.core.Format;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.clock.Clock;

/**
 * A source of buffers with no meaningful content, for testing pipelines: how many, how big,
 * filled how, timestamped how, live or not, push or pull. Mirrors {@code GstFakeSrc}
 * (plugins/elements/gstfakesrc.c).
 *
 * <pre>
 * gst-launch fakesrc num-buffers=5 ! fakesink
 * gst-launch fakesrc num-buffers=100 sizetype=fixed sizemax=1000 filltype=pattern datarate=10000 ! fakesink
 * </pre>
 *
 * <p>It is a {@link BaseSrc} that implements only {@code start}, {@code stop},
 * {@code isSeekable}, {@code getTimes}, {@code event} and {@code createRange}: everything else
 * (the streaming thread, num-buffers, EOS, errors, live mode, seeking) is the base class's.
 * Its caps are ANY; downstream's caps decide the format, or {@code application/unknown} is sent
 * (see {@link BaseSrc}).
 *
 * <h2>Timestamps</h2>
 * With {@code datarate} set, a buffer's pts is the time the bytes before it take at that rate,
 * and its duration the time its own bytes take. Without it, a live fakesrc stamps the running
 * time at which the buffer was made; a non-live one leaves timestamps to BaseSrc (the first
 * buffer at offset 0 gets dts 0). With {@code sync=true} BaseSrc waits on the clock until each
 * buffer's timestamp, so the source runs in real time.
 *
 * <h2>The "handoff" signal</h2>
 * GStreamer emits the GObject signal "handoff" (buffer, pad) before each buffer leaves when
 * {@code signal-handoffs} is true. Here: {@link #addHandoffListener(Consumer)}; listeners run in
 * the streaming thread, with {@code signal-handoffs=true} only.
 */
public final class FakeSrc extends BaseSrc {
    static final PadTemplate SRC_TEMPLATE = PadTemplate.src(Caps.ANY);

    public static final ElementFactory FACTORY = ElementFactory.builder("fakesrc", FakeSrc::new)
            .longName("Fake Source").klass("Source").description("Push empty (no data) buffers around")
            .author("gst-mini").padTemplate(SRC_TEMPLATE).build();

    public static final Property<FakeSrcDataType> DATA = Property.ofEnum("data", "Data allocation method",
            FakeSrcDataType.ALLOCATE);
    public static final Property<FakeSrcSizeType> SIZETYPE = Property.ofEnum("sizetype",
            "How to determine buffer sizes", FakeSrcSizeType.EMPTY).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> SIZEMIN = Property.ofInt("sizemin", "Minimum buffer size",
            0, Integer.MAX_VALUE, 0).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> SIZEMAX = Property.ofInt("sizemax", "Maximum buffer size",
            0, Integer.MAX_VALUE, 4096).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> PARENTSIZE = Property.ofInt("parentsize",
            "Size of parent buffer for sub-buffered allocation", 0, Integer.MAX_VALUE, 4096 * 10);
    /**
     * The default is "nothing", what {@code gst_fake_src_init} sets (its GParamSpec claims
     * "zero", but the instance value wins); in Java both give zeros.
     */
    public static final Property<FakeSrcFillType> FILLTYPE = Property.ofEnum("filltype",
            "How to fill the buffer, if at all", FakeSrcFillType.NOTHING).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Integer> DATARATE = Property.ofInt("datarate",
            "Timestamps buffers with number of bytes per second (0 = none)", 0, Integer.MAX_VALUE, 0);
    public static final Property<Boolean> SYNC = Property.ofBoolean("sync", "Sync to the clock to the datarate", false);
    public static final Property<String> LAST_MESSAGE = Property.readOnly("last-message", "The last status message",
            String.class, null);
    public static final Property<Boolean> SILENT = Property.ofBoolean("silent", "Don't produce last_message events",
            true).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> SIGNAL_HANDOFFS = Property.ofBoolean("signal-handoffs",
            "Send a signal before pushing the buffer", false).mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> DUMP = Property.ofBoolean("dump", "Dump buffer contents to stdout", false)
            .mutableIn(Property.Mutability.PLAYING);
    public static final Property<Boolean> CAN_ACTIVATE_PUSH = Property.ofBoolean("can-activate-push",
            "Can activate in push mode", true);
    public static final Property<Boolean> CAN_ACTIVATE_PULL = Property.ofBoolean("can-activate-pull",
            "Can activate in pull mode", true);
    public static final Property<Boolean> IS_LIVE = Property.ofBoolean("is-live",
            "True if the element cannot produce data in PAUSED", false);
    public static final Property<Format> FORMAT = Property.ofEnum("format", "The format of the segment events",
            Format.BYTES);

    /** Shared by every empty buffer before its metadata is set: a Buffer is immutable. */
    private static final Buffer EMPTY = Buffer.empty();

    /**
     * The properties {@link #createRange} reads for every buffer, as one immutable snapshot:
     * rebuilt whenever a property is set (any thread), read with one volatile read per buffer
     * instead of a property lookup each (the {@code Settings} of gst-plugins-rs elements).
     */
    private record Settings(FakeSrcDataType data, FakeSrcSizeType sizetype, int sizemin, int sizemax,
            int parentsize, FakeSrcFillType filltype, int datarate, boolean sync, boolean silent,
            boolean signalHandoffs, boolean dump) {
    }

    private final List<Consumer<Buffer>> handoffListeners = new CopyOnWriteArrayList<>();
    private volatile Settings settings;

    // State: reset in start(), used by the streaming thread.
    private long bytesSent;
    private int patternByte;
    private byte[] parent;
    private int parentOffset;
    /**
     * The last empty buffer without timestamps (see {@link #emptyAt}); streaming thread only.
     * Not reset in start(): it is a value, right in any state.
     */
    private Buffer lastEmpty = EMPTY;

    public FakeSrc() {
        super(SRC_TEMPLATE);
        installProperty(DATA, SIZETYPE, SIZEMIN, SIZEMAX, PARENTSIZE, FILLTYPE, DATARATE, SYNC, LAST_MESSAGE,
                SILENT, SIGNAL_HANDOFFS, DUMP, CAN_ACTIVATE_PUSH, CAN_ACTIVATE_PULL, IS_LIVE, FORMAT);
        settings = readSettings();
    }

    private Settings readSettings() {
        return new Settings(get(DATA), get(SIZETYPE), get(SIZEMIN), get(SIZEMAX), get(PARENTSIZE), get(FILLTYPE),
                get(DATARATE), get(SYNC), get(SILENT), get(SIGNAL_HANDOFFS), get(DUMP));
    }

    /**
     * Calls {@code listener} with every buffer about to be pushed, while {@code signal-handoffs}
     * is true (GStreamer's "handoff" signal). It runs in the streaming thread: keep it short.
     */
    public void addHandoffListener(Consumer<Buffer> listener) {
        handoffListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeHandoffListener(Consumer<Buffer> listener) {
        handoffListeners.remove(listener);
    }

    @Override
    protected void propertyChanged(Property<?> property, Object value) {
        super.propertyChanged(property, value);
        settings = readSettings();
        if (property == IS_LIVE) {
            setLive((Boolean) value);
        } else if (property == CAN_ACTIVATE_PUSH) {
            setCanActivatePush((Boolean) value);
        }
    }

    @Override
    protected boolean start() {
        patternByte = 0;
        bytesSent = 0;
        parent = null;
        setFormat(get(FORMAT));
        return true;
    }

    @Override
    protected boolean stop() {
        parent = null;
        updateProperty(LAST_MESSAGE, null);
        return true;
    }

    @Override
    protected boolean isSeekable() {
        return get(CAN_ACTIVATE_PULL);
    }

    @Override
    protected boolean event(Event event) {
        if (!settings.silent()) {
            updateProperty(LAST_MESSAGE, "event   ******* (" + getSrcPad() + ") E (type: " + event.type().nick()
                    + ", " + event + ")");
        }
        return super.event(event);
    }

    /** With {@code sync}, BaseSrc waits on the clock until the buffer's timestamp ({@code gst_fake_src_get_times}). */
    @Override
    protected Times getTimes(Buffer buffer) {
        if (!settings.sync()) {
            return Times.NONE;
        }
        long timestamp = buffer.dts() != ClockTime.NONE ? buffer.dts() : buffer.pts();
        if (timestamp == ClockTime.NONE) {
            return Times.NONE;
        }
        long end = buffer.duration() != ClockTime.NONE ? timestamp + buffer.duration() : ClockTime.NONE;
        return new Times(timestamp, end);
    }

    /**
     * {@code gst_fake_src_create}: a buffer of the configured size, fill and timestamps. Its
     * metadata is set with one copy of the allocated buffer, none for an empty buffer without
     * timestamps (see {@link #emptyAt}).
     */
    @Override
    protected Buffer createRange(long offset, int length) throws FlowException {
        Settings st = settings;
        int size = nextSize(st);
        Buffer buf = st.data() == FakeSrcDataType.SUBBUFFER ? subBuffer(st, size) : allocate(st, size);
        if (st.dump()) {
            BufferText.dumpMem(buf, System.out);
        }
        long time = ClockTime.NONE;
        long duration = ClockTime.NONE;
        if (st.datarate() > 0) {
            time = ClockTime.scale(bytesSent, ClockTime.SECOND, st.datarate());
            duration = ClockTime.scale(size, ClockTime.SECOND, st.datarate());
        } else if (isLive()) {
            Clock clock = getClock();
            if (clock != null) {
                time = clock.getTime() - getBaseTime(); // not an error to have no clock
            }
        }
        if (buf == EMPTY && time == ClockTime.NONE && duration == ClockTime.NONE) {
            buf = emptyAt(offset);
        } else {
            buf = buf.withTimestampsAndOffsets(time, time, duration, offset, ClockTime.NONE);
        }
        if (!st.silent()) {
            updateProperty(LAST_MESSAGE, describe(buf));
        }
        if (st.signalHandoffs()) {
            for (Consumer<Buffer> l : handoffListeners) {
                l.accept(buf);
            }
        }
        bytesSent += size;
        return buf;
    }

    /**
     * An empty buffer at {@code offset}, without timestamps. GStreamer allocates a new one each
     * time; a Buffer is immutable, so the last one is returned again while the offset stays the
     * same (always, in the default BYTES format: the position does not move with empty buffers).
     */
    private Buffer emptyAt(long offset) {
        if (lastEmpty.offset() != offset) {
            lastEmpty = EMPTY.withOffsets(offset, ClockTime.NONE);
        }
        return lastEmpty;
    }

    private static int nextSize(Settings st) {
        return switch (st.sizetype()) {
            case FIXED -> st.sizemax();
            case RANDOM -> {
                int min = st.sizemin();
                int max = st.sizemax();
                yield max > min ? ThreadLocalRandom.current().nextInt(min, max) : min;
            }
            case EMPTY -> 0;
        };
    }

    private Buffer allocate(Settings st, int size) {
        if (size == 0) {
            return EMPTY;
        }
        byte[] data = new byte[size]; // "nothing" and "zero" alike: Java arrays start zeroed
        prepare(st, data, 0, size);
        return Buffer.wrap(data);
    }

    /** Slices of one parent array, a new parent when it is used up ({@code data=subbuffer}). */
    private Buffer subBuffer(Settings st, int size) {
        int parentSize = Math.max(st.parentsize(), size);
        if (parent == null || parent.length - parentOffset < size) {
            parent = new byte[parentSize];
            parentOffset = 0;
        }
        prepare(st, parent, parentOffset, size);
        Buffer buf = Buffer.of(ByteBuffer.wrap(parent, parentOffset, size));
        parentOffset += size;
        return buf;
    }

    /** {@code gst_fake_src_prepare_buffer}: writes the fill pattern. */
    private void prepare(Settings st, byte[] data, int from, int size) {
        switch (st.filltype()) {
            case RANDOM -> {
                byte[] random = new byte[size];
                ThreadLocalRandom.current().nextBytes(random);
                System.arraycopy(random, 0, data, from, size);
            }
            case PATTERN, PATTERN_SPAN -> {
                if (st.filltype() == FakeSrcFillType.PATTERN) {
                    patternByte = 0;
                }
                for (int i = 0; i < size; i++) {
                    data[from + i] = (byte) patternByte;
                    patternByte = (patternByte + 1) & 0xff;
                }
            }
            case NOTHING, ZERO -> {
            }
        }
    }

    /** The "last-message" text of a created buffer, as gst_fake_src_create writes it. */
    private String describe(Buffer buf) {
        return BufferText.lastMessage("create  ", getSrcPad(), buf, "pts:", "");
    }
}
