package org.savevminspector.container;

import java.util.List;
import org.savevminspector.repair.RepairPlan;

/**
 * A repair of the QEVM stream inside a save image: the stream's own plan (at stream offsets) and what changes
 * around it.
 *
 * @param stream        the repair of the QEVM bytes, verified as a bare stream
 * @param index         the container walk of the input
 * @param lengthEdits   the enclosing length fields and their new bytes (§D.7), in file order
 * @param newPadding    the new padding after the QEVM bytes of a v2 {@code EMULATOR_CONTEXT}; -1 when none
 * @param refusal       why the image must not be written, or {@code null}
 */
public record ImageRepairPlan(RepairPlan stream, ContainerIndex index, List<LengthEdit> lengthEdits, int newPadding,
                              String refusal) {

    public ImageRepairPlan {
        lengthEdits = List.copyOf(lengthEdits);
    }

    /** One length field rewritten. */
    public record LengthEdit(LengthField field, byte[] before, byte[] after) {
    }

    public boolean acceptable() {
        return refusal == null && stream.acceptable();
    }

    /** Size of the written image. */
    public long newSize() {
        long qevmDelta = stream.result().length - index.qevm().length();
        long padDelta = newPadding < 0 ? 0 : newPadding - index.padding().length();
        return index.size() + qevmDelta + padDelta;
    }
}
