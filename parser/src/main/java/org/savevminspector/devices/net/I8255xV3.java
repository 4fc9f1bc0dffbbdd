package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.u8;

import java.util.List;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * Intel 8255x NIC ({@code i82551}, {@code i82557b}, {@code i82559er}) v3 (FORMAT.md B.3.17, {@code QT hw/eepro100.c:nic_load}
 * for version 3): PCI block, {@code rxcr}, then the state; 4 706 bytes (the registered version).
 */
public final class I8255xV3 extends DeviceLayoutBase {
    public I8255xV3() {
        super(I8255xParts.FIRST_MODEL, 3, "QT hw/eepro100.c:nic_save / nic_load (version 3)",
                Layout.of(PciBlock.element(), u8("rxcr"), I8255xParts.state()));
    }

    @Override
    public List<String> aliases() {
        return I8255xParts.OTHER_MODELS;
    }
}
