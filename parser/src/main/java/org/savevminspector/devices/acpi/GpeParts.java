package org.savevminspector.devices.acpi;

import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.u8;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Element;

/**
 * The 9 bytes every {@code gpe} version starts with: four INTERLEAVED (status, enable) pairs — the save loop
 * always runs {@code ACPI_GPE0_BLK_LEN_V0 / 2 = 4} times — then {@code sci_asserted} ({@code QT hw/piix4acpi.c:gpe_save}).
 */
final class GpeParts {

    /** Pairs written by the save loop. */
    static final int PAIRS = 4;

    private GpeParts() {
    }

    static Element registers() {
        List<Element> e = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            e.add(u8("gpe0_sts[" + i + "]"));
            e.add(u8("gpe0_en[" + i + "]"));
        }
        e.add(u8("sci_asserted").means(Meanings.flag("SCI not asserted", "SCI asserted")));
        return seq(e);
    }
}
