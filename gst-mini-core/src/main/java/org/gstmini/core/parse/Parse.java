package org.gstmini.core.parse;

import java.util.Objects;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.Registry;

/**
 * Builds pipelines from text in gst-launch syntax, and prints them back.
 *
 * <p>Mirrors {@code gst_parse_launch()} and {@code gst_parse_bin_from_description()}
 * (gst/gstparse.c, with the grammar of gst/parse/grammar.y and the scanner of
 * gst/parse/parse.l); this parser is a small hand-written lexer and recursive-descent parser.
 *
 * <pre>{@code
 * Element p = Parse.launch("testsrc num-buffers=3 ! testsink");
 * p.setState(State.PLAYING);
 * }</pre>
 *
 * <h2>Elements and properties</h2>
 * An element is its factory name followed by {@code property=value} pairs:
 * <pre>
 *   testsrc num-buffers=100 is-live=true name=src
 * </pre>
 * Values are bare words ({@code 10}, {@code true}, {@code 30/1}, {@code downstream}),
 * {@code "double quoted"} or {@code 'single quoted'} strings (a backslash escapes the next
 * character: {@code "say \"hi\""}), or typed: {@code (int)5}, {@code (double)1.5},
 * {@code (boolean)true}, {@code (string)foo}, {@code (fraction)30/1},
 * {@code (caps)"video/x-raw, width=320"}. The text is always converted to the property's own
 * type by {@link Element#setPropertyFromString}: integers, doubles, booleans
 * ({@code true/false/yes/no/1/0}), enums by nick or number, fractions and caps. A bare value
 * may contain parentheses and quotes, so {@code caps=video/x-raw,width=(int)320} needs no
 * quotes; it ends at white space, at a {@code !}, or at a {@code )} that it did not open. The
 * type in parentheses is accepted as in caps strings, but the value is converted to the
 * property's type whatever it says. {@code name=foo} names the element.
 *
 * <h2>Links</h2>
 * {@code !} links the element before it to the element after it, through any compatible pads
 * (requesting one from a request template when there is no free pad):
 * <pre>
 *   testsrc ! passthrough ! testsink
 * </pre>
 * Caps between two {@code !} restrict the formats on that link; the parser inserts a
 * {@code capsfilter} element (from gst-mini-plugins-good) with those caps:
 * <pre>
 *   videotestsrc ! video/x-raw,width=320,height=240 ! fakesink
 *   videotestsrc ! "video/x-raw, format=(string)I420, framerate=(fraction)30/1" ! fakesink
 * </pre>
 *
 * <h2>Names, references and branches</h2>
 * A named element can be referred to elsewhere as {@code name.} (any pad),
 * {@code name.pad} (that pad) or {@code name.src_%u} (a new request pad), on either side of a
 * {@code !}. Chains are separated by white space; this is how branches are written:
 * <pre>
 *   testsrc ! testtee name=t  t. ! testsink  t. ! testsink
 *   testsrc ! testtee name=t  t.src_%u ! testsink  t.src_%u ! testsink
 *   testsrc ! testsink name=s               (and elsewhere)   othersrc ! s.
 * </pre>
 * A reference may name an element written later; it is looked up in the bin it is written in
 * (and the bins inside it), then in the enclosing bins. As in GStreamer, {@code name. (} reads as
 * a bin of type {@code name}: before a bin, write the pad ({@code name.sink ( ... )}). A pad can
 * also follow an element with a
 * leading dot, for the source pad ({@code demux .video_0 ! sink}) or, after a {@code !}, for
 * the sink pad of the next element ({@code a ! .sink_1 mux}). Several pads are written
 * {@code name.a,b} and link pairwise.
 *
 * <p>When the source pad does not exist yet but may appear later (a <em>sometimes</em> pad, such
 * as a demuxer's), the link is <em>delayed</em>: it is made when the element adds a matching pad
 * (GStreamer's delayed links, {@code gst_parse_perform_delayed_link}).
 *
 * <h2>Bins</h2>
 * Parentheses put elements in a {@code bin}; a type before them picks another bin factory.
 * Properties of the bin come first inside the parentheses; {@code child::property=value} sets
 * a property of a named child:
 * <pre>
 *   testsrc ! ( name=b1 passthrough ! testsink )
 *   pipeline.( testsrc ! testsink )
 *   ( name=b1 s::num-buffers=3 testsrc name=s ! testsink )
 * </pre>
 * Linking to a bin links to the first element inside it (from it: the last), through ghost
 * pads the parser adds.
 *
 * <h2>What you get back</h2>
 * {@link #launch} returns the element itself when the description has exactly one top-level
 * element (which may be a bin) and no links at that level, and otherwise a
 * {@link org.gstmini.core.Pipeline} holding everything. {@link #binFromDescription} always
 * returns a {@link Bin}. {@link #describe} prints a bin's contents back in this syntax.
 *
 * <h2>Errors</h2>
 * Every problem is a {@link ParseException} with the position of the offending token and a
 * message saying what to do: syntax errors (an unterminated quote, {@code !} with nothing after
 * it, unbalanced parentheses, {@code =} without a value), an unknown element
 * ({@code no element "fakesnk"; did you mean 'fakesink'?}), an unknown property (with the close
 * names), a value the property cannot take, a link that failed (naming both pads and their
 * caps), or a reference to a name no element has. Unlike {@code gst_parse_launch}, nothing is
 * returned on error: all errors are fatal ({@code GST_PARSE_FLAG_FATAL_ERRORS}).
 */
