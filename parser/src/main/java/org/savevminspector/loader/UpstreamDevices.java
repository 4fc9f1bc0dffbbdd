package org.savevminspector.loader;

import static org.savevminspector.loader.DeviceLoadFacts.device;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.savevminspector.devices.acpi.AcpiMeanings;
import org.savevminspector.devices.storage.FdcV2;
import org.savevminspector.devices.usb.UhciV1;

/**
 * The load facts of every savevm entry upstream qemu-xen-traditional (i386-dm) registers: docs/FORMAT.md B.1 (registered
 * versions, instance rules), FORMAT.md B.6 (own version tests, bytes read before rejecting), FORMAT.md B.5.4 (port moves). What the
 * device itself is — its bodies, the sizes of old versions, where its count fields sit — comes from its
 * {@link org.savevminspector.devices.known.DeviceDescriptor}; a row says only what the load function does with it.
 * To teach the simulator a device, add one row here; nothing else changes.
 */
final class UpstreamDevices {

    private static final List<DeviceLoadFacts> ROWS = List.of(
            device("timer", 2, "vl.c:timer_load").rejects(0).build(),
            // CONFIG_DM stub: reads nothing, returns 0 (QT vl.c l.3115–3117, FORMAT.md A.11)
            device("ram", 3, "vl.c:ram_load").alwaysReads(0).noOwnVersionTest().build(),
            device("fw_cfg", 1, "hw/fw_cfg.c:fw_cfg_load").build(),
            device("PCIBUS", 1, "hw/pci.c:pcibus_load").rejects(0).build(),
            device("I440FX", 2, "hw/piix_pci.c:i440fx_load").pciBlock().build(),
            device("PIIX3", 2, "hw/piix_pci.c:piix_load").rejects(0, 1).pciBlock().build(),
            device("cirrus_vga", 3, "hw/cirrus_vga.c:cirrus_vga_load").pciBlockFrom(2).build(),
            // vram_size must equal this qemu's VRAM (1417 bytes): we assume the same configuration, so it does
            device("vga", 4, "hw/vga.c:vga_load").pciBlockFrom(2)
                    .check(CountCheck.of("vga", "is_vbe", v -> v != 0, "is_vbe must be non-zero (CONFIG_BOCHS_VBE)"))
                    .build(),
            device("mc146818rtc", 1, "hw/mc146818rtc.c:rtc_load").instances(InstanceRule.fixed(0x70)).rejects(0)
                    .build(),
            device("platform", 3, "hw/xen_platform.c:xen_pci_load").pciBlock()
                    .moves(new PortMove.PciBar(0, 0x100, List.of(""), "hw/xen_platform.c:platform_ioport_map"))
                    .build(),
            device("platform_fixed_ioport", 1, "hw/xen_platform.c:platform_fixed_ioport_load").build(),
            device("serial", 2, "hw/serial.c:serial_load").instances(InstanceRule.serialBase()).ownMax(3).build(),
            device("rtl8139", 4, "hw/rtl8139.c:rtl8139_load").instances(InstanceRule.pciSlot()).pciBlockFrom(3)
                    .moves(new PortMove.PciBar(0, 0x100, List.of(""), "hw/rtl8139.c:rtl8139_ioport_map"))
                    .build(),
            // e1000's BAR1 map function returns before registering anything (FORMAT.md B.5.4): no port move
            device("e1000", 2, "hw/e1000.c:nic_load").instances(InstanceRule.auto()).noOwnVersionTest().pciBlock()
                    .build(),
            device("ne2000", 3, "hw/ne2000.c:ne2000_load").instances(InstanceRule.auto()).pciBlockFrom(3).build(),
            device("pcnet", 2, "hw/pcnet.c:pcnet_load").instances(InstanceRule.pciSlot()).rejects(0, 1).pciBlock()
                    .build(),
            device("eeprom", 20061112, "hw/eeprom93xx.c:eeprom_load").build(),
            device("i82551", 3, "hw/eepro100.c:nic_load").instances(InstanceRule.auto()).pciBlock().build(),
            device("i82557b", 3, "hw/eepro100.c:nic_load").instances(InstanceRule.auto()).pciBlock().build(),
            device("i82559er", 3, "hw/eepro100.c:nic_load").instances(InstanceRule.auto()).pciBlock().build(),
            device("ide", 3, "hw/ide.c:pci_ide_load").rejects(0, 1, 2).pciBlock()
                    .moves(new PortMove.PciBar(4, 0x10, List.of("bus-master channel 0", "bus-master channel 1"),
                            "hw/ide.c:bmdma_map"))
                    .build(),
            device("pckbd", 3, "hw/pckbd.c:kbd_load").rejects(0, 1, 2).build(),
            device("ps2kbd", 3, "hw/ps2.c:ps2_kbd_load").rejects(0, 1).build(),
            device("ps2mouse", 2, "hw/ps2.c:ps2_mouse_load").rejects(0, 1).build(),
            device("dma", 1, "hw/dma.c:dma_load").instances(InstanceRule.fixed(0, 1)).rejects(0).build(),
            device("audio", 1, "audio/audio.c:audio_load").rejects(0).alwaysReads(0).build(),
            device("sb16", 1, "hw/sb16.c:SB_load").rejects(0).build(),
            device("ac97", 2, "hw/ac97.c:ac97_load").rejects(0, 1).pciBlock().build(),
            device("es1370", 2, "hw/es1370.c:es1370_load").rejects(0, 1).pciBlock().build(),
            device("fdc", 2, "hw/fdc.c:fdc_load").instances(InstanceRule.fixed(0x3F0)).rejects(0, 1)
                    .check(CountCheck.of("fdc", "n_drives", n -> n <= FdcV2.MAX_FD, "N must be at most 2 (MAX_FD)"))
                    .build(),
            device("uhci", 1, "hw/usb-uhci.c:uhci_load").pciBlock()
                    .check(CountCheck.of("uhci", "num_ports", n -> n == UhciV1.NB_PORTS, "N must be 2 (NB_PORTS)"))
                    .moves(new PortMove.PciBar(4, 0x20, List.of(""), "hw/usb-uhci.c:uhci_map"))
                    .build(),
            device(AcpiMeanings.GPE, 2, "hw/piix4acpi.c:gpe_load")
                    .moves(new PortMove.GpeBlock(9, 13, AcpiMeanings.GPE0_V0, AcpiMeanings.GPE0_HALF_LEN_V0, 2))
                    .build(),
            device("pci_devfn", 1, "hw/piix4acpi.c:pci_devfn_load").rejects(0).build(),
            device(AcpiMeanings.PIIX4ACPI, 2, "hw/piix4acpi.c:piix4acpi_load").pciBlock()
                    .moves(new PortMove.Pm1aBlock(2, AcpiMeanings.PM1A_EVT_V0, 2)).build());

    private static final Map<String, DeviceLoadFacts> BY_IDSTR =
            ROWS.stream().collect(Collectors.toUnmodifiableMap(DeviceLoadFacts::idstr, Function.identity()));

    private UpstreamDevices() {
    }

    static Optional<DeviceLoadFacts> facts(String idstr) {
        return Optional.ofNullable(BY_IDSTR.get(idstr));
    }

    static List<DeviceLoadFacts> all() {
        return ROWS;
    }
}
