package org.savevminspector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.savevminspector.diff.DiffFixtures.diff;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diff.DiffFixtures;
import org.savevminspector.diff.IgnoreRules;
import org.savevminspector.fixtures.Edit;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.fixtures.Stream;

/** The diff text report of the key cases, byte for byte. */
class DiffTextTest {

    @Test
    void xenServerNamesAgainstUpstreamNames() {
        assertEquals("""
                a: a.qevm (7528 bytes, qevm-v3, 24 sections)
                b: b.qevm (7513 bytes, qevm-v3, 24 sections)
                changed  "rtl8139" instance 0 — a: #12 at 3191 (0x0C77), v4, body 642; b: #12 at 3191 (0x0C77), v4, body 642
                  header › instance_id  a: 0x00000000
                                        b: 0x00000020 (32)
                changed  "UHCI usb controller" instance 0 — a: #20 at 6711 (0x1A37), v1, body 303; b: #20 at 6711 (0x1A37), v1, body 303
                  header › idstr        a: "UHCI usb controller"
                                        b: "uhci"
                changed  "piix4acpi" instance 0 — a: #23 at 7226 (0x1C3A), v2≠1, body 278; b: #23 at 7211 (0x1C2B), v1, body 278
                  header › version_id   a: 0x00000002
                                        b: 0x00000001
                Sections: 21 same, 3 changed, 0 only in a, 0 only in b
                Loader (upstream): outcomes differ
                  a: failed (rejected), qemu_loadvm_state returns -22, stopped at 3212 (0x0C8C): Unknown savevm section or instance 'rtl8139' 0
                  b: loaded (OK), qemu_loadvm_state returns 0, stopped at 7513 (0x1D59): EOF marker at offset 7512 (0x1D58)
                """, DiffText.of(diff(Fixtures.xenServer62().bytes(), DiffFixtures.xenServer62UpstreamNames()), false));
    }

    @Test
    void theUpgradeAgainstTheOriginalWithTrailingBytes() {
        assertEquals("""
                a: a.qevm (7520 bytes, qevm-v3, 24 sections)
                b: b.qevm (7517 bytes, qevm-v3, 24 sections)
                changed  "piix4acpi" instance 0 — a: #23 at 7211 (0x1C2B), v2≠1, body 278; b: #23 at 7211 (0x1C2B), v2, body 282
                  pm1a_evt_blk_address  only in b: 0x00001F40 (8000) → V0 layout (PM1a_CNT at 0x1F44)
                only a   trailing bytes — a: 7 bytes at 7513 (0x1D59)
                Sections: 23 same, 1 changed, 0 only in a, 0 only in b
                Loader (upstream): outcomes differ
                  a: aborted (rejected), stopped at 7516 (0x1D5C): qemu: hardware error: register_ioport_write: invalid opaque
                  b: loaded (OK), qemu_loadvm_state returns 0, stopped at 7517 (0x1D5D): EOF marker at offset 7516 (0x1D5C)
                """, DiffText.of(diff(Fixtures.sample(), Fixtures.piix4acpiUpgraded()), false));
    }

    @Test
    void aTruncatedFileAndContentLines() {
        byte[] whole = Fixtures.defaultGuest().bytes();
        String text = DiffText.of(diff(whole, Fixtures.truncated(whole, 2900)), false);
        assertEquals("""
                a: a.qevm (7525 bytes, qevm-v3, 24 sections)
                b: b.qevm (2900 bytes, qevm-v3, 10 sections)
                changed  "platform" instance 0 — a: #9 at 2818 (0x0B02), v3, body 284; b: #9 at 2818 (0x0B02), v3, body 60
                  pci › config     only in a: 28 fields
                  pci › irq_state  only in a: 4 fields
                  reserved         only in a: 0x0000000000000000 → reserved, ignored on load
                only a   "platform_fixed_ioport" instance 0 — a: #10 at 3124 (0x0C34), v1, body 1
                """, String.join("\n", text.lines().limit(7).toList()) + "\n");
        assertEquals(List.of(
                "only a   EOF marker — a: at 7524 (0x1D64)",
                "Sections: 9 same, 1 changed, 14 only in a, 0 only in b",
                "Loader (upstream): outcomes differ",
                "  a: loaded (OK), qemu_loadvm_state returns 0, stopped at 7525 (0x1D65): EOF marker at offset 7524 "
                        + "(0x1D64)",
                "  b: failed (rejected), qemu_loadvm_state returns -5, stopped at 2900 (0x0B54): the section type at "
                        + "offset 3124 (0xC34) is read past the end of the data as 0 (EOF); the QEMUFile error flag "
                        + "is set (a read went past the end of the data), so the result is -EIO"),
                text.lines().skip(text.lines().count() - 5).toList());
    }

