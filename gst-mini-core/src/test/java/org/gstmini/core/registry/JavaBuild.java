package org.gstmini.core.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Just enough of a build tool for tests that need real jars: write sources, compile them with
 * the JDK's javac, pack a jar, run a child JVM.
 *
 * <p>javac is reached through {@link java.util.spi.ToolProvider} (in java.base) rather than
 * {@code javax.tools}: the tests are patched into module {@code org.gstmini.core}, which does
 * not read {@code java.compiler}.
 */
final class JavaBuild {
    /** How long a child JVM may run before the test gives up on it. */
    static final long CHILD_TIMEOUT_SECONDS = 60;

    private JavaBuild() {
    }

    /** The result of a child JVM. */
    record Run(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
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

    /** Writes source files, given as relative path to text, under {@code dir}. */
    static void writeFiles(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Compiles every .java file under {@code sources} into {@code classes}, against a module path. */
    static void compile(Path sources, Path classes, List<Path> modulePath) throws IOException {
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new IllegalStateException("no javac in this JDK (module jdk.compiler missing?)"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-Xlint:none",
                "--module-path", join(modulePath)));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = javac.run(ps, ps, args.toArray(new String[0]));
        }
        if (rc != 0) {
            throw new IllegalStateException("javac failed (" + rc + ") with " + args + ":\n"
                    + out.toString(StandardCharsets.UTF_8));
        }
    }

    /** Packs a directory tree into a jar. */
    static Path jar(Path contents, Path jarFile) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(contents)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream os = Files.newOutputStream(jarFile); JarOutputStream jar = new JarOutputStream(os, manifest)) {
            for (Path f : files) {
                String name = contents.relativize(f).toString().replace('\\', '/');
                jar.putNextEntry(new JarEntry(name));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
        return jarFile;
    }

    static String join(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    /** The java launcher running this test. */
    static String javaLauncher() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Runs a child JVM with these arguments and extra environment, waiting at most
     * {@link #CHILD_TIMEOUT_SECONDS}; output goes to files so a chatty child cannot block.
     */
    static Run runJava(Path workDir, List<String> javaArgs, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaLauncher());
        command.addAll(javaArgs);
        Path out = Files.createTempFile(workDir, "child", ".out");
        Path err = Files.createTempFile(workDir, "child", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("GST_MINI_PLUGIN_PATH");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("child JVM did not finish in " + CHILD_TIMEOUT_SECONDS + " s: " + command
                    + "\n--- stdout ---\n" + Files.readString(out) + "\n--- stderr ---\n" + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
