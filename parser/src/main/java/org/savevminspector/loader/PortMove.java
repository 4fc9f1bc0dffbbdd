package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a load function changes qemu-dm's I/O ports (docs/FORMAT.md B.5.4). Applied once the function has read what the
 * change depends on: a BAR right after the PCI block, GPE0 and PM1a_CNT at the end of the body.
 */
sealed interface PortMove permits PortMove.PciBar, PortMove.GpeBlock, PortMove.Pm1aBlock {

    /** Whether the move happens right after the PCI block (else after the whole body). */
    boolean afterPciBlock();

    /** Applies the move with the values the load read; empty unless qemu-dm dies. */
    Optional<PortModel.Abort> apply(LoadContext ctx);

    /** Why a load moves these ports, for the LOADER_PORTS explanation. */
    String why();

    /**
     * A PCI I/O BAR re-mapped by {@code QT hw/pci.c:pci_update_mappings} right after {@code pci_device_load}.
     *
     * @param bar      BAR index (config offset 0x10 + 4·bar)
     * @param size     BAR size in ports
     * @param channels names of the tokens, one per equal slice (IDE bus-master: two channels)
     * @param source   the map function
     */
    record PciBar(int bar, long size, List<String> channels, String source) implements PortMove {
        public PciBar {
            channels = List.copyOf(channels);
        }

        @Override
        public boolean afterPciBlock() {
            return true;
        }

        @Override
        public Optional<PortModel.Abort> apply(LoadContext ctx) {
            // the config space starts 4 bytes into the block; command at 0x04 (le16), BARs at 0x10 + 4·n (le32)
            int command = (int) ctx.configLe(0x04, 2, "command");
            long barValue = ctx.configLe(0x10 + 4L * bar, 4, "BAR" + bar);
            List<PortOwner> tokens = new ArrayList<>();
            for (String channel : channels) {
                tokens.add(new PortOwner(ctx.deviceLabel() + (channel.isEmpty() ? "" : " " + channel), source));
            }
            return ctx.ports().mapBar(ctx.section(), ctx.idstr(), bar, barValue, command, size, tokens);
        }

        @Override
        public String why() {
            return "pci_device_load restores the PCI configuration space and pci_update_mappings (QT hw/pci.c) "
                    + "maps BAR" + bar + " where it points, if command bit 0 (I/O space) is set and the range ends "
                    + "below 0x10000; a fresh qemu-dm has no PCI I/O region mapped yet (FORMAT.md B.5.4).";
        }
    }

    /**
     * {@code QT hw/piix4acpi.c:gpe_load}: GPE0 at G with half length H, from the body for versions ≥
     * {@code fromVersion}, else the implied V0 values.
     */
    record GpeBlock(long addressOffset, long halfLenOffset, long impliedAddress, long impliedHalfLen,
                    long fromVersion) implements PortMove {
        @Override
        public boolean afterPciBlock() {
            return false;
        }

        @Override
        public Optional<PortModel.Abort> apply(LoadContext ctx) {
            boolean read = ctx.version() >= fromVersion;
            long g = read ? ctx.bodyBe32(addressOffset, "gpe0_blk_address")
                    : ctx.implied("gpe0_blk_address", impliedAddress);
            long h = read ? ctx.bodyBe32(halfLenOffset, "gpe0_blk_half_len")
                    : ctx.implied("gpe0_blk_half_len", impliedHalfLen);
            return ctx.ports().moveGpe(ctx.section(), g, h);
        }

        @Override
        public String why() {
            return "A fresh qemu-dm has GPE0 at 0xAFE0–0xAFE3 (V1 layout); gpe_load (QT hw/piix4acpi.c) moves it to "
                    + "the address the section restores, or to V0 0x1F68 when the label is 1; the guest's ACPI "
                    + "tables must describe the same block.";
        }
    }

    /**
     * {@code QT hw/piix4acpi.c:piix4acpi_load}: PM1a_CNT at A+4, A from the body (after the PCI block and
     * {@code pm1_control}) for versions ≥ {@code fromVersion}, else the implied V0 address.
     */
    record Pm1aBlock(long offsetAfterPci, long impliedAddress, long fromVersion) implements PortMove {
        @Override
        public boolean afterPciBlock() {
            return false;
        }

        @Override
        public Optional<PortModel.Abort> apply(LoadContext ctx) {
            long a = ctx.version() >= fromVersion
                    ? ctx.afterPciBe32(offsetAfterPci, "pm1a_evt_blk_address")
                    : ctx.implied("pm1a_evt_blk_address", impliedAddress);
            return ctx.ports().movePm1a(ctx.section(), a);
        }

        @Override
        public String why() {
            return "A fresh qemu-dm has PM1a_CNT at 0xB004–0xB005 (V1 layout); piix4acpi_load (QT hw/piix4acpi.c) "
                    + "moves it to pm1a_evt_blk_address + 4, or to V0 0x1F44 when the label is 1; the guest's ACPI "
                    + "tables must describe the same port.";
        }
    }
}
