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
    /** A layout below this landing score never overrides the label: a short file is truncation, not a mismatch. */
    private static final int MIN_ALTERNATIVE_SCORE = HeaderProbe.Landing.EOF_WITH_TRAILING.score;
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
        if (mine.landing().score >= HeaderProbe.Landing.EOF_EXACT.score && myScore == mine.landing().score) {
            return Optional.of(mine);
        }
        Choice best = mine;
        int bestScore = myScore;
        for (DeviceLayout other : catalog.versions(idstr)) {
            if (other == labelled.get()) {
                continue;
            }
            Choice c = evaluate(other, bodyStart, sectionId);
            int s = score(c, bodyStart);
            if (c.landing().score >= MIN_ALTERNATIVE_SCORE && s > bestScore) {
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
