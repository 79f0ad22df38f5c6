package org.gstmini.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.GhostPad;
import org.gstmini.core.Pipeline;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;

/**
 * Laws of parsing and printing: what {@link Parse#describe} prints parses back into the same
 * pipeline, for random descriptions (chains of test elements with random names and property
 * values written in every accepted way, caps filters, tee branches, bins, references into
 * bins) and for random pipelines built by hand with the element API.
 */
class ParseRoundTripTest {

    @BeforeContainer
    static void registerElements() {
        ParseTestElements.register();
    }

    // ---------------------------------------------------------------- laws

    @Property(tries = 300)
    void describeParsesBackIntoTheSamePipeline(@ForAll("descriptions") String description) {
        Bin first = assertInstanceOf(Bin.class, Parse.launch(description), description);
        String text = Parse.describe(first);
        Bin second = Parse.binFromDescription(text, false);
        Statistics.collect(PipelineSnapshot.of(first).elements().size() < 8 ? "small" : "large");
        assertEquals(PipelineSnapshot.of(first), PipelineSnapshot.of(second),
                () -> "description: " + description + "\ndescribed:   " + text);
    }

    @Property(tries = 300)
    void describedRandomPipelinesParse(@ForAll("handBuilt") Pipeline pipeline) {
        String text = Parse.describe(pipeline);
        Element again = Parse.launch(text);
        Bin same = Parse.binFromDescription(text, false);
        assertEquals(PipelineSnapshot.of(pipeline), PipelineSnapshot.of(same), () -> "described: " + text);
        assertEquals(again instanceof Bin b ? PipelineSnapshot.of(b).links() : List.of(),
                again instanceof Bin ? PipelineSnapshot.of(same).links() : List.of(), () -> "described: " + text);
    }

    @Property(tries = 200)
    void describingTwiceGivesTheSameText(@ForAll("handBuilt") Pipeline pipeline) {
        String once = Parse.describe(pipeline);
        String twice = Parse.describe(Parse.binFromDescription(once, false));
        assertEquals(once, twice);
    }

    // ---------------------------------------------------------------- random descriptions

    @Provide
    Arbitrary<String> descriptions() {
        ParseTestElements.register();
        return Arbitraries.randomValue(r -> new TextGen(r).description());
    }

    /** Writes random, valid descriptions, using every way the grammar offers to say things. */
    static final class TextGen {
        private static final String[] TRICKY = {"plain", "hello world", "say \"hi\"", "back\\slash", "par(en)",
            "bang!", "it's", "", "semi;colon", "a,b", "tab\there", "x=y", "(int)5", "name.pad", "ünïcödé"};
        private final Random r;
        private int n;

        TextGen(Random r) {
            this.r = r;
        }

        String description() {
            List<String> units = new ArrayList<>();
            int count = 1 + r.nextInt(3);
            for (int k = 0; k < count; k++) {
                units.addAll(unit(0));
            }
            if (units.size() == 1 && !units.get(0).startsWith("(") && !units.get(0).contains("!")) {
                units.add("testsink" + name(false));
            }
            return join(units, pick("  ", " ", "\n", " \t "));
        }

