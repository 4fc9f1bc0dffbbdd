package org.savevminspector.repair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.fixtures.GuestWriter;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoadOutcome;

/**
 * The conversions between loader families, byte for byte: the expected file is written independently, by the
 * fixture writer, from the same device entries with the headers FORMAT.md V says the target loader needs.
 */
class ConversionTest {
    private final Inspector inspector = Inspector.standard();
    private final Repairer repairer = new Repairer(inspector);

    private RepairPlan plan(byte[] input, RepairStrategy strategy) {
        ByteSource src = ByteSource.of(input);
        return repairer.plan(src, inspector.inspect(src), new RepairOptions(strategy, false));
    }

    /** The fixture writer's file for {@code guest}, with every entry passed through {@code edit}. */
    private static byte[] written(Guest guest, UnaryOperator<GuestWriter.Entry> edit) {
        return GuestWriter.v3(GuestWriter.entries(guest).stream().map(edit).toList()).bytes();
    }

    private static GuestWriter.Entry entry(GuestWriter.Entry e, String idstr, long instance, long version) {
        return new GuestWriter.Entry(e.sectionId(), idstr, instance, version, e.body());
    }

    /** FORMAT.md V: rtl8139 0 → 0x20, UHCI renamed, piix4acpi 2 → 1 (and vga 6 → 4 for std-vga). */
    private static GuestWriter.Entry upstreamHeaders(GuestWriter.Entry e) {
        return switch (e.idstr()) {
            case "rtl8139" -> entry(e, "rtl8139", 0x20, e.version());
            case "UHCI usb controller" -> entry(e, "uhci", e.instance(), e.version());
            case "piix4acpi" -> entry(e, "piix4acpi", 0, e.version() == 3 ? 2 : 1);
            case "vga" -> entry(e, "vga", 0, 4);
            default -> e;
        };
    }

    @Test
    void xenServer62ToUpstreamByteForByte() {
        Guest xs62 = Guest.DEFAULT.withAcpi(1, 2, 1).withXenServer(true);
        RepairPlan p = plan(Fixtures.xenServer62().bytes(), RepairStrategy.TO_UPSTREAM);
        assertTrue(p.acceptable(), p.refusal());
        assertArrayEquals(written(xs62, ConversionTest::upstreamHeaders), p.result());
        assertEquals(7528 - 15, p.result().length);
        assertEquals(3, p.edits().size());
        assertEquals(LoadOutcome.LOADED, p.after().loader().outcome());
        assertEquals(0, p.after().loader().result());
        assertEquals("upstream", p.after().loader().profile());
        assertTrue(p.after().loader().notRestored().isEmpty());
        assertEquals(List.of("upstream", "xen-4.0"), p.acceptedBy());
        ByteEdit nic = p.edits().get(0);
        assertArrayEquals(new byte[] {0, 0, 0, 0}, nic.before());
        assertArrayEquals(new byte[] {0, 0, 0, 0x20}, nic.after());
        assertTrue(nic.reason().contains("00:02.0 VGA, 00:03.0 Xen platform device"), nic.reason());
        ByteEdit uhci = p.edits().get(1);
        assertEquals(20, uhci.before().length);
        assertEquals(5, uhci.after().length);
        assertTrue(uhci.reason().contains("header −15 bytes"), uhci.reason());
        assertTrue(p.edits().get(2).reason().startsWith("relabel 'piix4acpi' 2 → 1"));
    }

    @Test
    void xenServer62StdVgaToUpstreamAlsoRelabelsVga() {
        Guest g = Guest.DEFAULT.withAcpi(1, 2, 1).withXenServer(true).withVga(Guest.Vga.STD);
        RepairPlan p = plan(Fixtures.xenServer62StdVga().bytes(), RepairStrategy.TO_UPSTREAM);
        assertTrue(p.acceptable(), p.refusal());
        assertArrayEquals(written(g, ConversionTest::upstreamHeaders), p.result());
        assertTrue(p.edits().get(0).reason().startsWith("relabel 'vga' 6 → 4"), p.edits().get(0).reason());
        assertEquals(0, p.after().loader().result());
    }

    @Test
    void xenServer65ToUpstreamRelabelsThreeToTwo() {
        Guest xs65 = Guest.DEFAULT.withAcpi(2, 3, 2).withXenServer(true);
        RepairPlan p = plan(Fixtures.xenServer65().bytes(), RepairStrategy.TO_UPSTREAM);
        assertTrue(p.acceptable(), p.refusal());
        assertArrayEquals(written(xs65, ConversionTest::upstreamHeaders), p.result());
        assertEquals(List.of("upstream"), p.acceptedBy());
        assertEquals(0, p.after().loader().result());
    }

