package org.gstmini.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gstmini.core.NoSuchElementFactoryException;
import org.gstmini.core.PadLinkException;
import org.gstmini.core.Registry;
import org.gstmini.core.UnknownPropertyException;
import org.gstmini.core.caps.CapsParseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of error: its position (the offending token) and what the message says. */
class ParseErrorTest {

    @BeforeAll
    static void registerElements() {
        ParseTestElements.register();
    }

    private static ParseException fails(String description) {
        return fails(description, Registry.get());
    }

    private static ParseException fails(String description, Registry registry) {
        ParseException e = assertThrows(ParseException.class, () -> Parse.launch(description, registry));
        assertEquals(description, e.description());
        return e;
    }

    private static void assertMentions(ParseException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.reason().contains(part), () -> "expected '" + part + "' in:\n" + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- the message

    @Test
    void messageShowsReasonDescriptionAndCaret() {
        ParseException e = fails("testsrc ! testsnk");
        assertTrue(e.reason().startsWith("no element \"testsnk\"; did you mean 'testsink'"), e.reason());
        assertEquals(e.reason() + "\n"
                + "  testsrc ! testsnk\n"
                + "            ^", e.getMessage());
        assertEquals(10, e.position());
        assertInstanceOf(NoSuchElementFactoryException.class, e.getCause());
        assertInstanceOf(IllegalArgumentException.class, e);
    }

    @Test
    void caretStaysAlignedWithTabsAndNewlines() {
        ParseException e = fails("testsrc\t!\nnosuch");
        assertTrue(e.getMessage().endsWith("  testsrc ! nosuch\n            ^"), e.getMessage());
    }

    // ---------------------------------------------------------------- syntax

    @Test
    void unterminatedDoubleQuote() {
        String d = "testsrc ! proptest label=\"abc ! testsink";
        ParseException e = fails(d);
        assertEquals(d.indexOf('"'), e.position());
        assertMentions(e, "unterminated", "closing \"");
    }

    @Test
    void unterminatedSingleQuoteInCaps() {
        String d = "testsrc ! 'video/x-raw ! testsink";
        ParseException e = fails(d);
        assertEquals(d.indexOf('\''), e.position());
        assertMentions(e, "unterminated");
    }

    @Test
    void linkWithNothingAfterIt() {
        String d = "testsrc ! testsink !";
        ParseException e = fails(d);
        assertEquals(d.lastIndexOf('!'), e.position());
        assertMentions(e, "'!' must be followed by an element");
    }

    @Test
    void twoLinksInARow() {
        String d = "testsrc ! ! testsink";
        ParseException e = fails(d);
        assertEquals(8, e.position());
        assertMentions(e, "'!' must be followed by", "not '!'");
    }

    @Test
    void linkWithNothingBeforeIt() {
        ParseException e = fails("! testsink");
        assertEquals(0, e.position());
        assertMentions(e, "needs an element");
    }

    @Test
    void unclosedParenthesis() {
        String d = "testsrc ! ( passthrough ! testsink";
        ParseException e = fails(d);
        assertEquals(d.indexOf('('), e.position());
        assertMentions(e, "unbalanced '('", "')'");
    }

    @Test
    void parenthesisClosingNothing() {
        String d = "testsrc ! testsink )";
        ParseException e = fails(d);
        assertEquals(d.indexOf(')'), e.position());
        assertMentions(e, "unbalanced ')'");
    }

    @Test
    void equalsWithoutValue() {
        String d = "testsrc num-buffers= ! testsink";
        ParseException e = fails(d);
        assertEquals(d.indexOf('='), e.position());
        assertMentions(e, "'=' without a value", "num-buffers=value");
        assertEquals(19, fails("testsrc num-buffers=").position());
    }

    @Test
    void equalsWithoutName() {
        ParseException e = fails("testsrc ! = 5");
        assertEquals(10, e.position());
        assertMentions(e, "without a property name");
    }

    @Test
    void assignmentWithoutElement() {
        ParseException e = fails("name=foo testsrc");
        assertEquals(0, e.position());
        assertMentions(e, "must follow an element name");
    }

    @Test
    void unknownType() {
        String d = "testsrc num-buffers=(integer)5";
        ParseException e = fails(d);
        assertEquals(d.indexOf('('), e.position());
        assertMentions(e, "unknown type '(integer)'", "(int)");
    }

    @Test
    void typeWithoutValue() {
        ParseException e = fails("testsrc num-buffers=(int) ! testsink");
        assertEquals(20, e.position());
        assertMentions(e, "must be followed by its value");
    }

    @Test
    void padReferenceNotFollowedByALink() {
        String d = "testsrc .src";
        ParseException e = fails(d);
        assertEquals(8, e.position());
        assertMentions(e, "'.src'", "followed by '!'");
    }

    @Test
    void referenceNotLinkedToAnything() {
        String d = "testsrc name=s ! testsink  s.";
        ParseException e = fails(d);
        assertEquals(d.lastIndexOf("s."), e.position());
        assertMentions(e, "not linked to anything");
    }

    @Test
    void capsFilterMustBeFollowedByALink() {
        String d = "testsrc ! video/x-raw";
        ParseException e = fails(d);
        assertEquals(d.length(), e.position());
        assertMentions(e, "caps filter 'video/x-raw' must be followed by '!'");
    }

    @Test
    void capsOutsideALink() {
        ParseException e = fails("video/x-raw ! testsink");
        assertEquals(0, e.position());
        assertMentions(e, "looks like caps");
    }

    @Test
    void unexpectedCharacter() {
        ParseException e = fails("testsrc ! testsink ; testsink");
        assertEquals(19, e.position());
        assertMentions(e, "unexpected character ';'");
    }

    @Test
    void emptyDescriptions() {
        assertEquals(0, fails("").position());
        ParseException e = fails("   ");
        assertMentions(e, "empty pipeline");
    }

    @Test
    void emptyBin() {
        String d = "testsrc ! ( name=b )";
        ParseException e = fails(d);
        assertEquals(d.indexOf('('), e.position());
        assertMentions(e, "empty bin");
    }

    // ---------------------------------------------------------------- elements and properties

    @Test
    void unknownElementSuggestsCloseNames() {
        String d = "testsrc ! pasthrough ! testsink";
        ParseException e = fails(d);
        assertEquals(d.indexOf("pasthrough"), e.position());
        assertMentions(e, "no element \"pasthrough\"", "did you mean 'passthrough'");
    }

    @Test
    void unknownBinType() {
        String d = "testsrc ! bim.( testsink )";
        ParseException e = fails(d);
        assertEquals(d.indexOf("bim"), e.position());
        assertMentions(e, "no element \"bim\"", "'bin'");
    }

    @Test
    void aBinTypeThatIsNotABin() {
        String d = "testsrc.( testsink )";
        ParseException e = fails(d);
        assertEquals(0, e.position());
        assertMentions(e, "\"testsrc\" is not a bin");
    }

    @Test
    void unknownPropertySuggestsCloseNames() {
        String d = "testsrc num-buffer=3 ! testsink";
        ParseException e = fails(d);
        assertEquals(d.indexOf("num-buffer"), e.position());
        assertMentions(e, "has no property 'num-buffer'", "did you mean 'num-buffers'");
        assertInstanceOf(UnknownPropertyException.class, e.getCause());
    }

    @Test
    void badPropertyValue() {
        String d = "testsrc num-buffers=abc ! testsink";
        ParseException e = fails(d);
        assertEquals(d.indexOf("abc"), e.position());
        assertMentions(e, "property 'num-buffers': cannot read \"abc\" as Integer");
    }

    @Test
    void valueOutOfRange() {
        String d = "proptest count=1000";
        ParseException e = fails(d);
        assertEquals(d.indexOf("1000"), e.position());
        assertMentions(e, "out of range");
    }

    @Test
    void badEnumValueListsTheValidOnes() {
        String d = "proptest mode=slow";
        ParseException e = fails(d);
        assertEquals(d.indexOf("slow"), e.position());
        assertMentions(e, "fast", "careful", "wild-guess");
    }

    @Test
    void badTypedValue() {
        String d = "proptest flag=(boolean)maybe";
        ParseException e = fails(d);
        assertEquals(d.indexOf("maybe"), e.position());
        assertMentions(e, "property 'flag'", "Boolean");
    }

    @Test
    void badCapsValueOfAProperty() {
        String d = "proptest caps=\"video/x-raw, width\"";
        ParseException e = fails(d);
        assertEquals(d.indexOf('"'), e.position());
        assertMentions(e, "property 'caps'");
    }

    @Test
    void childPropertyOfAnUnknownChild() {
        String d = "( name=b x::num-buffers=3 testsrc name=xs ! testsink )";
        ParseException e = fails(d);
        assertEquals(d.indexOf("x::"), e.position());
        assertMentions(e, "bin b has no child named 'x'", "did you mean 'xs'");
    }

    @Test
    void childPropertyThatTheChildDoesNotHave() {
        String d = "( name=b s::num-bufers=3 testsrc name=s ! testsink )";
        ParseException e = fails(d);
        assertEquals(d.indexOf("num-bufers"), e.position());
        assertMentions(e, "has no property 'num-bufers'", "'num-buffers'");
    }

    @Test
    void childPropertyOfAnElementThatIsNotABin() {
        String d = "testsrc s::num-buffers=3";
        ParseException e = fails(d);
        assertEquals(8, e.position());
        assertMentions(e, "is not a bin");
    }

    @Test
    void twoElementsWithOneName() {
        String d = "testsrc name=dup ! testsink name=dup";
        ParseException e = fails(d);
        assertEquals(d.lastIndexOf("dup"), e.position());
        assertMentions(e, "already has an element with that name", "give each element its own name");
    }

    // ---------------------------------------------------------------- caps filters

    @Test
    void invalidCapsInAFilterPointsIntoTheCaps() {
        String d = "testsrc ! video/x-raw,width=(int)abc ! testsink";
        ParseException e = fails(d);
        assertTrue(e.position() > d.indexOf("video") && e.position() < d.lastIndexOf('!'), e.getMessage());
        assertMentions(e, "invalid caps in the caps filter");
        assertInstanceOf(CapsParseException.class, e.getCause());
    }

    @Test
    void invalidQuotedCapsPointsIntoTheQuote() {
        String d = "testsrc ! \"video/x-raw, width\" ! testsink";
        ParseException e = fails(d);
        assertTrue(e.position() > d.indexOf('"') && e.position() <= d.lastIndexOf('"'), e.getMessage());
    }

    @Test
    void capsFiltersNeedTheCapsfilterElement() {
        String d = "testsrc ! video/x-raw ! testsink";
        ParseException e = fails(d, ParseTestElements.withoutCapsFilter());
        assertEquals(d.indexOf("video"), e.position());
        assertMentions(e, "\"capsfilter\" element", "gst-mini-plugins-good");
    }

    // ---------------------------------------------------------------- links and references

    @Test
    void failedLinkNamesBothPadsAndTheirCaps() {
        String d = "testsrc ! video/x-raw ! testsink caps=audio/x-raw";
        ParseException e = fails(d);
        assertEquals(d.lastIndexOf('!'), e.position());
        assertTrue(e.reason().matches("(?s)could not link capsfilter\\d+:src to testsink\\d+:sink: .*"), e.reason());
        assertMentions(e, "video/x-raw", "audio/x-raw");
        assertInstanceOf(PadLinkException.class, e.getCause());
    }

    @Test
    void failedLinkFromASourceIntoACapsFilter() {
        String d = "audiosrc ! video/x-raw ! testsink";
        ParseException e = fails(d);
        assertEquals(d.indexOf('!'), e.position());
        assertTrue(e.reason().matches("(?s)could not link audiosrc\\d+:src to capsfilter\\d+:sink: their caps have"
                + " nothing in common.*"), e.reason());
        assertMentions(e, "can produce: audio/x-raw", "accepts: video/x-raw");
    }

    @Test
    void failedLinkIntoACapsFilter() {
        String d = "testsrc ! test/x-data ! video/x-raw ! testsink";
        ParseException e = fails(d);
        assertEquals(d.indexOf("! video"), e.position());
        assertTrue(e.reason().matches("(?s)could not link capsfilter\\d+:src to capsfilter\\d+:sink: .*"), e.reason());
    }

    @Test
    void noFreePadLeft() {
        String d = "testsrc name=s ! testsink  s. ! testsink";
        ParseException e = fails(d);
        assertEquals(d.lastIndexOf('!'), e.position());
        assertMentions(e, "could not link s to", "s has no free source pad");
    }

    @Test
    void noSuchPad() {
        String d = "testsrc name=s  s.video ! testsink";
        ParseException e = fails(d);
        assertEquals(d.indexOf('!'), e.position());
        assertMentions(e, "s has no pad 'video'");
    }

    @Test
    void failedLinkAcrossBins() {
        String d = "testsrc ! test/x-data ! ( testsink caps=audio/x-raw )";
        ParseException e = fails(d);
        assertEquals(d.lastIndexOf('!'), e.position());
        assertMentions(e, "could not link", "audio/x-raw");
    }

    @Test
    void unknownReference() {
        String d = "testsrc ! foo.";
        ParseException e = fails(d);
        assertEquals(10, e.position());
        assertMentions(e, "no element named 'foo'");
    }

    @Test
    void unknownReferenceSuggestsCloseNames() {
        String d = "testsrc ! testsink name=sink1  testsrc ! sinkl.";
        ParseException e = fails(d);
        assertEquals(d.indexOf("sinkl."), e.position());
        assertMentions(e, "no element named 'sinkl'", "did you mean 'sink1'");
    }

    @Test
    void unknownReferenceAsSource() {
        String d = "testsink name=k  tee0.src_%u ! k.";
        ParseException e = fails(d);
        assertEquals(d.indexOf("tee0"), e.position());
        assertMentions(e, "no element named 'tee0'");
    }

    @Test
    void mismatchedPadLists() {
        String d = "testsrc ! testtee name=t  twoin name=m  t.src_0,src_1 ! m.sink_a";
        ParseException e = fails(d);
        assertEquals(d.lastIndexOf('!'), e.position());
        assertMentions(e, "2 source pad(s)", "1 sink pad(s)");
    }

    @Test
    void binFromDescriptionReportsTheSameErrors() {
        ParseException e = assertThrows(ParseException.class, () -> Parse.binFromDescription("passthrough num=3", false));
        assertEquals(12, e.position());
        assertMentions(e, "has no property 'num'");
    }
}
