package org.savevminspector.io.vhd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.io.InputLayer;

/**
 * A save image read out of a VHD's virtual disk: the disk's structure, its parents' for a differencing disk
 * (nearest first), and what was found wrong, at offsets of the VHD file named.
 *
 * @param disk    the VHD the user named
 * @param parents the parent chain of a differencing disk, nearest first; empty otherwise
 * @param chain   what joining the chain found (a parent whose unique id is not the one the child names)
 */
public record VhdLayer(VhdDisk disk, List<VhdDisk> parents, List<Diagnostic> chain) implements InputLayer {

    public VhdLayer {
        parents = List.copyOf(parents);
        chain = List.copyOf(chain);
    }

    @Override
    public String kind() {
        return "vhd";
    }

    @Override
    public long storedSize() {
        return disk.fileSize();
    }

    /** The disk's own diagnostics and the chain's, in file-offset order (a parent's own are in {@link #parents}). */
    @Override
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(disk.diagnostics());
        all.addAll(chain);
        all.sort(Comparator.comparingLong(Diagnostic::offset));
        return all;
    }
}
