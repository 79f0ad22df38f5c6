package org.gstmini.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins the way users ship them: a real jar holding a module that
 * {@code provides org.gstmini.core.spi.Plugin}, compiled by this test from generated sources,
 * then found on the plugin path (in this JVM), on the module path and the class path of a child
 * JVM, and through {@code GST_MINI_PLUGIN_PATH}.
 *
 * <p>The jar holds two providers: {@code Rot13Plugin}, registering the element factory
 * "rot13test", and {@code BrokenPlugin}, whose constructor throws. Every way of loading must
 * report the broken one and still load the good one.
 */
class PluginModuleTest {
    private static final String PROVIDER_MODULE = "com.example.rot13plugin";
    private static final String MAIN_MODULE = "com.example.listplugins";
    private static final String MAIN_CLASS = MAIN_MODULE + ".Main";
    private static final String JAR_NAME = "rot13plugin.jar";

    @TempDir
    static Path work;

    private static Path coreClasses;
    private static Path slf4jApi;
    private static Path pluginDir;
    private static Path providerJar;
    private static Path mainClasses;

    @BeforeAll
    static void buildJars() throws IOException {
        coreClasses = JavaBuild.locationOf(Registry.class);
        slf4jApi = JavaBuild.locationOf(org.slf4j.Logger.class);
        List<Path> modulePath = List.of(coreClasses, slf4jApi);

        Path providerSrc = work.resolve("provider-src");
        Path providerClasses = work.resolve("provider-classes");
        JavaBuild.writeFiles(providerSrc, providerSources());
        JavaBuild.compile(providerSrc, providerClasses, modulePath);
        JavaBuild.writeFiles(providerClasses, Map.of("META-INF/services/org.gstmini.core.spi.Plugin",
                PROVIDER_MODULE + ".Rot13Plugin\n" + PROVIDER_MODULE + ".BrokenPlugin\n"));
        pluginDir = Files.createDirectories(work.resolve("plugins"));
        providerJar = JavaBuild.jar(providerClasses, pluginDir.resolve(JAR_NAME));

        Path mainSrc = work.resolve("main-src");
        mainClasses = work.resolve("main-classes");
        JavaBuild.writeFiles(mainSrc, mainSources());
        JavaBuild.compile(mainSrc, mainClasses, modulePath);
    }

    private static Map<String, String> providerSources() {
        String pkg = PROVIDER_MODULE.replace('.', '/');
        return Map.of(
                "module-info.java", """
                        module com.example.rot13plugin {
                            requires org.gstmini.core;
                            provides org.gstmini.core.spi.Plugin
                                with com.example.rot13plugin.Rot13Plugin, com.example.rot13plugin.BrokenPlugin;
                        }
                        """,
                pkg + "/Rot13.java", """
                        package com.example.rot13plugin;

                        import org.gstmini.core.Element;
                        import org.gstmini.core.Pad;
                        import org.gstmini.core.PadTemplate;
                        import org.gstmini.core.caps.Caps;

                        public final class Rot13 extends Element {
                            static final PadTemplate SINK = PadTemplate.sink(Caps.ANY);
                            static final PadTemplate SRC = PadTemplate.src(Caps.ANY);

                            public Rot13() {
                                addPad(new Pad("sink", SINK));
                                addPad(new Pad("src", SRC));
                            }
                        }
                        """,
                pkg + "/Rot13Plugin.java", """
                        package com.example.rot13plugin;

                        import org.gstmini.core.ElementFactory;
                        import org.gstmini.core.Rank;
                        import org.gstmini.core.spi.Plugin;
                        import org.gstmini.core.spi.PluginRegistrar;

                        public final class Rot13Plugin implements Plugin {
                            public String name() { return "rot13"; }
                            public String description() { return "Caesar's favourite filter"; }
                            public String version() { return "9.9"; }
                            public String license() { return "MIT"; }
                            public String origin() { return "https://example.com/rot13"; }

                            public void init(PluginRegistrar registrar) {
                                registrar.registerElement(ElementFactory.builder("rot13test", Rot13::new)
                                        .longName("ROT13").klass("Filter/Converter").description("Rotates letters")
                                        .author("example").rank(Rank.MARGINAL)
                                        .padTemplate(Rot13.SINK).padTemplate(Rot13.SRC).build());
                            }
                        }
                        """,
                pkg + "/BrokenPlugin.java", """
                        package com.example.rot13plugin;

                        import org.gstmini.core.spi.Plugin;
                        import org.gstmini.core.spi.PluginRegistrar;

                        public final class BrokenPlugin implements Plugin {
                            public BrokenPlugin() {
                                throw new IllegalStateException("BrokenPlugin refuses to start");
                            }
                            public String name() { return "broken"; }
                            public String description() { return ""; }
                            public String version() { return ""; }
                            public String license() { return ""; }
                            public String origin() { return ""; }
                            public void init(PluginRegistrar registrar) { }
                        }
                        """);
    }

