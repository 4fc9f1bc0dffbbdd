package org.savevminspector.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.savevminspector.diff.DiffFixtures.changes;
import static org.savevminspector.diff.DiffFixtures.diff;
import static org.savevminspector.diff.DiffFixtures.onlyField;
import static org.savevminspector.diff.DiffFixtures.renamed;
import static org.savevminspector.diff.DiffFixtures.written;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.CompatStreamBuilder;
import org.savevminspector.fixtures.DeviceFixtures;
import org.savevminspector.fixtures.Edit;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.fixtures.SectionRecord;
import org.savevminspector.fixtures.Stream;
import org.savevminspector.loader.LoadOutcome;
import org.savevminspector.model.Span;

/** The comparison of fixture pairs: exactly the sections and fields that differ, at their offsets. */
class StructuralDiffTest {
    private static final Guest XS62 = Guest.DEFAULT.withAcpi(1, 2, 1).withXenServer(true);

    @Test
    void labelTwoWithTheV1BodyAgainstTheUpgradeShowsOnlyTheInsertedField() {
        Stream xs = Fixtures.piix4acpiCase();
        SectionRecord acpi = xs.section("piix4acpi");
        DiffResult r = diff(xs.bytes(), Fixtures.piix4acpiUpgraded());

        assertEquals(List.of("piix4acpi changed [pm1a_evt_blk_address onlyB]"), changes(r));
        assertEquals(23, r.count(DiffStatus.SAME));
        SectionPair p = r.sections().get(23);
        assertEquals(23, p.a().index());
        assertEquals(1, p.a().shapeVersion());
        assertEquals(2, p.b().shapeVersion());
        FieldPair f = onlyField(p);
        assertNull(f.a());
        // the v2 body's last field follows pm1_control: body offset 278, where the v1 file has its EOF marker
        assertEquals(new Span(acpi.bodyOffset() + 278, 4), f.spanB());
        assertEquals(0x1F40, f.b().value());
        assertNull(f.content());
        assertEquals(DiffStatus.SAME, r.header().status());
        assertEquals(DiffStatus.SAME, r.eof().status());
        assertEquals(new Span(7512, 1), r.eof().spanA());
        assertEquals(new Span(7516, 1), r.eof().spanB());
        assertNull(r.trailing());
        assertNull(r.unparsed());
        assertNull(r.container(), "two bare streams have no container to compare");
        assertEquals(LoadOutcome.ABORTED, r.loader().a().outcome());
        assertEquals(LoadOutcome.LOADED, r.loader().b().outcome());
        assertTrue(r.loader().differ());
        assertFalse(r.identical());
    }

    @Test
    void labelTwoWithTheV1BodyAgainstTheRelabelShowsOnlyTheVersion() {
        Stream xs = Fixtures.piix4acpiCase();
        SectionRecord acpi = xs.section("piix4acpi");
        DiffResult r = diff(xs.bytes(), Fixtures.piix4acpiRelabelled());

        assertEquals(List.of("piix4acpi changed [header.version_id changed]"), changes(r));
        FieldPair f = onlyField(r.sections().get(23));
        assertEquals(new Span(acpi.bodyOffset() - 4, 4), f.spanA());
        assertEquals(f.spanA(), f.spanB());
        assertEquals(2, f.a().value());
        assertEquals(1, f.b().value());
        assertEquals("header › version_id", f.displayPath());
    }

    @Test
    void xenServerNamesPairWithUpstreamNamesAndShowAsHeaderChanges() {
        Stream xs = Fixtures.xenServer62();
        DiffResult r = diff(xs.bytes(), DiffFixtures.xenServer62UpstreamNames());

        assertEquals(List.of("rtl8139 changed [header.instance_id changed]",
                "UHCI usb controller changed [header.idstr changed]",
                "piix4acpi changed [header.version_id changed]"), changes(r));
        assertEquals(21, r.count(DiffStatus.SAME));
        assertEquals(24, r.sections().size());
        SectionPair nic = r.sections().get(12);
        assertEquals(0, onlyField(nic).a().value());
        assertEquals(0x20, onlyField(nic).b().value());
        SectionPair uhci = r.sections().get(20);
        SectionRecord xsUhci = xs.section("UHCI usb controller");
        assertEquals(new Span(xsUhci.headerOffset(), xsUhci.headerLength() + 303), uhci.spanA());
        assertEquals(new Span(xsUhci.headerOffset(), xsUhci.headerLength() - 15 + 303), uhci.spanB());
        FieldPair name = onlyField(uhci);
        assertEquals(new Span(xsUhci.headerOffset() + 6, 19), name.spanA());
        assertEquals(new Span(xsUhci.headerOffset() + 6, 4), name.spanB());
        assertEquals("UHCI usb controller", name.a().text());
        assertEquals("uhci", name.b().text());
        // every later section sits 15 bytes earlier in the upstream file and still pairs
        assertEquals(xs.section("piix4acpi").headerOffset() - 15, r.sections().get(23).b().header().offset());
    }

