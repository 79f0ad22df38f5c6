package org.gstmini.core.parse;

import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Property;
import org.gstmini.core.Registry;
import org.gstmini.core.StateChange;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.spi.Plugin;
import org.gstmini.core.spi.PluginRegistrar;
import org.gstmini.core.testing.TestElementsPlugin;
import org.gstmini.core.testing.TestSink;
import org.gstmini.core.testing.TestSrc;

/**
 * Elements for the parser's tests, on top of the core's test elements: "proptest" (one property
 * of every kind), "dynsrc" (a sometimes pad that appears on READY→PAUSED, like a demuxer's),
 * "twoin" (two always sink pads), "testfunnel" (request sink pads), "audiosrc" (audio/x-raw only).
 */
final class ParseTestElements implements Plugin {
    private static boolean registered;

    /** Registers the core test elements and these into the default registry, once. */
    static synchronized void register() {
        TestElementsPlugin.register();
        if (!registered) {
            Registry.get().registerStatic(new ParseTestElements());
            registered = true;
        }
    }

    /** A registry with testsrc and testsink only: no capsfilter. */
    static Registry withoutCapsFilter() {
        Registry r = new Registry();
        r.registerStatic(new Plugin() {
            @Override
            public String name() {
                return "nocapsfilter";
            }

            @Override
            public String description() {
                return "testsrc and testsink only";
            }

            @Override
            public String version() {
                return "0.1.0";
            }

            @Override
            public String license() {
                return "LGPL";
            }

            @Override
            public String origin() {
                return "gst-mini tests";
            }

            @Override
            public void init(PluginRegistrar reg) {
                reg.registerElement(ElementFactory.builder("testsrc", TestSrc::new).klass("Source")
                        .padTemplate(PadTemplate.src(Caps.ANY)).build());
                reg.registerElement(ElementFactory.builder("testsink", TestSink::new).klass("Sink")
                        .padTemplate(PadTemplate.sink(Caps.ANY)).build());
            }
        });
        return r;
    }

    /** An enum with GStreamer-style nicks and numbers. */
    enum Mode {
        @Property.Nick(value = 0, nick = "fast")
        FAST,
        @Property.Nick(value = 1, nick = "careful")
        CAREFUL,
        @Property.Nick(value = 7, nick = "wild-guess")
        WILD_GUESS
    }

    /** Has a property of every type; passes nothing (pads only for linking). */
    static final class PropTest extends Element {
        static final Property<Integer> COUNT = Property.ofInt("count", "An int", -100, 100, 0);
        static final Property<Long> BIG = Property.ofLong("big", "A long", Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        static final Property<Double> RATIO = Property.ofDouble("ratio", "A double", -1e9, 1e9, 1.0);
        static final Property<Boolean> FLAG = Property.ofBoolean("flag", "A boolean", false);
        static final Property<String> LABEL = Property.ofString("label", "A string", null);
        static final Property<Mode> MODE = Property.ofEnum("mode", "An enum", Mode.FAST);
        static final Property<Fraction> RATE = Property.ofFraction("rate", "A fraction", Fraction.of(0, 1),
                Fraction.of(1000, 1), Fraction.of(25, 1));
        static final Property<Caps> CAPS = Property.ofCaps("caps", "Caps", Caps.ANY);
        static final Property<Integer> STATS = Property.readOnly("stats", "Read-only", Integer.class, 42);

        PropTest() {
            installProperty(COUNT, BIG, RATIO, FLAG, LABEL, MODE, RATE, CAPS, STATS);
            addPad(new Pad("sink", PadTemplate.sink(Caps.ANY)));
            addPad(new Pad("src", PadTemplate.src(Caps.ANY)));
        }
    }

    static final PadTemplate DYN_TEMPLATE = new PadTemplate("src_%u", PadDirection.SRC, PadPresence.SOMETIMES, Caps.ANY);

    /** Adds a sometimes pad "src_0" on READY→PAUSED, as a demuxer does once it knows the streams. */
    static final class DynSrc extends Element {
        DynSrc() {
        }

        @Override
        protected StateChangeReturn changeState(StateChange transition) {
            StateChangeReturn ret = super.changeState(transition);
            if (transition == StateChange.READY_TO_PAUSED && getStaticPad("src_0") == null) {
                addPad(new Pad("src_0", DYN_TEMPLATE));
            }
            return ret;
        }
    }

    static final PadTemplate SINK_A = new PadTemplate("sink_a", PadDirection.SINK, PadPresence.ALWAYS, Caps.ANY);
    static final PadTemplate SINK_B = new PadTemplate("sink_b", PadDirection.SINK, PadPresence.ALWAYS, Caps.ANY);

    /** Two always sink pads, like a muxer with fixed inputs; swallows everything. */
    static final class TwoIn extends Element {
        TwoIn() {
            addPad(new Pad("sink_a", SINK_A));
            addPad(new Pad("sink_b", SINK_B));
        }
    }

    static final PadTemplate FUNNEL_SINKS = new PadTemplate("sink_%u", PadDirection.SINK, PadPresence.REQUEST, Caps.ANY);

    /** Request sink pads {@code sink_%u} and one source pad, like funnel or a muxer. */
    static final class Funnel extends Element {
        private int next;

        Funnel() {
            addPad(new Pad("src", PadTemplate.src(Caps.ANY)));
        }

        @Override
        protected Pad requestNewPad(PadTemplate template, String padName, Caps caps) {
            Pad p = new Pad(padName != null ? padName : template.nameFor(next++), template);
            addPad(p);
            return p;
        }
    }

    static final PadTemplate AUDIO_SRC = new PadTemplate("src", PadDirection.SRC, PadPresence.ALWAYS,
            Caps.parse("audio/x-raw"));

    /** A source whose pad can only do audio/x-raw. */
    static final class AudioSrc extends Element {
        AudioSrc() {
            addPad(new Pad("src", AUDIO_SRC));
        }
    }

    @Override
    public String name() {
        return "parsetestelements";
    }

    @Override
    public String description() {
        return "elements for the parser's tests";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String license() {
        return "LGPL";
    }

    @Override
    public String origin() {
        return "gst-mini tests";
    }

    @Override
    public void init(PluginRegistrar r) {
        r.registerElement(ElementFactory.builder("proptest", PropTest::new).klass("Generic")
                .padTemplate(PadTemplate.sink(Caps.ANY)).padTemplate(PadTemplate.src(Caps.ANY)).build());
        r.registerElement(ElementFactory.builder("dynsrc", DynSrc::new).klass("Source/Demuxer")
                .padTemplate(DYN_TEMPLATE).build());
        r.registerElement(ElementFactory.builder("twoin", TwoIn::new).klass("Sink")
                .padTemplate(SINK_A).padTemplate(SINK_B).build());
        r.registerElement(ElementFactory.builder("testfunnel", Funnel::new).klass("Generic")
                .padTemplate(FUNNEL_SINKS).padTemplate(PadTemplate.src(Caps.ANY)).build());
        r.registerElement(ElementFactory.builder("audiosrc", AudioSrc::new).klass("Source/Audio")
                .padTemplate(AUDIO_SRC).build());
    }
}
