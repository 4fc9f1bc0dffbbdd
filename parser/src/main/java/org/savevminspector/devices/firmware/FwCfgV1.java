package org.savevminspector.devices.firmware;

import static org.savevminspector.devices.layout.Layout.be16;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code fw_cfg} v1 (FORMAT.md B.3.3): the selected firmware-config key and the read offset within it. */
public final class FwCfgV1 extends DeviceLayoutBase {
    public FwCfgV1() {
        super("fw_cfg", 1, "QT hw/fw_cfg.c:fw_cfg_save", Layout.of(be16("cur_entry"), be16("cur_offset")));
    }
}
