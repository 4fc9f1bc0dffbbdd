package org.savevminspector.image;

import java.util.List;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.container.ContainerKind;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.io.SliceByteSource;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.stream.ParseResult;

/**
 * "Tell me everything about this file, whatever wraps the QEVM stream": index the container, inspect the
 * embedded stream exactly as a bare file (through a {@link SliceByteSource}), move the result to image offsets.
 */
public final class ImageInspector {
    private final ContainerIndexer indexer;
    private final Inspector inspector;

    public ImageInspector(ContainerIndexer indexer, Inspector inspector) {
        this.indexer = indexer;
        this.inspector = inspector;
    }

    public static ImageInspector standard() {
        return new ImageInspector(ContainerIndexer.standard(), Inspector.standard());
    }

    public Inspector inspector() {
        return inspector;
    }

    public ImageInspection inspect(ByteSource src) {
        return inspect(src, ParseOptions.DEFAULT);
    }

    /**
     * @throws java.util.concurrent.CancellationException when {@code options} asks for it
     * @throws java.io.UncheckedIOException               when the bytes cannot be read
     */
    public ImageInspection inspect(ByteSource src, ParseOptions options) {
        return inspect(src, options, LoaderProfiles.upstream());
    }

    /** The same, with the loader simulation of {@code profile} over the stream. */
    public ImageInspection inspect(ByteSource src, ParseOptions options, LoaderProfile profile) {
        ContainerIndex index = indexer.index(src, options);
        if (index.kind() == ContainerKind.RAW) {
            Inspection whole = inspector.inspect(src, options, profile);
            return new ImageInspection(index, whole, whole);
        }
        if (index.qevm() == null) {
            Inspection whole = inspector.inspect(src, ParseOptions.DEFAULT, profile);
            return new ImageInspection(index, merge(whole, index.diagnostics()), null);
        }
        Inspection stream = inspector.inspect(new SliceByteSource(src, index.qevm().offset(), index.qevm().length()),
                ParseOptions.DEFAULT, profile);
        Inspection moved = new Relocation(index.qevm().offset()).inspection(stream, src);
        return new ImageInspection(index, merge(moved, index.diagnostics()), stream);
    }

    /** Inspects the stream found at {@code offset} by the fallback scan, up to the end of the file. */
    public ImageInspection inspectEmbedded(ByteSource src, ContainerIndex index, long offset) {
        return inspectEmbedded(src, index, offset, LoaderProfiles.upstream());
    }

    /** The same, with the loader simulation of {@code profile}. */
    public ImageInspection inspectEmbedded(ByteSource src, ContainerIndex index, long offset, LoaderProfile profile) {
        Inspection stream = inspector.inspect(new SliceByteSource(src, offset, src.size() - offset),
                ParseOptions.DEFAULT, profile);
        Inspection moved = new Relocation(offset).inspection(stream, src);
        ContainerIndex at = new ContainerIndex(index.kind(), index.size(), index.records(),
                new org.savevminspector.model.Span(offset, src.size() - offset), List.of(), null, true,
                index.embedded(), index.diagnostics());
        return new ImageInspection(at, merge(moved, index.diagnostics()), stream);
    }

    private static Inspection merge(Inspection in, List<Diagnostic> container) {
        if (container.isEmpty()) {
            return in;
        }
        return new Inspection(in.parse(), in.loader(),
                DiagnosticList.merge(DiagnosticList.Order.GRAVEST_FIRST, in.diagnostics(), container));
    }
}