        /**
         * Joins chains; like GStreamer's lexer, ours reads {@code name. (} as a bin of type
         * {@code name}, so a chain ending in {@code name.} before a bin names the pad.
         */
        private static String join(List<String> units, String separator) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < units.size(); k++) {
                String u = units.get(k);
                if (k + 1 < units.size() && u.endsWith(".") && units.get(k + 1).startsWith("(")) {
                    u = u + "sink";
                }
                sb.append(k == 0 ? "" : separator).append(u);
            }
            return sb.toString();
        }

        private String pick(String... options) {
            return options[r.nextInt(options.length)];
        }

        private List<String> unit(int depth) {
            return switch (r.nextInt(depth < 2 ? 6 : 3)) {
                case 0, 1 -> List.of(chain());
                case 2 -> teeChain();
                case 3, 4 -> List.of(bin(depth));
                default -> openBin(depth);
            };
        }

        private String chain() {
            StringBuilder sb = new StringBuilder(src());
            int middles = r.nextInt(3);
            for (int k = 0; k < middles; k++) {
                sb.append(link()).append(middle());
            }
            return sb.append(link()).append(sink()).toString();
        }

        private List<String> teeChain() {
            String t = "t" + n++;
            List<String> out = new ArrayList<>();
            out.add(src() + (r.nextBoolean() ? link() + middle() : "") + link() + "testtee name=" + t);
            int branches = 1 + r.nextInt(3);
            for (int k = 0; k < branches; k++) {
                String ref = t + pick(".", ".src_%u");
                out.add(ref + link() + (r.nextBoolean() ? middle() + link() : "") + sink());
            }
            return out;
        }

        private String bin(int depth) {
            StringBuilder sb = new StringBuilder(pick("(", "(", "bin.(", "pipeline.(", "bin . ("));
            sb.append(" name=b").append(n++);
            int count = 1 + r.nextInt(2);
            List<String> inner = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                inner.addAll(unit(depth + 1));
            }
            return sb.append(' ').append(join(inner, " ")).append(" )").toString();
        }

        /** A bin whose first element is fed from outside by a reference: {@code src ! p3.}. */
        private List<String> openBin(int depth) {
            String p = "p" + n++;
            String bin = "( name=b" + n++ + " passthrough name=" + p + link() + sink() + " )";
            String feeder = src() + link() + (r.nextBoolean() ? middle() + link() : "") + p + pick(".", ".sink");
            List<String> out = new ArrayList<>(List.of(bin, feeder));
            Collections.shuffle(out, r);
            return out;
        }

        private String link() {
            if (r.nextInt(3) != 0) {
                return pick(" ! ", " !", "! ", "\n! ");
            }
            String f = "f" + n++;
            int v = r.nextInt(100);
            String caps = pick("test/x-data, " + f + "=(int)" + v, "test/x-data," + f + "=" + v,
                    "\"test/x-data, " + f + "=(int)" + v + "\"", "'test/x-data, " + f + "=(string)hello'", "test/x-data",
                    "\"test/x-data, " + f + "=(string)\\\"a b\\\"\"");
            return " ! " + caps + " ! ";
        }

        private String name(boolean quotedAllowed) {
            int k = r.nextInt(4);
            if (k == 0) {
                return "";
            }
            if (quotedAllowed && k == 1) {
                return " name=\"my sink " + n++ + "\"";
            }
            return " name" + pick("=", " = ") + "e" + n++;
        }

        private String src() {
            StringBuilder sb = new StringBuilder("testsrc").append(name(false));
            if (r.nextBoolean()) {
                int v = r.nextInt(1000) - 1;
                sb.append(pick(" num-buffers=" + v, " num-buffers=(int)" + v, " num-buffers = " + v,
                        " num-buffers=\"" + v + "\""));
            }
            if (r.nextBoolean()) {
                sb.append(" is-live=").append(pick("true", "false", "(boolean)true", "yes", "0", "'false'"));
            }
            if (r.nextInt(4) == 0) {
                sb.append(" caps=").append(pick("test/x-data,rate=(int)5", "\"test/x-data, rate=(int)7\"",
                        "(caps)\"test/x-other\"", "ANY"));
            }
            return sb.toString();
        }

        private String sink() {
            StringBuilder sb = new StringBuilder("testsink").append(name(true));
            if (r.nextBoolean()) {
                sb.append(" async=").append(pick("true", "false", "(bool)true", "1"));
            }
            if (r.nextInt(4) == 0) {
                sb.append(" caps=").append(pick("test/x-data", "\"test/x-data\"", "(caps)test/x-data"));
            }
            return sb.toString();
        }

        private String middle() {
            return switch (r.nextInt(4)) {
                case 0 -> "passthrough" + name(false);
                case 1 -> "capsfilter name=cf" + n++ + " caps=\"test/x-data, g" + n++ + "=(int)" + r.nextInt(9) + "\"";
                default -> propTest();
            };
        }

        private String propTest() {
            StringBuilder sb = new StringBuilder("proptest").append(name(false));
            if (r.nextBoolean()) {
                int v = r.nextInt(201) - 100;
                sb.append(pick(" count=" + v, " count=(int)" + v, " count='" + v + "'"));
            }
            if (r.nextBoolean()) {
                sb.append(" big=").append(r.nextLong());
            }
            if (r.nextBoolean()) {
                double d = pickDouble();
                sb.append(pick(" ratio=" + d, " ratio=(double)" + d, " ratio=\"" + d + "\""));
            }
            if (r.nextBoolean()) {
                sb.append(" flag=").append(pick("true", "false", "(boolean)true", "yes", "no"));
            }
            if (r.nextBoolean()) {
                sb.append(" label=").append(quoteLabel(TRICKY[r.nextInt(TRICKY.length)]));
            }
            if (r.nextBoolean()) {
                sb.append(" mode=").append(pick("fast", "careful", "wild-guess", "1", "7", "(enum)careful", "WILD_GUESS"));
            }
            if (r.nextBoolean()) {
                sb.append(" rate=").append(pick("30/1", "(fraction)25/2", "1001/30", "0/1"));
            }
            if (r.nextInt(3) == 0) {
                sb.append(" caps=").append(pick("video/x-raw,width=(int)320", "\"video/x-raw, format=(string)I420\"",
                        "(caps)audio/x-raw", "EMPTY"));
            }
            return sb.toString();
        }

        private double pickDouble() {
            double[] ds = {0.0, -2.5, 0.1, 1e-7, 12345.678, -1e8, 3.0};
            return ds[r.nextInt(ds.length)];
        }

        private String quoteLabel(String s) {
            return switch (r.nextInt(3)) {
                case 0 -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                case 1 -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
                default -> s.isEmpty() ? "\"\"" : "(string)" + "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            };
        }
    }

    // ---------------------------------------------------------------- random pipelines built by hand

    @Provide
    Arbitrary<Pipeline> handBuilt() {
        ParseTestElements.register();
        return Arbitraries.randomValue(r -> new PipelineGen(r).pipeline());
    }

    /** Builds random pipelines with ElementFactory, links, request pads, nested bins and ghost pads. */
    static final class PipelineGen {
        private final Random r;
        private int n;

        PipelineGen(Random r) {
            this.r = r;
        }

        Pipeline pipeline() {
            Pipeline p = new Pipeline();
            fill(p, 0);
            return p;
        }

        private String name() {
            return r.nextInt(3) == 0 ? null : "h" + n++;
        }

        private Element make(String factory, Bin into) {
            Element e = ElementFactory.make(factory, name());
            into.add(e);
            return e;
        }

        private void fill(Bin bin, int depth) {
            int units = 1 + r.nextInt(3);
            for (int k = 0; k < units; k++) {
                switch (r.nextInt(depth < 2 ? 7 : 4)) {
                    case 0, 1 -> chain(bin, make("testsrc", bin));
                    case 2 -> tee(bin);
                    case 3 -> make(r.nextBoolean() ? "testsink" : "proptest", bin);
                    case 4 -> nested(bin, depth);
                    case 5 -> feedNested(bin, depth);
                    default -> twoBins(bin, depth);
                }
            }
        }

        /** Links {@code from} through random middles to a sink, all in {@code bin}. */
        private Element chain(Bin bin, Element from) {
            Element cur = from;
            int middles = r.nextInt(3);
            for (int k = 0; k < middles; k++) {
                Element m = middle(bin);
                link(bin, cur, m);
                cur = m;
            }
            Element sink = sink(bin);
            link(bin, cur, sink);
            return sink;
        }

        private void link(Bin bin, Element a, Element b) {
            if (r.nextInt(3) == 0) {
                Element cf = ElementFactory.make("capsfilter");
                cf.setProperty("caps", Caps.parse("test/x-data, f" + n++ + "=(int)" + r.nextInt(50)));
                bin.add(cf);
                a.linkOrThrow(cf);
                cf.linkOrThrow(b);
            } else {
                a.linkOrThrow(b);
            }
        }

        private Element sink(Bin bin) {
            Element s = make("testsink", bin);
            if (r.nextBoolean()) {
                s.setProperty("async", true);
            }
            return s;
        }

        private Element middle(Bin bin) {
            if (r.nextInt(3) == 0) {
                return make("passthrough", bin);
            }
            Element e = make("proptest", bin);
            if (r.nextBoolean()) {
                e.setProperty("count", r.nextInt(201) - 100);
            }
            if (r.nextBoolean()) {
                e.setProperty("ratio", r.nextDouble() * 1000 - 500);
            }
            if (r.nextBoolean()) {
                e.setProperty("label", ParseRoundTripTest.TextGen.TRICKY[r.nextInt(TextGen.TRICKY.length)]);
            }
            if (r.nextBoolean()) {
                e.setProperty("mode", ParseTestElements.Mode.values()[r.nextInt(3)]);
            }
            if (r.nextBoolean()) {
                e.setProperty("rate", Fraction.of(r.nextInt(1000), 1 + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                e.setProperty("big", r.nextLong());
            }
            return e;
        }

        private void tee(Bin bin) {
            Element src = make("testsrc", bin);
            Element tee = ElementFactory.make("testtee", "t" + n++);
            bin.add(tee);
            link(bin, src, tee);
            int branches = r.nextInt(4);
            for (int k = 0; k < branches; k++) {
                Element first = r.nextBoolean() ? middle(bin) : sink(bin);
                tee.linkPads("src_%u", first, null);
                if (first.getSrcPads().size() > 0) {
                    chain(bin, first);
                }
            }
        }

        private Bin nested(Bin bin, int depth) {
            Bin b = (Bin) ElementFactory.make(r.nextInt(4) == 0 ? "pipeline" : "bin", "b" + n++);
            fill(b, depth + 1);
            bin.add(b);
            return b;
        }

        /** A source outside linked to a passthrough inside a nested bin, through a ghost pad. */
        private void feedNested(Bin bin, int depth) {
            Bin b = (Bin) ElementFactory.make("bin", "b" + n++);
            Element pt = ElementFactory.make("passthrough", "p" + n++);
            b.add(pt);
            chain(b, pt);
            GhostPad.expose(b, pt, "sink");
            if (r.nextBoolean()) {
                fill(b, depth + 1);
            }
            bin.add(b);
            Element src = make("testsrc", bin);
            link(bin, src, b);
        }

        /** Two sibling bins linked through a ghost source pad and a ghost sink pad. */
        private void twoBins(Bin bin, int depth) {
            Bin a = (Bin) ElementFactory.make("bin", "b" + n++);
            Element src = ElementFactory.make("testsrc", "s" + n++);
            Element out = ElementFactory.make("passthrough", "p" + n++);
            a.add(src, out);
            src.linkOrThrow(out);
            GhostPad.expose(a, out, "src");
            Bin b = (Bin) ElementFactory.make("bin", "b" + n++);
            Element in = ElementFactory.make("passthrough", "p" + n++);
            b.add(in);
            chain(b, in);
            GhostPad.expose(b, in, "sink");
            bin.add(a, b);
            a.linkOrThrow(b);
        }
    }
}
