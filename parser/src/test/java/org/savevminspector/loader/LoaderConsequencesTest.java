package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.ReplayGuest;

/**
 * The consequences a user reads at their edges: which DMA register a PM1a block lands on (ports 0–7 are the
 * channels' address and count registers, port 8 is not one), how the final ACPI layout is named, and where a serial
 * port's eight registers still fit below 0x10000.
 */
class LoaderConsequencesTest {
    private final LoaderSimulator simulator = new LoaderSimulator(TestCatalog.catalog());

    private String firstConsequence(long pm1a) {
        ReplayGuest g = new ReplayGuest();
        g.pm1a = pm1a;
        TestStream s = TestStream.of(g.write());
        return simulator.simulate(s.source(), s.parse()).report().consequences().get(0);
    }

    @Test
    void aPm1aBlockOnPortSevenHitsChannelThreesCountRegisterAndOnPortEightNoChannel() {
        assertEquals("PM1a_CNT at 0x0007–0x0008 lands on port 0x0007, which belongs to ISA DMA controller 0 "
                + "(DMA channel 3 count register): upstream qemu-dm dies (qemu: hardware error: "
                + "register_ioport_write: invalid opaque, SIGABRT) and the guest is not resumed.", firstConsequence(3));
        assertEquals("PM1a_CNT at 0x0008–0x0009 lands on port 0x0008, which belongs to ISA DMA controller 0: "
                + "upstream qemu-dm dies (qemu: hardware error: register_ioport_write: invalid opaque, SIGABRT) and "
                + "the guest is not resumed.", firstConsequence(4));
    }

    @Test
    void aPlacementIsNamedByBothBlocks() {
        assertEquals("V0", AcpiPlacement.V0.describe());
        assertEquals("V1", AcpiPlacement.V1.describe());
        assertEquals("mixed", new AcpiPlacement(0x1F40, 0xAFE0, 2).describe());
        assertEquals("mixed", new AcpiPlacement(0xB000, 0x1F68, 4).describe());
        assertEquals("other", new AcpiPlacement(0xB000, 0x1F68, 2).describe(), "V0's address with V1's length");
        assertEquals("other", new AcpiPlacement(0x1F40, 0xAFE0, 4).describe());
        assertEquals("other", new AcpiPlacement(0x4000, 0xAFE0, 2).describe());
    }

    @Test
    void aSerialPortIsRegisteredOnlyWhereItsEightPortsFit() {
        IoPortMap top = FixedPorts.freshMap(new MachineConfig(Map.of("serial", 1), Set.of(0xFFF8L)));
        assertEquals("serial 0xFFF8", top.owner(0xFFFF).name());
        IoPortMap past = FixedPorts.freshMap(new MachineConfig(Map.of("serial", 1), Set.of(0xFFF9L)));
        assertEquals(null, past.owner(0xFFF9));
    }
}