public final class Parse {
    private Parse() {
    }

    /**
     * Builds the pipeline a description describes, with the elements of the default
     * {@link Registry} ({@code gst_parse_launch}).
     *
     * @param description the pipeline in gst-launch syntax
     * @return the only top-level element when there is exactly one and no link at the top level,
     *         else a {@link org.gstmini.core.Pipeline} with all of them
     * @throws ParseException with the position of the problem
     */
    public static Element launch(String description) {
        return launch(description, Registry.get());
    }

    /**
     * Like {@link #launch(String)}, with the element factories of {@code registry}
     * ({@code gst_parse_launch_full} with a registry of one's own).
     *
     * @param description the pipeline in gst-launch syntax
     * @param registry    where the factories named in the description are looked up
     * @return the only top-level element, or a pipeline holding all of them
     * @throws ParseException with the position of the problem
     */
    public static Element launch(String description, Registry registry) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(registry, "registry");
        return Parser.launch(description, registry);
    }

    /**
     * Builds a {@link Bin} (never a pipeline) holding the described elements
     * ({@code gst_parse_bin_from_description}), for use inside a bigger pipeline. With
     * {@code ghostUnlinkedPads}, the first unlinked source pad and the first unlinked sink pad
     * found in the bin (depth first, in the order elements were written) get ghost pads named
     * {@code "src"} and {@code "sink"} on the bin, so the bin links like one element:
     *
     * <pre>{@code
     * Bin filter = Parse.binFromDescription("passthrough ! passthrough", true);
     * pipeline.add(src, filter, sink);
     * Element.linkMany(src, filter, sink);
     * }</pre>
     *
     * @param description       the bin's contents in gst-launch syntax
     * @param ghostUnlinkedPads whether to ghost the first unlinked source and sink pads
     * @return a new bin holding the elements
     * @throws ParseException with the position of the problem
     */
    public static Bin binFromDescription(String description, boolean ghostUnlinkedPads) {
        return binFromDescription(description, ghostUnlinkedPads, Registry.get());
    }

    /**
     * Like {@link #binFromDescription(String, boolean)}, with the element factories of
     * {@code registry}.
     *
     * @param description       the bin's contents in gst-launch syntax
     * @param ghostUnlinkedPads whether to ghost the first unlinked source and sink pads
     * @param registry          where the factories named in the description are looked up
     * @return a new bin holding the elements
     * @throws ParseException with the position of the problem
     */
    public static Bin binFromDescription(String description, boolean ghostUnlinkedPads, Registry registry) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(registry, "registry");
        return Parser.bin(description, ghostUnlinkedPads, registry);
    }

    /**
     * Prints the contents of a bin (or pipeline) in gst-launch syntax: every element with its
     * factory, its name and its non-default properties; links with {@code !}; branches and links
     * into other bins as {@code name.pad} references; caps filters made for a link as caps on the
     * link; inner bins as {@code ( name=... )}. Parsing the result builds a pipeline with the
     * same elements and the same links:
     *
     * <pre>{@code
     * Parse.describe((Bin) Parse.launch("testsrc ! testtee name=t  t. ! testsink  t. ! testsink"))
     * // testsrc name=testsrc0 ! testtee name=t .src_0 ! testsink name=testsink0  t.src_1 ! testsink name=testsink1
     * }</pre>
     *
     * <p>The bin's own ghost pads and links to elements outside it are not printed.
     *
     * @param bin the bin or pipeline whose contents to print
     * @return the contents in gst-launch syntax
     * @throws IllegalArgumentException when an element was not made by a factory, or a name that
     *         must appear in a reference is not a plain word
     */
    public static String describe(Bin bin) {
        return Describer.describe(bin);
    }
}
