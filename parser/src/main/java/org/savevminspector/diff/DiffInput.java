package org.savevminspector.diff;

import java.util.Objects;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.ByteSource;

/**
 * One side of a comparison.
 *
 * @param path       the file as the user named it (reports print it)
 * @param source     the whole file's bytes, read only where content is compared (section bodies, trailing bytes;
 *                   never the page data of an image); not thread-safe, so one per comparing thread
 * @param inspection the QEVM stream's inspection at absolute file offsets
 * @param container  the container index, or {@code null} for an inspection made without one (a bare stream)
 */
public record DiffInput(String path, ByteSource source, Inspection inspection, ContainerIndex container) {

    public DiffInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(inspection, "inspection");
    }

    /** A file as {@code ImageInspector} saw it: the stream at image offsets and the container index. */
    public static DiffInput of(String path, ByteSource source, ImageInspection image) {
        return new DiffInput(path, source, image.inspection(), image.index());
    }
}
