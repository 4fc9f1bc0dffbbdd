package org.savevminspector.devices.acpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.savevminspector.devices.BodyBuilder.body;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.io.ArrayByteSource;

class AcpiDevicesTest {

    private static BodyBuilder gpeRegisters() {
        return body().u8(0x01).u8(0x02).u8(0x03).u8(0x04).u8(0).u8(0).u8(0).u8(0).u8(1);
    }

    @Test
    void gpeV2Is17BytesWithInterleavedPairs() {
        byte[] b = gpeRegisters().be32(0xAFE0).be32(2).build();
        Decoded d = Decoded.of(new GpeV2(), b).coversWholeBody();
        assertEquals(17, d.measured());
        d.at(0, 1, 1, "gpe0_sts[0]");
        d.at(1, 1, 2, "gpe0_en[0]");
        d.at(2, 1, 3, "gpe0_sts[1]");
        d.at(3, 1, 4, "gpe0_en[1]");
        d.at(6, 1, 0, "gpe0_sts[3]");
        d.at(7, 1, 0, "gpe0_en[3]");
        assertEquals("SCI asserted", d.at(8, 1, 1, "sci_asserted").meaningText());
        assertEquals("V1 layout (GPE0 block at 0xAFE0)", d.at(9, 4, 0xAFE0, "gpe0_blk_address").meaningText());
        assertEquals("V1 layout (2 status + 2 enable ports)", d.at(13, 4, 2, "gpe0_blk_half_len").meaningText());
    }

    @Test
    void gpeV1Is9Bytes() {
        Decoded d = Decoded.of(new GpeV1(), gpeRegisters().build()).coversWholeBody();
        assertEquals(9, d.measured());
        assertEquals(9, new GpeV1().layout().fixedSize());
        assertFalse(d.has("gpe0_blk_address"));
    }

    @Test
    void pciDevfnIs130Bytes() {
        byte[] b = body().fill(8, 0).u8(0xF0).fill(119, 0).u8(3).u8(0x20).build();
        Decoded d = Decoded.of(new PciDevfnV1(), b).coversWholeBody();
        assertEquals(130, d.measured());
        d.span(0, 128, "status");
        assertEquals("PHP_EVT_REMOVE", d.at(128, 1, 3, "plug_evt").meaningText());
        assertEquals("devfn 20 (slot 4, function 0)", d.at(129, 1, 0x20, "plug_devfn").meaningText());
    }

    @Test
    void pcislotsIs34Bytes() {
        byte[] b = body().fill(6, 0).u8(0x0F).fill(25, 0).u8(0).u8(6).build();
        Decoded d = Decoded.of(new PcislotsV1(), b).coversWholeBody();
        assertEquals(34, d.measured());
        d.span(0, 32, "status");
        d.at(32, 1, 0, "plug_evt");
        d.at(33, 1, 6, "plug_slot");
    }

    private static BodyBuilder acpiV1Body() {
        byte[] tail = BodyBuilder.body().le32(0xB001).fill(0xBC, 0).build();
        return body().pci(2, 0x8086, 0x7113, 0x0680, 0, 0, tail).be16(0x0001);
    }

    private static void assertV1Part(Decoded d) {
        assertEquals("Intel", d.get("pci.config", "vendor_id").meaningText());
        d.at(6, 2, 0x7113, "pci.config", "device_id");
        assertEquals("0x0680 bridge/other", d.at(14, 2, 0x0680, "pci.config", "class_code").meaningText());
        assertEquals("I/O 0xB000 (stored only; qemu-dm maps PM1a_CNT from pm1a_evt_blk_address)",
                d.at(4 + 0x40, 4, 0xB001, "pci.config", "pmba").meaningText());
        d.span(4 + 0x44, 0xBC, "pci.config", "device_specific_44");
        d.span(260, 16, "pci.irq_state");
        assertEquals("SCI_EN", d.at(276, 2, 1, "pm1_control").meaningText());
    }

    @Test
    void piix4acpiV2Is282Bytes() {
        byte[] b = acpiV1Body().be32(0xB000).build();
        Decoded d = Decoded.of(new Piix4AcpiV2(), b).coversWholeBody();
        assertEquals(282, d.measured());
        assertV1Part(d);
        assertEquals("V1 layout (PM1a_CNT at 0xB004)", d.at(278, 4, 0xB000, "pm1a_evt_blk_address").meaningText());
    }

    @Test
    void piix4acpiV1Is278Bytes() {
        Decoded d = Decoded.of(new Piix4AcpiV1(), acpiV1Body().build()).coversWholeBody();
        assertEquals(278, d.measured());
        assertV1Part(d);
        assertFalse(d.has("pm1a_evt_blk_address"));
    }

