package org.savevminspector.image;

import org.savevminspector.container.ContainerIndex;
import org.savevminspector.inspect.Inspection;

/**
 * A whole file seen as a save image: its container index and the inspection of its QEVM stream.
 *
 * @param index      the container walk (kind {@code raw} for a bare stream, {@code null} kind when unrecognised)
 * @param inspection the QEVM stream's inspection at absolute image offsets, with the container's diagnostics
 *                   merged in (for an unrecognised file: the whole file inspected as a bare stream)
 * @param stream     the QEVM stream's inspection at stream offsets (what a repair edits), or {@code null} when
 *                   there is no device-model record
 */
public record ImageInspection(ContainerIndex index, Inspection inspection, Inspection stream) {
}
