package org.gstmini.examples.sync;

import java.io.PrintStream;
import java.util.EnumSet;
import org.gstmini.core.Bin;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.parse.Parse;

/**
 * What the application thread does in every sync example, as a GStreamer application's main
 * loop would: build the pipeline from a launch line, set it PLAYING, read the bus until EOS or an
 * ERROR (answering LATENCY messages on the way), then set it to NULL, which stops and joins
 * every streaming thread.
 */
final class Playback {
    private Playback() {
    }

    /** Builds {@code description} with {@link Parse#launch}; it must describe more than one element. */
    static Pipeline launch(String description) {
        Element e = Parse.launch(description);
        if (!(e instanceof Pipeline p)) {
            throw new IllegalArgumentException("not a pipeline: " + description);
        }
        return p;
    }

    /** The first child of {@code bin} made by the factory {@code factoryName}. */
    static Element find(Bin bin, String factoryName) {
        for (Element e : bin.getChildren()) {
            if (e.getFactory() != null && e.getFactory().getName().equals(factoryName)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + factoryName + " in " + bin.getName());
    }

    /**
     * Plays {@code pipeline} until EOS (returns 0) or an ERROR or {@code timeout} (returns 1),
     * then sets it to NULL. A LATENCY message means a sink learnt its latency only now (a live
     * pipeline cannot preroll, so its sinks answer the latency query once they have data): the
     * application asks the pipeline to distribute the latency again, as gst-launch does.
     */
    static int playUntilEos(Pipeline pipeline, PrintStream out, long timeout) {
        int code = 1;
        try {
            out.println("[main] Setting pipeline to PLAYING ...");
            StateChangeReturn ret = pipeline.setState(State.PLAYING);
            if (ret == StateChangeReturn.FAILURE) {
                out.println("[main] the pipeline refused to play");
            }
            long deadline = System.nanoTime() + timeout;
            while (ret != StateChangeReturn.FAILURE) {
                long left = deadline - System.nanoTime();
                Message msg = left <= 0 ? null : pipeline.getBus().timedPop(left,
                        EnumSet.of(MessageType.EOS, MessageType.ERROR, MessageType.WARNING, MessageType.LATENCY));
                if (msg == null) {
                    out.println("[main] no EOS within " + ClockTime.format(timeout));
                    break;
                }
                if (msg.type() == MessageType.LATENCY) {
                    pipeline.recalculateLatency();
                } else if (msg.type() == MessageType.WARNING) {
                    out.println("[main] Got " + msg);
                } else {
                    out.println("[main] Got " + msg);
                    code = msg.type() == MessageType.EOS ? 0 : 1;
                    break;
                }
            }
        } finally {
            out.println("[main] Setting pipeline to NULL ...");
            pipeline.setState(State.NULL);
        }
        return code;
    }
}
