package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.DeviceFixtures;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SectionRecord;
import org.savevminspector.fixtures.Stream;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/**
 * The self-delimiting formats decoded with the same device decoders: v2 compat (FORMAT.md A.12), Xen 3.1's v1 (FORMAT.md A.13) and
 * XenServer's v1 dialect (FORMAT.md X.2), with historic versions and record-length disagreements.
 */
class OldFormatsTest {

    private static ParseResult parse(byte[] b) {
        return SavevmParser.standard().parse(ByteSource.of(b));
    }

    private static Section section(ParseResult r, String idstr) {
        return r.sections().stream().filter(s -> s.idstr().equals(idstr)).findFirst().orElseThrow();
    }

    private static Field field(Section s, String name) {
        return s.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<DiagnosticCode> codes(ParseResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void everyRecordOfTheV2AndV1FixturesIsDecodedWhereTheWriterPutIt() {
        for (Stream s : List.of(Fixtures.v2Compat(), Fixtures.v1File())) {
            ParseResult r = parse(s.bytes());
            assertEquals(s.sections().size(), r.sections().size());
            for (int i = 0; i < r.sections().size(); i++) {
                Section sec = r.sections().get(i);
                SectionRecord rec = s.sections().get(i);
                assertEquals(SectionType.RECORD, sec.type());
                assertTrue(sec.decoded(), sec.idstr());
                assertEquals(rec.bodyOffset(), sec.body().offset(), sec.idstr());
                assertEquals(rec.bodyLength(), sec.body().length(), sec.idstr());
                if (!sec.fields().isEmpty()) {
                    assertEquals(sec.body().end(), sec.fields().get(sec.fields().size() - 1).span().end(), sec.idstr());
                }
            }
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.code() == DiagnosticCode.RECORD_LENGTH_MISMATCH
                    || d.code() == DiagnosticCode.UNKNOWN_DEVICE), r.diagnostics().toString());
        }
        // the v1 file's PCI blocks are the era's 260-byte form: piix4acpi v1 = 262 bytes, pm1_control at its end
        ParseResult v1 = parse(Fixtures.v1File().bytes());
        Section acpi = section(v1, "piix4acpi");
        assertEquals(262, acpi.body().length());
        assertEquals(acpi.body().offset() + 260, field(acpi, "pm1_control").span().offset());
    }

    @Test
    void aRecordLongerThanItsLayoutKeepsItsFieldsAndShowsTheRestAsRecordTail() {
        Stream s = DeviceFixtures.v2TimerRecordTooLong();
        ParseResult r = parse(s.bytes());
        Section timer = section(r, "timer");
        assertTrue(timer.decoded());
        assertEquals(12, timer.body().length());
        assertEquals(List.of("cpu_clock_offset", "record_tail"), timer.fields().stream().map(Field::name).toList());
        Field tail = field(timer, "record_tail");
        assertEquals(timer.body().offset() + 8, tail.span().offset());
        assertEquals(4, tail.span().length());
        Diagnostic d = r.diagnostics().stream().filter(x -> x.code() == DiagnosticCode.RECORD_LENGTH_MISMATCH)
                .findFirst().orElseThrow();
        assertEquals("record 'timer' v2 at offset 16 (0x10): record_len says 12 bytes, the timer v2 layout decodes "
                + "8 bytes", d.message());
        assertEquals(timer.header().end() - 4, d.offset(), "points at record_len");
        // the next record is found by record_len, not by the layout
        assertTrue(section(r, "fw_cfg").decoded());
        assertEquals(s.section("fw_cfg").bodyOffset(), section(r, "fw_cfg").body().offset());
    }

    @Test
    void aRecordShorterThanItsLayoutKeepsTheFieldsInsideIt() {
        byte[] f = org.savevminspector.fixtures.CompatStreamBuilder.v2()
                .record("fw_cfg", 0, 1, new byte[] {0, 1, 0}).build().bytes();
        ParseResult r = parse(f);
        Section fw = section(r, "fw_cfg");
        assertEquals(List.of("cur_entry", "record_tail"), fw.fields().stream().map(Field::name).toList());
        assertTrue(codes(r).contains(DiagnosticCode.RECORD_LENGTH_MISMATCH));
    }

    @Test
    void historicVersionsInAV2File() {
        Stream s = DeviceFixtures.v2Historic();
        ParseResult r = parse(s.bytes());
        assertEquals(List.of(DiagnosticCode.FORMAT_INFO, DiagnosticCode.FORMAT_INFO), codes(r),
                r.diagnostics().toString());
        Section pcibus = section(r, "PCIBUS");
        assertEquals(516, pcibus.body().length());
        assertEquals(128, field(pcibus, "nirq").value());
        Section cirrus = section(r, "cirrus_vga");
        assertEquals(2, cirrus.shapeVersion());
        Field vram = field(cirrus, "vram");
        assertEquals(cirrus.body().offset() + 1887, vram.span().offset());
        assertEquals("2 of 4194304 bytes non-zero (0.0%), entropy 0.00 bits/byte", vram.meaningText());
        Section vga = section(r, "vga");
        assertEquals(4L << 20, field(vga, "vram_size").value());
        assertEquals("all zero", field(vga, "vram").meaningText());
        Section slots = section(r, "pcislots");
        assertEquals(3, slots.body().length());
        assertEquals("PHP_EVT_REMOVE", field(slots, "plug_evt").meaningText());
        Diagnostic note = r.diagnostics().get(1);
        assertTrue(note.message().startsWith("record 'pcislots' v1 has the pcislots v1 (xen-3.3 form) body (3 bytes"),
                note.message());
    }

    @Test
    void xenServerV1DialectIsDecodedAndEndsAtTheZeroLengthByte() {
        Stream s = DeviceFixtures.xenServerV1Dialect();
        byte[] f = s.bytes();
        ParseResult r = parse(f);
        assertEquals(7, r.sections().size());
        assertTrue(r.sections().stream().allMatch(Section::decoded));
        assertEquals(f.length - 1, r.eof().offset(), "the zero length byte is the end marker");
        assertEquals(null, r.trailing());
        Section rtl = section(r, "rtl8139");
        assertEquals(622, rtl.body().length());
        Field config = field(rtl, "pci.config");
        assertEquals(rtl.body().offset(), config.span().offset(), "no pci.version word in the dialect");
        assertEquals(0x10EC, config.children().get(0).value());
        assertEquals("00:16:3E:5A:1C:07 (Xen OUI 00:16:3E)", field(rtl, "phys").meaningText());
        Section uhci = section(r, "UHCI usb controller");
        assertEquals(26, uhci.body().length());
        assertEquals(uhci.body().offset() + 14, field(uhci, "ports").span().offset(), "ports after the registers");
        Section acpi = section(r, "piix4acpi");
        assertEquals(2, acpi.body().length());
        assertEquals(acpi.body().offset(), field(acpi, "pm1_control").span().offset());
        for (String pci : List.of("rtl8139_pci", "UHCI_usb_pci", "piix4acpi_pci")) {
            assertEquals(256, section(r, pci).body().length(), pci);
        }
        Diagnostic end = r.diagnostics().stream().filter(d -> d.offset() == f.length - 1).findFirst().orElseThrow();
        assertEquals(DiagnosticCode.FORMAT_INFO, end.code());
        assertTrue(end.message().contains("XenServer's v1 dialect"), end.message());
        assertTrue(codes(r).stream().noneMatch(c -> c == DiagnosticCode.RECORD_LENGTH_MISMATCH
                || c == DiagnosticCode.UNKNOWN_DEVICE || c == DiagnosticCode.TRAILING_BYTES), codes(r).toString());
    }
}
