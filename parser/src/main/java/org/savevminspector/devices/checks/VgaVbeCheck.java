package org.savevminspector.devices.checks;

import java.util.Set;
import org.savevminspector.diagnostics.DiagnosticCode;

/** std-VGA {@code is_vbe} (FORMAT.md B.3.8): always 1 (CONFIG_BOCHS_VBE); {@code vga_load} rejects 0. */
public final class VgaVbeCheck extends FieldRule {
    public VgaVbeCheck() {
        super("vga-vbe", "std-VGA VBE flag",
                "is_vbe is 1: qemu-dm is built with CONFIG_BOCHS_VBE, and vga_load rejects 0 right after reading it "
                        + "(1 373 bytes into a v2–v4 body; QT hw/vga.c, FORMAT.md B.3.8, FORMAT.md B.6).",
                DiagnosticCode.IMPOSSIBLE_COUNT, Set.of("vga"), new String[] {"is_vbe"}, v -> v == 1,
                v -> v == 0 ? "vga-no-vbe" : "vga-vbe-not-1");
    }
}
