package org.savevminspector.container;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;

/**
 * Indexes a save image: the first {@link ContainerWalker} that recognises the file walks its record headers
 * (page payloads are skipped by arithmetic, never read); when none does, or the walk found no device-model
 * record, a byte scan looks for an embedded QEVM stream.
 */
public final class ContainerIndexer {
    private final List<ContainerWalker> walkers;
    private final boolean pfnArrays;

    public ContainerIndexer(List<ContainerWalker> walkers) {
        this(walkers, true);
    }

    private ContainerIndexer(List<ContainerWalker> walkers, boolean pfnArrays) {
        List<ContainerWalker> sorted = new ArrayList<>(walkers);
        sorted.sort(Comparator.comparingInt(ContainerWalker::order));
        this.walkers = List.copyOf(sorted);
        this.pfnArrays = pfnArrays;
    }

    /**
     * The walkers registered in {@code META-INF/services}. They read record headers and the pfn arrays of page
     * batches (8 bytes per guest page: each page run's pfn range, its pages with data checked against lengths).
     */
    public static ContainerIndexer standard() {
        List<ContainerWalker> found = new ArrayList<>();
        ServiceLoader.load(ContainerWalker.class, ContainerWalker.class.getClassLoader()).forEach(found::add);
        return new ContainerIndexer(found);
    }

    /**
     * The same walkers without the migration-v2 pfn arrays: a {@code PAGE_DATA} record's pages are counted from
     * its length, so that indexing reads a few bytes per 4 MiB of guest memory (legacy batches have no length and
     * still need theirs).
     */
    public ContainerIndexer headersOnly() {
        return new ContainerIndexer(walkers, false);
    }

    public List<ContainerWalker> walkers() {
        return walkers;
    }

    public ContainerIndex index(ByteSource src) {
        return index(src, ParseOptions.DEFAULT);
    }

    /**
     * @throws java.util.concurrent.CancellationException when {@code options} asks for it
     * @throws java.io.UncheckedIOException               when the bytes cannot be read
     */
    public ContainerIndex index(ByteSource src, ParseOptions options) {
        ImageWalk w = new ImageWalk(src, options, pfnArrays);
        ContainerKind kind = null;
        for (ContainerWalker walker : walkers) {
            if (walker.recognises(src)) {
                kind = walker.kind();
                walker.walk(w);
                break;
            }
        }
        List<Long> embedded = List.of();
        if (w.qevm == null) {
            embedded = EmbeddedScan.scan(src, 0, w);
            if (!embedded.isEmpty()) {
                long at = embedded.get(0);
                String candidates = embedded.size() > 1 ? "-candidates" : "";
                w.error(DiagnosticCode.EMBEDDED_STREAM, (kind == null ? "unknown-container" : "no-qemu-record")
                        + candidates, at, 8, src.be32(at + 4), Offset.of(at), kind == null ? "" : kind.description(),
                        Offset.decimal(at), embedded.size());
            }
        }
        w.finish();
        List<Diagnostic> diags = new ArrayList<>(w.diagnostics);
        diags.sort(Comparator.comparingLong(Diagnostic::offset));
        return new ContainerIndex(kind, w.size, w.records, w.qevm, w.lengthFields, w.padding, w.qevmToEof, embedded,
                diags);
    }
}
