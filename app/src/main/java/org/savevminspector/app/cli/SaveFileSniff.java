package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.container.ContainerWalker;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.FileByteSource;
import org.savevminspector.io.compress.Compression;
import org.savevminspector.io.vhd.VhdReader;

/**
 * Tells at a glance whether a file found in a directory tree can be a save file: a QEVM stream or a save image
 * whose signature a container walker knows, a compressed file (decompressed later and judged then) or a VHD (its
 * footer cookie {@code conectix}). Reads the first and the last block of the file; logs, configuration files and
 * ISO images are skipped without parsing.
 */
final class SaveFileSniff {
    private static final ContainerIndexer INDEXER = ContainerIndexer.standard();

    private SaveFileSniff() {
    }

    /** {@code null} when {@code p} may be a save file; otherwise why it is skipped. */
    static String skipReason(Path p) throws IOException {
        try (ByteSource src = FileByteSource.open(p)) {
            if (src.size() == 0) {
                return "empty";
            }
            if (Compression.sniff(src) != null || VhdReader.isVhd(src)) {
                return null;
            }
            for (ContainerWalker w : INDEXER.walkers()) {
                if (w.recognises(src)) {
                    return null;
                }
            }
            return "no save-file signature";
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
