package org.gstmini.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.NoSuchElementFactoryException;
import org.gstmini.core.Pipeline;
import org.gstmini.core.PluginInfo;
import org.gstmini.core.Rank;
import org.gstmini.core.Registry;
import org.gstmini.core.debug.Tracer;
import org.gstmini.core.debug.TracerFactory;
import org.gstmini.core.spi.PluginRegistrar;
import org.junit.jupiter.api.Test;

/**
 * The registry with plugins added through {@link Registry#registerStatic}: metadata, names,
 * lookups, and what happens when plugins fail or clash.
 */
class RegistryTest {

    private static ElementFactory sinkFactory(String name, Rank rank) {
        return ElementFactory.builder(name, CountingSink::new)
                .longName("Counting Sink " + name)
                .klass("Sink/Test")
                .description("Counts buffers")
                .author("gst-mini tests")
                .rank(rank)
                .padTemplate(CountingSink.SINK_TEMPLATE)
                .build();
    }

    private static TestPlugin pluginWith(String pluginName, ElementFactory... factories) {
        return new TestPlugin(pluginName, r -> {
            for (ElementFactory f : factories) {
                r.registerElement(f);
            }
        });
    }

    private static boolean anyContains(List<String> messages, String... parts) {
        return messages.stream().anyMatch(m -> List.of(parts).stream().allMatch(m::contains));
    }

    // ---------------------------------------------------------------- the core's own plugin

    @Test
    void aNewRegistryHoldsOnlyStaticElements() {
        Registry r = new Registry();

        assertEquals(List.of("staticelements"), r.plugins().stream().map(PluginInfo::name).toList());
        assertEquals(List.of("bin", "pipeline"), r.factories().stream().map(ElementFactory::getName).toList());
        assertEquals(List.of(), r.loadErrors());

        ElementFactory bin = r.findFactoryOrThrow("bin");
        assertEquals("Generic bin", bin.getLongName());
        assertEquals("Generic/Bin", bin.getKlass());
        ElementFactory pipeline = r.findFactoryOrThrow("pipeline");
        assertEquals("Pipeline object", pipeline.getLongName());
        assertEquals("Generic/Bin", pipeline.getKlass());
        assertEquals("staticelements", pipeline.getPlugin().name());
        assertTrue(pipeline.getPlugin().filename().startsWith("module org.gstmini.core"),
                pipeline.getPlugin().filename());
    }

    @Test
    void staticElementsMakeBinsAndPipelines() {
        Registry r = new Registry();

        Element p = r.make("pipeline", "pipe");
        Element b = r.make("bin", null);

        assertInstanceOf(Pipeline.class, p);
        assertEquals("pipe", p.getName());
        assertInstanceOf(Bin.class, b);
        assertSame(r.findFactory("bin"), b.getFactory());
    }

    // ---------------------------------------------------------------- registerStatic

    @Test
    void registerStaticAddsThePluginAndItsFactories() {
        Registry r = new Registry();
        ElementFactory f = sinkFactory("regmetasink", Rank.SECONDARY);

        assertTrue(r.registerStatic(pluginWith("regmeta", f)));

        assertSame(f, r.findFactory("regmetasink"));
        assertEquals("Counting Sink regmetasink", f.getLongName());
        assertEquals("Sink/Test", f.getKlass());
        assertEquals("Counts buffers", f.getDescription());
        assertEquals("gst-mini tests", f.getAuthor());
        assertEquals(Rank.SECONDARY, f.getRank());
        assertEquals(List.of(CountingSink.SINK_TEMPLATE), f.getPadTemplates());

        PluginInfo info = r.findPlugin("regmeta");
        assertNotNull(info);
        assertSame(info, f.getPlugin());
        assertEquals("test plugin regmeta", info.description());
        assertEquals("1.2.3", info.version());
        assertEquals("LGPL", info.license());
        assertEquals("https://example.com/regmeta", info.origin());
        // Test classes are patched into the core module, so that is where the plugin comes from.
        assertTrue(info.filename().startsWith("module org.gstmini.core"), info.filename());

        assertEquals(List.of(f), r.factoriesOfPlugin("regmeta"));
        assertEquals(List.of("regmeta", "staticelements"), r.plugins().stream().map(PluginInfo::name).toList());
        assertEquals(List.of(), r.loadErrors());
    }