    /** A program that loads the default registry and prints what it found, one fact per line. */
    private static Map<String, String> mainSources() {
        return Map.of(
                "module-info.java", """
                        module com.example.listplugins {
                            requires org.gstmini.core;
                        }
                        """,
                MAIN_MODULE.replace('.', '/') + "/Main.java", """
                        package com.example.listplugins;

                        import org.gstmini.core.Element;
                        import org.gstmini.core.ElementFactory;
                        import org.gstmini.core.Registry;

                        public final class Main {
                            public static void main(String[] args) {
                                Registry registry = Registry.get();
                                for (ElementFactory f : registry.factories()) {
                                    System.out.println("factory " + f.getName() + " | " + f.getPlugin().name()
                                            + " | " + f.getPlugin().filename());
                                }
                                for (String error : registry.loadErrors()) {
                                    System.out.println("error " + error);
                                }
                                if (registry.findFactory("rot13test") != null) {
                                    Element e = ElementFactory.make("rot13test", null);
                                    System.out.println("made " + e.getName() + " in " + e.getClass().getModule());
                                }
                            }
                        }
                        """);
    }

    // ---------------------------------------------------------------- in this JVM: a child ModuleLayer

    @Test
    void aPluginDirectoryIsLoadedIntoAChildModuleLayer() {
        Registry r = new Registry();

        assertEquals(1, r.scanPath(List.of(pluginDir)), r.loadErrors().toString());

        ElementFactory f = r.findFactoryOrThrow("rot13test");
        assertEquals("ROT13", f.getLongName());
        assertEquals("Filter/Converter", f.getKlass());
        assertEquals("rot13", f.getPlugin().name());
        assertEquals("9.9", f.getPlugin().version());
        assertTrue(f.getPlugin().filename().startsWith("module " + PROVIDER_MODULE + " ("), f.getPlugin().filename());
        assertTrue(f.getPlugin().filename().contains(providerJar.toString()), f.getPlugin().filename());

        Element e = f.create(null);
        assertTrue(e.getName().startsWith("rot13test"), e.getName());
        assertNotNull(e.getStaticPad("sink"));
        assertNotNull(e.getStaticPad("src"));
        Module m = e.getClass().getModule();
        assertEquals(PROVIDER_MODULE, m.getName());
        assertNotSame(ModuleLayer.boot(), m.getLayer(), "plugin-path modules live in a child layer");
        assertTrue(m.getLayer().parents().contains(Registry.class.getModule().getLayer()));

        assertOneErrorAboutBrokenPlugin(r.loadErrors());
    }

    @Test
    void loadWithPluginDirsAlsoScansTheModuleAndClassPath() {
        Registry r = Registry.load(List.of(pluginDir));

        assertNotNull(r.findFactory("rot13test"));
        assertNotNull(r.findFactory("pipeline"));
        assertOneErrorAboutBrokenPlugin(r.loadErrors());
    }

    @Test
    void scanningTheSameDirectoryTwiceAddsNothing() {
        Registry r = new Registry();
        r.scanPath(List.of(pluginDir));
        List<String> errorsAfterFirstScan = r.loadErrors();

        assertEquals(0, r.scanPath(List.of(pluginDir)));

        assertEquals(errorsAfterFirstScan, r.loadErrors());
    }

