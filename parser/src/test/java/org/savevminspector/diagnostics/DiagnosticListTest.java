package org.savevminspector.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics as rows: whatever is added, in whatever order, the list reads back the diagnostics that were added,
 * sorted and merged exactly as a stable sort of the diagnostics themselves sorts them.
 */
class DiagnosticListTest {
    private static final Comparator<Diagnostic> BY_OFFSET = Comparator.comparingLong(Diagnostic::offset);
    private static final Comparator<Diagnostic> GRAVEST_FIRST = Comparator.comparingLong(Diagnostic::offset)
            .thenComparing(Diagnostic::severity, Comparator.reverseOrder())
            .thenComparing(d -> d.code().name());

    /** Texts that say which row they were rendered for. */
    private static final DiagnosticList.Template ECHO = new DiagnosticList.Template() {
        @Override
        public String message(int section, long arg) {
            return "section " + section + ", arg " + arg;
        }

        @Override
        public String explanation(int section, long arg) {
            return "because " + arg;
        }
    };

    private static Diagnostic echo(DiagnosticCode code, long offset, long length, int section, long arg) {
        return new Diagnostic(code, offset, length, section, "section " + section + ", arg " + arg, "because " + arg);
    }

    @Test
    void aRunOfRowsReadsBackRowByRow() {
        DiagnosticList.Builder b = DiagnosticList.builder();
        List<Diagnostic> want = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            b.add(DiagnosticCode.DUPLICATE_SECTION, 8 + 27L * i, 19, i, ECHO, 7);
            want.add(echo(DiagnosticCode.DUPLICATE_SECTION, 8 + 27L * i, 19, i, 7));
        }
        // a row that breaks the pattern starts a run of its own
        b.add(DiagnosticCode.SECTION_ID_ORDER, 5, 4, 3, ECHO, 9);
        want.add(echo(DiagnosticCode.SECTION_ID_ORDER, 5, 4, 3, 9));
        DiagnosticList list = b.build(DiagnosticList.Order.ADDED);
        assertEquals(want, list);
        assertEquals(DiagnosticCode.SECTION_ID_ORDER, list.code(10_000));
        assertEquals(8 + 27L * 9_999, list.offset(9_999));
        assertEquals(9_999, list.section(9_999));
        assertEquals(19, list.length(4_321));
        assertEquals("because 7", list.get(123).explanation());
    }

    /** Random rows, a third given as diagnostics, in every order: the same as sorting the diagnostics. */
    @Test
    void everyOrderIsTheStableSortOfTheDiagnostics() {
        Random r = new Random(13);
        DiagnosticCode[] codes = DiagnosticCode.values();
        for (int round = 0; round < 50; round++) {
            List<List<Diagnostic>> parts = new ArrayList<>();
            List<DiagnosticList> lists = new ArrayList<>();
            for (int p = 0; p < 1 + r.nextInt(4); p++) {
                DiagnosticList.Builder b = DiagnosticList.builder();
                List<Diagnostic> plain = new ArrayList<>();
                for (int i = 0; i < r.nextInt(60); i++) {
                    DiagnosticCode c = codes[r.nextInt(codes.length)];
                    long offset = r.nextInt(20);
                    int section = r.nextInt(5) - 1;
                    long arg = r.nextInt(3);
                    if (r.nextInt(3) == 0) {
                        Diagnostic d = new Diagnostic(c, offset, 2, section, "given " + i, "");
                        b.add(d);
                        plain.add(d);
                    } else {
                        b.add(c, offset, 1, section, ECHO, arg);
                        plain.add(echo(c, offset, 1, section, arg));
                    }
                }
                parts.add(plain);
                DiagnosticList.Order order = DiagnosticList.Order.values()[r.nextInt(3)];
                DiagnosticList built = b.build(order);
                List<Diagnostic> sorted = new ArrayList<>(plain);
                if (order != DiagnosticList.Order.ADDED) {
                    sorted.sort(order == DiagnosticList.Order.OFFSET ? BY_OFFSET : GRAVEST_FIRST);
                }
                assertEquals(sorted, built);
                lists.add(built);
            }
            List<Diagnostic> all = new ArrayList<>();
            lists.forEach(all::addAll);
            @SuppressWarnings("unchecked")
            List<Diagnostic>[] args = lists.toArray(new List[0]);
            assertEquals(all, DiagnosticList.merge(DiagnosticList.Order.ADDED, args));
            List<Diagnostic> byOffset = new ArrayList<>(all);
            byOffset.sort(BY_OFFSET);
            assertEquals(byOffset, DiagnosticList.merge(DiagnosticList.Order.OFFSET, args));
            List<Diagnostic> gravest = new ArrayList<>(all);
            gravest.sort(GRAVEST_FIRST);
            DiagnosticList merged = DiagnosticList.merge(DiagnosticList.Order.GRAVEST_FIRST, args);
            assertEquals(gravest, merged);
            for (int i = 0; i < merged.size(); i++) {
                assertEquals(gravest.get(i).code(), merged.code(i));
                assertEquals(gravest.get(i).offset(), merged.offset(i));
                assertEquals(gravest.get(i).section(), merged.section(i));
            }
        }
    }

    /** Texts that word an offset argument by the coordinates they are read with. */
    private static final DiagnosticList.Template AT = new DiagnosticList.Template() {
        @Override
        public String message(int section, long arg, Coordinates at) {
            return "header at offset " + at.offset(arg);
        }

        @Override
        public String explanation(int section, long arg, Coordinates at) {
            return "";
        }
    };

    @Test
    void movedDiagnosticsWordTheirOffsetsAsTheImagesWithTheStreamsAfterThem() {
        DiagnosticList.Builder b = DiagnosticList.builder();
        b.add(DiagnosticCode.DUPLICATE_SECTION, 10, 4, 2, AT, 10);
        b.add(Diagnostic.raise(DiagnosticCode.TRAILING_BYTES, "after-eof-marker", 31, 3, -1, 3, Offset.of(30)));
        b.add(Diagnostic.of(DiagnosticCode.FORMAT_INFO, 40, 1, -1, "no offset in it"));
        DiagnosticList bare = b.build(DiagnosticList.Order.ADDED);
        assertEquals("header at offset 10 (0xA)", bare.get(0).message());
        assertEquals("3 byte(s) after the EOF marker at offset 30 (0x1E)", bare.get(1).message());

        DiagnosticList moved = bare.moved(0x1000);
        assertEquals(new Diagnostic(DiagnosticCode.DUPLICATE_SECTION, 4106, 4, 2,
                "header at offset 4106 (0x100A; stream +0xA)", ""), moved.get(0));
        assertEquals(new Diagnostic(DiagnosticCode.TRAILING_BYTES, 4127, 3, -1,
                "3 byte(s) after the EOF marker at offset 4126 (0x101E; stream +0x1E)",
                bare.get(1).explanation()), moved.get(1));
        assertEquals(Diagnostic.of(DiagnosticCode.FORMAT_INFO, 4136, 1, -1, "no offset in it"), moved.get(2));
        // copied row by row (a list built again, anchored within a shorter size) and moved once more
        DiagnosticList copied = DiagnosticList.builder().addAll(moved).build(DiagnosticList.Order.OFFSET).moved(0x100);
        assertEquals("header at offset 4362 (0x110A; stream +0xA)", copied.get(0).message());
        assertEquals("3 byte(s) after the EOF marker at offset 4382 (0x111E; stream +0x1E)", copied.get(1).message());
        assertEquals("header at offset 4106 (0x100A; stream +0xA)", moved.anchoredWithin(4130).get(0).message());
    }

    @Test
    void diagnosticsPastTheEndAreAnchoredAtIt() {
        DiagnosticList.Builder b = DiagnosticList.builder();
        b.add(DiagnosticCode.LOADER_OVERRUN, 90, 20, 1, ECHO, 4);
        b.add(Diagnostic.of(DiagnosticCode.LOADER_FAILED, 130, 1, -1, "past"));
        DiagnosticList in = b.build(DiagnosticList.Order.ADDED);
        DiagnosticList anchored = in.anchoredWithin(100);
        assertEquals(echo(DiagnosticCode.LOADER_OVERRUN, 90, 20, 1, 4), anchored.get(0));
        assertEquals(Diagnostic.of(DiagnosticCode.LOADER_FAILED, 100, 0, -1, "past"), anchored.get(1));
        assertSame(in, in.anchoredWithin(130));
    }
}
