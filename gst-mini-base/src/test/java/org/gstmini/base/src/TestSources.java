package org.gstmini.base.src;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.gstmini.base.BaseSrc;
import org.gstmini.base.PushSrc;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.FlowException;
import org.gstmini.core.FlowReturn;
import org.gstmini.core.Format;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Segment;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.clock.Clock;
import org.gstmini.core.clock.ClockId;
import org.gstmini.core.clock.ClockReturn;

/** Small BaseSrc and PushSrc subclasses, each showing one use of the hooks. */
final class TestSources {
    static final long INTERVAL = 10 * ClockTime.MSECOND;

    private TestSources() {
    }

    /**
     * A non-live TIME source of 1-byte buffers 10 ms apart (pts 0, 10 ms, ...); seekable on
     * request: a seek moves the next timestamp to the segment's start.
     */
    static final class TimeSrc extends PushSrc {
        private final boolean seekable;
        private long next;
        final List<Caps> setCapsCalls = new CopyOnWriteArrayList<>();

        TimeSrc(String name, boolean seekable) {
            this(name, seekable, Caps.parse("test/x-data"));
        }

        TimeSrc(String name, boolean seekable, Caps templateCaps) {
            super(PadTemplate.src(templateCaps));
            setName(name);
            this.seekable = seekable;
            setFormat(Format.TIME);
        }

        @Override
        protected boolean start() {
            next = 0;
            return true;
        }

        @Override
        protected boolean setCaps(Caps caps) {
            setCapsCalls.add(caps);
            return true;
        }

        @Override
        protected boolean isSeekable() {
            return seekable;
        }

        @Override
        protected boolean doSeek(Segment segment) {
            next = segment.getStart();
            segment.setTime(segment.getStart());
            return true;
        }

        @Override
        protected Buffer create() {
            long pts = next;
            next += INTERVAL;
            return Buffer.wrap(new byte[] {(byte) (pts / INTERVAL)}).withTimestamps(pts, ClockTime.NONE, INTERVAL);
        }
    }

    /**
     * A random-access BYTES source of {@code size} bytes whose byte at offset o is (o & 0xff):
     * a file in memory. Uses BaseSrc's default create (alloc + {@link #fill}).
     */
    static final class ByteSrc extends BaseSrc {
        /** Every buffer {@link #getTimes} was asked about, in order. */
        final List<Buffer> timesAsked = new CopyOnWriteArrayList<>();
        private final long size;

        ByteSrc(String name, long size) {
            super(PadTemplate.src(Caps.parse("application/x-test-bytes")));
            setName(name);
            this.size = size;
        }

        @Override
        protected boolean isSeekable() {
            return true;
        }

        @Override
        protected long getSize() {
            return size;
        }

        @Override
        protected void fill(long offset, ByteBuffer data) {
            for (int i = 0; i < data.capacity(); i++) {
                data.put(i, (byte) (offset + i));
            }
        }

        @Override
        protected Times getTimes(Buffer buffer) {
            timesAsked.add(buffer);
            return Times.NONE;
        }
    }

    /** A source whose create() blocks until unlock(), like a read on a socket with no data. */
    static final class BlockingSrc extends PushSrc {
        final CountDownLatch entered = new CountDownLatch(1);
        final AtomicInteger unlocks = new AtomicInteger();
        final AtomicInteger unlockStops = new AtomicInteger();
        private final Object lock = new Object();
        private boolean unlocked;

        BlockingSrc(String name, boolean live) {
            super(PadTemplate.src(Caps.parse("test/x-data")));
            setName(name);
            setFormat(Format.TIME);
            setLive(live);
        }

