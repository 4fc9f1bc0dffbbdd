package org.savevminspector.app.gui.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerRecord;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;
import org.savevminspector.stream.ParseResult;

/**
 * The structure of one inspected file as a tree of {@link StructureNode}s: file header, sections (header node,
 * then body fields, nested), EOF marker, trailing and unparsed bytes. Top-level nodes are in offset order, so
 * that {@link #path(long)} finds the innermost node containing a byte by binary search and a descent.
 *
 * <p>For a save image the top level is the container's records in file order instead; the device-model record
 * holds, after its own header fields, exactly the nodes a bare stream's tree has at its top level (at image
 * offsets), and page runs list their batches (read from the page source) only when asked for their children.
 */
public final class StructureTree {
    private final Inspection inspection;
    private final List<StructureNode> top;
    /** The save image's top-level nodes (the records of an image, the stream's of a bare stream). */
    private final List<StructureNode> imageTop;
    /** The QEVM stream's top-level nodes: {@link #top} itself for a bare stream. */
    private final List<StructureNode> streamTop;
    /** The save image's index, or {@code null} for a bare stream. */
    private final ContainerIndex container;
    /** Where page runs read their batch headers (the FX thread's source); {@code null} for a bare stream. */
    private final ByteSource pageSource;
    /** Batches of the page runs expanded so far: a click in page data must not re-read a thousand headers. */
    private final Map<StructureNode, List<StructureNode>> batches;
    /** Which diagnostics touch a node, without a scan of them all. */
    private final NodeDiagnostics problems;
    /** The stream's top-level nodes behind the groups, and each group's range in them; empty when not grouped. */
    private final Groups groups;
    /** The VHD the document was read out of, above everything else; {@code null} otherwise. */
    private final DiskOutline disk;

    /** Above this many top-level nodes the stream's nodes are grouped. */
    public static final int MAX_CHILDREN = 10_000;
    /** Nodes per group at the lowest level (groups of groups hold as many groups each). */
    static final int GROUP = 1000;

    public StructureTree(Inspection inspection) {
        this(inspection, null, null);
    }

    /**
     * The tree of {@code inspection}; when {@code container} is a save image (not a bare stream), its records form
     * the top level and {@code pageSource} (used on the calling thread of {@link #children}) lists page batches.
     */
    public StructureTree(Inspection inspection, ContainerIndex container, ByteSource pageSource) {
        this(inspection, container, pageSource, null);
    }

    /**
     * As {@link #StructureTree(Inspection, ContainerIndex, ByteSource)} for a save file read out of a VHD
     * ({@code disk}, or {@code null}): the virtual disk is then the one top-level node, the VHD's structures and
     * the image's nodes its children.
     */
    public StructureTree(Inspection inspection, ContainerIndex container, ByteSource pageSource, DiskOutline disk) {
        this(inspection, Groups.of(inspection.parse()), container != null && container.isContainer() ? container : null,
                pageSource, disk);
    }

    private StructureTree(Inspection inspection, Groups groups, ContainerIndex container, ByteSource pageSource,
                          DiskOutline disk) {
        this(inspection, container == null ? groups.top() : containerTop(container), groups, container, pageSource,
                new ConcurrentHashMap<>(), disk);
    }

    private StructureTree(Inspection inspection, List<StructureNode> imageTop, Groups groups,
                          ContainerIndex container, ByteSource pageSource, Map<StructureNode, List<StructureNode>> batches,
                          DiskOutline disk) {
        this.inspection = inspection;
        this.disk = disk;
        this.imageTop = imageTop;
        List<StructureNode> top = imageTop;
        if (disk != null) {
            top = List.of(disk.disk());
        }
        this.top = top;
        this.groups = groups;
        this.streamTop = groups.top();
        this.container = container;
        this.pageSource = pageSource;
        this.batches = batches;
        this.problems = new NodeDiagnostics(inspection);
    }

    /**
     * The same nodes with the statuses of {@code other}, an inspection of the same shape walk with another loader
     * simulation: the nodes are reused, so a view showing them keeps its items, expansion and selection.
     *
     * @throws IllegalArgumentException when {@code other} is of another parse
     */
    public StructureTree withInspection(Inspection other) {
        if (other.parse() != inspection.parse()) {
            throw new IllegalArgumentException("another parse: build a new tree");
        }
        return new StructureTree(other, imageTop, groups, container, pageSource, batches, disk);
    }

    public Inspection inspection() {
        return inspection;
    }

    /** Top-level nodes in offset order. */
    public List<StructureNode> roots() {
        return top;
    }

    /** The VHD the document was read out of, or {@code null}. */
    public DiskOutline disk() {
        return disk;
    }

