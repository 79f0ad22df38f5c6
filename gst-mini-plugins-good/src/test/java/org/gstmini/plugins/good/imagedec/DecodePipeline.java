package org.gstmini.plugins.good.imagedec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Element;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.parse.Parse;
import org.gstmini.plugins.good.coreelements.FakeSink;

/**
 * Runs a pipeline until EOS or ERROR; {@link #run} adds a fakesink and keeps what reached it:
 * every buffer's bytes, timestamps and the caps it came with. Afterwards the pipeline is in
 * NULL and its sources' streaming threads have ended (checked).
 */
public final class DecodePipeline {
    private static final long BUS_TIMEOUT = TimeUnit.SECONDS.toNanos(30);

    /** One buffer as the sink saw it. */
    public record Frame(Caps caps, byte[] data, long pts, long duration) {
        public VideoInfo info() {
            return VideoInfo.fromCaps(caps);
        }
    }

    /** The frames, and the ERROR message if the run ended with one (else it ended with EOS). */
    public record Result(List<Frame> frames, Message.Error error) {
        public Frame only() {
            assertEquals(null, error, "the pipeline failed");
            assertEquals(1, frames.size(), "frames at the sink");
            return frames.get(0);
        }
    }

    private DecodePipeline() {
    }

    /** Runs {@code description ! fakesink} and keeps what reached the fakesink. */
    public static Result run(String description) {
        Pipeline p = (Pipeline) Parse.launch(description + " ! fakesink name=out signal-handoffs=true sync=false");
        FakeSink sink = (FakeSink) p.getByName("out");
        List<Frame> frames = new CopyOnWriteArrayList<>();
        sink.addHandoffListener((s, buffer, pad) -> frames.add(
                new Frame(pad.getCurrentCaps(), buffer.toByteArray(), buffer.pts(), buffer.duration())));
        Message.Error error = playToTheEnd(p);
        return new Result(List.copyOf(frames), error);
    }

    /** Runs a whole pipeline until EOS (null) or ERROR (returned), then sets it to NULL. */
    public static Message.Error play(String description) {
        return playToTheEnd((Pipeline) Parse.launch(description));
    }

    private static Message.Error playToTheEnd(Pipeline p) {
        List<String> sources = p.getSources().stream().map(Element::getName).toList();
        try {
            assertNotEquals(StateChangeReturn.FAILURE, p.setState(State.PLAYING), p.getName());
            Message m = p.getBus().timedPop(BUS_TIMEOUT, MessageType.EOS, MessageType.ERROR);
            assertNotNull(m, "neither EOS nor ERROR within 30 s");
            return m instanceof Message.Error e ? e : null;
        } finally {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
            for (String src : sources) {
                assertTrue(Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.isAlive() && t.getName().startsWith(src + ":")),
                        "a streaming thread of " + src + " is still alive in NULL");
            }
        }
    }

    /** The rows of a raw frame without their padding: {@code bytesPerPixel * width} bytes per row. */
    public static byte[] unpadded(Frame frame) {
        VideoInfo info = frame.info();
        int row = info.width() * info.format().pixelStride();
        byte[] out = new byte[row * info.height()];
        for (int y = 0; y < info.height(); y++) {
            System.arraycopy(frame.data(), info.offset(0) + y * info.stride(0), out, y * row, row);
        }
        return out;
    }
}
