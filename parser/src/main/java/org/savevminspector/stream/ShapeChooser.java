package org.savevminspector.stream;

import java.util.Optional;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.layout.Cursor;
import org.savevminspector.io.ByteSource;

/**
 * Decides which known layout a body really has. The label is trusted unless the bytes contradict it and another
 * layout of the same device explains them — the only evidence a stream without body lengths offers (FORMAT.md A.9 item 3,
 * FORMAT.md C.3).
 *
 * <p>How much the other layout has to show depends on how strongly the label is contradicted:
 * <ul>
 *   <li>the labelled body holds a value no writer produces ({@code Scalar.expect}, read as the loader reads it:
 *       zeros past the end of the data): the other layout needs to end exactly on an EOF marker — whatever
 *       follows it (padding, junk, a second copy of the stream) — or on a section header;</li>
 *   <li>the labelled body ends on a byte that cannot start anything: the other layout needs an EOF marker
 *       followed by nothing or zero padding, or a header;</li>
 *   <li>the labelled body merely runs past the end of the data (a cut-short file is the simpler explanation):
 *       the other layout needs the EOF marker as the very last byte or a header of a device we know.</li>
 * </ul>
 * The other layout must itself be above suspicion: inside the data and without unexpected values. Bytes after
 * an EOF marker are what {@code TRAILING_BYTES} is for; they never decide which shape a body has.
 */
final class ShapeChooser {

    /** What is wrong with the labelled layout's reading of the bytes, weakest first. */
    private enum Contradiction {
        NONE,
        /** The body runs past the end of the data. */
        RUNS_PAST_END,
        /** The body ends on a byte that is neither a section type nor the EOF marker. */
        IMPOSSIBLE_NEXT_BYTE,
        /** The body holds a value no genuine writer produces. */
        UNEXPECTED_VALUE
    }

    private final ByteSource src;
    private final DeviceCatalog catalog;
    private final HeaderProbe probe;

    /**
     * @param layout    the layout to decode with
     * @param length    body length under it
     * @param landing   where it puts the next section
     * @param truncated whether the data ends inside the body
     */
    record Choice(DeviceLayout layout, long length, HeaderProbe.Landing landing, boolean truncated) {
    }

    ShapeChooser(ByteSource src, DeviceCatalog catalog, HeaderProbe probe) {
        this.src = src;
        this.catalog = catalog;
        this.probe = probe;
    }

    /**
     * The layout for a section labelled ({@code idstr}, {@code version}), or empty when no layout of that
     * label exists (the caller then resynchronises).
     */
    Optional<Choice> choose(String idstr, long version, long bodyStart, long sectionId) {
        Optional<DeviceLayout> labelled = catalog.find(idstr, version);
        if (labelled.isEmpty()) {
            return Optional.empty();
        }
        Choice mine = evaluate(labelled.get(), bodyStart, sectionId);
        Contradiction against = contradiction(mine, bodyStart);
        if (against == Contradiction.NONE) {
            return Optional.of(mine);
        }
        Choice best = mine;
        for (DeviceLayout other : catalog.versions(idstr)) {
            if (other == labelled.get()) {
                continue;
            }
            Choice c = evaluate(other, bodyStart, sectionId);
            if (explains(c, against, bodyStart) && (best == mine || c.landing().score > best.landing().score)) {
                best = c;
            }
        }
        return Optional.of(best);
    }

    private Contradiction contradiction(Choice labelled, long bodyStart) {
        if (labelled.landing() == HeaderProbe.Landing.HEADER_KNOWN) {
            // the next section is where this body says: an odd value inside it is the device's business
            return Contradiction.NONE;
        }
        if (unexpectedValues(labelled.layout(), bodyStart) > 0) {
            return Contradiction.UNEXPECTED_VALUE;
        }
        return switch (labelled.landing()) {
            case IMPLAUSIBLE -> Contradiction.IMPOSSIBLE_NEXT_BYTE;
            case BEYOND -> Contradiction.RUNS_PAST_END;
            default -> Contradiction.NONE;
        };
    }

    /** Whether {@code other} is a good enough reading of the bytes to overrule a label contradicted so. */
    private boolean explains(Choice other, Contradiction against, long bodyStart) {
        if (other.truncated() || !acceptable(other.landing(), against)) {
            return false;
        }
        return unexpectedValues(other.layout(), bodyStart) == 0;
    }

    private static boolean acceptable(HeaderProbe.Landing l, Contradiction against) {
        return switch (against) {
            case UNEXPECTED_VALUE -> isEofMarker(l) || isHeader(l);
            case IMPOSSIBLE_NEXT_BYTE -> l == HeaderProbe.Landing.EOF_EXACT || l == HeaderProbe.Landing.EOF_WITH_PADDING
                    || isHeader(l);
            case RUNS_PAST_END -> l == HeaderProbe.Landing.EOF_EXACT || isKnownHeader(l);
            case NONE -> false;
        };
    }

    private static boolean isHeader(HeaderProbe.Landing l) {
        return l == HeaderProbe.Landing.HEADER_PLAUSIBLE || isKnownHeader(l);
    }

    /** A header of a device we decode, in id order or not (a repeated copy of a section is still a header). */
    private static boolean isKnownHeader(HeaderProbe.Landing l) {
        return l == HeaderProbe.Landing.HEADER_KNOWN || l == HeaderProbe.Landing.HEADER_REPEATED;
    }

    private static boolean isEofMarker(HeaderProbe.Landing l) {
        return l == HeaderProbe.Landing.EOF_EXACT || l == HeaderProbe.Landing.EOF_WITH_PADDING
                || l == HeaderProbe.Landing.EOF_WITH_TRAILING;
    }

    /** Measures {@code layout} at {@code bodyStart}; a count byte past the data makes the body truncated. */
    Choice evaluate(DeviceLayout layout, long bodyStart, long sectionId) {
        long size = src.size();
        try {
            long len = layout.layout().measure(src, bodyStart, size);
            HeaderProbe.Landing landing = probe.landing(bodyStart + len, sectionId);
            return new Choice(layout, len, landing, bodyStart + len > size);
        } catch (Cursor.Truncated t) {
            return new Choice(layout, size - bodyStart, HeaderProbe.Landing.BEYOND, true);
        }
    }

    private int unexpectedValues(DeviceLayout layout, long bodyStart) {
        return layout.layout().unexpectedValues(src, bodyStart, src.size());
    }
}
