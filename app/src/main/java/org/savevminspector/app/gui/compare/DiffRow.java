package org.savevminspector.app.gui.compare;

import org.savevminspector.diff.ContainerDiff;
import org.savevminspector.diff.DiffPair;
import org.savevminspector.diff.DiffStatus;
import org.savevminspector.diff.FieldPair;
import org.savevminspector.diff.PartPair;
import org.savevminspector.diff.SectionPair;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/**
 * One row of the comparison list: a pair (two sections paired by device, or the file headers, EOF markers,
 * trailing or unparsed bytes of both files), one differing field of a pair, the container summary of two save
 * images, or one of its facts. Each says how it compares and what each side holds, in the words of the
 * {@code diff} command.
 */
public sealed interface DiffRow {
    /** What a side shows where it has nothing. */
    String NONE = "—";

    DiffStatus status();

    /** What the row is about: {@code "piix4acpi" instance 0}, {@code header › version_id}, {@code container}. */
    String item();

    /** What the first file has: where a section lies, a field's value; {@code —} when it has nothing there. */
    String a();

    /** What the second file has, the same way. */
    String b();

    /** How the two differ beyond their values (how many fields, which bytes); empty when the values say it. */
    String difference();

    /** Whether this row is a difference one steps to with F6: a differing field, or a differing pair without fields. */
    boolean isStop();

    /** The status as the list shows it: {@code same}, {@code changed}, {@code only in a}, {@code only in b}. */
    static String statusText(DiffStatus s) {
        return switch (s) {
            case SAME -> "same";
            case CHANGED -> "changed";
            case ONLY_A -> "only in a";
            case ONLY_B -> "only in b";
        };
    }

    /** The style class of a row of {@code status} in the list (the themes colour them). */
    static String styleClass(DiffStatus s) {
        return switch (s) {
            case SAME -> "diff-same";
            case CHANGED -> "diff-changed";
            case ONLY_A -> "diff-only-a";
            case ONLY_B -> "diff-only-b";
        };
    }

    /** A section pair, or another part of both streams. */
    record PairRow(DiffPair pair) implements DiffRow {
        @Override
        public DiffStatus status() {
            return pair.status();
        }

        @Override
        public String item() {
            return pair.label();
        }

        @Override
        public String a() {
            return side(true);
        }

        @Override
        public String b() {
            return side(false);
        }

        /** {@code #23 at 0x1C2B · v2≠1 · body 278} for a section, {@code 7 bytes at 0x1D59} for a part. */
        private String side(boolean first) {
            if (pair instanceof SectionPair sp) {
                Section s = first ? sp.a() : sp.b();
                if (s == null) {
                    return NONE;
                }
                StringBuilder sb = new StringBuilder("#").append(s.index()).append(" at ").append(Hex.padded(s.header().offset()));
                if (s.versionId() >= 0) {
                    sb.append(" · v").append(s.versionId()).append(s.labelMismatch() ? "≠" + s.shapeVersion() : "");
                }
                return sb.append(" · body ").append(s.body().length()).toString();
            }
            Span s = first ? pair.spanA() : pair.spanB();
            if (s == null) {
                return NONE;
            }
            return s.length() + (s.length() == 1 ? " byte" : " bytes") + " at " + Hex.padded(s.offset());
        }

        @Override
        public String difference() {
            if (pair.status() != DiffStatus.CHANGED) {
                return "";
            }
            if (pair instanceof PartPair part && part.content() != null) {
                return part.content().describe();
            }
            int n = pair.fields().size();
            return n == 1 ? "1 field differs" : n + " fields differ";
        }

        @Override
        public boolean isStop() {
            return pair.status().isDifference() && pair.fields().isEmpty();
        }
    }

    /** A field of a pair that differs, or that one side only has. */
    record FieldRow(DiffPair pair, FieldPair field) implements DiffRow {
        @Override
        public DiffStatus status() {
            return field.status();
        }

        @Override
        public String item() {
            return field.displayPath();
        }

        @Override
        public String a() {
            return value(field.a());
        }

        @Override
        public String b() {
            return value(field.b());
        }

        private static String value(Field f) {
            return f == null ? NONE : f.display();
        }

        @Override
        public String difference() {
            return field.content() == null ? "" : field.content().describe();
        }

        @Override
        public boolean isStop() {
            return true;
        }
    }

    /** The container records of two save images, summarised. */
    record ContainerRow(ContainerDiff diff) implements DiffRow {
        @Override
        public DiffStatus status() {
            return diff.status();
        }

        @Override
        public String item() {
            return "container";
        }

        @Override
        public String a() {
            return "";
        }

        @Override
        public String b() {
            return "";
        }

        @Override
        public String difference() {
            long n = diff.facts().stream().filter(f -> f.status().isDifference()).count();
            return n == 0 ? "" : n == 1 ? "1 fact differs" : n + " facts differ";
        }

        @Override
        public boolean isStop() {
            return false;
        }
    }

    /** One fact of the container summary (kind, records, pfn range…). */
    record FactRow(ContainerDiff.Fact fact) implements DiffRow {
        @Override
        public DiffStatus status() {
            return fact.status();
        }

        @Override
        public String item() {
            return fact.name();
        }

        @Override
        public String a() {
            return fact.a() == null ? "none" : fact.a().toString();
        }

        @Override
        public String b() {
            return fact.b() == null ? "none" : fact.b().toString();
        }

        @Override
        public String difference() {
            return "";
        }

        @Override
        public boolean isStop() {
            return fact.status().isDifference();
        }
    }
}
