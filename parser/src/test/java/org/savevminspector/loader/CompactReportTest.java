package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.CompatStreamBuilder;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/**
 * The loader report of a file of repeated sections, kept compactly (runs of reads, of sections not restored, of
 * misreads): every entry reads back as it would have been made one by one, by index and in order.
 */
class CompactReportTest {
    private static final Inspector INSPECTOR = Inspector.standard();

    private static Inspection timers(int n) {
        StreamBuilder b = StreamBuilder.v3();
        for (int i = 0; i < n; i++) {
            b.full(i + 1, "timer", 0, 2, Bodies.timer());
        }
        return INSPECTOR.inspect(ByteSource.of(b.eof().build().bytes()));
    }

    /** What a section of timer 0 overwritten by section {@code later} reads as (upstream). */
    static String overwritten(int later) {
        return "overwritten: section #" + later + " has the same idstr and instance (0x0), so upstream qemu-dm loads it "
                + "into the same device; that device ends with the state of #" + later + " and the device #" + later
                + " was saved from keeps its power-on state";
    }

    @Test
    void duplicatedTimersAreReadOneByOneAndEachButTheLastIsOverwritten() {
        Inspection in = timers(100_000);
        LoaderReport r = in.loader();
        assertEquals(LoadOutcome.LOADED, r.outcome());
        assertEquals(100_000, r.reads().size());
        LoaderRead read = r.reads().get(54_321);
        assertEquals(new LoaderRead(54_321, "timer", 0, 2, 8 + 27L * 54_321, 8 + 27L * 54_321 + 19, 8, "loaded",
                "vl.c:timer_load reads 8 body bytes as version 2", List.of()), read);
        List<LoaderRead> inOrder = new ArrayList<>(r.reads());
        assertEquals(read, inOrder.get(54_321));
        assertEquals(99_999, r.notRestored().size());
        assertEquals(new LoaderReport.NotRestored(0, "timer", 0, overwritten(1)), r.notRestored().get(0));
        assertEquals(new LoaderReport.NotRestored(77_777, "timer", 0, overwritten(77_778)),
                r.notRestored().get(77_777));
        int k = 0;
        for (LoaderReport.NotRestored n : r.notRestored()) {
            assertEquals(k, n.section());
            k++;
        }
        assertEquals(99_999, k);
        assertEquals(LoaderVerdict.MISREAD, r.verdict());
        // the sentence names the first thousand and counts the rest
        String c = r.consequences().get(0);
        String head = "upstream qemu-dm reports success and resumes the guest, but 99999 section(s) are not "
                + "restored, with no message: #0 timer, #1 timer, ";
        assertEquals(head, c.substring(0, head.length()));
        assertEquals(", #999 timer and 98999 more.", c.substring(c.length() - 28));
    }

    @Test
    void theFirstThousandNotRestoredAreNamedInFull() {
        String c = timers(4).loader().consequences().get(0);
        assertEquals("upstream qemu-dm reports success and resumes the guest, but 3 section(s) are not restored, "
                + "with no message: #0 timer, #1 timer, #2 timer.", c);
    }

    /** v2 records labelled 2 with the 278-byte body: the v2-compat loader reads 282 of each. */
    @Test
    void everyRecordReadTooLongIsAMisreadAndAnOverrun() {
        byte[] body = Bodies.piix4acpiV1();
        CompatStreamBuilder b = CompatStreamBuilder.v2();
        for (int i = 0; i < 4; i++) {
            b.record("piix4acpi", 0, 2, body);
        }
        Inspection in = INSPECTOR.inspect(ByteSource.of(b.build().bytes()));
        LoaderReport r = in.loader();
        int record = 1 + 9 + 12 + 278;
        // the fourth takes zeros past the end for pm1a_evt_blk_address and aborts: an aborted read is no misread
        assertEquals(LoadOutcome.ABORTED, r.outcome());
        assertEquals("aborted", r.reads().get(3).status());
        assertEquals(3, r.misreads().size());
        for (int i = 0; i < 3; i++) {
            long bodyStart = 16 + (long) record * i + 22;
            assertEquals(new LoaderReport.Misread(i, "piix4acpi", bodyStart + 278, 278, 282, "piix4acpi v2 reads 282 "
                    + "body bytes, 4 more than the section has: what follows is taken as this device's state"),
                    r.misreads().get(i));
        }
        List<Diagnostic> overruns = in.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.LOADER_OVERRUN).toList();
        assertEquals(4, overruns.size());
        for (int i = 0; i < 3; i++) {
            long next = 16 + (long) record * (i + 1);
            assertEquals(next, overruns.get(i).offset());
            assertEquals(4, overruns.get(i).length());
            assertEquals(i, overruns.get(i).section());
            assertEquals("piix4acpi v2 reads the start of section #" + (i + 1) + " 'piix4acpi' at offset " + next
                    + " (0x" + Long.toHexString(next).toUpperCase() + "): pm1a_evt_blk_address = 0x09706969",
                    overruns.get(i).message());
        }
        // the last reads 4 bytes past the end of the data
        assertEquals(16 + record * 4L, overruns.get(3).offset());
        assertEquals(4, overruns.get(3).length());
        assertEquals(3, overruns.get(3).section());
        assertEquals("piix4acpi v2 reads 4 byte(s) past the end of the data: pm1a_evt_blk_address = 0x00000000",
                overruns.get(3).message());
    }
}