    @Test
    void twoXenServerNicsNumberedZeroPairInOrderWithTheirSlots() {
        Guest two = XS62.withNics(Guest.Nic.RTL8139, Guest.Nic.RTL8139);
        long[] slot = {0x20, 0x28};
        int[] seen = {0};
        byte[] upstream = written(two, e -> e.idstr().equals("rtl8139")
                ? renamed(e, "rtl8139", slot[seen[0]++], e.version()) : e);
        DiffResult r = diff(Fixtures.write(two).bytes(), upstream);

        assertEquals(List.of("rtl8139 changed [header.instance_id changed]",
                "rtl8139 changed [header.instance_id changed]"), changes(r));
        assertEquals(0x20, onlyField(r.sections().get(12)).b().value());
        assertEquals(0x28, onlyField(r.sections().get(13)).b().value());
        assertEquals(12, r.sections().get(12).b().index());
        assertEquals(13, r.sections().get(13).b().index());
    }

    @Test
    void aFileAgainstItsTruncationEndsInTheCutSection() {
        Stream whole = Fixtures.defaultGuest();
        DiffResult r = diff(whole.bytes(), Fixtures.truncated(whole.bytes(), 3000));

        assertEquals(9, r.count(DiffStatus.SAME));
        assertEquals(1, r.count(DiffStatus.CHANGED));
        assertEquals(14, r.count(DiffStatus.ONLY_A));
        assertEquals(0, r.count(DiffStatus.ONLY_B));
        SectionPair cut = r.sections().get(9);
        assertEquals("platform", cut.idstr());
        assertEquals(3000 - whole.section("platform").bodyOffset(), cut.b().body().length());
        assertEquals(List.of("pci.config onlyA", "pci.irq_state onlyA", "reserved onlyA"),
                cut.fields().stream().map(f -> f.path() + " " + f.status().json()).toList());
        assertEquals("piix4acpi", r.sections().get(23).idstr());
        assertNull(r.sections().get(23).b());
        assertEquals(DiffStatus.ONLY_A, r.eof().status());
        assertEquals(new Span(7524, 1), r.eof().spanA());
        assertNull(r.eof().spanB());
        assertEquals(LoadOutcome.FAILED, r.loader().b().outcome());
    }

    @Test
    void identicalFilesHaveNoDifference() {
        byte[] f = Fixtures.defaultGuest().bytes();
        DiffResult r = diff(f, f.clone());

        assertTrue(r.identical());
        assertEquals(24, r.count(DiffStatus.SAME));
        assertTrue(r.sections().stream().allMatch(p -> p.fields().isEmpty()));
        assertEquals(DiffStatus.SAME, r.header().status());
        assertEquals(DiffStatus.SAME, r.eof().status());
        assertFalse(r.loader().differ());
        assertEquals(26, r.pairs().size(), "file header, 24 sections, EOF marker");
    }

    @Test
    void trailingBytesCompareByContent() {
        byte[] sample = Fixtures.sample();
        byte[] other = sample.clone();
        other[7513 + 2] = 0x11;
        other[7513 + 3] = 0x22;
        other[7513 + 6] = 0x33;
        DiffResult r = diff(sample, other);

        assertEquals(DiffStatus.CHANGED, r.trailing().status());
        ContentDiff c = r.trailing().content();
        assertEquals(3, c.differingBytes());
        assertEquals(2, c.rangeCount());
        assertEquals(List.of(new ContentDiff.Range(2, 2), new ContentDiff.Range(6, 1)), c.ranges());
        assertEquals("3 of 7 bytes differ: +0x2 (2), +0x6 (1)", c.describe());
        assertEquals(24, r.count(DiffStatus.SAME));
        assertFalse(r.identical());
    }