    /** Where the QEVM stream lies in a save image, or {@code null} for a bare stream (it is the whole file). */
    public Span stream() {
        return container == null ? null : container.qevm();
    }

    /** The save image's index when the top level is its records, else {@code null}. */
    public ContainerIndex container() {
        return container;
    }

    /** Records in file order; the QEVM bytes get a node of their own only when no record encloses them. */
    private static List<StructureNode> containerTop(ContainerIndex index) {
        List<StructureNode> out = new ArrayList<>(index.records().size() + 1);
        boolean enclosed = false;
        for (ContainerRecord r : index.records()) {
            if (r.pages() != null) {
                out.add(new StructureNode(NodeKind.PAGE_RUN, r.name(), r.span(), -1, null, "", r,
                        ContainerOutline.summary(r.pages())));
            } else {
                out.add(new StructureNode(NodeKind.CONTAINER_RECORD, r.name(), r.span(), -1, null, "", r, r.type()));
                enclosed |= holdsStream(index, r.span());
            }
        }
        if (index.qevm() != null && !enclosed) {
            out.add(new StructureNode(NodeKind.QEVM_STREAM, "QEVM stream", index.qevm(), -1, null, "", null,
                    index.qevm().length() + " bytes"));
        }
        out.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        return Collections.unmodifiableList(out);
    }

    private static boolean holdsStream(ContainerIndex index, Span s) {
        Span q = index.qevm();
        return q != null && s.offset() <= q.offset() && q.end() <= s.end();
    }

    /** The container record's children: its header fields, then (device-model record) the stream's nodes. */
    private List<StructureNode> recordChildren(StructureNode node) {
        boolean stream = holdsStream(container, node.span());
        List<StructureNode> out = new ArrayList<>();
        for (Field f : node.record().fields()) {
            // a field describing the QEVM bytes as a whole would hide the stream's own nodes from offset lookups
            if (!stream || !overlaps(f.span(), container.qevm())) {
                out.add(new StructureNode(NodeKind.FIELD, f.name(), f.span(), -1, f, node.path()));
            }
        }
        if (stream) {
            out.addAll(streamTop);
            out.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        }
        return out;
    }

    /** The VHD's structures (empty spans at 0: they are not in the virtual disk), then the image's nodes. */
    private List<StructureNode> diskChildren() {
        List<StructureNode> out = new ArrayList<>(disk.parts());
        out.addAll(imageTop);
        return out;
    }

    private List<StructureNode> batchChildren(StructureNode run) {
        return batches.computeIfAbsent(run, r -> {
            ContainerOutline outline = new ContainerOutline(container);
            ContainerOutline.Node n = new ContainerOutline.Node(ContainerOutline.Kind.PAGE_RUN, r.name(), r.summary(),
                    r.span(), r.record());
            List<StructureNode> out = new ArrayList<>();
            for (ContainerOutline.Node c : outline.children(n, pageSource)) {
                NodeKind k = c.kind() == ContainerOutline.Kind.MORE ? NodeKind.MORE_BATCHES : NodeKind.PAGE_BATCH;
                out.add(new StructureNode(k, c.label(), c.span(), -1, null, r.path(), null, c.value()));
            }
            return List.copyOf(out);
        });
    }

    private static boolean overlaps(Span a, Span b) {
        return a.offset() < b.end() && b.offset() < a.end();
    }

    /** The section node on {@code path} (the top level of a bare stream, one level down in an image), or null. */
    public static StructureNode sectionOf(List<StructureNode> path) {
        for (StructureNode n : path) {
            if (n.kind() == NodeKind.SECTION) {
                return n;
            }
        }
        return null;
    }

