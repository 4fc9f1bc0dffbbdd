package org.savevminspector.devices.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.savevminspector.devices.BodyBuilder.body;
import static org.savevminspector.devices.layout.Layout.bytes;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.Decoded;
import org.savevminspector.model.FieldType;

class PciBlockTest {

    private static final I440fxV2 BRIDGE = new I440fxV2();

    @Test
    void versionTwoBlockIs276BytesWithTheWholeType0Header() {
        byte[] b = body().pci(2, 0x8086, 0x1237, 0x0600, 0xC101, 0xF0000008L, null).build();
        Decoded d = Decoded.of(BRIDGE, b).coversWholeBody();
        assertEquals(276, b.length);
        d.at(0, 4, 2, "pci.version");
        d.span(4, 256, "pci.config");
        assertEquals(FieldType.STRUCT, d.get("pci.config").type());
        assertEquals("Intel", d.at(4, 2, 0x8086, "pci.config", "vendor_id").meaningText());
        d.at(6, 2, 0x1237, "pci.config", "device_id");
        assertEquals("I/O space, memory space, bus master",
                d.at(8, 2, 0x0007, "pci.config", "command").meaningText());
        assertEquals("capabilities list, fast back-to-back capable, DEVSEL=medium",
                d.at(10, 2, 0x0290, "pci.config", "status").meaningText());
        d.at(12, 1, 0x01, "pci.config", "revision");
        d.at(13, 1, 0x00, "pci.config", "prog_if");
        assertEquals("0x0600 bridge/host", d.at(14, 2, 0x0600, "pci.config", "class_code").meaningText());
        d.at(16, 1, 0x08, "pci.config", "cache_line_size");
        d.at(17, 1, 0x40, "pci.config", "latency_timer");
        assertEquals("type 0 (general device), multi-function",
                d.at(18, 1, 0x80, "pci.config", "header_type").meaningText());
        d.at(19, 1, 0, "pci.config", "bist");
        assertEquals("I/O 0xC100", d.at(20, 4, 0xC101, "pci.config", "bar0").meaningText());
        assertEquals("memory 0xF0000000 32-bit prefetchable",
                d.at(24, 4, 0xF0000008L, "pci.config", "bar1").meaningText());
        assertEquals("unassigned", d.at(40, 4, 0, "pci.config", "bar5").meaningText());
        d.at(44, 4, 0, "pci.config", "cardbus_cis");
        assertEquals("XenSource", d.at(48, 2, 0x5853, "pci.config", "subsystem_vendor_id").meaningText());
        d.at(50, 2, 0x0001, "pci.config", "subsystem_id");
        assertEquals("none", d.at(52, 4, 0, "pci.config", "expansion_rom").meaningText());
        d.at(56, 1, 0xDC, "pci.config", "capabilities_pointer");
        d.span(57, 7, "pci.config", "reserved");
        assertEquals("IRQ 11", d.at(64, 1, 11, "pci.config", "interrupt_line").meaningText());
        assertEquals("INTA#", d.at(65, 1, 1, "pci.config", "interrupt_pin").meaningText());
        d.at(66, 1, 0, "pci.config", "min_gnt");
        d.at(67, 1, 0, "pci.config", "max_lat");
        d.span(68, 192, "pci.config", "device_specific");
        d.span(260, 16, "pci.irq_state");
        assertEquals("asserted", d.at(260, 4, 1, "pci.irq_state", "pci.irq_state[0]").meaningText());
        d.at(272, 4, 0, "pci.irq_state", "pci.irq_state[3]");
    }

    @Test
    void versionOneBlockIs260BytesWithoutIrqState() {
        byte[] b = body().pci(1, 0x8086, 0x1237, 0x0600, 0, 0, null).build();
        assertEquals(260, b.length);
        Decoded d = Decoded.of(BRIDGE, b).coversWholeBody();
        assertTrue(d.get("pci.version").meaningText().contains("260"));
        assertFalse(d.has("pci.irq_state"));
        assertEquals(260, BRIDGE.layout().measure(new org.savevminspector.io.ArrayByteSource(b), 0, b.length));
    }

