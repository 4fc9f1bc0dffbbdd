package org.savevminspector.app.gui.compare;

import org.savevminspector.app.gui.session.Document;
import org.savevminspector.diff.DiffResult;

/**
 * Two open files and the structural comparison between them, made on the worker thread.
 *
 * @param a      the first file (side a)
 * @param b      the second file (side b)
 * @param result what differs, with sections and fields of exactly these documents' inspections
 */
public record Comparison(Document a, Document b, DiffResult result) {
}