    /**
     * The stream's top-level nodes: the file header, the sections, the EOF marker, unparsed and trailing bytes, in
     * offset order. Made as needed: for a million sections only the nodes of the groups expanded exist.
     */
    private static List<StructureNode> streamNodes(ParseResult parse) {
        List<StructureNode> head = new ArrayList<>(1);
        List<StructureNode> tail = new ArrayList<>(3);
        if (parse.header() != null && parse.header().span().length() > 0) {
            head.add(new StructureNode(NodeKind.FILE_HEADER, "file header", parse.header().span(), -1, null, ""));
        }
        if (parse.eof() != null) {
            tail.add(new StructureNode(NodeKind.EOF_MARKER, "EOF marker", parse.eof(), -1, null, ""));
        }
        if (parse.unparsed() != null && parse.unparsed().length() > 0) {
            tail.add(new StructureNode(NodeKind.UNPARSED, "unparsed bytes", parse.unparsed(), -1, null, ""));
        }
        if (parse.trailing() != null && parse.trailing().length() > 0) {
            tail.add(new StructureNode(NodeKind.TRAILING, "trailing bytes", parse.trailing(), -1, null, ""));
        }
        tail.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        List<Section> sections = parse.sections();
        int n = sections.size();
        boolean inOrder = n == 0 || ((head.isEmpty() || head.get(0).end() <= sections.get(0).header().offset())
                && (tail.isEmpty() || sections.get(n - 1).span().end() <= tail.get(0).offset()));
        if (!inOrder || head.size() + n + tail.size() <= MAX_CHILDREN) {
            List<StructureNode> out = new ArrayList<>(head.size() + n + tail.size());
            out.addAll(head);
            for (Section s : sections) {
                out.add(sectionNode(s));
            }
            out.addAll(tail);
            out.sort((a, b) -> Long.compare(a.offset(), b.offset()));
            return Collections.unmodifiableList(out);
        }
        return new AbstractList<>() {
            @Override
            public StructureNode get(int i) {
                if (i < head.size()) {
                    return head.get(i);
                }
                return i - head.size() < n ? sectionNode(sections.get(i - head.size())) : tail.get(i - head.size() - n);
            }

            @Override
            public int size() {
                return head.size() + n + tail.size();
            }
        };
    }

    private static StructureNode sectionNode(Section s) {
        return new StructureNode(NodeKind.SECTION, sectionName(s), s.span(), s.index(), null, "");
    }

    /**
     * The stream's top level: its nodes themselves, or — past {@value #MAX_CHILDREN} of them — groups of
     * {@value #GROUP} consecutive nodes, and groups of groups when even the groups are too many, so that no level
     * of the tree (and of the view's items) has more rows than that.
     */
    private record Groups(List<StructureNode> nodes, List<StructureNode> top, Map<StructureNode, int[]> ranges,
                          Map<StructureNode, Long> sizes) {

        static Groups of(ParseResult parse) {
            List<StructureNode> nodes = streamNodes(parse);
            if (nodes.size() <= MAX_CHILDREN) {
                return new Groups(nodes, nodes, Map.of(), Map.of());
            }
            long size = GROUP;
            while ((nodes.size() + size - 1) / size > MAX_CHILDREN) {
                size *= GROUP;
            }
            Groups g = new Groups(nodes, new ArrayList<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            g.top().addAll(g.level(0, nodes.size(), size));
            return new Groups(nodes, Collections.unmodifiableList(g.top()), g.ranges(), g.sizes());
        }

        boolean grouped() {
            return !ranges.isEmpty();
        }

        /** Groups of {@code size} nodes covering nodes {@code [from, to)}. */
        List<StructureNode> level(int from, int to, long size) {
            List<StructureNode> out = new ArrayList<>((int) Math.min(MAX_CHILDREN, (to - from + size - 1) / size));
            for (long a = from; a < to; a += size) {
                int b = (int) Math.min(to, a + size);
                StructureNode first = nodes.get((int) a);
                StructureNode last = nodes.get(b - 1);
                int firstSection = firstSection((int) a, b, 1);
                int lastSection = firstSection(b - 1, (int) a - 1, -1);
                String name = firstSection < 0 ? "nodes " + a + "–" + (b - 1)
                        : "sections #" + firstSection + "–#" + lastSection;
                Span span = new Span(first.offset(), last.end() - first.offset());
                StructureNode group = new StructureNode(NodeKind.GROUP, name, span, -1, null, "", null,
                        (lastSection - firstSection + 1) + " sections, " + span.length() + " bytes");
                ranges.put(group, new int[] {(int) a, b});
                sizes.put(group, size);
                out.add(group);
            }
            return out;
        }

        /** The section index of the first section node from {@code from} towards {@code to} (exclusive), or -1. */
        private int firstSection(int from, int to, int step) {
            for (int i = from; i != to; i += step) {
                if (nodes.get(i).kind() == NodeKind.SECTION) {
                    return nodes.get(i).sectionIndex();
                }
            }
            return -1;
        }

        /** A group's children: its nodes, or its groups one level down. */
        List<StructureNode> children(StructureNode group) {
            int[] r = ranges.get(group);
            long size = sizes.get(group);
            if (size > GROUP) {
                return level(r[0], r[1], size / GROUP);
            }
            return List.copyOf(nodes.subList(r[0], r[1]));
        }
    }

    /** {@code ram} START/PART/END get their type in the label so the three live sections can be told apart. */
    private static String sectionName(Section s) {
        return switch (s.type()) {
            case START, PART, END -> s.idstr() + " (" + s.type().json() + ")";
            default -> s.idstr();
        };
    }

    public Section section(StructureNode node) {
        return node.sectionIndex() < 0 ? null : inspection.sections().get(node.sectionIndex());
    }

    /** The children of {@code node}, created now. */
    public List<StructureNode> children(StructureNode node) {
        String path = node.path();
        switch (node.kind()) {
            case FILE_HEADER:
                return fieldNodes(inspection.parse().header().fields(), -1, path);
            case SECTION: {
                Section s = section(node);
                List<StructureNode> out = new ArrayList<>(s.fields().size() + 1);
                out.add(new StructureNode(NodeKind.SECTION_HEADER, "header", s.header(), s.index(), null, path));
                if (!s.fields().isEmpty()) {
                    out.addAll(fieldNodes(s.fields(), s.index(), path));
                } else if (s.body().length() > 0) {
                    out.add(new StructureNode(NodeKind.RAW_BODY, s.decoded() ? "body" : "body (not decoded)",
                            s.body(), s.index(), null, path));
                }
                return out;
            }
            case SECTION_HEADER:
                return fieldNodes(section(node).headerFields(), node.sectionIndex(), path);
            case FIELD:
                return fieldNodes(node.field().children(), node.sectionIndex(), path);
            case CONTAINER_RECORD:
                return recordChildren(node);
            case PAGE_RUN:
                return batchChildren(node);
            case QEVM_STREAM:
                return streamTop;
            case GROUP:
                return groups.children(node);
            case DISK:
                return diskChildren();
            default:
                return List.of();
        }
    }

    public boolean isLeaf(StructureNode node) {
        return switch (node.kind()) {
            case FILE_HEADER -> inspection.parse().header().fields().isEmpty();
            case SECTION -> false;
            case SECTION_HEADER -> section(node).headerFields().isEmpty();
            case FIELD -> node.field().children().isEmpty();
            case CONTAINER_RECORD -> node.record().fields().isEmpty() && !holdsStream(container, node.span());
            case PAGE_RUN -> node.record().pages().batches() == 0;
            case QEVM_STREAM -> streamTop.isEmpty();
            case GROUP -> false;
            case DISK -> false;
            default -> true;
        };
    }

    private static List<StructureNode> fieldNodes(List<Field> fields, int section, String parentPath) {
        List<StructureNode> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(new StructureNode(NodeKind.FIELD, f.name(), f.span(), section, f, parentPath));
        }
        return out;
    }

