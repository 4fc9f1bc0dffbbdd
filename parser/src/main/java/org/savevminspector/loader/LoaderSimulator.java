package org.savevminspector.loader;

import java.util.List;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.io.ByteSource;
import org.savevminspector.stream.ParseResult;

/** Replays upstream qemu-xen-traditional's loader over a file. (Being implemented.) */
public final class LoaderSimulator {
    private final DeviceCatalog catalog;

    public LoaderSimulator(DeviceCatalog catalog) {
        this.catalog = catalog;
    }

    /** The report plus the loader diagnostics (LOADER_*, SILENT_PARTIAL_LOAD…) it gives rise to. */
    public record Result(LoaderReport report, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * @param src   the file bytes
     * @param parse the shape walk of the same bytes (used to relate loader reads to sections)
     * @return {@code null} report when the file is not something qemu-dm would try to load as a stream
     */
    public Result simulate(ByteSource src, ParseResult parse) {
        return new Result(null, List.of());
    }
}
