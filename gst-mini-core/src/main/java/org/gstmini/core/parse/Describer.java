package org.gstmini.core.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.GhostPad;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.PadPresence;
import org.gstmini.core.PadTemplate;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Property;
import org.gstmini.core.caps.Caps;

/**
 * Prints a bin's contents back in gst-launch syntax, so that parsing the text builds the same
 * elements (factories, names, non-default properties) and the same links (pad to pad).
 *
 * <p>How it reads the pipeline:
 * <ul>
 *   <li><b>Leaves</b> are the elements that are not plain bins; plain bins (factory "bin" or
 *       "pipeline") are printed as {@code ( ... )} around their children, and links are followed
 *       through their ghost pads to the real pads inside.</li>
 *   <li>A link is printed in the innermost bin that holds both ends: inside a chain when both
 *       ends are children of that bin, else as a reference {@code name.pad}.</li>
 *   <li>A {@code capsfilter} with a default name ({@code capsfilter3}), no other property than
 *       {@code caps}, between two elements of its bin, is printed as caps on the link
 *       ({@code a ! video/x-raw ! b}), the way the parser made it.</li>
 *   <li>Pad names are written when the element has more than one pad of that direction or the
 *       pad is a request or sometimes pad ({@code t.src_1}); otherwise any-pad linking finds the
 *       same pad again.</li>
 * </ul>
 */
final class Describer {
    private record RLink(Pad src, Pad sink) {
    }

    private record VLink(Pad src, Pad sink, List<Caps> caps, Bin scope) {
    }

    private final Bin root;
    private final List<Element> leaves = new ArrayList<>();
    private final Set<Element> leafSet = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Element, List<RLink>> outgoing = new IdentityHashMap<>();
    private final Set<Element> contracted = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<VLink> vlinks = new ArrayList<>();
    private final Set<Element> printed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<VLink> emitted = Collections.newSetFromMap(new IdentityHashMap<>());

    private Describer(Bin root) {
        this.root = root;
    }

    static String describe(Bin root) {
        Describer d = new Describer(Objects.requireNonNull(root, "bin"));
        d.collect(root);
        d.findLinks();
        d.contractCapsFilters();
        d.buildLinks();
        return d.scope(root);
    }

    // ---------------------------------------------------------------- reading the pipeline

    /** A bin printed as {@code ( ... )}: the core's "bin" and "pipeline", not a plugin's own bin. */
    static boolean isPlainBin(Element e) {
        if (!(e instanceof Bin)) {
            return false;
        }
        ElementFactory f = e.getFactory();
        if (f == null) {
            return e.getClass() == Bin.class || e.getClass() == Pipeline.class;
        }
        return f.getName().equals("bin") || f.getName().equals("pipeline");
    }

    private void collect(Bin bin) {
        for (Element c : bin.getChildren()) {
            if (isPlainBin(c)) {
                collect((Bin) c);
            } else {
                leaves.add(c);
                leafSet.add(c);
            }
        }
    }

    private void findLinks() {
        for (Element l : leaves) {
            List<RLink> out = new ArrayList<>();
            for (Pad sp : l.getSrcPads()) {
                Pad real = downstream(sp.getPeer());
                if (real != null && real.getParent() != null && leafSet.contains(real.getParent())) {
                    out.add(new RLink(sp, real));
                }
            }
            outgoing.put(l, out);
        }
    }

    /** The pad of a leaf that data sent to {@code p} ends up in, looking through plain bins' ghost pads. */
    private static Pad downstream(Pad p) {
        while (p != null) {
            if (p instanceof GhostPad.Internal in) {
                GhostPad g = in.ghost();
                if (g.getParent() == null || !isPlainBin(g.getParent())) {
                    return null;
                }
                p = g.getPeer();
            } else if (p instanceof GhostPad g && g.getDirection() == PadDirection.SINK && g.getParent() != null
                    && isPlainBin(g.getParent())) {
                p = g.getTarget();
            } else {
                return p;
            }
        }
        return null;
    }

    /** A capsfilter the parser could have made from caps on a link. */
    private boolean isCapsCandidate(Element e) {
        ElementFactory f = e.getFactory();
        if (f == null || !f.getName().equals("capsfilter") || !e.getName().matches("capsfilter\\d+")) {
            return false;
        }
        if (e.getSinkPads().size() != 1 || e.getSrcPads().size() != 1) {
            return false;
        }
        for (Property<?> p : e.listProperties()) {
            if (!p.name().equals("caps") && !p.name().equals("name") && p.isWritable()
                    && !isDefault(p, e.getProperty(p.name()))) {
                return false;
            }
        }
        if (e.findProperty("caps") == null || !(e.getProperty("caps") instanceof Caps)) {
            return false;
        }
        List<RLink> out = outgoing.get(e);
        RLink in = incoming(e.getSinkPads().get(0));
        return out.size() == 1 && in != null && isUnder(in.src().getParent(), e.getParent())
                && isUnder(out.get(0).sink().getParent(), e.getParent());
    }