    @Test
    void versionZeroIsReadLikeVersionOneAndVersionThreeLikeTwo() {
        byte[] v0 = body().pci(0, 0x8086, 0x1237, 0x0600, 0, 0, null).build();
        Decoded.of(BRIDGE, v0).coversWholeBody();
        byte[] v3 = body().pci(3, 0x8086, 0x1237, 0x0600, 0, 0, null).build();
        Decoded d = Decoded.of(BRIDGE, v3).coversWholeBody();
        assertEquals(276, d.measured());
        assertTrue(d.get("pci.version").meaningText().startsWith("unsupported"));
    }

    @Test
    void measureReadsOnlyTheVersionWord() {
        // 4 bytes are enough to know the block length; the rest may lie past the data
        byte[] head = {0, 0, 0, 2};
        assertEquals(276, BRIDGE.layout().measure(new org.savevminspector.io.ArrayByteSource(head), 0, 4));
        byte[] old = {0, 0, 0, 1};
        assertEquals(260, BRIDGE.layout().measure(new org.savevminspector.io.ArrayByteSource(old), 0, 4));
    }

    @Test
    void truncatedBlockKeepsTheCompleteFields() {
        byte[] b = body().pci(0x8086, 0x1237, 0x0600).build();
        byte[] cut = java.util.Arrays.copyOf(b, 100);
        var fields = BRIDGE.layout().decode(new org.savevminspector.io.ArrayByteSource(cut), 0, cut.length);
        assertEquals(1, fields.size(), "only pci.version is complete: the config struct is cut");
        assertEquals("pci.version", fields.get(0).name());
    }

    @Test
    void deviceSpecificPartMustCoverExactly192Bytes() {
        assertThrows(IllegalArgumentException.class, () -> PciBlock.element(bytes("x", 191)));
        assertThrows(IllegalArgumentException.class, () -> PciBlock.element(bytes("x", 193)));
        PciBlock.element(bytes("x", 100), bytes("y", 92));
    }

    @Test
    void barMeanings() {
        assertEquals("unassigned", PciMeanings.BAR.describe(0));
        assertEquals("I/O 0x0100", PciMeanings.BAR.describe(0x101));
        assertEquals("I/O, address not assigned", PciMeanings.BAR.describe(1));
        assertEquals("memory 0xF1000000 32-bit", PciMeanings.BAR.describe(0xF1000000L));
        assertEquals("memory 0xE0000000 64-bit (low half; the next BAR holds the high half) prefetchable",
                PciMeanings.BAR.describe(0xE000000CL));
        assertEquals("memory 0x000C0000 below 1 MiB", PciMeanings.BAR.describe(0xC0002L));
    }

    @Test
    void identityMeanings() {
        assertEquals("Cirrus Logic", PciMeanings.VENDOR.describe(0x1013));
        assertEquals("Bochs/QEMU (std VGA)", PciMeanings.VENDOR.describe(0x1234));
        assertEquals("Realtek", PciMeanings.VENDOR.describe(0x10EC));
        assertTrue(PciMeanings.VENDOR.describe(0x1AF4).startsWith("Red Hat/QEMU"));
        assertEquals("unknown vendor 0xABCD", PciMeanings.VENDOR.describe(0xABCD));
        assertEquals("0x0680 bridge/other", PciMeanings.CLASS_CODE_MEANING.describe(0x0680));
        assertEquals("0x0C03 serial bus/USB", PciMeanings.CLASS_CODE_MEANING.describe(0x0C03));
        assertEquals("0x0205 network/subclass 0x05", PciMeanings.CLASS_CODE_MEANING.describe(0x0205));
        assertEquals("I/O space, INTx disable", PciMeanings.COMMAND.describe(0x0401));
        assertEquals("none set", PciMeanings.COMMAND.describe(0));
        assertEquals("INTD#", PciMeanings.INTERRUPT_PIN.describe(4));
        assertEquals("invalid pin 0x07", PciMeanings.INTERRUPT_PIN.describe(7));
        assertEquals("type 0 (general device), single function", PciMeanings.HEADER_TYPE.describe(0));
        assertEquals("ROM at 0x000C0000, enabled", PciMeanings.EXPANSION_ROM.describe(0xC0001));
    }
}