    @Test
    void largeArraysCompareByContent() {
        Stream vga = Fixtures.cirrusWithVram();
        int vram = 1895;
        byte[] edited = Edit.of(vga).bodyU8("cirrus_vga", vram + 100, 1).bodyU8("cirrus_vga", vram + 101, 2)
                .bodyU8("cirrus_vga", vram + 102, 3).bodyU8("cirrus_vga", vram + 103, 4)
                .bodyU8("cirrus_vga", vram + 5000, 5).bytes();
        DiffResult r = diff(vga.bytes(), edited);

        assertEquals(List.of("cirrus_vga changed [vram changed]"), changes(r));
        FieldPair f = onlyField(r.sections().get(7));
        assertEquals(new Span(vga.section("cirrus_vga").bodyOffset() + vram, 4L << 20), f.spanA());
        ContentDiff c = f.content();
        assertEquals(4L << 20, c.lengthA());
        assertEquals(5, c.differingBytes());
        assertEquals(List.of(new ContentDiff.Range(100, 4), new ContentDiff.Range(5000, 1)), c.ranges());
    }

    @Test
    void ignoreGlobsLeaveOutFieldsAndSections() {
        byte[] a = Fixtures.piix4acpiCase().bytes();
        byte[] b = Fixtures.piix4acpiRelabelled();

        DiffResult field = diff(a, b, IgnoreRules.of(List.of("piix4acpi.header.version_*"), false));
        assertEquals(24, field.count(DiffStatus.SAME));
        DiffResult group = diff(a, b, IgnoreRules.of(List.of("piix4acpi.header"), false));
        assertEquals(24, group.count(DiffStatus.SAME));
        DiffResult section = diff(a, b, IgnoreRules.of(List.of("piix4*"), false));
        assertEquals(23, section.sections().size());
        assertTrue(section.sections().stream().noneMatch(p -> p.idstr().equals("piix4acpi")));
        DiffResult other = diff(a, b, IgnoreRules.of(List.of("piix4acpi.pm1_control"), false));
        assertEquals(1, other.count(DiffStatus.CHANGED));
    }

    /** The default guest after time passed: clock, CMOS time, RTC date, UHCI frame; plus one CMOS setup byte. */
    private static byte[] later(Stream s) {
        return Edit.of(s).bodyBe32("timer", 4, 0x12345678L)
                .bodyU8("mc146818rtc", 0x00, 0x59)
                .bodyU8("mc146818rtc", 0x10, 0x44)
                .bodyBe32("mc146818rtc", 129, 59)
                .bodyU8("uhci", 288, 0x7F)
                .bytes();
    }

    @Test
    void theVolatileSetLeavesOutClocksButNotTheRestOfCmos() {
        Stream s = Fixtures.defaultGuest();
        DiffResult all = diff(s.bytes(), later(s));
        assertEquals(List.of("timer changed [cpu_clock_offset changed]",
                "mc146818rtc changed [cmos_data changed, tm.tm_sec changed]",
                "uhci changed [frnum changed]"), changes(all));
        assertEquals(List.of(new ContentDiff.Range(0, 1), new ContentDiff.Range(0x10, 1)),
                all.sections().get(8).fields().get(0).content().ranges());

        DiffResult quiet = diff(s.bytes(), later(s), IgnoreRules.of(List.of(), true));
        assertEquals(List.of("mc146818rtc changed [cmos_data changed]"), changes(quiet));
        ContentDiff c = quiet.sections().get(8).fields().get(0).content();
        assertEquals(1, c.differingBytes());
        assertEquals(List.of(new ContentDiff.Range(0x10, 1)), c.ranges());
    }

