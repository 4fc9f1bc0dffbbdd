package org.savevminspector.devices.checks;

import java.util.Set;
import org.savevminspector.diagnostics.DiagnosticCode;

/** {@code fdc} drive count (FORMAT.md B.3.23): the writer writes MAX_FD = 2; {@code fdc_load} rejects N > 2 after 539 bytes. */
public final class FdcDriveCountCheck extends FieldRule {
    public FdcDriveCountCheck() {
        super("fdc-drive-count", "Floppy controller drive count",
                "n_drives is MAX_FD = 2 as fdc_save writes it; fdc_load rejects more than 2 after reading 539 "
                        + "bytes, and fewer than 2 is accepted but never written (QT hw/fdc.c, FORMAT.md B.3.23, FORMAT.md B.6).",
                DiagnosticCode.IMPOSSIBLE_COUNT, Set.of("fdc"), new String[] {"n_drives"}, v -> v == 2,
                v -> v > 2 ? "fdc-too-many" : "fdc-too-few");
    }
}
