package org.gstmini.examples.tools;

import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.ElementFlag;
import org.gstmini.core.ErrorCode;
import org.gstmini.core.Event;
import org.gstmini.core.Message;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Registry;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.caps.Structure;
import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;

/**
 * A pad-less sink for the tools' tests: on the way to PLAYING it posts what {@code action}
 * says (EOS, or an ERROR in PAUSED or PLAYING), after a TAG message with {@code tags=true}. Its
 * properties cover every type gst-inspect prints.
 */
final class ToolTestSink extends Element {
    /** What the sink does. */
    enum Action {
        @Property.Nick(value = 0, nick = "eos", description = "Post EOS in PLAYING")
        EOS,
        @Property.Nick(value = 1, nick = "error-in-paused", description = "Fail on the way to PAUSED")
        ERROR_IN_PAUSED,
        @Property.Nick(value = 2, nick = "error-in-playing", description = "Post an error in PLAYING")
        ERROR_IN_PLAYING
    }

    static final Property<Action> ACTION = Property.ofEnum("action", "What to do on the way to PLAYING", Action.EOS);
    static final Property<Boolean> TAGS = Property.ofBoolean("tags", "Post a TAG message first", false)
            .mutableIn(Property.Mutability.PAUSED);
    static final Property<Double> LEVEL = Property.ofDouble("level", "A double", 0, 1, 0.5)
            .mutableIn(Property.Mutability.PLAYING);
    static final Property<Caps> FILTER = Property.ofCaps("filter", "Some caps", Caps.parse("video/x-raw, width=(int)[ 1, 640 ], format=(string){ RGB, I420 }"));
    static final Property<Fraction> RATE = Property.ofFraction("rate", "A fraction", new Fraction(0, 1),
            new Fraction(Integer.MAX_VALUE, 1), new Fraction(30, 1));
    static final Property<String> LOCATION = Property.ofString("location", "A string without default", null);
    static final Property<Integer> COUNT = Property.readOnly("count", "A read-only number", Integer.class, 0);

    static final ElementFactory FACTORY = ElementFactory.builder("tooltestsink", ToolTestSink::new)
            .longName("Tool test sink").klass("Sink").description("Posts what the tools' tests want")
            .author("gst-mini tests").padTemplate(PadTemplate.sink(Caps.ANY)).build();

    ToolTestSink() {
        installProperty(ACTION, TAGS, LEVEL, FILTER, RATE, LOCATION, COUNT);
        setFlag(ElementFlag.SINK, true);
        setFlag(ElementFlag.REQUIRE_CLOCK, true);
    }

    @Override
    protected StateChangeReturn changeState(StateChange transition) {
        if (transition == StateChange.READY_TO_PAUSED && get(ACTION) == Action.ERROR_IN_PAUSED) {
            postError(ErrorCode.RESOURCE_NOT_FOUND, null, getName() + ": no such file \"/nonexistent\"");
            return StateChangeReturn.FAILURE;
        }
        StateChangeReturn ret = super.changeState(transition);
        if (transition == StateChange.PAUSED_TO_PLAYING) {
            if (get(TAGS)) {
                postMessage(new Message.Tag(this, Structure.of("taglist").with("title", "Hello tools")
                        .with("bitrate", 128000)));
            }
            if (get(ACTION) == Action.ERROR_IN_PLAYING) {
                postError(ErrorCode.STREAM_FAILED, "Internal data stream error.", "streaming stopped, reason error");
            } else {
                postMessage(new Message.Eos(this, Event.nextSeqnum()));
            }
        }
        return ret;
    }

    /** Registers "tooltestsink" in the default registry, once. */
    static synchronized void register() {
        if (Registry.get().findFactory("tooltestsink") == null) {
            Registry.get().registerStatic(new PluginDefinition("toolstest", "Elements for the tools' tests", "1.0",
                    "LGPL", "gst-mini tests") {
                @Override
                public void init(PluginRegistrar registrar) {
                    registrar.registerElement(FACTORY);
                }
            });
        }
    }
}
