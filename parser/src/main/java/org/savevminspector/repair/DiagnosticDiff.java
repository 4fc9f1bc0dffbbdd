package org.savevminspector.repair;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;

/**
 * What a repair changed in the diagnostics: those of the input it removed and those of the result it brought. A
 * diagnostic is the same across the edits when its code and section are, or, naming no section, its code and its
 * offset in the input (insertions and removals move what follows them: {@link OffsetMap}). The identities are numbers in sorted arrays (8 bytes
 * a diagnostic), the answers compact lists: a repair of a million relabelled copies fixes a million mismatches.
 */
final class DiagnosticDiff {
    /** The diagnostics removed, and those brought (warnings and errors not {@code expected}). */
    record Result(List<Diagnostic> fixed, List<Diagnostic> introduced) {
    }

    private DiagnosticDiff() {
    }

    static Result of(Inspection before, Inspection after, OffsetMap edits, Predicate<DiagnosticCode> expected) {
        List<Diagnostic> was = before.diagnostics();
        List<Diagnostic> is = after.diagnostics();
        Keys beforeKeys = new Keys(was, null);
        Keys afterKeys = new Keys(is, edits);
        DiagnosticList.Builder fixed = DiagnosticList.builder();
        for (int i = 0; i < was.size(); i++) {
            if (!afterKeys.contains(beforeKeys.section[i], beforeKeys.offset[i])) {
                fixed.addFrom(was, i);
            }
        }
        DiagnosticList.Builder introduced = DiagnosticList.builder();
        for (int i = 0; i < is.size(); i++) {
            DiagnosticCode code = code(is, i);
            if (code.severity().atLeast(Severity.WARN) && !expected.test(code)
                    && !beforeKeys.contains(afterKeys.section[i], afterKeys.offset[i])) {
                introduced.addFrom(is, i);
            }
        }
        return new Result(fixed.build(DiagnosticList.Order.ADDED), introduced.build(DiagnosticList.Order.ADDED));
    }

    private static DiagnosticCode code(List<Diagnostic> ds, int i) {
        return ds instanceof DiagnosticList d ? d.code(i) : ds.get(i).code();
    }

    /** The identities of a list's diagnostics, in its order and sorted for lookups. */
    private static final class Keys {
        /** Per diagnostic: code and section, or -1 when it names no section. */
        final long[] section;
        /** Per diagnostic: code and offset in the input, or -1 when it names a section. */
        final long[] offset;
        private final long[] sortedSection;
        private final long[] sortedOffset;

        Keys(List<Diagnostic> ds, OffsetMap edits) {
            int n = ds.size();
            section = new long[n];
            offset = new long[n];
            DiagnosticList compact = ds instanceof DiagnosticList d ? d : null;
            for (int i = 0; i < n; i++) {
                Diagnostic d = compact == null ? ds.get(i) : null;
                int code = (compact != null ? compact.code(i) : d.code()).ordinal();
                int sec = compact != null ? compact.section(i) : d.section();
                long off = compact != null ? compact.offset(i) : d.offset();
                if (sec >= 0) {
                    section[i] = (long) code << 32 | sec;
                    offset[i] = -1;
                } else {
                    section[i] = -1;
                    offset[i] = (long) code << 56 | (edits == null ? off : edits.originalOffset(off));
                }
            }
            sortedSection = section.clone();
            sortedOffset = offset.clone();
            Arrays.sort(sortedSection);
            Arrays.sort(sortedOffset);
        }

        boolean contains(long sectionKey, long offsetKey) {
            return sectionKey >= 0 ? Arrays.binarySearch(sortedSection, sectionKey) >= 0
                    : Arrays.binarySearch(sortedOffset, offsetKey) >= 0;
        }
    }
}