    @Test
    void xenServerLabel3CarriesTheV2Body() {
        DeviceLayout xs = new Piix4AcpiXenServerV3();
        assertEquals(DeviceLayout.Origin.XENSERVER, xs.origin());
        assertEquals(3, xs.version());
        assertEquals("piix4acpi", xs.idstr());
        byte[] b = acpiV1Body().be32(0x1F40).build();
        Decoded d = Decoded.of(xs, b).coversWholeBody();
        assertEquals(282, d.measured());
        assertEquals("V0 layout (PM1a_CNT at 0x1F44)", d.at(278, 4, 0x1F40, "pm1a_evt_blk_address").meaningText());
        assertEquals(DeviceLayout.Origin.UPSTREAM, new Piix4AcpiV2().origin());
    }

    @Test
    void expectedAddressesTellAGenuineV2BodyFromAV1BodyFollowedByEof() {
        var v2 = new Piix4AcpiV2().layout();
        byte[] genuine = acpiV1Body().be32(0xB000).u8(0).build();
        byte[] buggy = acpiV1Body().u8(0).fill(3, 0).build();
        assertEquals(0, v2.unexpectedValues(new ArrayByteSource(genuine), 0, genuine.length));
        assertEquals(1, v2.unexpectedValues(new ArrayByteSource(buggy), 0, buggy.length));
        var gpe = new GpeV2().layout();
        byte[] v0 = gpeRegisters().be32(0x1F68).be32(4).build();
        byte[] odd = gpeRegisters().be32(0xC000).be32(0).build();
        assertEquals(0, gpe.unexpectedValues(new ArrayByteSource(v0), 0, v0.length));
        assertEquals(2, gpe.unexpectedValues(new ArrayByteSource(odd), 0, odd.length));
    }

    @Test
    void acpiMeanings() {
        assertEquals("SCI_EN, SLP_TYP=5, SLP_EN", AcpiMeanings.PM1_CONTROL.describe(0x2000 | 5 << 10 | 1));
        assertEquals("none set", AcpiMeanings.PM1_CONTROL.describe(0));
        assertEquals("neither V0 (0x1F40) nor V1 (0xB000): the loader would map PM1a_CNT at 0x0004",
                AcpiMeanings.PM1A_EVT_BLK_ADDRESS.describe(0));
        assertEquals("neither V0 (0x1F40) nor V1 (0xB000): the loader would map PM1a_CNT at 0x00000003",
                AcpiMeanings.PM1A_EVT_BLK_ADDRESS.describe(0xFFFFFFFFL));
        assertEquals("V0 layout (GPE0 block at 0x1F68)", AcpiMeanings.GPE0_BLK_ADDRESS.describe(0x1F68));
        assertEquals("neither V0 (0x1F68) nor V1 (0xAFE0): the loader would map GPE0 at 0xC000",
                AcpiMeanings.GPE0_BLK_ADDRESS.describe(0xC000));
        assertEquals("V0 layout (4 status + 4 enable ports)", AcpiMeanings.GPE0_BLK_HALF_LEN.describe(4));
        assertEquals("neither V0 (4) nor V1 (2): the loader would map 0 status + 0 enable ports",
                AcpiMeanings.GPE0_BLK_HALF_LEN.describe(0));
    }

    @Test
    void xenServerDialectBodiesAreAlternativesOfTheirLabelNeverItsPrimaryBody() {
        // a catalogue built here, with these classes as they are now: a dialect body registered as primary would
        // collide with the upstream body of its label
        DeviceCatalog c = new DeviceCatalog(List.of(new Piix4AcpiV1(), new Piix4AcpiV2(),
                new Piix4AcpiXenServerDialectV1(), new Piix4AcpiXenServerDialectV2()));
        assertEquals(List.of("piix4acpi v1", "piix4acpi v1 (XenServer v1 dialect)"),
                c.alternatives("piix4acpi", 1).stream().map(Object::toString).toList());
        assertEquals(List.of("piix4acpi v2", "piix4acpi v2 (XenServer v1 dialect)"),
                c.alternatives("piix4acpi", 2).stream().map(Object::toString).toList());
        assertEquals("piix4acpi v2", c.find("piix4acpi", 2).orElseThrow().toString());

        Decoded v1 = Decoded.of(new Piix4AcpiXenServerDialectV1(), body().be16(0x0001).build()).coversWholeBody();
        assertEquals(2, v1.measured());
        assertEquals("SCI_EN", v1.at(0, 2, 1, "pm1_control").meaningText());
        Decoded v2 = Decoded.of(new Piix4AcpiXenServerDialectV2(), body().be16(0x0001).be32(0xB000).build())
                .coversWholeBody();
        assertEquals(6, v2.measured());
        v2.at(0, 2, 1, "pm1_control");
        assertEquals("V1 layout (PM1a_CNT at 0xB004)", v2.at(2, 4, 0xB000, "pm1a_evt_blk_address").meaningText());
    }
}
