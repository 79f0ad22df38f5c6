package org.gstmini.examples.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GstInspectTest {
    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        String all() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }

        /** Asserts that these lines follow each other exactly, somewhere in the output. */
        void assertBlock(String... block) {
            List<String> lines = lines();
            List<String> want = List.of(block);
            for (int i = 0; i + want.size() <= lines.size(); i++) {
                if (lines.subList(i, i + want.size()).equals(want)) {
                    return;
                }
            }
            throw new AssertionError("missing block:\n" + String.join("\n", want) + "\n\nin:\n" + all());
        }
    }

    static Run inspect(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GstInspect.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void registerTestElements() {
        ToolTestSink.register();
    }

    @Test
    void withoutArgumentsListsEveryPluginAndFeature() {
        Run run = inspect();
        assertEquals(0, run.code(), run.all());
        List<String> lines = run.lines();
        assertTrue(lines.contains("staticelements:  bin: Generic bin"), run.all());
        assertTrue(lines.contains("staticelements:  pipeline: Pipeline object"), run.all());
        assertTrue(lines.contains("staticelements:  chain (TracerFactory)"), run.all());
        assertTrue(lines.contains("staticelements:  log (TracerFactory)"), run.all());
        assertTrue(lines.contains("hello:  ticksrc: Tick source"), run.all());
        assertTrue(lines.contains("hello:  uppercase: Upper case"), run.all());
        assertEquals("", lines.get(lines.size() - 2), run.all());
        assertTrue(lines.get(lines.size() - 1).matches("Total count: \\d+ plugins, \\d+ features"), run.all());
        // plugins in name order, features in name order within each
        List<String> features = lines.subList(0, lines.size() - 2);
        assertEquals(features.stream().sorted((a, b) -> a.substring(0, a.indexOf(':'))
                .compareTo(b.substring(0, b.indexOf(':')))).toList(), features, run.all());
    }

    @Test
    void anElementShowsFactoryPluginHierarchyPadsAndProperties() {
        Run run = inspect("ticksrc");
        assertEquals(0, run.code(), run.all());
        run.assertBlock(
                "Factory Details:",
                "  Rank                     none (0)",
                "  Long-name                Tick source",
                "  Klass                    Source",
                "  Description              Produces \"tick N\" text buffers on the clock",
                "  Author                   gst-mini examples",
                "",
                "Plugin Details:",
                "  Name                     hello",
                "  Description              Demo elements of the README's first pipeline");
        run.assertBlock(
                "java.lang.Object",
                " +----org.gstmini.core.Element",
                "       +----org.gstmini.examples.hello.TickSource",
                "",
                "Element Flags:",
                "  - SOURCE",
                "",
                "Pad Templates:",
                "  SRC template: 'src'",
                "    Availability: Always",
                "    Capabilities:",
                "      text/x-raw",
                "                 format: utf8",
                "",
                "Element has no clocking capabilities.",
                "",
                "Pads:",
                "  SRC: 'src'",
                "    Pad Template: 'src'",
                "",
                "Element Properties:",
                "  interval            : Time between ticks in nanoseconds",
                "                        flags: readable, writable, changeable only in NULL or READY state",
                "                        Integer64. Range: 1000000 - 10000000000 Default: 200000000 ",
                "  name                : The name of the object",
                "                        flags: readable, writable");
        run.assertBlock(
                "  num-buffers         : Number of ticks before EOS (-1 = unlimited)",
                "                        flags: readable, writable, changeable only in NULL or READY state",
                "                        Integer. Range: -1 - 2147483647 Default: 5 ");
        assertTrue(run.out().matches("(?s).*\n                        String\\. Default: \"ticksrc\\d+\"\n.*"), run.all());
    }

    @Test
    void thePipelineFactoryOfTheCore() {
        Run run = inspect("pipeline");
        assertEquals(0, run.code(), run.all());
        run.assertBlock("Plugin Details:", "  Name                     staticelements");
        run.assertBlock("Pad Templates:", "  none", "", "Element has no clocking capabilities.", "", "Pads:", "  none");
        run.assertBlock(
                "  auto-flush-bus      : Whether to automatically flush the pipeline's bus when going from READY into NULL state",
                "                        flags: readable, writable, changeable in NULL, READY, PAUSED or PLAYING state",
                "                        Boolean. Default: true");
        run.assertBlock(
                "  latency             : Latency to configure on the pipeline (-1 = use the measured latency)",
                "                        flags: readable, writable, changeable in NULL, READY, PAUSED or PLAYING state",
                "                        Integer64. Range: -1 - 9223372036854775807 Default: -1 ");
        run.assertBlock(" +----org.gstmini.core.Element", "       +----org.gstmini.core.Bin",
                "             +----org.gstmini.core.Pipeline");
    }

    @Test
    void everyPropertyTypeInGStreamersWords() {
        Run run = inspect("tooltestsink");
        assertEquals(0, run.code(), run.all());
        run.assertBlock("Element Flags:", "  - SINK", "  - REQUIRE_CLOCK");
        run.assertBlock("Clocking Interaction:", "  element requires a clock");
        run.assertBlock("  SINK template: 'sink'", "    Availability: Always", "    Capabilities:", "      ANY");
        run.assertBlock("Pads:", "  none");
        run.assertBlock(
                "  action              : What to do on the way to PLAYING",
                "                        flags: readable, writable, changeable only in NULL or READY state",
                "                        Enum \"ToolTestSinkAction\" Default: 0, \"eos\"",
                "                           (0): eos              - Post EOS in PLAYING",
                "                           (1): error-in-paused  - Fail on the way to PAUSED",
                "                           (2): error-in-playing - Post an error in PLAYING",
                "  count               : A read-only number",
                "                        flags: readable",
                "                        Integer. Default: 0 ");
        run.assertBlock(
                "  filter              : Some caps",
                "                        flags: readable, writable, changeable only in NULL or READY state",
                " ".repeat(24 + 27) + "video/x-raw",
                " ".repeat(24 + 27 + 2 + 10) + "width: [ 1, 640 ]",
                " ".repeat(24 + 27 + 2 + 9) + "format: { (string)RGB, (string)I420 }",
                "",
                "  level               : A double",
                "                        flags: readable, writable, changeable in NULL, READY, PAUSED or PLAYING state",
                "                        Double. Range:               0 -               1 Default:             0.5 ",
                "  location            : A string without default",
                "                        flags: readable, writable, changeable only in NULL or READY state",
                "                        String. Default: null");
        run.assertBlock(
                "  rate                : A fraction",
                "                        flags: readable, writable, changeable only in NULL or READY state",
                "                        Fraction. Range: 0/1 - 2147483647/1 Default: 30/1 ",
                "  tags                : Post a TAG message first",
                "                        flags: readable, writable, changeable only in NULL, READY or PAUSED state",
                "                        Boolean. Default: false");
    }

    @Test
    void aPluginShowsItsDetailsAndFeatures() {
        Run run = inspect("hello");
        assertEquals(0, run.code(), run.all());
        run.assertBlock(
                "Plugin Details:",
                "  Name                     hello",
                "  Description              Demo elements of the README's first pipeline");
        run.assertBlock("  Version                  0.1.0", "  License                  LGPL");
        run.assertBlock("  Source module            org.gstmini.examples", "  Origin URL               gst-mini examples", "");
        run.assertBlock(
                "  consolesink: Console sink",
                "  ticksrc: Tick source",
                "  uppercase: Upper case",
                "",
                "  3 features:",
                "  +-- 3 elements",
                "");

        Run core = inspect("staticelements");
        core.assertBlock("  bin: Generic bin", "  chain (TracerFactory)", "  log (TracerFactory)",
                "  pipeline: Pipeline object", "", "  4 features:", "  +-- 2 elements", "  +-- 2 tracers");
    }

    @Test
    void aTracerShowsItsDescriptionAndHowToEnableIt() {
        Run run = inspect("chain");
        assertEquals(0, run.code(), run.all());
        run.assertBlock("Factory Details:", "  Name                     chain");
        assertTrue(run.out().contains("  Description              Prints every push and chain call"), run.all());
        run.assertBlock(" +----org.gstmini.core.debug.Tracer", "       +----org.gstmini.core.debug.ChainTracer");
        assertTrue(run.out().contains("GST_MINI_TRACERS=\"chain\""), run.all());
    }

    @Test
    void anUnknownNameFailsWithCloseMatches() {
        Run run = inspect("tickrc");
        assertEquals(1, run.code(), run.all());
        assertEquals("", run.out(), run.all());
        assertEquals("No such element or plugin 'tickrc'; did you mean 'ticksrc'?\n", run.err(), run.all());

        Run far = inspect("zzzzzzzzzzzz");
        assertEquals(1, far.code(), far.all());
        assertEquals("No such element or plugin 'zzzzzzzzzzzz'\n", far.err(), far.all());
    }

    @Test
    void optionsHelpPrintAllAndPluginOnly() {
        Run help = inspect("-h");
        assertEquals(0, help.code(), help.all());
        assertTrue(help.out().startsWith("Usage:\n  gst-inspect [OPTION...]"), help.all());

        Run all = inspect("-a");
        assertEquals(0, all.code(), all.all());
        assertTrue(all.lines().contains("ticksrc: Factory Details:"), "every line names its element:\n" + all.all());
        assertTrue(all.lines().contains("pipeline:   Long-name                Pipeline object"), all.all());

        Run plugin = inspect("--plugin", "ticksrc");
        assertEquals(1, plugin.code(), "ticksrc is an element, not a plugin:\n" + plugin.all());

        Run bad = inspect("--bogus");
        assertEquals(1, bad.code(), bad.all());
    }

    @Test
    void cStyleNumbers() {
        assertEquals("0", Formats.cG(0));
        assertEquals("1", Formats.cG(1));
        assertEquals("0.5", Formats.cG(0.5));
        assertEquals("10", Formats.cG(10));
        assertEquals("1e+07", Formats.cG(1e7));
        assertEquals("1234567", Formats.cG(1234567));
        assertEquals("1.234568e+07", Formats.cG(12345678));
        assertEquals("0.0001", Formats.cG(1e-4));
        assertEquals("1e-05", Formats.cG(1e-5));
        assertEquals("-2.5", Formats.cG(-2.5));
        assertEquals("1.797693e+308", Formats.cG(Double.MAX_VALUE));
        assertEquals("              1", Formats.cG15(1));
    }
}
