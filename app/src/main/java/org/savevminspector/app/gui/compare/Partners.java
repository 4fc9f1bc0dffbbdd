package org.savevminspector.app.gui.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.savevminspector.app.gui.model.NodeKind;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.diff.DiffPair;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.FieldPath;
import org.savevminspector.diff.PartPair;
import org.savevminspector.diff.SectionPair;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/**
 * Where things of one side of a comparison are on the other: a node's partner (the same field path in the paired
 * section, the paired section, the other file's header, EOF marker or trailing bytes), what each side selects for
 * a row of the list, and the row a node belongs to. A field the other side lacks has the nearest enclosing group
 * or section there as its partner; a section the other file lacks, the place where it would be (the caret before
 * the next paired section, none of its bytes selected); trailing bytes the other file lacks, its EOF marker.
 */
public final class Partners {
    /** The top-level nodes of a QEVM stream, wherever the stream lies (a bare file, an image, a VHD's disk). */
    private static final Set<NodeKind> STREAM_PARTS = EnumSet.of(NodeKind.FILE_HEADER, NodeKind.SECTION,
            NodeKind.EOF_MARKER, NodeKind.TRAILING, NodeKind.UNPARSED);

    private final DiffResult result;
    private final Map<Integer, SectionPair> byA = new HashMap<>();
    private final Map<Integer, SectionPair> byB = new HashMap<>();
    private final Map<PartPair.Part, PartPair> parts = new EnumMap<>(PartPair.Part.class);

    /** A place in a pair: the pair as a whole ({@code path} null) or the field at {@code path} (a FieldPath). */
    record Place(DiffPair pair, String path) {
    }

    public Partners(DiffResult result) {
        this.result = result;
        for (SectionPair p : result.sections()) {
            if (p.a() != null) {
                byA.put(p.a().index(), p);
            }
            if (p.b() != null) {
                byB.put(p.b().index(), p);
            }
        }
        for (DiffPair p : result.pairs()) {
            if (p instanceof PartPair part) {
                parts.put(part.part(), part);
            }
        }
    }

    /** The selection on the other side that matches {@code from} on side a ({@code fromA}) or b; null: none. */
    public Selection partner(Selection from, boolean fromA, StructureTree treeFrom, StructureTree treeTo) {
        StructureNode n = from.node();
        Place p = n == null ? null : placeOf(n, fromA, treeFrom);
        return p == null ? null : select(p, !fromA, treeTo);
    }

    /** What side a ({@code first}) or b selects to show {@code row}; null when the row has no bytes there to show. */
    public Selection show(DiffRow row, boolean first, StructureTree tree) {
        if (row instanceof DiffRow.PairRow p) {
            return select(new Place(p.pair(), null), first, tree);
        }
        if (row instanceof DiffRow.FieldRow f) {
            return select(new Place(f.pair(), f.field().path()), first, tree);
        }
        return null;
    }

    /**
     * The row of {@code outline} that {@code node} (of side a when {@code first}) belongs to: its differing field's
     * (or enclosing differing group's), else its pair's; null outside every pair (container records, ignored
     * sections).
     */
    public DiffRow rowOf(StructureNode node, boolean first, StructureTree tree, DiffOutline outline) {
        Place p = placeOf(node, first, tree);
        if (p == null) {
            return null;
        }
        for (String q = p.path(); q != null; q = parent(q)) {
            DiffRow r = outline.rowOf(p.pair(), q);
            if (r != null) {
                return r;
            }
        }
        return outline.rowOf(p.pair(), null);
    }

    // ------------------------------------------------------------------ node → place

    Place placeOf(StructureNode node, boolean first, StructureTree tree) {
        Map<Integer, SectionPair> sections = first ? byA : byB;
        switch (node.kind()) {
            case SECTION:
                return place(sections.get(node.sectionIndex()), null);
            case SECTION_HEADER:
                return place(sections.get(node.sectionIndex()), FieldPath.HEADER);
            case RAW_BODY:
                return place(sections.get(node.sectionIndex()), FieldPath.BODY);
            case FIELD:
                if (node.sectionIndex() >= 0) {
                    Section s = tree.section(node);
                    return place(sections.get(node.sectionIndex()), pathOf(s, node.field()));
                }
                PartPair header = parts.get(PartPair.Part.FILE_HEADER);
                Span hs = header == null ? null : first ? header.spanA() : header.spanB();
                return hs != null && within(node.span(), hs) ? new Place(header, node.name()) : null;
            case FILE_HEADER:
                return place(parts.get(PartPair.Part.FILE_HEADER), null);
            case EOF_MARKER:
                return place(parts.get(PartPair.Part.EOF), null);
            case TRAILING:
                return place(parts.get(PartPair.Part.TRAILING), null);
            case UNPARSED:
                return place(parts.get(PartPair.Part.UNPARSED), null);
            default:
                return null; // the container's records have no partner
        }
    }

    private static Place place(DiffPair pair, String path) {
        return pair == null ? null : new Place(pair, path);
    }

    private static boolean within(Span inner, Span outer) {
        return inner.offset() >= outer.offset() && inner.end() <= outer.end();
    }

