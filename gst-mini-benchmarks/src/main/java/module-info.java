/**
 * JMH benchmarks of gst-mini's core; not part of the published framework.
 *
 * <p>{@code jmh.core} is the automatic module name of jmh-core-1.37.jar: its manifest has no
 * Automatic-Module-Name, so the name is derived from the file name.
 *
 * <p>JMH's annotation processor generates {@code org.gstmini.benchmarks.jmh_generated.*} (the
 * code that runs the measured loop) and {@code META-INF/BenchmarkList}. JMH loads the
 * generated classes by name and instantiates them reflectively, so that package is opened
 * to jmh.core, and the benchmark package is exported for JMH's {@code Main}/{@code Runner}.
 *
 * <p>How the benchmarks are run: on the <em>class path</em> ({@code run-benchmarks.sh}), where
 * this descriptor is ignored. JMH 1.37 forks the measuring JVM with
 * {@code -cp <java.class.path> org.openjdk.jmh.runner.ForkedMain} and knows nothing of the
 * module path, so a host JVM started with {@code -p ... -m} would hand its fork an empty class
 * path. The descriptor is still compiled in the reactor build, to keep the module honest
 * (it only uses exported core API), and it works on the module path too when the fork is given
 * the module path explicitly (see README.md).
 *
 * <p>The pipeline benchmarks build real pipelines with {@code Parse.launch}; their elements
 * (fakesrc, identity, queue, tee, videotestsrc, ...) come from gst-mini-plugins-good, a
 * <em>runtime</em> dependency found by the registry through ServiceLoader, never required here.
 */
module org.gstmini.benchmarks {
    // transitive: the exported benchmark classes show core types (Buffer, Pad, FlowReturn) in their API
    requires transitive org.gstmini.core;
    // WakeupError's measuring sink extends BaseSink
    requires org.gstmini.base;
    // process CPU time (com.sun.management.OperatingSystemMXBean) for WakeupError
    requires jdk.management;
    requires jmh.core;

    exports org.gstmini.benchmarks;
    opens org.gstmini.benchmarks.jmh_generated to jmh.core;
}