    @Test
    void madeElementsGetDefaultNamesFromTheFactoryAndCount() {
        Registry r = new Registry();
        r.registerStatic(pluginWith("regnames", sinkFactory("regautosink", Rank.NONE)));

        Element first = r.make("regautosink", null);
        Element second = r.findFactoryOrThrow("regautosink").create(null);

        assertEquals("regautosink0", first.getName());
        assertEquals("regautosink1", second.getName());
        assertInstanceOf(CountingSink.class, first);
        assertEquals("regautosink", first.getFactory().getName());
        assertNotNull(first.getStaticPad("sink"));
    }

    @Test
    void madeElementsKeepAnExplicitName() {
        Registry r = new Registry();
        r.registerStatic(pluginWith("regexplicit", sinkFactory("regnamedsink", Rank.NONE)));

        Element e = r.make("regnamedsink", "mysink");

        assertEquals("mysink", e.getName());
    }

    // ---------------------------------------------------------------- unknown names

    @Test
    void anUnknownNameSuggestsTheClosestFactory() {
        Registry r = new Registry();
        r.registerStatic(pluginWith("regtypo", sinkFactory("regtestsink", Rank.NONE)));

        assertNull(r.findFactory("regtestsnk"));
        NoSuchElementFactoryException e = assertThrows(NoSuchElementFactoryException.class,
                () -> r.make("regtestsnk", null));

        assertEquals("no element \"regtestsnk\"; did you mean 'regtestsink'?", e.getMessage());
        assertEquals("regtestsnk", e.name());
        assertEquals(List.of("regtestsink"), e.suggestions());
        assertInstanceOf(IllegalArgumentException.class, e);
    }

    @Test
    void anUnknownNameWithNothingCloseSaysWherePluginsAreFound() {
        Registry r = new Registry();

        NoSuchElementFactoryException e = assertThrows(NoSuchElementFactoryException.class,
                () -> r.findFactoryOrThrow("xyzzyquux"));

        assertEquals(List.of(), e.suggestions());
        assertTrue(e.getMessage().startsWith("no element \"xyzzyquux\""), e.getMessage());
        assertTrue(e.getMessage().contains(Registry.PLUGIN_PATH_ENV), e.getMessage());
    }

    // ---------------------------------------------------------------- failing plugins

    @Test
    void aPluginWhoseInitThrowsIsReportedAndTheOthersStillLoad() {
        Registry r = new Registry();
        TestPlugin broken = new TestPlugin("regbroken", reg -> {
            reg.registerElement(sinkFactory("regbrokensink", Rank.PRIMARY));
            throw new IllegalStateException("cannot open the device list");
        });

        assertFalse(r.registerStatic(broken));
        assertTrue(r.registerStatic(pluginWith("reggood", sinkFactory("reggoodsink", Rank.NONE))));

        assertNull(r.findPlugin("regbroken"));
        assertNull(r.findFactory("regbrokensink"), "a failed init registers none of its features");
        assertNotNull(r.findFactory("reggoodsink"));
        List<String> errors = r.loadErrors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(anyContains(errors, "regbroken", TestPlugin.class.getName(), "cannot open the device list"),
                errors.toString());
    }

    @Test
    void aPluginThatCannotNameItselfIsReported() {
        Registry r = new Registry();
        TestPlugin nameless = new TestPlugin(null, reg -> reg.registerElement(sinkFactory("regnamelesssink", Rank.NONE)));

        assertFalse(r.registerStatic(nameless));

        assertNull(r.findFactory("regnamelesssink"));
        assertTrue(anyContains(r.loadErrors(), TestPlugin.class.getName(), "name"), r.loadErrors().toString());
    }