    @Test
    void twoXenServerNicsGetTheirOwnSlotsUpstream() {
        Guest g = Guest.DEFAULT.withAcpi(2, 3, 2).withXenServer(true)
                .withNics(Guest.Nic.RTL8139, Guest.Nic.RTL8139);
        RepairPlan p = plan(Fixtures.write(g).bytes(), RepairStrategy.TO_UPSTREAM);
        assertTrue(p.acceptable(), p.refusal());
        int[] nic = {0};
        byte[] expected = written(g, e -> e.idstr().equals("rtl8139")
                ? entry(e, "rtl8139", 0x20 + 8L * nic[0]++, e.version()) : upstreamHeaders(e));
        assertArrayEquals(expected, p.result());
        assertEquals(0, p.after().loader().result());
    }

    @Test
    void upstreamFileToXenServerByteForByte() {
        RepairPlan p = plan(Fixtures.defaultGuest().bytes(), RepairStrategy.TO_XENSERVER);
        assertTrue(p.acceptable(), p.refusal());
        byte[] expected = written(Guest.DEFAULT, e -> switch (e.idstr()) {
            case "rtl8139" -> entry(e, "rtl8139", 0, e.version());
            case "uhci" -> entry(e, "UHCI usb controller", 0, e.version());
            case "piix4acpi" -> entry(e, "piix4acpi", 0, 3);
            default -> e;
        });
        assertArrayEquals(expected, p.result());
        assertEquals(7525 + 15, p.result().length);
        assertEquals("xenserver-6.5+", p.after().loader().profile());
        assertEquals(List.of("xenserver-6.5+"), p.acceptedBy());
    }

    @Test
    void roundTripThroughXenServerGivesTheOriginalBack() {
        // (std-vga: vga 4 → 6 needs the devices' layout of XenServer's label 6 to re-inspect cleanly)
        byte[] original = Fixtures.defaultGuest().bytes();
        RepairPlan there = plan(original, RepairStrategy.TO_XENSERVER);
        assertTrue(there.acceptable(), there.refusal());
        RepairPlan back = plan(there.result(), RepairStrategy.TO_UPSTREAM);
        assertTrue(back.acceptable(), back.refusal());
        assertArrayEquals(original, back.result());
    }

    @Test
    void toXenServerRefusesTwoRtl8139Nics() {
        RepairPlan p = plan(Fixtures.twoRtl8139().bytes(), RepairStrategy.TO_XENSERVER);
        assertFalse(p.acceptable());
        assertTrue(p.refusal().contains("restore NIC 2 into NIC 1"), p.refusal());
        assertTrue(p.edits().isEmpty());
    }

    @Test
    void aXen40FileConvertedForXenServerIsAcceptedByBothXenServerLoaders() {
        RepairPlan p = plan(Fixtures.xen40().bytes(), RepairStrategy.TO_XENSERVER);
        assertTrue(p.acceptable(), p.refusal());
        assertEquals(List.of("xenserver-6.0-6.2", "xenserver-6.5+"), p.acceptedBy());
    }

    @Test
    void toUpstreamRefusesWhatUpstreamWouldStillNotRestore() {
        // a XenServer 6.2 file whose pckbd is labelled 2: kbd_load refuses it before reading (FORMAT.md B.6), so even with
        // every XenServer header fixed upstream stops there with result 0 and nine sections unrestored
        byte[] bytes = written(Guest.DEFAULT.withAcpi(1, 2, 1).withXenServer(true), e -> e.idstr().equals("pckbd")
                ? entry(e, "pckbd", 0, 2) : e);
        RepairPlan p = plan(bytes, RepairStrategy.TO_UPSTREAM);
        assertFalse(p.acceptable());
        assertEquals(3, p.edits().size(), "the plan shows what it would have done");
        assertTrue(p.refusal().startsWith("the target loader upstream would still not load the converted file "
                + "completely (mis-read, loaded): section #14 pckbd is not restored"), p.refusal());
    }

    @Test
    void toUpstreamRefusesXenServerOnlySections() {
        Guest g = Guest.DEFAULT.withAcpi(2, 3, 2).withXenServer(true);
        java.util.List<GuestWriter.Entry> entries = new java.util.ArrayList<>(GuestWriter.entries(g));
        GuestWriter.Entry acpi = entries.get(entries.size() - 1);
        // X.7: xen-pvdevice after piix4acpi, its body the 276-byte PCI block of the ACPI function's shape
        entries.add(new GuestWriter.Entry(acpi.sectionId() + 1, "xen-pvdevice", 0, 1,
                java.util.Arrays.copyOf(acpi.body(), 276)));
        RepairPlan p = plan(GuestWriter.v3(entries).bytes(), RepairStrategy.TO_UPSTREAM);
        assertFalse(p.acceptable());
        assertTrue(p.edits().isEmpty());
        assertTrue(p.refusal().startsWith("to-upstream refused: section #24 'xen-pvdevice' v1: upstream qemu-dm has "
                + "no xen-pvdevice"), p.refusal());
    }

    @Test
    void nothingToConvertWritesNothing() {
        RepairPlan p = plan(Fixtures.defaultGuest().bytes(), RepairStrategy.TO_UPSTREAM);
        assertFalse(p.hasEdits());
        assertNull(p.refusal());
        assertEquals(List.of("upstream"), p.acceptedBy());
    }
}
