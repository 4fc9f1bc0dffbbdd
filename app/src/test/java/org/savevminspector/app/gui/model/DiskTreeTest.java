package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.VhdWriter;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;
import org.savevminspector.io.vhd.VhdLayer;

/**
 * The tree of a save image read out of a VHD: the virtual disk on top, the VHD's structures (in the file, not in
 * the virtual disk) before the image's records under it, and both offsets in the detail of every node.
 */
class DiskTreeTest {
    private static final int BLOCK = 64 << 10;
    private static final byte[] IMAGE = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2,
            Fixtures.defaultGuest().bytes(), 20);

    @TempDir
    Path dir;

    private static Map<String, String> detail(StructureTree tree, StructureNode n, ByteSource bytes) {
        return NodeDetail.of(tree, n, bytes, null).fields().stream().collect(Collectors.toMap(DetailLine::label,
                DetailLine::text,
                (a, b) -> a));
    }

    @Test
    void theVirtualDiskIsAboveTheImageWithBothOffsetsInTheDetail() throws Exception {
        byte[] vhd = new VhdWriter(1 << 20).blockSize(BLOCK).put(0, IMAGE).dynamic();
        Path p = Files.write(dir.resolve("suspend.vhd"), vhd);
        try (Input in = new InputOpener(InputOpener.Options.defaults()).open(InputName.of(p));
             ByteSource src = in.open()) {
            ImageInspection ii = ImageInspector.standard().inspect(src);
            StructureTree tree = new StructureTree(ii.inspection(), ii.index(), src,
                    new DiskOutline(in.layer(VhdLayer.class)));
            assertEquals(1, tree.roots().size());
            StructureNode disk = tree.roots().get(0);
            assertEquals(NodeKind.DISK, disk.kind());
            assertEquals("VHD dynamic disk", disk.name());
            assertEquals(1 << 20, disk.span().length());
            assertEquals("1048576 bytes of virtual disk in a " + vhd.length + "-byte file", NodeColumns.value(tree, disk));

            List<StructureNode> under = tree.children(disk);
            assertEquals(List.of("footer copy", "dynamic header", "block allocation table", "footer", "xl save header"),
                    under.subList(0, 5).stream().map(StructureNode::name).toList());
            assertEquals(NodeKind.DISK_PART, under.get(2).kind());
            assertEquals("2 of 16 blocks allocated, blocks 0..1", under.get(2).summary());
            assertEquals(NodeKind.CONTAINER_RECORD, under.get(4).kind());

            Map<String, String> bat = detail(tree, under.get(2), src);
            assertEquals("0x00000600 (1536)", bat.get("VHD file offset"));
            assertEquals("64 bytes, in the VHD file", bat.get("Size"));
            assertNull(bat.get("Raw bytes"), "not bytes of the virtual disk");
            Map<String, String> footer = detail(tree, under.get(3), src);
            assertEquals(String.format("0x%08X (%d)", vhd.length - 512, vhd.length - 512), footer.get("VHD file offset"));

            long q = ii.index().qevm().offset();
            List<StructureNode> path = tree.path(q + 8);
            assertEquals(NodeKind.DISK, path.get(0).kind());
            assertEquals("EMULATOR_CONTEXT", path.get(1).name());
            StructureNode section = StructureTree.sectionOf(path);
            Map<String, String> d = detail(tree, section, src);
            long file = 2048 + (section.offset() / BLOCK) * (512 + BLOCK) + 512 + section.offset() % BLOCK;
            // issue 18's one coordinate system: the place in the QEVM stream beside the (virtual) offset
            assertEquals(String.format("0x%08X (%d; stream +0x%X)", section.offset(), section.offset(),
                    section.offset() - q), d.get("Virtual offset"));
            assertEquals(String.format("0x%08X (%d)", file, file), d.get("VHD file offset"));
            assertFalse(tree.isLeaf(disk));
            assertTrue(tree.isLeaf(under.get(0)));
            assertEquals(tree.roots(), tree.withInspection(ii.inspection()).roots(), "a loader switch keeps the nodes");
        }
    }
}
