package org.savevminspector.diff;

import java.util.List;
import org.savevminspector.model.Span;

/**
 * One row of a comparison as a viewer lists it: a section pair, or the file header, EOF marker, trailing or
 * unparsed bytes of both files. The spans are absolute offsets in each file ({@code null} on the side that has
 * none), for selecting and scrolling both sides together.
 */
public sealed interface DiffPair permits SectionPair, PartPair {

    DiffStatus status();

    /** For people, e.g. {@code "piix4acpi" instance 0} or {@code trailing bytes}. */
    String label();

    /** The bytes in the first file, or {@code null}. */
    Span spanA();

    /** The bytes in the second file, or {@code null}. */
    Span spanB();

    /** The differing fields (none for a pair present on one side only). */
    List<FieldPair> fields();
}
