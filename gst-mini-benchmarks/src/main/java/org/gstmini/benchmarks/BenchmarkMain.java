package org.gstmini.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the usual command line ({@code -prof gc}, {@code -p elements=0,10}, {@code -wi 5},
 * a benchmark regexp, ...) and then prints what the push-path issue asks for: ns per buffer for
 * each chain length, the slope (ns per element per buffer), buffers per second with no element,
 * and, with {@code -prof gc}, the bytes allocated per buffer. For {@link PipelineBenchmark} it
 * prints buffers/s and ns/buffer per pipeline, the slope over the identity chains (ns per
 * identity per buffer), and the ratio to the GStreamer 1.22 reference numbers of the issue.
 *
 * <p>{@code -h}, {@code -l}, {@code -lp}, {@code -lprof} and {@code -lrf} go straight to
 * {@code org.openjdk.jmh.Main}.
 */
public final class BenchmarkMain {
    private static final String PUSH = PushPathBenchmark.class.getName() + ".push";
    private static final String PIPELINE = PipelineBenchmark.class.getName() + ".playToEos";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cmd;
        try {
            cmd = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (cmd.shouldHelp() || cmd.shouldList() || cmd.shouldListWithParams() || cmd.shouldListProfilers()
                || cmd.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Collection<RunResult> results;
        try {
            results = new Runner(cmd).run();
        } catch (RunnerException e) {
            System.err.println("Benchmark failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        printPushPathSummary(results);
        printPipelineSummary(results);
    }

    /** Prints the summary for {@link PushPathBenchmark#push}, if it ran. */
    static void printPushPathSummary(Collection<RunResult> results) {
        List<double[]> points = new ArrayList<>(); // {elements, ns/op, error, bytes/op or NaN}
        for (RunResult r : results) {
            if (!PUSH.equals(r.getParams().getBenchmark())) {
                continue;
            }
            Result<?> primary = r.getPrimaryResult();
            if (!"ns/op".equals(primary.getScoreUnit())) {
                continue; // another mode or unit given on the command line: no ns/op to fit
            }
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            points.add(new double[] {
                Integer.parseInt(r.getParams().getParam("elements")),
                primary.getScore(),
                primary.getScoreError(),
                alloc == null ? Double.NaN : alloc.getScore()});
        }
        if (points.isEmpty()) {
            return;
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder();
        out.append("\nPush path summary (").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(")\n");
        out.append(String.format(Locale.ROOT, "%10s %12s %10s %14s %12s%n", "elements", "ns/buffer", "± (99.9%)",
                "buffers/s", "bytes/buffer"));
        for (double[] p : points) {
            out.append(String.format(Locale.ROOT, "%10d %12.2f %10.2f %14s %12s%n", (int) p[0], p[1], p[2],
                    String.format(Locale.ROOT, "%,.0f", 1e9 / p[1]),
                    Double.isNaN(p[3]) ? "-" : String.format(Locale.ROOT, "%.3f", p[3])));
        }
        if (points.size() >= 2) {
            // Least-squares line through (elements, ns/op): slope = ns per element per buffer.
            double[] line = leastSquares(points);
            double slope = line[0];
            double intercept = line[1];
            out.append(String.format(Locale.ROOT,
                    "ns per element per buffer (least-squares slope): %.2f   (intercept %.2f ns)%n", slope, intercept));
        }
        if (points.stream().noneMatch(p -> Double.isNaN(p[3]))) {
            double max = points.stream().mapToDouble(p -> p[3]).max().orElse(0);
            out.append(String.format(Locale.ROOT, "max allocation on the push path: %.3f bytes/buffer%n", max));
        } else {
            out.append("(run with -prof gc for bytes/buffer)\n");
        }
        System.out.print(out);
    }

    /** GStreamer 1.22's numbers quoted by the issue (buffers/s, ns): the targets' reference. */
    static final double GST_REF_SRC_SINK = 3.6e6;
    static final double GST_REF_NS_PER_IDENTITY = 133;
    static final double GST_REF_ONE_QUEUE_PINNED = 1.0e6;

    /** Prints the summary for {@link PipelineBenchmark#playToEos}, if it ran. */
    static void printPipelineSummary(Collection<RunResult> results) {
        List<Object[]> rows = new ArrayList<>(); // {name, buffers/s, error}
        for (RunResult r : results) {
            if (!PIPELINE.equals(r.getParams().getBenchmark())) {
                continue;
            }
            Result<?> primary = r.getPrimaryResult();
            if (!"ops/s".equals(primary.getScoreUnit())) {
                continue; // another mode or unit given on the command line
            }
            rows.add(new Object[] {r.getParams().getParam("pipeline"), primary.getScore(), primary.getScoreError()});
        }
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder();
        out.append("\nPipeline summary (").append(PipelineBenchmark.BUFFERS).append(" buffers per run, PLAYING to EOS; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(")\n");
        out.append(String.format(Locale.ROOT, "%-18s %14s %12s %11s  %s%n", "pipeline", "buffers/s", "± (99.9%)",
                "ns/buffer", "line"));
        List<double[]> points = new ArrayList<>();
        for (Object[] row : rows) {
            String name = (String) row[0];
            double score = (Double) row[1];
            double err = (Double) row[2];
            out.append(String.format(Locale.ROOT, "%-18s %,14.0f %,12.0f %11.1f  %s%n", name, score, err, 1e9 / score,
                    Pipelines.LINES.getOrDefault(name, "?").replace("%d", "N")));
            int ids = Pipelines.LINES.containsKey(name) ? Pipelines.identities(name) : -1;
            if (ids >= 0) {
                points.add(new double[] {ids, 1e9 / score});
            }
        }
        for (Object[] row : rows) {
            if ("fakesrc-fakesink".equals(row[0])) {
                out.append(String.format(Locale.ROOT,
                        "fakesrc ! fakesink: %.2f x GStreamer's %.1f M buffers/s (issue's reference; target >= 5x)%n",
                        (Double) row[1] / GST_REF_SRC_SINK, GST_REF_SRC_SINK / 1e6));
            } else if ("queue".equals(row[0])) {
                int cpus = Runtime.getRuntime().availableProcessors();
                out.append(String.format(Locale.ROOT,
                        "one queue: %.2f x GStreamer's ~%.1f M buffers/s pinned to one core (issue's reference;"
                                + " target >= 2x; this run: %s)%n",
                        (Double) row[1] / GST_REF_ONE_QUEUE_PINNED, GST_REF_ONE_QUEUE_PINNED / 1e6,
                        cpus == 1 ? "pinned to one CPU" : cpus + " CPUs, not pinned; taskset -c 0 to pin"));
            }
        }
        if (points.size() >= 2) {
            double[] fit = leastSquares(points);
            out.append(String.format(Locale.ROOT,
                    "ns per identity per buffer (least-squares slope over %d chains): %.2f   (intercept %.1f ns);"
                            + " GStreamer ~%.0f ns: %.1f x%n",
                    points.size(), fit[0], fit[1], GST_REF_NS_PER_IDENTITY, GST_REF_NS_PER_IDENTITY / fit[0]));
        }
        System.out.print(out);
    }

    /** {slope, intercept} of the least-squares line through the points {x, y}. */
    static double[] leastSquares(List<double[]> points) {
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {slope, (sy - slope * sx) / n};
    }
}
