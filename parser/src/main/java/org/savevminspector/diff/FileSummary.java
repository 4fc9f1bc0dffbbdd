package org.savevminspector.diff;

import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerKind;
import org.savevminspector.model.Span;

/**
 * What a comparison says about one of its files.
 *
 * @param path      as the user named it
 * @param size      bytes
 * @param format    the QEVM stream's format as the inspect JSON names it ({@code qevm-v3}, …, {@code unknown})
 * @param kind      the container kind, or {@code null} when no walker recognised the file
 * @param qevm      where the QEVM stream lies in the file (the whole file for a bare stream), or {@code null}
 * @param sections  number of sections of the stream
 */
public record FileSummary(String path, long size, String format, ContainerKind kind, Span qevm, int sections) {

    static FileSummary of(DiffInput in) {
        ContainerIndex c = in.container();
        long size = in.source().size();
        ContainerKind kind = c == null ? ContainerKind.RAW : c.kind();
        Span qevm = c == null ? new Span(0, size) : c.qevm();
        return new FileSummary(in.path(), size, in.inspection().parse().format().json(), kind, qevm,
                in.inspection().sections().size());
    }

    /** Whether the file is a save image around its stream (not a bare stream, not unrecognised). */
    public boolean isImage() {
        return kind != null && kind != ContainerKind.RAW;
    }
}
