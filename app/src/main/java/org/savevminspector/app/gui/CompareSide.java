package org.savevminspector.app.gui;

import java.nio.file.Path;
import org.savevminspector.app.gui.session.Document;

/** A file to compare: where it is, what to call it, and whether it is the bundled synthetic sample. */
record CompareSide(Path path, String displayName, boolean synthetic) {
    static CompareSide of(Path p) {
        Path name = p.getFileName();
        return new CompareSide(p, name == null ? p.toString() : name.toString(), false);
    }

    /**
     * The file an open document was read from, to be opened again through the input layer (a compressed file is
     * decompressed again, a VHD seen as its virtual disk again); for a pipe, its private copy.
     */
    static CompareSide of(Document d) {
        return new CompareSide(d.original() != null ? d.original() : d.path(), d.displayName(), d.synthetic());
    }
}
