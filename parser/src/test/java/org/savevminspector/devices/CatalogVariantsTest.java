package org.savevminspector.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.savevminspector.devices.BodyBuilder.body;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.acpi.PcislotsV1;
import org.savevminspector.devices.acpi.PcislotsV1Xen33;

/** Alternative bodies of one label: the 2008 pcislots and XenServer's v1 dialect (FORMAT.md B.3.25, FORMAT.md X.2). */
class CatalogVariantsTest {

    private final DeviceCatalog catalog = DeviceCatalog.standard();

    @Test
    void findAndVersionsSeeOnlyThePrimaryBodies() {
        assertEquals(PcislotsV1.class, catalog.find("pcislots", 1).orElseThrow().getClass());
        assertEquals(1, catalog.versions("pcislots").size());
        List<DeviceLayout> alternatives = catalog.alternatives("pcislots", 1);
        assertEquals(2, alternatives.size());
        assertEquals(PcislotsV1.class, alternatives.get(0).getClass());
        assertEquals(PcislotsV1Xen33.class, alternatives.get(1).getClass());
        assertEquals("pcislots v1 (xen-3.3 form)", alternatives.get(1).toString());
    }

    @Test
    void pciDevfnStatusListsTheFunctionsInUse() {
        byte[] status = new byte[128];
        status[0x10] = (byte) 0xF0; // devfn 0x21: slot 4 function 1
        status[0x14] = 0x0F;        // devfn 0x28: slot 5 function 0
        Decoded d = Decoded.of(new org.savevminspector.devices.acpi.PciDevfnV1(),
                body().raw(status).u8(0).u8(0x28).build()).coversWholeBody();
        assertEquals("2 functions: 04.1, 05.0", d.span(0, 128, "status").meaningText());
        Decoded none = Decoded.of(new org.savevminspector.devices.acpi.PciDevfnV1(), body().fill(130, 0).build());
        assertEquals("no hot-plug slot in use", none.get("status").meaningText());
    }

    @Test
    void the2008PcislotsIsThreeBytes() {
        Decoded d = Decoded.of(new PcislotsV1Xen33(), body().u8(0xF0).u8(0x0F).u8(3).build()).coversWholeBody();
        d.span(0, 2, "status");
        assertEquals("PHP_EVT_REMOVE", d.at(2, 1, 3, "plug_evt").meaningText());
    }

    @Test
    void everyLayoutWithAPciBlockHasADerivedXenServerDialectBody() {
        DeviceLayout rtl = catalog.alternatives("rtl8139", 4).stream()
                .filter(d -> d.variant().equals(DeviceLayout.XENSERVER_V1_DIALECT)).findFirst().orElseThrow();
        assertEquals(DeviceLayout.Origin.XENSERVER, rtl.origin());
        assertEquals(642 - 276 + 256, rtl.layout().fixedSize());
        assertTrue(rtl.source().contains("fix_savevm_v1_compatibility"));
        // ide depends on its identify flags: 256 config bytes, bus-master and bus state, 4 empty drive blocks
        DeviceLayout ide = catalog.alternatives("ide", 3).get(1);
        byte[] body = new byte[256 + 42 + 4 * 28];
        assertEquals(body.length, ide.layout().measure(org.savevminspector.io.ByteSource.of(body), 0, body.length));
        // layouts without a PCI block have none
        assertEquals(1, catalog.alternatives("timer", 2).size());
    }

    @Test
    void dialectBodiesStatedByTheirClassWinOverDerivedOnes() {
        List<DeviceLayout> uhci = catalog.alternatives("UHCI usb controller", 1);
        assertEquals(2, uhci.size());
        assertEquals(26, uhci.get(1).layout().fixedSize());
        assertEquals(uhci, catalog.alternatives("uhci", 1));
        List<DeviceLayout> acpi = catalog.alternatives("piix4acpi", 1);
        assertEquals(2, acpi.get(1).layout().fixedSize());
        assertEquals(6, catalog.alternatives("piix4acpi", 2).get(1).layout().fixedSize());
        assertFalse(catalog.all().isEmpty());
        assertTrue(catalog.all().containsAll(acpi));
    }
}
