package org.savevminspector.container;

import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.model.Span;

/**
 * What indexing a save image found: its kind, its records (headers only, page data summarised), where the QEVM
 * stream lies and what encloses it.
 *
 * @param kind         the container kind, or {@code null} when no walker recognised the file
 * @param size         file size
 * @param records      records in file order
 * @param qevm         the device-model (QEVM) bytes, clipped to the file; {@code null} when there are none
 * @param lengthFields the fields a repair must update when the QEVM length changes (FORMAT.md D.7)
 * @param padding      for a migration-v2 {@code EMULATOR_CONTEXT}: the padding after the QEVM bytes, which a
 *                     repair recomputes; {@code null} otherwise
 * @param qevmToEof    whether the QEVM bytes are delimited by the end of the file (xend, xl 4.0, raw)
 * @param embedded     offsets of {@code QEVM} magics found by the fallback scan (only when no container was
 *                     recognised or none held a device-model record), in file order
 * @param diagnostics  what the walk found wrong or worth saying, in offset order
 */
public record ContainerIndex(ContainerKind kind, long size, List<ContainerRecord> records, Span qevm,
                             List<LengthField> lengthFields, Span padding, boolean qevmToEof, List<Long> embedded,
                             List<Diagnostic> diagnostics) {

    public ContainerIndex {
        records = List.copyOf(records);
        lengthFields = List.copyOf(lengthFields);
        embedded = List.copyOf(embedded);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * The padding after a migration-v2 {@code EMULATOR_CONTEXT} whose QEVM bytes are {@code qevmLength} long (FORMAT.md D.4:
     * a record's body, here the 8-byte sub-header and the stream, ends on a multiple of 8), or -1 when the image has
     * no such padding.
     */
    public int paddingFor(long qevmLength) {
        return padding == null ? -1 : V2Records.padding(qevmLength + 8);
    }

    /** Whether the file is a save image around a QEVM stream (not a bare stream, not unrecognised). */
    public boolean isContainer() {
        return kind != null && kind != ContainerKind.RAW;
    }
}
