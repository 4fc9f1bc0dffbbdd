package org.savevminspector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.fixtures.DeviceFixtures;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.stream.ParseResult;

class TextReportTest {

    @Test
    void oneLinePerSectionThenDiagnosticsWithOffsets() {
        String text = TextReport.inspect(SampleInspections.withProblems(), SampleInspections.FILE);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("File: sample.sav (62 bytes, sha256 "));
        assertEquals("Format: qevm-v3, 2 sections", lines.get(1));
        String timer = lines.stream().filter(l -> l.contains("\"timer\"")).findFirst().orElseThrow();
        assertTrue(timer.matches("\\s+#0\\s+8\\s+0x0008\\s+full\\s+1\\s+\"timer\"\\s+0\\s+2\\s+8\\s+ok"), timer);
        String vga = lines.stream().filter(l -> l.contains("\"vga\"")).findFirst().orElseThrow();
        assertTrue(vga.matches("\\s+#1\\s+35\\s+0x0023\\s+full\\s+2\\s+\"vga\"\\s+0\\s+2≠1\\s+7\\s+error"), vga);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+59\\s+0x003B\\s+eof")), text);
        assertTrue(text.contains("error VERSION_LABEL_MISMATCH at 35 (0x0023) +24, section #1 \"vga\": "
                + "vga says version 2, body is v1"), text);
        assertTrue(text.contains("warn  TRAILING_BYTES at 60 (0x003C) +2: 2 bytes after the EOF marker"), text);
        assertTrue(text.contains("Loader (upstream): failed, qemu_loadvm_state returns -22, stopped at 59"), text);
        assertTrue(text.endsWith("Result: 1 error, 1 warning, 0 notes\n"), text);
    }

    /** Issue 8: a report with no finding must still say which named checks ran and what they looked at. */
    @Test
    void bundledSampleListsWhichChecksRan() {
        assertEquals(List.of(
                "Checks: 8 of 10 ran",
                "  acpi-addresses   ran, 2 sections, 0 findings",
                "  eeprom-size      not applicable",
                "  fdc-drive-count  ran, 1 section, 0 findings",
                "  ide-identify     ran, 1 section, 0 findings",
                "  pci-bars         ran, 5 sections, 0 findings",
                "  pci-block        ran, 8 sections, 0 findings",
                "  pci-identity     ran, 8 sections, 0 findings",
                "  rtc-timers       ran, 1 section, 0 findings",
                "  uhci-port-count  ran, 1 section, 0 findings",
                "  vga-vbe          not applicable"), checksBlock(Fixtures.sample()));
    }

    @Test
    void aFindingIsCountedAgainstItsCheck() {
        assertTrue(checksBlock(DeviceFixtures.rtl8139WrongVendor())
                .contains("  pci-identity     ran, 8 sections, 1 finding"));
    }

    /** The lines from {@code Checks:} up to the loader's verdict, which follows them. */
    private static List<String> checksBlock(byte[] bytes) {
        String text = TextReport.inspect(Inspector.standard().inspect(ByteSource.of(bytes)),
                FileInfo.of("f.qevm", bytes));
        List<String> lines = text.lines().toList();
        int from = lines.indexOf(lines.stream().filter(l -> l.startsWith("Checks: ")).findFirst().orElseThrow());
        int to = lines.indexOf(lines.stream().filter(l -> l.startsWith("Loader (")).findFirst().orElseThrow());
        return lines.subList(from, to);
    }

    @Test
    void checkLineHonoursTheThreshold() {
        Inspection i = SampleInspections.withProblems();
        String line = TextReport.checkLine(i, SampleInspections.FILE, Severity.ERROR);
        assertTrue(line.startsWith("sample.sav: FAIL (qevm-v3, 2 sections, 1 error, 1 warning, 0 notes) first: "
                + "error VERSION_LABEL_MISMATCH at 35"), line);

        ParseResult warnOnly = new ParseResult(62, SampleInspections.header(), List.of(), null, null, null,
                List.of(SampleInspections.trailing()));
        Inspection w = new Inspection(warnOnly, null, List.of(SampleInspections.trailing()));
        assertTrue(TextReport.checkLine(w, SampleInspections.FILE, Severity.ERROR).startsWith("sample.sav: ok"));
        assertTrue(TextReport.checkLine(w, SampleInspections.FILE, Severity.WARN).startsWith("sample.sav: FAIL"));
    }

    @Test
    void notQevmSaysSoWithoutSectionTable() {
        String text = TextReport.inspect(SampleInspections.notQevm(12), new FileInfo("x.txt", 12, "ab"));
        assertTrue(text.contains("Format: unknown, 0 sections"), text);
        assertTrue(text.contains("error BAD_MAGIC at 0 (0x0000) +4"), text);
        assertTrue(text.contains("Loader (upstream): not simulated"), text);
        assertTrue(text.contains("Checks: 0 of 10 ran\n  acpi-addresses   not applicable\n"), text);
    }
}
