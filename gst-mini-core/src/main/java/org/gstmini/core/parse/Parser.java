package org.gstmini.core.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.GhostPad;
import org.gstmini.core.Names;
import org.gstmini.core.NoSuchElementFactoryException;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.Registry;
import org.gstmini.core.UnknownPropertyException;
import org.gstmini.core.caps.Caps;
import org.gstmini.core.caps.CapsParseException;
import org.gstmini.core.parse.Lexer.Kind;
import org.gstmini.core.parse.Lexer.Token;

/**
 * A recursive-descent parser for the gst-launch grammar (GStreamer's gst/parse/grammar.y), that
 * builds the elements while it reads and performs the links once everything exists, so that a
 * reference may name an element written later.
 *
 * <pre>
 * graph      := chain* EOF
 * chain      := start (link next)*
 * start      := reference | elementary padrefs
 * next       := padrefs (reference | elementary padrefs)
 * link       := '!' (caps '!')*
 * elementary := IDENT assignment* | ('(' | IDENT '.' '(') assignment* chain+ ')'
 * reference  := IDENT '.' [pad (',' pad)*]
 * padrefs    := ('.' pad (',' pad)*)?
 * </pre>
 */
final class Parser {

    /** The elements written at one level: the top of the description or inside one '( ... )'. */
    static final class Scope {
        final Scope parent;
        final List<Element> elements = new ArrayList<>();

        Scope(Scope parent) {
            this.parent = parent;
        }
    }

    /** One end of a link: an element, or a reference by name resolved when linking. */
    record End(Element element, String ref, int pos) {
    }

    /** The first and last ends of a chain, which links to and from it use. */
    record Chain(End first, End last) {
    }

    /** A link to perform once everything is built; pads may be empty lists (any pad). */
    record LinkSpec(End src, List<String> srcPads, End sink, List<String> sinkPads, int pos, Scope scope) {
    }

    private final String desc;
    private final Registry registry;
    private final List<Token> tokens;
    private int p;
    private final List<LinkSpec> links = new ArrayList<>();
    private final List<Element> all = new ArrayList<>();
    /** Where each element was written (its name value when it has one), for errors about it. */
    private final Map<Element, Integer> positions = new IdentityHashMap<>();

    private Parser(String desc, Registry registry) {
        this.desc = desc;
        this.registry = registry;
        this.tokens = Lexer.tokenize(desc);
    }

    // ---------------------------------------------------------------- entry points

    /** gst_parse_launch: the one top-level element, or a pipeline with all of them. */
    static Element launch(String desc, Registry registry) {
        Parser ps = new Parser(desc, registry);
        Scope root = ps.parseGraph();
        boolean topLinks = ps.links.stream().anyMatch(l -> l.scope() == root);
        Element result;
        if (root.elements.size() == 1 && !topLinks) {
            result = root.elements.get(0);
        } else {
            Element made = registry.make("pipeline", null);
            if (!(made instanceof Bin bin)) {
                throw new IllegalStateException("the \"pipeline\" factory did not make a bin");
            }
            ps.addAll(bin, root.elements);
            result = bin;
        }
        ps.performLinks();
        return result;
    }

    /** gst_parse_bin_from_description: always a bin, optionally with ghost pads "src" and "sink". */
    static Bin bin(String desc, boolean ghostUnlinkedPads, Registry registry) {
        Parser ps = new Parser(desc, registry);
        Scope root = ps.parseGraph();
        Element made = registry.make("bin", null);
        if (!(made instanceof Bin bin)) {
            throw new IllegalStateException("the \"bin\" factory did not make a bin");
        }
        ps.addAll(bin, root.elements);
        ps.performLinks();
        if (ghostUnlinkedPads) {
            ghost(bin, PadDirection.SRC, "src");
            ghost(bin, PadDirection.SINK, "sink");
        }
        return bin;
    }

