package org.gstmini.examples.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/gst-launch} and {@code bin/gst-inspect} as a user does: bash scripts starting
 * {@code java -p gst-mini-examples/target/modules -m org.gstmini.examples/...} in a process of
 * their own. This proves the module descriptors and the ServiceLoader wiring of the packaged jars,
 * which the in-process tests cannot.
 *
 * <p>It needs the packaged jars in {@code target/modules}, which Maven makes in the
 * {@code package} phase, after this module's tests: in a {@code mvn verify} of a clean tree it
 * skips, saying why; once the project was packaged (as {@code mvn -DskipTests package}, then
 * {@code mvn verify}) it runs, on the jars of that last package. The jar must contain the tools;
 * an older one is skipped too.
 */
class BinScriptsTest {
    private static Path root;
    private static Path modules;

    @BeforeAll
    static void findTheBuild() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        root = Files.isDirectory(here.resolve("bin")) ? here : here.getParent();
        modules = root.resolve("gst-mini-examples/target/modules");
        Assumptions.assumeTrue(Files.isExecutable(root.resolve("bin/gst-launch")),
                "no executable bin/gst-launch under " + root);
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash is not installed");
        Path jar;
        try (Stream<Path> files = Files.isDirectory(modules) ? Files.list(modules) : Stream.empty()) {
            jar = files.filter(p -> p.getFileName().toString().startsWith("gst-mini-examples-")
                    && p.getFileName().toString().endsWith(".jar")).findFirst().orElse(null);
        }
        Assumptions.assumeTrue(jar != null, modules + " holds no gst-mini-examples jar yet: this test runs the"
                + " packaged tools, so run 'mvn -DskipTests package' before the tests");
        try (JarFile j = new JarFile(jar.toFile())) {
            Assumptions.assumeTrue(j.getEntry("org/gstmini/examples/tools/GstLaunch.class") != null,
                    jar + " predates the tools: run 'mvn package' again");
        }
    }

    /** The result of one process. */
    record Result(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private static ProcessBuilder script(String name, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin").resolve(name).toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home")); // the script must honour it
        env.remove("JAVA_OPTS");
        env.remove("GST_MINI_TRACERS");
        env.remove("GST_MINI_DEBUG");
        env.remove("GST_MINI_PLUGIN_PATH");
        return pb;
    }

    private static Result finish(Process p) throws Exception {
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process did not end within 60 s");
        return new Result(p.exitValue(), out.get(), err.get());
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(read failed: " + e + ")";
            }
        });
    }

    private static Result run(String name, String... args) throws Exception {
        return finish(script(name, List.of(args)).start());
    }

    @Test
    void gstInspectFindsThePluginsOnTheModulePath() throws Exception {
        Result list = run("gst-inspect");
        assertEquals(0, list.code(), list.all());
        assertTrue(list.out().contains("hello:  ticksrc: Tick source\n"), list.all());
        assertTrue(list.out().contains("staticelements:  pipeline: Pipeline object\n"), list.all());
        assertTrue(list.out().contains("staticelements:  chain (TracerFactory)\n"), list.all());

        Result ticksrc = run("gst-inspect", "ticksrc");
        assertEquals(0, ticksrc.code(), ticksrc.all());
        assertTrue(ticksrc.out().contains("  Source module            org.gstmini.examples\n"), ticksrc.all());
        assertTrue(ticksrc.out().contains("Integer. Range: -1 - 2147483647 Default: 5 \n"), ticksrc.all());

        Result unknown = run("gst-inspect", "tickrc");
        assertEquals(1, unknown.code(), unknown.all());
        assertTrue(unknown.err().contains("No such element or plugin 'tickrc'; did you mean 'ticksrc'?"), unknown.all());
    }

    @Test
    void gstLaunchPlaysAPipelineAndTheChainTracerShowsTheCalls() throws Exception {
        ProcessBuilder pb = script("gst-launch", List.of("ticksrc", "num-buffers=2", "interval=1000000", "!",
                "uppercase", "!", "consolesink"));
        pb.environment().put("GST_MINI_TRACERS", "chain");
        Result r = finish(pb.start());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Setting pipeline to PLAYING ...\n"), r.all());
        assertTrue(r.out().contains("Got EOS from element \"pipeline0\".\n"), r.all());
        assertTrue(r.out().contains("\nExecution ended after "), r.all());
        assertTrue(r.out().contains("[ticksrc0:src] ticksrc0:src push -> uppercase0:sink (pts "), r.all());
        assertTrue(r.out().contains("[ticksrc0:src]     uppercase0:src push returned ok\n"), r.all());

        Result bad = run("gst-launch", "ticksrc", "!", "tiksrc");
        assertEquals(1, bad.code(), bad.all());
        assertTrue(bad.err().startsWith("WARNING: erroneous pipeline: no element \"tiksrc\"; did you mean 'ticksrc'?\n"),
                bad.all());
    }

    @Test
    void eosOnShutdownFinishesThePipelineWhenTheProcessIsAskedToStop() throws Exception {
        Process p = script("gst-launch", List.of("-e", "ticksrc", "num-buffers=-1", "interval=10000000", "!",
                "consolesink")).start();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        Thread.sleep(1500); // up and playing
        // SIGTERM: the JVM runs its shutdown hooks for it as for SIGINT (which a background
        // process may have been told to ignore). Through the handle: Process.destroy() would also
        // close our end of its output. The script exec'd java, so the pid is the JVM's.
        assertTrue(p.toHandle().destroy(), "could not send SIGTERM");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process did not end within 30 s");
        Result r = new Result(p.exitValue(), out.get(), err.get());
        assertEquals(0, r.code(), r.all());
        // The tool's own lines, without the demo elements' "[ticksrc0:src] ..." lines between them.
        List<String> tool = r.out().lines().filter(l -> !l.startsWith("[")).toList();
        int at = tool.indexOf("handling interrupt.");
        assertTrue(at > 0, r.all());
        assertEquals(List.of("handling interrupt.", "Interrupt: Stopping pipeline ...",
                "EOS on shutdown enabled -- Forcing EOS on the pipeline", "Waiting for EOS...",
                "Got EOS from element \"pipeline0\".", "EOS received - stopping pipeline..."),
                tool.subList(at, at + 6), r.all());
        assertTrue(tool.get(at + 6).startsWith("Execution ended after "), r.all());
        assertEquals(List.of("Setting pipeline to NULL ...", "Freeing pipeline ..."), tool.subList(at + 7, tool.size()),
                r.all());
    }

    @Test
    void withoutABuildTheScriptsSayHowToMakeOne(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path runner = Files.copy(root.resolve("bin").resolve("gst-mini-run"), bin.resolve("gst-mini-run"));
        assertTrue(runner.toFile().setExecutable(true));
        for (String name : List.of("gst-launch", "gst-inspect")) {
            Path copy = Files.copy(root.resolve("bin").resolve(name), bin.resolve(name));
            assertTrue(copy.toFile().setExecutable(true));
            Process p = new ProcessBuilder(copy.toString()).directory(dir.toFile()).start();
            Result r = finish(p);
            assertEquals(2, r.code(), r.all());
            assertTrue(r.err().contains("run: mvn -q -DskipTests package"), r.all());
            assertTrue(r.err().contains(dir.toRealPath() + File.separator + "gst-mini-examples"), r.all());
        }
    }
}
