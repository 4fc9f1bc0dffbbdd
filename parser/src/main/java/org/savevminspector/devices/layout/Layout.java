package org.savevminspector.devices.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;

/**
 * The body layout of one device version, written as data: a list of elements built with the static factories
 * below. The same description measures a body (the shape walk), decodes it field by field (the viewer), and
 * tells the loader simulation how many bytes a load function reads.
 */
public final class Layout {
    private final List<Element> elements;
    private final long fixedSize;
    private final boolean expectations;
    /** Top-level fields a decode produces at most: sizes its list so that spliced runs never regrow it. */
    private final int topLevelFields;

    private Layout(List<Element> elements) {
        this.elements = List.copyOf(elements);
        this.fixedSize = Elements.fixedSize(this.elements);
        this.expectations = Elements.hasExpectations(this.elements);
        this.topLevelFields = Elements.maxFields(this.elements);
    }

    public static Layout of(Element... elements) {
        return new Layout(List.of(elements));
    }

    public static Layout of(List<Element> elements) {
        return new Layout(elements);
    }

    public List<Element> elements() {
        return elements;
    }

    /** Body size when it never depends on the bytes, else -1. */
    public long fixedSize() {
        return fixedSize;
    }

    /**
     * Body length of the bytes at {@code bodyStart}, reading only the counts and flags it depends on.
     *
     * @throws Cursor.Truncated when a byte needed to know the length lies at or past {@code limit}; a body that
     *                          is merely longer than the data is not an error here (compare the result with the
     *                          data instead)
     */
    public long measure(ByteSource src, long bodyStart, long limit) {
        if (fixedSize >= 0) {
            return fixedSize;
        }
        Cursor c = Cursor.measuring(src, bodyStart, limit);
        Elements.skip(elements, -1, c);
        return c.consumed();
    }

    /**
     * Number of fields with {@linkplain Scalar#expect expected values} that hold something else in the bytes
     * at {@code bodyStart}; fields past {@code limit} are not checked.
     */
    public int unexpectedValues(ByteSource src, long bodyStart, long limit) {
        if (!expectations) {
            return 0;
        }
        Cursor c = Cursor.checking(src, bodyStart, limit);
        try {
            Elements.skip(elements, fixedSize, c);
        } catch (Cursor.Truncated t) {
            // only what lies inside the data can be judged
        }
        return c.unexpectedCount();
    }

    /** Decodes the body; when the data ends inside it, returns the fields that were complete. */
    public List<Field> decode(ByteSource src, long bodyStart, long limit) {
        Cursor c = new Cursor(src, bodyStart, limit);
        List<Field> out = new ArrayList<>(topLevelFields);
        try {
            Elements.decode(elements, c, out);
        } catch (Cursor.Truncated t) {
            // keep what was complete; the parser reports TRUNCATED with the offset
        }
        return out;
    }

    // ---- factories: the vocabulary decoders are written in ----

    public static Scalar u8(String name) {
        return new Scalar(name, FieldType.U8, null, false);
    }

    public static Scalar s8(String name) {
        return new Scalar(name, FieldType.S8, null, false);
    }

    public static Scalar be16(String name) {
        return new Scalar(name, FieldType.BE16, null, false);
    }

    public static Scalar be32(String name) {
        return new Scalar(name, FieldType.BE32, null, false);
    }

    public static Scalar sbe32(String name) {
        return new Scalar(name, FieldType.SBE32, null, false);
    }

    public static Scalar be64(String name) {
        return new Scalar(name, FieldType.BE64, null, false);
    }

    public static Scalar sbe64(String name) {
        return new Scalar(name, FieldType.SBE64, null, false);
    }

    public static Scalar le16(String name) {
        return new Scalar(name, FieldType.LE16, null, false);
    }

    public static Scalar le32(String name) {
        return new Scalar(name, FieldType.LE32, null, false);
    }

    /** {@code u8[n]} raw bytes. */
    public static Bytes bytes(String name, long n) {
        return new Bytes(name, n, null);
    }

    /** Raw bytes whose length is computed from kept values. */
    public static Bytes bytes(String name, ToLongFunction<Cursor> lengthOf) {
        return new Bytes(name, -1, lengthOf);
    }

    /** An ATA IDENTIFY string of {@code n} bytes (byte pairs swapped, space padded). */
    public static AtaString ataString(String name, int n) {
        return new AtaString(name, n);
    }

    /**
     * A large run of raw bytes (VRAM, packet buffers, NIC memory) kept as ONE field whose description summarises
     * it: all zero, or how many bytes are non-zero and the entropy.
     */
    public static Bytes blob(String name, long n) {
        return new Bytes(name, n, null, ByteSummary.VIEW);
    }

    /** As {@link #blob(String, long)}, with a length computed from kept values. */
    public static Bytes blob(String name, ToLongFunction<Cursor> lengthOf) {
        return new Bytes(name, -1, lengthOf, ByteSummary.VIEW);
    }

    public static Group struct(String name, Element... elements) {
        return new Group(name, FieldType.STRUCT, List.of(elements));
    }

    /** {@code n} copies of a scalar type, e.g. {@code array("irq_state", 4, FieldType.BE32)}. */
    public static Repeat array(String name, int n, FieldType type) {
        return new Repeat(name, n, null, new Scalar(name, type, null, false));
    }

    public static Repeat repeat(String name, long n, Element item) {
        return new Repeat(name, n, null, item);
    }

    /** As many copies as the kept field {@code countField} says. */
    public static Repeat repeat(String name, String countField, Element item) {
        return new Repeat(name, -1, c -> c.get(countField), item);
    }

    /** Elements decoded in place, without a grouping field (a reusable run of top-level fields). */
    public static Seq seq(Element... elements) {
        return new Seq(List.of(elements));
    }

    public static Seq seq(List<Element> elements) {
        return new Seq(elements);
    }

    public static When when(Predicate<Cursor> condition, Element... elements) {
        return new When(condition, List.of(elements));
    }
}
