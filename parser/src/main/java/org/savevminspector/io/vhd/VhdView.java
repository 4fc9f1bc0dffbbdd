package org.savevminspector.io.vhd;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputLayer;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputStep;

/**
 * The input step that reads a VHD (a XenServer suspend VDI on a file SR, or one copied off an LVM SR) as the
 * virtual disk it holds: the input becomes a random-access view of the disk ({@link VhdByteSource}), nothing is
 * copied. A differencing disk needs its parent, given by the user ({@code --parent}); without it the input is
 * refused in one sentence naming the parent as the disk's parent locator gives it.
 */
public final class VhdView implements InputStep {

    /** After decompression: a VHD file may itself have been compressed. */
    @Override
    public int order() {
        return 20;
    }

    @Override
    public Input apply(Input in, Context context) throws IOException {
        VhdDisk disk;
        try (ByteSource s = in.open()) {
            disk = VhdReader.read(s);
        } catch (VhdFormatException e) {
            throw new FileSystemException(in.name().shown(), null, e.getMessage());
        }
        if (disk == null) {
            return in;
        }
        Input parent = null;
        List<Diagnostic> chain = new ArrayList<>();
        List<VhdDisk> parents = new ArrayList<>();
        if (disk.type() == VhdType.DIFFERENCING) {
            parent = context.parent();
            if (parent == null) {
                throw new FileSystemException(in.name().shown(), null, "it is a differencing VHD whose parent "
                        + parentNamed(disk) + " was not given; give it with --parent FILE");
            }
            VhdLayer up = parent.layer(VhdLayer.class);
            if (up == null) {
                String shown = parent.name().shown();
                parent.close();
                throw new FileSystemException(in.name().shown(), null, "its parent " + shown + " is not a VHD");
            }
            parents.add(up.disk());
            parents.addAll(up.parents());
            if (!up.disk().footer().uniqueId().equals(disk.header().parentUniqueId())) {
                chain.add(Diagnostic.raise(DiagnosticCode.VHD_PARENT_MISMATCH, "unique-id",
                        disk.header().span().offset() + 40, 16, -1, disk.header().parentUniqueId(),
                        parent.name().shown(), up.disk().footer().uniqueId()));
            }
            if (up.disk().virtualSize() != disk.virtualSize()) {
                chain.add(Diagnostic.raise(DiagnosticCode.VHD_PARENT_MISMATCH, "virtual-size",
                        disk.footer().span().offset() + 48, 8, -1, parent.name().shown(), up.disk().virtualSize(),
                        disk.virtualSize()));
            }
        }
        return new View(in, parent, disk, new VhdLayer(disk, parents, chain));
    }

    /** How the disk names its parent: the first locator holding a path, else the header's parent name. */
    static String parentNamed(VhdDisk disk) {
        VhdHeader h = disk.header();
        for (ParentLocator l : h.locators()) {
            if (l.path() != null && !l.path().isBlank()) {
                return l.path();
            }
        }
        return h.parentName().isBlank() ? "(unnamed, unique id " + h.parentUniqueId() + ")" : h.parentName();
    }

    /** The virtual disk as an input: reads go through a new {@link VhdByteSource} each time. */
    private static final class View implements Input {
        private final Input file;
        private final Input parent;
        private final VhdDisk disk;
        private final List<InputLayer> layers;

        View(Input file, Input parent, VhdDisk disk, VhdLayer layer) {
            this.file = file;
            this.parent = parent;
            this.disk = disk;
            List<InputLayer> all = new ArrayList<>(file.layers());
            all.add(layer);
            this.layers = List.copyOf(all);
        }

        @Override
        public InputName name() {
            return file.name();
        }

        @Override
        public long size() {
            return disk.virtualSize();
        }

        @Override
        public ByteSource open() throws IOException {
            ByteSource f = file.open();
            try {
                return new VhdByteSource(f, disk, parent == null ? null : parent.open());
            } catch (IOException | RuntimeException e) {
                f.close();
                throw e;
            }
        }

        /** No file holds the virtual disk's bytes as they are. */
        @Override
        public Path file() {
            return null;
        }

        @Override
        public Path original() {
            return file.original();
        }

        @Override
        public List<InputLayer> layers() {
            return layers;
        }

        @Override
        public void close() {
            file.close();
            if (parent != null) {
                parent.close();
            }
        }
    }
}
