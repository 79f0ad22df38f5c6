package org.gstmini.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gstmini.core.Bin;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.GhostPad;
import org.gstmini.core.Message;
import org.gstmini.core.MessageType;
import org.gstmini.core.Pad;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.Fraction;
import org.gstmini.core.testing.PassThrough;
import org.gstmini.core.testing.TestSink;
import org.gstmini.core.testing.TestSrc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParseTest {

    @BeforeAll
    static void registerElements() {
        ParseTestElements.register();
    }

    private static Pipeline pipeline(String description) {
        return assertInstanceOf(Pipeline.class, Parse.launch(description));
    }

    private static Element peerElement(Pad pad) {
        assertNotNull(pad.getPeer(), pad + " is not linked");
        return pad.getPeer().getParent();
    }

    private static Element linkedAfter(Element e) {
        return peerElement(e.getSrcPads().get(0));
    }

    // ================================================================ what launch returns

    @Nested
    class Results {
        @Test
        void oneElementIsReturnedItself() {
            Element e = Parse.launch("testsrc");
            assertInstanceOf(TestSrc.class, e);
            assertNull(e.getParent());
        }

        @Test
        void oneElementWithPropertiesIsReturnedItself() {
            Element e = Parse.launch("testsrc num-buffers=7 name=src");
            assertEquals("src", e.getName());
            assertEquals(7, e.get(TestSrc.NUM_BUFFERS));
        }

        @Test
        void aChainIsPutInAPipeline() {
            Pipeline p = pipeline("testsrc name=a ! passthrough name=b ! testsink name=c");
            assertEquals(List.of("a", "b", "c"), p.getChildren().stream().map(Element::getName).toList());
            assertSame(p.getByName("b"), linkedAfter(p.getByName("a")));
            assertSame(p.getByName("c"), linkedAfter(p.getByName("b")));
        }

        @Test
        void unlinkedChainsShareOnePipeline() {
            Pipeline p = pipeline("testsrc name=a ! testsink name=b   testsrc name=c ! testsink name=d");
            assertEquals(4, p.getChildren().size());
            assertSame(p.getByName("b"), linkedAfter(p.getByName("a")));
            assertSame(p.getByName("d"), linkedAfter(p.getByName("c")));
        }

        @Test
        void twoUnlinkedElementsMakeAPipeline() {
            Pipeline p = pipeline("testsrc testsink");
            assertEquals(2, p.getChildren().size());
            assertFalse(p.getChildren().get(0).getSrcPads().get(0).isLinked());
        }

        @Test
        void aSingleTopLevelBinIsReturnedItself() {
            Element e = Parse.launch("( name=b1 testsrc name=s ! testsink name=k )");
            Bin b = assertInstanceOf(Bin.class, e);
            assertFalse(e instanceof Pipeline);
            assertEquals("b1", b.getName());
            assertSame(b.getByName("k"), linkedAfter(b.getByName("s")));
        }

        @Test
        void aTypedTopLevelBinIsReturnedItself() {
            Element e = Parse.launch("pipeline.( name=inner testsrc ! testsink )");
            assertInstanceOf(Pipeline.class, e);
            assertEquals("inner", e.getName());
            assertEquals(2, ((Bin) e).getChildren().size());
        }

        @Test
        void launchWorksWithAGivenRegistry() {
            Element e = Parse.launch("testsrc ! testsink", ParseTestElements.withoutCapsFilter());
            assertEquals(2, assertInstanceOf(Pipeline.class, e).getChildren().size());
        }
    }

    // ================================================================ running

    @Nested
    class Running {
        private void playToEos(Pipeline p, String sinkName, int buffers) {
            try {
                assertTrue(p.setState(State.PLAYING) != StateChangeReturn.FAILURE);
                Message m = p.getBus().timedPop(10 * ClockTime.SECOND, MessageType.EOS, MessageType.ERROR);
                assertNotNull(m, "no EOS within 10 s");
                assertEquals(MessageType.EOS, m.type(), m.toString());
                assertEquals(buffers, ((TestSink) p.getByName(sinkName)).buffers().size());
            } finally {
                assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
            }
        }

        @Test
        void aLaunchedChainPlaysToEos() {
            playToEos(pipeline("testsrc num-buffers=3 ! testsink name=sink"), "sink", 3);
        }

        @Test
        void capsFilterAndPassthroughPassTheBuffers() {
            playToEos(pipeline("testsrc num-buffers=4 ! test/x-data ! passthrough ! testsink name=sink"), "sink", 4);
        }

        @Test
        void branchesOfATeeAllGetTheBuffers() {
            Pipeline p = pipeline("testsrc num-buffers=3 ! testtee name=t  t. ! testsink name=a  t. ! testsink name=b");
            playToEos(p, "a", 3);
            assertEquals(3, ((TestSink) p.getByName("b")).buffers().size());
        }

        @Test
        void buffersFlowIntoABinThroughTheGhostPadsTheParserMade() {
            playToEos(pipeline("testsrc num-buffers=3 ! ( name=b passthrough ! testsink name=sink )"), "sink", 3);
        }

        @Test
        void aBinFromADescriptionLinksLikeOneElement() {
            Bin filter = Parse.binFromDescription("passthrough ! passthrough", true);
            Pipeline p = new Pipeline("outer");
            TestSrc src = new TestSrc();
            src.set(TestSrc.NUM_BUFFERS, 2);
            TestSink sink = new TestSink();
            sink.setName("sink");
            p.add(src, filter, sink);
            Element.linkMany(src, filter, sink);
            playToEos(p, "sink", 2);
        }

        @Test
        void delayedLinkIsMadeWhenTheSometimesPadAppears() {
            Pipeline p = pipeline("dynsrc name=d ! testsink name=k");
            Element d = p.getByName("d");
            TestSink k = (TestSink) p.getByName("k");
            assertTrue(d.getSrcPads().isEmpty());
            assertFalse(k.sinkPad().isLinked());
            try {
                p.setState(State.PAUSED);
                Pad src0 = d.getStaticPad("src_0");
                assertNotNull(src0);
                assertSame(k.sinkPad(), src0.getPeer());
            } finally {
                p.setState(State.NULL);
            }
        }

        @Test
        void delayedLinkToANamedSometimesPadWithCaps() {
            Pipeline p = pipeline("dynsrc name=d  d.src_0 ! test/x-data ! testsink name=k");
            Element cf = p.getChildren().stream().filter(e -> e.getFactory().getName().equals("capsfilter"))
                    .findFirst().orElseThrow();
            assertSame(p.getByName("k"), linkedAfter(cf), "the caps filter is linked to the sink at once");
            try {
                p.setState(State.PAUSED);
                assertSame(cf, peerElement(p.getByName("d").getStaticPad("src_0")));
            } finally {
                p.setState(State.NULL);
            }
        }
    }

    // ================================================================ grammar

    @Nested
    class Grammar {
        @Test
        void teeBranchesWithAnyPadReferences() {
            Pipeline p = pipeline("testsrc ! testtee name=t  t. ! testsink name=a  t. ! testsink name=b");
            Element t = p.getByName("t");
            assertEquals(List.of("src_0", "src_1"), t.getSrcPads().stream().map(Pad::getName).toList());
            assertSame(p.getByName("a"), peerElement(t.getStaticPad("src_0")));
            assertSame(p.getByName("b"), peerElement(t.getStaticPad("src_1")));
        }

        @Test
        void requestPadTemplatesAndConcreteRequestPads() {
            Pipeline p = pipeline("testsrc ! testtee name=t  t.src_%u ! testsink name=a  t.src_7 ! testsink name=b"
                    + "  t.src_%u ! testsink name=c");
            Element t = p.getByName("t");
            assertSame(p.getByName("a"), peerElement(t.getStaticPad("src_0")));
            assertSame(p.getByName("b"), peerElement(t.getStaticPad("src_7")));
            assertSame(p.getByName("c"), peerElement(t.getStaticPad("src_1")));
        }

        @Test
        void aReferenceMayComeBeforeOrAfterTheNamedElement() {
            Pipeline p = pipeline("testsrc name=a ! s.   testsink name=s");
            assertSame(p.getByName("s"), linkedAfter(p.getByName("a")));
            Pipeline q = pipeline("testsink name=s   testsrc name=a ! s.sink");
            assertSame(q.getByName("s"), linkedAfter(q.getByName("a")));
        }

        @Test
        void referencesOnBothSidesOfALink() {
            Pipeline p = pipeline("testsrc name=a  testsink name=b  a. ! b.");
            assertSame(p.getByName("b"), linkedAfter(p.getByName("a")));
            Pipeline q = pipeline("testsrc name=a  testsink name=b  a.src ! b.sink");
            assertSame(q.getByName("b"), linkedAfter(q.getByName("a")));
        }

        @Test
        void requestSinkPadsOnTheRightOfALink() {
            Pipeline p = pipeline("testsrc name=a ! f.sink_%u  testsrc name=b ! f.sink_%u  testfunnel name=f ! testsink"
                    + "  testsrc name=c ! .sink_%u f.");
            assertFalse(p.getChildren().isEmpty());
            Element f = p.getByName("f");
            assertSame(f.getStaticPad("sink_0"), p.getByName("a").getSrcPads().get(0).getPeer());
            assertSame(f.getStaticPad("sink_1"), p.getByName("b").getSrcPads().get(0).getPeer());
            assertSame(f.getStaticPad("sink_2"), p.getByName("c").getSrcPads().get(0).getPeer());
        }

        @Test
        void padReferencesAfterAnElementAndBeforeTheNextOne() {
            Pipeline p = pipeline("testsrc name=a .src ! .sink testsink name=b");
            assertSame(p.getByName("b"), linkedAfter(p.getByName("a")));
            Pipeline q = pipeline("testsrc ! testtee name=t .src_3 ! testsink name=x");
            assertSame(q.getByName("x"), peerElement(q.getByName("t").getStaticPad("src_3")));
        }

        @Test
        void padListsLinkPairwise() {
            Pipeline p = pipeline("testsrc ! testtee name=t  twoin name=m  t.src_0,src_1 ! m.sink_b,sink_a");
            Element t = p.getByName("t");
            Element m = p.getByName("m");
            assertSame(m.getStaticPad("sink_b"), t.getStaticPad("src_0").getPeer());
            assertSame(m.getStaticPad("sink_a"), t.getStaticPad("src_1").getPeer());
        }

        @Test
        void capsFilterBetweenLinksInsertsACapsfilter() {
            Pipeline p = pipeline("testsrc name=a ! video/x-raw,width=320,height=240 ! testsink name=b");
            assertEquals(3, p.getChildren().size());
            Element cf = linkedAfter(p.getByName("a"));
            assertEquals("capsfilter", cf.getFactory().getName());
            assertTrue(Caps.parse("video/x-raw, width=(int)320, height=(int)240").isEqualTo((Caps) cf.getProperty("caps")));
            assertSame(p.getByName("b"), linkedAfter(cf));
        }

        @Test
        void quotedCapsFilters() {
            Pipeline p = pipeline("testsrc name=a ! \"video/x-raw, width=(int)320, format=(string)I420\" ! testsink");
            Caps c = (Caps) linkedAfter(p.getByName("a")).getProperty("caps");
            assertTrue(Caps.parse("video/x-raw, width=(int)320, format=(string)I420").isEqualTo(c));
            Pipeline q = pipeline("testsrc name=a ! 'video/x-raw, framerate=(fraction)30/1' ! testsink");
            assertTrue(Caps.parse("video/x-raw, framerate=(fraction)30/1")
                    .isEqualTo((Caps) linkedAfter(q.getByName("a")).getProperty("caps")));
        }

        @Test
        void capsWithSpacesQuotedFieldsAndSeveralStructures() {
            Pipeline p = pipeline("testsrc name=a ! video/x-raw, format=\"I420\" ; audio/x-raw ! testsink");
            Caps c = (Caps) linkedAfter(p.getByName("a")).getProperty("caps");
            assertTrue(Caps.parse("video/x-raw, format=(string)I420; audio/x-raw").isEqualTo(c), c.toString());
        }

        @Test
        void severalCapsFiltersInARow() {
            Pipeline p = pipeline("testsrc name=a ! test/x-data ! test/x-data,n=(int)3 ! testsink name=b");
            Element cf1 = linkedAfter(p.getByName("a"));
            Element cf2 = linkedAfter(cf1);
            assertSame(p.getByName("b"), linkedAfter(cf2));
            assertTrue(Caps.parse("test/x-data, n=(int)3").isEqualTo((Caps) cf2.getProperty("caps")));
        }

        @Test
        void binsInParenthesesWithProperties() {
            Pipeline p = pipeline("testsrc name=a ! ( name=b1 passthrough name=p ! testsink name=k )");
            Bin b1 = assertInstanceOf(Bin.class, p.getByName("b1"));
            assertSame(b1, p.getByName("p").getParent());
            // the link goes into the bin through a ghost pad
            Pad ghost = p.getByName("a").getSrcPads().get(0).getPeer();
            GhostPad g = assertInstanceOf(GhostPad.class, ghost);
            assertSame(b1, g.getParent());
            assertSame(p.getByName("p").getSinkPads().get(0), g.getTarget());
        }

        @Test
        void linksOutOfNestedBins() {
            Pipeline p = pipeline("( name=outer ( name=inner testsrc name=s ) ) s. ! testsink name=k");
            Pad ghost = ((TestSink) p.getByName("k")).sinkPad().getPeer();
            assertSame(p.getByName("outer"), ghost.getParent());
            assertEquals(2, p.getChildren().size());
        }

        @Test
        void typedBins() {
            Pipeline p = pipeline("testsrc ! testsink  pipeline.( name=inner testsrc ! testsink )  bin . ( name=b testsrc )");
            assertInstanceOf(Pipeline.class, p.getByName("inner"));
            assertEquals(Bin.class, p.getByName("b").getClass());
        }

        @Test
        void childPropertiesOfABin() {
            Bin b = assertInstanceOf(Bin.class,
                    Parse.launch("( name=b1 s::num-buffers=3 k::async=true testsrc name=s ! testsink name=k )"));
            assertEquals(3, b.getByName("s").get(TestSrc.NUM_BUFFERS));
            assertEquals(true, b.getByName("k").get(TestSink.ASYNC));
        }

        @Test
        void childPropertiesThroughNestedBins() {
            Bin b = assertInstanceOf(Bin.class,
                    Parse.launch("( name=b1 in::s::num-buffers=4 ( name=in testsrc name=s ! testsink ) )"));
            assertEquals(4, b.getByName("s").get(TestSrc.NUM_BUFFERS));
        }

        @Test
        void quotedValuesAndEscapes() {
            assertEquals("hello world", Parse.launch("proptest label=\"hello world\"").getProperty("label"));
            assertEquals("single quoted", Parse.launch("proptest label='single quoted'").getProperty("label"));
            assertEquals("say \"hi\"", Parse.launch("proptest label=\"say \\\"hi\\\"\"").getProperty("label"));
            assertEquals("it's", Parse.launch("proptest label='it\\'s'").getProperty("label"));
            assertEquals("back\\slash", Parse.launch("proptest label=\"back\\\\slash\"").getProperty("label"));
            assertEquals("a b", Parse.launch("proptest label=a\\ b").getProperty("label"));
            assertEquals("", Parse.launch("proptest label=\"\"").getProperty("label"));
            assertEquals("x ! (y)", Parse.launch("proptest label=\"x ! (y)\"").getProperty("label"));
        }

        @Test
        void spacesAroundTheEqualsSign() {
            assertEquals(5, Parse.launch("proptest count = 5").getProperty("count"));
            assertEquals(6, Parse.launch("proptest count= 6").getProperty("count"));
        }

        @Test
        void bareValuesMayHoldParenthesesAndQuotes() {
            Element e = Parse.launch("proptest caps=video/x-raw,width=(int)320,format=\"I 420\"");
            assertTrue(Caps.parse("video/x-raw, width=(int)320, format=(string)\"I 420\"").isEqualTo((Caps) e.getProperty("caps")));
            // a ')' that closes nothing ends the value: the bin's parenthesis
            Bin b = assertInstanceOf(Bin.class, Parse.launch("( proptest name=x label=y)"));
            assertEquals("y", b.getByName("x").getProperty("label"));
        }

        @Test
        void typedValues() {
            Element e = Parse.launch("proptest count=(int)5 big=(int64)9000000000 ratio=(double)1.5 flag=(boolean)true"
                    + " label=(string)foo rate=(fraction)30/1 caps=(caps)\"video/x-raw, width=(int)320\" mode=(enum)careful");
            assertEquals(5, e.getProperty("count"));
            assertEquals(9_000_000_000L, e.getProperty("big"));
            assertEquals(1.5, e.getProperty("ratio"));
            assertEquals(true, e.getProperty("flag"));
            assertEquals("foo", e.getProperty("label"));
            assertEquals(Fraction.of(30, 1), e.getProperty("rate"));
            assertTrue(Caps.parse("video/x-raw, width=(int)320").isEqualTo((Caps) e.getProperty("caps")));
            assertEquals(ParseTestElements.Mode.CAREFUL, e.getProperty("mode"));
        }

        @Test
        void typedStringKeepsQuotes() {
            assertEquals("a b", Parse.launch("proptest label=(string)\"a b\"").getProperty("label"));
        }

        @Test
        void valuesAreConvertedToThePropertyType() {
            Element e = Parse.launch("proptest count=0x10 ratio=2 flag=yes big=-5");
            assertEquals(16, e.getProperty("count"));
            assertEquals(2.0, e.getProperty("ratio"));
            assertEquals(true, e.getProperty("flag"));
            assertEquals(-5L, e.getProperty("big"));
        }

        @Test
        void enumsByNickNameOrNumber() {
            assertEquals(ParseTestElements.Mode.WILD_GUESS, Parse.launch("proptest mode=wild-guess").getProperty("mode"));
            assertEquals(ParseTestElements.Mode.WILD_GUESS, Parse.launch("proptest mode=7").getProperty("mode"));
            assertEquals(ParseTestElements.Mode.CAREFUL, Parse.launch("proptest mode=CAREFUL").getProperty("mode"));
        }

        @Test
        void whiteSpaceOfAnyKindSeparatesTokens() {
            Pipeline p = pipeline("testsrc\tname=a\n!\r\ntestsink  name=b");
            assertSame(p.getByName("b"), linkedAfter(p.getByName("a")));
        }
    }

    // ================================================================ binFromDescription

    @Nested
    class BinFromDescription {
        @Test
        void ghostPadsForTheUnlinkedPads() {
            Bin b = Parse.binFromDescription("passthrough name=a ! passthrough name=b", true);
            assertFalse(b instanceof Pipeline);
            GhostPad sink = assertInstanceOf(GhostPad.class, b.getStaticPad("sink"));
            GhostPad src = assertInstanceOf(GhostPad.class, b.getStaticPad("src"));
            assertSame(b.getByName("a").getSinkPads().get(0), sink.getTarget());
            assertSame(b.getByName("b").getSrcPads().get(0), src.getTarget());
        }

        @Test
        void withoutGhostPadsTheBinHasNoPads() {
            Bin b = Parse.binFromDescription("passthrough ! passthrough", false);
            assertTrue(b.getPads().isEmpty());
            assertEquals(2, b.getChildren().size());
        }

        @Test
        void oneElementIsStillPutInABin() {
            Bin b = Parse.binFromDescription("testsink name=k", true);
            assertEquals(List.of("k"), b.getChildren().stream().map(Element::getName).toList());
            assertNotNull(b.getStaticPad("sink"));
            assertNull(b.getStaticPad("src"));
        }

        @Test
        void padsInsideNestedBinsAreGhostedThroughEveryLevel() {
            Bin b = Parse.binFromDescription("( name=inner passthrough name=p )", true);
            GhostPad sink = assertInstanceOf(GhostPad.class, b.getStaticPad("sink"));
            GhostPad innerGhost = assertInstanceOf(GhostPad.class, sink.getTarget());
            assertSame(b.getByName("inner"), innerGhost.getParent());
            assertSame(b.getByName("p").getSinkPads().get(0), innerGhost.getTarget());
        }

        @Test
        void errorsArePositionedInTheGivenText() {
            ParseException e = assertThrows(ParseException.class, () -> Parse.binFromDescription("passthrough ! nosuch", true));
            assertEquals(14, e.position());
        }
    }

    // ================================================================ describe

    @Nested
    class Describe {
        private String roundTrip(String description) {
            return Parse.describe((Bin) Parse.launch(description));
        }

        @Test
        void aChain() {
            assertEquals("testsrc name=a num-buffers=3 ! passthrough name=p ! testsink name=k",
                    roundTrip("testsrc num-buffers=3 name=a ! passthrough name=p ! testsink name=k"));
        }

        @Test
        void teeBranchesUseReferences() {
            assertEquals("testsrc name=a ! testtee name=t .src_0 ! testsink name=x  t.src_1 ! testsink name=y",
                    roundTrip("testsrc name=a ! testtee name=t  t. ! testsink name=x  t. ! testsink name=y"));
        }

        @Test
        void capsFiltersArePrintedAsCaps() {
            assertEquals("testsrc name=a ! video/x-raw, width=(int)320 ! testsink name=b",
                    roundTrip("testsrc name=a ! video/x-raw,width=320 ! testsink name=b"));
            assertEquals("testsrc name=a ! \"ANY\" ! testsink name=b", roundTrip("testsrc name=a ! \"ANY\" ! testsink name=b"));
        }

        @Test
        void aNamedCapsfilterIsPrintedAsAnElement() {
            assertEquals("testsrc name=a ! capsfilter name=cf caps=video/x-raw ! testsink name=b",
                    roundTrip("testsrc name=a ! capsfilter name=cf caps=video/x-raw ! testsink name=b"));
        }

        @Test
        void binsAndLinksIntoThem() {
            assertEquals("testsrc name=a ! p.sink  ( name=b1 passthrough name=p ! testsink name=k )",
                    roundTrip("testsrc name=a ! ( name=b1 passthrough name=p ! testsink name=k )"));
        }

        @Test
        void propertiesWithQuotesAndEnums() {
            assertEquals("proptest name=x count=-3 flag=true label=\"say \\\"hi\\\" (now)\" mode=wild-guess rate=30/1"
                            + " caps=\"video/x-raw, width=(int)320\" ! testsink name=k",
                    roundTrip("proptest name=x count=-3 flag=yes label='say \"hi\" (now)' mode=7 rate=30/1"
                            + " caps=video/x-raw,width=320 ! testsink name=k"));
        }

        @Test
        void padsAreNamedWhereAnyPadLinkingWouldNotFindThem() {
            assertEquals("testsrc name=a ! .sink_b twoin name=m  testsrc name=b ! m.sink_a",
                    roundTrip("testsrc name=a ! .sink_b twoin name=m  testsrc name=b ! m.sink_a"));
        }

        @Test
        void requestSinkPadsAreNamed() {
            assertEquals("testsrc name=a ! .sink_0 testfunnel name=f ! testsink name=k  testsrc name=b ! f.sink_1",
                    roundTrip("testsrc name=a ! f.sink_%u  testsrc name=b ! f.sink_%u  testfunnel name=f ! testsink name=k"));
        }

        @Test
        void aHandBuiltPipeline() {
            Pipeline p = new Pipeline("p");
            Element src = ElementFactory.make("testsrc", "src");
            src.setProperty("num-buffers", 5);
            Element tee = ElementFactory.make("testtee", "t");
            Element a = ElementFactory.make("testsink", "a");
            Element cf = ElementFactory.make("capsfilter");
            cf.setProperty("caps", Caps.parse("test/x-data"));
            Element b = ElementFactory.make("testsink", "b");
            p.add(b, a, cf, tee, src);
            src.link(tee);
            tee.linkPads("src_%u", a, null);
            tee.linkPads("src_%u", cf, null);
            cf.link(b);
            assertEquals("testsrc name=src num-buffers=5 ! testtee name=t .src_0 ! testsink name=a  t.src_1 ! test/x-data ! testsink name=b",
                    Parse.describe(p));
        }

        @Test
        void elementsNotMadeByAFactoryCannotBeDescribed() {
            Pipeline p = new Pipeline();
            p.add(new PassThrough());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parse.describe(p));
            assertTrue(e.getMessage().contains("not made by an element factory"), e.getMessage());
        }

        @Test
        void aHandBuiltBinIsPrintedInParentheses() {
            Pipeline p = new Pipeline();
            Bin b = new Bin("inner");
            b.add(ElementFactory.make("testsrc", "s"), ElementFactory.make("testsink", "k"));
            b.getByName("s").link(b.getByName("k"));
            p.add(b, ElementFactory.make("testsink", "lonely"));
            assertEquals("( name=inner testsrc name=s ! testsink name=k )  testsink name=lonely", Parse.describe(p));
        }
    }
}
