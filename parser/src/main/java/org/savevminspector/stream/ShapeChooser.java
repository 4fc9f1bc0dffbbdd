package org.savevminspector.stream;

import java.util.Optional;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.layout.Cursor;
import org.savevminspector.io.ByteSource;

/**
 * Decides which known layout a body really has. The label is trusted unless another layout of the same
 * device lands convincingly better on the next section (or on the EOF marker) — the only evidence a stream
 * without body lengths offers (§A.9 item 3, §C.3).
 */
final class ShapeChooser {
    /**
     * The label is only overridden when it is contradicted: its body ends on a byte that cannot start anything,
     * holds a value no writer produces, or runs past the end. Another layout then needs to end on an EOF marker
     * followed by padding — or, when the labelled body merely runs past the end (truncation being the simpler
     * explanation), exactly on the last byte as EOF marker or on a known header.
     */
    private static final int MIN_SCORE_WHEN_CONTRADICTED = HeaderProbe.Landing.EOF_WITH_PADDING.score;
    private static final int MIN_SCORE_WHEN_RUNNING_PAST_THE_END = HeaderProbe.Landing.EOF_EXACT.score;
    private static final int UNEXPECTED_VALUE_PENALTY = 2;

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
        int myScore = score(mine, bodyStart);
        if (myScore > HeaderProbe.Landing.IMPLAUSIBLE.score) {
            return Optional.of(mine);
        }
        Choice best = mine;
        int bestScore = myScore;
        int minimum = mine.truncated() ? MIN_SCORE_WHEN_RUNNING_PAST_THE_END : MIN_SCORE_WHEN_CONTRADICTED;
        for (DeviceLayout other : catalog.versions(idstr)) {
            if (other == labelled.get()) {
                continue;
            }
            Choice c = evaluate(other, bodyStart, sectionId);
            int s = score(c, bodyStart);
            if (c.landing().score >= minimum && s >= minimum && s > bestScore) {
                best = c;
                bestScore = s;
            }
        }
        return Optional.of(best);
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

    private int score(Choice c, long bodyStart) {
        int unexpected = c.layout().layout().unexpectedValues(src, bodyStart, src.size());
        return c.landing().score - (unexpected > 0 ? UNEXPECTED_VALUE_PENALTY : 0);
    }
}
