package org.savevminspector.devices.display;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.u8;
import static org.savevminspector.devices.layout.Layout.when;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Meaning;

/**
 * {@code cirrus_vga} v3 (§B.3.7): PCI block, VGA registers, Cirrus extras, then {@code vram_gmfn}; the 4 MiB VRAM
 * dump follows only when {@code vram_gmfn == 0 && vga_acc == 0} ({@code QT hw/cirrus_vga.c:cirrus_vga_save}),
 * which files written after QT 0844825b (2008-09) never have. Body 1895 bytes, or 1895 + 4 MiB.
 */
public final class CirrusVgaV3 extends DeviceLayoutBase {

    /** Cirrus VRAM is always 4 MiB ({@code QT vl.c} l.5781–5785). */
    public static final long VRAM_SIZE = 4L * 1024 * 1024;

    private static final Meaning JUNK = v -> v == 0xFFFFFFFFL ? "legacy field, always 0xFFFFFFFF; ignored on load"
            : "legacy field, ignored on load (the writer puts 0xFFFFFFFF here)";

    public CirrusVgaV3() {
        super("cirrus_vga", 3, "QT hw/cirrus_vga.c:cirrus_vga_save", Layout.of(
                PciBlock.element(),
                be32("latch"),
                u8("sr_index"),
                bytes("sr", 256),
                u8("gr_index"),
                u8("cirrus_shadow_gr0"),
                u8("cirrus_shadow_gr1"),
                bytes("gr", 254),
                VgaRegisters.attributeToBankOffset(),
                u8("cirrus_hidden_dac_lockindex"),
                u8("cirrus_hidden_dac_data"),
                be32("hw_cursor_x"),
                be32("hw_cursor_y"),
                u8("vga_acc").keep().means(Meanings.flag("0: LFB not at vram_gmfn", "1: LFB mapped at vram_gmfn")),
                be32("legacy_junk_1").means(JUNK),
                be32("lfb_addr").means(v -> v == 0 ? "no LFB mapping" : "LFB at guest-physical " + Hex.plain(v)),
                be32("legacy_junk_2").means(JUNK),
                be32("lfb_end"),
                be64("vram_gmfn").keep().means(Meanings.VRAM_GMFN),
                when(c -> c.get("vram_gmfn") == 0 && c.get("vga_acc") == 0, bytes("vram", VRAM_SIZE))));
    }
}
