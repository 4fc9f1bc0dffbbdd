package org.savevminspector.devices.display;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.blob;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.layout.Element;

/**
 * The register file both VGA save functions write after the PCI block: the Cirrus one carries 256 sequencer and
 * graphics registers, the standard VGA 8 and 16 ({@code QT hw/cirrus_vga.c:cirrus_vga_save},
 * {@code QT hw/vga.c:vga_save}).
 */
final class VgaRegisters {

    private VgaRegisters() {
    }

    /** From {@code ar_index} to {@code bank_offset}: identical in both cards (FORMAT.md B.3.7 offsets 794–1859, FORMAT.md B.3.8 306–1371). */
    static Element attributeToBankOffset() {
        return seq(
                u8("ar_index"),
                bytes("ar", 21),
                be32("ar_flip_flop"),
                u8("cr_index"),
                bytes("cr", 256),
                u8("msr"),
                u8("fcr"),
                u8("st00"),
                u8("st01"),
                u8("dac_state"),
                u8("dac_sub_index"),
                u8("dac_read_index"),
                u8("dac_write_index"),
                bytes("dac_cache", 3),
                blob("palette", 768),
                be32("bank_offset"));
    }
}
