package org.savevminspector.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/**
 * Compares one section pair: the header fields that say what the device is (type, idstr, instance, version), then
 * the body — not at all when the body bytes are equal, field by field by path when both sides are decoded, by
 * content otherwise. Section ids and length fields say where a section sits, not what it holds, and are not
 * compared.
 */
final class SectionComparison {
    /** Header fields compared, where both sides have them (a v2/v1 record has no section type). */
    private static final List<String> HEADER_FIELDS = List.of("section_type", "idstr", "instance_id", "version_id");

    private final ByteSource srcA;
    private final ByteSource srcB;
    private final IgnoreRules ignore;

    SectionComparison(ByteSource srcA, ByteSource srcB, IgnoreRules ignore) {
        this.srcA = srcA;
        this.srcB = srcB;
        this.ignore = ignore;
    }

    SectionPair compare(Section a, Section b) {
        if (a == null || b == null) {
            return new SectionPair(a, b, DiffStatus.of(a, b, true), List.of());
        }
        List<FieldPair> out = new ArrayList<>();
        if (!ignore.ignores(a, b, FieldPath.HEADER)) {
            header(a, b, out);
        }
        body(a, b, out);
        return new SectionPair(a, b, out.isEmpty() ? DiffStatus.SAME : DiffStatus.CHANGED, out);
    }

    private void header(Section a, Section b, List<FieldPair> out) {
        // the compared fields are the section's own values: header fields are decoded only for a pair that differs
        if (a.type() == b.type() && Objects.equals(a.idstr(), b.idstr()) && a.instanceId() == b.instanceId()
                && a.versionId() == b.versionId()) {
            return;
        }
        for (String name : HEADER_FIELDS) {
            Field fa = named(a.headerFields(), name);
            Field fb = named(b.headerFields(), name);
            String path = FieldPath.HEADER + "." + name;
            if (fa != null && fb != null && !ignore.ignores(a, b, path)) {
                leaf(a, b, path, fa, fb, out);
            }
        }
    }

    private void body(Section a, Section b, List<FieldPair> out) {
        if (ContentComparison.sameBytes(srcA, a.body(), srcB, b.body())) {
            return;
        }
        if (a.decoded() && b.decoded()) {
            level(a, b, "", null, a.fields(), b.fields(), out);
            return;
        }
        if (!ignore.ignores(a, b, FieldPath.BODY)) {
            Field fa = Field.bytes(FieldPath.BODY, a.body().offset(), a.body().length());
            Field fb = Field.bytes(FieldPath.BODY, b.body().offset(), b.body().length());
            content(a, b, FieldPath.BODY, fa, fb, out);
        }
    }

    /** Pairs the fields of one level by path; recurses into groups present on both sides. */
    private void level(Section a, Section b, String parentPath, String parentName, List<Field> as, List<Field> bs,
                       List<FieldPair> out) {
        List<String> pathsA = paths(parentPath, parentName, as);
        List<String> pathsB = paths(parentPath, parentName, bs);
        for (OrderedPairing.Match m : OrderedPairing.byKey(as.size(), pathsA::get, bs.size(), pathsB::get).merged()) {
            Field fa = m.a() < 0 ? null : as.get(m.a());
            Field fb = m.b() < 0 ? null : bs.get(m.b());
            String path = fa != null ? pathsA.get(m.a()) : pathsB.get(m.b());
            if (ignore.ignores(a, b, path)) {
                continue;
            }
            if (fa == null || fb == null) {
                out.add(new FieldPair(path, DiffStatus.of(fa, fb, true), fa, fb, null));
            } else if (FieldPath.isGroup(fa) && FieldPath.isGroup(fb)) {
                level(a, b, path, fa.name(), fa.children(), fb.children(), out);
            } else {
                leaf(a, b, path, fa, fb, out);
            }
        }
    }

    private static List<String> paths(String parentPath, String parentName, List<Field> fields) {
        List<String> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(FieldPath.child(parentPath, parentName, f.name()));
        }
        return out;
    }

    private void leaf(Section a, Section b, String path, Field fa, Field fb, List<FieldPair> out) {
        if (fa.isScalar() && fb.isScalar()) {
            if (fa.value() != fb.value() || fa.type() != fb.type()) {
                out.add(new FieldPair(path, DiffStatus.CHANGED, fa, fb, null));
            }
        } else if (fa.type() == FieldType.ASCII && fb.type() == FieldType.ASCII) {
            if (!Objects.equals(fa.text(), fb.text())) {
                out.add(new FieldPair(path, DiffStatus.CHANGED, fa, fb, null));
            }
        } else {
            content(a, b, path, fa, fb, out);
        }
    }

    private void content(Section a, Section b, String path, Field fa, Field fb, List<FieldPair> out) {
        List<Span> masks = ignore.masks(a, b, path);
        ContentDiff c = ContentComparison.compare(srcA, fa.span(), srcB, fb.span(), masks);
        if (!c.equal()) {
            out.add(new FieldPair(path, DiffStatus.CHANGED, fa, fb, c));
        }
    }

    /** The first of {@code fields} called {@code name}, or {@code null}. */
    static Field named(List<Field> fields, String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
