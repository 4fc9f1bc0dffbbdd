package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerRecord;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.ByteSource;

/** The structure tree of a save image: container records on top, the QEVM stream's own nodes inside. */
class ContainerTreeTest {
    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();

    /** A source that counts its reads, to prove which questions touch the bytes. */
    private static final class Counting implements ByteSource {
        private final ByteSource in;
        final AtomicLong reads = new AtomicLong();

        Counting(byte[] b) {
            in = ByteSource.of(b);
        }

        @Override
        public long size() {
            return in.size();
        }

        @Override
        public int read(long pos, byte[] dst, int off, int len) {
            reads.incrementAndGet();
            return in.read(pos, dst, off, len);
        }
    }

    private static StructureTree treeOf(byte[] image, ByteSource pages) {
        ImageInspection ii = ImageInspector.standard().inspect(ByteSource.of(image));
        return new StructureTree(ii.inspection(), ii.index(), pages);
    }

    @ParameterizedTest
    @EnumSource(SaveImageWriter.Kind.class)
    void recordsAreTheTopLevelAndTheDeviceModelRecordHoldsTheBareStreamsNodes(SaveImageWriter.Kind kind) {
        byte[] image = SaveImageWriter.image(kind, QEVM, 3);
        StructureTree t = treeOf(image, ByteSource.of(image));
        ContainerIndex idx = t.container();
        assertNotNull(idx);
        List<Long> recordOffsets = idx.records().stream().map(r -> r.span().offset()).toList();
        List<StructureNode> roots = t.roots();
        assertTrue(roots.stream().allMatch(n -> n.kind() == NodeKind.CONTAINER_RECORD || n.kind() == NodeKind.PAGE_RUN
                || n.kind() == NodeKind.QEVM_STREAM), kind + ": only container nodes on top");
        assertEquals(recordOffsets, roots.stream().filter(n -> n.record() != null).map(StructureNode::offset).toList());
        for (int i = 1; i < roots.size(); i++) {
            assertTrue(roots.get(i - 1).end() <= roots.get(i).offset(), kind + ": top level in order, no overlap");
        }

        long q = idx.qevm().offset();
        List<StructureNode> bare = new StructureTree(Samples.inspect(QEVM)).roots();
        StructureNode holder = t.path(q + 8).get(0);
        List<StructureNode> stream = t.children(holder).stream().filter(n -> n.kind() != NodeKind.FIELD).toList();
        assertEquals(bare.size(), stream.size(), kind + ": the stream's top level, no more, no less");
        for (int i = 0; i < bare.size(); i++) {
            assertEquals(bare.get(i).name(), stream.get(i).name());
            assertEquals(bare.get(i).kind(), stream.get(i).kind());
            assertEquals(bare.get(i).offset() + q, stream.get(i).offset(), kind + ": image offsets");
            assertEquals(bare.get(i).span().length(), stream.get(i).span().length());
        }
        // a byte of the first section's header leads through the record to the section
        List<StructureNode> path = t.path(t.inspection().sections().get(0).header().offset());
        assertEquals(holder, path.get(0));
        assertEquals(NodeKind.SECTION, StructureTree.sectionOf(path).kind());
    }

    @Test
    void pageRunsListTheirBatchesOnlyWhenAsked() {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_LEGACY, QEVM, 3);
        Counting pages = new Counting(image);
        StructureTree t = treeOf(image, pages);
        StructureNode run = t.roots().stream().filter(n -> n.kind() == NodeKind.PAGE_RUN).findFirst().orElseThrow();
        assertFalse(t.isLeaf(run));
        assertNotNull(t.nodeAt(t.container().qevm().offset() + 8));
        assertEquals(0, pages.reads.get(), "building the tree and finding stream nodes reads no page data");
        List<StructureNode> batches = t.children(run);
        assertEquals(1, batches.size(), "the fixture writes one batch per run");
        assertTrue(pages.reads.get() > 0);
        for (StructureNode b : batches) {
            assertEquals(NodeKind.PAGE_BATCH, b.kind());
            assertTrue(run.offset() <= b.offset() && b.end() <= run.end(), "a batch lies inside its run");
            assertTrue(b.summary().contains("pfn"), b.summary());
        }
        long before = pages.reads.get();
        assertEquals(batches, t.children(run));
        assertEquals(before, pages.reads.get(), "listed once, then remembered");
        assertEquals(run, t.path(batches.get(0).offset()).get(0));
    }

    @Test
    void aByteOfTheXlHeaderBelongsToTheHeaderRecord() {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, QEVM, 2);
        StructureTree t = treeOf(image, ByteSource.of(image));
        ContainerRecord header = t.container().records().stream().filter(r -> r.type().equals("xl-header"))
                .findFirst().orElseThrow();
        List<StructureNode> path = t.path(header.span().offset() + 1);
        assertEquals(header, path.get(0).record());
        assertEquals(NodeKind.CONTAINER_RECORD, path.get(0).kind());
    }

    @Test
    void theFirstErrorOfAnImageIsFoundInsideTheDeviceModelRecord() {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_LEGACY, Fixtures.xenServer62().bytes(), 2);
        StructureTree t = treeOf(image, ByteSource.of(image));
        int first = new Stepper(t).firstGravest();
        Diagnostic d = t.inspection().diagnostics().get(first);
        assertEquals(Severity.ERROR, d.severity());
        List<StructureNode> path = t.path(new Stepper(t).anchor(d));
        assertEquals(List.of(NodeKind.CONTAINER_RECORD, NodeKind.SECTION, NodeKind.SECTION_HEADER, NodeKind.FIELD),
                path.stream().map(StructureNode::kind).toList(), "record, then the stream's nodes");
        assertTrue(path.get(0).offset() <= t.container().qevm().offset());
        assertEquals(Severity.ERROR, t.status(path.get(path.size() - 1)));
    }

    @Test
    void aBareStreamKeepsItsTopLevel() {
        StructureTree plain = new StructureTree(Samples.SAMPLE_INSPECTION);
        assertNull(plain.container());
        assertEquals(27, plain.roots().size());
        assertEquals(NodeKind.FILE_HEADER, plain.roots().get(0).kind());
    }
}
