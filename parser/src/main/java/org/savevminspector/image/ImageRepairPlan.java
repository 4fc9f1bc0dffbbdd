package org.savevminspector.image;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.LengthField;
import org.savevminspector.model.Span;
import org.savevminspector.repair.RepairPlan;

/**
 * A repair of the QEVM stream inside a save image: the stream's own plan (at stream offsets) and what changes
 * around it.
 *
 * @param stream        the repair of the QEVM bytes, verified as a bare stream
 * @param index         the container walk of the input
 * @param lengthEdits   the enclosing length fields and their new bytes (FORMAT.md D.7), in file order
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

    /**
     * One run of the written image: {@code length} bytes of the input from {@code from}, or {@code bytes} when
     * {@code from} is -1.
     */
    public record Segment(long from, long length, byte[] bytes) {
        static Segment copy(long from, long length) {
            return new Segment(from, length, null);
        }

        static Segment literal(byte[] bytes) {
            return new Segment(-1, bytes.length, bytes);
        }
    }

    /**
     * The written image as runs, in order: the prefix with each length field rewritten, the repaired QEVM stream,
     * the new padding, the rest of the image (shifted when the stream's length changed).
     */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        Span q = index.qevm();
        long pos = 0;
        for (LengthEdit e : lengthEdits) {
            out.add(Segment.copy(pos, e.field().offset() - pos));
            out.add(Segment.literal(e.after()));
            pos = e.field().offset() + e.field().width();
        }
        out.add(Segment.copy(pos, q.offset() - pos));
        out.add(Segment.literal(stream.result()));
        long resume = q.end();
        if (newPadding >= 0) {
            out.add(Segment.literal(new byte[newPadding]));
            resume = index.padding().end();
        }
        out.add(Segment.copy(resume, index.size() - resume));
        return out;
    }

    /** Size of the written image. */
    public long newSize() {
        long qevmDelta = stream.result().length - index.qevm().length();
        long padDelta = newPadding < 0 ? 0 : newPadding - index.padding().length();
        return index.size() + qevmDelta + padDelta;
    }
}
