package org.savevminspector.io.compress;

import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.io.InputLayer;

/**
 * An input that was decompressed before it was read: which compression, how many bytes were stored and how many
 * came out, and — when the compressed data is cut short or corrupt — where decoding stopped.
 *
 * @param compression    the compression recognised by its magic
 * @param storedSize     bytes of the compressed file
 * @param size           bytes decompressed (what the reports' offsets address)
 * @param problem        {@code COMPRESSED_DATA_DAMAGED} at the compressed offset where decoding stopped, or
 *                       {@code null}
 */
public record CompressionLayer(Compression compression, long storedSize, long size, Diagnostic problem)
        implements InputLayer {

    @Override
    public String kind() {
        return compression.json();
    }

    @Override
    public List<Diagnostic> diagnostics() {
        return problem == null ? List.of() : List.of(problem);
    }
}
