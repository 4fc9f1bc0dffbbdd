package org.savevminspector.io;

import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;

/**
 * What lies between the file as it is stored and the bytes the reports address: a compression the input was
 * decoded from, a virtual disk the save image was read out of. A layer's diagnostics speak of its own stored bytes
 * (offsets in the compressed file, in the VHD file), not of the bytes the reports' other offsets address.
 */
public interface InputLayer {

    /** The layer as the JSON reports name it: {@code gzip}, {@code xz}, {@code zstd}, {@code bzip2}, {@code vhd}. */
    String kind();

    /** Bytes of this layer as stored: the compressed file's, the VHD file's. */
    long storedSize();

    /** What this layer found wrong or worth saying, at offsets of its stored bytes, in offset order. */
    List<Diagnostic> diagnostics();
}