    @Test
    void unusableJarsAndMissingDirectoriesAreReportedAndTheRestLoads() throws IOException {
        Path dir = Files.createDirectories(work.resolve("mixed-plugins"));
        Files.copy(providerJar, dir.resolve("b-" + JAR_NAME));
        Files.writeString(dir.resolve("a-garbage.jar"), "this is not a zip file");
        Path missing = work.resolve("no-such-dir");
        Registry r = new Registry();

        assertEquals(1, r.scanPath(List.of(missing, dir)), r.loadErrors().toString());

        assertNotNull(r.findFactory("rot13test"));
        List<String> errors = r.loadErrors();
        assertTrue(errors.stream().anyMatch(m -> m.contains(missing.toString())), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.contains("a-garbage.jar")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.contains("BrokenPlugin")), errors.toString());
        assertEquals(3, errors.size(), errors.toString());
    }

    @Test
    void aPluginModuleWithAMissingDependencyIsReportedAndTheOthersStillLoad() throws IOException {
        // "com.example.needsmissing" requires "com.example.missing", which is compiled but not shipped.
        Path missingSrc = work.resolve("missing-src");
        Path missingClasses = work.resolve("missing-classes");
        JavaBuild.writeFiles(missingSrc, Map.of(
                "module-info.java", "module com.example.missing { exports com.example.missing; }",
                "com/example/missing/Helper.java", "package com.example.missing; public final class Helper { }"));
        JavaBuild.compile(missingSrc, missingClasses, List.of());
        Path needsSrc = work.resolve("needs-src");
        Path needsClasses = work.resolve("needs-classes");
        JavaBuild.writeFiles(needsSrc, Map.of(
                "module-info.java", """
                        module com.example.needsmissing {
                            requires org.gstmini.core;
                            requires com.example.missing;
                            provides org.gstmini.core.spi.Plugin with com.example.needsmissing.NeedsPlugin;
                        }
                        """,
                "com/example/needsmissing/NeedsPlugin.java", """
                        package com.example.needsmissing;
                        public final class NeedsPlugin implements org.gstmini.core.spi.Plugin {
                            public String name() { return "needs"; }
                            public String description() { return ""; }
                            public String version() { return ""; }
                            public String license() { return ""; }
                            public String origin() { return ""; }
                            public void init(org.gstmini.core.spi.PluginRegistrar registrar) { }
                        }
                        """));
        JavaBuild.compile(needsSrc, needsClasses, List.of(coreClasses, slf4jApi, missingClasses));
        Path dir = Files.createDirectories(work.resolve("unresolvable-plugins"));
        JavaBuild.jar(needsClasses, dir.resolve("needsmissing.jar"));
        Files.copy(providerJar, dir.resolve(JAR_NAME));
        Registry r = new Registry();

        assertEquals(1, r.scanPath(List.of(dir)), r.loadErrors().toString());

        assertNotNull(r.findFactory("rot13test"));
        assertNull(r.findPlugin("needs"));
        assertTrue(r.loadErrors().stream().anyMatch(m -> m.contains("com.example.needsmissing")
                && m.contains("com.example.missing") && m.contains("needsmissing.jar")), r.loadErrors().toString());
    }

    private static void assertOneErrorAboutBrokenPlugin(List<String> errors) {
        assertEquals(1, errors.size(), errors.toString());
        String error = errors.get(0);
        assertTrue(error.contains(PROVIDER_MODULE + ".BrokenPlugin"), error);
        assertTrue(error.contains("BrokenPlugin refuses to start"), error);
    }

    // ---------------------------------------------------------------- child JVMs, as users run them

    @Test
    void onTheModulePathTheDefaultRegistryFindsTheProvider() throws Exception {
        JavaBuild.Run run = JavaBuild.runJava(work, List.of(
                "-p", JavaBuild.join(List.of(coreClasses, slf4jApi, providerJar, mainClasses)),
                "-m", MAIN_MODULE + "/" + MAIN_CLASS), Map.of());

        assertFoundRot13(run, "module " + PROVIDER_MODULE + " (" + providerJar + ")");
        assertTrue(run.stdout().contains("in module " + PROVIDER_MODULE), run.describe());
    }

    @Test
    void throughTheEnvironmentVariableTheDefaultRegistryLoadsTheJarIntoAChildLayer() throws Exception {
        JavaBuild.Run run = JavaBuild.runJava(work, List.of(
                "-p", JavaBuild.join(List.of(coreClasses, slf4jApi, mainClasses)),
                "-m", MAIN_MODULE + "/" + MAIN_CLASS), Map.of(Registry.PLUGIN_PATH_ENV, pluginDir.toString()));

        assertFoundRot13(run, "module " + PROVIDER_MODULE + " (" + providerJar + ")");
    }

    @Test
    void withoutTheProviderTheDefaultRegistryHasOnlyStaticElements() throws Exception {
        JavaBuild.Run run = JavaBuild.runJava(work, List.of(
                "-p", JavaBuild.join(List.of(coreClasses, slf4jApi, mainClasses)),
                "-m", MAIN_MODULE + "/" + MAIN_CLASS), Map.of());

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of("factory bin", "factory pipeline"), run.stdout().lines()
                .map(l -> l.substring(0, l.indexOf(" |"))).toList(), run.describe());
    }

    @Test
    void onTheClassPathTheDefaultRegistryFindsTheServicesFile() throws Exception {
        JavaBuild.Run run = JavaBuild.runJava(work, List.of(
                "-cp", JavaBuild.join(List.of(coreClasses, slf4jApi, providerJar, mainClasses)),
                MAIN_CLASS), Map.of());

        assertFoundRot13(run, providerJar.toString());
    }

    @Test
    void onTheClassPathTheEnvironmentVariableUsesAChildClassLoader() throws Exception {
        JavaBuild.Run run = JavaBuild.runJava(work, List.of(
                "-cp", JavaBuild.join(List.of(coreClasses, slf4jApi, mainClasses)),
                MAIN_CLASS), Map.of(Registry.PLUGIN_PATH_ENV, pluginDir.toString()));

        assertFoundRot13(run, providerJar.toString());
    }

    private static void assertFoundRot13(JavaBuild.Run run, String expectedFilename) {
        assertEquals(0, run.exitCode(), run.describe());
        List<String> lines = run.stdout().lines().toList();
        assertTrue(lines.contains("factory rot13test | rot13 | " + expectedFilename), run.describe());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("factory pipeline | staticelements | ")), run.describe());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("made rot13test0 in ")), run.describe());
        List<String> errors = lines.stream().filter(l -> l.startsWith("error ")).toList();
        assertEquals(1, errors.size(), run.describe());
        assertTrue(errors.get(0).contains("BrokenPlugin refuses to start"), run.describe());
    }
}
