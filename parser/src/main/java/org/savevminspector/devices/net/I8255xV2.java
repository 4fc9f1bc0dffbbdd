package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.u8;

import java.util.List;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * Intel 8255x NIC ({@code i82551}, {@code i82557b}, {@code i82559er}) v2 (FORMAT.md B.3.17, {@code QT hw/eepro100.c:nic_load}
 * for version 2): no PCI block, {@code rxcr} then the state; 4 430 bytes.
 */
public final class I8255xV2 extends DeviceLayoutBase {
    public I8255xV2() {
        super(I8255xParts.FIRST_MODEL, 2, "QT hw/eepro100.c:nic_save / nic_load (version 2)",
                Layout.of(u8("rxcr"), I8255xParts.state()));
    }

    @Override
    public List<String> aliases() {
        return I8255xParts.OTHER_MODELS;
    }
}
