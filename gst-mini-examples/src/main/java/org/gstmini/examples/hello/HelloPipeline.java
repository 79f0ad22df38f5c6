package org.gstmini.examples.hello;

import java.util.EnumSet;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.debug.DebugLevels;
import org.gstmini.core.parse.Parse;

/**
 * The first pipeline: {@code ticksrc num-buffers=5 ! uppercase ! consolesink}.
 *
 * <p>Run it and watch for three things:
 * <ol>
 *   <li>every line of one buffer's journey is printed by the same thread, {@code ticksrc0:src}:
 *       the source's task. Pushing is a plain method call into the next element;</li>
 *   <li>the indentation grows with each push and shrinks as the {@code FlowReturn} comes back:
 *       the sink has rendered before the source's push returns;</li>
 *   <li>the application thread ({@code main}) only changes state and waits on the bus for EOS.</li>
 * </ol>
 *
 * <pre>
 *   java -p gst-mini-examples/target/modules -m org.gstmini.examples/org.gstmini.examples.hello.HelloPipeline [ticks]
 * </pre>
 */
public final class HelloPipeline {
    private HelloPipeline() {
    }

    public static void main(String[] args) {
        DebugLevels.applyFromEnvironment(); // GST_MINI_DEBUG="*:2,pad:6", before any logger exists
        int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // Elements are made by name from the registry, which found HelloPlugin through ServiceLoader.
        Element src = ElementFactory.make("ticksrc");
        Element upper = ElementFactory.make("uppercase");
        Element sink = ElementFactory.make("consolesink");
        src.setPropertyFromString("num-buffers", Integer.toString(ticks));

        Pipeline pipeline = new Pipeline();
        pipeline.add(src, upper, sink);
        Element.linkMany(src, upper, sink);

        // The same pipeline in gst-launch syntax: Parse.launch(text) would build it from this line.
        System.out.println("[main] pipeline: " + Parse.describe(pipeline));
        System.out.println("[main] Setting pipeline to PLAYING ...");
        System.out.println("[main] " + pipeline.getName() + " returned " + pipeline.setState(State.PLAYING));
        Message msg = pipeline.getBus().timedPop(ClockTime.SECOND * 60, EnumSet.of(MessageType.EOS, MessageType.ERROR));
        if (msg == null) {
            System.out.println("[main] no EOS within 60 s");
        } else {
            System.out.println("[main] Got " + msg);
        }
        System.out.println("[main] Setting pipeline to NULL ...");
        pipeline.setState(State.NULL);
        System.exit(msg != null && msg.type() == MessageType.EOS ? 0 : 1);
    }
}