    private RLink incoming(Pad sinkPad) {
        for (List<RLink> list : outgoing.values()) {
            for (RLink r : list) {
                if (r.sink() == sinkPad) {
                    return r;
                }
            }
        }
        return null;
    }

    private static boolean isUnder(Element e, Bin bin) {
        for (Bin b = e.getParent(); b != null; b = b.getParent()) {
            if (b == bin) {
                return true;
            }
        }
        return false;
    }

    /** Marks the caps filters lying between two other elements of their bin. */
    private void contractCapsFilters() {
        Set<Element> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element l : leaves) {
            if (isCapsCandidate(l)) {
                candidates.add(l);
            }
        }
        for (Element x : leaves) {
            if (candidates.contains(x)) {
                continue;
            }
            for (RLink r : outgoing.get(x)) {
                List<Element> path = new ArrayList<>();
                Element ce = r.sink().getParent();
                boolean ok = true;
                while (candidates.contains(ce)) {
                    if (path.contains(ce) || (!path.isEmpty() && ce.getParent() != path.get(0).getParent())) {
                        ok = false;
                        break;
                    }
                    path.add(ce);
                    ce = outgoing.get(ce).get(0).sink().getParent();
                }
                if (ok) {
                    contracted.addAll(path);
                }
            }
        }
    }

    private void buildLinks() {
        for (Element x : leaves) {
            if (contracted.contains(x)) {
                continue;
            }
            for (RLink r : outgoing.get(x)) {
                Pad end = r.sink();
                List<Caps> caps = new ArrayList<>();
                Bin scope = null;
                while (contracted.contains(end.getParent())) {
                    Element cf = end.getParent();
                    if (scope == null) {
                        scope = cf.getParent();
                    }
                    caps.add((Caps) cf.getProperty("caps"));
                    end = outgoing.get(cf).get(0).sink();
                }
                if (scope == null) {
                    scope = commonBin(x, end.getParent());
                }
                vlinks.add(new VLink(r.src(), end, List.copyOf(caps), scope));
            }
        }
    }

    private Bin commonBin(Element a, Element b) {
        Bin c = PadLinker.commonAncestor(a, b);
        return c == null ? root : c;
    }

    // ---------------------------------------------------------------- printing

    private boolean isLocal(Element e, Bin scope) {
        return e.getParent() == scope && !isPlainBin(e) && !contracted.contains(e);
    }

    private String scope(Bin s) {
        List<String> items = new ArrayList<>();
        for (Element c : s.getChildren()) {
            if (isPlainBin(c)) {
                items.add(binText((Bin) c));
            } else if (!contracted.contains(c) && !printed.contains(c) && !fedByUnprinted(c, s)) {
                items.add(chainFrom(c, s));
            }
        }
        while (true) {
            Element next = null;
            for (Element c : s.getChildren()) {
                if (isLocal(c, s) && !printed.contains(c)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            items.add(chainFrom(next, s));
        }
        for (VLink v : vlinks) {
            if (v.scope() == s && !emitted.contains(v)) {
                emitted.add(v);
                items.add(ref(v.src(), false) + linkText(v) + ref(v.sink(), true));
            }
        }
        return String.join("  ", items);
    }

    /** Whether an element of this bin not printed yet links into {@code c}: its chain will print c. */
    private boolean fedByUnprinted(Element c, Bin s) {
        for (VLink v : vlinks) {
            Element src = v.src().getParent();
            if (v.scope() == s && !emitted.contains(v) && v.sink().getParent() == c && src != c
                    && isLocal(src, s) && !printed.contains(src)) {
                return true;
            }
        }
        return false;
    }

    private String chainFrom(Element c, Bin s) {
        StringBuilder sb = new StringBuilder();
        for (VLink v : vlinks) {
            Element src = v.src().getParent();
            if (v.scope() == s && !emitted.contains(v) && v.sink().getParent() == c
                    && (!isLocal(src, s) || printed.contains(src))) {
                emitted.add(v);
                sb.append(ref(v.src(), false)).append(linkText(v)).append(sinkPrefix(v.sink()));
                break;
            }
        }
        sb.append(elementText(c));
        printed.add(c);
        Element cur = c;
        while (true) {
            VLink next = null;
            for (VLink v : vlinks) {
                if (v.scope() == s && !emitted.contains(v) && v.src().getParent() == cur) {
                    Element sink = v.sink().getParent();
                    if (isLocal(sink, s) && !printed.contains(sink)) {
                        next = v;
                        break;
                    }
                    if (next == null) {
                        next = v;
                    }
                }
            }
            if (next == null) {
                break;
            }
            emitted.add(next);
            sb.append(srcSuffix(next.src())).append(linkText(next));
            Element sink = next.sink().getParent();
            if (isLocal(sink, s) && !printed.contains(sink)) {
                sb.append(sinkPrefix(next.sink())).append(elementText(sink));
                printed.add(sink);
                cur = sink;
            } else {
                sb.append(ref(next.sink(), true));
                break;
            }
        }
        return sb.toString();
    }

    private String binText(Bin b) {
        ElementFactory f = b.getFactory();
        String head;
        if (f == null) {
            head = b instanceof Pipeline ? "pipeline.(" : "(";
        } else {
            head = f.getName().equals("bin") ? "(" : f.getName() + ".(";
        }
        String inner = scope(b);
        return head + " name=" + quote(b.getName()) + properties(b) + (inner.isEmpty() ? "" : " " + inner) + " )";
    }

    private static String elementText(Element e) {
        ElementFactory f = e.getFactory();
        if (f == null) {
            throw new IllegalArgumentException("cannot describe " + e.getName() + " (" + e.getClass().getSimpleName()
                    + "): it was not made by an element factory, so gst-launch syntax has no name for it");
        }
        return f.getName() + " name=" + quote(e.getName()) + properties(e);
    }

    private static String properties(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Property<?> p : e.listProperties()) {
            if (p.name().equals("name") || !p.isWritable()) {
                continue;
            }
            Object v = e.getProperty(p.name());
            if (v == null || isDefault(p, v)) {
                continue;
            }
            sb.append(' ').append(p.name()).append('=').append(quote(p.format(v)));
        }
        return sb.toString();
    }

    private static boolean isDefault(Property<?> p, Object v) {
        Object d = p.defaultValue();
        if (Objects.equals(v, d)) {
            return true;
        }
        return v instanceof Caps a && d instanceof Caps b && a.isEqualTo(b);
    }

    private static String linkText(VLink v) {
        StringBuilder sb = new StringBuilder(" ! ");
        for (Caps c : v.caps()) {
            sb.append(capsText(c)).append(" ! ");
        }
        return sb.toString();
    }

    private static String capsText(Caps c) {
        String s = c.toString();
        if (s.matches("[A-Za-z0-9-]+/[A-Za-z0-9-].*") && s.indexOf('!') < 0 && s.indexOf('\\') < 0) {
            return s;
        }
        return quoteAlways(s);
    }

    /** Whether the parser, linking to or from any pad, would not find this pad by itself. */
    private static boolean needsPadName(Pad pad) {
        Element e = pad.getParent();
        List<Pad> same = pad.getDirection() == PadDirection.SRC ? e.getSrcPads() : e.getSinkPads();
        if (same.size() != 1) {
            return true;
        }
        PadTemplate t = pad.getPadTemplate();
        return t != null && t.presence() != PadPresence.ALWAYS;
    }

    private static String padName(Pad pad) {
        if (!Lexer.isIdentifier(pad.getName())) {
            throw new IllegalArgumentException("cannot describe the link of " + pad + ": the pad name '"
                    + pad.getName() + "' cannot be written in gst-launch syntax");
        }
        return pad.getName();
    }

    private static String srcSuffix(Pad pad) {
        return needsPadName(pad) ? " ." + padName(pad) : "";
    }

    private static String sinkPrefix(Pad pad) {
        return needsPadName(pad) ? "." + padName(pad) + " " : "";
    }

    /** {@code name.pad}; a reference that ends a chain always names its pad, so that a following '(' is not read as a bin type. */
    private static String ref(Pad pad, boolean alwaysPad) {
        Element e = pad.getParent();
        if (!Lexer.isIdentifier(e.getName())) {
            throw new IllegalArgumentException("cannot describe the link of " + pad + ": the element name '"
                    + e.getName() + "' cannot be written as a reference (name.pad); name it with letters, digits,"
                    + " '_' and '-'");
        }
        return e.getName() + "." + (alwaysPad || needsPadName(pad) ? padName(pad) : "");
    }

    /** A value as written after '=': bare when it is a plain word, else in double quotes. */
    static String quote(String s) {
        if (s.isEmpty()) {
            return "\"\"";
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(Character.isLetterOrDigit(c) || "_-.+/:,%".indexOf(c) >= 0)) {
                return quoteAlways(s);
            }
        }
        return s;
    }

    private static String quoteAlways(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