    /**
     * The path from a top-level node down to the innermost node that contains {@code offset}; empty when no node
     * does (only possible for offsets outside the data). Binary search over the top level, then a descent
     * through the children, each level also searched by offset.
     */
    public List<StructureNode> path(long offset) {
        List<StructureNode> out = new ArrayList<>(6);
        StructureNode n = find(top, offset);
        while (n != null) {
            out.add(n);
            n = isLeaf(n) ? null : find(children(n), offset);
        }
        return out;
    }

    /** The innermost node at {@code offset}, or {@code null}. */
    public StructureNode nodeAt(long offset) {
        List<StructureNode> p = path(offset);
        return p.isEmpty() ? null : p.get(p.size() - 1);
    }

    /** Nodes are in offset order and do not overlap: the last one starting at or before the offset is the candidate. */
    static StructureNode find(List<StructureNode> nodes, long offset) {
        int lo = 0;
        int hi = nodes.size() - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (nodes.get(mid).offset() <= offset) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        // zero-length nodes may share an offset with the next one: walk back to one that contains it
        for (int i = best; i >= 0 && i > best - 4; i--) {
            if (nodes.get(i).span().contains(offset)) {
                return nodes.get(i);
            }
        }
        return null;
    }

    /** The path from the top down to {@code target} (inclusive), or empty when it is not in this tree. */
    public List<StructureNode> pathTo(StructureNode target) {
        List<StructureNode> p = path(target.offset());
        int i = p.indexOf(target);
        return i < 0 ? List.of() : List.copyOf(p.subList(0, i + 1));
    }

    /** Gravest diagnostic severity touching the node's bytes (sections: their own diagnostics), or {@code null}. */
    public Severity status(StructureNode node) {
        return problems.status(node);
    }

    /**
     * The first of the gravest of {@link #diagnostics(StructureNode)}, or {@code null}: what a tree row says on
     * hover. Cheap enough for every cell update: no scan of all diagnostics, even for a section.
     */
    public Diagnostic gravest(StructureNode node) {
        return problems.gravest(node);
    }

    /** Diagnostics whose bytes overlap the node's (or, for a section, that name it). */
    public List<Diagnostic> diagnostics(StructureNode node) {
        return problems.of(node);
    }
}
