package org.savevminspector.devices.net;

import java.util.List;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * Intel 8255x NIC ({@code i82551}, {@code i82557b}, {@code i82559er}) v1 (FORMAT.md B.3.17, {@code QT hw/eepro100.c:nic_load}
 * for version 1): no PCI block, no {@code rxcr} (the loader sets it to 0x0C); 4 429 bytes.
 */
public final class I8255xV1 extends DeviceLayoutBase {
    public I8255xV1() {
        super(I8255xParts.FIRST_MODEL, 1, "QT hw/eepro100.c:nic_save / nic_load (version 1)",
                Layout.of(I8255xParts.state()));
    }

    @Override
    public List<String> aliases() {
        return I8255xParts.OTHER_MODELS;
    }
}