    @Test
    void arrayElementsHaveTheirIndexInThePath() {
        Stream pcnet = Fixtures.pcnet();
        // PCI block 276, rap isr lnkst rdra tdra 20, prom 16: csr[0] at body 312, csr[46] at 404
        byte[] later = Edit.of(pcnet).bodyU8("pcnet", 312 + 1, 0x42).bodyU8("pcnet", 404 + 1, 0x17).bytes();
        assertEquals(List.of("pcnet changed [csr[0] changed, csr[46] changed]"), changes(diff(pcnet.bytes(), later)));
        assertEquals(List.of("pcnet changed [csr[0] changed]"),
                changes(diff(pcnet.bytes(), later, IgnoreRules.of(List.of(), true))));
    }

    @Test
    void theVolatileSetCoversXenServersUhciName() {
        Stream xs = Fixtures.xenServer62();
        byte[] later = Edit.of(xs).bodyU8("UHCI usb controller", 288, 0x7F).bytes();
        assertEquals(List.of("UHCI usb controller changed [frnum changed]"), changes(diff(xs.bytes(), later)));
        assertTrue(diff(xs.bytes(), later, IgnoreRules.of(List.of(), true)).identical());
    }

    @Test
    void xenServersV1DialectKeepsItsPciRecordsApartFromTheirDevices() {
        byte[] dialect = DeviceFixtures.xenServerV1Dialect().bytes();
        // the same records with UHCI under upstream's name
        CompatStreamBuilder renamed = CompatStreamBuilder.v1();
        Stream original = DeviceFixtures.xenServerV1Dialect();
        for (SectionRecord s : original.sections()) {
            if (s.kind() == SectionRecord.Kind.RECORD) {
                byte[] body = java.util.Arrays.copyOfRange(original.bytes(), s.bodyOffset(), s.endOffset());
                renamed.record(s.idstr().equals("UHCI usb controller") ? "uhci" : s.idstr(), s.instance(),
                        s.version(), body);
            }
        }
        DiffResult r = diff(dialect, renamed.raw(new byte[] {0}).build().bytes());

        assertEquals(List.of("UHCI usb controller changed [header.idstr changed]"), changes(r));
        assertEquals(List.of("timer", "rtl8139", "rtl8139_pci", "UHCI usb controller", "UHCI_usb_pci", "piix4acpi",
                "piix4acpi_pci"), r.sections().stream().map(SectionPair::idstr).toList());
        assertTrue(r.sections().stream().allMatch(p -> p.a().index() == p.b().index()));
    }

    @Test
    void everyFieldOfASectionIsListedUnderThePathTheComparisonUses() {
        Stream s = Fixtures.defaultGuest();
        // PCI block 276, bmdma 38, bus 4: drive[0] starts with its be32 mult_sectors at body 318
        byte[] edited = Edit.of(s).pciLe32("ide", 0x20, 0xC121).bodyU8("ide", 318 + 3, 0x20).bytes();
        SectionPair ide = diff(s.bytes(), edited).sections().get(13);
        assertEquals(List.of("pci.config.bar4", "drive[0].mult_sectors"),
                ide.fields().stream().map(FieldPair::path).toList());
        List<FieldPath.Entry> all = FieldPath.all(ide.a());
        for (FieldPair f : ide.fields()) {
            assertSame(f.a(), all.stream().filter(e -> e.path().equals(f.path())).findFirst().orElseThrow().field());
        }
        assertEquals("header.section_type", all.get(0).path());
        assertEquals(List.of("pci.irq_state", "pci.irq_state[0]"), all.stream().map(FieldPath.Entry::path)
                .filter(p -> p.startsWith("pci.irq_state")).limit(2).toList());
        assertEquals("drive[0].identify_data.model", all.stream().map(FieldPath.Entry::path)
                .filter(p -> p.endsWith(".model")).findFirst().orElseThrow());
    }

    @Test
    void aResultListsEveryRowInFileOrder() {
        DiffResult r = diff(Fixtures.sample(), Fixtures.defaultGuest().bytes());
        List<DiffPair> rows = r.pairs();
        assertSame(r.header(), rows.get(0));
        assertEquals("\"ram\" instance 0", rows.get(1).label());
        assertEquals("\"ram\" part", rows.get(2).label());
        assertEquals("\"ram\" end", rows.get(3).label());
        assertSame(r.eof(), rows.get(25));
        assertSame(r.trailing(), rows.get(26));
        assertEquals(DiffStatus.ONLY_A, r.trailing().status());
        assertEquals(27, rows.size());
    }
}
