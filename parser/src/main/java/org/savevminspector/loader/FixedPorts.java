package org.savevminspector.loader;

import java.util.List;
import java.util.function.Predicate;
import org.savevminspector.model.Hex;

/**
 * The ports qemu-dm registers during machine init, before any load (docs/FORMAT.md B.5.1, measured on the real
 * i386-dm). One row per owner: its ranges (only the visited ports, see {@link PortRange}) and when it exists.
 * To add a device's fixed ports, add a row.
 */
final class FixedPorts {

    static final PortOwner DMA0 = new PortOwner("ISA DMA controller 0", "hw/dma.c:dma_init2");
    static final PortOwner DMA1 = new PortOwner("ISA DMA controller 1", "hw/dma.c:dma_init2");
    static final PortOwner I8042 = new PortOwner("i8042 keyboard controller", "hw/pckbd.c:i8042_init");
    static final PortOwner RTC = new PortOwner("MC146818 RTC", "hw/mc146818rtc.c:rtc_init");
    static final PortOwner IDE0 = new PortOwner("IDE primary channel", "hw/ide.c:ide_init_ioport");
    static final PortOwner IDE1 = new PortOwner("IDE secondary channel", "hw/ide.c:ide_init_ioport");
    static final PortOwner LPT = new PortOwner("parallel port LPT1", "hw/parallel.c:parallel_init");
    static final PortOwner VGA = new PortOwner("VGA registers", "hw/vga.c:vga_init / hw/cirrus_vga.c:cirrus_init_common");
    static final PortOwner FDC = new PortOwner("floppy controller", "hw/fdc.c:fdctrl_init");
    static final PortOwner FW_CFG = new PortOwner("fw_cfg", "hw/fw_cfg.c:fw_cfg_init");
    static final PortOwner PCI_CONFIG = new PortOwner("PCI configuration (i440FX)", "hw/piix_pci.c:i440fx_init");
    static final PortOwner PHP = new PortOwner("ACPI PCI-hotplug controller", "hw/piix4acpi.c:php_devfn_init");
    /** {@code &gpe_state}: the CPU-hotplug bitmap and the GPE0 block share it. */
    static final PortOwner GPE = new PortOwner("ACPI GPE (gpe_state)", "hw/piix4acpi.c:gpe_acpi_init");
    /** The PIIX4-ACPI device: PM1a_CNT and the ACPI debug port. */
    static final PortOwner PIIX4ACPI = new PortOwner("PIIX4 ACPI (PM1a_CNT)", "hw/piix4acpi.c:acpi_map");

    private record Row(PortOwner owner, Predicate<MachineConfig> present, List<PortRange> ranges) {
    }

    private static final Predicate<MachineConfig> ALWAYS = c -> true;

    private static final List<Row> ROWS = List.of(
            new Row(DMA0, ALWAYS, List.of(PortRange.bytes(0x00, 0x10), PortRange.bytes(0x81, 3),
                    PortRange.single(0x87))),
            new Row(PortOwner.NULL, ALWAYS, List.of(PortRange.bytes(0x10, 0x10), PortRange.single(0x80),
                    PortRange.single(0x92), PortRange.single(0xF0), PortRange.bytes(0x400, 4),
                    PortRange.bytes(0x500, 4), PortRange.single(0x8900))),
            new Row(I8042, ALWAYS, List.of(PortRange.single(0x60), PortRange.single(0x64))),
            new Row(RTC, ALWAYS, List.of(PortRange.bytes(0x70, 2))),
            new Row(DMA1, ALWAYS, List.of(PortRange.bytes(0x89, 3), PortRange.single(0x8F),
                    new PortRange(0xC0, 0x20, 2))),
            new Row(IDE1, ALWAYS, List.of(PortRange.bytes(0x170, 8), PortRange.single(0x376))),
            new Row(IDE0, ALWAYS, List.of(PortRange.bytes(0x1F0, 8), PortRange.single(0x3F6))),
            new Row(LPT, ALWAYS, List.of(PortRange.bytes(0x378, 8))),
            new Row(VGA, MachineConfig::anyVga, List.of(PortRange.bytes(0x3B4, 2), PortRange.single(0x3BA),
                    PortRange.bytes(0x3C0, 0x10), PortRange.bytes(0x3D4, 2), PortRange.single(0x3DA))),
            // -std-vga: VBE index/data, twice (FORMAT.md B.5.1 variants)
            new Row(VGA, MachineConfig::stdVga, List.of(PortRange.bytes(0x1CE, 2), PortRange.bytes(0xFF80, 2))),
            new Row(FDC, ALWAYS, List.of(PortRange.bytes(0x3F1, 5), PortRange.single(0x3F7))),
            new Row(FW_CFG, ALWAYS, List.of(PortRange.bytes(0x510, 2))),
            // 0xCF8 is a dword registration over 4 ports: only 0xCF8 itself is visited
            new Row(PCI_CONFIG, ALWAYS, List.of(PortRange.single(0xCF8), PortRange.bytes(0xCFC, 4))),
            new Row(PHP, MachineConfig::passthrough, List.of(PortRange.bytes(0x10C0, 130))),
            new Row(GPE, MachineConfig::acpi, List.of(PortRange.bytes(0xAF00, 0x20))),
            new Row(PIIX4ACPI, MachineConfig::acpi, List.of(PortRange.single(0xB044))));

    private FixedPorts() {
    }

    /** The port map of a freshly started upstream qemu-dm with this configuration (the 310-port map of FORMAT.md B.5). */
    static IoPortMap freshMap(MachineConfig config) {
        return freshMap(config, AcpiPlacement.V1);
    }

    /**
     * The same with GPE0 and PM1a_CNT where the restoring qemu-dm registers them at machine start: V1 upstream
     * (Xen ≥ 4.1), V0 in Xen 4.0 and in XenServer 6.0–6.2's "power-old hack" (docs/FORMAT.md C.1).
     */
    static IoPortMap freshMap(MachineConfig config, AcpiPlacement acpi) {
        IoPortMap map = new IoPortMap();
        if (config.acpi()) {
            map.register(PortRange.bytes(acpi.gpe0(), 2 * acpi.gpe0HalfLen()), GPE);
            map.register(PortRange.bytes(acpi.pm1aEvt() + 4, 2), PIIX4ACPI);
        }
        for (Row row : ROWS) {
            if (row.present().test(config)) {
                row.ranges().forEach(r -> map.register(r, row.owner()));
            }
        }
        for (long base : config.serialBases()) {
            if (base >= 0 && base + 8 <= IoPortMap.PORTS) {
                map.register(PortRange.bytes(base, 8),
                        new PortOwner("serial " + Hex.plain(base), "hw/serial.c:serial_init"));
            }
        }
        return map;
    }
}
