package org.gstmini.plugins.ui.swing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link SwingSinkChild} in a child JVM on this JVM's module path, with the test classes
 * patched into {@code org.gstmini.plugins.ui} as Surefire does, and an environment of the
 * test's choosing ({@code DISPLAY}). The same approach as the core's registry tests
 * (gst-mini-core/src/test/.../registry/JavaBuild.java), reduced to what these tests need.
 */
final class ChildJvm {
    /** How long a child may run before the test gives up on it (it normally takes a few seconds). */
    private static final long TIMEOUT_SECONDS = 90;

    private ChildJvm() {
    }

    /** A finished child: exit code, its {@code key=value} lines, and everything it printed. */
    record Run(int exitCode, Map<String, String> values, String output) {
        String get(String key) {
            if (!values.containsKey(key)) {
                throw new AssertionError("the child printed no " + key + "=...\n" + output);
            }
            return values.get(key);
        }
    }

    static Run run(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-p", System.getProperty("jdk.module.path"),
                "--patch-module", "org.gstmini.plugins.ui=" + testClasses(),
                "-m", "org.gstmini.plugins.ui/" + SwingSinkChild.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "child", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            String threads = threadDump(workDir, p.pid());
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("child JVM did not end within " + TIMEOUT_SECONDS + " s (a window or thread "
                    + "left behind?): " + command + "\n" + Files.readString(log) + "\n--- its threads ---\n" + threads);
        }
        String output = Files.readString(log);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Za-z.]+")) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Run(p.exitValue(), values, output);
    }

    /** What a stuck child is doing, from the JDK's jcmd: the one clue a hang leaves. */
    private static String threadDump(Path workDir, long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path dump = Files.createTempFile(workDir, "threads", ".txt");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print").redirectErrorStream(true)
                .redirectOutput(dump.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return Files.readString(dump);
    }

    private static Path testClasses() {
        try {
            return Path.of(SwingSinkChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
