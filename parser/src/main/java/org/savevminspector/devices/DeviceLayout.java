package org.savevminspector.devices;

import java.util.List;
import org.savevminspector.devices.layout.Layout;

/**
 * The body layout of one (device, version) pair. Each implementation is one small class in a
 * {@code devices.*} package, listed in {@code META-INF/services/org.savevminspector.devices.DeviceLayout};
 * nothing else needs to change to add a device or a version.
 */
public interface DeviceLayout {

    /** The idstr the device registers with ({@code register_savevm}). */
    String idstr();

    /** Other idstrs the same body is written under (e.g. XenServer's {@code UHCI usb controller}). */
    default List<String> aliases() {
        return List.of();
    }

    /** The version label this layout belongs to. */
    int version();

    /** Who writes this layout under this label. */
    default Origin origin() {
        return Origin.UPSTREAM;
    }

    Layout layout();

    /** Upstream file and function the layout was read from, e.g. {@code QT hw/piix4acpi.c:piix4acpi_save}. */
    String source();

    /** Whose numbering a version label belongs to. */
    enum Origin {
        /** qemu-xen-traditional as published by Xen.org. */
        UPSTREAM,
        /** XenServer's patched qemu-dm (private numbering, Appendix X of the spec). */
        XENSERVER
    }
}
