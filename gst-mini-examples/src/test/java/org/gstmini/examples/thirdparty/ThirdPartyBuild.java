package org.gstmini.examples.thirdparty;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * What a third party does by hand, done by a test: find the example project, compile it with
 * the JDK's {@code javac}, pack it with the JDK's {@code jar} (the same arguments the README
 * gives), and run {@code java} in a child process.
 *
 * <p>The tools are reached through {@link ToolProvider} (in java.base), not {@code javax.tools}:
 * the tests may be patched into module {@code org.gstmini.examples}, which does not read
 * {@code java.compiler}.
 */
final class ThirdPartyBuild {
    /**
     * How long a child JVM may run before the test gives up on it: a guard against a hang, not
     * a measure of speed (the pipelines in these tests end after a few milliseconds).
     */
    static final long CHILD_TIMEOUT_SECONDS = 120;

    /** Set by the failsafe configuration in gst-mini-examples/pom.xml; found by looking around otherwise. */
    static final String PROJECT_PROPERTY = "gstmini.thirdparty.rot13";
    static final String MODULES_PROPERTY = "gstmini.examples.modules";

    private ThirdPartyBuild() {
    }

    /** The result of a child JVM. */
    record Run(List<String> command, int exitCode, String stdout, String stderr) {
        String describe() {
            return String.join(" ", command) + "\nexit code " + exitCode + "\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr;
        }
    }

    /** Where a class was loaded from: a directory such as target/classes, or a jar. */
    static Path locationOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            throw new IllegalStateException("no code source for " + type.getName());
        }
        try {
            return Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The directory examples-thirdparty/rot13 of this repository: from the system property
     * {@value #PROJECT_PROPERTY}, else the first ancestor of this test's classes that holds it.
     */
    static Path rot13Project() {
        String configured = System.getProperty(PROJECT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = locationOf(ThirdPartyBuild.class).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples-thirdparty").resolve("rot13");
            if (Files.isRegularFile(candidate.resolve("src/main/java/module-info.java"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find examples-thirdparty/rot13 above " + start
                + "; set -D" + PROJECT_PROPERTY + "=<dir>");
    }

    /**
     * gst-mini-examples/target/modules, the module path {@code mvn package} gathers, if it holds
     * the examples jar with {@code className} in it; empty otherwise (before {@code package}).
     */
    static Optional<Path> examplesModules(String className) {
        String configured = System.getProperty(MODULES_PROPERTY);
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                // target/test-classes -> target/modules
                : locationOf(ThirdPartyBuild.class).toAbsolutePath().getParent().resolve("modules");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        String entry = className.replace('.', '/') + ".class";
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().startsWith("gst-mini-examples-")
                    && p.getFileName().toString().endsWith(".jar")).toList()) {
                try (JarFile jf = new JarFile(jar.toFile())) {
                    if (jf.getEntry(entry) != null) {
                        return Optional.of(dir.toAbsolutePath());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dir + ": " + e, e);
        }
        return Optional.empty();
    }

    /** {@code javac -d <classes> --module-path <modulePath> <every .java file under sources>}. */
    static void javac(Path sources, Path classes, List<Path> modulePath) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "--module-path", join(modulePath)));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        }
        runTool("javac", args);
    }

    /** {@code jar --create --file <jarFile> -C <classes> . -C <resources> .} */
    static Path jar(Path jarFile, Path classes, Path resources) throws IOException {
        Files.createDirectories(jarFile.getParent());
        runTool("jar", List.of("--create", "--file", jarFile.toString(),
                "-C", classes.toString(), ".", "-C", resources.toString(), "."));
        return jarFile;
    }

    private static void runTool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException(
                "no '" + name + "' tool in this Java runtime (" + System.getProperty("java.home")
                        + "): run the tests with a JDK, not a JRE"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = tool.run(ps, ps, args.toArray(new String[0]));
        }
        if (rc != 0) {
            throw new IllegalStateException(name + " failed (exit code " + rc + ") with " + args + ":\n"
                    + out.toString(StandardCharsets.UTF_8));
        }
    }

    static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    /** The java launcher of the JVM running this test. */
    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code java <javaArgs>} in {@code workDir} with the extra environment {@code env}
     * (any {@code GST_MINI_*} variable of this JVM is removed first, so the child sees only what
     * the test gives it). Output goes to files, so a chatty child cannot block on a full pipe.
     */
    static Run runJava(Path workDir, List<String> javaArgs, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaLauncher());
        command.addAll(javaArgs);
        Path out = Files.createTempFile(workDir, "child", ".out");
        Path err = Files.createTempFile(workDir, "child", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GST_MINI_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("child JVM did not finish in " + CHILD_TIMEOUT_SECONDS + " s: "
                    + String.join(" ", command) + "\n--- stdout ---\n" + Files.readString(out)
                    + "\n--- stderr ---\n" + Files.readString(err));
        }
        return new Run(command, p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