    /** The FieldPath of {@code f} in {@code s}, or null when it is not one of its fields. */
    private static String pathOf(Section s, Field f) {
        for (FieldPath.Entry e : FieldPath.all(s)) {
            if (e.field() == f) {
                return e.path();
            }
        }
        return null;
    }

    /** The path of the group holding {@code path}, or null at the top: {@code pci.irq_state[2]} → {@code pci.irq_state}. */
    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? null : path.substring(0, cut);
    }

    // ------------------------------------------------------------------ place → selection

    private Selection select(Place p, boolean first, StructureTree tree) {
        if (p.pair() instanceof SectionPair sp) {
            Section s = first ? sp.a() : sp.b();
            if (s == null) {
                return whereItWouldBe(sp, first, tree);
            }
            List<StructureNode> section = sectionPath(s, tree);
            if (section.isEmpty()) {
                return null;
            }
            return node(p.path() == null ? section : fieldPath(s, p.path(), section, tree));
        }
        Span span = first ? p.pair().spanA() : p.pair().spanB();
        PartPair.Part part = ((PartPair) p.pair()).part();
        if (span == null && (part == PartPair.Part.TRAILING || part == PartPair.Part.UNPARSED)) {
            // bytes after the end only the other file has: this file's stream ends at its EOF marker
            PartPair eof = parts.get(PartPair.Part.EOF);
            span = eof == null ? null : first ? eof.spanA() : eof.spanB();
        }
        if (span == null || span.length() == 0) {
            return null;
        }
        List<StructureNode> path = tree.path(span.offset());
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).span().equals(span) && STREAM_PARTS.contains(path.get(i).kind())) {
                List<StructureNode> nodes = path.subList(0, i + 1);
                if (p.path() != null) { // a field of the file header, by name
                    for (StructureNode f : tree.children(path.get(i))) {
                        if (f.name().equals(p.path())) {
                            return node(concat(nodes, f));
                        }
                    }
                }
                return node(nodes);
            }
        }
        return null;
    }

    /** The nodes down to the field at {@code path} of {@code s}, or to its nearest enclosing group, or the section. */
    private static List<StructureNode> fieldPath(Section s, String path, List<StructureNode> section, StructureTree tree) {
        Map<String, Field> fields = new HashMap<>();
        for (FieldPath.Entry e : FieldPath.all(s)) {
            fields.put(e.path(), e.field());
        }
        StructureNode sectionNode = section.get(section.size() - 1);
        for (String q = path; q != null; q = parent(q)) {
            if (q.equals(FieldPath.HEADER) || q.equals(FieldPath.BODY)) {
                for (StructureNode c : tree.children(sectionNode)) {
                    boolean header = c.kind() == NodeKind.SECTION_HEADER;
                    if (header == q.equals(FieldPath.HEADER) && (header || c.kind() == NodeKind.RAW_BODY)) {
                        return concat(section, c);
                    }
                }
                continue;
            }
            Field f = fields.get(q);
            List<StructureNode> nodes = f == null ? List.of() : tree.path(f.span().offset());
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i).field() == f) {
                    return nodes.subList(0, i + 1);
                }
            }
        }
        return section;
    }

    private static List<StructureNode> sectionPath(Section s, StructureTree tree) {
        List<StructureNode> path = tree.path(s.header().offset());
        StructureNode n = StructureTree.sectionOf(path);
        return n == null ? List.of() : path.subList(0, path.indexOf(n) + 1);
    }

    /**
     * For a section only the other file has: the caret where this file would have it, before the next section that
     * both files have (or on the EOF marker), with that neighbour selected but none of its bytes.
     */
    private Selection whereItWouldBe(SectionPair missing, boolean first, StructureTree tree) {
        List<SectionPair> pairs = result.sections();
        long at = -1;
        for (int i = pairs.indexOf(missing) + 1; i < pairs.size() && at < 0; i++) {
            Section next = first ? pairs.get(i).a() : pairs.get(i).b();
            if (next != null) {
                at = next.header().offset();
            }
        }
        PartPair eof = parts.get(PartPair.Part.EOF);
        Span eofSpan = eof == null ? null : first ? eof.spanA() : eof.spanB();
        if (at < 0 && eofSpan != null) {
            at = eofSpan.offset();
        }
        if (at < 0) {
            return null;
        }
        List<StructureNode> path = tree.path(at);
        for (int i = 0; i < path.size(); i++) {
            if (STREAM_PARTS.contains(path.get(i).kind())) { // the stream's node, below any disk or container record
                return new Selection(path.subList(0, i + 1), at, 0, at, null);
            }
        }
        return null;
    }

    private static Selection node(List<StructureNode> path) {
        StructureNode n = path.get(path.size() - 1);
        return new Selection(path, n.offset(), Math.max(1, n.span().length()), n.offset(), null);
    }

    private static List<StructureNode> concat(List<StructureNode> path, StructureNode last) {
        List<StructureNode> out = new ArrayList<>(path);
        out.add(last);
        return out;
    }
}
