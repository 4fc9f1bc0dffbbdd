package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

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
    /** The stream's top-level nodes, grouped when there are too many. */
    private final NodeGroups groups;
    /** The image's records and the VHD around the stream, or the stream alone. */
    private final ImageNodes around;
    /** Which diagnostics touch a node, without a scan of them all. */
    private final NodeDiagnostics problems;

    /** Above this many top-level nodes the stream's nodes are grouped. */
    public static final int MAX_CHILDREN = 10_000;
    /** Nodes per group at the lowest level (groups of groups hold as many groups each). */
    static final int GROUP = 1000;

    public StructureTree(Inspection inspection) {
        this(inspection, null, null, null);
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
        this(inspection, NodeGroups.of(inspection.parse()), container, pageSource, disk);
    }

    private StructureTree(Inspection inspection, NodeGroups groups, ContainerIndex container,
                          ByteSource pageSource, DiskOutline disk) {
        this(inspection, groups, new ImageNodes(groups.top(),
                container != null && container.isContainer() ? container : null, pageSource, disk));
    }

    private StructureTree(Inspection inspection, NodeGroups groups, ImageNodes around) {
        this.inspection = inspection;
        this.groups = groups;
        this.around = around;
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
        return new StructureTree(other, groups, around);
    }

    public Inspection inspection() {
        return inspection;
    }

    /** Top-level nodes in offset order. */
    public List<StructureNode> roots() {
        return around.top();
    }

    /** The VHD the document was read out of, or {@code null}. */
    public DiskOutline disk() {
        return around.disk();
    }

    /** Where the QEVM stream lies in a save image, or {@code null} for a bare stream (it is the whole file). */
    public Span stream() {
        return around.container() == null ? null : around.container().qevm();
    }

    /** The save image's index when the top level is its records, else {@code null}. */
    public ContainerIndex container() {
        return around.container();
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

    public Section section(StructureNode node) {
        return node.sectionIndex() < 0 ? null : inspection.sections().get(node.sectionIndex());
    }

    /** The children of {@code node}, created now. */
    public List<StructureNode> children(StructureNode node) {
        String path = node.path();
        return switch (node.kind()) {
            case FILE_HEADER -> FieldNodes.of(inspection.parse().header().fields(), -1, path);
            case SECTION -> FieldNodes.ofSection(section(node), path);
            case SECTION_HEADER -> FieldNodes.of(section(node).headerFields(), node.sectionIndex(), path);
            case FIELD -> FieldNodes.of(node.field().children(), node.sectionIndex(), path);
            case CONTAINER_RECORD -> around.recordChildren(node);
            case PAGE_RUN -> around.batchChildren(node);
            case QEVM_STREAM -> around.streamTop();
            case GROUP -> groups.children(node);
            case DISK -> around.diskChildren();
            default -> List.of();
        };
    }

    public boolean isLeaf(StructureNode node) {
        return switch (node.kind()) {
            case FILE_HEADER -> inspection.parse().header().fields().isEmpty();
            case SECTION -> false;
            case SECTION_HEADER -> section(node).headerFields().isEmpty();
            case FIELD -> node.field().children().isEmpty();
            case CONTAINER_RECORD -> around.recordIsLeaf(node);
            case PAGE_RUN -> node.record().pages().batches() == 0;
            case QEVM_STREAM -> around.streamTop().isEmpty();
            case GROUP -> false;
            case DISK -> false;
            default -> true;
        };
    }

    /**
     * The path from a top-level node down to the innermost node that contains {@code offset}; empty when no node
     * does (only possible for offsets outside the data). Binary search over the top level, then a descent
     * through the children, each level also searched by offset.
     */
    public List<StructureNode> path(long offset) {
        List<StructureNode> out = new ArrayList<>(6);
        StructureNode n = find(around.top(), offset);
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
