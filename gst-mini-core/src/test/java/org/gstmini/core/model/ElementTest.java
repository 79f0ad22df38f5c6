package org.gstmini.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Pad;
import org.gstmini.core.PadLinkException;
import org.gstmini.core.PadLinkReturn;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Property;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.UnknownPropertyException;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.testing.PassThrough;
import org.gstmini.core.testing.TestCapsFilter;
import org.gstmini.core.testing.TestElementsPlugin;
import org.gstmini.core.testing.TestSink;
import org.gstmini.core.testing.TestSrc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GstElement's model: names, properties, request pads, linking. */
class ElementTest {
    @BeforeAll
    static void registerTestElements() {
        TestElementsPlugin.register();
    }

    /** A hand-made element with one property of each kind. */
    static final class Knobs extends Element {
        enum Mode {
            @Property.Nick(value = 1, nick = "fast")
            FAST,
            @Property.Nick(value = 7, nick = "slow-motion")
            SLOW_MOTION
        }

        static final Property<Integer> COUNT = Property.ofInt("count", "How many", 0, 100, 10);
        static final Property<Boolean> ENABLED = Property.ofBoolean("enabled", "On or off", true);
        static final Property<Mode> MODE = Property.ofEnum("mode", "How fast", Mode.FAST);
        static final Property<Caps> FILTER = Property.ofCaps("filter", "Caps to allow", Caps.ANY);
        static final Property<Long> STATS = Property.readOnly("stats", "Bytes seen", Long.class, 0L);
        static final Property<Integer> VOLUME = Property.ofInt("volume", "Loudness", 0, 10, 5)
                .mutableIn(Property.Mutability.PLAYING);

        Knobs() {
            installProperty(COUNT, ENABLED, MODE, FILTER, STATS, VOLUME);
        }
    }

    static final class FancyThing extends Element {
    }

    static final class Codec3 extends Element {
    }

    // ------------------------------------------------------------------ names

    private static int counterOf(String name, String base) {
        Matcher m = Pattern.compile(Pattern.quote(base) + "(\\d+)").matcher(name);
        assertTrue(m.matches(), name + " is not " + base + "<n>");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void factoryElementsAreNamedAfterTheFactoryWithACounter() {
        Element a = ElementFactory.make("passthrough");
        Element b = ElementFactory.make("passthrough");
        int n = counterOf(a.getName(), "passthrough");
        assertEquals(n + 1, counterOf(b.getName(), "passthrough"));
        assertEquals("given", ElementFactory.make("passthrough", "given").getName());
    }

    @Test
    void handMadeElementsAreNamedAfterTheClass() {
        assertEquals("fancything0", new FancyThing().getName());
        assertEquals("fancything1", new FancyThing().getName());
        assertEquals("codec3-0", new Codec3().getName(), "a name ending in a digit gets a dash");
        assertTrue(new PassThrough().getName().startsWith("passthrough"));
    }

    @Test
    void setNameIsRefusedInsideABin() {
        PassThrough pt = new PassThrough();
        pt.setName("before");
        assertEquals("before", pt.getName());
        assertEquals("before", pt.getProperty("name"));
        Bin bin = new Bin("holder");
        bin.add(pt);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pt.setName("after"));
        assertTrue(e.getMessage().contains("holder"), e.getMessage());
        assertEquals("before", pt.getName());
        bin.remove(pt);
        pt.setName("after");
        assertEquals("after", pt.getName());
    }

