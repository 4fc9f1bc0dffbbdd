package org.savevminspector.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.savevminspector.devices.BodyBuilder.body;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.audio.Sb16V1;
import org.savevminspector.devices.pci.PcibusV1;
import org.savevminspector.devices.timer.TimerV1;
import org.savevminspector.devices.xen.XenPvdeviceV1;
import org.savevminspector.devices.xen.XenServerPciConfigV1;

/** sb16, PCIBUS, timer v1, xen-pvdevice and XenServer's load-only *_pci entries (FORMAT.md B.3.1, FORMAT.md B.3.4, FORMAT.md B.3.22, App. X). */
class OtherDevicesTest {

    @Test
    void sb16Is707BytesWithCspParamWrittenTwice() {
        BodyBuilder b = body();
        for (int i = 0; i < 23; i++) {
            b.be32(i == 3 ? 0x220 : i == 4 ? 0x0405 : i);
        }
        b.u8(0xA1).u8(0xA2).u8(0xA3).u8(0xA1).ramp(256, 0).u8(0x83).fill(4, 1).be32(2).be32(3)
                .fill(10, 4).fill(50, 5).u8(0x11).u8(0x22);
        for (int i = 0; i < 5; i++) {
            b.be32(1000 + i);
        }
        b.be32(256).ramp(256, 0x80);
        Decoded d = Decoded.of(new Sb16V1(), b.build()).coversWholeBody();
        assertEquals(707, d.measured());
        assertEquals("I/O base 0x220", d.at(12, 4, 0x220, "port").meaningText());
        assertEquals("DSP version 4.5", d.at(16, 4, 0x0405, "ver").meaningText());
        d.at(88, 4, 22, "v2x6");
        d.at(92, 1, 0xA1, "csp_param");
        d.at(95, 1, 0xA1, "csp_param_again");
        d.span(96, 256, "csp_regs");
        d.at(352, 1, 0x83, "csp_index");
        d.at(357, 4, 2, "csp_reg83r");
        d.span(365, 10, "in2_data");
        d.span(375, 50, "out_data");
        d.at(425, 1, 0x11, "test_reg");
        d.at(427, 4, 1000, "nzero");
        d.at(447, 4, 256, "mixer_nreg");
        d.span(451, 256, "mixer_regs");
    }

    @Test
    void pcibusIsACountAndThatManyDiscardedWords() {
        BodyBuilder b = body().be32(128);
        for (int i = 0; i < 128; i++) {
            b.be32(i);
        }
        Decoded d = Decoded.of(new PcibusV1(), b.build()).coversWholeBody();
        assertEquals(516, d.measured());
        assertEquals("128 bus IRQ levels follow (the i440FX bus)", d.at(0, 4, 128, "nirq").meaningText());
        d.at(4 + 127 * 4, 4, 127, "irq_count", "irq_count[127]");
        assertEquals(12, Decoded.of(new PcibusV1(), body().be32(2).be32(0).be32(1).build()).coversWholeBody()
                .measured());
    }

    @Test
    void dmaModeRegistersAreNamed() {
        BodyBuilder b = body().u8(0x04).u8(0x0E).u8(0).be32(0);
        for (int ch = 0; ch < 4; ch++) {
            b.be32(0).be32(0).be16(0).be16(0).u8(ch == 2 ? 0x46 : 0x58 | ch).u8(0).u8(0).u8(0).u8(0);
        }
        Decoded d = Decoded.of(new org.savevminspector.devices.legacy.DmaV1(), b.build()).coversWholeBody();
        assertEquals("controller disabled", d.get("command").meaningText());
        assertEquals("channel=0, transfer=read from memory, auto-init, mode=single",
                d.at(19, 1, 0x58, "regs", "regs[0]", "mode").meaningText());
        // the floppy channel as the BIOS programs it: single mode, write to memory
        assertEquals("channel=2, transfer=write to memory, mode=single",
                d.at(53, 1, 0x46, "regs", "regs[2]", "mode").meaningText());
    }

    @Test
    void timerV1ReadsTheSameOffsetAsV2() {
        Decoded d = Decoded.of(new TimerV1(), body().be64(-5).build()).coversWholeBody();
        d.at(0, 8, -5, "cpu_clock_offset");
    }

    @Test
    void xenPvdeviceIsAPciBlockOfXenServerOrigin() {
        DeviceLayout pv = new XenPvdeviceV1();
        assertEquals(DeviceLayout.Origin.XENSERVER, pv.origin());
        Decoded d = Decoded.of(pv, body().pci(0x5853, 0xC000, 0xFF80).build()).coversWholeBody();
        assertEquals(276, d.measured());
        d.at(4, 2, 0x5853, "pci.config", "vendor_id");
        d.at(6, 2, 0xC000, "pci.config", "device_id");
    }

    @Test
    void xenServerLoadOnlyPciEntriesAreTheBareConfiguration() {
        DeviceCatalog catalog = DeviceCatalog.standard();
        XenServerPciConfigV1 cfg = new XenServerPciConfigV1();
        for (String idstr : List.of("cirrus_vga_pci", "ide_pci", "rtl8139_pci", "UHCI_usb_pci", "piix4acpi_pci")) {
            assertEquals(XenServerPciConfigV1.class, catalog.find(idstr, 1).orElseThrow().getClass(), idstr);
        }
        byte[] block = body().pci(0x10EC, 0x8139, 0x0200).build();
        byte[] config = java.util.Arrays.copyOfRange(block, 4, 260);
        Decoded d = Decoded.of(cfg, config).coversWholeBody();
        d.span(0, 256, "pci.config");
        d.at(0, 2, 0x10EC, "pci.config", "vendor_id");
        assertTrue(d.get("pci.config", "bar0").meaningText().startsWith("I/O"));
    }
}
