package org.gstmini.examples.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.gstmini.base.BaseTransform;
import org.gstmini.core.Buffer;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.PluginInfo;
import org.gstmini.core.Registry;
import org.gstmini.core.check.Harness;
import org.gstmini.core.spi.Plugin;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the plugin SPI, kept the way a user would check it: the example third-party
 * project in {@code examples-thirdparty/rot13} (a module of its own, not part of the Maven build)
 * is compiled with {@code javac} and packed with {@code jar} against nothing but the core and
 * base modules and slf4j-api, then
 *
 * <ol>
 *   <li>loaded in this JVM from a plugin directory ({@link Registry#load}) and run in a
 *       {@link Harness}: "Hello" becomes "Uryyb", and "Ifmmp" after {@code shift=1};</li>
 *   <li>run by {@code gst-launch} in a child JVM with the jar added to the module path,
 *       {@code java -p <modules>:rot13.jar -m org.gstmini.examples/...GstLaunch "ticksrc ! rot13 ! consolesink"},
 *       and, as a control, without it;</li>
 *   <li>run the same way with the jar's directory in {@code GST_MINI_PLUGIN_PATH} instead;</li>
 *   <li>run with every jar on the class path, where only its services file can find it.</li>
 * </ol>
 *
 * The child JVMs need gst-mini-examples/target/modules with the examples jar in it, which exists
 * only after the {@code package} phase: {@code mvn verify} runs this test with failsafe in the
 * {@code integration-test} phase (surefire leaves it out). Run on its own before packaging, the
 * child-JVM tests skip and say why.
 */
class ThirdPartyPluginTest {
    private static final String MODULE = "com.example.rot13";
    private static final String PLUGIN_CLASS = "com.example.rot13.Rot13Plugin";
    private static final String GST_LAUNCH = "org.gstmini.examples.tools.GstLaunch";
    private static final String PIPELINE = "ticksrc num-buffers=2 interval=1000000 ! rot13 ! consolesink";
    private static final String TEXT_CAPS = "text/x-raw, format=utf8";

    @TempDir
    static Path work;

    private static Path pluginDir;
    private static Path rot13Jar;

    /** Builds rot13.jar exactly as the project's README tells a third party to. */
    @BeforeAll
    static void buildTheJar() throws IOException {
        Path project = ThirdPartyBuild.rot13Project();
        List<Path> modulePath = List.of(
                ThirdPartyBuild.locationOf(Element.class),        // org.gstmini.core
                ThirdPartyBuild.locationOf(BaseTransform.class),  // org.gstmini.base
                ThirdPartyBuild.locationOf(org.slf4j.Logger.class)); // org.slf4j, required by the core
        Path classes = work.resolve("classes");
        ThirdPartyBuild.javac(project.resolve("src/main/java"), classes, modulePath);
        pluginDir = Files.createDirectories(work.resolve("plugins"));
        rot13Jar = ThirdPartyBuild.jar(pluginDir.resolve("rot13.jar"), classes, project.resolve("src/main/resources"));
    }

    // ---------------------------------------------------------------- the jar itself

    @Test
    void theJarIsAModuleThatProvidesThePluginAndListsItForTheClassPath() throws IOException {
        ModuleReference ref = ModuleFinder.of(rot13Jar).find(MODULE)
                .orElseThrow(() -> new AssertionError(rot13Jar + " holds no module " + MODULE));
        ModuleDescriptor d = ref.descriptor();
        assertFalse(d.isAutomatic(), "rot13.jar must carry its module-info.class");
        assertTrue(d.requires().stream().anyMatch(r -> r.name().equals("org.gstmini.base")), d::toString);
        assertEquals(List.of(PLUGIN_CLASS), d.provides().stream()
                .filter(p -> p.service().equals(Plugin.class.getName()))
                .flatMap(p -> p.providers().stream()).toList(), d::toString);

        try (JarFile jar = new JarFile(rot13Jar.toFile())) {
            ZipEntry services = jar.getEntry("META-INF/services/" + Plugin.class.getName());
            assertNotNull(services, "rot13.jar lacks META-INF/services/" + Plugin.class.getName());
            String listed = new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(PLUGIN_CLASS, listed);
        }
    }

    // ---------------------------------------------------------------- (a) in this JVM, in a Harness

    @Test
    void loadedFromAPluginDirectoryItRotatesTextInAHarness() {
        Registry registry = Registry.load(List.of(pluginDir));
        ElementFactory factory = registry.findFactoryOrThrow("rot13");
        assertEquals("Filter/Text", factory.getKlass());
        PluginInfo plugin = factory.getPlugin();
        assertEquals("rot13", plugin.name());
        assertTrue(plugin.filename().contains("rot13.jar"), plugin::toString);
        assertTrue(registry.loadErrors().stream().noneMatch(e -> e.contains("rot13")), () -> registry.loadErrors().toString());

        Element rot13 = factory.create(null);
        if (Registry.class.getModule().isNamed()) {
            // The core is a named module: the jar was loaded as a module of a child layer.
            assertEquals(MODULE, rot13.getClass().getModule().getName());
            assertNotEquals(ModuleLayer.boot(), rot13.getClass().getModule().getLayer());
        }
        try (Harness h = new Harness(rot13)) {
            h.setSrcCapsStr(TEXT_CAPS);

            Buffer in = text("Hello").withTimestamps(0, ClockTime.NONE, ClockTime.SECOND);
            Buffer out = h.pushAndPull(in);
            assertEquals("Uryyb", string(out));
            assertEquals(0, out.pts(), "timestamps pass through");
            assertEquals(ClockTime.SECOND, out.duration());

            // The property is mutable in PLAYING: the next buffer uses it.
            rot13.setProperty("shift", 1);
            assertEquals("Ifmmp", string(h.pushAndPull(text("Hello"))));

            // Only ASCII letters move; digits, punctuation and UTF-8 bytes stay.
            rot13.setPropertyFromString("shift", "13");
            assertEquals("Gvpx 42, Jbeyq! \u00fc\u00df", string(h.pushAndPull(text("Tick 42, World! \u00fc\u00df"))));

            // shift=0 changes nothing, so the very same bytes go on.
            rot13.setProperty("shift", 0);
            Buffer same = text("Hello");
            assertTrue(h.pushAndPull(same).sharesPayloadWith(same), "shift=0 should push its input unchanged");

            IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class,
                    () -> rot13.setProperty("shift", 26));
            assertTrue(outOfRange.getMessage().contains("shift"), outOfRange::getMessage);
        }
    }

    // ---------------------------------------------------------------- (b) and (c): gst-launch in a child JVM

    @Test
    void gstLaunchRunsItWhenTheJarIsAddedToTheModulePath() throws Exception {
        Path modules = examplesModulesOrSkip();
        ThirdPartyBuild.Run run = ThirdPartyBuild.runJava(work,
                List.of("-p", ThirdPartyBuild.join(List.of(modules, rot13Jar)), "-m", launchMain(), PIPELINE), Map.of());
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("\"gvpx 0\"") && run.stdout().contains("\"gvpx 1\""), run::describe);
        assertTrue(run.stdout().contains("Got EOS"), run::describe);
    }

    @Test
    void withoutTheJarGstLaunchHasNoRot13() throws Exception {
        Path modules = examplesModulesOrSkip();
        ThirdPartyBuild.Run run = ThirdPartyBuild.runJava(work,
                List.of("-p", modules.toString(), "-m", launchMain(), PIPELINE), Map.of());
        assertNotEquals(0, run.exitCode(), run::describe);
        assertTrue((run.stdout() + run.stderr()).contains("rot13"), "the error should name the missing element\n"
                + run.describe());
        assertFalse(run.stdout().contains("gvpx"), run::describe);
    }

    @Test
    void gstLaunchRunsItFromGstMiniPluginPath() throws Exception {
        Path modules = examplesModulesOrSkip();
        ThirdPartyBuild.Run run = ThirdPartyBuild.runJava(work,
                List.of("-p", modules.toString(), "-m", launchMain(), PIPELINE),
                Map.of(Registry.PLUGIN_PATH_ENV, pluginDir.toString()));
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("\"gvpx 0\"") && run.stdout().contains("\"gvpx 1\""), run::describe);
    }

    /** On the class path module-info is ignored: the services file is what finds the plugin. */
    @Test
    void gstLaunchRunsItWhenEverythingIsOnTheClassPath() throws Exception {
        Path modules = examplesModulesOrSkip();
        // The java launcher expands "dir/*" to every jar in dir.
        String classPath = modules + File.separator + "*" + File.pathSeparator + rot13Jar;
        ThirdPartyBuild.Run run = ThirdPartyBuild.runJava(work,
                List.of("-cp", classPath, GST_LAUNCH, PIPELINE), Map.of());
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("\"gvpx 0\""), run::describe);
    }

    @Test
    void gstLaunchSetsItsPropertyFromText() throws Exception {
        Path modules = examplesModulesOrSkip();
        ThirdPartyBuild.Run run = ThirdPartyBuild.runJava(work,
                List.of("-p", ThirdPartyBuild.join(List.of(modules, rot13Jar)), "-m", launchMain(),
                        "ticksrc num-buffers=1 interval=1000000 ! rot13 shift=1 ! consolesink"), Map.of());
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("\"ujdl 0\""), run::describe);
    }

    // ---------------------------------------------------------------- helpers

    private static String launchMain() {
        return "org.gstmini.examples/" + GST_LAUNCH;
    }

    private static Path examplesModulesOrSkip() {
        return ThirdPartyBuild.examplesModules(GST_LAUNCH).orElseGet(() -> {
            Assumptions.abort("needs gst-mini-examples/target/modules holding the examples jar with " + GST_LAUNCH
                    + ", which only the package phase makes: run `mvn verify` (failsafe runs this test after"
                    + " packaging), or `mvn -DskipTests package` first");
            throw new AssertionError("unreachable");
        });
    }

    private static Buffer text(String s) {
        return Buffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(Buffer b) {
        assertNotNull(b, "no buffer came out");
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }
}
