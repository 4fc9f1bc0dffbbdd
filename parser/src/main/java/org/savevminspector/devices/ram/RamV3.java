package org.savevminspector.devices.ram;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code ram} v3, the only live section of i386-dm (FORMAT.md A.11): its START, PART and END payloads are all empty
 * because guest memory is saved by libxc, not qemu ({@code QT vl.c:ram_save_live} under {@code CONFIG_DM}).
 */
public final class RamV3 extends DeviceLayoutBase {
    public RamV3() {
        super("ram", 3, "QT vl.c:ram_save_live (CONFIG_DM stub)", Layout.of());
    }
}
