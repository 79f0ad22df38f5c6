package org.gstmini.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gstmini.core.Bin;
import org.gstmini.core.Element;
import org.gstmini.core.GhostPad;
import org.gstmini.core.Pad;
import org.gstmini.core.PadDirection;
import org.gstmini.core.Property;
import org.gstmini.core.caps.Caps;

/**
 * What two pipelines must share to be "the same": every element (where it sits, its factory,
 * its non-default properties) and every link from a real pad to a real pad, looking through
 * ghost pads. A capsfilter with a default name ({@code capsfilter12}) counts as caps on the
 * link it sits on, since the parser makes those for caps written between links.
 */
record PipelineSnapshot(Map<String, String> elements, TreeSet<String> links) {

    static PipelineSnapshot of(Bin root) {
        Map<String, String> elements = new TreeMap<>();
        TreeSet<String> links = new TreeSet<>();
        for (Element e : root.getChildrenRecursive()) {
            if (isAutoCapsFilter(e)) {
                continue;
            }
            String previous = elements.put(e.getName(), path(e, root) + " " + factory(e) + " " + properties(e));
            if (previous != null) {
                throw new AssertionError("two elements named " + e.getName());
            }
            if (isPlainBin(e)) {
                continue;
            }
            for (Pad sp : e.getSrcPads()) {
                List<String> caps = new ArrayList<>();
                Pad end = follow(sp.getPeer());
                while (end != null && isAutoCapsFilter(end.getParent())) {
                    caps.add(String.valueOf(end.getParent().getProperty("caps")));
                    end = follow(end.getParent().getSrcPads().get(0).getPeer());
                }
                if (end != null || !caps.isEmpty()) {
                    links.add(sp.getParent().getName() + ":" + sp.getName() + " -" + caps + "-> "
                            + (end == null ? "nothing" : end.getParent().getName() + ":" + end.getName()));
                }
            }
        }
        return new PipelineSnapshot(elements, links);
    }

    static boolean isAutoCapsFilter(Element e) {
        return e != null && e.getFactory() != null && e.getFactory().getName().equals("capsfilter")
                && e.getName().matches("capsfilter\\d+");
    }

    private static boolean isPlainBin(Element e) {
        return e instanceof Bin && (e.getFactory() == null || e.getFactory().getName().equals("bin")
                || e.getFactory().getName().equals("pipeline"));
    }

    /** The real pad receiving what is pushed into {@code p}, through the ghost pads of plain bins. */
    private static Pad follow(Pad p) {
        while (p != null) {
            if (p instanceof GhostPad.Internal in) {
                p = in.ghost().getPeer();
            } else if (p instanceof GhostPad g && g.getDirection() == PadDirection.SINK && isPlainBin(g.getParent())) {
                p = g.getTarget();
            } else {
                return p;
            }
        }
        return null;
    }

    private static String path(Element e, Bin root) {
        StringBuilder sb = new StringBuilder();
        for (Bin b = e.getParent(); b != null && b != root; b = b.getParent()) {
            sb.insert(0, b.getName() + "/");
        }
        return "/" + sb;
    }

    private static String factory(Element e) {
        if (e.getFactory() != null) {
            return e.getFactory().getName();
        }
        return e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String properties(Element e) {
        Map<String, String> out = new TreeMap<>();
        for (Property<?> p : e.listProperties()) {
            if (p.name().equals("name") || !p.isWritable()) {
                continue;
            }
            Object v = e.getProperty(p.name());
            Object d = p.defaultValue();
            boolean isDefault = Objects.equals(v, d) || (v instanceof Caps a && d instanceof Caps b && a.isEqualTo(b));
            if (!isDefault) {
                out.put(p.name(), p.format(v));
            }
        }
        return out.toString();
    }
}
