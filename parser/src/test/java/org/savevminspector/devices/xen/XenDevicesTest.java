package org.savevminspector.devices.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.Decoded;

class XenDevicesTest {

    @Test
    void platformV3Is284Bytes() {
        byte[] b = body().pci(2, 0x5853, 0x0001, 0xFF80, 0xC001, 0xF2000008L, null).be64(0).build();
        Decoded d = Decoded.of(new PlatformV3(), b).coversWholeBody();
        assertEquals(284, d.measured());
        assertEquals("XenSource", d.get("pci.config", "vendor_id").meaningText());
        assertEquals("0xFF80 vendor specific (Xen platform)", d.get("pci.config", "class_code").meaningText());
        assertEquals("I/O 0xC000", d.get("pci.config", "bar0").meaningText());
        d.at(276, 8, 0, "reserved");
    }

    @Test
    void platformV2Is285AndV1Is276() {
        byte[] v2 = body().pci(0x5853, 0x0001, 0xFF80).u8(0x01).be64(7).build();
        Decoded d2 = Decoded.of(new PlatformV2(), v2).coversWholeBody();
        assertEquals(285, d2.measured());
        d2.at(276, 1, 1, "flags");
        d2.at(277, 8, 7, "reserved");
        byte[] v1 = body().pci(0x5853, 0x0001, 0xFF80).build();
        assertEquals(276, Decoded.of(new PlatformV1(), v1).coversWholeBody().measured());
    }

    @Test
    void fixedIoportIsOneFlagsByte() {
        Decoded d = Decoded.of(new PlatformFixedIoportV1(), new byte[] {1}).coversWholeBody();
        assertEquals("ROM lock", d.at(0, 1, 1, "platform_flags").meaningText());
        assertEquals(1, new PlatformFixedIoportV1().layout().fixedSize());
    }
}