    @Test
    void volatileFieldsAndByteRanges() {
        Stream s = Fixtures.defaultGuest();
        byte[] later = Edit.of(s).bodyBe32("timer", 4, 0x12345678L).bodyU8("mc146818rtc", 0x00, 0x59)
                .bodyU8("mc146818rtc", 0x10, 0x44).bodyBe32("mc146818rtc", 129, 59).bodyU8("uhci", 288, 0x7F)
                .bytes();
        assertEquals("""
                a: a.qevm (7525 bytes, qevm-v3, 24 sections)
                b: b.qevm (7525 bytes, qevm-v3, 24 sections)
                changed  "timer" instance 0 — a: #3 at 35 (0x0023), v2, body 8; b: #3 at 35 (0x0023), v2, body 8
                  cpu_clock_offset  a: 0x00000012A7BAED15 (80123456789)
                                    b: 0x0000001212345678 (77614831224)
                changed  "mc146818rtc" instance 112 — a: #8 at 2596 (0x0A24), v1, body 197; b: #8 at 2596 (0x0A24), v1, body 197
                  cmos_data         a: 128 bytes → RTC 2026-11-25 14:24:37, BCD, 24-hour; register A 0x26, B 0x02
                                    b: 128 bytes → RTC 2026-11-25 14:24:59, BCD, 24-hour; register A 0x26, B 0x02
                                    2 of 128 bytes differ: +0x0 (1), +0x10 (1)
                  tm › tm_sec       a: 0x00000025 (37)
                                    b: 0x0000003B (59)
                changed  "uhci" instance 0 — a: #20 at 6711 (0x1A37), v1, body 303; b: #20 at 6711 (0x1A37), v1, body 303
                  frnum             a: 0x02A7 (679)
                                    b: 0x027F (639)
                Sections: 21 same, 3 changed, 0 only in a, 0 only in b
                """, DiffText.of(diff(s.bytes(), later), false));
        assertEquals("""
                a: a.qevm (7525 bytes, qevm-v3, 24 sections)
                b: b.qevm (7525 bytes, qevm-v3, 24 sections)
                changed  "mc146818rtc" instance 112 — a: #8 at 2596 (0x0A24), v1, body 197; b: #8 at 2596 (0x0A24), v1, body 197
                  cmos_data  a: 128 bytes → RTC 2026-11-25 14:24:37, BCD, 24-hour; register A 0x26, B 0x02
                             b: 128 bytes → RTC 2026-11-25 14:24:59, BCD, 24-hour; register A 0x26, B 0x02
                             1 of 128 bytes differ: +0x10 (1)
                Sections: 23 same, 1 changed, 0 only in a, 0 only in b
                """, DiffText.of(diff(s.bytes(), later, IgnoreRules.of(List.of(), true)), false));
    }

    @Test
    void allListsIdenticalSectionsAndContainerFacts() {
        byte[] q = Fixtures.defaultGuest().bytes();
        String text = DiffText.of(diff(SaveImageWriter.image(Kind.XL_V2, q, 4),
                SaveImageWriter.image(Kind.XENSERVER_V2, q, 8)), true);
        List<String> lines = text.lines().toList();
        assertEquals(46, lines.size(), "2 files, file header, 24 sections, EOF, container and 16 facts, counts");
        assertEquals("a: a.qevm (24517 bytes, xl-v2 image, qevm-v3 stream of 7525 bytes at 16981 (0x4255), 24 sections)",
                lines.get(0));
        assertEquals("same     file header — a: 8 bytes at 16981 (0x4255); b: 8 bytes at 33361 (0x8251)",
                lines.get(2));
        assertEquals("same     \"timer\" instance 0 — a: #3 at 17016 (0x4278), v2, body 8; b: #3 at 33396 (0x8274), v2, "
                + "body 8", lines.get(6));
        assertEquals("""
                same     EOF marker — a: at 24505 (0x5FB9); b: at 40885 (0x9FB5)
                changed  container
                  kind                       a: xl-v2
                                             b: xenserver-v2
                  records                    a: 14
                                             b: 12
                  record types               a: xl-header, xl-config, libxl-header, libxl-record, libxc-header ×2, page-data, libxc-record ×4, libxl-record ×3
                                             b: signature, xenserver-record ×2, libxc-header ×2, page-data, libxc-record ×4, xenserver-record ×2
                  page batches               a, b: 1
                  pages                      a: 4
                                             b: 8
                  pages with data            a: 4
                                             b: 8
                  pfn range                  a: 0–3
                                             b: 0–7
                  page data bytes            a: 16384
                                             b: 32768
                  device-model stream bytes  a, b: 7525
                Sections: 24 same, 0 changed, 0 only in a, 0 only in b
                """, String.join("\n", lines.subList(27, 46)) + "\n");
    }
}