    @Test
    void binRefusesTwoChildrenWithTheSameName() {
        Bin bin = new Bin("b");
        bin.add(ElementFactory.make("passthrough", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bin.add(ElementFactory.make("passthrough", "x")));
        assertTrue(e.getMessage().contains("already has an element with that name"), e.getMessage());
    }

    // ------------------------------------------------------------------ properties

    @Test
    void propertiesStartAtTheirDefaultsAndAreListedInOrder() {
        Knobs k = new Knobs();
        assertEquals(10, k.get(Knobs.COUNT));
        assertEquals(Boolean.TRUE, k.getProperty("enabled"));
        assertEquals(Knobs.Mode.FAST, k.get(Knobs.MODE));
        assertTrue(k.get(Knobs.FILTER).isAny());
        assertEquals(0L, k.get(Knobs.STATS));
        assertEquals(List.of("name", "count", "enabled", "mode", "filter", "stats", "volume"),
                k.listProperties().stream().map(Property::name).toList());
        assertSame(Knobs.COUNT, k.findProperty("count"));
        assertNull(k.findProperty("nope"));
    }

    @Test
    void propertiesAreSetFromText() {
        Knobs k = new Knobs();
        k.setPropertyFromString("count", "42");
        assertEquals(42, k.get(Knobs.COUNT));
        k.setPropertyFromString("count", "0x10");
        assertEquals(16, k.get(Knobs.COUNT));
        k.setPropertyFromString("enabled", "false");
        assertEquals(false, k.get(Knobs.ENABLED));
        k.setPropertyFromString("enabled", "yes");
        assertEquals(true, k.get(Knobs.ENABLED));
        k.setPropertyFromString("enabled", "0");
        assertEquals(false, k.get(Knobs.ENABLED));
        k.setPropertyFromString("mode", "slow-motion");
        assertEquals(Knobs.Mode.SLOW_MOTION, k.get(Knobs.MODE));
        k.setPropertyFromString("mode", "1");
        assertEquals(Knobs.Mode.FAST, k.get(Knobs.MODE), "by number");
        k.setPropertyFromString("mode", "SLOW_MOTION");
        assertEquals(Knobs.Mode.SLOW_MOTION, k.get(Knobs.MODE), "by Java name");
        k.setPropertyFromString("filter", "video/x-raw, width=(int)320");
        assertTrue(k.get(Knobs.FILTER).isEqualTo(Caps.parse("video/x-raw, width=320")));
        k.setProperty("mode", "fast");
        assertEquals(Knobs.Mode.FAST, k.get(Knobs.MODE), "an enum set from a String by name");
    }

    @Test
    void badTextNamesThePropertyAndTheExpectedType() {
        Knobs k = new Knobs();
        k.setName("knobs");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> k.setPropertyFromString("count", "many"));
        assertTrue(e.getMessage().startsWith("knobs: property 'count': cannot read \"many\" as Integer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> k.setPropertyFromString("enabled", "maybe"));
        assertTrue(e.getMessage().contains("expected true or false"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> k.setPropertyFromString("mode", "warp"));
        assertTrue(e.getMessage().contains("valid values are [1 (fast), 7 (slow-motion)]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> k.setPropertyFromString("mode", "3"));
        assertTrue(e.getMessage().contains("valid values are"), e.getMessage());
        assertEquals(10, k.get(Knobs.COUNT), "a failed set changes nothing");
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheRange() {
        Knobs k = new Knobs();
        k.setName("knobs");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.set(Knobs.COUNT, 101));
        assertEquals("knobs: property 'count': value 101 is out of range [0, 100]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> k.setPropertyFromString("count", "-1"));
        assertTrue(e.getMessage().contains("value -1 is out of range [0, 100]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> k.setProperty("count", "12"));
        assertTrue(e.getMessage().contains("takes Integer, not String 12"), e.getMessage());
        k.set(Knobs.COUNT, 100);
        assertEquals(100, k.get(Knobs.COUNT));
    }

    @Test
    void unknownPropertyNamesTheElementAndSuggestsTheClosest() {
        TestSrc src = new TestSrc();
        src.setName("src");
        UnknownPropertyException e = assertThrows(UnknownPropertyException.class,
                () -> src.setPropertyFromString("num-buffer", "3"));
        assertEquals("src (TestSrc) has no property 'num-buffer'; did you mean 'num-buffers'?", e.getMessage());
        assertEquals("num-buffer", e.propertyName());
        e = assertThrows(UnknownPropertyException.class, () -> src.getProperty("zzzzzzzzzzzz"));
        assertEquals("src (TestSrc) has no property 'zzzzzzzzzzzz'", e.getMessage());
    }

    @Test
    void readOnlyPropertiesCannotBeSet() {
        Knobs k = new Knobs();
        k.setName("knobs");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.setProperty("stats", 5L));
        assertEquals("knobs: property 'stats' is read-only", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> k.setPropertyFromString("stats", "5"));
    }

    @Test
    void propertiesAreNotSettableInPlayingUnlessMutable() {
        Knobs k = new Knobs();
        k.setName("knobs");
        assertEquals(StateChangeReturn.SUCCESS, k.setState(State.PAUSED));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> k.set(Knobs.COUNT, 3));
        assertTrue(e.getMessage().startsWith("knobs: property 'count' can only be changed up to the READY state"),
                e.getMessage());
        assertEquals(StateChangeReturn.SUCCESS, k.setState(State.PLAYING));
        assertThrows(IllegalStateException.class, () -> k.setPropertyFromString("count", "3"));
        k.set(Knobs.VOLUME, 9);
        assertEquals(9, k.get(Knobs.VOLUME), "a property mutable in PLAYING");
        assertEquals(StateChangeReturn.SUCCESS, k.setState(State.READY));
        k.set(Knobs.COUNT, 3);
        assertEquals(3, k.get(Knobs.COUNT));
        k.setState(State.NULL);

        Pipeline p = new Pipeline();
        p.setState(State.PLAYING);
        p.set(Pipeline.LATENCY, 5L); // "latency" is mutable while playing
        assertEquals(5L, p.get(Pipeline.LATENCY));
        p.setState(State.NULL);
    }

    // ------------------------------------------------------------------ request pads

    @Test
    void requestPadsFromATemplateAreNumberedOrNamed() {
        Element tee = ElementFactory.make("testtee");
        Pad p0 = tee.requestPad("src_%u");
        Pad p1 = tee.requestPad("src_%u");
        assertEquals("src_0", p0.getName());
        assertEquals("src_1", p1.getName());
        assertSame(p1, tee.getStaticPad("src_1"));
        Pad p5 = tee.requestPad("src_5");
        assertNotNull(p5);
        assertEquals("src_5", p5.getName());
        assertNull(tee.requestPad("src_5"), "the name is taken");
        assertNull(tee.requestPad("sink_%u"), "no such request template");
        assertNull(tee.requestPad("src_x"), "%u needs a number");
        assertEquals(3, tee.getSrcPads().size());
        tee.releaseRequestPad(p0);
        assertNull(tee.getStaticPad("src_0"));
        assertNull(p0.getParent());
        assertNull(new PassThrough().requestPad("src_%u"), "an element without request templates");
    }

    // ------------------------------------------------------------------ linking

    @Test
    void linkFindsCompatiblePadsAndLinkPadsUsesNames() {
        TestSrc src = new TestSrc();
        PassThrough mid = new PassThrough();
        TestSink sink = new TestSink();
        assertTrue(src.link(mid));
        assertSame(mid.getStaticPad("sink"), src.src().getPeer());
        assertFalse(src.link(sink), "no free source pad left");
        assertTrue(mid.linkPads("src", sink, "sink"));
        assertSame(sink.sinkPad(), mid.getStaticPad("src").getPeer());
        mid.unlink(sink);
        assertFalse(mid.getStaticPad("src").isLinked());
        assertFalse(mid.linkPads("nope", sink, null));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> mid.linkPadsOrThrow("nope", sink, null));
        assertTrue(e.getMessage().contains(mid.getName() + " has no pad 'nope'"), e.getMessage());
    }

    @Test
    void linkPadsRequestsPadsFromTemplates() {
        Element tee = ElementFactory.make("testtee");
        TestSink a = new TestSink();
        TestSink b = new TestSink();
        assertTrue(tee.linkPads("src_%u", a, null));
        assertTrue(tee.link(b), "link() requests a pad when no free one exists");
        assertEquals(2, tee.getSrcPads().size());
        assertSame(a.sinkPad(), tee.getStaticPad("src_0").getPeer());
        assertSame(b.sinkPad(), tee.getStaticPad("src_1").getPeer());
    }

    @Test
    void incompatibleCapsLinkFailsWithAMessageNamingPadsAndCaps() {
        TestCapsFilter audio = new TestCapsFilter();
        audio.setName("audiofilter");
        audio.set(TestCapsFilter.CAPS, Caps.parse("audio/x-raw"));
        TestSink video = new TestSink();
        video.setName("videosink");
        video.set(TestSink.CAPS, Caps.parse("video/x-raw"));
        assertFalse(audio.link(video));
        assertFalse(audio.getStaticPad("src").isLinked());
        PadLinkException e = assertThrows(PadLinkException.class, () -> audio.linkOrThrow(video));
        assertEquals(PadLinkReturn.NOFORMAT, e.reason());
        assertEquals("could not link audiofilter:src to videosink:sink: their caps have nothing in common\n"
                + "  audiofilter:src can produce: audio/x-raw\n"
                + "  videosink:sink accepts: video/x-raw", e.getMessage());
        PadLinkException viaMany = assertThrows(PadLinkException.class, () -> Element.linkMany(audio, video));
        assertEquals(PadLinkReturn.NOFORMAT, viaMany.reason());

        PadLinkException hierarchy = assertThrows(PadLinkException.class, () -> {
            Bin bin = new Bin();
            TestSink inBin = new TestSink();
            bin.add(inBin);
            new TestSrc().linkOrThrow(inBin);
        });
        assertEquals(PadLinkReturn.WRONG_HIERARCHY, hierarchy.reason());
        assertTrue(hierarchy.getMessage().contains("not in the same bin"), hierarchy.getMessage());
    }

    @Test
    void padsAddedAndRemovedAreAnnounced() {
        Element e = ElementFactory.make("testtee");
        List<String> added = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> removed = new java.util.concurrent.CopyOnWriteArrayList<>();
        e.addPadAddedListener(p -> added.add(p.getName()));
        e.addPadRemovedListener(p -> removed.add(p.getName()));
        Pad p = e.requestPad("src_%u");
        assertEquals(List.of("src_0"), added);
        e.releaseRequestPad(p);
        assertEquals(List.of("src_0"), removed);
        assertThrows(IllegalArgumentException.class, () -> e.addPad(new Pad("sink", p.getPadTemplate())),
                "a second pad named sink");
        assertInstanceOf(Pad.class, e.getStaticPad("sink"));
    }
}
