package org.savevminspector.devices.display;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.blob;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Meaning;

/**
 * The pieces the {@code cirrus_vga} versions are assembled from ({@code QT hw/cirrus_vga.c:cirrus_vga_save} and the
 * version tests of {@code cirrus_vga_load}, FORMAT.md B.3.7): v1 = registers then always the 4 MiB VRAM dump; v2 puts the PCI
 * block in front; v3 adds {@code vram_gmfn}, after which the dump follows only when {@code vram_gmfn == 0 &&
 * vga_acc == 0}.
 */
final class CirrusParts {

    /** Cirrus VRAM is always 4 MiB ({@code QT vl.c} l.5781–5785). */
    static final long VRAM_SIZE = 4L * 1024 * 1024;

    private static final Meaning JUNK = v -> v == 0xFFFFFFFFL ? "legacy field, always 0xFFFFFFFF; ignored on load"
            : "legacy field, ignored on load (the writer puts 0xFFFFFFFF here)";

    private CirrusParts() {
    }

    /** From {@code latch} to {@code lfb_end}: 1 611 bytes. */
    static Element registers() {
        return seq(
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
                be32("lfb_end"));
    }

    /** The 4 MiB VRAM dump, one summarised field. */
    static Element vram() {
        return blob("vram", VRAM_SIZE);
    }
}
