package org.gstmini.plugins.good.videoscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.gstmini.base.video.VideoFormat;
import org.gstmini.base.video.VideoInfo;
import org.gstmini.core.Buffer;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Registry;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.parse.Parse;
import org.gstmini.plugins.good.coreelements.CoreElementsPlugin;
import org.gstmini.plugins.good.coreelements.FakeSink;
import org.gstmini.plugins.good.videotestsrc.VideoTestSrcPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * videoscale in real pipelines made by {@code Parse.launch}, as a user writes them: videotestsrc
 * pictures of each format reach a fakesink at the negotiated size, the pipeline ends with EOS
 * and goes back to NULL.
 */
class VideoScalePipelineTest {
    private static final long BUS_TIMEOUT = TimeUnit.SECONDS.toNanos(20);

    @BeforeAll
    static void register() {
        Registry r = Registry.get();
        if (r.findFactory("fakesink") == null) {
            r.registerStatic(new CoreElementsPlugin());
        }
        if (r.findFactory("videotestsrc") == null) {
            r.registerStatic(new VideoTestSrcPlugin());
        }
        if (r.findFactory("videoscale") == null) {
            r.registerStatic(new VideoScalePlugin());
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "I420  | nearest-neighbour | width=200                                   | 200 | 240 | 8/5",
        "RGB   | bilinear          | width=640,height=480                        | 640 | 480 | 1/1",
        "BGRx  | bilinear          | width=100,height=100,pixel-aspect-ratio=1/1 | 100 | 100 | 1/1",
        "GRAY8 | nearest-neighbour | height=60,pixel-aspect-ratio=1/1            |  80 |  60 | 1/1",
        "RGBA  | bilinear          | format=RGBA                                 | 320 | 240 | 1/1",
    })
    void picturesReachTheSinkAtTheNegotiatedSize(VideoFormat format, String method, String downstream, int width,
            int height, String par) {
        Pipeline p = assertInstanceOf(Pipeline.class, Parse.launch("videotestsrc num-buffers=3 ! video/x-raw,format="
                + format + ",width=320,height=240 ! videoscale method=" + method + " ! video/x-raw," + downstream
                + " ! fakesink name=sink signal-handoffs=true"));
        FakeSink sink = (FakeSink) p.getByName("sink");
        List<Buffer> seen = new CopyOnWriteArrayList<>();
        sink.addHandoffListener((s, buffer, pad) -> seen.add(buffer));
        try {
            p.setState(State.PLAYING);
            Message m = p.getBus().timedPop(BUS_TIMEOUT, MessageType.EOS, MessageType.ERROR);
            assertNotNull(m, "no EOS within 20 s");
            assertEquals(MessageType.EOS, m.type(), m.toString());
            Caps caps = sink.getSinkPad().getCurrentCaps();
            Structure s = caps.structure(0);
            assertEquals(width, s.getInt("width"));
            assertEquals(height, s.getInt("height"));
            assertEquals(Fraction.parse(par), s.getFraction("pixel-aspect-ratio"));
            assertEquals(3, seen.size());
            int frame = VideoInfo.of(format, width, height).size();
            assertTrue(seen.stream().allMatch(b -> b.size() == frame), "every buffer one " + caps + " frame");
        } finally {
            assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        }
    }
}