        @Override
        protected Buffer create() throws FlowException {
            entered.countDown();
            synchronized (lock) {
                while (!unlocked) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            throw new FlowException(FlowReturn.FLUSHING, getName() + ": unlocked");
        }

        @Override
        protected boolean unlock() {
            unlocks.incrementAndGet();
            synchronized (lock) {
                unlocked = true;
                lock.notifyAll();
            }
            return true;
        }

        @Override
        protected boolean unlockStop() {
            unlockStops.incrementAndGet();
            synchronized (lock) {
                unlocked = false;
            }
            return true;
        }
    }

    /**
     * A live capture-like source: each create() waits on the pipeline clock for one interval,
     * then returns a buffer without timestamps (do-timestamp stamps it). unlock() unschedules
     * the wait, as a real device source would abort a read.
     */
    static final class LiveSrc extends PushSrc {
        private volatile ClockId waiting;
        private volatile boolean unlocked;
        final AtomicInteger created = new AtomicInteger();

        LiveSrc(String name) {
            super(PadTemplate.src(Caps.parse("test/x-data")));
            setName(name);
            setLive(true);
            setFormat(Format.TIME);
        }

        @Override
        protected Buffer create() throws FlowException {
            Clock clock = getClock();
            if (clock == null) {
                throw new FlowException(FlowReturn.ERROR, getName() + " needs a clock");
            }
            ClockId id = clock.newSingleShotId(clock.getTime() + 2 * ClockTime.MSECOND);
            waiting = id;
            if (unlocked) {
                id.unschedule();
            }
            ClockReturn r = id.waitFor().ret();
            waiting = null;
            if (r == ClockReturn.UNSCHEDULED) {
                throw new FlowException(FlowReturn.FLUSHING, getName() + ": unlocked");
            }
            created.incrementAndGet();
            return Buffer.wrap(new byte[] {1});
        }

        @Override
        protected boolean unlock() {
            unlocked = true;
            ClockId id = waiting;
            if (id != null) {
                id.unschedule();
            }
            return true;
        }

        @Override
        protected boolean unlockStop() {
            unlocked = false;
            return true;
        }
    }

    /**
     * A video-like source that can make any size in a range and prefers 500x300 when it must
     * choose, as a camera prefers its native resolution.
     */
    static final class RangeSrc extends PushSrc {
        private final boolean preferNative;
        private volatile boolean refuseCaps;
        final List<Caps> setCapsCalls = new CopyOnWriteArrayList<>();

        RangeSrc(String name, boolean preferNative) {
            super(PadTemplate.src(Caps.parse("video/x-raw, width=(int)[ 1, 1000 ], height=(int)[ 1, 1000 ]")));
            setName(name);
            this.preferNative = preferNative;
            setFormat(Format.TIME);
        }

        void refuseCaps() {
            refuseCaps = true;
        }

        @Override
        protected Caps fixate(Caps caps) {
            if (!preferNative) {
                return super.fixate(caps);
            }
            var s = caps.structure(0).fixateFieldNearestInt("width", 500).fixateFieldNearestInt("height", 300);
            return super.fixate(Caps.of(s));
        }

        @Override
        protected boolean setCaps(Caps caps) {
            setCapsCalls.add(caps);
            return !refuseCaps;
        }

        @Override
        protected Buffer create() {
            return Buffer.wrap(new byte[4]);
        }
    }

    /** A source that produces anything (caps ANY) and sets no timestamps. */
    static final class AnySrc extends PushSrc {
        AnySrc(String name) {
            super(PadTemplate.src(Caps.ANY));
            setName(name);
        }

        @Override
        protected Buffer create() {
            return Buffer.wrap(new byte[2]);
        }
    }

    /** A source whose resource cannot be opened: start() posts an ERROR and fails. */
    static final class FailingStartSrc extends PushSrc {
        FailingStartSrc(String name) {
            super(PadTemplate.src(Caps.ANY));
            setName(name);
        }

        @Override
        protected boolean start() {
            postError(ErrorCode.RESOURCE_OPEN_READ, "Could not open device \"/dev/nothing\" for reading.",
                    "open(/dev/nothing): No such file or directory");
            return false;
        }
    }
}