    @Test
    void registeringAfterInitReturnedIsRefused() {
        Registry r = new Registry();
        AtomicReference<PluginRegistrar> kept = new AtomicReference<>();
        r.registerStatic(new TestPlugin("reglate", kept::set));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> kept.get().registerElement(sinkFactory("reglatesink", Rank.NONE)));

        assertTrue(e.getMessage().contains("reglate"), e.getMessage());
        assertNull(r.findFactory("reglatesink"));
    }

    @Test
    void aSecondPluginWithTheSameNameIsIgnoredAndReported() {
        Registry r = new Registry();
        r.registerStatic(pluginWith("regtwin", sinkFactory("regtwinsink-a", Rank.NONE)));

        assertFalse(r.registerStatic(pluginWith("regtwin", sinkFactory("regtwinsink-b", Rank.NONE))));

        assertNotNull(r.findFactory("regtwinsink-a"));
        assertNull(r.findFactory("regtwinsink-b"));
        assertTrue(anyContains(r.loadErrors(), "regtwin", "already loaded"), r.loadErrors().toString());
    }

    // ---------------------------------------------------------------- name clashes

    @Test
    void onAFactoryNameClashTheHigherRankWinsWhateverTheOrder() {
        ElementFactory low = sinkFactory("regdupsink", Rank.MARGINAL);
        ElementFactory high = sinkFactory("regdupsink", Rank.PRIMARY);

        Registry lowFirst = new Registry();
        lowFirst.registerStatic(pluginWith("reglow", low));
        lowFirst.registerStatic(pluginWith("reghigh", high));
        Registry highFirst = new Registry();
        highFirst.registerStatic(pluginWith("reghigh", high));
        highFirst.registerStatic(pluginWith("reglow", low));

        for (Registry r : List.of(lowFirst, highFirst)) {
            assertSame(high, r.findFactory("regdupsink"));
            assertEquals("reghigh", r.findFactory("regdupsink").getPlugin().name());
            assertEquals(List.of(), r.factoriesOfPlugin("reglow"));
            assertEquals(1, r.loadErrors().size(), r.loadErrors().toString());
            assertTrue(anyContains(r.loadErrors(), "regdupsink", "\"reglow\"", "\"reghigh\"", "MARGINAL", "PRIMARY"),
                    r.loadErrors().toString());
        }
    }

    @Test
    void onAFactoryNameClashWithEqualRanksTheFirstStays() {
        ElementFactory first = sinkFactory("regtiesink", Rank.SECONDARY);
        ElementFactory second = sinkFactory("regtiesink", Rank.SECONDARY);
        Registry r = new Registry();

        r.registerStatic(pluginWith("regfirst", first));
        assertTrue(r.registerStatic(pluginWith("regsecond", second)), "the plugin itself still loads");

        assertSame(first, r.findFactory("regtiesink"));
        assertNotNull(r.findPlugin("regsecond"));
        assertTrue(anyContains(r.loadErrors(), "regtiesink", "\"regfirst\"", "\"regsecond\"", "keeping"),
                r.loadErrors().toString());
    }

    @Test
    void aFactoryCannotReplaceBinOrPipelineWithoutAHigherRank() {
        Registry r = new Registry();
        ElementFactory fakeBin = ElementFactory.builder("bin", CountingSink::new).rank(Rank.PRIMARY).build();

        r.registerStatic(pluginWith("regbinclash", fakeBin));

        assertInstanceOf(Bin.class, r.make("bin", null));
        assertTrue(anyContains(r.loadErrors(), "\"bin\"", "staticelements", "regbinclash"), r.loadErrors().toString());
    }

    // ---------------------------------------------------------------- lookups

    @Test
    void factoriesWithKlassAreSortedByRankThenName() {
        Registry r = new Registry();
        r.registerStatic(pluginWith("regklass",
                ElementFactory.builder("regvsink-b", CountingSink::new).klass("Sink/Video").rank(Rank.SECONDARY).build(),
                ElementFactory.builder("regvsink-a", CountingSink::new).klass("Sink/Video").rank(Rank.SECONDARY).build(),
                ElementFactory.builder("regvsink-top", CountingSink::new).klass("Sink/Video").rank(Rank.PRIMARY).build(),
                ElementFactory.builder("regvsink-none", CountingSink::new).klass("Video/Sink").rank(Rank.NONE).build(),
                ElementFactory.builder("regasink", CountingSink::new).klass("Sink/Audio").rank(Rank.PRIMARY).build()));

        List<String> names = r.factoriesWithKlass("Sink", "Video").stream().map(ElementFactory::getName).toList();

        assertEquals(List.of("regvsink-top", "regvsink-a", "regvsink-b", "regvsink-none"), names);
        assertEquals(List.of("bin", "pipeline"),
                r.factoriesWithKlass("Bin").stream().map(ElementFactory::getName).toList());
    }

    @Test
    void tracersAreRegisteredFoundAndClashesReported() {
        Registry r = new Registry();
        TracerFactory chain = new TracerFactory("regchain", "prints the call chain", params -> new Tracer() {
        });
        TracerFactory other = new TracerFactory("regchain", "another one", params -> new Tracer() {
        });
        TracerFactory stats = new TracerFactory("regstats", "counts buffers", params -> new Tracer() {
        });

        r.registerStatic(new TestPlugin("regtracers", reg -> {
            reg.registerTracer(stats);
            reg.registerTracer(chain);
        }));
        r.registerStatic(new TestPlugin("regtracers2", reg -> reg.registerTracer(other)));

        assertSame(chain, r.findTracer("regchain"));
        assertNull(r.findTracer("nosuchtracer"));
        // Every registry also holds the core's own tracers (the "log" tracer of staticelements).
        assertTrue(r.tracerFactories().containsAll(List.of(chain, stats)), r.tracerFactories().toString());
        assertNotNull(r.findTracer("log"));
        assertEquals(List.of(chain, stats), r.tracerFactoriesOfPlugin("regtracers"));
        assertEquals(List.of(), r.tracerFactoriesOfPlugin("regtracers2"));
        assertTrue(anyContains(r.loadErrors(), "regchain", "regtracers", "regtracers2"), r.loadErrors().toString());
    }

    // ---------------------------------------------------------------- the default registry

    @Test
    void theDefaultRegistryIsLoadedOnceAndUsedByElementFactoryMake() {
        Registry r = Registry.get();
        assertSame(r, Registry.get());
        assertNotNull(r.findPlugin("staticelements"));

        r.registerStatic(pluginWith("regdefault", sinkFactory("regdefaultsink", Rank.NONE)));
        Element e = ElementFactory.make("regdefaultsink", "d");

        assertInstanceOf(CountingSink.class, e);
        assertEquals("d", e.getName());
        assertInstanceOf(Pipeline.class, ElementFactory.make("pipeline"));
        NoSuchElementFactoryException missing = assertThrows(NoSuchElementFactoryException.class,
                () -> ElementFactory.make("regdefaultsnk"));
        assertTrue(missing.getMessage().contains("did you mean 'regdefaultsink'?"), missing.getMessage());
    }

    @Test
    void theDefaultRegistryIsTheSameForConcurrentFirstCallers() throws Exception {
        int n = 8;
        Registry[] seen = new Registry[n];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            threads[i] = new Thread(() -> seen[k] = Registry.get(), "registry-get-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " still waits for the registry");
        }
        for (Registry r : seen) {
            assertSame(Registry.get(), r);
        }
    }
}
