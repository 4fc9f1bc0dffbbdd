package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.savevminspector.io.vhd.ParentLocator;
import org.savevminspector.io.vhd.VhdDisk;
import org.savevminspector.io.vhd.VhdFooter;
import org.savevminspector.io.vhd.VhdHeader;
import org.savevminspector.io.vhd.VhdLayer;
import org.savevminspector.io.vhd.VhdType;
import org.savevminspector.model.Span;

/**
 * The VHD a document was read out of, for the tree: one node for the virtual disk above the save image, and under
 * it, before the image's own nodes, the VHD's structures (footer copy, dynamic header, BAT, footer, the parent of a
 * differencing disk). Those lie in the VHD file, not in the virtual disk the hex pane shows, so their nodes are
 * empty spans at offset 0 and carry their file spans here; every other node's bytes map to file offsets through
 * {@link #fileOffset}.
 */
public final class DiskOutline {
    private final VhdLayer layer;
    private final StructureNode disk;
    private final List<StructureNode> parts;
    private final Map<StructureNode, Span> fileSpans = new IdentityHashMap<>();

    public DiskOutline(VhdLayer layer) {
        this.layer = layer;
        VhdDisk d = layer.disk();
        this.disk = new StructureNode(NodeKind.DISK, "VHD " + d.type().json() + " disk", new Span(0, d.virtualSize()),
                -1, null, "", null, d.virtualSize() + " bytes of virtual disk in a " + d.fileSize() + "-byte file");
        String path = disk.path();
        List<StructureNode> out = new ArrayList<>();
        if (d.footerCopy() != null) {
            out.add(part("footer copy", path, d.footerCopy().span(), checksum(d.footerCopy())));
        }
        VhdHeader h = d.header();
        if (h != null) {
            out.add(part("dynamic header", path, h.span(), (h.checksumOk() ? "checksum ok" : "checksum BAD")
                    + "; blocks of " + h.blockSize() + " bytes"));
            long[] range = d.bat().allocatedRange();
            out.add(part("block allocation table", path, d.bat().span(), d.bat().allocated() + " of "
                    + d.bat().entries() + " blocks allocated" + (range[0] < 0 ? "" : ", blocks " + range[0] + ".."
                    + range[1])));
            if (d.type() == VhdType.DIFFERENCING) {
                String named = h.locators().stream().map(ParentLocator::path).filter(p -> p != null && !p.isBlank())
                        .findFirst().orElse(h.parentName());
                out.add(part("parent", path, new Span(h.span().offset() + 40, 16), named + ", unique id "
                        + h.parentUniqueId() + (layer.parents().isEmpty() ? "" : ", read from the --parent given")));
            }
        }
        out.add(part("footer", path, d.footer().span(), checksum(d.footer())));
        this.parts = Collections.unmodifiableList(out);
    }

    private StructureNode part(String name, String parentPath, Span inFile, String summary) {
        StructureNode n = new StructureNode(NodeKind.DISK_PART, name, new Span(0, 0), -1, null, parentPath, null,
                summary);
        fileSpans.put(n, inFile);
        return n;
    }

    private static String checksum(VhdFooter f) {
        return (f.checksumOk() ? "checksum ok" : "checksum BAD") + ", made by " + f.creator() + " at " + f.created();
    }

    public VhdLayer layer() {
        return layer;
    }

    /** The top node: the whole virtual disk. */
    public StructureNode disk() {
        return disk;
    }

    /** The VHD's own structures, as children of {@link #disk()}. */
    public List<StructureNode> parts() {
        return parts;
    }

    /** Where a structure node lies in the VHD file, or {@code null} for a node of the virtual disk. */
    public Span fileSpan(StructureNode node) {
        return fileSpans.get(node);
    }

    /**
     * Where the byte at virtual offset {@code virtual} is stored in the VHD file: its offset, or -1 when no block
     * holds it (it reads as zeros, or from the parent of a differencing disk).
     */
    public long fileOffset(long virtual) {
        return layer.disk().fileOffset(virtual);
    }
}
