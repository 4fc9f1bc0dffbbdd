package org.savevminspector.devices.checks;

import java.util.Set;
import org.savevminspector.diagnostics.DiagnosticCode;

/** 93Cxx EEPROM size (FORMAT.md B.3.17): eepro100 creates 64-word EEPROMs and {@code eeprom_load} rejects another size. */
public final class EepromSizeCheck extends FieldRule {
    public EepromSizeCheck() {
        super("eeprom-size", "EEPROM size",
                "size is 64 words, the EEPROM_SIZE of the Intel 8255x NICs; eeprom_load rejects a body whose size "
                        + "differs from the device's own (QT hw/eeprom93xx.c:eeprom_load, FORMAT.md B.3.17).",
                DiagnosticCode.IMPOSSIBLE_COUNT, Set.of("eeprom"), new String[] {"size"}, v -> v == 64,
                v -> "eeprom-size");
    }
}