    /** Ghosts the first unlinked pad of {@code dir} found in the bin (depth first, in order). */
    private static void ghost(Bin bin, PadDirection dir, String name) {
        for (Element e : bin.getChildrenRecursive()) {
            for (Pad pad : dir == PadDirection.SRC ? e.getSrcPads() : e.getSinkPads()) {
                if (!pad.isLinked()) {
                    Pad target = PadLinker.ghostUp(pad, bin, new ArrayList<>());
                    bin.addPad(new GhostPad(name, target));
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- tokens

    private Token peek() {
        return tokens.get(p);
    }

    private Token next() {
        return tokens.get(p++);
    }

    private boolean at(Kind k) {
        return peek().kind == k;
    }

    private ParseException error(String reason, int pos) {
        return new ParseException(reason, desc, pos);
    }

    private ParseException error(String reason, int pos, Throwable cause) {
        return new ParseException(reason, desc, pos, cause);
    }

    // ---------------------------------------------------------------- grammar

    private Scope parseGraph() {
        Scope root = new Scope(null);
        while (!at(Kind.EOF)) {
            if (at(Kind.RPAREN)) {
                throw error("unbalanced ')': there is no '(' before it to close", peek().pos);
            }
            parseChain(root);
        }
        if (root.elements.isEmpty()) {
            throw error("empty pipeline: write at least one element, e.g. 'testsrc ! testsink'", 0);
        }
        return root;
    }

    private boolean atElementary() {
        Kind k = peek().kind;
        return k == Kind.IDENT || k == Kind.LPAREN || k == Kind.BINREF;
    }

    private Chain parseChain(Scope scope) {
        Token t = peek();
        End first;
        End cur;
        List<Token> curPads;
        if (t.kind == Kind.REF) {
            next();
            first = new End(null, t.text, t.pos);
            cur = first;
            curPads = List.of(t);
        } else if (atElementary()) {
            Chain c = parseElementary(scope);
            first = c.first();
            cur = c.last();
            curPads = parsePadrefs();
        } else {
            throw unexpectedAtChainStart(t);
        }
        boolean linked = false;
        while (at(Kind.BANG)) {
            Token bang = next();
            List<Element> filters = new ArrayList<>();
            List<Integer> bangs = new ArrayList<>();
            bangs.add(bang.pos);
            while (at(Kind.CAPS)) {
                Token caps = next();
                filters.add(makeCapsFilter(caps, scope));
                if (!at(Kind.BANG)) {
                    throw error("the caps filter '" + caps.text + "' must be followed by '!' and the element to"
                            + " link to, as in 'a ! " + caps.text + " ! b'", at(Kind.EOF) ? desc.length() : peek().pos);
                }
                bang = next();
                bangs.add(bang.pos);
            }
            List<Token> sinkPads = new ArrayList<>(parsePadrefs());
            End nextFirst;
            End nextLast;
            List<Token> nextPads;
            Token n = peek();
            if (n.kind == Kind.REF) {
                next();
                nextFirst = new End(null, n.text, n.pos);
                nextLast = nextFirst;
                sinkPads.add(n);
                nextPads = List.of();
            } else if (atElementary()) {
                Chain c = parseElementary(scope);
                nextFirst = c.first();
                nextLast = c.last();
                nextPads = parsePadrefs();
            } else {
                throw error("'!' must be followed by an element, a bin '( ... )' or a reference such as 'name.'"
                        + (n.kind == Kind.EOF ? "" : ", not " + n.shown()), bang.pos);
            }
            addLinks(cur, padNames(curPads), filters, nextFirst, padNames(sinkPads), bangs, scope);
            cur = nextLast;
            curPads = nextPads;
            linked = true;
        }
        if (!linked && t.kind == Kind.REF) {
            throw error("the reference '" + t.text + "." + String.join(",", t.pads) + "' is not linked to anything:"
                    + " write '" + t.text + ". ! element' or 'element ! " + t.text + ".'", t.pos);
        }
        if (!curPads.isEmpty() && curPads.get(0).kind == Kind.PADREF) {
            Token pr = curPads.get(0);
            throw error("the pad reference " + pr.shown() + " must be followed by '!' and the element to link to",
                    pr.pos);
        }
        return new Chain(first, cur);
    }

    private ParseException unexpectedAtChainStart(Token t) {
        return switch (t.kind) {
            case ASSIGN -> error("the property assignment " + t.shown() + " must follow an element name (or an"
                    + " opening '(' for the properties of a bin)", t.pos);
            case BANG -> error("'!' needs an element (or a reference such as 'name.') before it", t.pos);
            case PADREF -> error("the pad reference " + t.shown() + " needs an element before it; write"
                    + " 'name." + String.join(",", t.pads) + "' to use a named element's pad", t.pos);
            default -> error("unexpected " + t.shown(), t.pos);
        };
    }

    private static List<String> padNames(List<Token> refs) {
        List<String> out = new ArrayList<>();
        for (Token t : refs) {
            out.addAll(t.pads);
        }
        return out;
    }

    private List<Token> parsePadrefs() {
        List<Token> out = new ArrayList<>();
        while (at(Kind.PADREF)) {
            out.add(next());
        }
        return out;
    }

    private List<Token> parseAssignments() {
        List<Token> out = new ArrayList<>();
        while (at(Kind.ASSIGN)) {
            out.add(next());
        }
        return out;
    }

    private Chain parseElementary(Scope scope) {
        return at(Kind.IDENT) ? parseElement(scope) : parseBin(scope);
    }

    private Chain parseElement(Scope scope) {
        Token id = next();
        List<Token> assigns = parseAssignments();
        Element e = make(id.text, id.pos);
        positions.put(e, id.pos);
        apply(e, assigns);
        scope.elements.add(e);
        all.add(e);
        End end = new End(e, null, id.pos);
        return new Chain(end, end);
    }

    private Element make(String factoryName, int pos) {
        ElementFactory f;
        try {
            f = registry.findFactoryOrThrow(factoryName);
        } catch (NoSuchElementFactoryException e) {
            throw error(e.getMessage(), pos, e);
        }
        try {
            return f.create(null);
        } catch (RuntimeException e) {
            throw error("could not create a \"" + factoryName + "\" element: " + e.getMessage(), pos, e);
        }
    }

    private Chain parseBin(Scope scope) {
        Token open = next();
        String type = open.kind == Kind.BINREF ? open.text : "bin";
        List<Token> assigns = parseAssignments();
        Scope inner = new Scope(scope);
        Chain first = null;
        Chain last = null;
        while (!at(Kind.RPAREN)) {
            if (at(Kind.EOF)) {
                throw error("unbalanced '(': it is never closed; add a ')' after the bin's elements", open.pos);
            }
            Chain c = parseChain(inner);
            if (first == null) {
                first = c;
            }
            last = c;
        }
        next(); // ')'
        if (inner.elements.isEmpty()) {
            throw error("empty bin \"" + type + "\" is not allowed: put elements between '(' and ')'", open.pos);
        }
        Element made = make(type, open.pos);
        if (!(made instanceof Bin bin)) {
            throw error("\"" + type + "\" is not a bin, so it cannot hold elements in '( ... )'", open.pos);
        }
        positions.put(bin, open.pos);
        addAll(bin, inner.elements);
        apply(bin, assigns);
        scope.elements.add(bin);
        all.add(bin);
        return new Chain(first.first(), last.last());
    }

    private void addAll(Bin bin, List<Element> children) {
        for (Element c : children) {
            try {
                bin.add(c);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage() + "; give each element its own name", positions.getOrDefault(c, 0), e);
            }
        }
    }

    // ---------------------------------------------------------------- properties

    private void apply(Element e, List<Token> assigns) {
        for (Token a : assigns) {
            apply(e, a);
            if (a.name.equals("name")) {
                positions.put(e, a.valuePos);
            }
        }
    }

    private void apply(Element e, Token a) {
        Element target = e;
        String prop = a.name;
        int propPos = a.pos;
        if (a.name.contains("::")) {
            String[] parts = a.name.split("::");
            prop = parts[parts.length - 1];
            propPos = a.pos + a.name.lastIndexOf("::") + 2;
            int partPos = a.pos;
            for (int k = 0; k < parts.length - 1; k++) {
                target = child(target, parts[k], partPos);
                partPos += parts[k].length() + 2;
            }
        }
        try {
            target.setPropertyFromString(prop, a.value);
        } catch (UnknownPropertyException ex) {
            throw error(ex.getMessage(), propPos, ex);
        } catch (IllegalArgumentException ex) {
            throw error(ex.getMessage(), a.valuePos, ex);
        } catch (IllegalStateException ex) {
            throw error(ex.getMessage(), propPos, ex);
        }
    }

    /** The child named {@code name} of a bin, for {@code child::property=value}. */
    private Element child(Element parent, String name, int pos) {
        if (!(parent instanceof Bin bin)) {
            throw error(parent.getName() + " is not a bin, so it has no child '" + name + "' (child::property"
                    + " needs a bin)", pos);
        }
        for (Element c : bin.getChildren()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        Element deep = bin.getByName(name);
        if (deep != null) {
            return deep;
        }
        List<String> names = bin.getChildrenRecursive().stream().map(Element::getName).toList();
        throw error("bin " + bin.getName() + " has no child named '" + name + "'" + Names.suggestion(name, names),
                pos);
    }

    // ---------------------------------------------------------------- caps filters

    private Element makeCapsFilter(Token t, Scope scope) {
        Caps caps;
        try {
            caps = Caps.parse(t.text);
        } catch (CapsParseException e) {
            int at = t.textPositions.length == 0 ? t.pos
                    : t.textPositions[Math.max(0, Math.min(e.position(), t.textPositions.length - 1))];
            if (e.position() >= t.textPositions.length && t.textPositions.length > 0) {
                at = t.textPositions[t.textPositions.length - 1] + 1;
            }
            throw error("invalid caps in the caps filter: " + e.reason(), at, e);
        }
        if (registry.findFactory("capsfilter") == null) {
            throw error("the caps filter '" + t.text + "' needs the \"capsfilter\" element, which is in"
                    + " gst-mini-plugins-good: put that module on the module path or class path", t.pos);
        }
        Element cf = make("capsfilter", t.pos);
        try {
            cf.setProperty("caps", caps);
        } catch (RuntimeException e) {
            throw error("could not set the caps of " + cf.getName() + ": " + e.getMessage(), t.pos, e);
        }
        positions.put(cf, t.pos);
        scope.elements.add(cf);
        all.add(cf);
        return cf;
    }

    // ---------------------------------------------------------------- links

    /** The link, through the caps filters if any; {@code bangs} holds the position of each '!'. */
    private void addLinks(End src, List<String> srcPads, List<Element> filters, End sink, List<String> sinkPads,
                          List<Integer> bangs, Scope scope) {
        End from = src;
        List<String> fromPads = srcPads;
        for (int k = 0; k < filters.size(); k++) {
            End to = new End(filters.get(k), null, bangs.get(k));
            links.add(new LinkSpec(from, fromPads, to, List.of(), bangs.get(k), scope));
            from = to;
            fromPads = List.of();
        }
        int last = bangs.get(bangs.size() - 1);
        links.add(new LinkSpec(from, fromPads, sink, sinkPads, last, scope));
    }

    private void performLinks() {
        for (LinkSpec l : links) {
            Element src = resolve(l.src(), l.scope());
            Element sink = resolve(l.sink(), l.scope());
            List<String> sp = l.srcPads();
            List<String> kp = l.sinkPads();
            if (!sp.isEmpty() && !kp.isEmpty() && sp.size() != kp.size()) {
                throw error("the link names " + sp.size() + " source pad(s) " + sp + " but " + kp.size()
                        + " sink pad(s) " + kp + "; give the same number on both sides", l.pos());
            }
            int count = Math.max(1, Math.max(sp.size(), kp.size()));
            for (int k = 0; k < count; k++) {
                String a = sp.isEmpty() ? null : sp.get(k);
                String b = kp.isEmpty() ? null : kp.get(k);
                try {
                    PadLinker.link(src, a, sink, b);
                } catch (RuntimeException e) {
                    throw error(e.getMessage(), l.pos(), e);
                }
            }
        }
    }

    /**
     * The element an end stands for: a reference is looked up by name in the scope it was
     * written in (children, then inside child bins), then in the enclosing scopes
     * ({@code gst_bin_get_by_name_recurse_up}).
     */
    private Element resolve(End end, Scope scope) {
        if (end.element() != null) {
            return end.element();
        }
        String name = end.ref();
        for (Scope s = scope; s != null; s = s.parent) {
            for (Element c : s.elements) {
                if (c.getName().equals(name)) {
                    return c;
                }
            }
            for (Element c : s.elements) {
                if (c instanceof Bin b) {
                    Element found = b.getByName(name);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        List<String> names = all.stream().map(Element::getName).toList();
        throw error("no element named '" + name + "'" + Names.suggestion(name, names)
                + "; name an element with name=" + name, end.pos());
    }
}
