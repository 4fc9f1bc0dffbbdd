package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerRecord;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Span;

/**
 * What lies around the QEVM stream: a save image's records in file order (the device-model record holding, after
 * its own header fields, the stream's top-level nodes at image offsets), the page runs' batches (read from the
 * page source only when asked for), and the VHD the file was read out of, above everything else.
 */
final class ImageNodes {
    /** The save image's index, or {@code null} for a bare stream. */
    private final ContainerIndex container;
    /** Where page runs read their batch headers (the FX thread's source); {@code null} for a bare stream. */
    private final ByteSource pageSource;
    /** The VHD the document was read out of, above everything else; {@code null} otherwise. */
    private final DiskOutline disk;
    /** The QEVM stream's top-level nodes (the groups when there are too many). */
    private final List<StructureNode> streamTop;
    /** The save image's top-level nodes (the records of an image, the stream's of a bare stream). */
    private final List<StructureNode> imageTop;
    /** The tree's top level: the virtual disk alone, or the image's top level. */
    private final List<StructureNode> top;
    /** Batches of the page runs expanded so far: a click in page data must not re-read a thousand headers. */
    private final Map<StructureNode, List<StructureNode>> batches = new ConcurrentHashMap<>();

    /** {@code container}: a save image's index, or {@code null} for a bare stream. */
    ImageNodes(List<StructureNode> streamTop, ContainerIndex container, ByteSource pageSource, DiskOutline disk) {
        this.container = container;
        this.pageSource = pageSource;
        this.disk = disk;
        this.streamTop = streamTop;
        this.imageTop = container == null ? streamTop : containerTop(container);
        this.top = disk != null ? List.of(disk.disk()) : imageTop;
    }

    /** The tree's top level: the virtual disk alone, or the image's records, or the stream's nodes. */
    List<StructureNode> top() {
        return top;
    }

    ContainerIndex container() {
        return container;
    }

    DiskOutline disk() {
        return disk;
    }

    List<StructureNode> streamTop() {
        return streamTop;
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

    /** Whether a container record's node has no children: no header fields and not the device-model record. */
    boolean recordIsLeaf(StructureNode record) {
        return record.record().fields().isEmpty() && !holdsStream(container, record.span());
    }

    /** The container record's children: its header fields, then (device-model record) the stream's nodes. */
    List<StructureNode> recordChildren(StructureNode node) {
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
    List<StructureNode> diskChildren() {
        List<StructureNode> out = new ArrayList<>(disk.parts());
        out.addAll(imageTop);
        return out;
    }

    /** A page run's batches, read once. */
    List<StructureNode> batchChildren(StructureNode run) {
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
}
